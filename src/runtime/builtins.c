/* builtins.c — the builtins namespace: one MethodDef row per builtin
 * function (name, C function, doc), plus the builtin types and exception
 * classes registered by name.  help(), dir() and tab completion read the
 * same rows.  Iterator builtins live in bi_iter.c, open() in bi_file.c,
 * the notebook magics in bi_magic.c, help() in help.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "bi_private.h"
#include "format.h"
#include "objects.h"
#include "vm_internal.h"   /* the running frame, for globals()/locals() */
#include "mro.h"

/* Every builtin exception class, NULL-terminated (exc.c). */
extern Type *const exc_all[];

static Value builtins;   /* the dict; V_UNBOUND before builtins_init */

/* ---------------------------------------------------------------- helpers */

Value bi_type_lookup(Type *t, const char *name)
{
    for (MroIter it = mro_iter(t); it.t; mro_step(&it)) {
        if (!it.t->dict) continue;
        Value v = dict_get_cstr(v_obj(it.t->dict), name);
        if (!IS_UNBOUND(v) && !IS_ERR(v)) return v;
    }
    return V_UNBOUND;
}

Value bi_call0(Value f) { return v_call(f, NULL, 0, NULL); }
Value bi_call1(Value f, Value a) { return v_call(f, &a, 1, NULL); }

bool bi_is_type(Value v)
{
    return IS_OBJ(v) && type_is_subtype(v.o->type, &type_type);
}

Value bi_raise_args(Type *t, Value *args, int nargs)
{
    Value exc = v_call(v_obj(t), args, nargs, NULL);
    if (IS_ERR(exc)) return exc;
    rt_raise_value(exc);
    v_decref(exc);
    return V_ERR;
}

bool bi_take_system_exit(int *status)
{
    if (!rt_exc_matches(&exc_SystemExit)) return false;
    Value exc = rt_exc_take();
    ExcObj *e = (ExcObj *)exc.o;
    Value code = V_NONE;
    if (IS_TYPE(e->args, &tuple_type) && ((Tuple *)e->args.o)->len > 0)
        code = ((Tuple *)e->args.o)->items[0];
    if (((Tuple *)e->args.o)->len > 1) code = e->args;
    if (IS_NONE(code)) *status = 0;
    else if (IS_INT(code)) *status = (int)code.i;
    else if (IS_BOOL(code)) *status = code.b;
    else {
        /* sys.exit("message"): the message goes to stderr, status 1 */
        Value s = v_str(code);
        fflush(stdout);
        if (!IS_ERR(s)) { fprintf(stderr, "%s\n", str_cstr(s)); v_decref(s); }
        else rt_exc_clear();
        *status = 1;
    }
    v_decref(exc);
    return true;
}

/* A borrowed keyword argument by name, or V_UNBOUND. */
static Value kw_find(KwArgs *kw, const char *name)
{
    for (int i = 0; kw && i < kw->n; i++)
        if (strcmp(((Str *)kw->names[i])->data, name) == 0) return kw->vals[i];
    return V_UNBOUND;
}

/* Rejects keyword arguments not listed in allowed (NULL-terminated). */
static bool kw_only(const char *fname, KwArgs *kw, const char *const *allowed)
{
    for (int i = 0; kw && i < kw->n; i++) {
        const char *k = ((Str *)kw->names[i])->data;
        bool ok = false;
        for (const char *const *a = allowed; *a; a++) ok = ok || strcmp(*a, k) == 0;
        if (!ok) {
            rt_raise(&exc_TypeError, "'%s' is an invalid keyword argument for %s()", k, fname);
            return false;
        }
    }
    return true;
}

static bool no_kw(const char *fname, KwArgs *kw)
{
    if (kw && kw->n > 0) {
        rt_raise(&exc_TypeError, "%s() takes no keyword arguments", fname);
        return false;
    }
    return true;
}

static const char *tname(Value v) { return v_type(v)->name; }

/* An attribute name argument: must be a str. */
static Obj *attr_name(Value name)
{
    if (!IS_TYPE(name, &str_type) && !v_isinstance(name, &str_type)) {
        rt_raise(&exc_TypeError, "attribute name must be string, not '%s'", tname(name));
        return NULL;
    }
    return str_intern(str_cstr(name));
}

/* An integer argument (bool counts), with CPython's message. */
static bool want_int(Value v, int64_t *out)
{
    if (IS_INT(v)) { *out = v.i; return true; }
    if (IS_BOOL(v)) { *out = v.b; return true; }
    rt_raise(&exc_TypeError, "'%s' object cannot be interpreted as an integer", tname(v));
    return false;
}

/* --------------------------------------------------------------- printing */

/* Appends s to a growing buffer; false (MemoryError) on failure. */
typedef struct { char *p; size_t n, cap; } Buf;
static bool buf_put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = rt_realloc(b->p, cap);
        if (!p) return false;
        b->p = p, b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
    return true;
}

/* sep/end: None or a str; *out is the text to use. */
static bool print_text(const char *what, Value v, const char *dflt, const char **out, size_t *n)
{
    if (IS_UNBOUND(v) || IS_NONE(v)) { *out = dflt; *n = strlen(dflt); return true; }
    if (!v_isinstance(v, &str_type)) {
        rt_raise(&exc_TypeError, "%s must be None or a string, not %s", what, tname(v));
        return false;
    }
    *out = str_cstr(v);
    *n = (size_t)((Str *)v.o)->len;
    return true;
}

/* Renders print's arguments into one buffer so the write is a single call. */
static bool print_render(Buf *b, Value *args, int nargs, const char *sep, size_t nsep,
                         const char *end, size_t nend)
{
    for (int i = 0; i < nargs; i++) {
        if (i > 0 && !buf_put(b, sep, nsep)) return false;
        Value s = v_str(args[i]);
        if (IS_ERR(s)) return false;
        bool ok = buf_put(b, str_cstr(s), (size_t)((Str *)s.o)->len);
        v_decref(s);
        if (!ok) return false;
    }
    return buf_put(b, end, nend);
}

