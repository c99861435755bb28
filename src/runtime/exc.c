/* exc.c — the exception classes and raising.
 *
 * Builtin exception classes are static Types laid out like CPython's
 * hierarchy; their instances are ExcObj (an Instance, so user subclasses
 * can hold attributes, plus args/traceback/cause/context).  The pending
 * exception lives in rt_exc.  A MemoryError instance is pre-allocated so
 * that reporting an out-of-memory condition never needs memory.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "objects.h"

#define IMMORTAL ((int64_t)1 << 60)

Value rt_exc = {.tag = VT_NONE};

static Value exc_new_slot(Type *t, Value *args, int nargs, KwArgs *kw);
static void exc_dealloc(Obj *o);
static Value exc_repr(Value self);
static Value exc_str_slot(Value self);
static bool exc_hash(Value self, int64_t *out);
static Value exc_getattr(Value self, Obj *name);
static int exc_setattr(Value self, Obj *name, Value val);

/* One row per class: every builtin exception shares the same slots. */
#define EXC_TYPE(var, NAME, BASE)                                          \
    Type var = {                                                           \
        .hdr = {IMMORTAL, &type_type}, .name = NAME, .base = BASE,         \
        .is_exception = true, .basicsize = sizeof(ExcObj),                 \
        .new = exc_new_slot, .dealloc = exc_dealloc, .repr = exc_repr,     \
        .str = exc_str_slot, .hash = exc_hash, .getattr = exc_getattr,     \
        .setattr = exc_setattr,                                            \
    }

EXC_TYPE(exc_BaseException, "BaseException", &object_type);
EXC_TYPE(exc_SystemExit, "SystemExit", &exc_BaseException);
EXC_TYPE(exc_KeyboardInterrupt, "KeyboardInterrupt", &exc_BaseException);
EXC_TYPE(exc_GeneratorExit, "GeneratorExit", &exc_BaseException);
EXC_TYPE(exc_Exception, "Exception", &exc_BaseException);
EXC_TYPE(exc_StopIteration, "StopIteration", &exc_Exception);
EXC_TYPE(exc_StopAsyncIteration, "StopAsyncIteration", &exc_Exception);
EXC_TYPE(exc_ArithmeticError, "ArithmeticError", &exc_Exception);
EXC_TYPE(exc_FloatingPointError, "FloatingPointError", &exc_ArithmeticError);
EXC_TYPE(exc_OverflowError, "OverflowError", &exc_ArithmeticError);
EXC_TYPE(exc_ZeroDivisionError, "ZeroDivisionError", &exc_ArithmeticError);
EXC_TYPE(exc_AssertionError, "AssertionError", &exc_Exception);
EXC_TYPE(exc_AttributeError, "AttributeError", &exc_Exception);
EXC_TYPE(exc_EOFError, "EOFError", &exc_Exception);
EXC_TYPE(exc_ImportError, "ImportError", &exc_Exception);
EXC_TYPE(exc_ModuleNotFoundError, "ModuleNotFoundError", &exc_ImportError);
EXC_TYPE(exc_LookupError, "LookupError", &exc_Exception);
EXC_TYPE(exc_IndexError, "IndexError", &exc_LookupError);
EXC_TYPE(exc_KeyError, "KeyError", &exc_LookupError);
EXC_TYPE(exc_MemoryError, "MemoryError", &exc_Exception);
EXC_TYPE(exc_NameError, "NameError", &exc_Exception);
EXC_TYPE(exc_UnboundLocalError, "UnboundLocalError", &exc_NameError);
EXC_TYPE(exc_OSError, "OSError", &exc_Exception);
EXC_TYPE(exc_FileNotFoundError, "FileNotFoundError", &exc_OSError);
EXC_TYPE(exc_FileExistsError, "FileExistsError", &exc_OSError);
EXC_TYPE(exc_PermissionError, "PermissionError", &exc_OSError);
EXC_TYPE(exc_IsADirectoryError, "IsADirectoryError", &exc_OSError);
EXC_TYPE(exc_RuntimeError, "RuntimeError", &exc_Exception);
EXC_TYPE(exc_NotImplementedError, "NotImplementedError", &exc_RuntimeError);
EXC_TYPE(exc_RecursionError, "RecursionError", &exc_RuntimeError);
EXC_TYPE(exc_SyntaxError, "SyntaxError", &exc_Exception);
EXC_TYPE(exc_IndentationError, "IndentationError", &exc_SyntaxError);
EXC_TYPE(exc_TabError, "TabError", &exc_IndentationError);
EXC_TYPE(exc_TypeError, "TypeError", &exc_Exception);
EXC_TYPE(exc_ValueError, "ValueError", &exc_Exception);
EXC_TYPE(exc_UnicodeError, "UnicodeError", &exc_ValueError);
EXC_TYPE(exc_UnicodeDecodeError, "UnicodeDecodeError", &exc_UnicodeError);
EXC_TYPE(exc_UnicodeEncodeError, "UnicodeEncodeError", &exc_UnicodeError);
EXC_TYPE(exc_Warning, "Warning", &exc_Exception);
EXC_TYPE(exc_UserWarning, "UserWarning", &exc_Warning);
EXC_TYPE(exc_DeprecationWarning, "DeprecationWarning", &exc_Warning);
EXC_TYPE(exc_RuntimeWarning, "RuntimeWarning", &exc_Warning);
EXC_TYPE(exc_FutureWarning, "FutureWarning", &exc_Warning);
EXC_TYPE(exc_PendingDeprecationWarning, "PendingDeprecationWarning", &exc_Warning);

