/* torch_ops_pointwise.c — impls of the element-wise rows of torch_ops.def:
 * arithmetic, comparisons, logic, the unary math functions, clamp, where,
 * masked_fill, closeness tests and softmax.
 *
 * Each impl is a thin adapter: read the bound arguments, call the tensor
 * library (which does broadcasting, type promotion and PyTorch's error
 * texts), wrap the result.  torch_call_target(c) is where in-place and
 * out= forms write.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "tensor/ops.h"
#include "torch_private.h"

/* ---- binary ops ---- */

static Value binary(TorchCall *c, TsBinaryOp op)
{
    return torch_wrap(ts_binary(op, torch_targ(&c->a[0]), torch_targ(&c->a[1]),
                                torch_call_target(c)));
}

#define BINARY(fn, OPCODE) \
    Value impl_##fn(TorchCall *c) { return binary(c, OPCODE); }
BINARY(mul, TS_OP_MUL)
BINARY(floor_divide, TS_OP_DIV_FLOOR)
BINARY(remainder, TS_OP_REMAINDER)
BINARY(fmod, TS_OP_FMOD)
BINARY(pow, TS_OP_POW)
BINARY(atan2, TS_OP_ATAN2)
BINARY(maximum, TS_OP_MAXIMUM)
BINARY(minimum, TS_OP_MINIMUM)
BINARY(eq, TS_OP_EQ)
BINARY(ne, TS_OP_NE)
BINARY(lt, TS_OP_LT)
BINARY(le, TS_OP_LE)
BINARY(gt, TS_OP_GT)
BINARY(ge, TS_OP_GE)
BINARY(logical_and, TS_OP_LOGICAL_AND)
BINARY(logical_or, TS_OP_LOGICAL_OR)
BINARY(logical_xor, TS_OP_LOGICAL_XOR)
BINARY(bitwise_and, TS_OP_BITWISE_AND)
BINARY(bitwise_or, TS_OP_BITWISE_OR)
BINARY(bitwise_xor, TS_OP_BITWISE_XOR)
BINARY(lshift, TS_OP_LSHIFT)
BINARY(rshift, TS_OP_RSHIFT)
#undef BINARY

Value impl_add(TorchCall *c)
{
    return torch_wrap(ts_add(torch_targ(&c->a[0]), torch_targ(&c->a[1]), c->a[2].s,
                             torch_call_target(c)));
}

Value impl_sub(TorchCall *c)
{
    return torch_wrap(ts_sub(torch_targ(&c->a[0]), torch_targ(&c->a[1]), c->a[2].s,
                             torch_call_target(c)));
}

/* torch.rsub(input, other, alpha) = other - alpha * input. */
Value impl_rsub(TorchCall *c)
{
    return torch_wrap(ts_sub(torch_targ(&c->a[1]), torch_targ(&c->a[0]), c->a[2].s, NULL));
}

/* rounding_mode None / 'trunc' / 'floor'; true_divide has no such arg. */
Value impl_div(TorchCall *c)
{
    const char *mode = c->n > 2 && c->a[2].given && !c->a[2].none ? c->a[2].str : NULL;
    TsBinaryOp op = TS_OP_DIV;
    if (mode && !strcmp(mode, "trunc")) op = TS_OP_DIV_TRUNC;
    else if (mode && !strcmp(mode, "floor")) op = TS_OP_DIV_FLOOR;
    else if (mode)
        return rt_raise(&exc_ValueError,
                        "div expected rounding_mode to be one of None, 'trunc', or 'floor' but "
                        "found '%s'", mode);
    return binary(c, op);
}

/* float_power computes in float64 whatever the inputs. */
Value impl_float_power(TorchCall *c)
{
    TsTensor *a = ts_to(c->a[0].t, TS_FLOAT64, c->a[0].t->device, false);
    if (!a) return torch_raise_ts();
    TsArg b = torch_targ(&c->a[1]);
    TsTensor *bt = NULL;
    if (b.t) {
        bt = ts_to(b.t, TS_FLOAT64, b.t->device, false);
        if (!bt) {
            ts_release(a);
            return torch_raise_ts();
        }
        b = ts_arg(bt);
    } else {
        b = ts_arg_s(ts_scalar_f(ts_scalar_to_f64(b.s)));
    }
    TsTensor *r = ts_binary(TS_OP_POW, ts_arg(a), b, c->out);
    ts_release(a);
    ts_release(bt);
    return torch_wrap(r);
}

