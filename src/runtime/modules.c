/* modules.c — import: the registry of builtin modules and sys.modules.
 *
 * One row per builtin module (name, the function that fills its dict).
 * A module is created on its first import and cached in sys.modules, so
 * later imports (and `from m import x`) share it.  A dotted name imports
 * its parent first; a child the registry does not list may still be an
 * attribute of its parent that is a module (torch.nn made by torch's own
 * init), which is then cached too.
 *
 * Modules written by other parts of the project whose file may be absent
 * from a build are declared weak: a NULL row function means "not built",
 * and importing it raises ModuleNotFoundError. */
#include <string.h>

#include "builtins.h"
#include "bi_private.h"
#include "objects.h"

bool mod_numpy_init(Value m) __attribute__((weak));
/* The embedded TensorScript library (mod_embedded.c). */
bool mod_torch_nn_init(Value m) __attribute__((weak));
bool mod_collections_init(Value m) __attribute__((weak));
bool mod_torch_nn_functional_init(Value m) __attribute__((weak));
bool mod_torch_nn_init_init(Value m) __attribute__((weak));
bool mod_torch_optim_init(Value m) __attribute__((weak));
bool mod_torch_optim_lr_scheduler_init(Value m) __attribute__((weak));
bool mod_torch_utils_init(Value m) __attribute__((weak));
bool mod_torch_utils_data_init(Value m) __attribute__((weak));
bool mod_torch_compose_init(Value m) __attribute__((weak));
bool mod_warnings_init(Value m) __attribute__((weak));
bool mod_warnings_native_init(Value m) __attribute__((weak));

static const ModuleDef registry[] = {
    {"sys", mod_sys_init},
    {"math", mod_math_init},
    {"time", mod_time_init},
    {"random", mod_random_init},
    {"os", mod_os_init},
    {"os.path", mod_os_path_init},
    {"torch", mod_torch_init},
    {"numpy", mod_numpy_init},
    {"torch.nn", mod_torch_nn_init},
    {"collections", mod_collections_init},
    {"torch.nn.functional", mod_torch_nn_functional_init},
    {"torch.nn.init", mod_torch_nn_init_init},
    {"torch.optim", mod_torch_optim_init},
    {"torch.optim.lr_scheduler", mod_torch_optim_lr_scheduler_init},
    {"torch.utils", mod_torch_utils_init},
    {"torch.utils.data", mod_torch_utils_data_init},
    {"torch._compose", mod_torch_compose_init},
    {"warnings", mod_warnings_init},
    {"_warnings", mod_warnings_native_init},
    {NULL, NULL},
};

static Value modules;   /* sys.modules; zero-initialised tag: not made yet */

Value mod_sys_modules(void)
{
    if (!IS_OBJ(modules)) {
        Value d = dict_new();
        if (IS_ERR(d)) return d;
        modules = d;
    }
    return modules;
}

Value mod_loaded(const char *name)
{
    Value d = mod_sys_modules();
    if (IS_ERR(d)) { rt_exc_clear(); return V_UNBOUND; }
    Value m = dict_get_cstr(d, name);
    return IS_ERR(m) ? V_UNBOUND : m;
}

bool mod_set(Value m, const char *name, Value val)
{
    return !IS_ERR(val) && dict_set_cstr(((Module *)m.o)->dict, name, val) >= 0;
}

static const ModuleDef *registry_find(const char *name)
{
    for (const ModuleDef *d = registry; d->name; d++)
        if (strcmp(d->name, name) == 0) return d->init ? d : NULL;
    return NULL;
}

static Value not_found(const char *name)
{
    Value msg = str_fmt("No module named '%s'", name);
    if (IS_ERR(msg)) return msg;
    Value e = exc_new_msg(&exc_ModuleNotFoundError, str_cstr(msg));
    if (!IS_ERR(e)) {
        Value nm = str_from_cstr(name);
        if (!IS_ERR(nm)) dict_set_cstr(((Instance *)e.o)->dict, "name", nm);
        v_decref(nm);
        rt_raise_value(e);
        v_decref(e);
    }
    v_decref(msg);
    return V_ERR;
}

/* Creates, registers (before filling, so an import cycle finds it) and
 * fills a builtin module. */
static Value load_builtin(const ModuleDef *def)
{
    Value m = module_new(def->name);
    if (IS_ERR(m)) return m;
    Value name = str_from_cstr(def->name);
    bool ok = mod_set(m, "__name__", name) && dict_set_cstr(modules, def->name, m) >= 0;
    v_decref(name);
    if (ok && def->init(m)) return m;
    /* forget the half-made module but keep the init's exception */
    Value exc = rt_exc_take();
    if (dict_del(modules, v_obj(str_intern(def->name))) < 0) rt_exc_clear();
    if (!IS_NONE(exc)) rt_raise_value(exc);
    else rt_raise(&exc_ImportError, "initialization of %s failed", def->name);
    v_decref(exc);
    v_decref(m);
    return V_ERR;
}

/* parent.child where the registry has no row: an attribute of the parent
 * that is a module. */
static Value import_child(Value parent, const char *full, const char *child)
{
    Value m = v_getattr_cstr(parent, child);
    if (IS_ERR(m)) {
        if (!rt_exc_matches(&exc_AttributeError)) return m;
        rt_exc_clear();
        return not_found(full);
    }
    if (!IS_TYPE(m, &module_type)) { v_decref(m); return not_found(full); }
    if (dict_set_cstr(modules, full, m) < 0) { v_decref(m); return V_ERR; }
    return m;
}

Value rt_import(const char *dotted)
{
    if (IS_ERR(mod_sys_modules())) return V_ERR;
    Value m = dict_get_cstr(modules, dotted);
    if (IS_ERR(m)) return m;
    if (!IS_UNBOUND(m)) return v_incref(m);
    const char *dot = strrchr(dotted, '.');
    Value parent = V_UNBOUND;
    if (dot) {
        char pname[256];
        size_t n = (size_t)(dot - dotted);
        if (n >= sizeof pname) return not_found(dotted);
        memcpy(pname, dotted, n);
        pname[n] = 0;
        parent = rt_import(pname);
        if (IS_ERR(parent)) return parent;
        m = dict_get_cstr(modules, dotted);   /* the parent may have made it */
        if (!IS_UNBOUND(m) && !IS_ERR(m)) { v_decref(parent); return v_incref(m); }
    }
    const ModuleDef *def = registry_find(dotted);
    if (def) m = load_builtin(def);
    else if (dot) m = import_child(parent, dotted, dot + 1);
    else m = not_found(dotted);
    if (!IS_ERR(m) && dot && !mod_set(parent, dot + 1, m)) { v_decref(m); m = V_ERR; }
    v_decref(parent);
    return m;
}
