/* class.c — the class statement's runtime: a new Type whose slots call
 * the class's dunder methods.
 *
 * class_new copies the base type's slots (so a class deriving from
 * Exception keeps the exception machinery) and then, for each dunder the
 * class body defines, points the matching slot at a small dispatcher here
 * that looks the method up along the class chain and calls it.  Instances
 * of classes rooted at object are Instance objects with a dict; those of
 * classes deriving from a builtin type (exceptions) are allocated by that
 * type's `new` with the class's size; those of classes deriving from list
 * or dict are that builtin's struct followed by the instance dict
 * (Type.dictoffset).  Every instance holds a reference to its class.
 *
 * With several bases the class copies the slots of its layout base
 * (pick_base, CPython's __base__), gets its C3 MRO from mro.c, and installs
 * a dispatcher for each dunder any class of that MRO defines.  A __new__
 * the class chain defines runs first; __init__ only when it returned an
 * instance of the class.
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "vm_internal.h"
#include "mro.h"

/* The nearest ancestor that is not a class statement's type. */
static Type *builtin_base(Type *t)
{
    while (t->is_class) t = t->base;
    return t;
}

/* Calls self.<name>(*args) through the class chain. */
Value class_call_method(Value self, const char *name, Value *args, int nargs, bool *found)
{
    Type *t = v_type(self);
    Value attr = type_lookup_cstr(t, name);
    *found = !IS_UNBOUND(attr) && !IS_ERR(attr);
    if (IS_ERR(attr)) return attr;
    if (!*found) return V_UNBOUND;
    if (IS_TYPE(attr, &func_type)) {
        Value small[8];
        Value *argv = nargs < 8 ? small : rt_alloc(sizeof(Value) * (size_t)(nargs + 1));
        if (!argv) return V_ERR;
        argv[0] = self;
        for (int i = 0; i < nargs; i++) argv[i + 1] = args[i];
        Value r = func_call((FuncObj *)attr.o, argv, nargs + 1, NULL);
        if (argv != small) free(argv);
        return r;
    }
    Value b = object_bind(attr, self, t);
    if (IS_ERR(b)) return b;
    Value r = v_call(b, args, nargs, NULL);
    v_decref(b);
    return r;
}

static Value call1(Value self, const char *name, Value *args, int nargs)
{
    bool found;
    Value r = class_call_method(self, name, args, nargs, &found);
    return found || IS_ERR(r) ? r : rt_notimpl();
}

/* ---- construction and destruction ---- */

/* A new, uninitialized instance of class t (object.__new__ and the
 * default construction). */
Value class_alloc(Type *t, Value *args, int nargs, KwArgs *kw)
{
    Type *b = builtin_base(t);
    Value self;
    if (b == &object_type) {
        Instance *o = obj_alloc(t, sizeof(Instance));
        if (!o) return V_ERR;
        o->dict = dict_new();
        if (IS_ERR(o->dict)) {
            free(o);
            return V_ERR;
        }
        self = v_obj(o);
    } else {
        self = b->new(t, args, nargs, kw);
        if (IS_ERR(self)) return self;
    }
    obj_incref(&t->hdr);
    if (t->dictoffset) {
        Value d = dict_new();
        if (IS_ERR(d)) {
            v_decref(self);
            return d;
        }
        *(Value *)((char *)self.o + t->dictoffset) = d;
    }
    return self;
}

/* The function of a __new__ the class chain defines (a def in a class
 * body is an implicit staticmethod), or UNBOUND for object's. */
Value class_user_new(Type *t)
{
    Value f = type_lookup_cstr(t, "__new__");
    if (IS_TYPE(f, &staticmethod_type)) f = ((WrapObj *)f.o)->func;
    return IS_TYPE(f, &func_type) ? f : V_UNBOUND;
}

/* Calls the class's __new__(cls, *args); the instance, or whatever else
 * it returned (then __init__ is skipped). */
