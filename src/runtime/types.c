/* types.c — the types of the object model: type, object, bound method,
 * property, staticmethod, classmethod and super.
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "vm_internal.h"
#include "mro.h"

static bool identity_hash(Value v, int64_t *out)
{
    *out = IS_OBJ(v) ? (int64_t)((uintptr_t)v.o >> 4) : 0;
    return true;
}

/* ---- type ---- */

static const char *type_module(Type *t)
{
    /* C types (torch.Tensor, numpy.ndarray) get __module__ from their
     * binding; types without one are builtins. */
    if (!t->dict) return "builtins";
    Value m = dict_get_cstr(v_obj(t->dict), "__module__");
    return IS_TYPE(m, &str_type) ? str_cstr(m) : "builtins";
}

static const char *type_qualname(Type *t)
{
    if (t->is_class && t->dict) {
        Value q = dict_get_cstr(v_obj(t->dict), "__qualname__");
        if (IS_TYPE(q, &str_type)) return str_cstr(q);
    }
    return t->name;
}

static Value type_repr(Value self)
{
    Type *t = (Type *)self.o;
    const char *m = type_module(t);
    if (!strcmp(m, "builtins")) return str_fmt("<class '%s'>", t->name);
    return str_fmt("<class '%s.%s'>", m, type_qualname(t));
}

/* type(name, bases, dict): a class like the class statement builds, its
 * __module__ the caller's module. */
