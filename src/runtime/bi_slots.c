/* bi_slots.c — dunder methods of builtin containers that forward to the
 * type slots (list.__repr__, dict.__setitem__, ...), so a subclass's
 * super().__setitem__(k, v) or super().__repr__() reaches the builtin
 * behaviour.  The slot is taken from the builtin the receiver's class
 * derives from, never the class's own (which may be the caller).
 */
#include "objects.h"
#include "vm_internal.h"

static Type *builtin_of(Value self)
{
    Type *t = v_type(self);
    while (t->is_class) t = t->base;
    return t;
}

static bool want(const char *name, int nargs, KwArgs *kw, int n)
{
    if (!args_nokw(name, kw)) return false;
    if (nargs - 1 == n) return true;
    rt_raise(&exc_TypeError, "expected %d argument%s, got %d", n, n == 1 ? "" : "s", nargs - 1);
    return false;
}

static Value w_repr(Value *a, int n, KwArgs *kw)
{
    return want("__repr__", n, kw, 0) ? builtin_of(a[0])->repr(a[0]) : V_ERR;
}

static Value w_len(Value *a, int n, KwArgs *kw)
{
    if (!want("__len__", n, kw, 0)) return V_ERR;
    int64_t r = builtin_of(a[0])->len(a[0]);
    return r < 0 ? V_ERR : v_int(r);
}

static Value w_iter(Value *a, int n, KwArgs *kw)
{
    return want("__iter__", n, kw, 0) ? builtin_of(a[0])->iter(a[0]) : V_ERR;
}

static Value w_getitem(Value *a, int n, KwArgs *kw)
{
    return want("__getitem__", n, kw, 1) ? builtin_of(a[0])->getitem(a[0], a[1]) : V_ERR;
}

static Value w_setitem(Value *a, int n, KwArgs *kw)
{
    if (!want("__setitem__", n, kw, 2)) return V_ERR;
    return builtin_of(a[0])->setitem(a[0], a[1], a[2]) < 0 ? V_ERR : V_NONE;
}

static Value w_delitem(Value *a, int n, KwArgs *kw)
{
    if (!want("__delitem__", n, kw, 1)) return V_ERR;
    return builtin_of(a[0])->setitem(a[0], a[1], V_UNBOUND) < 0 ? V_ERR : V_NONE;
}

static Value w_contains(Value *a, int n, KwArgs *kw)
{
    if (!want("__contains__", n, kw, 1)) return V_ERR;
    int r = builtin_of(a[0])->contains(a[0], a[1]);
    return r < 0 ? V_ERR : v_bool(r);
}

/* T.__new__(cls, ...): an empty instance (list and dict fill themselves
 * in __init__), for super().__new__(cls) in a subclass's __new__. */
static Value w_new(Value *a, int n, KwArgs *kw)
{
    (void)kw;
    if (n < 1 || !IS_OBJ(a[0]) || !type_is_subtype(a[0].o->type, &type_type))
        return rt_raise(&exc_TypeError, "__new__(X): X is not a type object");
    Type *t = (Type *)a[0].o;
    Type *b = t;
    while (b->is_class) b = b->base;
    if (!b->new) return rt_raise(&exc_TypeError, "cannot create '%s' instances", t->name);
    return t->is_class ? class_alloc(t, NULL, 0, NULL) : b->new(t, NULL, 0, NULL);
}

/* Each row followed by a terminator, so one row at a time can be added
 * (the dict keeps pointers to these rows). */
static const MethodDef rows[] = {
    {"__new__", w_new, "__new__(type, *args, **kwargs)\n\nCreate and return a new object.", METH_STATIC}, {NULL, NULL, NULL, 0},
    {"__repr__", w_repr, "__repr__(self, /)\n\nReturn repr(self).", 0}, {NULL, NULL, NULL, 0},
    {"__len__", w_len, "__len__(self, /)\n\nReturn len(self).", 0}, {NULL, NULL, NULL, 0},
    {"__iter__", w_iter, "__iter__(self, /)\n\nImplement iter(self).", 0}, {NULL, NULL, NULL, 0},
    {"__getitem__", w_getitem, "__getitem__(self, key, /)\n\nReturn self[key].", 0}, {NULL, NULL, NULL, 0},
    {"__setitem__", w_setitem, "__setitem__(self, key, value, /)\n\nSet self[key] to value.", 0}, {NULL, NULL, NULL, 0},
    {"__delitem__", w_delitem, "__delitem__(self, key, /)\n\nDelete self[key].", 0}, {NULL, NULL, NULL, 0},
    {"__contains__", w_contains, "__contains__(self, key, /)\n\nReturn key in self.", 0}, {NULL, NULL, NULL, 0},
};

void type_add_slot_methods(Type *t)
{
    bool has[] = {t->new, t->repr, t->len, t->iter, t->getitem, t->setitem, t->setitem, t->contains};
    for (int i = 0; i < (int)(sizeof has / sizeof has[0]); i++) {
        const MethodDef *row = &rows[2 * i];
        if (has[i] && (!t->dict || IS_UNBOUND(dict_get_cstr(v_obj(t->dict), row->name))))
            type_add_methods(t, row);
    }
}
