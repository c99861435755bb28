/* object.c — the generic operations every part of the runtime uses.
 *
 * Each v_* function dispatches through the operand's Type slots and, when
 * a slot is missing or answers NotImplemented, applies Python's fallback
 * rules (reflected operands, identity for ==, iteration for `in`) before
 * raising CPython's exact TypeError/AttributeError text.  Attribute lookup
 * lives here too: type slot first, then data descriptors (property), the
 * instance dict, and the type dict chain with binding (functions become
 * bound methods, builtin methods bound CFuncObjs).
 *
 * The types of the object model itself are defined here: type, object,
 * bound method, property, staticmethod, classmethod, super, and the
 * NotImplemented and Ellipsis singletons.  (attrs.c holds the attribute
 * machinery, types.c the type objects.)
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "vm_internal.h"

Type *v_type(Value v)
{
    switch (v.tag) {
    case VT_NONE: return &none_type;
    case VT_BOOL: return &bool_type;
    case VT_INT: return &int_type;
    case VT_FLOAT: return &float_type;
    case VT_OBJ: return v.o->type;
    default: return &none_type;
    }
}

bool type_is_subtype(Type *t, Type *base)
{
    if (t->mro) {
        if (t == base) return true;
        Tuple *m = (Tuple *)t->mro;
        for (int64_t i = 0; i < m->len; i++)
            if (m->items[i].o == &base->hdr) return true;
        return false;
    }
    for (; t; t = t->base)
        if (t == base) return true;
    return false;
}

bool v_isinstance(Value v, Type *t) { return type_is_subtype(v_type(v), t); }

/* ---- repr / str / truth / hash ---- */

