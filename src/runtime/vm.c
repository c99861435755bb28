/* vm.c — the bytecode interpreter: one dispatch loop with computed goto.
 *
 * Frames of ordinary calls live on the C stack with their slots on one
 * shared value stack (no allocation per call); generator frames own heap
 * memory (gen.c).  Every operation that can fail jumps to `error`, which
 * records the traceback line, links the exception to the one being handled
 * (__context__) and either enters the innermost handler block of the frame
 * (pushing the previously handled exception and the new one) or clears the
 * frame and returns V_ERR to the caller.
 *
 * Fast paths inline the common cases (int/float arithmetic and comparisons
 * with overflow checks, list indexing, method calls without a bound-method
 * object); everything else goes through the generic v_* operations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "builtins.h"
#include "format.h"
#include "dict_impl.h"
#include "objects.h"
#include "vm_internal.h"

Frame *vm_frame;
Value vm_handled = {.tag = VT_NONE};
int vm_depth;
int rt_recursion_limit = 1000;

/* ---- the shared value stack ---- */
#define VSTACK_SIZE (1 << 18)
static Value *vstack, *vstack_top, *vstack_end;

static Value *slots_alloc(int need, bool *heap)
{
    if (!vstack) {
        vstack = malloc(sizeof(Value) * VSTACK_SIZE);
        if (vstack) {
            vstack_top = vstack;
            vstack_end = vstack + VSTACK_SIZE;
        }
    }
    if (vstack && vstack_top + need <= vstack_end) {
        Value *p = vstack_top;
        vstack_top += need;
        *heap = false;
        return p;
    }
    *heap = true;
    return rt_alloc(sizeof(Value) * (size_t)(need ? need : 1));
}

static void slots_free(Value *p, bool heap)
{
    if (heap) free(p);
    else vstack_top = p;
}

/* ---- recursion limits ---- */
static char *cstack_base;
static size_t cstack_limit;

void vm_init_cstack(void)
{
    char here;
    cstack_base = &here;
    struct rlimit rl;
    size_t lim = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) lim = rl.rlim_cur;
    if (lim > (256u << 20)) lim = 256u << 20;
    cstack_limit = lim - (lim / 8 > (1u << 20) ? (1u << 20) : lim / 8) - (64u << 10);
}

bool vm_cstack_ok(void)
{
    char here;
    uintptr_t base = (uintptr_t)cstack_base, now = (uintptr_t)&here;
    /* The stack grows down; a frame above the base (e.g. the traceback
     * printer, called from main after the base was taken) is always fine. */
    if (!cstack_base || now >= base) return true;
    return base - now < cstack_limit;
}

bool vm_enter_call(void)
{
    if (++vm_depth > rt_recursion_limit || !vm_cstack_ok()) {
        vm_depth--;
        rt_raise(&exc_RecursionError, "maximum recursion depth exceeded");
        return false;
    }
    if (rt_interrupted && !rt_check_interrupt()) {
        vm_depth--;
        return false;
    }
    return true;
}

Value vm_builtins(void)
{
    static Value b = {.tag = VT_NONE};
    if (IS_NONE(b)) b = builtins_dict();
    return b;
}

int vm_frame_line(Frame *f)
{
    long i = (long)(f->pc - f->code->code) - 1;
    if (i < 0) i = 0;
    if (i >= f->code->ncode) i = f->code->ncode - 1;
    return f->code->ncode ? f->code->lines[i] : f->code->firstline;
}

void vm_frame_clear(Frame *f)
{
    int n = code_nslots(f->code);
    Value *base = f->slots + n;
    while (f->sp > base) v_decref(*--f->sp);
    for (int i = 0; i < n; i++) {
        v_decref(f->slots[i]);
        f->slots[i] = V_UNBOUND;
    }
}

/* Fills the cell and free slots of a new frame. */
static bool init_cells(Code *co, Value *slots, Value closure)
{
    for (int i = 0; i < co->ncells; i++) {
        Value c = cell_new(V_UNBOUND);
        if (IS_ERR(c)) return false;
        slots[co->nlocals + i] = c;
    }
    for (int i = 0; i < co->nfree; i++) {
        Value c = IS_TYPE(closure, &tuple_type) && i < ((Tuple *)closure.o)->len
                      ? ((Tuple *)closure.o)->items[i] : V_NONE;
        slots[co->nlocals + co->ncells + i] = v_incref(c);
    }
    return true;
}

static void frame_setup(Frame *f, Code *co, FuncObj *fn, Value globals, Value ns, Value *slots)
{
    f->code = co;
    f->func = fn;
    f->globals = globals;
    f->ns = ns;
    f->pc = co->code;
    f->slots = slots;
    f->sp = slots + code_nslots(co);
    f->nblocks = 0;
    f->heap = false;
    f->back = NULL;
}

/* Calls a Python function: binds the arguments into fresh slots and runs
 * the body.  The fast path (exact positional arity) just copies. */
Value func_call(FuncObj *fn, Value *args, int nargs, KwArgs *kw)
{
    Code *co = fn->code;
    if (co->flags & CO_GENERATOR) return gen_new(fn, args, nargs, kw);
    if (!vm_enter_call()) return V_ERR;
    int nslots = code_nslots(co);
    bool heap;
    Value *slots = slots_alloc(nslots + co->stacksize, &heap);
    if (!slots) {
        vm_leave_call();
        return V_ERR;
    }
    Value r = V_ERR;
    bool simple = !co->has_varargs && !co->has_varkw && !co->kwonlycount;
    if (simple && (!kw || kw->n == 0) && nargs == co->argcount) {
        for (int i = 0; i < nargs; i++) slots[i] = v_incref(args[i]);
        for (int i = nargs; i < nslots; i++) slots[i] = V_UNBOUND;
    } else {
        for (int i = 0; i < nslots; i++) slots[i] = V_UNBOUND;
        if (!func_bind(fn, slots, args, nargs, kw)) goto done;
    }
    if (!init_cells(co, slots, fn->closure)) goto done;
    Frame f;
    frame_setup(&f, co, fn, fn->globals, V_NONE, slots);
    bool yielded;
    r = vm_exec(&f, &yielded);
done:
    for (int i = 0; i < nslots; i++) v_decref(slots[i]);
    slots_free(slots, heap);
    vm_leave_call();
    return r;
}

/* Module and class bodies: names live in the ns dict. */
Value vm_run_code(Code *co, Value globals, Value ns, Value closure)
{
    if (!vm_enter_call()) return V_ERR;
    int nslots = code_nslots(co);
    bool heap;
    Value *slots = slots_alloc(nslots + co->stacksize, &heap);
    Value r = V_ERR;
    if (!slots) goto out;
    for (int i = 0; i < nslots; i++) slots[i] = V_UNBOUND;
    if (init_cells(co, slots, closure)) {
        Frame f;
        frame_setup(&f, co, NULL, globals, ns, slots);
        bool yielded;
        r = vm_exec(&f, &yielded);
    }
    for (int i = 0; i < nslots; i++) v_decref(slots[i]);
    slots_free(slots, heap);
out:
    vm_leave_call();
    return r;
}

/* Calls with the fast paths for Python functions and builtin functions. */
static inline Value call_value(Value fn, Value *args, int nargs, KwArgs *kw)
{
    if (IS_OBJ(fn)) {
        Type *t = fn.o->type;
        if (t == &func_type) return func_call((FuncObj *)fn.o, args, nargs, kw);
        if (t == &cfunc_type && IS_UNBOUND(((CFuncObj *)fn.o)->self)) {
            if (rt_interrupted && !rt_check_interrupt()) return V_ERR;
            return ((CFuncObj *)fn.o)->def->fn(args, nargs, kw);
        }
    }
    return v_call(fn, args, nargs, kw);
}