static Value type_new3(Value *args)
{
    if (!IS_TYPE(args[0], &str_type))
        return rt_raise(&exc_TypeError, "type.__new__() argument 1 must be str, not %s", v_typename(args[0]));
    if (!IS_TYPE(args[1], &tuple_type))
        return rt_raise(&exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", v_typename(args[1]));
    if (!IS_TYPE(args[2], &dict_type))
        return rt_raise(&exc_TypeError, "type.__new__() argument 3 must be dict, not %s", v_typename(args[2]));
    Value ns = dict_copy(args[2]);
    if (IS_ERR(ns)) return ns;
    Value mod = vm_frame ? dict_get_cstr(vm_frame->globals, "__name__") : V_UNBOUND;
    if ((IS_UNBOUND(dict_get_cstr(ns, "__module__")) && IS_OBJ(mod) && dict_set_cstr(ns, "__module__", mod) < 0)
        || (IS_UNBOUND(dict_get_cstr(ns, "__qualname__")) && dict_set_cstr(ns, "__qualname__", args[0]) < 0)) {
        v_decref(ns);
        return V_ERR;
    }
    Value cls = class_new(args[0], args[1], ns);
    v_decref(ns);
    return cls;
}

/* type(x) returns x's type; calling any other type constructs. */
static Value type_call(Value self, Value *args, int nargs, KwArgs *kw)
{
    Type *t = (Type *)self.o;
    if (t == &type_type && nargs == 1 && (!kw || kw->n == 0)) return v_incref(v_obj(v_type(args[0])));
    if (t == &type_type && kw && kw->n) return rt_raise(&exc_TypeError, "type() takes no keyword arguments");
    if (t == &type_type && nargs == 3) return type_new3(args);
    if (t == &type_type) return rt_raise(&exc_TypeError, "type() takes 1 or 3 arguments");
    if (!t->new) return rt_raise(&exc_TypeError, "cannot create '%s' instances", t->name);
    return t->new(t, args, nargs, kw);
}

static Value type_bases(Type *t) { return mro_bases(t); }
static Value type_mro(Type *t) { return mro_tuple(t); }

static Value type_special(Type *t, const char *n)
{
    if (!strcmp(n, "__name__")) return str_from_cstr(t->name);
    if (!strcmp(n, "__qualname__")) return str_from_cstr(type_qualname(t));
    if (!strcmp(n, "__module__")) return str_from_cstr(type_module(t));
    if (!strcmp(n, "__doc__")) return t->doc ? str_from_cstr(t->doc) : V_NONE;
    if (!strcmp(n, "__base__")) return t->base ? v_incref(v_obj(t->base)) : V_NONE;
    if (!strcmp(n, "__bases__")) return type_bases(t);
    if (!strcmp(n, "__mro__")) return type_mro(t);
    if (!strcmp(n, "__class__")) return v_incref(v_obj(&type_type));
    if (!strcmp(n, "__dict__")) {
        if (!t->dict) {
            Value d = dict_new();
            if (IS_ERR(d)) return d;
            t->dict = d.o;
        }
        return v_incref(v_obj(t->dict));
    }
    return V_UNBOUND;
}

/* Class attribute access: functions stay plain functions, classmethods
 * bind to the class, properties are returned as themselves. */
static Value type_getattr(Value self, Obj *name)
{
    Type *t = (Type *)self.o;
    Value attr = type_lookup(t, name);
    if (IS_ERR(attr)) return attr;
    if (!IS_UNBOUND(attr)) {
        if (IS_TYPE(attr, &classmethod_type)) return method_new(((WrapObj *)attr.o)->func, self);
        if (IS_TYPE(attr, &staticmethod_type)) return v_incref(((WrapObj *)attr.o)->func);
        if (IS_TYPE(attr, &cfunc_type)) {
            CFuncObj *cf = (CFuncObj *)attr.o;
            if (IS_UNBOUND(cf->self) && (cf->def->flags & METH_CLASS)) return cfunc_new(cf->def, self);
        }
        return v_incref(attr);
    }
    Value s = type_special(t, ((Str *)name)->data);
    if (!IS_UNBOUND(s)) return s;
    if (t != &type_type) {
        Value meta = type_lookup(&type_type, name);
        if (!IS_UNBOUND(meta) && !IS_ERR(meta)) return object_bind(meta, self, &type_type);
    }
    return attr_error(self, name);
}

static int type_setattr(Value self, Obj *name, Value val)
{
    Type *t = (Type *)self.o;
    if (!t->is_class) {
        rt_raise(&exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                 ((Str *)name)->data, t->name);
        return -1;
    }
    Value d = v_obj(t->dict);
    if (IS_UNBOUND(val)) {
        if (IS_UNBOUND(dict_get(d, v_obj(name)))) {
            attr_error(self, name);
            return -1;
        }
        return dict_del(d, v_obj(name));
    }
    return dict_set(d, v_obj(name), val);
}

/* Classes are allocated by class_new; static types are never freed. */
static void type_dealloc(Obj *o)
{
    Type *t = (Type *)o;
    if (!t->is_class) {
        o->rc = 1;
        return;
    }
    if (t->dict) obj_decref(t->dict);
    if (t->base) obj_decref(&t->base->hdr);
    if (t->mro) obj_decref(t->mro);
    if (t->bases) obj_decref(t->bases);
    free((char *)t->name);
    free(t);
}

static Value type_mro_method(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (nargs < 1 || !IS_TYPE(args[0], &type_type))
        return rt_raise(&exc_TypeError, "descriptor 'mro' requires a 'type' object");
    Value t = type_mro((Type *)args[0].o);
    if (IS_ERR(t)) return t;
    Value l = list_from_iter(t);
    v_decref(t);
    return l;
}

Type type_type = {
    .hdr = {1, &type_type}, .name = "type", .base = &object_type, .basicsize = sizeof(Type),
    .doc = "type(object) -> the object's type",
    .dealloc = type_dealloc, .repr = type_repr, .hash = identity_hash, .call = type_call,
    .getattr = type_getattr, .setattr = type_setattr,
};

/* ---- object ---- */

static Value object_repr(Value self)
{
    Type *t = v_type(self);
    const char *m = type_module(t);
    if (!strcmp(m, "builtins")) return str_fmt("<%s object at %p>", t->name, (void *)self.o);
    return str_fmt("<%s.%s object at %p>", m, type_qualname(t), (void *)self.o);
}

static Value object_compare(CmpOp op, Value a, Value b)
{
    if (op == CMP_EQ && v_is(a, b)) return v_bool(true);
    return rt_notimpl();
}

static Value object_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (nargs || (kw && kw->n)) return rt_raise(&exc_TypeError, "object() takes no arguments");
    Instance *o = obj_alloc(t, sizeof(Instance));
    if (!o) return V_ERR;
    o->dict = V_NONE;
    return v_obj(o);
}