static Value bi_print(Value *args, int nargs, KwArgs *kw)
{
    static const char *const allowed[] = {"sep", "end", "file", "flush", NULL};
    if (!kw_only("print", kw, allowed)) return V_ERR;
    const char *sep, *end;
    size_t nsep, nend;
    if (!print_text("sep", kw_find(kw, "sep"), " ", &sep, &nsep)) return V_ERR;
    if (!print_text("end", kw_find(kw, "end"), "\n", &end, &nend)) return V_ERR;
    Value file = kw_find(kw, "file"), flush = kw_find(kw, "flush");
    Buf b = {0};
    bool ok = buf_put(&b, "", 0) && print_render(&b, args, nargs, sep, nsep, end, nend);
    if (ok) {
        if (IS_UNBOUND(file) || IS_NONE(file)) {
            Value sys_out = mod_loaded("sys");
            file = IS_UNBOUND(sys_out) ? V_NONE : dict_get_cstr(((Module *)sys_out.o)->dict, "stdout");
        }
        ok = bi_file_write(file, b.p, b.n);
    }
    free(b.p);
    if (!ok) return V_ERR;
    if (!IS_UNBOUND(flush)) {
        int t = v_truth(flush);
        if (t < 0) return V_ERR;
        FILE *f = bi_file_stream(file);
        if (t && f) fflush(f);
    }
    return V_NONE;
}

static Value bi_input(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"prompt"};
    Value a[1];
    if (!no_kw("input", kw) || !args_count("input", nargs, 0, 1) ||
        !args_parse("input", args, nargs, kw, names, 1, 0, a)) return V_ERR;
    if (!IS_UNBOUND(a[0])) {
        Value s = v_str(a[0]);
        if (IS_ERR(s)) return s;
        fputs(str_cstr(s), stdout);
        v_decref(s);
    }
    fflush(stdout);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        if (!rt_check_interrupt()) return V_ERR;   /* Ctrl-C: KeyboardInterrupt */
        return rt_raise(&exc_EOFError, "EOF when reading a line");
    }
    if (n > 0 && line[n - 1] == '\n') n--;
    Value r = str_new(line, n);
    free(line);
    return r;
}

/* ------------------------------------------------------ object protocol */

static Value bi_len(Value *args, int nargs, KwArgs *kw)
{
    Value *a = args;
    if (!no_kw("len", kw) || !args_one("len", nargs)) return V_ERR;
    int64_t n = v_len(a[0]);
    return n < 0 ? V_ERR : v_int(n);
}

static Value bi_repr(Value *args, int nargs, KwArgs *kw)
{
    Value *a = args;
    if (!no_kw("repr", kw) || !args_one("repr", nargs)) return V_ERR;
    return v_repr(a[0]);
}

static Value bi_ascii(Value *args, int nargs, KwArgs *kw)
{
    Value *a = args;
    if (!no_kw("ascii", kw) || !args_one("ascii", nargs)) return V_ERR;
    Value r = v_repr(a[0]);
    if (IS_ERR(r)) return r;
    Str *s = (Str *)r.o;
    if (s->len == s->nchars) return r;   /* pure ASCII already */
    /* Escape every non-ASCII code point as \xhh, \uhhhh or \Uhhhhhhhh. */
    Buf b = {0};
    const unsigned char *p = (const unsigned char *)s->data;
    bool ok = buf_put(&b, "", 0);
    for (int64_t i = 0; ok && i < s->len;) {
        if (p[i] < 0x80) { ok = buf_put(&b, (const char *)p + i, 1); i++; continue; }
        int len = p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : 2;
        uint32_t cp = p[i] & (0xff >> (len + 1));
        for (int k = 1; k < len && i + k < s->len; k++) cp = (cp << 6) | (p[i + k] & 0x3f);
        char esc[16];
        int n = cp < 0x100 ? snprintf(esc, sizeof esc, "\\x%02x", cp)
              : cp < 0x10000 ? snprintf(esc, sizeof esc, "\\u%04x", cp)
                             : snprintf(esc, sizeof esc, "\\U%08x", cp);
        ok = buf_put(&b, esc, (size_t)n);
        i += len;
    }
    v_decref(r);
    r = ok ? str_new(b.p, (int64_t)b.n) : V_ERR;
    free(b.p);
    return r;
}

static Value bi_hash(Value *args, int nargs, KwArgs *kw)
{
    int64_t h;
    Value *a = args;
    if (!no_kw("hash", kw) || !args_one("hash", nargs)) return V_ERR;
    return v_hash(a[0], &h) ? v_int(h) : V_ERR;
}

/* id(): the object's address; unboxed values get a number derived from
 * their bits, so equal small values share an id as CPython's cached ones do. */
static Value bi_id(Value *args, int nargs, KwArgs *kw)
{
    Value *a = args;
    if (!no_kw("id", kw) || !args_one("id", nargs)) return V_ERR;
    Value v = a[0];
    if (IS_OBJ(v)) return v_int((int64_t)(uintptr_t)v.o);
    uint64_t bits = (uint64_t)v.i;
    if (IS_NONE(v)) bits = 0;
    if (IS_BOOL(v)) bits = v.b;
    return v_int((int64_t)(0x7f0000000000ull + ((uint64_t)v.tag << 40) + (bits & 0xffffffffffull) * 32));
}

static Value bi_callable(Value *args, int nargs, KwArgs *kw)
{
    Value *a = args;
    if (!no_kw("callable", kw) || !args_one("callable", nargs)) return V_ERR;
    Type *t = v_type(a[0]);
    if (t->is_class) return v_bool(!IS_UNBOUND(bi_type_lookup(t, "__call__")));
    return v_bool(t->call != NULL || bi_is_type(a[0]));
}

/* --------------------------------------------------------- attributes */

static Value bi_getattr(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"object", "name", "default"};
    Value a[3];
    if (!no_kw("getattr", kw)) return V_ERR;
    if (!args_count("getattr", nargs, 2, 3)) return V_ERR;
    if (!args_parse("getattr", args, nargs, kw, names, 3, 2, a)) return V_ERR;
    Obj *name = attr_name(a[1]);
    if (!name) return V_ERR;
    Value r = v_getattr(a[0], name);
    if (IS_ERR(r) && !IS_UNBOUND(a[2]) && rt_exc_matches(&exc_AttributeError)) {
        rt_exc_clear();
        return v_incref(a[2]);
    }
    return r;
}