static Value call_user_new(Type *t, Value fn, Value *args, int nargs, KwArgs *kw, bool *skip_init)
{
    Value small[8];
    Value *argv = nargs < 8 ? small : rt_alloc(sizeof(Value) * (size_t)(nargs + 1));
    if (!argv) return V_ERR;
    argv[0] = v_obj(t);
    for (int i = 0; i < nargs; i++) argv[i + 1] = args[i];
    Value r = v_call(fn, argv, nargs + 1, kw);
    if (argv != small) free(argv);
    *skip_init = !IS_ERR(r) && !v_isinstance(r, t);
    return r;
}

static Value cls_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    Type *b = builtin_base(t);
    Value unew = class_user_new(t);
    Value self;
    if (IS_UNBOUND(unew)) {
        self = class_alloc(t, args, nargs, kw);
        if (IS_ERR(self)) return self;
    } else {
        bool skip;
        self = call_user_new(t, unew, args, nargs, kw, &skip);
        if (IS_ERR(self) || skip) return self;
        t = v_type(self);
    }
    Value init = type_lookup_cstr(t, "__init__");
    bool object_init = IS_UNBOUND(init) || (IS_TYPE(init, &cfunc_type) && b == &object_type);
    if (object_init) {
        if (b == &object_type && IS_UNBOUND(unew) && (nargs || (kw && kw->n))) {
            v_decref(self);
            return rt_raise(&exc_TypeError, "%s() takes no arguments", t->name);
        }
        return self;
    }
    Value bound = object_bind(init, self, t);
    if (IS_ERR(bound)) {
        v_decref(self);
        return bound;
    }
    Value r = v_call(bound, args, nargs, kw);
    v_decref(bound);
    if (IS_ERR(r)) {
        v_decref(self);
        return r;
    }
    if (!IS_NONE(r)) {
        rt_raise(&exc_TypeError, "__init__() should return None, not '%s'", v_typename(r));
        v_decref(r);
        v_decref(self);
        return V_ERR;
    }
    return self;
}

static void cls_dealloc(Obj *o)
{
    Type *t = o->type;
    Type *b = builtin_base(t);
    if (t->dictoffset) v_decref(*(Value *)((char *)o + t->dictoffset));
    if (b->dealloc) b->dealloc(o);
    else free(o);
    obj_decref(&t->hdr);
}

/* ---- slot dispatchers ---- */

static Value want_str(Value r, const char *what)
{
    if (IS_ERR(r) || IS_TYPE(r, &str_type)) return r;
    rt_raise(&exc_TypeError, "%s returned non-string (type %s)", what, v_typename(r));
    v_decref(r);
    return V_ERR;
}

static Value cls_repr(Value self) { return want_str(call1(self, "__repr__", NULL, 0), "__repr__"); }
static Value cls_str(Value self) { return want_str(call1(self, "__str__", NULL, 0), "__str__"); }

static bool cls_hash(Value self, int64_t *out)
{
    Value r = call1(self, "__hash__", NULL, 0);
    if (IS_ERR(r)) return false;
    if (IS_BOOL(r)) r = v_int(r.b);
    if (!IS_INT(r)) {
        v_decref(r);
        rt_raise(&exc_TypeError, "__hash__ method should return an integer");
        return false;
    }
    *out = r.i;
    return true;
}

static bool cls_unhashable(Value self, int64_t *out)
{
    (void)out;
    rt_raise(&exc_TypeError, "unhashable type: '%s'", v_typename(self));
    return false;
}

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

/* a != b without __ne__ inverts __eq__, as object.__ne__ does. */
static Value cls_compare(CmpOp op, Value a, Value b)
{
    bool found;
    Value r = class_call_method(a, cmp_names[op], &b, 1, &found);
    if (found || IS_ERR(r)) return r;
    if (op != CMP_NE) return rt_notimpl();
    r = class_call_method(a, "__eq__", &b, 1, &found);
    if (!found) return rt_notimpl();
    if (IS_ERR(r) || v_is_notimpl(r)) return r;
    int t = v_truth(r);
    v_decref(r);
    return t < 0 ? V_ERR : v_bool(!t);
}