static void object_dealloc(Obj *o)
{
    v_decref(((Instance *)o)->dict);
    free(o);
}

static Value object_init_m(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (nargs > 1 || (kw && kw->n))
        return rt_raise(&exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    return V_NONE;
}

static Value object_setattr_m(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (nargs != 3 || !IS_TYPE(args[1], &str_type))
        return rt_raise(&exc_TypeError, "expected 2 arguments, got %d", nargs - 1);
    Obj *n = str_intern(str_cstr(args[1]));
    if (!n || object_generic_setattr(args[0], n, args[2]) < 0) return V_ERR;
    return V_NONE;
}

static Value object_delattr_m(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (nargs != 2 || !IS_TYPE(args[1], &str_type))
        return rt_raise(&exc_TypeError, "expected 1 argument, got %d", nargs - 1);
    Obj *n = str_intern(str_cstr(args[1]));
    if (!n || object_generic_setattr(args[0], n, V_UNBOUND) < 0) return V_ERR;
    return V_NONE;
}

static Value object_getattribute_m(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (nargs != 2 || !IS_TYPE(args[1], &str_type))
        return rt_raise(&exc_TypeError, "expected 1 argument, got %d", nargs - 1);
    Obj *n = str_intern(str_cstr(args[1]));
    return n ? object_generic_getattr(args[0], n) : V_ERR;
}

static Value object_repr_m(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    (void)nargs;
    return object_repr(args[0]);
}

static Value object_str_m(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    (void)nargs;
    return v_repr(args[0]);
}

/* object.__new__(cls): an instance of cls, not initialized. */
static Value object_new_m(Value *args, int nargs, KwArgs *kw)
{
    if (nargs < 1) return rt_raise(&exc_TypeError, "object.__new__(): not enough arguments");
    if (!IS_OBJ(args[0]) || !type_is_subtype(args[0].o->type, &type_type))
        return rt_raise(&exc_TypeError, "object.__new__(X): X is not a type object (%s)", v_typename(args[0]));
    Type *t = (Type *)args[0].o;
    Type *b = t;
    while (b->is_class) b = b->base;
    if (b != &object_type)
        return rt_raise(&exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", t->name, b->name);
    bool extra = nargs > 1 || (kw && kw->n);
    if (extra && (!t->is_class || !IS_UNBOUND(class_user_new(t))
                  || IS_TYPE(type_lookup_cstr(t, "__init__"), &cfunc_type)))
        return rt_raise(&exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (!t->is_class) return object_type.new(t, NULL, 0, NULL);
    return class_alloc(t, NULL, 0, NULL);
}

static const MethodDef object_methods[] = {
    {"__new__", object_new_m, "__new__(type, *args, **kwargs)\n\nCreate and return a new object.", METH_STATIC},
    {"__init__", object_init_m, "__init__(self)\n\nInitialize self.", 0},
    {"__setattr__", object_setattr_m, "__setattr__(self, name, value)\n\nImplement setattr(self, name, value).", 0},
    {"__delattr__", object_delattr_m, "__delattr__(self, name)\n\nImplement delattr(self, name).", 0},
    {"__getattribute__", object_getattribute_m, "__getattribute__(self, name)\n\nReturn getattr(self, name).", 0},
    {"__repr__", object_repr_m, "__repr__(self)\n\nReturn repr(self).", 0},
    {"__str__", object_str_m, "__str__(self)\n\nReturn str(self).", 0},
    {NULL, NULL, NULL, 0},
};

Type object_type = {
    .hdr = {1, &type_type}, .name = "object", .base = NULL, .basicsize = sizeof(Instance),
    .doc = "The base class of the class hierarchy.",
    .new = object_new, .dealloc = object_dealloc, .repr = object_repr, .hash = identity_hash,
    .compare = object_compare,
};

/* ---- bound methods ---- */

Value method_new(Value func, Value self)
{
    MethodObj *m = obj_alloc(&method_type, sizeof(MethodObj));
    if (!m) return V_ERR;
    m->func = v_incref(func);
    m->self = v_incref(self);
    return v_obj(m);
}

static void method_dealloc(Obj *o)
{
    MethodObj *m = (MethodObj *)o;
    v_decref(m->func);
    v_decref(m->self);
    free(o);
}

static Value method_call(Value self, Value *args, int nargs, KwArgs *kw)
{
    MethodObj *m = (MethodObj *)self.o;
    int nkw = kw ? kw->n : 0;
    Value small[16];
    Value *argv = nargs + nkw + 1 <= 16 ? small : rt_alloc(sizeof(Value) * (size_t)(nargs + nkw + 1));
    if (!argv) return V_ERR;
    argv[0] = m->self;
    if (nargs + nkw > 0)   /* args may be NULL when there are none (memcpy's contract) */
        memcpy(argv + 1, args, sizeof(Value) * (size_t)(nargs + nkw));
    KwArgs kw2;
    if (kw) kw2 = (KwArgs){.n = kw->n, .names = kw->names, .vals = kw->vals};
    Value r;
    if (IS_TYPE(m->func, &func_type)) r = func_call((FuncObj *)m->func.o, argv, nargs + 1, kw ? &kw2 : NULL);
    else r = v_call(m->func, argv, nargs + 1, kw ? &kw2 : NULL);
    if (argv != small) free(argv);
    return r;
}

static Value method_repr(Value self)
{
    MethodObj *m = (MethodObj *)self.o;
    Value qn = v_getattr_cstr(m->func, "__qualname__");
    if (IS_ERR(qn)) {
        rt_exc_clear();
        qn = str_from_cstr("?");
    }
    Value sr = v_repr(m->self);
    Value r = IS_ERR(sr) || IS_ERR(qn) ? V_ERR : str_fmt("<bound method %s of %s>", str_cstr(qn), str_cstr(sr));
    v_decref(qn);
    v_decref(sr);
    return r;
}

static Value method_getattr(Value self, Obj *name)
{
    MethodObj *m = (MethodObj *)self.o;
    const char *n = ((Str *)name)->data;
    if (!strcmp(n, "__func__")) return v_incref(m->func);
    if (!strcmp(n, "__self__")) return v_incref(m->self);
    return v_getattr(m->func, name);
}

static Value method_compare(CmpOp op, Value a, Value b)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_TYPE(b, &method_type)) return rt_notimpl();
    MethodObj *x = (MethodObj *)a.o, *y = (MethodObj *)b.o;
    bool eq = v_is(x->func, y->func) && v_is(x->self, y->self);
    return v_bool(op == CMP_EQ ? eq : !eq);
}

static bool method_hash(Value self, int64_t *out)
{
    MethodObj *m = (MethodObj *)self.o;
    int64_t a = 0, b = 0;
    identity_hash(m->func, &a);
    identity_hash(m->self, &b);
    *out = a ^ (b * 1000003);
    return true;
}

Type method_type = {
    .hdr = {1, &type_type}, .name = "method", .base = &object_type, .basicsize = sizeof(MethodObj),
    .dealloc = method_dealloc, .repr = method_repr, .call = method_call, .getattr = method_getattr,
    .compare = method_compare, .hash = method_hash,
};

/* ---- property ---- */

static void property_dealloc(Obj *o)
{
    PropertyObj *p = (PropertyObj *)o;
    v_decref(p->fget);
    v_decref(p->fset);
    v_decref(p->fdel);
    v_decref(p->doc);
    free(o);
}

static Value property_make(Value fget, Value fset, Value fdel, Value doc)
{
    PropertyObj *p = obj_alloc(&property_type, sizeof(PropertyObj));
    if (!p) return V_ERR;
    p->fget = v_incref(fget);
    p->fset = v_incref(fset);
    p->fdel = v_incref(fdel);
    if (IS_NONE(doc) && !IS_NONE(fget)) {
        doc = v_getattr_cstr(fget, "__doc__");
        if (IS_ERR(doc)) {
            rt_exc_clear();
            doc = V_NONE;
        }
        p->doc = doc;
    } else {
        p->doc = v_incref(doc);
    }
    return v_obj(p);
}

static Value property_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value a[4];
    if (!args_parse("property", args, nargs, kw, names, 4, 0, a)) return V_ERR;
    for (int i = 0; i < 4; i++)
        if (IS_UNBOUND(a[i])) a[i] = V_NONE;
    return property_make(a[0], a[1], a[2], a[3]);
}

