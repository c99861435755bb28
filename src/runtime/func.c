/* func.c — function objects, cells, and argument binding.
 *
 * A FuncObj pairs a Code with the globals it was defined in, its default
 * values and its closure (a tuple of Cells).  func_bind implements
 * Python's parameter binding for the general case (keywords, *args,
 * **kwargs, keyword-only parameters) with CPython's exact TypeError texts;
 * the VM's call path handles the common exact-arity positional call
 * without coming here.
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "vm_internal.h"

/* ---- cells ---- */

static void cell_dealloc(Obj *o)
{
    v_decref(((Cell *)o)->v);
    free(o);
}

static Value cell_repr(Value self)
{
    Cell *c = (Cell *)self.o;
    if (IS_UNBOUND(c->v)) return str_fmt("<cell at %p: empty>", (void *)c);
    return str_fmt("<cell at %p: %s object at %p>", (void *)c, v_typename(c->v),
                   IS_OBJ(c->v) ? (void *)c->v.o : (void *)c);
}

Type cell_type = {
    .hdr = {1, &type_type}, .name = "cell", .base = &object_type,
    .basicsize = sizeof(Cell), .dealloc = cell_dealloc, .repr = cell_repr,
};

Value cell_new(Value v)
{
    Cell *c = obj_alloc(&cell_type, sizeof(Cell));
    if (!c) return V_ERR;
    c->v = v_incref(v);
    return v_obj(c);
}

/* ---- function objects ---- */

Value func_new(Code *code, Value globals)
{
    FuncObj *f = obj_alloc(&func_type, sizeof(FuncObj));
    if (!f) return V_ERR;
    obj_incref(&code->hdr);
    f->code = code;
    f->globals = v_incref(globals);
    f->defaults = f->kwdefaults = f->closure = V_NONE;
    f->name = v_incref(code->name);
    f->qualname = v_incref(code->qualname);
    f->doc = v_incref(code->doc);
    f->dict = V_NONE;
    f->klass = NULL;
    return v_obj(f);
}

static void func_dealloc(Obj *o)
{
    FuncObj *f = (FuncObj *)o;
    obj_decref(&f->code->hdr);
    v_decref(f->globals);
    v_decref(f->defaults);
    v_decref(f->kwdefaults);
    v_decref(f->closure);
    v_decref(f->name);
    v_decref(f->qualname);
    v_decref(f->doc);
    v_decref(f->dict);
    free(o);
}

static Value func_repr(Value self)
{
    FuncObj *f = (FuncObj *)self.o;
    return str_fmt("<function %s at %p>", str_cstr(f->qualname), (void *)f);
}

static Value func_call_slot(Value self, Value *args, int nargs, KwArgs *kw)
{
    return func_call((FuncObj *)self.o, args, nargs, kw);
}

static Value func_getattr(Value self, Obj *name)
{
    FuncObj *f = (FuncObj *)self.o;
    const char *n = ((Str *)name)->data;
    if (IS_OBJ(f->dict)) {
        Value v = dict_get(f->dict, v_obj(name));
        if (!IS_UNBOUND(v)) return IS_ERR(v) ? v : v_incref(v);
    }
    if (!strcmp(n, "__name__")) return v_incref(f->name);
    if (!strcmp(n, "__qualname__")) return v_incref(f->qualname);
    if (!strcmp(n, "__doc__")) return v_incref(f->doc);
    if (!strcmp(n, "__defaults__")) return v_incref(f->defaults);
    if (!strcmp(n, "__kwdefaults__")) return v_incref(f->kwdefaults);
    if (!strcmp(n, "__globals__")) return v_incref(f->globals);
    if (!strcmp(n, "__closure__")) return v_incref(f->closure);
    if (!strcmp(n, "__code__")) return v_incref(v_obj(f->code));
    if (!strcmp(n, "__dict__")) {
        if (!IS_OBJ(f->dict)) {
            Value d = dict_new();
            if (IS_ERR(d)) return d;
            f->dict = d;
        }
        return v_incref(f->dict);
    }
    if (!strcmp(n, "__module__")) {
        Value m = dict_get_cstr(f->globals, "__name__");
        return IS_OBJ(m) ? v_incref(m) : V_NONE;
    }
    return V_UNBOUND;
}

