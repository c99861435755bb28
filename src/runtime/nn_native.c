/* nn_native.c — the parts of torch.nn written in C: the Parameter type.
 *
 * Parameter must be a real Tensor subtype (isinstance(p, torch.Tensor),
 * every op and slot of a tensor working on it unchanged), which a class
 * statement cannot make, so it is a static Type copied from tensor_type
 * at start-up.  Everything else of torch.nn is TensorScript
 * (lib/torch_nn.tsc); nn_native_init puts Parameter into the torch.nn
 * module before that source runs.
 */
#include <string.h>

#include "bi_private.h"
#include "objects.h"
#include "torch_private.h"

#define IMMORTAL ((int64_t)1 << 60)

static Type param_type;

/* Parameter(data=None, requires_grad=True): a new leaf sharing data's
 * storage (PyTorch detaches data), requiring grad unless told not to. */
static Value param_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"data", "requires_grad"};
    Value a[2];
    if (!args_parse("Parameter", args, nargs, kw, names, 2, 0, a)) return V_ERR;
    TsTensor *src = NULL;
    if (!IS_UNBOUND(a[0]) && !IS_NONE(a[0])) {
        src = torch_unwrap(a[0]);
        if (!src)
            return rt_raise(&exc_TypeError, "Parameter(): argument 'data' must be Tensor, not %s",
                            v_typename(a[0]));
    }
    int64_t zero = 0;
    TsTensor *data = src ? ts_alias(src) : ts_zeros(1, &zero, ts_default_float(), TS_CPU);
    if (!data) return torch_raise_ts();
    TensorObj *o = obj_alloc(t, sizeof *o);
    if (!o) {
        ts_release(data);
        return V_ERR;
    }
    o->t = data;
    o->ag = NULL;
    Value p = v_obj(o);
    int rg = IS_UNBOUND(a[1]) ? 1 : v_truth(a[1]);
    if (rg < 0 || (rg && v_setattr(p, str_intern("requires_grad"), v_bool(true)) < 0)) {
        v_decref(p);
        return V_ERR;
    }
    return p;
}

/* "Parameter containing:\n" + the tensor's own repr. */
static Value param_repr(Value self)
{
    Value r = tensor_type.repr(self);
    if (IS_ERR(r)) return r;
    Value s = str_fmt("Parameter containing:\n%s", str_cstr(r));
    v_decref(r);
    return s;
}

static void param_type_init(void)
{
    if (param_type.name) return;
    param_type = tensor_type;
    param_type.hdr.rc = IMMORTAL;
    param_type.hdr.type = &type_type;
    param_type.name = "Parameter";
    param_type.base = &tensor_type;
    param_type.dict = NULL;
    param_type.doc = "Parameter(data=None, requires_grad=True)\n\nA Tensor that is a module parameter.";
    param_type.new = param_new;
    param_type.repr = param_repr;
    param_type.str = NULL;
}

/* <class 'torch.nn.parameter.Parameter'>: types.c reads __module__
 * from the type's dict (attributes still come from Tensor, its base). */
static bool param_set_module(void)
{
    static const MethodDef none[] = {{NULL, NULL, NULL, 0}};
    if (!param_type.dict) type_add_methods(&param_type, none);
    if (!param_type.dict) return false;
    Value name = str_from_cstr("torch.nn.parameter");
    if (IS_ERR(name)) return false;
    bool ok = dict_set_cstr(v_obj(param_type.dict), "__module__", name) >= 0;
    v_decref(name);
    return ok;
}

bool nn_native_init(Value m)
{
    param_type_init();
    return param_set_module() && mod_set(m, "Parameter", v_obj(&param_type));
}
