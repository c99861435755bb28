/* torch_print.c — repr/str of Tensor values and torch.set_printoptions /
 * get_printoptions: glue between the Tensor type and the tensor library's
 * printer (src/tensor/print.h), which holds all of PyTorch's formatting
 * rules.  The autograd layer adds the grad_fn= / requires_grad= suffix
 * through the torch_repr_extras hook of torch_obj.h. */
#include <stdlib.h>

#include "objects.h"
#include "tensor/print.h"
#include "torch_create.h"

/* The text of a tensor (a host copy for a tensor on another device, whose
 * device suffix the printer adds from the original's device). */
Value torch_tensor_repr(Value tv)
{
    TsTensor *t = torch_unwrap(tv);
    if (!t) return rt_raise(&exc_TypeError, "expected a Tensor");
    TsFormatExtras ex = {0};
    if (torch_repr_extras) torch_repr_extras(tv, &ex);
    char *s = ts_format_tensor(t, NULL, &ex);
    if (!s) return torch_raise_ts();
    Value r = str_from_cstr(s);
    free(s);
    return r;
}

/* Reads an optional int keyword; UNBOUND/None leave *out unchanged. */
static bool opt_int(Value v, int *out, const char *name)
{
    if (IS_UNBOUND(v) || IS_NONE(v)) return true;
    int64_t i;
    if (!torch_int_arg(v, &i, "set_printoptions", name)) return false;
    *out = (int)i;
    return true;
}

static Value f_set_printoptions(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"precision", "threshold", "edgeitems", "linewidth",
                                        "profile", "sci_mode"};
    Value v[6];
    if (!args_parse("set_printoptions", args, nargs, kw, names, 6, 0, v)) return V_ERR;
    TsPrintOptions o = ts_print_options;
    if (!IS_UNBOUND(v[4]) && !IS_NONE(v[4])) {
        if (!IS_TYPE(v[4], &str_type))
            return rt_raise(&exc_TypeError, "profile must be a str");
        int keep_sci = o.sci_mode;
        ts_print_profile(&o, str_cstr(v[4])); /* unknown names are ignored, as PyTorch does */
        o.sci_mode = keep_sci;
    }
    if (!opt_int(v[0], &o.precision, "precision") || !opt_int(v[2], &o.edgeitems, "edgeitems") ||
        !opt_int(v[3], &o.linewidth, "linewidth"))
        return V_ERR;
    if (!IS_UNBOUND(v[1]) && !IS_NONE(v[1]) &&
        !torch_float_arg(v[1], &o.threshold, "set_printoptions", "threshold"))
        return V_ERR;
    /* PyTorch assigns sci_mode unconditionally: omitting it means None */
    o.sci_mode = -1;
    if (!IS_UNBOUND(v[5]) && !IS_NONE(v[5])) {
        int b = v_truth(v[5]);
        if (b < 0) return V_ERR;
        o.sci_mode = b;
    }
    ts_print_options = o;
    return V_NONE;
}

static const MethodDef print_functions[] = {
    {"set_printoptions", f_set_printoptions,
     "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)\n\n"
     "Set options for printing. Items shamelessly taken from NumPy.", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_print_init(Value torch)
{
    module_add_functions(torch, print_functions);
    return true;
}
