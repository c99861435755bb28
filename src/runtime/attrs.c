/* attrs.c — attribute lookup and assignment (v_getattr / v_setattr).
 *
 * Order of lookup for obj.name, as in Python:
 *   1. the type's getattr slot (tensors, modules, exceptions' C fields);
 *   2. a property found on the type (data descriptor) wins over
 *   3. the instance dict (instances of classes and exceptions), then
 *   4. the type dict chain, binding what it finds to obj;
 *   5. a class's __getattr__ hook; else AttributeError with CPython's text.
 * Suggestions ("Did you mean") are computed only when a traceback is
 * printed, from the name and object stored on the exception.
 */
#include <string.h>
#include "objects.h"
#include "vm_internal.h"
#include "mro.h"

Value type_lookup(Type *t, Obj *name)
{
    if (t && t->mro) return mro_lookup_after(t, NULL, name);
    for (; t; t = t->base) {
        if (!t->dict) continue;
        Value v = dict_get(v_obj(t->dict), v_obj(name));
        if (!IS_UNBOUND(v)) return v;
    }
    return V_UNBOUND;
}

Value type_lookup_cstr(Type *t, const char *name)
{
    Obj *n = str_intern(name);
    return n ? type_lookup(t, n) : V_ERR;
}

static bool has_instance_dict(Value o)
{
    return IS_OBJ(o) && IS_OBJ(class_inst_dict(o.o));
}

static Value call_getter(Value fn, Value obj)
{
    if (IS_NONE(fn)) return rt_raise(&exc_AttributeError, "property has no getter");
    return v_call(fn, &obj, 1, NULL);
}

/* Binds an attribute found in type t's dict chain to obj. */
Value object_bind(Value attr, Value obj, Type *t)
{
    if (!IS_OBJ(attr)) return attr;
    Type *at = attr.o->type;
    if (at == &func_type) return method_new(attr, obj);
    if (at == &cfunc_type) {
        CFuncObj *cf = (CFuncObj *)attr.o;
        if (!IS_UNBOUND(cf->self)) return v_incref(attr);
        if (cf->def->flags & METH_STATIC) return v_incref(attr);
        if (cf->def->flags & METH_CLASS) return cfunc_new(cf->def, v_obj(t));
        if (cf->def->flags & METH_PROPERTY) return cf->def->fn(&obj, 1, NULL);
        return cfunc_new(cf->def, obj);
    }
    if (at == &staticmethod_type) return v_incref(((WrapObj *)attr.o)->func);
    if (at == &classmethod_type) return method_new(((WrapObj *)attr.o)->func, v_obj(t));
    if (at == &property_type) return call_getter(((PropertyObj *)attr.o)->fget, obj);
    return v_incref(attr);
}

Value attr_error(Value o, Obj *name)
{
    const char *n = ((Str *)name)->data;
    if (IS_TYPE(o, &module_type))
        rt_raise(&exc_AttributeError, "module '%s' has no attribute '%s'",
                 ((Str *)((Module *)o.o)->name)->data, n);
    else if (IS_TYPE(o, &type_type))
        rt_raise(&exc_AttributeError, "type object '%s' has no attribute '%s'", ((Type *)o.o)->name, n);
    else
        rt_raise(&exc_AttributeError, "'%s' object has no attribute '%s'", v_typename(o), n);
    if (IS_OBJ(rt_exc) && IS_OBJ(((Instance *)rt_exc.o)->dict)) {
        Value d = ((Instance *)rt_exc.o)->dict;
        dict_set_cstr(d, "name", v_obj(name));
        dict_set_cstr(d, "obj", o);
    }
    return V_ERR;
}

static Value module_getattr(Value o, Obj *name)
{
    Value v = dict_get(((Module *)o.o)->dict, v_obj(name));
    if (IS_ERR(v)) return v;
    if (!IS_UNBOUND(v)) return v_incref(v);
    if (!strcmp(((Str *)name)->data, "__dict__")) return v_incref(((Module *)o.o)->dict);
    /* PEP 562: a module-level __getattr__ answers the names it lacks
     * (torch uses it to import torch.nn on first use). */
    Value hook = dict_get_cstr(((Module *)o.o)->dict, "__getattr__");
    if (!IS_UNBOUND(hook) && !IS_ERR(hook)) return v_call(hook, (Value[]){v_obj(name)}, 1, NULL);
    return attr_error(o, name);
}