/* Every class, for the builtins namespace (NULL-terminated). */
Type *const exc_all[] = {
    &exc_BaseException, &exc_SystemExit, &exc_KeyboardInterrupt,
    &exc_GeneratorExit, &exc_Exception, &exc_StopIteration,
    &exc_StopAsyncIteration, &exc_ArithmeticError, &exc_FloatingPointError,
    &exc_OverflowError, &exc_ZeroDivisionError, &exc_AssertionError,
    &exc_AttributeError, &exc_EOFError, &exc_ImportError,
    &exc_ModuleNotFoundError, &exc_LookupError, &exc_IndexError,
    &exc_KeyError, &exc_MemoryError, &exc_NameError, &exc_UnboundLocalError,
    &exc_OSError, &exc_FileNotFoundError, &exc_FileExistsError,
    &exc_PermissionError, &exc_IsADirectoryError, &exc_RuntimeError,
    &exc_NotImplementedError, &exc_RecursionError, &exc_SyntaxError,
    &exc_IndentationError, &exc_TabError, &exc_TypeError, &exc_ValueError,
    &exc_UnicodeError, &exc_UnicodeDecodeError, &exc_UnicodeEncodeError,
    &exc_Warning, &exc_UserWarning, &exc_DeprecationWarning,
    &exc_RuntimeWarning, &exc_FutureWarning, &exc_PendingDeprecationWarning, NULL,
};

/* The pre-allocated MemoryError: immortal, its dict made at init. */
static ExcObj memerr = {
    .inst = {.hdr = {IMMORTAL, &exc_MemoryError}, .dict = {.tag = VT_NONE}},
    .args = {.tag = VT_NONE}, .traceback = {.tag = VT_NONE},
    .cause = {.tag = VT_NONE}, .context = {.tag = VT_NONE},
};

static bool is_subtype(Type *t, Type *base) { return type_is_subtype(t, base); }

/* ---- construction ---- */