Value impl_lerp(TorchCall *c)
{
    return torch_wrap(ts_lerp(c->a[0].t, c->a[1].t, torch_targ(&c->a[2]), torch_call_target(c)));
}

Value impl_clamp(TorchCall *c)
{
    bool has_min = torch_has(&c->a[1]), has_max = torch_has(&c->a[2]);
    if (!has_min && !has_max)
        return rt_raise(&exc_RuntimeError, "torch.clamp: At least one of 'min' or 'max' must not be None");
    return torch_wrap(ts_clamp(c->a[0].t, torch_targ(&c->a[1]), has_min, torch_targ(&c->a[2]),
                               has_max, torch_call_target(c)));
}

Value impl_clamp_min(TorchCall *c)
{
    return torch_wrap(ts_clamp(c->a[0].t, torch_targ(&c->a[1]), true, torch_targ(&c->a[1]),
                               false, torch_call_target(c)));
}

Value impl_clamp_max(TorchCall *c)
{
    return torch_wrap(ts_clamp(c->a[0].t, torch_targ(&c->a[1]), false, torch_targ(&c->a[1]),
                               true, torch_call_target(c)));
}

/* where(cond) is nonzero(cond, as_tuple=True).  As a method, x.where(cond,
 * y) binds self to the first parameter, so condition and input swap. */
Value impl_where(TorchCall *c)
{
    if (c->overload == 1) {
        TsTensor **parts;
        int n;
        if (ts_nonzero_tuple(c->a[0].t, &parts, &n) < 0) return torch_raise_ts();
        return torch_tuple_of(parts, n);
    }
    TorchArg *cond = &c->a[0], *in = &c->a[1];
    if (!IS_UNBOUND(c->self)) {
        cond = &c->a[1];
        in = &c->a[0];
        if (!cond->is_tensor)
            return rt_raise(&exc_TypeError, "where(): argument 'condition' must be Tensor, not %s",
                            v_typename(cond->v));
    }
    return torch_wrap(ts_where(cond->t, torch_targ(in), torch_targ(&c->a[2])));
}

Value impl_masked_fill(TorchCall *c)
{
    TsArg v = torch_targ(&c->a[2]);
    if (v.t && v.t->ndim != 0)
        return rt_raise(&exc_RuntimeError,
                        "masked_fill_ only supports a 0-dimensional value tensor, but got tensor "
                        "with %d dimension(s).", v.t->ndim);
    return torch_wrap(ts_masked_fill(c->a[0].t, c->a[1].t, v, c->inplace ? c->a[0].t : NULL));
}

/* The largest finite value of a float dtype (nan_to_num's default). */
static double dtype_max(TsDType dt)
{
    switch (dt) {
    case TS_FLOAT16: return 65504.0;
    case TS_BFLOAT16: return 3.3895313892515355e+38;
    case TS_FLOAT32: return FLT_MAX;
    default: return DBL_MAX;
    }
}

Value impl_nan_to_num(TorchCall *c)
{
    TsTensor *a = c->a[0].t;
    TsTensor *r = ts_clone(a);
    if (!r) return torch_raise_ts();
    if (ts_dtype_is_float(a->dtype)) {
        double big = dtype_max(a->dtype);
        double nan = torch_has(&c->a[1]) ? c->a[1].f : 0.0;
        double pinf = torch_has(&c->a[2]) ? c->a[2].f : big;
        double ninf = torch_has(&c->a[3]) ? c->a[3].f : -big;
        size_t sz = ts_dtype_size(r->dtype);
        char *p = ts_data(r);
        for (int64_t i = 0, n = ts_numel(r); i < n; i++, p += sz) {
            double v = ts_load_f64(p, r->dtype);
            if (isnan(v)) ts_store_f64(p, r->dtype, nan);
            else if (isinf(v)) ts_store_f64(p, r->dtype, v > 0 ? pinf : ninf);
        }
    }
    TsTensor *target = torch_call_target(c);
    if (target) {
        int rc = ts_copy_(target, r);
        ts_release(r);
        if (rc < 0) return torch_raise_ts();
        ts_retain(target);
        r = target;
    }
    return torch_wrap(r);
}