static Value bi_hasattr(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"obj", "name"};
    Value a[2];
    if (!no_kw("hasattr", kw) || !args_count("hasattr", nargs, 2, 2) ||
        !args_parse("hasattr", args, nargs, kw, names, 2, 2, a)) return V_ERR;
    Obj *name = attr_name(a[1]);
    if (!name) return V_ERR;
    Value r = v_getattr(a[0], name);
    if (!IS_ERR(r)) { v_decref(r); return v_bool(true); }
    if (!rt_exc_matches(&exc_AttributeError)) return V_ERR;
    rt_exc_clear();
    return v_bool(false);
}

static Value bi_setattr(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"obj", "name", "value"};
    Value a[3];
    if (!no_kw("setattr", kw) || !args_count("setattr", nargs, 3, 3) ||
        !args_parse("setattr", args, nargs, kw, names, 3, 3, a)) return V_ERR;
    Obj *name = attr_name(a[1]);
    if (!name || v_setattr(a[0], name, a[2]) < 0) return V_ERR;
    return V_NONE;
}

static Value bi_delattr(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"obj", "name"};
    Value a[2];
    if (!no_kw("delattr", kw) || !args_count("delattr", nargs, 2, 2) ||
        !args_parse("delattr", args, nargs, kw, names, 2, 2, a)) return V_ERR;
    Obj *name = attr_name(a[1]);
    if (!name || v_setattr(a[0], name, V_UNBOUND) < 0) return V_ERR;
    return V_NONE;
}

/* ------------------------------------------------------ globals/locals */

/* The namespace of the running frame: a module's (or class body's) dict. */
static Value current_globals(void)
{
    return vm_frame ? vm_frame->globals : vm_main_globals();
}

static Value bi_globals(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!no_kw("globals", kw)) return V_ERR;
    if (nargs) return rt_raise(&exc_TypeError, "globals() takes no arguments (%d given)", nargs);
    return v_incref(current_globals());
}

/* locals(): a module or class body's namespace itself; in a function, a
 * fresh dict of its bound local and cell variables. */
static Value locals_dict(void)
{
    Frame *f = vm_frame;
    if (!f) return v_incref(vm_main_globals());
    if (!f->func) return v_incref(IS_OBJ(f->ns) ? f->ns : f->globals);
    Value d = dict_new();
    int n = code_nslots(f->code);
    for (int i = 0; i < n && !IS_ERR(d); i++) {
        Value v = f->slots[i];
        if (i >= f->code->nlocals && IS_TYPE(v, &cell_type)) v = ((Cell *)v.o)->v;
        if (IS_UNBOUND(v)) continue;
        if (dict_set(d, v_obj(f->code->slotnames[i]), v) < 0) { v_decref(d); d = V_ERR; }
    }
    return d;
}

static Value bi_locals(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!no_kw("locals", kw)) return V_ERR;
    if (nargs) return rt_raise(&exc_TypeError, "locals() takes no arguments (%d given)", nargs);
    return locals_dict();
}

/* ------------------------------------------------------------ dir/vars */

/* Adds the keys of dict d (str keys only) to the set s. */
static bool add_keys(Value s, Value d)
{
    Value k, v;
    for (int64_t i = 0; IS_OBJ(d) && dict_next(d, &i, &k, &v);)
        if (v_isinstance(k, &str_type) && set_add(s, k) < 0) return false;
    return true;
}

/* Adds the items of iterable `extra` (TAKEN; V_ERR: fails) to the set s. */
static bool add_items(Value s, Value extra)
{
    if (IS_ERR(extra)) return false;
    Value it = v_iter(extra), x;
    v_decref(extra);
    if (IS_ERR(it)) return false;
    while (!IS_UNBOUND(x = v_next(it))) {
        if (IS_ERR(x) || set_add(s, x) < 0) { v_decref(it); return false; }
        v_decref(x);
    }
    v_decref(it);
    return true;
}

/* Collects the names dir() shows: the instance dict, the type chain's
 * dicts (or, for a type, its own chain) and the type's dir slot.  A
 * module lists its dict, or what its own __dir__ returns (PEP 562). */
static bool dir_collect(Value s, Value obj)
{
    if (IS_TYPE(obj, &module_type)) {
        Value hook = dict_get_cstr(((Module *)obj.o)->dict, "__dir__");
        if (!IS_UNBOUND(hook) && !IS_ERR(hook)) return add_items(s, v_call(hook, NULL, 0, NULL));
        return add_keys(s, ((Module *)obj.o)->dict);
    }
    Type *t = bi_is_type(obj) ? (Type *)obj.o : v_type(obj);
    if (!bi_is_type(obj) && t->is_class && IS_OBJ(class_inst_dict(obj.o))
        && !add_keys(s, class_inst_dict(obj.o)))
        return false;
    for (MroIter it = mro_iter(t); it.t; mro_step(&it))
        if (it.t->dict && !add_keys(s, v_obj(it.t->dict))) return false;
    if (!bi_is_type(obj) && t->dir && !add_items(s, t->dir(obj))) return false;
    return true;
}

/* Sorts a list in place with list.sort's rules (key, reverse). */
static bool list_sort_inplace(Value list, Value key, Value reverse)
{
    int rev = 0;
    if (!IS_UNBOUND(reverse) && (rev = v_truth(reverse)) < 0) return false;
    return list_sort(list, key, rev) >= 0;
}

static Value to_list(Value iterable) { return list_from_iter(iterable); }

Value bi_dir_list(Value obj)
{
    Value s = set_new();
    if (IS_ERR(s)) return s;
    if (!dir_collect(s, obj)) { v_decref(s); return V_ERR; }
    Value l = to_list(s);
    v_decref(s);
    if (IS_ERR(l)) return l;
    if (!list_sort_inplace(l, V_UNBOUND, V_UNBOUND)) { v_decref(l); return V_ERR; }
    return l;
}

static Value bi_dir(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"object"};
    Value a[1];
    if (!no_kw("dir", kw) || !args_count("dir", nargs, 0, 1) ||
        !args_parse("dir", args, nargs, kw, names, 1, 0, a)) return V_ERR;
    if (IS_UNBOUND(a[0])) {
        /* dir() lists the names of the current scope */
        Value loc = locals_dict();
        Value l = IS_ERR(loc) ? loc : to_list(loc);
        v_decref(loc);
        if (!IS_ERR(l) && !list_sort_inplace(l, V_UNBOUND, V_UNBOUND)) { v_decref(l); return V_ERR; }
        return l;
    }
    return bi_dir_list(a[0]);
}