static int cls_truth(Value self)
{
    Value r = call1(self, "__bool__", NULL, 0);
    if (IS_ERR(r)) return -1;
    if (!IS_BOOL(r)) {
        rt_raise(&exc_TypeError, "__bool__ should return bool, returned %s", v_typename(r));
        v_decref(r);
        return -1;
    }
    return r.b;
}

static int64_t cls_len(Value self)
{
    Value r = call1(self, "__len__", NULL, 0);
    if (IS_ERR(r)) return -1;
    if (IS_BOOL(r)) r = v_int(r.b);
    if (!IS_INT(r)) {
        rt_raise(&exc_TypeError, "'%s' object cannot be interpreted as an integer", v_typename(r));
        v_decref(r);
        return -1;
    }
    if (r.i < 0) {
        rt_raise(&exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return r.i;
}

static const char *const binop_names[] = {"__add__", "__sub__", "__mul__", "__truediv__",
    "__floordiv__", "__mod__", "__pow__", "__matmul__", "__lshift__", "__rshift__", "__and__",
    "__or__", "__xor__"};
static const char *const rbinop_names[] = {"__radd__", "__rsub__", "__rmul__", "__rtruediv__",
    "__rfloordiv__", "__rmod__", "__rpow__", "__rmatmul__", "__rlshift__", "__rrshift__", "__rand__",
    "__ror__", "__rxor__"};
static const char *const ibinop_names[] = {"__iadd__", "__isub__", "__imul__", "__itruediv__",
    "__ifloordiv__", "__imod__", "__ipow__", "__imatmul__", "__ilshift__", "__irshift__", "__iand__",
    "__ior__", "__ixor__"};

Value class_binop_side(BinOp op, Value a, Value b, bool right)
{
    if (right) return call1(b, rbinop_names[op], &a, 1);
    return call1(a, binop_names[op], &b, 1);
}

Value class_binop(BinOp op, Value a, Value b)
{
    Value r = rt_notimpl();
    if (v_type(a)->binop == class_binop) {
        v_decref(r);
        r = class_binop_side(op, a, b, false);
    }
    if (v_is_notimpl(r) && v_type(b)->binop == class_binop && v_type(b) != v_type(a)) {
        v_decref(r);
        r = class_binop_side(op, a, b, true);
    }
    return r;
}

static Value cls_inplace(BinOp op, Value a, Value b) { return call1(a, ibinop_names[op], &b, 1); }

static Value cls_unop(UnOp op, Value a)
{
    static const char *const names[] = {"__neg__", "__pos__", "__invert__"};
    if (op > UOP_INVERT) return rt_notimpl();
    return call1(a, names[op], NULL, 0);
}

static Value cls_call(Value self, Value *args, int nargs, KwArgs *kw)
{
    Type *t = v_type(self);
    Value attr = type_lookup_cstr(t, "__call__");
    if (IS_ERR(attr)) return attr;
    if (IS_UNBOUND(attr)) return rt_raise(&exc_TypeError, "'%s' object is not callable", t->name);
    Value b = object_bind(attr, self, t);
    if (IS_ERR(b)) return b;
    Value r = v_call(b, args, nargs, kw);
    v_decref(b);
    return r;
}

static Value cls_iter(Value self) { return call1(self, "__iter__", NULL, 0); }

static Value cls_next(Value self)
{
    Value r = call1(self, "__next__", NULL, 0);
    if (IS_ERR(r) && rt_exc_matches(&exc_StopIteration)) {
        rt_exc_clear();
        return V_UNBOUND;
    }
    return r;
}

static Value cls_getitem(Value self, Value key) { return call1(self, "__getitem__", &key, 1); }

static int cls_setitem(Value self, Value key, Value val)
{
    Value args[2] = {key, val};
    Value r = IS_UNBOUND(val) ? call1(self, "__delitem__", &key, 1) : call1(self, "__setitem__", args, 2);
    if (IS_ERR(r)) return -1;
    if (v_is_notimpl(r)) {
        rt_raise(&exc_TypeError, IS_UNBOUND(val) ? "'%s' object doesn't support item deletion"
                                                 : "'%s' object does not support item assignment",
                 v_typename(self));
        v_decref(r);
        return -1;
    }
    v_decref(r);
    return 0;
}

static int cls_contains(Value self, Value item)
{
    Value r = call1(self, "__contains__", &item, 1);
    if (IS_ERR(r)) return -1;
    int t = v_truth(r);
    v_decref(r);
    return t;
}

/* A user __setattr__/__delattr__ intercepts every assignment. */
static int cls_setattr(Value self, Obj *name, Value val)
{
    Type *t = v_type(self);
    const char *m = IS_UNBOUND(val) ? "__delattr__" : "__setattr__";
    Value attr = type_lookup_cstr(t, m);
    if (!IS_TYPE(attr, &func_type)) return object_generic_setattr(self, name, val);
    Value args[3] = {self, v_obj(name), val};
    Value r = func_call((FuncObj *)attr.o, args, IS_UNBOUND(val) ? 2 : 3, NULL);
    if (IS_ERR(r)) return -1;
    v_decref(r);
    return 0;
}

Value class_getattr_hook(Value o, Obj *name)
{
    Type *t = v_type(o);
    Value hook = type_lookup_cstr(t, "__getattr__");
    if (!IS_TYPE(hook, &func_type)) return V_UNBOUND;
    Value args[2] = {o, v_obj(name)};
    return func_call((FuncObj *)hook.o, args, 2, NULL);
}

/* ---- class creation ---- */

/* Whether the class t (namespace ns) or, with several bases, any class of
 * its MRO defines name (single inheritance copied the base's slots). */
static bool defines(Type *t, Value ns, const char *name)
{
    if (!IS_UNBOUND(dict_get_cstr(ns, name))) return true;
    if (!t->mro) return false;
    for (MroIter it = mro_iter(t); it.t; mro_step(&it))
        if (it.t->is_class && it.t->dict && !IS_UNBOUND(dict_get_cstr(v_obj(it.t->dict), name))) return true;
    return false;
}

static bool defines_any(Type *t, Value ns, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (defines(t, ns, names[i])) return true;
    return false;
}

static void install_slots(Type *t, Value ns)
{
    t->new = cls_new;
    t->dealloc = cls_dealloc;
    if (defines(t, ns, "__repr__")) t->repr = cls_repr;
    if (defines(t, ns, "__str__")) t->str = cls_str;
    Value h = dict_get_cstr(ns, "__hash__");
    if (IS_NONE(h)) t->hash = cls_unhashable;
    else if (!IS_UNBOUND(h)) t->hash = cls_hash;
    else if (!IS_UNBOUND(dict_get_cstr(ns, "__eq__"))) t->hash = cls_unhashable;
    else if (t->mro && defines(t, ns, "__hash__")) t->hash = cls_hash;
    if (defines_any(t, ns, cmp_names, 6)) t->compare = cls_compare;
    if (defines(t, ns, "__bool__")) t->truth = cls_truth;
    if (defines(t, ns, "__len__")) t->len = cls_len;
    if (defines_any(t, ns, binop_names, OP__NBIN) || defines_any(t, ns, rbinop_names, OP__NBIN))
        t->binop = class_binop;
    if (defines_any(t, ns, ibinop_names, OP__NBIN)) t->inplace = cls_inplace;
    static const char *const unops[] = {"__neg__", "__pos__", "__invert__"};
    if (defines_any(t, ns, unops, 3)) t->unop = cls_unop;
    if (defines(t, ns, "__call__")) t->call = cls_call;
    if (defines(t, ns, "__iter__")) t->iter = cls_iter;
    if (defines(t, ns, "__next__")) t->next = cls_next;
    if (defines(t, ns, "__getitem__")) t->getitem = cls_getitem;
    if (defines(t, ns, "__setitem__") || defines(t, ns, "__delitem__")) t->setitem = cls_setitem;
    if (defines(t, ns, "__contains__")) t->contains = cls_contains;
    if (defines(t, ns, "__setattr__") || defines(t, ns, "__delattr__")) t->setattr = cls_setattr;
}

/* Methods remember their class for zero-argument super(). */
static void set_klass(Value v, Type *t)
{
    if (IS_TYPE(v, &func_type)) {
        if (!((FuncObj *)v.o)->klass) ((FuncObj *)v.o)->klass = t;
    } else if (IS_TYPE(v, &staticmethod_type) || IS_TYPE(v, &classmethod_type)) {
        set_klass(((WrapObj *)v.o)->func, t);
    } else if (IS_TYPE(v, &property_type)) {
        PropertyObj *p = (PropertyObj *)v.o;
        set_klass(p->fget, t);
        set_klass(p->fset, t);
        set_klass(p->fdel, t);
    }
}

/* The layout base (__base__): the base whose builtin ancestor is the most
 * derived; CPython's errors for bases that are not types, repeated or
 * have incompatible layouts. */
static Type *pick_base(Value bases)
{
    Tuple *b = (Tuple *)bases.o;
    if (b->len == 0) return &object_type;
    Type *best = NULL;
    for (int64_t i = 0; i < b->len; i++) {
        if (!IS_OBJ(b->items[i]) || !type_is_subtype(b->items[i].o->type, &type_type)) {
            rt_raise(&exc_TypeError, "bases must be types");
            return NULL;
        }
        Type *base = (Type *)b->items[i].o;
        for (int64_t j = 0; j < i; j++)
            if (b->items[j].o == &base->hdr) {
                rt_raise(&exc_TypeError, "duplicate base class %s", base->name);
                return NULL;
            }
        Type *bb = builtin_base(base);
        if (!bb->new || (bb != &object_type && bb->basicsize < sizeof(Instance))) {
            rt_raise(&exc_TypeError, "type '%s' is not an acceptable base type", base->name);
            return NULL;
        }
        if (!best) {
            best = base;
            continue;
        }
        Type *cur = builtin_base(best);
        if (type_is_subtype(cur, bb)) continue;
        if (!type_is_subtype(bb, cur)) {
            rt_raise(&exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
        best = base;
    }
    return best;
}

Value class_new(Value name, Value bases, Value ns)
{
    Type *base = pick_base(bases);
    if (!base) return V_ERR;
    Type *t = rt_alloc(sizeof(Type));
    if (!t) return V_ERR;
    *t = *base;
    t->mro = t->bases = NULL;
    Tuple *b = (Tuple *)bases.o;
    if (b->len > 1 || (b->len == 1 && base->mro)) {
        Value mro = mro_compute(t, bases);
        if (IS_ERR(mro)) {
            free(t);
            return mro;
        }
        t->mro = mro.o;
        t->bases = bases.o;
        obj_incref(bases.o);
    }
    t->name = strdup(str_cstr(name));
    if (!t->name) {
        if (t->mro) obj_decref(t->mro);
        if (t->bases) obj_decref(t->bases);
        free(t);
        return rt_nomem();
    }
    t->hdr.rc = 1;
    t->hdr.type = &type_type;
    t->base = base;
    obj_incref(&base->hdr);
    t->dict = ns.o;
    obj_incref(ns.o);
    t->doc = NULL;
    t->is_class = true;
    t->is_exception = base->is_exception;
    t->basicsize = base->basicsize ? base->basicsize : sizeof(Instance);
    t->dir = base->dir;
    if (base == &list_type || base == &dict_type) t->dictoffset = base->basicsize;
    install_slots(t, ns);
    Value k, v;
    for (int64_t i = 0; dict_next(ns, &i, &k, &v);) set_klass(v, t);
    return v_obj(t);
}