static int func_setattr(Value self, Obj *name, Value val)
{
    FuncObj *f = (FuncObj *)self.o;
    const char *n = ((Str *)name)->data;
    Value *slot = !strcmp(n, "__name__") ? &f->name : !strcmp(n, "__qualname__") ? &f->qualname
                : !strcmp(n, "__doc__") ? &f->doc : !strcmp(n, "__defaults__") ? &f->defaults : NULL;
    if (slot) {
        Value old = *slot;
        *slot = IS_UNBOUND(val) ? V_NONE : v_incref(val);
        v_decref(old);
        return 0;
    }
    if (!IS_OBJ(f->dict)) {
        Value d = dict_new();
        if (IS_ERR(d)) return -1;
        f->dict = d;
    }
    if (IS_UNBOUND(val)) {
        if (IS_UNBOUND(dict_get(f->dict, v_obj(name)))) {
            rt_raise(&exc_AttributeError, "'function' object has no attribute '%s'", n);
            return -1;
        }
        return dict_del(f->dict, v_obj(name));
    }
    return dict_set(f->dict, v_obj(name), val);
}

static bool func_hash(Value self, int64_t *out)
{
    *out = (int64_t)((uintptr_t)self.o >> 4);
    return true;
}

Type func_type = {
    .hdr = {1, &type_type}, .name = "function", .base = &object_type,
    .basicsize = sizeof(FuncObj), .dealloc = func_dealloc, .repr = func_repr,
    .call = func_call_slot, .getattr = func_getattr, .setattr = func_setattr,
    .hash = func_hash,
};

/* ---- argument binding ---- */

static const char *qn(FuncObj *f) { return str_cstr(f->qualname); }
static const char *slotname(Code *co, int i) { return ((Str *)co->slotnames[i])->data; }

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void name_list(char *buf, size_t n, Code *co, const int *idx, int k)
{
    buf[0] = 0;
    size_t len = 0;
    for (int i = 0; i < k && len < n; i++) {
        const char *sep = i == 0 ? "" : (k == 2 ? " and " : (i == k - 1 ? ", and " : ", "));
        len += (size_t)snprintf(buf + len, n - len, "%s'%s'", sep, slotname(co, idx[i]));
    }
}

static bool missing_error(FuncObj *f, Value *slots, int from, int to, bool kwonly)
{
    Code *co = f->code;
    int idx[64], k = 0;
    for (int i = from; i < to && k < 64; i++)
        if (IS_UNBOUND(slots[i])) idx[k++] = i;
    char names[512];
    name_list(names, sizeof names, co, idx, k);
    rt_raise(&exc_TypeError, "%s() missing %d required %s argument%s: %s", qn(f), k,
             kwonly ? "keyword-only" : "positional", k == 1 ? "" : "s", names);
    return false;
}

static bool too_many_error(FuncObj *f, int nargs, int nkwgiven)
{
    Code *co = f->code;
    int ndef = IS_TYPE(f->defaults, &tuple_type) ? (int)((Tuple *)f->defaults.o)->len : 0;
    int max = co->argcount, min = co->argcount - ndef;
    char takes[64];
    if (min < max) snprintf(takes, sizeof takes, "from %d to %d positional arguments", min, max);
    else snprintf(takes, sizeof takes, "%d positional argument%s", max, max == 1 ? "" : "s");
    char given[128];
    if (nkwgiven)
        snprintf(given, sizeof given, "%d positional argument%s (and %d keyword-only argument%s) were",
                 nargs, nargs == 1 ? "" : "s", nkwgiven, nkwgiven == 1 ? "" : "s");
    else
        snprintf(given, sizeof given, "%d %s", nargs, nargs == 1 ? "was" : "were");
    rt_raise(&exc_TypeError, "%s() takes %s but %s given", qn(f), takes, given);
    return false;
}