static ExcObj *exc_alloc(Type *t)
{
    size_t size = t->basicsize > sizeof(ExcObj) ? t->basicsize : sizeof(ExcObj);
    ExcObj *e = obj_alloc(t, size);
    if (!e) return NULL;
    memset((char *)e + sizeof(Obj), 0, size - sizeof(Obj));
    e->inst.dict = dict_new();
    e->args = v_incref(tuple_empty());
    e->traceback = e->cause = e->context = V_NONE;
    if (IS_ERR(e->inst.dict)) {
        e->inst.dict = V_NONE;
        obj_decref(&e->inst.hdr);
        return NULL;
    }
    return e;
}

static void exc_set_args(ExcObj *e, Value args)
{
    Value old = e->args;
    e->args = v_incref(args);
    v_decref(old);
}

/* OSError(errno, strerror, filename): the filename leaves args (CPython
 * keeps args to two items) and errno 2 makes a FileNotFoundError. */
static Type *oserror_fixup(Type *t, Value args, Value *filename)
{
    Tuple *a = (Tuple *)args.o;
    *filename = V_UNBOUND;
    if (a->len < 2 || a->len > 3 || !IS_INT(a->items[0])) return t;
    if (a->len == 3) *filename = a->items[2];
    if (t == &exc_OSError && a->items[0].i == 2) return &exc_FileNotFoundError;
    return t;
}

Value exc_new(Type *t, Value args)
{
    if (IS_UNBOUND(args)) args = tuple_empty();
    Value filename = V_UNBOUND;
    if (is_subtype(t, &exc_OSError)) t = oserror_fixup(t, args, &filename);
    ExcObj *e = exc_alloc(t);
    if (!e) return V_ERR;
    Value res = v_obj(e);
    if (!IS_UNBOUND(filename)) {
        Value two = tuple_from_array(((Tuple *)args.o)->items, 2);
        if (IS_ERR(two) || dict_set_cstr(e->inst.dict, "filename", filename) < 0) {
            v_decref(two);
            v_decref(res);
            return V_ERR;
        }
        exc_set_args(e, two);
        v_decref(two);
        return res;
    }
    exc_set_args(e, args);
    return res;
}

Value exc_new_msg(Type *t, const char *msg)
{
    if (!msg) return exc_new(t, V_UNBOUND);
    Value s = str_from_cstr(msg);
    if (IS_ERR(s)) return s;
    Value args = tuple_pack(1, s);
    v_decref(s);
    if (IS_ERR(args)) return args;
    Value e = exc_new(t, args);
    v_decref(args);
    return e;
}

/* Calling an exception class: ValueError('msg', 2).  User subclasses may
 * take keywords (their __init__ sees them), builtin classes may not. */
static Value exc_new_slot(Type *t, Value *args, int nargs, KwArgs *kw)
{
    if (kw && kw->n > 0 && !t->is_class)
        return rt_raise(&exc_TypeError, "%s() takes no keyword arguments", t->name);
    Value tup = tuple_from_array(args, nargs);
    if (IS_ERR(tup)) return tup;
    Value e = exc_new(t, tup);
    v_decref(tup);
    return e;
}

/* BaseException.__init__(self, *args): what super().__init__(msg) calls. */
static Value exc_init(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (nargs < 1 || !IS_OBJ(args[0]) || !args[0].o->type->is_exception)
        return rt_raise(&exc_TypeError, "descriptor '__init__' requires a 'BaseException' object");
    Value tup = tuple_from_array(args + 1, nargs - 1);
    if (IS_ERR(tup)) return tup;
    exc_set_args((ExcObj *)args[0].o, tup);
    v_decref(tup);
    return V_NONE;
}

static Value exc_with_traceback(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_count("with_traceback", nargs - 1, 1, 1)) return V_ERR;
    return v_incref(args[0]);
}

static void exc_dealloc(Obj *o)
{
    ExcObj *e = (ExcObj *)o;
    v_decref(e->inst.dict);
    v_decref(e->args);
    v_decref(e->traceback);
    v_decref(e->cause);
    v_decref(e->context);
    free(o);
}

/* ---- str and repr ---- */