/* Attributes every object has. */
static Value special_attr(Value o, Type *t, const char *n)
{
    if (!strcmp(n, "__class__")) return v_incref(v_obj(t));
    if (!strcmp(n, "__dict__") && has_instance_dict(o)) return v_incref(class_inst_dict(o.o));
    if (!strcmp(n, "__doc__")) {
        Value d = type_lookup_cstr(t, "__doc__");
        if (!IS_UNBOUND(d) && !IS_ERR(d)) return v_incref(d);
        return t->doc ? str_from_cstr(t->doc) : V_NONE;
    }
    return V_UNBOUND;
}

Value object_generic_getattr(Value o, Obj *name)
{
    Type *t = v_type(o);
    if (t == &module_type) return module_getattr(o, name);
    Value attr = type_lookup(t, name);
    if (IS_ERR(attr)) return attr;
    if (IS_TYPE(attr, &property_type)) return object_bind(attr, o, t);
    if (has_instance_dict(o)) {
        Value v = dict_get(class_inst_dict(o.o), v_obj(name));
        if (IS_ERR(v)) return v;
        if (!IS_UNBOUND(v)) return v_incref(v);
    }
    if (!IS_UNBOUND(attr)) return object_bind(attr, o, t);
    Value s = special_attr(o, t, ((Str *)name)->data);
    if (!IS_UNBOUND(s)) return s;
    if (t->is_class) {
        Value h = class_getattr_hook(o, name);
        if (!IS_UNBOUND(h)) return h;
    }
    return attr_error(o, name);
}

Value v_getattr(Value o, Obj *name)
{
    Type *t = v_type(o);
    if (t->getattr) {
        Value r = t->getattr(o, name);
        if (!IS_UNBOUND(r)) return r;
    }
    return object_generic_getattr(o, name);
}

Value v_getattr_cstr(Value o, const char *name)
{
    Obj *n = str_intern(name);
    if (!n) return V_ERR;
    return v_getattr(o, n);
}

static int property_set(PropertyObj *p, Value o, Obj *name, Value val)
{
    Value fn = IS_UNBOUND(val) ? p->fdel : p->fset;
    if (IS_NONE(fn)) {
        rt_raise(&exc_AttributeError, "property '%s' of '%s' object has no %s", ((Str *)name)->data,
                 v_typename(o), IS_UNBOUND(val) ? "deleter" : "setter");
        return -1;
    }
    Value args[2] = {o, val};
    Value r = v_call(fn, args, IS_UNBOUND(val) ? 1 : 2, NULL);
    if (IS_ERR(r)) return -1;
    v_decref(r);
    return 0;
}

int object_generic_setattr(Value o, Obj *name, Value val)
{
    Type *t = v_type(o);
    Value attr = type_lookup(t, name);
    if (IS_TYPE(attr, &property_type)) return property_set((PropertyObj *)attr.o, o, name, val);
    Value d = V_UNBOUND;
    if (IS_TYPE(o, &module_type)) d = ((Module *)o.o)->dict;
    else if (has_instance_dict(o)) d = class_inst_dict(o.o);
    if (IS_UNBOUND(d)) {
        if (!IS_UNBOUND(attr) && !t->is_class)
            rt_raise(&exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name,
                     ((Str *)name)->data);
        else
            attr_error(o, name);
        return -1;
    }
    if (IS_UNBOUND(val)) {
        Value cur = dict_get(d, v_obj(name));
        if (IS_UNBOUND(cur)) {
            attr_error(o, name);
            return -1;
        }
        return dict_del(d, v_obj(name));
    }
    return dict_set(d, v_obj(name), val);
}

int v_setattr(Value o, Obj *name, Value val)
{
    Type *t = v_type(o);
    if (t->setattr) return t->setattr(o, name, val);
    return object_generic_setattr(o, name, val);
}

/* ---- "Did you mean" (CPython 3.11's rules) ----
 * Levenshtein distance where insertions/deletions cost 2, substitutions 2
 * and case-only substitutions 1; a candidate must be within
 * (len(a) + len(b) + 3) * 2 / 6 and better than the best so far. */

#define MOVE_COST 2
#define CASE_COST 1
#define MAX_NAME 40

static int sub_cost(char a, char b)
{
    if (a == b) return 0;
    char la = (a >= 'A' && a <= 'Z') ? (char)(a + 32) : a;
    char lb = (b >= 'A' && b <= 'Z') ? (char)(b + 32) : b;
    return la == lb ? CASE_COST : MOVE_COST;
}