static Value property_with(Value *args, int nargs, int which)
{
    if (nargs != 2) return rt_raise(&exc_TypeError, "expected 1 argument, got %d", nargs - 1);
    PropertyObj *p = (PropertyObj *)args[0].o;
    return property_make(which == 0 ? args[1] : p->fget, which == 1 ? args[1] : p->fset,
                         which == 2 ? args[1] : p->fdel, which == 0 ? V_NONE : p->doc);
}

static Value property_getter(Value *a, int n, KwArgs *kw) { (void)kw; return property_with(a, n, 0); }
static Value property_setter(Value *a, int n, KwArgs *kw) { (void)kw; return property_with(a, n, 1); }
static Value property_deleter(Value *a, int n, KwArgs *kw) { (void)kw; return property_with(a, n, 2); }

static const MethodDef property_methods[] = {
    {"getter", property_getter, "getter(fget)\n\nDescriptor to obtain a copy of the property with a different getter.", 0},
    {"setter", property_setter, "setter(fset)\n\nDescriptor to obtain a copy of the property with a different setter.", 0},
    {"deleter", property_deleter, "deleter(fdel)\n\nDescriptor to obtain a copy of the property with a different deleter.", 0},
    {NULL, NULL, NULL, 0},
};

static Value property_getattr(Value self, Obj *name)
{
    PropertyObj *p = (PropertyObj *)self.o;
    const char *n = ((Str *)name)->data;
    if (!strcmp(n, "fget")) return v_incref(p->fget);
    if (!strcmp(n, "fset")) return v_incref(p->fset);
    if (!strcmp(n, "fdel")) return v_incref(p->fdel);
    if (!strcmp(n, "__doc__")) return v_incref(p->doc);
    return V_UNBOUND;
}