/* ---- unary ops ---- */

static Value unary(TorchCall *c, TsUnaryOp op)
{
    return torch_wrap(ts_unary(op, c->a[0].t, torch_call_target(c)));
}

#define UNARY(fn, OPCODE) \
    Value impl_##fn(TorchCall *c) { return unary(c, OPCODE); }
UNARY(neg, TS_OP_NEG)
UNARY(abs, TS_OP_ABS)
UNARY(sqrt, TS_OP_SQRT)
UNARY(rsqrt, TS_OP_RSQRT)
UNARY(exp, TS_OP_EXP)
UNARY(exp2, TS_OP_EXP2)
UNARY(log, TS_OP_LOG)
UNARY(log2, TS_OP_LOG2)
UNARY(log10, TS_OP_LOG10)
UNARY(log1p, TS_OP_LOG1P)
UNARY(expm1, TS_OP_EXPM1)
UNARY(sin, TS_OP_SIN)
UNARY(cos, TS_OP_COS)
UNARY(tan, TS_OP_TAN)
UNARY(asin, TS_OP_ASIN)
UNARY(acos, TS_OP_ACOS)
UNARY(atan, TS_OP_ATAN)
UNARY(sinh, TS_OP_SINH)
UNARY(cosh, TS_OP_COSH)
UNARY(tanh, TS_OP_TANH)
UNARY(sigmoid, TS_OP_SIGMOID)
UNARY(erf, TS_OP_ERF)
UNARY(erfinv, TS_OP_ERFINV)
UNARY(reciprocal, TS_OP_RECIPROCAL)
UNARY(relu, TS_OP_RELU)
UNARY(ceil, TS_OP_CEIL)
UNARY(floor, TS_OP_FLOOR)
UNARY(trunc, TS_OP_TRUNC)
UNARY(frac, TS_OP_FRAC)
UNARY(sign, TS_OP_SIGN)
UNARY(square, TS_OP_SQUARE)
UNARY(bitwise_not, TS_OP_BITWISE_NOT)
UNARY(logical_not, TS_OP_LOGICAL_NOT)
UNARY(isnan, TS_OP_ISNAN)
UNARY(isinf, TS_OP_ISINF)
UNARY(isfinite, TS_OP_ISFINITE)
#undef UNARY

Value impl_round(TorchCall *c)
{
    if (c->a[1].i == 0) return unary(c, TS_OP_ROUND);
    return torch_wrap(ts_round_decimals(c->a[0].t, c->a[1].i, torch_call_target(c)));
}

/* ---- closeness ---- */

/* |a - b| <= atol + rtol * |b|, or a == b (equal infinities), or both NaN
 * when equal_nan.  Returns a new bool tensor or NULL (ts error). */
static TsTensor *isclose(TsTensor *a, TsTensor *b, double rtol, double atol, bool equal_nan)
{
    TsTensor *d = ts_binary(TS_OP_SUB, ts_arg(a), ts_arg(b), NULL);
    TsTensor *ad = d ? ts_unary(TS_OP_ABS, d, NULL) : NULL;
    TsTensor *ab = ad ? ts_unary(TS_OP_ABS, b, NULL) : NULL;
    TsTensor *tol = ab ? ts_binary(TS_OP_MUL, ts_arg(ab), ts_arg_s(ts_scalar_f(rtol)), NULL) : NULL;
    TsTensor *tol2 = tol ? ts_binary(TS_OP_ADD, ts_arg(tol), ts_arg_s(ts_scalar_f(atol)), NULL) : NULL;
    TsTensor *le = tol2 ? ts_binary(TS_OP_LE, ts_arg(ad), ts_arg(tol2), NULL) : NULL;
    TsTensor *eq = le ? ts_binary(TS_OP_EQ, ts_arg(a), ts_arg(b), NULL) : NULL;
    TsTensor *r = eq ? ts_binary(TS_OP_LOGICAL_OR, ts_arg(le), ts_arg(eq), NULL) : NULL;
    if (r && equal_nan) {
        TsTensor *na = ts_unary(TS_OP_ISNAN, a, NULL), *nb = na ? ts_unary(TS_OP_ISNAN, b, NULL) : NULL;
        TsTensor *both = nb ? ts_binary(TS_OP_LOGICAL_AND, ts_arg(na), ts_arg(nb), NULL) : NULL;
        TsTensor *r2 = both ? ts_binary(TS_OP_LOGICAL_OR, ts_arg(r), ts_arg(both), NULL) : NULL;
        ts_release(na);
        ts_release(nb);
        ts_release(both);
        ts_release(r);
        r = r2;
    }
    ts_release(d);
    ts_release(ad);
    ts_release(ab);
    ts_release(tol);
    ts_release(tol2);
    ts_release(le);
    ts_release(eq);
    return r;
}