Value v_repr(Value v)
{
    if (!vm_cstack_ok())
        return rt_raise(&exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    Type *t = v_type(v);
    if (t->repr) return t->repr(v);
    return str_fmt("<%s object at %p>", t->name, IS_OBJ(v) ? (void *)v.o : NULL);
}

Value v_str(Value v)
{
    if (IS_TYPE(v, &str_type)) return v_incref(v);
    Type *t = v_type(v);
    if (t->str) {
        if (!vm_cstack_ok())
            return rt_raise(&exc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
        return t->str(v);
    }
    return v_repr(v);
}

int v_truth(Value v)
{
    switch (v.tag) {
    case VT_NONE: return 0;
    case VT_BOOL: return v.b;
    case VT_INT: return v.i != 0;
    case VT_FLOAT: return v.f != 0.0;
    default: break;
    }
    Type *t = v_type(v);
    if (t->truth) return t->truth(v);
    if (t->len) {
        int64_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

bool v_hash(Value v, int64_t *out)
{
    Type *t = v_type(v);
    if (t->hash) return t->hash(v, out);
    rt_raise(&exc_TypeError, "unhashable type: '%s'", t->name);
    return false;
}

/* ---- comparisons ---- */

static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
static const CmpOp cmp_swap[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static Value try_compare(Type *t, CmpOp op, Value a, Value b)
{
    if (!t->compare) return rt_notimpl();
    return t->compare(op, a, b);
}

Value v_compare(CmpOp op, Value a, Value b)
{
    Type *ta = v_type(a), *tb = v_type(b);
    bool reflected_first = ta != tb && type_is_subtype(tb, ta) && tb->compare;
    Value r;
    if (reflected_first) {
        r = try_compare(tb, cmp_swap[op], b, a);
        if (!v_is_notimpl(r)) return r;
    }
    r = try_compare(ta, op, a, b);
    if (!v_is_notimpl(r)) return r;
    if (!reflected_first) {
        r = try_compare(tb, cmp_swap[op], b, a);
        if (!v_is_notimpl(r)) return r;
    }
    if (op == CMP_EQ) return v_bool(v_is(a, b));
    if (op == CMP_NE) return v_bool(!v_is(a, b));
    return rt_raise(&exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    cmp_sym[op], ta->name, tb->name);
}

int v_eq(Value a, Value b)
{
    if (v_is(a, b)) return 1;
    if (IS_INT(a) && IS_INT(b)) return a.i == b.i;
    if (IS_TYPE(a, &str_type) && IS_TYPE(b, &str_type)) return str_eq(a, b);
    Value r = v_compare(CMP_EQ, a, b);
    if (IS_ERR(r)) return -1;
    int t = IS_BOOL(r) ? r.b : v_truth(r);
    v_decref(r);
    return t;
}

bool v_is(Value a, Value b)
{
    if (a.tag != b.tag) return false;
    switch (a.tag) {
    case VT_NONE: return true;
    case VT_BOOL: return a.b == b.b;
    case VT_INT: return a.i == b.i;
    case VT_FLOAT: return a.f == b.f || (a.f != a.f && b.f != b.f);
    case VT_OBJ: return a.o == b.o;
    default: return true;
    }
}

/* ---- arithmetic ---- */

static const char *const binop_sym[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "@",
                                        "<<", ">>", "&", "|", "^"};
static const char *const inplace_sym[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=",
                                          "<<=", ">>=", "&=", "|=", "^="};

static Value side(Type *t, BinOp op, Value a, Value b, bool right)
{
    if (t->binop == class_binop) return class_binop_side(op, a, b, right);
    if (!t->binop) return rt_notimpl();
    return t->binop(op, a, b);
}

/* Python's rule: a's method first, then b's reflected one, except when b's
 * type is a proper subclass of a's (then b goes first). */
static Value binop_impl(BinOp op, Value a, Value b)
{
    Type *ta = v_type(a), *tb = v_type(b);
    Value r;
    if (ta != tb && type_is_subtype(tb, ta)) {
        r = side(tb, op, a, b, true);
        if (!v_is_notimpl(r)) return r;
        return side(ta, op, a, b, false);
    }
    r = side(ta, op, a, b, false);
    if (!v_is_notimpl(r) || ta == tb) return r;
    return side(tb, op, a, b, true);
}

Value v_binop(BinOp op, Value a, Value b)
{
    Value r = binop_impl(op, a, b);
    if (!v_is_notimpl(r)) return r;
    return rt_raise(&exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                    binop_sym[op], v_typename(a), v_typename(b));
}

Value v_inplace(BinOp op, Value a, Value b)
{
    Type *ta = v_type(a);
    if (ta->inplace) {
        Value r = ta->inplace(op, a, b);
        if (!v_is_notimpl(r)) return r;
    }
    Value r = binop_impl(op, a, b);
    if (!v_is_notimpl(r)) return r;
    return rt_raise(&exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                    inplace_sym[op], v_typename(a), v_typename(b));
}

Value v_unop(UnOp op, Value a)
{
    if (op == UOP_NOT) {
        int t = v_truth(a);
        return t < 0 ? V_ERR : v_bool(!t);
    }
    if (IS_INT(a)) {
        if (op == UOP_POS) return a;
        if (op == UOP_INVERT) return v_int(~a.i);
        if (a.i != INT64_MIN) return v_int(-a.i);
    }
    Type *t = v_type(a);
    if (t->unop) {
        Value r = t->unop(op, a);
        if (!v_is_notimpl(r)) return r;
    }
    static const char *const sym[] = {"-", "+", "~"};
    return rt_raise(&exc_TypeError, "bad operand type for unary %s: '%s'", sym[op], t->name);
}

/* ---- calls, containers, iteration ---- */

Value v_call(Value f, Value *args, int nargs, KwArgs *kw)
{
    Type *t = v_type(f);
    if (!t->call) return rt_raise(&exc_TypeError, "'%s' object is not callable", t->name);
    if (rt_interrupted && !rt_check_interrupt()) return V_ERR;
    return t->call(f, args, nargs, kw);
}

Value v_getitem(Value o, Value key)
{
    Type *t = v_type(o);
    if (t->getitem) return t->getitem(o, key);
    if (IS_TYPE(o, &type_type)) {
        Value cg = type_lookup_cstr((Type *)o.o, "__class_getitem__");
        if (!IS_UNBOUND(cg)) {
            Value b = object_bind(cg, o, (Type *)o.o);
            if (IS_ERR(b)) return b;
            Value r = v_call(b, &key, 1, NULL);
            v_decref(b);
            return r;
        }
        return rt_raise(&exc_TypeError, "type '%s' is not subscriptable", ((Type *)o.o)->name);
    }
    return rt_raise(&exc_TypeError, "'%s' object is not subscriptable", t->name);
}

int v_setitem(Value o, Value key, Value val)
{
    Type *t = v_type(o);
    if (t->setitem) return t->setitem(o, key, val);
    rt_raise(&exc_TypeError, "'%s' object does not support item assignment", t->name);
    return -1;
}

int v_delitem(Value o, Value key)
{
    Type *t = v_type(o);
    if (t->setitem) return t->setitem(o, key, V_UNBOUND);
    rt_raise(&exc_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

int v_foreach(Value iterable, int (*add)(Value target, Value item), Value target)
{
    Value it = v_iter(iterable);
    if (IS_ERR(it)) return -1;
    for (;;) {
        Value x = v_next(it);
        if (IS_UNBOUND(x)) break;
        if (IS_ERR(x) || add(target, x) < 0) {
            v_decref(x);
            v_decref(it);
            return -1;
        }
        v_decref(x);
    }
    v_decref(it);
    return 0;
}

int v_contains(Value container, Value item)
{
    Type *t = v_type(container);
    if (t->contains) return t->contains(container, item);
    if (!t->iter) {
        rt_raise(&exc_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    Value it = v_iter(container);
    if (IS_ERR(it)) return -1;
    for (;;) {
        Value x = v_next(it);
        if (IS_UNBOUND(x)) break;
        if (IS_ERR(x)) {
            v_decref(it);
            return -1;
        }
        int eq = v_eq(x, item);
        v_decref(x);
        if (eq != 0) {
            v_decref(it);
            return eq;
        }
    }
    v_decref(it);
    return 0;
}

int64_t v_len(Value v)
{
    Type *t = v_type(v);
    if (t->len) return t->len(v);
    rt_raise(&exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

Value v_iter(Value v)
{
    Type *t = v_type(v);
    if (t->iter) return t->iter(v);
    return rt_raise(&exc_TypeError, "'%s' object is not iterable", t->name);
}

Value v_next(Value it)
{
    Type *t = v_type(it);
    if (t->next) return t->next(it);
    return rt_raise(&exc_TypeError, "'%s' object is not an iterator", t->name);
}

/* ---- NotImplemented and Ellipsis ---- */

static Value notimpl_repr(Value v) { (void)v; return str_from_cstr("NotImplemented"); }
static Value ellipsis_repr(Value v) { (void)v; return str_from_cstr("Ellipsis"); }
static bool ident_hash(Value v, int64_t *out)
{
    *out = IS_OBJ(v) ? (int64_t)((uintptr_t)v.o >> 4) : 0;
    return true;
}

Type notimpl_type = {.hdr = {1, &type_type}, .name = "NotImplementedType", .base = &object_type,
                     .repr = notimpl_repr, .hash = ident_hash};
Type ellipsis_type = {.hdr = {1, &type_type}, .name = "ellipsis", .base = &object_type,
                      .repr = ellipsis_repr, .hash = ident_hash};
static Obj notimpl_obj = {1, &notimpl_type};
static Obj ellipsis_obj = {1, &ellipsis_type};

Value rt_notimpl(void) { return v_incref(v_obj(&notimpl_obj)); }
bool v_is_notimpl(Value v) { return IS_OBJ(v) && v.o == &notimpl_obj; }
Value v_ellipsis(void) { return v_incref(v_obj(&ellipsis_obj)); }