static Tuple *exc_args_of(Value self)
{
    Value a = ((ExcObj *)self.o)->args;
    return IS_TYPE(a, &tuple_type) ? (Tuple *)a.o : NULL;
}

static Value oserror_str(ExcObj *e, Tuple *a)
{
    Value fn = IS_OBJ(e->inst.dict) ? dict_get_cstr(e->inst.dict, "filename") : V_UNBOUND;
    Value no = v_str(a->items[0]);
    if (IS_ERR(no)) return no;
    Value msg = v_str(a->items[1]);
    if (IS_ERR(msg)) {
        v_decref(no);
        return msg;
    }
    Value r;
    if (!IS_UNBOUND(fn) && !IS_ERR(fn) && !IS_NONE(fn)) {
        Value fr = v_repr(fn);
        r = IS_ERR(fr) ? fr
                       : str_fmt("[Errno %s] %s: %s", str_cstr(no), str_cstr(msg), str_cstr(fr));
        v_decref(fr);
    } else {
        r = str_fmt("[Errno %s] %s", str_cstr(no), str_cstr(msg));
    }
    v_decref(no);
    v_decref(msg);
    return r;
}

/* "msg (file, line N)" when a SyntaxError carries its location tuple. */
static Value syntaxerror_str(Tuple *a)
{
    Tuple *loc = (Tuple *)a->items[1].o;
    Value msg = v_str(a->items[0]);
    if (IS_ERR(msg)) return msg;
    Value fn = v_str(loc->items[0]);
    if (IS_ERR(fn)) {
        v_decref(msg);
        return fn;
    }
    Value r = IS_INT(loc->items[1])
                  ? str_fmt("%s (%s, line %lld)", str_cstr(msg), str_cstr(fn),
                            (long long)loc->items[1].i)
                  : v_incref(msg);
    v_decref(msg);
    v_decref(fn);
    return r;
}

/* str(e): '' for no args, str(arg) for one, str(args) otherwise; KeyError
 * shows repr(key) so that KeyError: 'a' reads like Python. */
Value exc_str(Value self)
{
    ExcObj *e = (ExcObj *)self.o;
    Tuple *a = exc_args_of(self);
    if (!a) return v_str(e->args);
    Type *t = self.o->type;
    if (is_subtype(t, &exc_OSError) && a->len == 2 && IS_INT(a->items[0]))
        return oserror_str(e, a);
    if (is_subtype(t, &exc_SyntaxError) && a->len == 2 &&
        IS_TYPE(a->items[1], &tuple_type) && ((Tuple *)a->items[1].o)->len >= 2)
        return syntaxerror_str(a);
    if (a->len == 0) return v_incref(str_empty());
    if (a->len == 1)
        return is_subtype(t, &exc_KeyError) ? v_repr(a->items[0]) : v_str(a->items[0]);
    return v_str(e->args);
}

static Value exc_str_slot(Value self) { return exc_str(self); }

/* repr(e): Name('msg') for one argument, Name(a, b) otherwise. */
static Value exc_repr(Value self)
{
    Tuple *a = exc_args_of(self);
    const char *name = self.o->type->name;
    if (a && a->len == 1) {
        Value r = v_repr(a->items[0]);
        if (IS_ERR(r)) return r;
        Value s = str_fmt("%s(%s)", name, str_cstr(r));
        v_decref(r);
        return s;
    }
    if (a && a->len == 0) return str_fmt("%s()", name);
    Value r = v_repr(((ExcObj *)self.o)->args);
    if (IS_ERR(r)) return r;
    Value s = str_fmt("%s%s", name, str_cstr(r));
    v_decref(r);
    return s;
}

static bool exc_hash(Value self, int64_t *out)
{
    *out = (int64_t)((uintptr_t)self.o >> 4);
    return true;
}

/* ---- attributes ---- */

static Value arg_or_none(Tuple *a, int64_t i)
{
    return (a && a->len > i) ? v_incref(a->items[i]) : V_NONE;
}