/* ---- helpers for the instructions that are not on the hot path ---- */

static Value name_error(Frame *f, Obj *name)
{
    const char *n = ((Str *)name)->data;
    rt_raise(&exc_NameError, "name '%s' is not defined", n);
    if (!IS_OBJ(rt_exc) || !IS_OBJ(((Instance *)rt_exc.o)->dict)) return V_ERR;
    Value d = ((Instance *)rt_exc.o)->dict;
    dict_set_cstr(d, "name", v_obj(name));
    /* The suggestion is shown only by the traceback, as in CPython 3.11. */
    Value cands[3];
    int nc = 0;
    Value locals = V_UNBOUND;
    if (f->func) {
        locals = list_new(0);
        if (IS_ERR(locals)) { rt_exc_clear(); return V_ERR; }
        Value saved = rt_exc_take();
        for (int i = 0; i < code_nslots(f->code); i++) {
            Value v = f->slots[i];
            if (i >= f->code->nlocals && IS_OBJ(v)) v = ((Cell *)v.o)->v;
            if (!IS_UNBOUND(v)) list_append(locals, v_obj(f->code->slotnames[i]));
        }
        rt_raise_value(saved);
        v_decref(saved);
        cands[nc++] = locals;
    } else if (IS_OBJ(f->ns) && f->ns.o != f->globals.o) {
        cands[nc++] = f->ns;
    }
    cands[nc++] = f->globals;
    cands[nc++] = vm_builtins();
    const char *s = suggest_name(n, cands, nc);
    if (s) {
        Value hint = str_from_cstr(s);
        if (!IS_ERR(hint)) {
            dict_set_cstr(d, "__tsc_hint__", hint);
            v_decref(hint);
        }
    }
    v_decref(locals);
    return V_ERR;
}

