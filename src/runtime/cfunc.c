/* cfunc.c — builtin functions and methods (a MethodDef row plus an
 * optional bound self) and builtin modules.
 *
 * type_add_methods/module_add_functions turn a table of rows into dict
 * entries; attribute lookup binds them (see objects.h for the flags).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "objects.h"

#define IMMORTAL ((int64_t)1 << 60)

Value cfunc_new(const MethodDef *def, Value self)
{
    CFuncObj *f = obj_alloc(&cfunc_type, sizeof *f);
    if (!f) return V_ERR;
    f->def = def;
    f->self = v_incref(self);
    return v_obj(f);
}

static void cfunc_dealloc(Obj *o)
{
    v_decref(((CFuncObj *)o)->self);
    free(o);
}

/* A bound call prepends self; small argument lists stay on the C stack. */
Value cfunc_call(Value fv, Value *args, int nargs, KwArgs *kw)
{
    CFuncObj *f = (CFuncObj *)fv.o;
    if (IS_UNBOUND(f->self)) return f->def->fn(args, nargs, kw);
    Value small[8], *all = small;
    if (nargs + 1 > 8) {
        all = rt_alloc(sizeof(Value) * (size_t)(nargs + 1));
        if (!all) return V_ERR;
    }
    all[0] = f->self;
    if (nargs) memcpy(all + 1, args, sizeof(Value) * (size_t)nargs);
    Value r = f->def->fn(all, nargs + 1, kw);
    if (all != small) free(all);
    return r;
}

static Value cfunc_repr(Value v)
{
    CFuncObj *f = (CFuncObj *)v.o;
    if (IS_UNBOUND(f->self) || IS_TYPE(f->self, &module_type))
        return str_fmt("<built-in function %s>", f->def->name);
    Type *t = v_type(f->self);
    const char *tn = (f->def->flags & METH_CLASS) ? "type" : t->name;
    return str_fmt("<built-in method %s of %s object at %p>", f->def->name, tn,
                   IS_OBJ(f->self) ? (void *)f->self.o : (void *)f);
}

static bool identity_hash(Value v, int64_t *out)
{
    *out = (int64_t)((uintptr_t)v.o >> 4);
    return true;
}

static Value cfunc_getattr(Value v, Obj *name)
{
    CFuncObj *f = (CFuncObj *)v.o;
    const char *n = ((Str *)name)->data;
    if (!strcmp(n, "__name__") || !strcmp(n, "__qualname__")) return str_from_cstr(f->def->name);
    if (!strcmp(n, "__doc__")) return f->def->doc ? str_from_cstr(f->def->doc) : V_NONE;
    if (!strcmp(n, "__self__")) return IS_UNBOUND(f->self) ? V_NONE : v_incref(f->self);
    return V_UNBOUND;
}

Type cfunc_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "builtin_function_or_method", .base = &object_type,
    .basicsize = sizeof(CFuncObj), .dealloc = cfunc_dealloc, .repr = cfunc_repr,
    .hash = identity_hash, .call = cfunc_call, .getattr = cfunc_getattr,
};

/* ---- registering tables ---- */

static void add_rows(Value dict, const MethodDef *defs)
{
    for (const MethodDef *d = defs; d->name; d++) {
        Value f = cfunc_new(d, V_UNBOUND);
        if (IS_ERR(f)) return;
        dict_set_cstr(dict, d->name, f);
        v_decref(f);
    }
}

void type_add_methods(Type *t, const MethodDef *defs)
{
    if (!t->dict) {
        Value d = dict_new();
        if (IS_ERR(d)) return;
        t->dict = d.o;
    }
    add_rows(v_obj(t->dict), defs);
}

void module_add_functions(Value module, const MethodDef *defs)
{
    add_rows(((Module *)module.o)->dict, defs);
}

Value call_method(Value self, const char *name, Value *args, int nargs, KwArgs *kw)
{
    for (Type *t = v_type(self); t; t = t->base) {
        if (!t->dict) continue;
        Value f = dict_get_cstr(v_obj(t->dict), name);
        if (IS_UNBOUND(f)) continue;
        if (IS_TYPE(f, &cfunc_type) && !(((CFuncObj *)f.o)->def->flags & (METH_STATIC | METH_CLASS))) {
            Value small[8], *all = small;
            if (nargs + 1 > 8 && !(all = rt_alloc(sizeof(Value) * (size_t)(nargs + 1)))) return V_ERR;
            all[0] = self;
            if (nargs) memcpy(all + 1, args, sizeof(Value) * (size_t)nargs);
            Value r = ((CFuncObj *)f.o)->def->fn(all, nargs + 1, kw);
            if (all != small) free(all);
            return r;
        }
        break;
    }
    Value m = v_getattr_cstr(self, name);
    if (IS_ERR(m)) return m;
    Value r = v_call(m, args, nargs, kw);
    v_decref(m);
    return r;
}

/* ---- modules ---- */

Value module_new(const char *name)
{
    Module *m = obj_alloc(&module_type, sizeof *m);
    if (!m) return V_ERR;
    m->name = str_intern(name);
    m->dict = dict_new();
    if (!m->name || IS_ERR(m->dict)) {
        m->dict = V_NONE;
        obj_decref(&m->hdr);
        return V_ERR;
    }
    Value mv = v_obj(m);
    if (dict_set_cstr(m->dict, "__name__", v_obj(m->name)) < 0) {
        v_decref(mv);
        return V_ERR;
    }
    return mv;
}

static void module_dealloc(Obj *o)
{
    v_decref(((Module *)o)->dict);
    free(o);
}

static Value module_repr(Value v)
{
    return str_fmt("<module '%s' (built-in)>", ((Str *)((Module *)v.o)->name)->data);
}

static Value module_getattr(Value v, Obj *name)
{
    Module *m = (Module *)v.o;
    if (!strcmp(((Str *)name)->data, "__dict__")) return v_incref(m->dict);
    Value r = dict_get(m->dict, v_obj(name));
    if (IS_ERR(r)) return r;
    return IS_UNBOUND(r) ? r : v_incref(r);
}

static int module_setattr(Value v, Obj *name, Value val)
{
    Module *m = (Module *)v.o;
    if (IS_UNBOUND(val)) return dict_del(m->dict, v_obj(name));
    return dict_set(m->dict, v_obj(name), val);
}

static Value module_dir(Value v) { return dict_keys_list(((Module *)v.o)->dict); }

Type module_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "module", .base = &object_type,
    .basicsize = sizeof(Module), .dealloc = module_dealloc, .repr = module_repr,
    .hash = identity_hash, .getattr = module_getattr, .setattr = module_setattr,
    .dir = module_dir,
};