/* Attributes that live in the C struct or derive from args; anything in
 * the instance dict wins, anything else falls back to the generic lookup. */
static Value exc_getattr(Value self, Obj *name)
{
    ExcObj *e = (ExcObj *)self.o;
    const char *n = ((Str *)name)->data;
    if (IS_OBJ(e->inst.dict)) {
        Value v = dict_get(e->inst.dict, v_obj(name));
        if (IS_ERR(v)) return v;
        if (!IS_UNBOUND(v)) return v_incref(v);
    }
    Type *t = self.o->type;
    Tuple *a = exc_args_of(self);
    if (!strcmp(n, "args")) return v_incref(e->args);
    if (!strcmp(n, "__traceback__")) return v_incref(e->traceback);
    if (!strcmp(n, "__cause__")) return v_incref(e->cause);
    if (!strcmp(n, "__context__")) return v_incref(e->context);
    if (!strcmp(n, "__dict__") && IS_OBJ(e->inst.dict)) return v_incref(e->inst.dict);
    if (is_subtype(t, &exc_StopIteration) && !strcmp(n, "value")) return arg_or_none(a, 0);
    if (is_subtype(t, &exc_SystemExit) && !strcmp(n, "code")) return arg_or_none(a, 0);
    if (is_subtype(t, &exc_OSError)) {
        bool two = a && a->len == 2;
        if (!strcmp(n, "errno")) return two ? arg_or_none(a, 0) : V_NONE;
        if (!strcmp(n, "strerror")) return two ? arg_or_none(a, 1) : V_NONE;
        if (!strcmp(n, "filename")) return V_NONE;
    }
    if (is_subtype(t, &exc_KeyError) || is_subtype(t, &exc_ImportError)) {
        if (!strcmp(n, "name") || !strcmp(n, "path")) return V_NONE;
    }
    if (is_subtype(t, &exc_SyntaxError)) {
        if (!strcmp(n, "msg")) return arg_or_none(a, 0);
        Tuple *loc = (a && a->len == 2 && IS_TYPE(a->items[1], &tuple_type))
                         ? (Tuple *)a->items[1].o : NULL;
        static const char *const fields[] = {"filename", "lineno", "offset", "text",
                                             "end_lineno", "end_offset"};
        for (int i = 0; i < 6; i++)
            if (!strcmp(n, fields[i])) return arg_or_none(loc, i);
    }
    return V_UNBOUND;
}

static int exc_setattr(Value self, Obj *name, Value val)
{
    ExcObj *e = (ExcObj *)self.o;
    const char *n = ((Str *)name)->data;
    Value *slot = NULL;
    if (!strcmp(n, "__traceback__")) slot = &e->traceback;
    else if (!strcmp(n, "__cause__")) slot = &e->cause;
    else if (!strcmp(n, "__context__")) slot = &e->context;
    if (!strcmp(n, "args")) {
        if (IS_UNBOUND(val)) {
            rt_raise(&exc_TypeError, "args may not be deleted");
            return -1;
        }
        Value t = tuple_from_iter(val);
        if (IS_ERR(t)) return -1;
        exc_set_args(e, t);
        v_decref(t);
        return 0;
    }
    if (slot) {
        Value old = *slot;
        *slot = IS_UNBOUND(val) ? V_NONE : v_incref(val);
        v_decref(old);
        return 0;
    }
    if (!IS_OBJ(e->inst.dict)) {
        rt_nomem();
        return -1;
    }
    if (IS_UNBOUND(val)) {
        if (IS_UNBOUND(dict_get(e->inst.dict, v_obj(name)))) {
            rt_raise(&exc_AttributeError, "%s", n);
            return -1;
        }
        return dict_del(e->inst.dict, v_obj(name));
    }
    return dict_set(e->inst.dict, v_obj(name), val);
}

/* ---- raising ---- */