Type property_type = {
    .hdr = {1, &type_type}, .name = "property", .base = &object_type, .basicsize = sizeof(PropertyObj),
    .doc = "property(fget=None, fset=None, fdel=None, doc=None)\n\nProperty attribute.",
    .new = property_new, .dealloc = property_dealloc, .getattr = property_getattr,
    .hash = identity_hash,
};

/* ---- staticmethod / classmethod ---- */

static void wrap_dealloc(Obj *o)
{
    v_decref(((WrapObj *)o)->func);
    free(o);
}

static Value wrap_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    if (nargs != 1 || (kw && kw->n))
        return rt_raise(&exc_TypeError, "%s expected 1 argument, got %d", t->name, nargs);
    WrapObj *w = obj_alloc(t, sizeof(WrapObj));
    if (!w) return V_ERR;
    w->func = v_incref(args[0]);
    return v_obj(w);
}

static Value wrap_getattr(Value self, Obj *name)
{
    const char *n = ((Str *)name)->data;
    if (!strcmp(n, "__func__") || !strcmp(n, "__wrapped__")) return v_incref(((WrapObj *)self.o)->func);
    if (!strcmp(n, "__doc__") || !strcmp(n, "__name__") || !strcmp(n, "__qualname__"))
        return v_getattr(((WrapObj *)self.o)->func, name);
    return V_UNBOUND;
}