static Value unbound_local(Frame *f, int slot)
{
    const char *n = ((Str *)f->code->slotnames[slot])->data;
    if (slot >= f->code->nlocals + f->code->ncells)
        return rt_raise(&exc_NameError, "cannot access free variable '%s' where it is not "
                        "associated with a value in enclosing scope", n);
    return rt_raise(&exc_UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value", n);
}

/* LOAD_NAME / LOAD_GLOBAL: whether the lookup's result r (borrowed,
 * UNBOUND when no namespace has the name) is a value; NameError if none. */
static inline bool name_found(Frame *f, Value r, Obj *name)
{
    if (IS_ERR(r)) return false;
    if (IS_UNBOUND(r)) {
        name_error(f, name);
        return false;
    }
    return true;
}

/* STORE_NAME / STORE_GLOBAL: d[name] = v, consuming v. */
static bool ns_store(Value d, Obj *name, Value v)
{
    int rc = dict_set(d, v_obj(name), v);
    v_decref(v);
    return rc >= 0;
}

/* DELETE_NAME / DELETE_GLOBAL: del d[name], a NameError if it is absent. */
static bool ns_delete(Frame *f, Value d, Obj *name)
{
    if (IS_UNBOUND(dict_get(d, v_obj(name)))) {
        name_error(f, name);
        return false;
    }
    return dict_del(d, v_obj(name)) >= 0;
}

/* Sets exc.__context__ to the exception being handled when it is raised
 * inside an except/finally block (without creating a cycle). */
static void link_context(void)
{
    Value exc = rt_exc;
    if (!IS_OBJ(exc) || !exc.o->type->is_exception) return;
    if (!IS_OBJ(vm_handled) || vm_handled.o == exc.o) return;
    ExcObj *e = (ExcObj *)exc.o;
    if (!IS_NONE(e->context)) return;
    Value h = vm_handled;
    for (int i = 0; i < 100 && IS_OBJ(h) && h.o->type->is_exception; i++) {
        ExcObj *he = (ExcObj *)h.o;
        if (IS_OBJ(he->context) && he->context.o == exc.o) {
            Value old = he->context;
            he->context = V_NONE;
            v_decref(old);
            break;
        }
        h = he->context;
    }
    e->context = v_incref(vm_handled);
}

static bool exc_matches(Value exc, Value spec, int *err)
{
    if (IS_TYPE(spec, &tuple_type)) {
        Tuple *t = (Tuple *)spec.o;
        for (int64_t i = 0; i < t->len; i++)
            if (exc_matches(exc, t->items[i], err)) return true;
        return false;
    }
    if (!IS_TYPE(spec, &type_type) || !((Type *)spec.o)->is_exception) {
        rt_raise(&exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        *err = 1;
        return false;
    }
    return v_isinstance(exc, (Type *)spec.o);
}

/* Unpacks seq into n values pushed so that the first is on top. */
static bool unpack(Value seq, int n, Value *sp)
{
    Value *items;
    int64_t len;
    Value tmp = V_UNBOUND;
    if (IS_TYPE(seq, &tuple_type) || IS_TYPE(seq, &list_type)) {
        items = IS_TYPE(seq, &tuple_type) ? ((Tuple *)seq.o)->items : ((List *)seq.o)->items;
        len = IS_TYPE(seq, &tuple_type) ? ((Tuple *)seq.o)->len : ((List *)seq.o)->len;
    } else {
        if (!v_type(seq)->iter) {
            rt_raise(&exc_TypeError, "cannot unpack non-iterable %s object", v_typename(seq));
            return false;
        }
        /* Stop after n + 1 values: an endless iterator must not hang. */
        Value it = v_iter(seq);
        if (IS_ERR(it)) return false;
        tmp = list_new(0);
        if (IS_ERR(tmp)) { v_decref(it); return false; }
        for (int i = 0; i <= n; i++) {
            Value v = v_next(it);
            if (IS_ERR(v)) { v_decref(it); v_decref(tmp); return false; }
            if (IS_UNBOUND(v)) break;
            int rc = list_append(tmp, v);
            v_decref(v);
            if (rc < 0) { v_decref(it); v_decref(tmp); return false; }
        }
        v_decref(it);
        items = ((List *)tmp.o)->items;
        len = ((List *)tmp.o)->len;
    }
    if (len != n) {
        if (len < n) rt_raise(&exc_ValueError, "not enough values to unpack (expected %d, got %d)", n, (int)len);
        else rt_raise(&exc_ValueError, "too many values to unpack (expected %d)", n);
        v_decref(tmp);
        return false;
    }
    for (int i = 0; i < n; i++) sp[i] = v_incref(items[n - 1 - i]);
    v_decref(tmp);
    return true;
}

/* a, *b, c = seq: pushes after-items, the star list, before-items. */
static bool unpack_ex(Value seq, int before, int after, Value *sp)
{
    Value l = list_from_iter(seq);
    if (IS_ERR(l)) {
        if (rt_exc_matches(&exc_TypeError) && !v_type(seq)->iter) {
            rt_exc_clear();
            rt_raise(&exc_TypeError, "cannot unpack non-iterable %s object", v_typename(seq));
        }
        return false;
    }
    List *L = (List *)l.o;
    if (L->len < before + after) {
        rt_raise(&exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                 before + after, (int)L->len);
        v_decref(l);
        return false;
    }
    int k = 0;
    for (int i = after - 1; i >= 0; i--) sp[k++] = v_incref(L->items[L->len - after + i]);
    Value mid = list_getslice(l, before, L->len - after, 1, L->len - after - before);
    if (IS_ERR(mid)) {
        while (k > 0) v_decref(sp[--k]);
        v_decref(l);
        return false;
    }
    sp[k++] = mid;
    for (int i = before - 1; i >= 0; i--) sp[k++] = v_incref(L->items[i]);
    v_decref(l);
    return true;
}

static Value make_function(Frame *f, int flags, Value *sp, int *npop)
{
    int k = 0;
    Value code = sp[-1 - k++];
    Value closure = (flags & 4) ? sp[-1 - k++] : V_NONE;
    Value kwdefaults = (flags & 2) ? sp[-1 - k++] : V_NONE;
    Value defaults = (flags & 1) ? sp[-1 - k++] : V_NONE;
    *npop = k;
    Value fnv = func_new((Code *)code.o, f->globals);
    if (IS_ERR(fnv)) return fnv;
    FuncObj *fn = (FuncObj *)fnv.o;
    fn->closure = v_incref(closure);
    fn->kwdefaults = v_incref(kwdefaults);
    fn->defaults = v_incref(defaults);
    return fnv;
}

static Value build_class(Frame *f, Value body, Value name, Value bases)
{
    FuncObj *fn = (FuncObj *)body.o;
    Value ns = dict_new();
    if (IS_ERR(ns)) return ns;
    Value modname = dict_get_cstr(f->globals, "__name__");
    if (IS_OBJ(modname) && dict_set_cstr(ns, "__module__", modname) < 0) goto fail;
    if (dict_set_cstr(ns, "__qualname__", fn->code->qualname) < 0) goto fail;
    if (!IS_NONE(fn->code->doc) && dict_set_cstr(ns, "__doc__", fn->code->doc) < 0) goto fail;
    Value r = vm_run_code(fn->code, f->globals, ns, fn->closure);
    if (IS_ERR(r)) goto fail;
    v_decref(r);
    Value cls = class_new(name, bases, ns);
    v_decref(ns);
    return cls;
fail:
    v_decref(ns);
    return V_ERR;
}

static Value load_super(Frame *f)
{
    FuncObj *fn = f->func;
    if (!fn || fn->code->argcount + fn->code->has_varargs == 0)
        return rt_raise(&exc_RuntimeError, "super(): no arguments");
    if (!fn->klass) return rt_raise(&exc_RuntimeError, "super(): __class__ cell not found");
    Value self = f->slots[0];
    if (IS_UNBOUND(self)) return rt_raise(&exc_RuntimeError, "super(): arg[0] deleted");
    return super_new(fn->klass, self);
}

static Value import_from(Value mod, Obj *name)
{
    Value v = v_getattr(mod, name);
    if (!IS_ERR(v) || !rt_exc_matches(&exc_AttributeError)) return v;
    rt_exc_clear();
    const char *mname = IS_TYPE(mod, &module_type) ? ((Str *)((Module *)mod.o)->name)->data : "?";
    char buf[512];
    snprintf(buf, sizeof buf, "%s.%s", mname, ((Str *)name)->data);
    v = rt_import(buf);
    if (!IS_ERR(v)) return v;
    rt_exc_clear();
    return rt_raise(&exc_ImportError, "cannot import name '%s' from '%s' (unknown location)",
                    ((Str *)name)->data, mname);
}

static bool import_star(Frame *f, Value mod)
{
    if (!IS_TYPE(mod, &module_type)) return true;
    Value d = ((Module *)mod.o)->dict;
    Value k, v;
    for (int64_t i = 0; dict_next(d, &i, &k, &v);) {
        if (IS_TYPE(k, &str_type) && str_cstr(k)[0] == '_') continue;
        if (dict_set(IS_OBJ(f->ns) ? f->ns : f->globals, k, v) < 0) return false;
    }
    return true;
}

static bool print_expr(Value v)
{
    if (IS_NONE(v)) return true;
    Value r = v_repr(v);
    if (IS_ERR(r)) return false;
    fwrite(str_cstr(r), 1, (size_t)((Str *)r.o)->len, stdout);
    fputc('\n', stdout);
    v_decref(r);
    return dict_set_cstr(vm_builtins(), "_", v) >= 0;
}

/* f"{x!r:spec}": conversion then format(value, spec). */
static Value format_value(Value v, int conv, Value spec)
{
    Value conv_v = V_UNBOUND;
    if ((conv & 3) == 1 || (conv & 3) == 3) conv_v = v_repr(v);
    else if ((conv & 3) == 2) conv_v = v_str(v);
    if (IS_ERR(conv_v)) return conv_v;
    Value x = IS_UNBOUND(conv_v) ? v : conv_v;
    Value r;
    bool nospec = !(conv & 4) || (IS_TYPE(spec, &str_type) && ((Str *)spec.o)->len == 0);
    if (nospec && (IS_TYPE(x, &str_type) || IS_INT(x) || IS_FLOAT(x) || IS_BOOL(x))) {
        r = IS_TYPE(x, &str_type) ? v_incref(x) : v_str(x);
    } else if (nospec) {
        r = fmt_format_value(x, "");   /* f'{x}' is format(x, ''): a 0-dim tensor's item */
    } else if (!IS_TYPE(spec, &str_type)) {
        r = rt_raise(&exc_TypeError, "format spec must be str");
    } else {
        r = fmt_format_value(x, str_cstr(spec));
    }
    v_decref(conv_v);
    return r;
}

static Value build_string(Value *items, int n)
{
    StrBuf b;
    if (!sb_init(&b, 64)) return V_ERR;
    for (int i = 0; i < n; i++) {
        if (!sb_addv(&b, items[i])) {
            sb_free(&b);
            return V_ERR;
        }
    }
    return sb_finish(&b);
}

static bool dict_merge_kw(Value d, Value m)
{
    if (!IS_TYPE(m, &dict_type)) {
        rt_raise(&exc_TypeError, "argument after ** must be a mapping, not %s", v_typename(m));
        return false;
    }
    Value k, v;
    for (int64_t i = 0; dict_next(m, &i, &k, &v);) {
        if (!IS_TYPE(k, &str_type)) {
            rt_raise(&exc_TypeError, "keywords must be strings");
            return false;
        }
        if (!IS_UNBOUND(dict_get(d, k))) {
            rt_raise(&exc_TypeError, "got multiple values for keyword argument '%s'", str_cstr(k));
            return false;
        }
        if (dict_set(d, k, v) < 0) return false;
    }
    return true;
}

/* f(*args, **kw): args any iterable, kw a dict of str keys. */
static Value call_ex(Value fn, Value self, Value args, Value kwd)
{
    Value tup = IS_TYPE(args, &tuple_type) ? v_incref(args) : tuple_from_iter(args);
    if (IS_ERR(tup)) {
        if (rt_exc_matches(&exc_TypeError) && !v_type(args)->iter) {
            rt_exc_clear();
            rt_raise(&exc_TypeError, "Value after * must be an iterable, not %s", v_typename(args));
        }
        return V_ERR;
    }
    Tuple *t = (Tuple *)tup.o;
    int hasself = !IS_UNBOUND(self);
    int n = (int)t->len + hasself;
    int64_t nkw = IS_OBJ(kwd) ? dict_len(kwd) : 0;
    Value *argv = rt_alloc(sizeof(Value) * (size_t)(n + nkw + 1));
    Obj **names = rt_alloc(sizeof(Obj *) * (size_t)(nkw + 1));
    Value r = V_ERR;
    if (!argv || !names) goto out;
    if (hasself) argv[0] = self;
    for (int64_t i = 0; i < t->len; i++) argv[hasself + i] = t->items[i];
    KwArgs kw = {.n = (int)nkw, .names = names, .vals = argv + n};
    Value k, v;
    int j = 0;
    for (int64_t i = 0; IS_OBJ(kwd) && dict_next(kwd, &i, &k, &v); j++) {
        names[j] = k.o;
        argv[n + j] = v;
    }
    r = call_value(fn, argv, n, nkw ? &kw : NULL);
out:
    free(argv);
    free(names);
    v_decref(tup);
    return r;
}

static Value call_kw(Value fn, Value *args, int nargs, Value kwnames)
{
    Tuple *t = (Tuple *)kwnames.o;
    Obj *small[16];
    Obj **names = t->len <= 16 ? small : rt_alloc(sizeof(Obj *) * (size_t)t->len);
    if (!names) return V_ERR;
    for (int64_t i = 0; i < t->len; i++) names[i] = t->items[i].o;
    KwArgs kw = {.n = (int)t->len, .names = names, .vals = args + nargs - t->len};
    Value r = call_value(fn, args, nargs - (int)t->len, &kw);
    if (names != small) free(names);
    return r;
}

/* CALL / CALL_KW: calls fslot[0] with the self found by LOAD_METHOD
 * (fslot[1], UNBOUND if none) and the nargs arguments after it, the last
 * of them named by the tuple kwnames (UNBOUND: none named); then releases
 * those slots, from the top down. */
static inline Value call_slots(Value *fslot, int nargs, Value kwnames)
{
    Value *args = fslot + 2, r;
    int n = nargs;
    if (!IS_UNBOUND(fslot[1])) {
        args--;
        n++;
    }
    if (IS_UNBOUND(kwnames)) r = call_value(fslot[0], args, n, NULL);
    else r = call_kw(fslot[0], args, n, kwnames);
    for (Value *sp = fslot + 2 + nargs; sp > fslot;) v_decref(*--sp);
    return r;
}

static Value with_enter(Value ctx, Value *exit_out)
{
    Value exit = v_getattr_cstr(ctx, "__exit__");
    Value enter = IS_ERR(exit) ? V_ERR : v_getattr_cstr(ctx, "__enter__");
    if (IS_ERR(enter)) {
        v_decref(exit);
        if (rt_exc_matches(&exc_AttributeError)) {
            rt_exc_clear();
            rt_raise(&exc_TypeError, "'%s' object does not support the context manager protocol",
                     v_typename(ctx));
        }
        return V_ERR;
    }
    Value r = v_call(enter, NULL, 0, NULL);
    v_decref(enter);
    if (IS_ERR(r)) {
        v_decref(exit);
        return r;
    }
    *exit_out = exit;
    return r;
}

static void set_handled(Value prev)
{
    Value old = vm_handled;
    vm_handled = prev;
    v_decref(old);
}

static bool raise_with_cause(Value exc, Value cause)
{
    rt_raise_value(exc);
    if (!IS_OBJ(rt_exc) || !rt_exc.o->type->is_exception) return false;
    Value c = cause;
    if (IS_TYPE(cause, &type_type) && ((Type *)cause.o)->is_exception) {
        c = v_call(cause, NULL, 0, NULL);
        if (IS_ERR(c)) return false;
    } else if (!IS_NONE(cause) && !(IS_OBJ(cause) && cause.o->type->is_exception)) {
        rt_raise(&exc_TypeError, "exception causes must derive from BaseException");
        return false;
    } else {
        v_incref(c);
    }
    ExcObj *e = (ExcObj *)rt_exc.o;
    Value old = e->cause;
    e->cause = c;
    v_decref(old);
    dict_set_cstr(e->inst.dict, "__suppress_context__", v_bool(true));
    return false;
}

static Value subscr(Value o, Value k)
{
    if (IS_TYPE(o, &list_type) && IS_INT(k)) {
        List *l = (List *)o.o;
        int64_t i = k.i < 0 ? k.i + l->len : k.i;
        if (i >= 0 && i < l->len) return v_incref(l->items[i]);
    }
    return v_getitem(o, k);
}

/* ---- the global variable cache ----
 *
 * Module-level code and functions read globals and builtins by name on
 * nearly every line, and hashing the name into the dict each time cost a
 * fifth of the list/dict benchmark.  Each code object keeps one entry per
 * name: where LOAD_GLOBAL last found it (entry ix of the globals, or of
 * the builtins with the globals known not to hold it) and the keys
 * versions of both dicts then (dict_impl.h).  While those versions are
 * unchanged the entry is still right, because replacing a value keeps a
 * dict's keys version: a hit reads the value straight from the entry. */
typedef struct GCache {
    uint64_t gver;     /* keys version of the globals; 0: empty entry */
    uint64_t bver;     /* 0: found in the globals; else the builtins' version */
    int64_t ix;        /* entry position in that dict */
    /* LOAD_METHOD on this name: found at entry mix of the dict of type mt
     * itself, whose keys version was mver (see method_lookup) */
    Type *mt;
    uint64_t mver;
    int64_t mix;
} GCache;

/* The cached value slot for name arg, or NULL when the entry is stale. */
static inline Value *gcache_slot(Frame *f, int arg)
{
    GCache *c = (GCache *)f->code->gcache;
    if (!c || c[arg].gver != dict_kver(f->globals)) return NULL;
    if (c[arg].bver == 0) return dict_val_at(f->globals, c[arg].ix);
    Value b = vm_builtins();
    return c[arg].bver == dict_kver(b) ? dict_val_at(b, c[arg].ix) : NULL;
}

/* The cache of a code object, made on first use; NULL (run uncached) if
 * memory is short: the cache is only an optimisation. */
static GCache *gcache_of(Code *co)
{
    if (!co->gcache) co->gcache = calloc((size_t)(co->nnames ? co->nnames : 1), sizeof(GCache));
    return co->gcache;
}

/* Finds key in d (entry position, -1 absent, -2 error) and, when the dict
 * did not change under the lookup (a user __eq__ could), its version. */
static int64_t gcache_find(Value d, Value key, uint64_t *ver)
{
    uint64_t before = dict_kver(d);
    int64_t ix = dict_find_index(d, key);
    *ver = dict_kver(d) == before ? before : 0;
    return ix;
}

/* Records where a global was found (the method half of the entry stays). */
static void gcache_set(GCache *c, uint64_t gver, uint64_t bver, int64_t ix)
{
    c->gver = gver;
    c->bver = bver;
    c->ix = ix;
}

/* The uncached LOAD_GLOBAL: globals, then builtins.  Returns the value
 * (borrowed), UNBOUND if neither has it, V_ERR on error; refills the
 * cache entry. */
static Value gcache_fill(Frame *f, int arg)
{
    Value key = v_obj(f->code->names[arg]), b = vm_builtins();
    uint64_t gver, bver;
    int64_t ix = gcache_find(f->globals, key, &gver);
    if (ix == -2) return V_ERR;
    GCache *c = gcache_of(f->code);
    if (ix >= 0) {
        if (c && gver) gcache_set(&c[arg], gver, 0, ix);
        return *dict_val_at(f->globals, ix);
    }
    ix = gcache_find(b, key, &bver);
    if (ix == -2) return V_ERR;
    if (ix < 0) return V_UNBOUND;
    if (c && gver && bver && gver == dict_kver(f->globals)) gcache_set(&c[arg], gver, bver, ix);
    return *dict_val_at(b, ix);
}

/* type_lookup for LOAD_METHOD, cached per name: an attribute found in the
 * object's own type's dict is read straight from its entry while that
 * dict's keys are unchanged (a replaced method is seen, being read live;
 * nothing can shadow it but the instance dict, which load_method checks).
 * Attributes inherited from a base take the uncached walk. */
static Value method_lookup(Frame *f, int arg, Type *t, Obj *name)
{
    GCache *c = (GCache *)f->code->gcache;
    if (c && c[arg].mt == t && t->dict && c[arg].mver == dict_kver(v_obj(t->dict)))
        return *dict_val_at(v_obj(t->dict), c[arg].mix);
    if (t->dict && (c = gcache_of(f->code))) {
        uint64_t ver;
        int64_t ix = gcache_find(v_obj(t->dict), v_obj(name), &ver);
        if (ix >= 0 && ver) {
            c[arg].mt = t;
            c[arg].mver = ver;
            c[arg].mix = ix;
            return *dict_val_at(v_obj(t->dict), ix);
        }
        if (ix == -1 && !t->mro) return type_lookup(t->base, name);  /* t's own dict: just searched */
        if (ix == -2) rt_exc_clear();   /* the walk below raises it again */
    }
    return type_lookup(t, name);
}

/* Types whose getattr hook only adds attributes in front of the generic
 * lookup (v_getattr's order): LOAD_METHOD asks the hook, then looks for a
 * method.  type, module and super objects resolve everything themselves. */
static bool hooked_attr(Value o, Obj *name)
{
    (void)name;
    Type *t = v_type(o);
    return t->getattr && t != &type_type && t != &module_type && t != &super_type;
}

/* LOAD_METHOD: finds a plain function or builtin method on the type so the
 * call can pass self without creating a bound-method object (for a type
 * with a getattr hook, once the hook has declined: hooked_attr). */
static bool load_method(Frame *f, int arg, Value o, Obj *name, Value *fn)
{
    Type *t = v_type(o);
    if ((t->getattr && !hooked_attr(o, name)) || t == &type_type || t == &module_type ||
        t == &super_type)
        return false;
    Value attr = method_lookup(f, arg, t, name);
    if (IS_UNBOUND(attr) || IS_ERR(attr)) return false;
    bool plain = IS_TYPE(attr, &func_type) ||
                 (IS_TYPE(attr, &cfunc_type) && IS_UNBOUND(((CFuncObj *)attr.o)->self) &&
                  ((CFuncObj *)attr.o)->def->flags == 0);
    if (!plain) return false;
    if (t->is_class && IS_OBJ(class_inst_dict(o.o))) {
        Value own = dict_get(class_inst_dict(o.o), v_obj(name));
        if (!IS_UNBOUND(own)) return false;
    }
    *fn = v_incref(attr);
    return true;
}

/* s = s + t / s += t on a str nobody else holds: append in place (the
 * string-building loop would otherwise be quadratic), as CPython does. */
/* The variable the next instruction stores into, when it is the only other
 * holder of a: cleared so the string can be resized in place. */
static bool release_target(Frame *f, Value a, uint32_t next)
{
    int op = INS_OP(next), arg = (int)INS_ARG(next);
    if (op == OPC_STORE_FAST) {
        if (!IS_OBJ(f->slots[arg]) || f->slots[arg].o != a.o) return false;
        f->slots[arg] = V_UNBOUND;
        a.o->rc--;                 /* the stack keeps the only reference */
        return true;
    }
    if (op != OPC_STORE_GLOBAL && op != OPC_STORE_NAME) return false;
    Value d = op == OPC_STORE_GLOBAL ? f->globals : f->ns;
    Value key = v_obj(f->code->names[arg]);
    Value cur = dict_get(d, key);
    if (!IS_OBJ(cur) || cur.o != a.o) return false;
    obj_incref(a.o);               /* keep it alive across the dict update */
    if (dict_set(d, key, V_NONE) < 0) {
        rt_exc_clear();
        obj_decref(a.o);
        return false;
    }
    a.o->rc--;                     /* the dict's reference is gone */
    return true;
}

/* s = s + t / s += t with s held only by the stack and the variable being
 * assigned: the variable lets go and str_append_steal grows s in place
 * (geometrically), so string-building loops are linear as in CPython.
 * Returns false to take the ordinary path; *err when that failed. */
static bool str_append_inplace(Frame *f, Value *ap, Value b, uint32_t next, bool *err)
{
    Value a = *ap;
    if (!IS_TYPE(a, &str_type) || !IS_TYPE(b, &str_type) || a.o->rc != 2) return false;
    if (((Str *)a.o)->interned || ((Str *)a.o)->len < 2) return false;
    if (!release_target(f, a, next)) return false;
    Value r = str_append_steal(a, b);
    *ap = IS_ERR(r) ? V_NONE : r;
    *err = IS_ERR(r);
    return true;
}

/* int % int and int // int with Python's floor semantics, the common
 * integer operators that have no opcode of their own (i % 7 in loops, key
 * hashing, index arithmetic).  False: take the generic path (non-ints, a
 * zero divisor's ZeroDivisionError, INT64_MIN // -1's OverflowError). */
static inline bool int_binop_fast(int op, Value a, Value b, Value *out)
{
    if (!IS_INT(a) || !IS_INT(b) || b.i == 0 || (b.i == -1 && a.i == INT64_MIN)) return false;
    if (op == OP_MOD) {
        int64_t m = a.i % b.i;
        if (m != 0 && ((m < 0) != (b.i < 0))) m += b.i;
        *out = v_int(m);
        return true;
    }
    if (op == OP_FLOORDIV) {
        int64_t q = a.i / b.i;
        if ((a.i % b.i != 0) && ((a.i < 0) != (b.i < 0))) q--;
        *out = v_int(q);
        return true;
    }
    return false;
}

static inline int fast_compare(int op, Value a, Value b)
{
    double x, y;
    if (IS_INT(a) && IS_INT(b)) {
        switch (op) {
        case CMP_LT: return a.i < b.i;
        case CMP_LE: return a.i <= b.i;
        case CMP_EQ: return a.i == b.i;
        case CMP_NE: return a.i != b.i;
        case CMP_GT: return a.i > b.i;
        default: return a.i >= b.i;
        }
    }
    if (IS_FLOAT(a) && IS_FLOAT(b)) { x = a.f; y = b.f; }
    else if (IS_FLOAT(a) && IS_INT(b)) { x = a.f; y = (double)b.i; if ((int64_t)y != b.i) return -1; }
    else if (IS_INT(a) && IS_FLOAT(b)) { x = (double)a.i; y = b.f; if ((int64_t)x != a.i) return -1; }
    else return -1;
    switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    default: return x >= y;
    }
}

/* ---- the dispatch loop ---- */

Value vm_exec(Frame *f, bool *yielded)
{
    static void *const labels[] = {
#define OP_LABEL(name) &&L_##name,
        OPCODES(OP_LABEL)
#undef OP_LABEL
    };
    Code *co = f->code;
    uint32_t *pc = f->pc;
    Value *sp = f->sp;
    Value *slots = f->slots;
    Value *consts = co->consts;
    Obj **names = co->names;
    Value *stack_base = slots + code_nslots(co);
    bool reraise = false, serr = false;
    uint32_t w;
    int arg;
    Value r;

    f->back = vm_frame;
    vm_frame = f;
    *yielded = false;

#define DISPATCH() do { w = *pc++; arg = (int)INS_ARG(w); goto *labels[INS_OP(w)]; } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define CHECK(x) do { if (IS_ERR(x)) goto error; } while (0)

    DISPATCH();

L_NOP:
    DISPATCH();
L_POP:
    v_decref(POP());
    DISPATCH();
L_DUP:
    sp[0] = v_incref(sp[-1]);
    sp++;
    DISPATCH();
L_DUP2:
    sp[0] = v_incref(sp[-2]);
    sp[1] = v_incref(sp[-1]);
    sp += 2;
    DISPATCH();
L_ROT2: {
    Value t = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = t;
    DISPATCH();
}
L_ROT3: {
    Value t = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = sp[-3];
    sp[-3] = t;
    DISPATCH();
}
L_PUSH_UNBOUND:
    PUSH(V_UNBOUND);
    DISPATCH();
L_LOAD_CONST:
    PUSH(v_incref(consts[arg]));
    DISPATCH();
L_LOAD_FAST:
    r = slots[arg];
    if (IS_UNBOUND(r)) {
        unbound_local(f, arg);
        goto error;
    }
    PUSH(v_incref(r));
    DISPATCH();
L_STORE_FAST:
    r = slots[arg];
    slots[arg] = POP();
    v_decref(r);
    DISPATCH();
L_DELETE_FAST:
    if (IS_UNBOUND(slots[arg])) {
        unbound_local(f, arg);
        goto error;
    }
    v_decref(slots[arg]);
    slots[arg] = V_UNBOUND;
    DISPATCH();
L_LOAD_DEREF: {
    Cell *c = (Cell *)slots[co->nlocals + arg].o;
    if (IS_UNBOUND(c->v)) {
        unbound_local(f, co->nlocals + arg);
        goto error;
    }
    PUSH(v_incref(c->v));
    DISPATCH();
}
L_STORE_DEREF: {
    Cell *c = (Cell *)slots[co->nlocals + arg].o;
    r = c->v;
    c->v = POP();
    v_decref(r);
    DISPATCH();
}
L_DELETE_DEREF: {
    Cell *c = (Cell *)slots[co->nlocals + arg].o;
    if (IS_UNBOUND(c->v)) {
        unbound_local(f, co->nlocals + arg);
        goto error;
    }
    v_decref(c->v);
    c->v = V_UNBOUND;
    DISPATCH();
}
L_LOAD_CLOSURE:
    PUSH(v_incref(slots[co->nlocals + arg]));
    DISPATCH();
L_LOAD_GLOBAL: {
    Value *slot = gcache_slot(f, arg);
    if (slot) {
        PUSH(v_incref(*slot));
        DISPATCH();
    }
    r = gcache_fill(f, arg);
    if (!name_found(f, r, names[arg])) goto error;
    PUSH(v_incref(r));
    DISPATCH();
}
L_STORE_GLOBAL: {
    /* a name cached in the globals is replaced in its entry; the dict
     * holds the new value before the old one is released */
    GCache *gc = (GCache *)co->gcache;
    if (gc && gc[arg].bver == 0 && gc[arg].gver == dict_kver(f->globals)) {
        Value *slot = dict_val_at(f->globals, gc[arg].ix);
        r = *slot;
        *slot = POP();
        v_decref(r);
        DISPATCH();
    }
    if (!ns_store(f->globals, names[arg], POP())) goto error;
    DISPATCH();
}
L_DELETE_GLOBAL:
    if (!ns_delete(f, f->globals, names[arg])) goto error;
    DISPATCH();
L_LOAD_NAME:
    r = dict_get(f->ns, v_obj(names[arg]));
    if (IS_UNBOUND(r)) r = dict_get(f->globals, v_obj(names[arg]));
    if (IS_UNBOUND(r)) r = dict_get(vm_builtins(), v_obj(names[arg]));
    if (!name_found(f, r, names[arg])) goto error;
    PUSH(v_incref(r));
    DISPATCH();
L_STORE_NAME:
    if (!ns_store(f->ns, names[arg], POP())) goto error;
    DISPATCH();
L_DELETE_NAME:
    if (!ns_delete(f, f->ns, names[arg])) goto error;
    DISPATCH();
L_LOAD_ATTR:
    f->pc = pc;   /* a getter may warn (x.grad of a non-leaf) at this line */
    r = v_getattr(TOP(), names[arg]);
    CHECK(r);
    v_decref(TOP());
    TOP() = r;
    DISPATCH();
L_LOAD_METHOD: {
    Value fn;
    if (hooked_attr(TOP(), names[arg])) {
        /* the type's getattr hook answers first, as in v_getattr (a
         * tensor's data attributes); its methods still skip binding */
        f->pc = pc;
        r = v_type(TOP())->getattr(TOP(), names[arg]);
        if (!IS_UNBOUND(r)) {
            CHECK(r);
            v_decref(TOP());
            TOP() = r;
            PUSH(V_UNBOUND);
            DISPATCH();
        }
    }
    if (load_method(f, arg, TOP(), names[arg], &fn)) {
        sp[0] = sp[-1];
        sp[-1] = fn;
        sp++;
        DISPATCH();
    }
    r = v_getattr(TOP(), names[arg]);
    CHECK(r);
    v_decref(TOP());
    TOP() = r;
    PUSH(V_UNBOUND);
    DISPATCH();
}
L_STORE_ATTR: {
    Value o = POP(), v = POP();
    int rc = v_setattr(o, names[arg], v);
    v_decref(o);
    v_decref(v);
    if (rc < 0) goto error;
    DISPATCH();
}
L_DELETE_ATTR: {
    Value o = POP();
    int rc = v_setattr(o, names[arg], V_UNBOUND);
    v_decref(o);
    if (rc < 0) goto error;
    DISPATCH();
}
L_SUBSCR: {
    Value k = POP(), o = POP();
    r = subscr(o, k);
    v_decref(o);
    v_decref(k);
    CHECK(r);
    PUSH(r);
    DISPATCH();
}
L_STORE_SUBSCR: {
    Value k = POP(), o = POP(), v = POP();
    int rc = v_setitem(o, k, v);
    v_decref(k);
    v_decref(o);
    v_decref(v);
    if (rc < 0) goto error;
    DISPATCH();
}
L_DELETE_SUBSCR: {
    Value k = POP(), o = POP();
    int rc = v_delitem(o, k);
    v_decref(k);
    v_decref(o);
    if (rc < 0) goto error;
    DISPATCH();
}
L_ADD: {
    Value b = sp[-1], a = sp[-2];
    if (IS_INT(a) && IS_INT(b)) {
        int64_t x;
        if (!__builtin_add_overflow(a.i, b.i, &x)) {
            sp[-2] = v_int(x);
            sp--;
            DISPATCH();
        }
    } else if (IS_FLOAT(a) && IS_FLOAT(b)) {
        sp[-2] = v_float(a.f + b.f);
        sp--;
        DISPATCH();
    } else if (str_append_inplace(f, &sp[-2], b, *pc, &serr)) {
        v_decref(b);
        sp--;
        if (serr) goto error;
        DISPATCH();
    }
    r = v_binop(OP_ADD, a, b);
    goto binop_done;
}
L_SUB: {
    Value b = sp[-1], a = sp[-2];
    if (IS_INT(a) && IS_INT(b)) {
        int64_t x;
        if (!__builtin_sub_overflow(a.i, b.i, &x)) {
            sp[-2] = v_int(x);
            sp--;
            DISPATCH();
        }
    } else if (IS_FLOAT(a) && IS_FLOAT(b)) {
        sp[-2] = v_float(a.f - b.f);
        sp--;
        DISPATCH();
    }
    r = v_binop(OP_SUB, a, b);
    goto binop_done;
}
L_MUL: {
    Value b = sp[-1], a = sp[-2];
    if (IS_INT(a) && IS_INT(b)) {
        int64_t x;
        if (!__builtin_mul_overflow(a.i, b.i, &x)) {
            sp[-2] = v_int(x);
            sp--;
            DISPATCH();
        }
    } else if (IS_FLOAT(a) && IS_FLOAT(b)) {
        sp[-2] = v_float(a.f * b.f);
        sp--;
        DISPATCH();
    }
    r = v_binop(OP_MUL, a, b);
    goto binop_done;
}
L_BINOP:
    if (int_binop_fast(arg, sp[-2], sp[-1], &r)) {
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    r = v_binop((BinOp)arg, sp[-2], sp[-1]);
binop_done:
    v_decref(sp[-1]);
    v_decref(sp[-2]);
    sp -= 2;
    CHECK(r);
    PUSH(r);
    DISPATCH();
L_INPLACE: {
    Value b = sp[-1], a = sp[-2];
    if (arg == OP_ADD) {
        if (IS_INT(a) && IS_INT(b)) {
            int64_t x;
            if (!__builtin_add_overflow(a.i, b.i, &x)) {
                sp[-2] = v_int(x);
                sp--;
                DISPATCH();
            }
        } else if (str_append_inplace(f, &sp[-2], b, *pc, &serr)) {
            v_decref(b);
            sp--;
            if (serr) goto error;
            DISPATCH();
        }
    } else if (arg == OP_SUB && IS_INT(a) && IS_INT(b)) {
        int64_t x;
        if (!__builtin_sub_overflow(a.i, b.i, &x)) {
            sp[-2] = v_int(x);
            sp--;
            DISPATCH();
        }
    }
    r = v_inplace((BinOp)arg, a, b);
    goto binop_done;
}
L_UNOP: {
    Value a = POP();
    r = v_unop((UnOp)arg, a);
    v_decref(a);
    CHECK(r);
    PUSH(r);
    DISPATCH();
}
L_NOT: {
    Value a = POP();
    int t = IS_BOOL(a) ? a.b : v_truth(a);
    v_decref(a);
    if (t < 0) goto error;
    PUSH(v_bool(!t));
    DISPATCH();
}
L_COMPARE: {
    Value b = sp[-1], a = sp[-2];
    int t = fast_compare(arg, a, b);
    if (t >= 0) {
        sp[-2] = v_bool(t);
        sp--;
        DISPATCH();
    }
    r = v_compare((CmpOp)arg, a, b);
    goto binop_done;
}
L_IS: {
    Value b = POP(), a = POP();
    bool t = v_is(a, b);
    v_decref(a);
    v_decref(b);
    PUSH(v_bool(arg ? !t : t));
    DISPATCH();
}
L_CONTAINS: {
    Value b = POP(), a = POP();
    int t = v_contains(b, a);
    v_decref(a);
    v_decref(b);
    if (t < 0) goto error;
    PUSH(v_bool(arg ? !t : t));
    DISPATCH();
}
L_JUMP:
    pc = co->code + arg;
    DISPATCH();
L_JUMP_BACK:
    pc = co->code + arg;
    if (rt_interrupted && !rt_check_interrupt()) goto error;
    DISPATCH();
L_JUMP_IF_FALSE: {
    Value v = POP();
    int t = IS_BOOL(v) ? v.b : v_truth(v);
    v_decref(v);
    if (t < 0) goto error;
    if (!t) pc = co->code + arg;
    DISPATCH();
}
L_JUMP_IF_TRUE: {
    Value v = POP();
    int t = IS_BOOL(v) ? v.b : v_truth(v);
    v_decref(v);
    if (t < 0) goto error;
    if (t) pc = co->code + arg;
    DISPATCH();
}
L_JUMP_IF_FALSE_OR_POP: {
    int t = IS_BOOL(TOP()) ? TOP().b : v_truth(TOP());
    if (t < 0) goto error;
    if (!t) pc = co->code + arg;
    else v_decref(POP());
    DISPATCH();
}
L_JUMP_IF_TRUE_OR_POP: {
    int t = IS_BOOL(TOP()) ? TOP().b : v_truth(TOP());
    if (t < 0) goto error;
    if (t) pc = co->code + arg;
    else v_decref(POP());
    DISPATCH();
}
L_GET_ITER: {
    Value o = TOP();
    r = v_iter(o);
    CHECK(r);
    v_decref(o);
    TOP() = r;
    DISPATCH();
}
L_FOR_ITER: {
    Value it = TOP();
    Type *t = v_type(it);
    r = t->next ? t->next(it) : v_next(it);
    if (IS_UNBOUND(r)) {
        v_decref(POP());
        pc = co->code + arg;
        DISPATCH();
    }
    CHECK(r);
    PUSH(r);
    DISPATCH();
}
L_CALL_KW: {
    Value kwnames = consts[*pc++];
    f->pc = pc;
    f->sp = sp;
    sp -= arg + 2;
    r = call_slots(sp, arg, kwnames);
    goto call_done;
}
L_CALL:
    f->pc = pc;
    f->sp = sp;
    sp -= arg + 2;
    r = call_slots(sp, arg, V_UNBOUND);
call_done:
    CHECK(r);
    PUSH(r);
    DISPATCH();
L_CALL_EX: {
    Value *fslot = sp - 3 - arg;
    f->pc = pc;
    f->sp = sp;
    r = call_ex(fslot[0], fslot[1], fslot[2], arg ? fslot[3] : V_UNBOUND);
    while (sp > fslot) v_decref(*--sp);
    CHECK(r);
    PUSH(r);
    DISPATCH();
}
L_RETURN:
    r = POP();
    while (sp > stack_base) v_decref(*--sp);
    f->sp = sp;
    f->pc = pc;
    vm_frame = f->back;
    return r;
L_YIELD:
    r = POP();
    f->sp = sp;
    f->pc = pc;
    vm_frame = f->back;
    *yielded = true;
    return r;
L_BUILD_TUPLE: {
    r = tuple_new(arg);
    CHECK(r);
    Tuple *t = (Tuple *)r.o;
    for (int i = arg - 1; i >= 0; i--) t->items[i] = POP();
    PUSH(r);
    DISPATCH();
}
L_BUILD_LIST: {
    r = list_new(arg);
    CHECK(r);
    List *l = (List *)r.o;
    for (int i = arg - 1; i >= 0; i--) l->items[i] = POP();
    PUSH(r);
    DISPATCH();
}
L_BUILD_SET: {
    r = set_new();
    CHECK(r);
    for (int i = 0; i < arg; i++) {
        if (set_add(r, sp[i - arg]) < 0) {
            v_decref(r);
            goto error;
        }
    }
    for (int i = 0; i < arg; i++) v_decref(POP());
    PUSH(r);
    DISPATCH();
}
L_BUILD_DICT: {
    r = dict_new();
    CHECK(r);
    for (int i = 0; i < arg; i++) {
        if (dict_set(r, sp[2 * (i - arg)], sp[2 * (i - arg) + 1]) < 0) {
            v_decref(r);
            goto error;
        }
    }
    for (int i = 0; i < 2 * arg; i++) v_decref(POP());
    PUSH(r);
    DISPATCH();
}
L_BUILD_SLICE: {
    Value step = arg == 3 ? POP() : V_NONE;
    Value stop = POP(), start = POP();
    r = slice_new(start, stop, step);
    v_decref(start);
    v_decref(stop);
    v_decref(step);
    CHECK(r);
    PUSH(r);
    DISPATCH();
}
L_BUILD_STRING:
    r = build_string(sp - arg, arg);
    CHECK(r);
    for (int i = 0; i < arg; i++) v_decref(POP());
    PUSH(r);
    DISPATCH();
L_FORMAT: {
    Value spec = (arg & 4) ? POP() : V_UNBOUND;
    Value v = POP();
    r = format_value(v, arg, spec);
    v_decref(v);
    v_decref(spec);
    CHECK(r);
    PUSH(r);
    DISPATCH();
}
L_LIST_APPEND: {
    Value v = POP();
    int rc = list_append(sp[-arg], v);
    v_decref(v);
    if (rc < 0) goto error;
    DISPATCH();
}
L_SET_ADD: {
    Value v = POP();
    int rc = set_add(sp[-arg], v);
    v_decref(v);
    if (rc < 0) goto error;
    DISPATCH();
}
L_MAP_ADD: {
    Value v = POP(), k = POP();
    int rc = dict_set(sp[-arg], k, v);
    v_decref(k);
    v_decref(v);
    if (rc < 0) goto error;
    DISPATCH();
}
L_LIST_EXTEND: {
    Value v = POP();
    int rc = list_extend(TOP(), v);
    v_decref(v);
    if (rc < 0) goto error;
    DISPATCH();
}
L_SET_UPDATE: {
    Value v = POP();
    Value it = v_iter(v);
    v_decref(v);
    CHECK(it);
    for (;;) {
        Value x = v_next(it);
        if (IS_UNBOUND(x)) break;
        if (IS_ERR(x) || set_add(TOP(), x) < 0) {
            v_decref(x);
            v_decref(it);
            goto error;
        }
        v_decref(x);
    }
    v_decref(it);
    DISPATCH();
}
L_DICT_UPDATE: {
    Value v = POP();
    int rc = dict_update(TOP(), v);
    v_decref(v);
    if (rc < 0) goto error;
    DISPATCH();
}
L_DICT_MERGE: {
    Value v = POP();
    bool ok = dict_merge_kw(TOP(), v);
    v_decref(v);
    if (!ok) goto error;
    DISPATCH();
}
L_LIST_TO_TUPLE: {
    Value l = TOP();
    r = tuple_from_array(((List *)l.o)->items, ((List *)l.o)->len);
    CHECK(r);
    v_decref(l);
    TOP() = r;
    DISPATCH();
}
L_UNPACK: {
    Value seq = POP();
    bool ok = unpack(seq, arg, sp);
    v_decref(seq);
    if (!ok) goto error;
    sp += arg;
    DISPATCH();
}
L_UNPACK_EX: {
    int before = arg & 0xfff, after = arg >> 12;
    Value seq = POP();
    bool ok = unpack_ex(seq, before, after, sp);
    v_decref(seq);
    if (!ok) goto error;
    sp += before + after + 1;
    DISPATCH();
}
L_MAKE_FUNCTION: {
    int npop;
    r = make_function(f, arg, sp, &npop);
    CHECK(r);
    for (int i = 0; i < npop; i++) v_decref(POP());
    PUSH(r);
    DISPATCH();
}
L_BUILD_CLASS:
    f->pc = pc;
    r = build_class(f, sp[-3], sp[-2], sp[-1]);
    for (int i = 0; i < 3; i++) v_decref(POP());
    CHECK(r);
    PUSH(r);
    DISPATCH();
L_LOAD_SUPER:
    r = load_super(f);
    CHECK(r);
    PUSH(r);
    DISPATCH();
L_SETUP_TRY:
    f->blocks[f->nblocks].handler = (uint32_t)arg;
    f->blocks[f->nblocks].depth = (int)(sp - stack_base);
    f->nblocks++;
    DISPATCH();
L_POP_BLOCK:
    f->nblocks--;
    DISPATCH();
L_POP_EXCEPT:
    v_decref(POP());
    set_handled(POP());
    DISPATCH();
L_EXC_MATCH: {
    Value spec = POP();
    int err = 0;
    bool m = exc_matches(TOP(), spec, &err);
    v_decref(spec);
    if (err) goto error;
    PUSH(v_bool(m));
    DISPATCH();
}
L_RAISE:
    if (arg == 0) {
        if (IS_NONE(vm_handled)) {
            rt_raise(&exc_RuntimeError, "No active exception to reraise");
        } else {
            rt_raise_value(vm_handled);
            reraise = true;
        }
        goto error;
    }
    if (arg == 1) {
        Value e = POP();
        rt_raise_value(e);
        v_decref(e);
        goto error;
    } else {
        Value cause = POP(), e = POP();
        raise_with_cause(e, cause);
        v_decref(e);
        v_decref(cause);
        goto error;
    }
L_RERAISE: {
    Value e = POP();
    set_handled(POP());
    rt_raise_value(e);
    v_decref(e);
    reraise = true;
    goto error;
}
L_CLEANUP_RERAISE: {
    Value e2 = POP();
    v_decref(POP());
    v_decref(POP());
    set_handled(POP());
    rt_raise_value(e2);
    v_decref(e2);
    reraise = true;
    goto error;
}
L_WITH_ENTER: {
    Value ctx = POP(), exit = V_NONE;
    r = with_enter(ctx, &exit);
    v_decref(ctx);
    CHECK(r);
    PUSH(exit);
    PUSH(r);
    DISPATCH();
}
L_WITH_EXIT: {
    Value exit = POP();
    Value a[3] = {V_NONE, V_NONE, V_NONE};
    r = v_call(exit, a, 3, NULL);
    v_decref(exit);
    CHECK(r);
    v_decref(r);
    DISPATCH();
}
L_WITH_EXCEPT: {
    Value e = POP();
    set_handled(POP());
    Value exit = POP();
    Value a[3] = {v_obj(v_type(e)), e, V_NONE};
    r = v_call(exit, a, 3, NULL);
    v_decref(exit);
    if (IS_ERR(r)) {
        v_decref(e);
        goto error;
    }
    int t = v_truth(r);
    v_decref(r);
    if (t < 0) {
        v_decref(e);
        goto error;
    }
    if (t) {
        v_decref(e);
        pc = co->code + arg;
        DISPATCH();
    }
    rt_raise_value(e);
    v_decref(e);
    reraise = true;
    goto error;
}
L_IMPORT_NAME: {
    const char *name = str_cstr(consts[arg]);
    int top = (int)*pc++;
    r = rt_import(name);
    CHECK(r);
    if (top) {
        const char *dot = strchr(name, '.');
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", (int)(dot - name), name);
        v_decref(r);
        r = rt_import(buf);
        CHECK(r);
    }
    PUSH(r);
    DISPATCH();
}
L_IMPORT_FROM:
    r = import_from(TOP(), names[arg]);
    CHECK(r);
    PUSH(r);
    DISPATCH();
L_IMPORT_STAR: {
    Value m = POP();
    bool ok = import_star(f, m);
    v_decref(m);
    if (!ok) goto error;
    DISPATCH();
}
L_PRINT_EXPR: {
    Value v = POP();
    bool ok = print_expr(v);
    v_decref(v);
    if (!ok) goto error;
    DISPATCH();
}
L_ASSERT_FAIL: {
    Value e;
    if (arg) {
        Value msg = POP();
        e = v_call(v_obj(&exc_AssertionError), &msg, 1, NULL);
        v_decref(msg);
    } else {
        e = v_call(v_obj(&exc_AssertionError), NULL, 0, NULL);
    }
    CHECK(e);
    rt_raise_value(e);
    v_decref(e);
    goto error;
}

error:
    f->pc = pc;
    if (IS_NONE(rt_exc)) rt_raise(&exc_RuntimeError, "error return without exception set");
    if (!reraise) tb_add(f);
    reraise = false;
    link_context();
    if (f->nblocks > 0) {
        f->nblocks--;
        Value *target = stack_base + f->blocks[f->nblocks].depth;
        while (sp > target) v_decref(*--sp);
        PUSH(vm_handled);
        vm_handled = rt_exc_take();
        PUSH(v_incref(vm_handled));
        pc = co->code + f->blocks[f->nblocks].handler;
        DISPATCH();
    }
    while (sp > stack_base) v_decref(*--sp);
    f->sp = sp;
    vm_frame = f->back;
    return V_ERR;
}