static bool check_same_dtype(const char *fname, TsTensor *a, TsTensor *b)
{
    if (a->dtype == b->dtype) return true;
    rt_raise(&exc_RuntimeError, "%s(): expected both input and other to have same dtype, but "
             "input has %s and other has %s", fname, ts_dtype_short(a->dtype), ts_dtype_short(b->dtype));
    return false;
}

Value impl_isclose(TorchCall *c)
{
    if (!check_same_dtype("isclose", c->a[0].t, c->a[1].t)) return V_ERR;
    return torch_wrap(isclose(c->a[0].t, c->a[1].t, c->a[2].f, c->a[3].f, c->a[4].i));
}

/* True if every element of a bool tensor is set (NULL t: raises). */
static Value all_true(TsTensor *t)
{
    if (!t) return torch_raise_ts();
    TsTensor *all = ts_all(t, 0, NULL, false);
    ts_release(t);
    if (!all) return torch_raise_ts();
    TsScalar s;
    int rc = ts_item(all, &s);
    ts_release(all);
    if (rc < 0) return torch_raise_ts();
    return v_bool(s.i != 0);
}

Value impl_allclose(TorchCall *c)
{
    if (!check_same_dtype("allclose", c->a[0].t, c->a[1].t)) return V_ERR;
    return all_true(isclose(c->a[0].t, c->a[1].t, c->a[2].f, c->a[3].f, c->a[4].i));
}

Value impl_equal(TorchCall *c)
{
    TsTensor *a = c->a[0].t, *b = c->a[1].t;
    if (a->ndim != b->ndim || memcmp(a->sizes, b->sizes, sizeof(int64_t) * (size_t)a->ndim))
        return v_bool(false);
    return all_true(ts_binary(TS_OP_EQ, ts_arg(a), ts_arg(b), NULL));
}

/* ---- softmax ---- */

/* softmax along dim: exp(x - max) * (1 / sum), as PyTorch's CPU kernel. */
static TsTensor *softmax(TsTensor *x, int64_t dim, bool log)
{
    int wd;
    if (x->device == TS_CPU && (x->dtype == TS_FLOAT32 || x->dtype == TS_FLOAT64)) {
        if (ts_wrap_dim(dim, x->ndim, &wd) < 0) return NULL;
        return ts_softmax_cpu(x, wd, log); /* PyTorch's CPU kernels, bit for bit */
    }
    int64_t d[1] = {dim};
    TsTensor *m = ts_amax(x, 1, d, true);
    TsTensor *sh = m ? ts_binary(TS_OP_SUB, ts_arg(x), ts_arg(m), NULL) : NULL;
    TsTensor *e = sh ? ts_unary(TS_OP_EXP, sh, NULL) : NULL;
    TsTensor *s = e ? ts_sum(e, 1, d, true, TS_UNDEF) : NULL;
    TsTensor *r = NULL;
    if (s && log) {
        TsTensor *ls = ts_unary(TS_OP_LOG, s, NULL);
        r = ls ? ts_binary(TS_OP_SUB, ts_arg(sh), ts_arg(ls), NULL) : NULL;
        ts_release(ls);
    } else if (s) {
        TsTensor *inv = ts_unary(TS_OP_RECIPROCAL, s, NULL);
        r = inv ? ts_binary(TS_OP_MUL, ts_arg(e), ts_arg(inv), NULL) : NULL;
        ts_release(inv);
    }
    ts_release(m);
    ts_release(sh);
    ts_release(e);
    ts_release(s);
    return r;
}