static int edit_distance(const char *a, int na, const char *b, int nb, int max)
{
    if (na > MAX_NAME || nb > MAX_NAME) return max + 1;
    int row[MAX_NAME + 1];
    for (int j = 0; j <= nb; j++) row[j] = j * MOVE_COST;
    for (int i = 1; i <= na; i++) {
        int diag = row[0], best = row[0] = i * MOVE_COST;
        for (int j = 1; j <= nb; j++) {
            int up = row[j];
            int v = diag + sub_cost(a[i - 1], b[j - 1]);
            if (up + MOVE_COST < v) v = up + MOVE_COST;
            if (row[j - 1] + MOVE_COST < v) v = row[j - 1] + MOVE_COST;
            diag = up;
            row[j] = v;
            if (v < best) best = v;
        }
        if (best > max) return max + 1;
    }
    return row[nb];
}

static void consider(const char *name, Value cand, const char **best, int *bestd)
{
    if (!IS_TYPE(cand, &str_type)) return;
    const char *c = str_cstr(cand);
    if (!strcmp(c, name)) return;
    int na = (int)strlen(name), nc = (int)((Str *)cand.o)->len;
    int max = (na + nc + 3) * MOVE_COST / 6;
    if (*bestd - 1 < max) max = *bestd - 1;
    int d = edit_distance(name, na, c, nc, max);
    if (d <= max) {
        *best = c;
        *bestd = d;
    }
}

static const char *suggest_in(const char *name, Value cands)
{
    const char *best = NULL;
    int bestd = 1 << 30;
    if (IS_TYPE(cands, &dict_type)) {
        Value k, v;
        for (int64_t i = 0; dict_next(cands, &i, &k, &v);) consider(name, k, &best, &bestd);
    } else if (IS_TYPE(cands, &list_type)) {
        List *l = (List *)cands.o;
        for (int64_t i = 0; i < l->len; i++) consider(name, l->items[i], &best, &bestd);
    }
    return best;
}

const char *suggest_name(const char *name, Value *cands, int ncands)
{
    if (strlen(name) > MAX_NAME) return NULL;
    /* CPython tries locals and globals together, builtins last. */
    const char *best = NULL;
    int bestd = 1 << 30;
    for (int k = 0; k < ncands - 1; k++) {
        if (IS_TYPE(cands[k], &dict_type)) {
            Value key, v;
            for (int64_t i = 0; dict_next(cands[k], &i, &key, &v);) consider(name, key, &best, &bestd);
        } else if (IS_TYPE(cands[k], &list_type)) {
            List *l = (List *)cands[k].o;
            for (int64_t i = 0; i < l->len; i++) consider(name, l->items[i], &best, &bestd);
        }
    }
    if (best) return best;
    return ncands ? suggest_in(name, cands[ncands - 1]) : NULL;
}

/* Collects attribute names of obj (instance dict, type chain, module dict)
 * into a list kept in *keep, and picks the closest to name. */
const char *suggest_attr(Value obj, const char *name, Value *keep)
{
    *keep = list_new(0);
    if (IS_ERR(*keep)) {
        rt_exc_clear();
        *keep = V_NONE;
        return NULL;
    }
    Value k, v;
    if (IS_TYPE(obj, &module_type)) {
        Value d = ((Module *)obj.o)->dict;
        for (int64_t i = 0; dict_next(d, &i, &k, &v);) list_append(*keep, k);
    } else {
        if (has_instance_dict(obj)) {
            Value d = class_inst_dict(obj.o);
            for (int64_t i = 0; dict_next(d, &i, &k, &v);) list_append(*keep, k);
        }
        Type *t = IS_TYPE(obj, &type_type) ? (Type *)obj.o : v_type(obj);
        for (MroIter it = mro_iter(t); it.t; mro_step(&it)) {
            if (!it.t->dict) continue;
            for (int64_t i = 0; dict_next(v_obj(it.t->dict), &i, &k, &v);) list_append(*keep, k);
        }
    }
    if (v_type(obj)->dir) {
        Value extra = v_type(obj)->dir(obj);
        if (IS_TYPE(extra, &list_type)) list_extend(*keep, extra);
        if (IS_ERR(extra)) rt_exc_clear();
        v_decref(extra);
    }
    return suggest_in(name, *keep);
}
