/* torch_conv.c — conversions between Values and the tensor library's
 * types: scalars, operands, dtypes, devices, size lists, dim lists, and the
 * translation of the library's errors into Python exceptions.
 */
#include <stdio.h>
#include <string.h>

#include "objects.h"
#include "torch_private.h"
#ifdef TSC_CUDA
#include "cuda/cuda.h"
#endif

/* The library records (kind, message); PyTorch's out-of-memory error is a
 * RuntimeError too, so only the kind picks the class. */
Value torch_raise_ts(void)
{
    const char *msg = ts_error_msg();
    if (!msg || !*msg) msg = "unknown tensor library error";
    Type *t = &exc_RuntimeError;
    switch (ts_error_kind()) {
    case TS_ERR_INDEX: t = &exc_IndexError; break;
    case TS_ERR_TYPE: t = &exc_TypeError; break;
    case TS_ERR_VALUE: t = &exc_ValueError; break;
    case TS_ERR_NOTIMPL: t = &exc_NotImplementedError; break;
    case TS_ERR_INTERRUPT: t = &exc_KeyboardInterrupt; break;
    default: break;
    }
    Value r = rt_raise(t, "%s", msg);
    ts_error_clear();
    return r;
}

bool torch_is_scalar(Value v) { return IS_BOOL(v) || IS_INT(v) || IS_FLOAT(v); }

bool torch_to_scalar(Value v, TsScalar *out)
{
    if (IS_BOOL(v)) *out = ts_scalar_b(v.b);
    else if (IS_INT(v)) *out = ts_scalar_i(v.i);
    else if (IS_FLOAT(v)) *out = ts_scalar_f(v.f);
    else return false;
    return true;
}

Value torch_from_scalar(TsScalar s)
{
    if (s.is_float) return v_float(s.f);
    if (s.is_bool) return v_bool(s.i != 0);
    return v_int(s.i);
}

bool torch_to_arg(Value v, TsArg *out, const char *fname, const char *argname)
{
    TsTensor *t = torch_unwrap(v);
    if (t) {
        *out = ts_arg(t);
        return true;
    }
    TsScalar s;
    if (torch_to_scalar(v, &s)) {
        *out = ts_arg_s(s);
        return true;
    }
    rt_raise(&exc_TypeError, "%s(): argument '%s' must be Tensor, not %s", fname, argname,
             v_typename(v));
    return false;
}

/* dtype=float / int / bool are accepted by PyTorch as the matching
 * default dtypes. */
bool torch_to_dtype(Value v, TsDType *out)
{
    if (IS_NONE(v) || IS_UNBOUND(v)) *out = TS_UNDEF;
    else if (IS_TYPE(v, &dtype_type)) *out = ((DTypeObj *)v.o)->dt;
    else if (IS_OBJ(v) && v.o == &float_type.hdr) *out = TS_FLOAT64;
    else if (IS_OBJ(v) && v.o == &int_type.hdr) *out = TS_INT64;
    else if (IS_OBJ(v) && v.o == &bool_type.hdr) *out = TS_BOOL;
    else {
        rt_raise(&exc_TypeError, "dtype must be torch.dtype, not %s", v_typename(v));
        return false;
    }
    return true;
}

/* A device this build cannot reach fails as PyTorch's CPU build does. */
static bool device_id_of(const char *type, int index, int *out)
{
    if (!strcmp(type, "cpu")) {
        *out = TS_CPU;
        return true;
    }
    int id = ts_device_find(type, index < 0 ? 0 : index);
    if (id >= 0) {
        *out = id;
        return true;
    }
    if (ts_device_find(type, 0) < 0) {
#ifdef TSC_CUDA
        /* a CUDA build on a machine without a usable GPU: PyTorch's text */
        if (cuda_backend_unavailable()) {
            rt_raise(&exc_RuntimeError, "%s", cuda_backend_unavailable());
            return false;
        }
#endif
        rt_raise(&exc_AssertionError, "Torch not compiled with CUDA enabled");
        return false;
    }
    rt_raise(&exc_RuntimeError, "CUDA error: invalid device ordinal");
    return false;
}

bool torch_to_device(Value v, int *out)
{
    if (IS_NONE(v) || IS_UNBOUND(v)) {
        *out = TS_CPU;
        return true;
    }
    if (IS_INT(v)) return device_id_of("cuda", (int)v.i, out);
    Value d = v;
    bool own = false;
    if (!IS_TYPE(v, &device_type)) {
        if (!IS_TYPE(v, &str_type)) {
            rt_raise(&exc_TypeError, "expected a torch.device, got %s", v_typename(v));
            return false;
        }
        d = v_call(v_obj(&device_type), &v, 1, NULL);
        if (IS_ERR(d)) return false;
        own = true;
    }
    DeviceObj *dev = (DeviceObj *)d.o;
    bool ok = device_id_of(dev->type, dev->index, out);
    if (own) v_decref(d);
    return ok;
}

/* One int of a size list; PyTorch names the offending element's type. */
static bool size_item(Value v, int64_t *out, const char *fname, int pos)
{
    if (IS_INT(v) || IS_BOOL(v)) {
        *out = IS_INT(v) ? v.i : v.b;
        return true;
    }
    TsTensor *t = torch_unwrap(v);
    if (t && ts_numel(t) == 1 && !ts_dtype_is_float(t->dtype)) {
        TsScalar s;
        if (ts_item(t, &s) < 0) return torch_raise_ts(), false;
        *out = s.i;
        return true;
    }
    rt_raise(&exc_TypeError,
             "%s(): argument 'size' must be tuple of ints, but found element of type %s at pos %d",
             fname, v_typename(v), pos);
    return false;
}

bool torch_to_sizes(Value *args, int nargs, int64_t *out, int *n, const char *fname)
{
    Value *items = args, tmp = V_UNBOUND;
    int64_t cnt = nargs;
    if (nargs == 1 && !IS_INT(args[0]) && !IS_BOOL(args[0]) && !torch_is_tensor(args[0])) {
        if (!IS_OBJ(args[0]) || (!v_isinstance(args[0], &tuple_type) &&
                                 !IS_TYPE(args[0], &list_type))) {
            rt_raise(&exc_TypeError, "%s(): argument 'size' must be tuple of ints, not %s",
                     fname, v_typename(args[0]));
            return false;
        }
        if (!seq_items(args[0], &items, &cnt, &tmp)) return false;
    }
    bool ok = true;
    if (cnt > TS_MAX_DIMS) {
        rt_raise(&exc_RuntimeError, "number of dims don't match in permute");
        ok = false;
    }
    for (int64_t i = 0; ok && i < cnt; i++) ok = size_item(items[i], &out[i], fname, (int)i);
    *n = (int)cnt;
    v_decref(tmp);
    return ok;
}

bool torch_to_dims(Value v, int64_t *out, int *n, const char *fname)
{
    if (IS_INT(v)) {
        out[0] = v.i;
        *n = 1;
        return true;
    }
    if (IS_OBJ(v) && (v_isinstance(v, &tuple_type) || IS_TYPE(v, &list_type)))
        return torch_to_sizes(&v, 1, out, n, fname);
    rt_raise(&exc_TypeError, "%s(): argument 'dim' must be tuple of ints, not %s", fname,
             v_typename(v));
    return false;
}

Value torch_item_value(TsTensor *t)
{
    TsScalar s;
    if (ts_item(t, &s) < 0) return torch_raise_ts();
    return torch_from_scalar(s);
}