static void set_pending(Value exc)
{
    Value old = rt_exc;
    rt_exc = exc;
    v_decref(old);
}

Value rt_raise(Type *t, const char *fmt, ...)
{
    char buf[512];
    Value e;
    if (!fmt) {
        e = exc_new(t, V_UNBOUND);
    } else {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(buf, sizeof buf, fmt, ap);
        va_end(ap);
        if (n < 0) n = 0;
        if ((size_t)n < sizeof buf) {
            e = exc_new_msg(t, buf);
        } else {
            char *big = malloc((size_t)n + 1);
            if (!big) return rt_nomem();
            va_start(ap, fmt);
            vsnprintf(big, (size_t)n + 1, fmt, ap);
            va_end(ap);
            e = exc_new_msg(t, big);
            free(big);
        }
    }
    if (IS_ERR(e)) return rt_nomem();
    set_pending(e);
    return V_ERR;
}

/* raise X: an instance is raised as is; a class is instantiated first. */
Value rt_raise_value(Value exc)
{
    if (IS_OBJ(exc) && exc.o->type == &type_type && ((Type *)exc.o)->is_exception) {
        Type *t = (Type *)exc.o;
        Value e = t->new ? t->new(t, NULL, 0, NULL) : exc_new(t, V_UNBOUND);
        if (IS_ERR(e)) return e;
        set_pending(e);
        return V_ERR;
    }
    if (!IS_OBJ(exc) || !exc.o->type->is_exception)
        return rt_raise(&exc_TypeError, "exceptions must derive from BaseException");
    set_pending(v_incref(exc));
    return V_ERR;
}

Value rt_raise_keyerror(Value key)
{
    Value args = tuple_pack(1, key);
    if (IS_ERR(args)) return args;
    Value e = exc_new(&exc_KeyError, args);
    v_decref(args);
    if (IS_ERR(e)) return e;
    set_pending(e);
    return V_ERR;
}

Value rt_raise_stopiteration(Value value)
{
    Value args = tuple_pack(1, value);
    if (IS_ERR(args)) return args;
    Value e = exc_new(&exc_StopIteration, args);
    v_decref(args);
    if (IS_ERR(e)) return e;
    set_pending(e);
    return V_ERR;
}

/* Never allocates: the instance is static and only its old traceback is
 * dropped (the VM attaches a new one while unwinding). */
Value rt_nomem(void)
{
    if (IS_NONE(memerr.args) || IS_UNBOUND(memerr.args)) memerr.args = tuple_empty();
    Value tb = memerr.traceback;
    memerr.traceback = V_NONE;
    v_decref(tb);
    set_pending(v_obj(&memerr));
    return V_ERR;
}

bool rt_exc_matches(Type *t)
{
    return IS_OBJ(rt_exc) && is_subtype(rt_exc.o->type, t);
}

Value rt_exc_take(void)
{
    Value e = rt_exc;
    rt_exc = V_NONE;
    return e;
}

void rt_exc_clear(void) { set_pending(V_NONE); }

/* ---- methods ---- */

static const MethodDef exc_methods[] = {
    {"__init__", exc_init, "__init__(self, *args)\n\nInitialize self; stores args.", 0},
    {"with_traceback", exc_with_traceback,
     "with_traceback(tb)\n\nSet self.__traceback__ to tb and return self.", 0},
    {NULL, NULL, NULL, 0},
};

void exc_init_types(void)
{
    type_add_methods(&exc_BaseException, exc_methods);
    for (int i = 0; exc_all[i]; i++) {
        if (!exc_all[i]->dict) {
            Value d = dict_new();
            if (!IS_ERR(d)) exc_all[i]->dict = d.o;
        }
    }
    if (IS_NONE(memerr.inst.dict)) {
        Value d = dict_new();
        if (!IS_ERR(d)) memerr.inst.dict = d;
    }
    memerr.args = tuple_empty();
}