static Value softmax_impl(TorchCall *c, bool log)
{
    TsTensor *x = c->a[0].t;
    TsDType dt = torch_has(&c->a[2]) ? (TsDType)c->a[2].i : x->dtype;
    /* PyTorch's CPU kernels take float32/float64 (and bfloat16); their
     * error names the kernel, and the other-dim one is softmax's for both */
    int wd = 0;
    if (x->ndim && ts_wrap_dim(c->a[1].i, x->ndim, &wd) < 0) return torch_raise_ts();
    bool lastdim = x->ndim == 0 || wd == x->ndim - 1;
    if (!ts_dtype_is_float(dt) || (dt == TS_FLOAT16 && x->device == TS_CPU))
        return rt_raise(&exc_RuntimeError, "\"%s\" not implemented for '%s'",
                        !lastdim ? "softmax_kernel_impl"
                        : log    ? "log_softmax_lastdim_kernel_impl"
                                 : "softmax_lastdim_kernel_impl",
                        ts_dtype_short(dt));
    TsTensor *xc = ts_to(x, dt, x->device, false);
    if (!xc) return torch_raise_ts();
    TsTensor *r = x->ndim == 0 ? ts_clone(xc) : softmax(xc, c->a[1].i, log);
    if (r && x->ndim == 0) ts_fill_(r, log ? ts_scalar_f(0) : ts_scalar_f(1));
    ts_release(xc);
    return torch_wrap(r);
}

Value impl_softmax(TorchCall *c) { return softmax_impl(c, false); }
Value impl_log_softmax(TorchCall *c) { return softmax_impl(c, true); }

/* ---- addcmul / addcdiv ---- */

/* input + value * t1 OP t2, evaluated as PyTorch's kernel does:
 * (value * t1) OP t2 first, then the sum (fused for addcmul), so float
 * rounding matches. */
static Value addc(TorchCall *c, TsBinaryOp op)
{
    TsTensor *scaled = ts_binary(TS_OP_MUL, ts_arg(c->a[1].t), ts_arg_s(c->a[3].s), NULL);
    if (!scaled) return torch_raise_ts();
    TsTensor *in = c->a[0].t, *t2 = c->a[2].t;
    if (op == TS_OP_MUL && ts_dtype_is_float(in->dtype) && scaled->dtype == in->dtype &&
        t2->dtype == in->dtype) {
        /* addcmul's (value * t1) * t2 + input is one fused multiply-add */
        TsTensor *r = ts_fma(scaled, t2, in, torch_call_target(c));
        ts_release(scaled);
        return torch_wrap(r);
    }
    TsTensor *q = ts_binary(op, ts_arg(scaled), ts_arg(t2), NULL);
    ts_release(scaled);
    if (!q) return torch_raise_ts();
    TsTensor *r = ts_add(ts_arg(c->a[0].t), ts_arg(q), ts_scalar_i(1), torch_call_target(c));
    ts_release(q);
    return torch_wrap(r);
}

Value impl_addcmul(TorchCall *c) { return addc(c, TS_OP_MUL); }

/* Integer tensor1/tensor2 is refused, as PyTorch does. */
Value impl_addcdiv(TorchCall *c)
{
    if (!ts_dtype_is_float(c->a[1].t->dtype) && !ts_dtype_is_float(c->a[2].t->dtype))
        return rt_raise(&exc_RuntimeError,
                        "Integer division with addcdiv is no longer supported, and in a future  "
                        "release addcdiv will perform a true division of tensor1 and tensor2. "
                        "The historic addcdiv behavior can be implemented as (input + value * "
                        "torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and "
                        "as (input + value * tensor1 / tensor2) for float inputs. The future "
                        "addcdiv behavior is just the latter implementation: (input + value * "
                        "tensor1 / tensor2), for all dtypes.");
    return addc(c, TS_OP_DIV);
}