static Value bi_vars(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"object"};
    Value a[1];
    if (!no_kw("vars", kw) || !args_count("vars", nargs, 0, 1) ||
        !args_parse("vars", args, nargs, kw, names, 1, 0, a)) return V_ERR;
    if (IS_UNBOUND(a[0])) return locals_dict();
    if (IS_TYPE(a[0], &module_type)) return v_incref(((Module *)a[0].o)->dict);
    Value d = v_getattr_cstr(a[0], "__dict__");
    if (IS_ERR(d) && rt_exc_matches(&exc_AttributeError)) {
        rt_exc_clear();
        return rt_raise(&exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* ------------------------------------------------------------- types */

/* Type argument of isinstance/issubclass: a type or a tuple of them. */
static int class_check(Value cls, bool (*test)(Value, Type *), Value x, const char *err)
{
    if (bi_is_type(cls)) return test(x, (Type *)cls.o);
    if (IS_TYPE(cls, &tuple_type)) {
        Tuple *t = (Tuple *)cls.o;
        for (int64_t i = 0; i < t->len; i++) {
            int r = class_check(t->items[i], test, x, err);
            if (r != 0) return r;
        }
        return 0;
    }
    rt_raise(&exc_TypeError, "%s", err);
    return -1;
}

static bool test_instance(Value x, Type *t) { return v_isinstance(x, t); }
static bool test_subclass(Value x, Type *t) { return type_is_subtype((Type *)x.o, t); }

static Value bi_isinstance(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"obj", "class_or_tuple"};
    Value a[2];
    if (!no_kw("isinstance", kw) || !args_count("isinstance", nargs, 2, 2) ||
        !args_parse("isinstance", args, nargs, kw, names, 2, 2, a)) return V_ERR;
    int r = class_check(a[1], test_instance, a[0],
                        "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return r < 0 ? V_ERR : v_bool(r);
}

static Value bi_issubclass(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"cls", "class_or_tuple"};
    Value a[2];
    if (!no_kw("issubclass", kw) || !args_count("issubclass", nargs, 2, 2) ||
        !args_parse("issubclass", args, nargs, kw, names, 2, 2, a)) return V_ERR;
    if (!bi_is_type(a[0])) return rt_raise(&exc_TypeError, "issubclass() arg 1 must be a class");
    int r = class_check(a[1], test_subclass, a[0],
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return r < 0 ? V_ERR : v_bool(r);
}

/* ----------------------------------------------------------- iteration */

static Value bi_iter(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"object", "sentinel"};
    Value a[2];
    if (!no_kw("iter", kw) || !args_count("iter", nargs, 1, 2) ||
        !args_parse("iter", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    if (IS_UNBOUND(a[1])) return v_iter(a[0]);
    if (!v_type(a[0])->call && !bi_is_type(a[0]))
        return rt_raise(&exc_TypeError, "iter(v, w): v must be callable");
    return bi_callable_iter(a[0], a[1]);
}

static Value bi_next(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"iterator", "default"};
    Value a[2];
    if (!no_kw("next", kw) || !args_count("next", nargs, 1, 2) ||
        !args_parse("next", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    if (!v_type(a[0])->next)
        return rt_raise(&exc_TypeError, "'%s' object is not an iterator", tname(a[0]));
    Value r = v_next(a[0]);
    if (!IS_UNBOUND(r)) return r;
    if (!IS_UNBOUND(a[1])) return v_incref(a[1]);
    return bi_raise_args(&exc_StopIteration, NULL, 0);
}

/* any/all: stop at the first item whose truth equals `stop`. */
static Value truth_scan(const char *fname, Value *args, int nargs, KwArgs *kw, bool stop)
{
    Value *a = args;
    if (!no_kw(fname, kw) || !args_one(fname, nargs)) return V_ERR;
    Value it = v_iter(a[0]), x;
    if (IS_ERR(it)) return it;
    while (!IS_UNBOUND(x = v_next(it))) {
        if (IS_ERR(x)) { v_decref(it); return x; }
        int t = v_truth(x);
        v_decref(x);
        if (t < 0) { v_decref(it); return V_ERR; }
        if ((bool)t == stop) { v_decref(it); return v_bool(stop); }
    }
    v_decref(it);
    return v_bool(!stop);
}

static Value bi_any(Value *args, int nargs, KwArgs *kw) { return truth_scan("any", args, nargs, kw, true); }
static Value bi_all(Value *args, int nargs, KwArgs *kw) { return truth_scan("all", args, nargs, kw, false); }

static Value bi_sorted(Value *args, int nargs, KwArgs *kw)
{
    static const char *const allowed[] = {"key", "reverse", NULL};
    if (nargs != 1) return rt_raise(&exc_TypeError, "sorted expected 1 argument, got %d", nargs);
    if (!kw_only("sort", kw, allowed)) return V_ERR;
    Value l = to_list(args[0]);
    if (IS_ERR(l)) return l;
    if (!list_sort_inplace(l, kw_find(kw, "key"), kw_find(kw, "reverse"))) { v_decref(l); return V_ERR; }
    return l;
}

/* ------------------------------------------------------------ min/max */

/* The key of item (new ref): key(item), or item itself. */
static Value key_of(Value key, Value item)
{
    return IS_UNBOUND(key) || IS_NONE(key) ? v_incref(item) : bi_call1(key, item);
}

/* Scans it for the extreme item; *best stays UNBOUND when empty. */
static bool extreme_scan(Value it, Value key, CmpOp op, Value *best)
{
    Value bestk = V_UNBOUND, x;
    while (!IS_UNBOUND(x = v_next(it))) {
        if (IS_ERR(x)) goto fail;
        Value k = key_of(key, x);
        if (IS_ERR(k)) { v_decref(x); goto fail; }
        int better = 1;
        if (!IS_UNBOUND(*best)) {
            Value c = v_compare(op, k, bestk);
            better = IS_ERR(c) ? -1 : v_truth(c);
            v_decref(c);
        }
        if (better < 0) { v_decref(x); v_decref(k); goto fail; }
        if (better) { v_decref(*best); v_decref(bestk); *best = x; bestk = k; }
        else { v_decref(x); v_decref(k); }
    }
    v_decref(bestk);
    return true;
fail:
    v_decref(bestk);
    v_decref(*best);
    *best = V_UNBOUND;
    return false;
}

static Value min_max(const char *fname, Value *args, int nargs, KwArgs *kw, CmpOp op)
{
    static const char *const allowed[] = {"key", "default", NULL};
    if (!kw_only(fname, kw, allowed)) return V_ERR;
    Value key = kw_find(kw, "key"), dflt = kw_find(kw, "default");
    if (nargs == 0) return rt_raise(&exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    if (nargs > 1 && !IS_UNBOUND(dflt))
        return rt_raise(&exc_TypeError,
                        "Cannot specify a default for %s() with multiple positional arguments", fname);
    Value seq = V_UNBOUND;
    if (nargs > 1) {
        seq = tuple_new(nargs);
        if (IS_ERR(seq)) return seq;
        for (int i = 0; i < nargs; i++) ((Tuple *)seq.o)->items[i] = v_incref(args[i]);
    }
    Value it = v_iter(nargs > 1 ? seq : args[0]);
    v_decref(seq);
    if (IS_ERR(it)) return it;
    Value best = V_UNBOUND;
    bool ok = extreme_scan(it, key, op, &best);
    v_decref(it);
    if (!ok) return V_ERR;
    if (!IS_UNBOUND(best)) return best;
    if (!IS_UNBOUND(dflt)) return v_incref(dflt);
    return rt_raise(&exc_ValueError, "%s() arg is an empty sequence", fname);
}

static Value bi_min(Value *args, int nargs, KwArgs *kw) { return min_max("min", args, nargs, kw, CMP_LT); }
static Value bi_max(Value *args, int nargs, KwArgs *kw) { return min_max("max", args, nargs, kw, CMP_GT); }

/* -------------------------------------------------------------- numbers */

static Value bi_sum(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"iterable", "start"};
    Value a[2];
    if (nargs == 0) return rt_raise(&exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
    if (!args_parse("sum", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    Value acc = IS_UNBOUND(a[1]) ? v_int(0) : v_incref(a[1]);
    if (v_isinstance(acc, &str_type)) {
        v_decref(acc);
        return rt_raise(&exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    Value it = v_iter(a[0]), x;
    if (IS_ERR(it)) { v_decref(acc); return it; }
    while (!IS_UNBOUND(x = v_next(it))) {
        Value r = IS_ERR(x) ? V_ERR : v_binop(OP_ADD, acc, x);
        v_decref(x);
        v_decref(acc);
        acc = r;
        if (IS_ERR(acc)) break;
    }
    v_decref(it);
    return acc;
}

/* Calls the dunder `name` of x with the given args, or raises msg. */
static Value call_dunder(Value x, const char *name, Value *args, int nargs, const char *fmt)
{
    Value m = IS_OBJ(x) ? bi_type_lookup(v_type(x), name) : V_UNBOUND;
    if (IS_UNBOUND(m)) return rt_raise(&exc_TypeError, fmt, tname(x));
    Value bound = v_getattr_cstr(x, name);
    if (IS_ERR(bound)) return bound;
    Value r = v_call(bound, args, nargs, NULL);
    v_decref(bound);
    return r;
}

static Value bi_abs(Value *args, int nargs, KwArgs *kw)
{
    Value *a = args;
    if (!no_kw("abs", kw) || !args_one("abs", nargs)) return V_ERR;
    Value x = a[0];
    if (IS_BOOL(x)) return v_int(x.b);
    if (IS_FLOAT(x)) return v_float(fabs(x.f));
    if (IS_INT(x)) {
        if (x.i == INT64_MIN) return num_overflow();
        return v_int(x.i < 0 ? -x.i : x.i);
    }
    return call_dunder(x, "__abs__", NULL, 0, "bad operand type for abs(): '%s'");
}

static Value bi_divmod(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"x", "y"};
    Value a[2];
    if (!no_kw("divmod", kw) || !args_count("divmod", nargs, 2, 2) ||
        !args_parse("divmod", args, nargs, kw, names, 2, 2, a)) return V_ERR;
    bool num = (IS_INT(a[0]) || IS_FLOAT(a[0]) || IS_BOOL(a[0])) &&
               (IS_INT(a[1]) || IS_FLOAT(a[1]) || IS_BOOL(a[1]));
    if (!num && !IS_OBJ(a[0]) && !IS_OBJ(a[1]))
        return rt_raise(&exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                        tname(a[0]), tname(a[1]));
    if (num && (IS_FLOAT(a[0]) || IS_FLOAT(a[1])) &&
        (IS_FLOAT(a[1]) ? a[1].f == 0 : IS_INT(a[1]) ? a[1].i == 0 : !a[1].b))
        return rt_raise(&exc_ZeroDivisionError, "float divmod()");
    if (!num && v_isinstance(a[0], &str_type))
        return rt_raise(&exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                        tname(a[0]), tname(a[1]));
    Value q = v_binop(OP_FLOORDIV, a[0], a[1]);
    if (IS_ERR(q)) return q;
    Value r = v_binop(OP_MOD, a[0], a[1]);
    if (IS_ERR(r)) { v_decref(q); return r; }
    Value t = tuple_pack(2, q, r);
    v_decref(q);
    v_decref(r);
    return t;
}

/* Modular inverse of a mod m (m > 0) by extended Euclid; false if none. */
static bool mod_inverse(int64_t a, int64_t m, int64_t *out)
{
    __int128 t = 0, nt = 1, r = m, nr = ((a % m) + m) % m;
    while (nr != 0) {
        __int128 q = r / nr, tmp;
        tmp = t - q * nt; t = nt; nt = tmp;
        tmp = r - q * nr; r = nr; nr = tmp;
    }
    if (r != 1) return false;
    *out = (int64_t)(t < 0 ? t + m : t);
    return true;
}

/* pow(b, e, m) on ints, with Python's sign rule (result has m's sign). */
static Value int_powmod(int64_t b, int64_t e, int64_t m)
{
    if (m == 0) return rt_raise(&exc_ValueError, "pow() 3rd argument cannot be 0");
    bool neg = m < 0;
    __int128 mm = neg ? -(__int128)m : m;
    if (e < 0) {
        if (!mod_inverse(b, (int64_t)mm, &b))
            return rt_raise(&exc_ValueError, "base is not invertible for the given modulus");
        e = -e;
    }
    __int128 r = 1 % mm, x = ((b % mm) + mm) % mm;
    for (; e > 0; e >>= 1) {
        if (e & 1) r = r * x % mm;
        x = x * x % mm;
    }
    if (neg && r != 0) r -= mm;
    return v_int((int64_t)r);
}

static Value bi_pow(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"base", "exp", "mod"};
    Value a[3];
    if (!args_parse("pow", args, nargs, kw, names, 3, 2, a)) return V_ERR;
    if (IS_UNBOUND(a[2]) || IS_NONE(a[2])) return v_binop(OP_POW, a[0], a[1]);
    int64_t b, e, m;
    if (!(IS_INT(a[0]) || IS_BOOL(a[0])) || !(IS_INT(a[1]) || IS_BOOL(a[1])) ||
        !(IS_INT(a[2]) || IS_BOOL(a[2])))
        return rt_raise(&exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    want_int(a[0], &b), want_int(a[1], &e), want_int(a[2], &m);
    return int_powmod(b, e, m);
}

/* round(float, n): correctly rounded through the decimal conversion, which
 * rounds the exact binary value half-to-even, as CPython's dtoa does. */
static double round_float(double x, int64_t nd)
{
    if (!isfinite(x) || nd > 323) return x;
    if (nd < -308) return copysign(0.0, x);
    if (nd >= 0) {
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        return strtod(buf, NULL);
    }
    double p = pow(10.0, (double)-nd), y = x / p, z = nearbyint(y);
    return copysign(z * p, x);
}

/* round(int, n) for n < 0: half-to-even at the 10**-n place. */
static Value round_int(int64_t x, int64_t nd)
{
    if (nd >= 0) return v_int(x);
    if (nd < -18) return v_int(0);
    int64_t p = 1;
    for (int64_t i = 0; i < -nd; i++) p *= 10;
    int64_t q = x / p, r = x % p;
    if (r < 0) r += p, q--;                       /* floor division */
    if (2 * (__int128)r > p || (2 * (__int128)r == p && (q & 1))) q++;
    __int128 res = (__int128)q * p;
    if (res > INT64_MAX || res < INT64_MIN) return num_overflow();
    return v_int((int64_t)res);
}

static Value float_to_int(double f)
{
    if (isnan(f)) return rt_raise(&exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(f)) return rt_raise(&exc_OverflowError, "cannot convert float infinity to integer");
    if (f >= 9223372036854775808.0 || f < -9223372036854775808.0)
        return num_overflow();
    return v_int((int64_t)f);
}

static Value bi_round(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"number", "ndigits"};
    Value a[2];
    if (!args_parse("round", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    Value x = a[0];
    bool has_nd = !IS_UNBOUND(a[1]) && !IS_NONE(a[1]);
    int64_t nd = 0;
    if (has_nd && !want_int(a[1], &nd)) return V_ERR;
    if (IS_FLOAT(x)) return has_nd ? v_float(round_float(x.f, nd)) : float_to_int(nearbyint(x.f));
    if (IS_INT(x) || IS_BOOL(x)) return round_int(IS_INT(x) ? x.i : x.b, nd);
    Value nv = a[1];
    return call_dunder(x, "__round__", &nv, has_nd ? 1 : 0, "type %s doesn't define __round__ method");
}

static Value bi_chr(Value *args, int nargs, KwArgs *kw)
{
    int64_t c;
    Value *a = args;
    if (!no_kw("chr", kw) || !args_one("chr", nargs) || !want_int(a[0], &c))
        return V_ERR;
    if (c < 0 || c >= 0x110000) return rt_raise(&exc_ValueError, "chr() arg not in range(0x110000)");
    char u[4];
    int n;
    if (c < 0x80) u[0] = (char)c, n = 1;
    else if (c < 0x800) u[0] = (char)(0xc0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3f)), n = 2;
    else if (c < 0x10000)
        u[0] = (char)(0xe0 | c >> 12), u[1] = (char)(0x80 | (c >> 6 & 0x3f)), u[2] = (char)(0x80 | (c & 0x3f)), n = 3;
    else
        u[0] = (char)(0xf0 | c >> 18), u[1] = (char)(0x80 | (c >> 12 & 0x3f)),
        u[2] = (char)(0x80 | (c >> 6 & 0x3f)), u[3] = (char)(0x80 | (c & 0x3f)), n = 4;
    return str_new(u, n);
}

static Value bi_ord(Value *args, int nargs, KwArgs *kw)
{
    Value *a = args;
    if (!no_kw("ord", kw) || !args_one("ord", nargs)) return V_ERR;
    if (!v_isinstance(a[0], &str_type))
        return rt_raise(&exc_TypeError, "ord() expected string of length 1, but %s found", tname(a[0]));
    Str *s = (Str *)a[0].o;
    if (s->nchars != 1)
        return rt_raise(&exc_TypeError, "ord() expected a character, but string of length %lld found",
                        (long long)s->nchars);
    const unsigned char *p = (const unsigned char *)s->data;
    if (p[0] < 0x80) return v_int(p[0]);
    int len = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2;
    int64_t cp = p[0] & (0xff >> (len + 1));
    for (int k = 1; k < len; k++) cp = (cp << 6) | (p[k] & 0x3f);
    return v_int(cp);
}

/* hex/oct/bin: Python's prefixed base conversions of an int. */
static Value int_base(const char *fname, Value *args, int nargs, KwArgs *kw, int base, const char *prefix)
{
    Value *a = args;
    int64_t v;
    if (!no_kw(fname, kw) || !args_one(fname, nargs)) return V_ERR;
    if (IS_FLOAT(a[0]) || !want_int(a[0], &v)) {
        if (IS_FLOAT(a[0]))
            rt_raise(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return V_ERR;
    }
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char digits[70], out[80];
    int n = 0;
    do { digits[n++] = "0123456789abcdef"[u % (uint64_t)base]; u /= (uint64_t)base; } while (u);
    int k = snprintf(out, sizeof out, "%s%s", v < 0 ? "-" : "", prefix);
    while (n) out[k++] = digits[--n];
    return str_new(out, k);
}

static Value bi_hex(Value *a, int n, KwArgs *kw) { return int_base("hex", a, n, kw, 16, "0x"); }
static Value bi_oct(Value *a, int n, KwArgs *kw) { return int_base("oct", a, n, kw, 8, "0o"); }
static Value bi_bin(Value *a, int n, KwArgs *kw) { return int_base("bin", a, n, kw, 2, "0b"); }

/* format(value, spec): the format-spec mini-language of format.c, which
 * also dispatches to a value's own __format__. */
static Value bi_format(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"value", "format_spec"};
    Value a[2];
    if (!no_kw("format", kw) || !args_count("format", nargs, 1, 2) ||
        !args_parse("format", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    if (!IS_UNBOUND(a[1]) && !v_isinstance(a[1], &str_type))
        return rt_raise(&exc_TypeError, "format() argument 2 must be str, not %s", tname(a[1]));
    return fmt_format_value(a[0], IS_UNBOUND(a[1]) ? "" : str_cstr(a[1]));
}

/* ---------------------------------------------------------- exit/quit */

static Value bi_exit(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"code"};
    Value a[1];
    if (!args_parse("exit", args, nargs, kw, names, 1, 0, a)) return V_ERR;
    return bi_raise_args(&exc_SystemExit, a, IS_UNBOUND(a[0]) ? 0 : 1);
}

static Value bi_quit(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"code"};
    Value a[1];
    if (!args_parse("quit", args, nargs, kw, names, 1, 0, a)) return V_ERR;
    return bi_raise_args(&exc_SystemExit, a, IS_UNBOUND(a[0]) ? 0 : 1);
}

/* ------------------------------------------------------------ the rows */

const MethodDef bi_functions[] = {
    {"print", bi_print, "print(*values, sep=' ', end='\\n', file=None, flush=False)\n\n"
     "Prints the values to a stream, or to sys.stdout by default.\n\n"
     "sep: string inserted between values, default a space.\n"
     "end: string appended after the last value, default a newline.\n"
     "file: a file-like object (stream); defaults to the current sys.stdout.\n"
     "flush: whether to forcibly flush the stream.", 0},
    {"input", bi_input, "input(prompt='', /)\n\n"
     "Read a string from standard input.  The trailing newline is stripped.\n\n"
     "The prompt string, if given, is printed to standard output without a\n"
     "trailing newline before reading input.  On EOF, raises EOFError.", 0},
    {"len", bi_len, "len(obj, /)\n\nReturn the number of items in a container.", 0},
    {"repr", bi_repr, "repr(obj, /)\n\nReturn the canonical string representation of the object.\n\n"
     "For many object types, including most builtins, eval(repr(obj)) == obj.", 0},
    {"ascii", bi_ascii, "ascii(obj, /)\n\nReturn an ASCII-only representation of an object.\n\n"
     "As repr(), but non-ASCII characters are escaped with \\x, \\u or \\U.", 0},
    {"hash", bi_hash, "hash(obj, /)\n\nReturn the hash value for the given object.\n\n"
     "Two objects that compare equal must also have the same hash value.", 0},
    {"id", bi_id, "id(obj, /)\n\nReturn the identity of an object.\n\n"
     "This is guaranteed to be unique among simultaneously existing objects.", 0},
    {"callable", bi_callable, "callable(obj, /)\n\nReturn whether the object is callable (i.e., some kind of function).\n\n"
     "Classes are callable, as are instances of classes with a __call__() method.", 0},
    {"getattr", bi_getattr, "getattr(object, name[, default]) -> value\n\n"
     "Get a named attribute from an object; getattr(x, 'y') is equivalent to x.y.\n"
     "When a default argument is given, it is returned when the attribute doesn't\n"
     "exist; without it, an exception is raised in that case.", 0},
    {"hasattr", bi_hasattr, "hasattr(obj, name, /)\n\nReturn whether the object has an attribute with the given name.\n\n"
     "This is done by calling getattr(obj, name) and catching AttributeError.", 0},
    {"setattr", bi_setattr, "setattr(obj, name, value, /)\n\nSets the named attribute on the given object to the specified value.\n\n"
     "setattr(x, 'y', v) is equivalent to ``x.y = v``", 0},
    {"delattr", bi_delattr, "delattr(obj, name, /)\n\nDeletes the named attribute from the given object.\n\n"
     "delattr(x, 'y') is equivalent to ``del x.y``", 0},
    {"dir", bi_dir, "dir([object]) -> list of strings\n\n"
     "Without arguments, return the sorted names in the current scope.\n"
     "With an argument, return a sorted list of the object's attributes: for a\n"
     "module its names, for a class its attributes and those of its bases, for\n"
     "any other object its own attributes and its class's.", 0},
    {"vars", bi_vars, "vars([object]) -> dictionary\n\n"
     "Without arguments, equivalent to locals().\nWith an argument, equivalent to object.__dict__.", 0},
    {"globals", bi_globals, "globals()\n\nReturn the dictionary containing the current scope's global variables.", 0},
    {"locals", bi_locals, "locals()\n\nReturn a dictionary containing the current scope's local variables.\n\n"
     "At the top level of a script or the prompt this is the same as globals().", 0},
    {"isinstance", bi_isinstance, "isinstance(obj, class_or_tuple, /)\n\n"
     "Return whether an object is an instance of a class or of a subclass thereof.\n\n"
     "A tuple, as in ``isinstance(x, (A, B, ...))``, may be given as the target to\n"
     "check against. This is equivalent to ``isinstance(x, A) or isinstance(x, B)\n"
     "or ...`` etc.", 0},
    {"issubclass", bi_issubclass, "issubclass(cls, class_or_tuple, /)\n\n"
     "Return whether 'cls' is derived from another class or is the same class.\n\n"
     "A tuple, as in ``issubclass(x, (A, B, ...))``, may be given as the target to\n"
     "check against.", 0},
    {"iter", bi_iter, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\n"
     "Get an iterator from an object.  In the first form, the argument must\n"
     "supply its own iterator, or be a sequence.\n"
     "In the second form, the callable is called until it returns the sentinel.", 0},
    {"next", bi_next, "next(iterator[, default])\n\n"
     "Return the next item from the iterator. If default is given and the iterator\n"
     "is exhausted, it is returned instead of raising StopIteration.", 0},
    {"any", bi_any, "any(iterable, /)\n\nReturn True if bool(x) is True for any x in the iterable.\n\n"
     "If the iterable is empty, return False.", 0},
    {"all", bi_all, "all(iterable, /)\n\nReturn True if bool(x) is True for all values x in the iterable.\n\n"
     "If the iterable is empty, return True.", 0},
    {"enumerate", bi_enumerate, "enumerate(iterable, start=0)\n\n"
     "Return an enumerate object yielding pairs (index, value): (0, seq[0]),\n"
     "(1, seq[1]), ... with the count beginning at start.", 0},
    {"zip", bi_zip, "zip(*iterables, strict=False)\n\n"
     "Return a zip object whose next() yields a tuple of the i-th items of each\n"
     "iterable, stopping at the shortest one.  With strict=True the iterables\n"
     "must all have the same length, or ValueError is raised.", 0},
    {"map", bi_map, "map(func, *iterables)\n\n"
     "Make an iterator that computes func(x, y, ...) with an item from each of\n"
     "the iterables.  Stops when the shortest iterable is exhausted.", 0},
    {"filter", bi_filter, "filter(function or None, iterable)\n\n"
     "Return an iterator yielding those items of iterable for which function(item)\n"
     "is true. If function is None, return the items that are true.", 0},
    {"reversed", bi_reversed, "reversed(sequence, /)\n\nReturn a reverse iterator over the values of the given sequence.", 0},
    {"sorted", bi_sorted, "sorted(iterable, /, *, key=None, reverse=False)\n\n"
     "Return a new list containing all items from the iterable in ascending order.\n\n"
     "A custom key function can be supplied to customize the sort order, and the\n"
     "reverse flag can be set to request the result in descending order.", 0},
    {"min", bi_min, "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "With a single iterable argument, return its smallest item. The\n"
     "default keyword-only argument specifies an object to return if\n"
     "the provided iterable is empty.\n"
     "With two or more arguments, return the smallest argument.", 0},
    {"max", bi_max, "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "With a single iterable argument, return its biggest item. The\n"
     "default keyword-only argument specifies an object to return if\n"
     "the provided iterable is empty.\n"
     "With two or more arguments, return the largest argument.", 0},
    {"sum", bi_sum, "sum(iterable, /, start=0)\n\n"
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers.\n\n"
     "When the iterable is empty, return the start value.\n"
     "This function is intended specifically for use with numeric values and may\n"
     "reject non-numeric types.", 0},
    {"abs", bi_abs, "abs(x, /)\n\nReturn the absolute value of the argument.", 0},
    {"divmod", bi_divmod, "divmod(x, y, /)\n\nReturn the tuple (x//y, x%y).  Invariant: div*y + mod == x.", 0},
    {"pow", bi_pow, "pow(base, exp, mod=None)\n\n"
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments.\n\n"
     "Some types, such as ints, are able to use a more efficient algorithm when\n"
     "invoked using the three argument form.", 0},
    {"round", bi_round, "round(number, ndigits=None)\n\n"
     "Round a number to a given precision in decimal digits.\n\n"
     "The return value is an integer if ndigits is omitted or None.  Otherwise\n"
     "the return value has the same type as the number.  ndigits may be negative.\n"
     "Halfway cases round to the even choice (banker's rounding).", 0},
    {"chr", bi_chr, "chr(i, /)\n\nReturn a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff.", 0},
    {"ord", bi_ord, "ord(c, /)\n\nReturn the Unicode code point for a one-character string.", 0},
    {"hex", bi_hex, "hex(number, /)\n\nReturn the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   '0xc0ffee'", 0},
    {"oct", bi_oct, "oct(number, /)\n\nReturn the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'", 0},
    {"bin", bi_bin, "bin(number, /)\n\nReturn the binary representation of an integer.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'", 0},
    {"format", bi_format, "format(value, format_spec='', /)\n\nReturn value.__format__(format_spec)\n\n"
     "format_spec defaults to the empty string, which gives the same result as\n"
     "str(value).  See the Format Specification Mini-Language (e.g. '.2f', '>8', 'x').", 0},
    {"open", bi_open, "open(file, mode='r', encoding=None, newline=None)\n\n"
     "Open a text file and return a file object.\n\n"
     "mode: 'r' (read, the default), 'w' (write, truncating), 'a' (append), 'x'\n"
     "(create, failing if it exists), optionally with '+' (read and write).\n"
     "The file object supports read(), readline(), readlines(), write(),\n"
     "writelines(), close(), iteration by line and the `with` statement.", 0},
    {"help", bi_help, "help(obj)\n\nShow the signature and the documentation of a function, method, class\n"
     "or module.  help('name') looks the name up among the builtins and modules.", 0},
    {"exit", bi_exit, "exit(code=None)\n\nExit the interpreter by raising SystemExit(code).", 0},
    {"quit", bi_quit, "quit(code=None)\n\nExit the interpreter by raising SystemExit(code).", 0},
    {"__magic__", bi_magic, "__magic__(cmd, fn, argtext)\n\n"
     "Runs a notebook magic: %timeit STMT, %time STMT, %matplotlib (ignored).\n"
     "fn is a function of no arguments running STMT; argtext is its source.", 0},
    {NULL, NULL, NULL, 0},
};

/* ----------------------------------------------------------- the table */

/* The types callable by name from programs. */
static Type *const named_types[] = {
    &int_type, &float_type, &str_type, &bool_type, &list_type, &tuple_type, &dict_type,
    &set_type, &range_type, &slice_type, &type_type, &object_type, &property_type,
    &staticmethod_type, &classmethod_type,
};

static bool add_types(Type *const *types, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (dict_set_cstr(builtins, types[i]->name, v_obj(types[i])) < 0) return false;
    return true;
}

Value builtins_dict(void) { return builtins; }

void builtins_init(void)
{
    if (IS_OBJ(builtins)) return;
    builtins = dict_new();
    if (IS_ERR(builtins)) { builtins = V_UNBOUND; return; }
    for (const MethodDef *d = bi_functions; d->name; d++) {
        Value f = cfunc_new(d, V_UNBOUND);
        if (IS_ERR(f)) return;
        dict_set_cstr(builtins, d->name, f);
        v_decref(f);
    }
    add_types(named_types, sizeof named_types / sizeof *named_types);
    size_t nexc = 0;
    while (exc_all[nexc]) nexc++;
    add_types(exc_all, nexc);
    dict_set_cstr(builtins, "IOError", v_obj(&exc_OSError));   /* an alias, as in Python 3 */
    dict_set_cstr(builtins, "EnvironmentError", v_obj(&exc_OSError));
    Value ni = rt_notimpl();
    dict_set_cstr(builtins, "NotImplemented", ni);
    v_decref(ni);
}