static int find_param(Code *co, Obj *name, int nparams)
{
    for (int i = 0; i < nparams; i++)
        if (co->slotnames[i] == name) return i;
    const char *n = ((Str *)name)->data;
    for (int i = 0; i < nparams; i++)
        if (!strcmp(slotname(co, i), n)) return i;
    return -1;
}

static bool bind_keywords(FuncObj *f, Value *slots, KwArgs *kw, Value kwdict, int *nkwonly_given)
{
    Code *co = f->code;
    int nparams = co->argcount + co->kwonlycount;
    for (int i = 0; kw && i < kw->n; i++) {
        int p = find_param(co, kw->names[i], nparams);
        if (p < 0) {
            if (!IS_OBJ(kwdict)) {
                rt_raise(&exc_TypeError, "%s() got an unexpected keyword argument '%s'", qn(f),
                         ((Str *)kw->names[i])->data);
                return false;
            }
            if (dict_set(kwdict, v_obj(kw->names[i]), kw->vals[i]) < 0) return false;
            continue;
        }
        if (!IS_UNBOUND(slots[p])) {
            rt_raise(&exc_TypeError, "%s() got multiple values for argument '%s'", qn(f),
                     slotname(co, p));
            return false;
        }
        if (p >= co->argcount) (*nkwonly_given)++;
        slots[p] = v_incref(kw->vals[i]);
    }
    return true;
}

static bool fill_defaults(FuncObj *f, Value *slots)
{
    Code *co = f->code;
    int ndef = IS_TYPE(f->defaults, &tuple_type) ? (int)((Tuple *)f->defaults.o)->len : 0;
    int first = co->argcount - ndef;
    for (int i = first; i < co->argcount; i++)
        if (IS_UNBOUND(slots[i])) slots[i] = v_incref(((Tuple *)f->defaults.o)->items[i - first]);
    for (int i = 0; i < first; i++)
        if (IS_UNBOUND(slots[i])) return missing_error(f, slots, 0, first, false);
    bool missing = false;
    for (int i = co->argcount; i < co->argcount + co->kwonlycount; i++) {
        if (!IS_UNBOUND(slots[i])) continue;
        Value d = IS_OBJ(f->kwdefaults) ? dict_get(f->kwdefaults, v_obj(co->slotnames[i])) : V_UNBOUND;
        if (IS_UNBOUND(d) || IS_ERR(d)) missing = true;
        else slots[i] = v_incref(d);
    }
    if (missing) return missing_error(f, slots, co->argcount, co->argcount + co->kwonlycount, true);
    return true;
}

bool func_bind(FuncObj *f, Value *slots, Value *args, int nargs, KwArgs *kw)
{
    Code *co = f->code;
    int npos = nargs < co->argcount ? nargs : co->argcount;
    for (int i = 0; i < npos; i++) slots[i] = v_incref(args[i]);
    int k = co->argcount + co->kwonlycount;
    if (co->has_varargs) {
        Value rest = tuple_from_array(args + npos, nargs - npos);
        if (IS_ERR(rest)) return false;
        slots[k++] = rest;
    }
    Value kwdict = V_NONE;
    if (co->has_varkw) {
        kwdict = dict_new();
        if (IS_ERR(kwdict)) return false;
        slots[k] = kwdict;
    }
    int nkwonly_given = 0;
    if (!bind_keywords(f, slots, kw, kwdict, &nkwonly_given)) return false;
    if (nargs > co->argcount && !co->has_varargs) return too_many_error(f, nargs, nkwonly_given);
    return fill_defaults(f, slots);
}