static Value static_call(Value self, Value *args, int nargs, KwArgs *kw)
{
    return v_call(((WrapObj *)self.o)->func, args, nargs, kw);
}

Type staticmethod_type = {
    .hdr = {1, &type_type}, .name = "staticmethod", .base = &object_type, .basicsize = sizeof(WrapObj),
    .doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.",
    .new = wrap_new, .dealloc = wrap_dealloc, .getattr = wrap_getattr, .call = static_call,
    .hash = identity_hash,
};

Type classmethod_type = {
    .hdr = {1, &type_type}, .name = "classmethod", .base = &object_type, .basicsize = sizeof(WrapObj),
    .doc = "classmethod(function) -> method\n\nConvert a function to be a class method.",
    .new = wrap_new, .dealloc = wrap_dealloc, .getattr = wrap_getattr, .hash = identity_hash,
};

/* ---- super ---- */

Value super_new(Type *t, Value obj)
{
    SuperObj *s = obj_alloc(&super_type, sizeof(SuperObj));
    if (!s) return V_ERR;
    obj_incref(&t->hdr);
    s->type = t;
    s->obj = v_incref(obj);
    return v_obj(s);
}

static Value super_type_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    (void)kw;
    if (nargs == 0) return rt_raise(&exc_RuntimeError, "super(): no arguments");
    if (!IS_TYPE(args[0], &type_type))
        return rt_raise(&exc_TypeError, "super() argument 1 must be a type, not %s", v_typename(args[0]));
    if (nargs == 1) return rt_raise(&exc_NotImplementedError, "unbound super objects are not supported");
    return super_new((Type *)args[0].o, args[1]);
}

static void super_dealloc(Obj *o)
{
    SuperObj *s = (SuperObj *)o;
    obj_decref(&s->type->hdr);
    v_decref(s->obj);
    free(o);
}

/* Looks name up in the classes after s->type in the object's chain. */
static Value super_getattr(Value self, Obj *name)
{
    SuperObj *s = (SuperObj *)self.o;
    bool is_cls = IS_TYPE(s->obj, &type_type) && type_is_subtype((Type *)s->obj.o, s->type);
    Type *objt = is_cls ? (Type *)s->obj.o : v_type(s->obj);
    Value attr = mro_lookup_after(objt, s->type, name);
    if (IS_ERR(attr)) return attr;
    if (IS_UNBOUND(attr)) {
        if (!strcmp(((Str *)name)->data, "__class__")) return v_incref(v_obj(&super_type));
        return rt_raise(&exc_AttributeError, "'super' object has no attribute '%s'", ((Str *)name)->data);
    }
    if (is_cls) {
        if (IS_TYPE(attr, &classmethod_type)) return method_new(((WrapObj *)attr.o)->func, s->obj);
        if (IS_TYPE(attr, &staticmethod_type)) return v_incref(((WrapObj *)attr.o)->func);
        return v_incref(attr);
    }
    return object_bind(attr, s->obj, objt);
}

static Value super_repr(Value self)
{
    SuperObj *s = (SuperObj *)self.o;
    return str_fmt("<super: <class '%s'>, <%s object>>", s->type->name, v_typename(s->obj));
}

Type super_type = {
    .hdr = {1, &type_type}, .name = "super", .base = &object_type, .basicsize = sizeof(SuperObj),
    .doc = "super() -> same as super(__class__, <first argument>)",
    .new = super_type_new, .dealloc = super_dealloc, .getattr = super_getattr, .repr = super_repr,
};

static const MethodDef type_methods[] = {
    {"mro", type_mro_method, "mro(self)\n\nReturn a type's method resolution order.", 0},
    {NULL, NULL, NULL, 0},
};

void object_init_types(void)
{
    type_add_methods(&object_type, object_methods);
    type_add_methods(&property_type, property_methods);
    type_add_methods(&type_type, type_methods);
}
