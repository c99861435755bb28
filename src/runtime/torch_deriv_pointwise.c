/* torch_deriv_pointwise.c — derivatives of the element-wise rows.
 *
 * Each function reads the incoming gradient (dx_grad), the saved inputs
 * or result its row's `save` flags name, and hands one gradient per tensor
 * argument to dx_set (which reduces over broadcast dims).  Names and
 * formulas follow PyTorch's derivatives.yaml, e.g. d/dx exp(x) = exp(x),
 * written with the result so that x itself need not be kept.
 */
#include <math.h>
#include <string.h>

#include "torch_autograd.h"

#define G dx_grad(d, 0)
#define X dx_in(d, 0)
#define R dx_result(d)

static bool is_t(DCtx *d, int k) { return dx_info(d, k)->tensor; }

/* ---- binary arithmetic ---- */

int tag_bw_add(DCtx *d)
{
    Value g = G;
    dx_set(d, 0, g);
    dx_set(d, 1, dx_mul(d, g, dx_arg(d, 2)));
    return 0;
}

int tag_bw_sub(DCtx *d)
{
    Value g = G;
    dx_set(d, 0, g);
    dx_set(d, 1, dx_mul(d, dx_neg(d, g), dx_arg(d, 2)));
    return 0;
}

/* rsub(input, other, alpha) = other - alpha * input */
int tag_bw_rsub(DCtx *d)
{
    Value g = G;
    dx_set(d, 0, dx_mul(d, dx_neg(d, g), dx_arg(d, 2)));
    dx_set(d, 1, g);
    return 0;
}

/* XBackward1: the Scalar overload a derivative formula called (see
 * tag_scalar_overload); Python's operators give XBackward0 */
static bool scalar_form(const TorchCall *c) { return tag_scalar_overload() && !c->a[1].is_tensor; }

const char *tag_name_add(const TorchCall *c) { return scalar_form(c) ? "AddBackward1" : "AddBackward0"; }
const char *tag_name_mul(const TorchCall *c) { return scalar_form(c) ? "MulBackward1" : "MulBackward0"; }

const char *tag_name_sub(const TorchCall *c)
{
    if (!c->a[0].is_tensor) return "RsubBackward1";
    return scalar_form(c) ? "SubBackward1" : "SubBackward0";
}

const char *tag_name_rsub(const TorchCall *c)
{
    return c->a[1].is_tensor ? "RsubBackward0" : "RsubBackward1";
}

/* g op b where b is the call's other operand: a number there came from
 * Python, where PyTorch wraps it into a tensor (the Tensor overload, node
 * XBackward0), unless the node is the Scalar overload (XBackward1) a
 * derivative formula called */
static Value by_operand(DCtx *d, const char *op, Value g, Value b)
{
    size_t l = strlen(d->node->name);
    if (torch_is_tensor(b) || IS_ERR(b) || (l && d->node->name[l - 1] == '1'))
        return !strcmp(op, "mul") ? dx_mul(d, g, b) : dx_div(d, g, b);
    Value a[2] = {g, b};
    return dx_call(d, op, 2, a);
}

int tag_bw_mul(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, by_operand(d, "mul", g, dx_arg(d, 1)));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, g, dx_arg(d, 0)));
    return 0;
}

/* self: grad / other; other: -grad * ((self / other) / other); with a
 * rounding mode both are zeros */
int tag_bw_div(DCtx *d)
{
    Value g = G, b = dx_arg(d, 1);
    const TorchArg *mode = dx_a(d, 2);
    if (mode->given && !mode->none && mode->str) {
        if (dx_need(d, 0)) dx_set(d, 0, dx_zeros_like_arg(d, 0));
        if (dx_need(d, 1)) dx_set(d, 1, dx_zeros_like_arg(d, 1));
        return 0;
    }
    if (dx_need(d, 0)) dx_set(d, 0, by_operand(d, "div", g, b));
    if (dx_need(d, 1)) {
        Value a = dx_arg(d, 0);
        dx_set(d, 1, dx_mul(d, dx_neg(d, g), dx_div(d, dx_div(d, a, b), b)));
    }
    return 0;
}

const char *tag_name_div(const TorchCall *c)
{
    if (!c->a[0].is_tensor) return "MulBackward0";
    bool mode = strcmp(c->op->name, "true_divide") && c->n > 2 && c->a[2].given && !c->a[2].none;
    if (mode) return scalar_form(c) ? "DivBackward3" : "DivBackward2"; /* rounding_mode= */
    return scalar_form(c) ? "DivBackward1" : "DivBackward0";
}

/* PowBackward0: pow(Tensor, Scalar); PowBackward1: pow(Tensor, Tensor),
 * which is also Python's number ** tensor (the number wrapped);
 * PowBackward2: torch.pow(number, tensor), the pow(Scalar, Tensor)
 * overload */
const char *tag_name_pow(const TorchCall *c)
{
    if (c->overload == 1) return "PowBackward2";
    return c->a[0].is_tensor && !c->a[1].is_tensor ? "PowBackward0" : "PowBackward1";
}

/* A 0-dim tensor of value s: the number a Python operator wrapped. */
static Value wrapped(DCtx *d, TsScalar s)
{
    TsDType dt = s.is_float ? TS_FLOAT64 : s.is_bool ? TS_BOOL : TS_INT64;
    return dx_keep(d, torch_wrap(ts_scalar_tensor(s, dt, TS_CPU)));
}

static Value zero_dim_zero(DCtx *d)
{
    const AgOutInfo *o = &d->node->outs[0];
    return dx_keep(d, torch_wrap(ts_zeros(0, NULL, o->dtype, o->device)));
}

static Value call2(DCtx *d, const char *op, Value a, Value b)
{
    Value args[2] = {a, b};
    return dx_call(d, op, 2, args);
}

static Value where3(DCtx *d, Value c, Value a, Value b)
{
    Value args[3] = {c, a, b};
    return dx_call(d, "where", 3, args);
}

/* x ** e, as PyTorch's pow_backward, pow_backward_self and
 * pow_backward_exponent:
 *   Scalar e:  g * (e * x.pow(e - 1))           (zeros when e == 0)
 *   Tensor e:  where(e == 0, 0, g * (e * x.pow(e - 1)))
 *   d/de:      g * where((e >= 0) & (x == 0), 0, x^e * log(x))
 *   number x:  g * (x^e * log(x))  (the where again when x == 0) */
int tag_bw_pow(DCtx *d)
{
    Value g = G, e = dx_arg(d, 1);
    if (dx_need(d, 0)) {
        Value x = dx_arg(d, 0);
        if (!is_t(d, 1) && dx_f(d, 1) == 0.0) {
            dx_set(d, 0, dx_zeros_like_arg(d, 0));
        } else if (!is_t(d, 1)) {
            Value p = call2(d, "pow", x, dx_num(d, dx_f(d, 1) - 1.0));
            dx_set(d, 0, dx_mul(d, g, dx_mul(d, e, p)));
        } else {
            Value p = call2(d, "pow", x, dx_sub(d, e, dx_num(d, 1.0)));
            Value v = dx_mul(d, g, dx_mul(d, e, p));
            dx_set(d, 0, where3(d, call2(d, "eq", e, dx_num(d, 0.0)), zero_dim_zero(d), v));
        }
    }
    if (dx_need(d, 1)) {
        Value r = dx_result(d);
        bool scalar_base = d->oc->overload == 1;
        if (scalar_base && dx_f(d, 0) != 0.0) {
            dx_set(d, 1, dx_mul(d, g, dx_mul(d, r, dx_num(d, log(dx_f(d, 0))))));
            return 0;
        }
        Value x = is_t(d, 0) ? dx_in(d, 0) : wrapped(d, dx_a(d, 0)->s);
        Value lg = scalar_base ? dx_mul(d, r, dx_num(d, log(dx_f(d, 0))))
                               : dx_mul(d, r, dx_un(d, "log", x));
        Value cond = call2(d, "ge", e, dx_num(d, 0.0));
        if (!scalar_base) cond = call2(d, "logical_and", cond, call2(d, "eq", x, dx_num(d, 0.0)));
        dx_set(d, 1, dx_mul(d, g, where3(d, cond, zero_dim_zero(d), lg)));
    }
    return 0;
}

int tag_bw_square(DCtx *d)
{
    dx_set(d, 0, dx_mul(d, dx_mul(d, G, X), dx_num(d, 2.0)));
    return 0;
}

/* recip = 1 / (a * a + b * b); a: g * b * recip; b: g * -a * recip */
int tag_bw_atan2(DCtx *d)
{
    Value g = G, a = dx_in(d, 0), b = dx_in(d, 1);
    Value recip = dx_un(d, "reciprocal", dx_add(d, dx_mul(d, a, a), dx_mul(d, b, b)));
    if (dx_need(d, 0)) dx_set(d, 0, dx_mul(d, dx_mul(d, g, b), recip));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, dx_mul(d, g, dx_neg(d, a)), recip));
    return 0;
}

/* maximum/minimum: the gradient goes to the winner, halved on ties */
int tag_bw_winner(DCtx *d, const char *win)
{
    Value g = G, a = dx_in(d, 0), b = dx_in(d, 1);
    Value ab[2] = {a, b}, ba[2] = {b, a};
    /* g halved on ties, +0 for the loser (not g * 0: -0 for a negative g) */
    Value h[3] = {dx_call(d, "eq", 2, ab), dx_mul(d, g, dx_num(d, 0.5)), g};
    Value half = dx_call(d, "where", 3, h);
    Value la[3] = {half, dx_call(d, win, 2, ba), dx_num(d, 0.0)};
    Value lb[3] = {half, dx_call(d, win, 2, ab), dx_num(d, 0.0)};
    dx_set(d, 0, dx_call(d, "masked_fill", 3, la));
    dx_set(d, 1, dx_call(d, "masked_fill", 3, lb));
    return 0;
}
int tag_bw_maximum(DCtx *d) { return tag_bw_winner(d, "gt"); }
int tag_bw_minimum(DCtx *d) { return tag_bw_winner(d, "lt"); }

const char *tag_name_lerp(const TorchCall *c)
{
    return c->a[2].is_tensor ? "LerpBackward1" : "LerpBackward0";
}

int tag_bw_lerp(DCtx *d)
{
    Value g = G, w = dx_arg(d, 2);
    dx_set(d, 0, dx_mul(d, g, dx_sub(d, dx_num(d, 1.0), w)));
    dx_set(d, 1, dx_mul(d, g, w));
    if (dx_need(d, 2)) dx_set(d, 2, dx_mul(d, g, dx_sub(d, dx_in(d, 1), dx_in(d, 0))));
    return 0;
}

/* addcmul/addcdiv: input + value * t1 (* or /) t2 (value: arg 3) */
int tag_bw_addcmul(DCtx *d)
{
    Value g = G, v = dx_arg(d, 3);
    dx_set(d, 0, g);
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, dx_mul(d, g, dx_in(d, 2)), v));
    if (dx_need(d, 2)) dx_set(d, 2, dx_mul(d, dx_mul(d, g, dx_in(d, 1)), v));
    return 0;
}

int tag_bw_addcdiv(DCtx *d)
{
    Value g = G, v = dx_arg(d, 3), t1 = dx_in(d, 1), t2 = dx_in(d, 2);
    dx_set(d, 0, g);
    if (dx_need(d, 1)) dx_set(d, 1, dx_div(d, dx_mul(d, g, v), t2));
    if (dx_need(d, 2))
        dx_set(d, 2, dx_neg(d, dx_div(d, dx_mul(d, dx_mul(d, g, v), t1), dx_mul(d, t2, t2))));
    return 0;
}

/* ---- clamping and selection ---- */

/* g where lo <= x <= hi (bounds that were given), +0 elsewhere (NaN too) */
static Value clamp_mask(DCtx *d, Value g, Value x, int lo, int hi)
{
    Value m = V_UNBOUND;
    if (lo >= 0 && dx_a(d, lo)->given && !dx_a(d, lo)->none) {
        Value a[2] = {x, dx_arg(d, lo)};
        m = dx_call(d, "ge", 2, a);
    }
    if (hi >= 0 && dx_a(d, hi)->given && !dx_a(d, hi)->none) {
        Value a[2] = {x, dx_arg(d, hi)};
        Value le = dx_call(d, "le", 2, a);
        Value both[2] = {m, le};
        m = IS_UNBOUND(m) ? le : dx_call(d, "logical_and", 2, both);
    }
    if (IS_UNBOUND(m)) return g;
    Value w[3] = {m, g, dx_num(d, 0.0)};
    return dx_call(d, "where", 3, w);
}

const char *tag_name_clamp(const TorchCall *c)
{
    return c->a[1].is_tensor || c->a[2].is_tensor ? "ClampBackward0" : "ClampBackward1";
}

int tag_bw_clamp(DCtx *d) { dx_set(d, 0, clamp_mask(d, G, X, 1, 2)); return 0; }
int tag_bw_clamp_min(DCtx *d) { dx_set(d, 0, clamp_mask(d, G, X, 1, -1)); return 0; }
int tag_bw_clamp_max(DCtx *d) { dx_set(d, 0, clamp_mask(d, G, X, -1, 1)); return 0; }

int tag_bw_where(DCtx *d)
{
    Value g = G, cond = dx_in(d, 0), z = dx_num(d, 0.0);
    Value a[3] = {cond, g, z}, b[3] = {cond, z, g};
    if (dx_need(d, 1)) dx_set(d, 1, dx_call(d, "where", 3, a));
    if (dx_need(d, 2)) dx_set(d, 2, dx_call(d, "where", 3, b));
    return 0;
}

int tag_bw_masked_fill(DCtx *d)
{
    Value g = G, mask = dx_in(d, 1);
    Value a[3] = {g, mask, dx_num(d, 0.0)};
    dx_set(d, 0, dx_call(d, "masked_fill", 3, a));
    if (dx_need(d, 2)) {
        Value b[3] = {mask, g, dx_num(d, 0.0)};
        dx_set(d, 2, dx_un(d, "sum", dx_call(d, "where", 3, b)));
    }
    return 0;
}

int tag_bw_nan_to_num(DCtx *d)
{
    dx_set(d, 0, dx_mul(d, G, dx_un(d, "isfinite", X)));
    return 0;
}

int tag_bw_remainder(DCtx *d)
{
    Value g = G;
    dx_set(d, 0, g);
    if (dx_need(d, 1)) {
        Value a[2] = {dx_in(d, 0), dx_in(d, 1)};
        Value q = dx_un(d, "floor", dx_call(d, "div", 2, a));
        dx_set(d, 1, dx_mul(d, dx_neg(d, g), q));
    }
    return 0;
}

int tag_bw_fmod(DCtx *d)
{
    Value g = G;
    dx_set(d, 0, g);
    if (dx_need(d, 1)) {
        Value a[2] = {dx_in(d, 0), dx_in(d, 1)};
        Value q = dx_un(d, "trunc", dx_call(d, "div", 2, a));
        dx_set(d, 1, dx_mul(d, dx_neg(d, g), q));
    }
    return 0;
}

/* ---- functions of one tensor ---- */

int tag_bw_neg(DCtx *d) { dx_set(d, 0, dx_neg(d, G)); return 0; }
int tag_bw_abs(DCtx *d) { dx_set(d, 0, dx_mul(d, G, dx_un(d, "sgn", X))); return 0; }
int tag_bw_sqrt(DCtx *d) { dx_set(d, 0, dx_div(d, G, dx_mul(d, R, dx_num(d, 2.0)))); return 0; }
int tag_bw_exp(DCtx *d) { dx_set(d, 0, dx_mul(d, G, R)); return 0; }
int tag_bw_exp2(DCtx *d) { dx_set(d, 0, dx_mul(d, dx_mul(d, G, R), dx_num(d, M_LN2))); return 0; }
int tag_bw_expm1(DCtx *d) { dx_set(d, 0, dx_mul(d, G, dx_add(d, R, dx_num(d, 1.0)))); return 0; }
int tag_bw_log(DCtx *d) { dx_set(d, 0, dx_div(d, G, X)); return 0; }
int tag_bw_log2(DCtx *d) { dx_set(d, 0, dx_div(d, G, dx_mul(d, X, dx_num(d, M_LN2)))); return 0; }
int tag_bw_log10(DCtx *d) { dx_set(d, 0, dx_div(d, G, dx_mul(d, X, dx_num(d, M_LN10)))); return 0; }
int tag_bw_log1p(DCtx *d) { dx_set(d, 0, dx_div(d, G, dx_add(d, X, dx_num(d, 1.0)))); return 0; }
int tag_bw_sin(DCtx *d) { dx_set(d, 0, dx_mul(d, G, dx_un(d, "cos", X))); return 0; }
int tag_bw_cos(DCtx *d) { dx_set(d, 0, dx_mul(d, dx_neg(d, G), dx_un(d, "sin", X))); return 0; }
int tag_bw_sinh(DCtx *d) { dx_set(d, 0, dx_mul(d, G, dx_un(d, "cosh", X))); return 0; }
int tag_bw_cosh(DCtx *d) { dx_set(d, 0, dx_mul(d, G, dx_un(d, "sinh", X))); return 0; }

int tag_bw_tan(DCtx *d)
{
    Value r = R;
    dx_set(d, 0, dx_mul(d, G, dx_add(d, dx_mul(d, r, r), dx_num(d, 1.0))));
    return 0;
}

/* tanh, sigmoid: one op of their own (torch_ops_backward.c) */
int tag_bw_tanh(DCtx *d) { dx_set(d, 0, call2(d, "tanh_backward", G, R)); return 0; }
int tag_bw_sigmoid(DCtx *d) { dx_set(d, 0, call2(d, "sigmoid_backward", G, R)); return 0; }

int tag_bw_rsqrt(DCtx *d)
{
    Value r = R;
    dx_set(d, 0, dx_mul(d, dx_mul(d, G, dx_mul(d, dx_mul(d, r, r), r)), dx_num(d, -0.5)));
    return 0;
}

int tag_bw_reciprocal(DCtx *d)
{
    Value r = R;
    dx_set(d, 0, dx_mul(d, dx_neg(d, G), dx_mul(d, r, r)));
    return 0;
}

/* 1/sqrt(1 - x^2), shared by asin and acos */
static Value inv_sqrt_1mx2(DCtx *d, Value x)
{
    return dx_un(d, "rsqrt", dx_sub(d, dx_num(d, 1.0), dx_mul(d, x, x)));
}
int tag_bw_asin(DCtx *d) { dx_set(d, 0, dx_mul(d, G, inv_sqrt_1mx2(d, X))); return 0; }
int tag_bw_acos(DCtx *d) { dx_set(d, 0, dx_mul(d, dx_neg(d, G), inv_sqrt_1mx2(d, X))); return 0; }

int tag_bw_atan(DCtx *d)
{
    Value x = X;
    dx_set(d, 0, dx_div(d, G, dx_add(d, dx_mul(d, x, x), dx_num(d, 1.0))));
    return 0;
}

/* 0.5 * sqrt(pi) * exp(erfinv(x)^2) * grad, in PyTorch's order */
int tag_bw_erfinv(DCtx *d)
{
    Value y = dx_un(d, "erfinv", X);
    Value e = dx_un(d, "exp", dx_mul(d, y, y));
    dx_set(d, 0, dx_mul(d, dx_mul(d, e, dx_num(d, 0.5 * sqrt(M_PI))), G));
    return 0;
}

int tag_bw_erf(DCtx *d)
{
    Value x = X;
    Value e = dx_un(d, "exp", dx_neg(d, dx_mul(d, x, x)));
    dx_set(d, 0, dx_mul(d, dx_mul(d, G, e), dx_num(d, 2.0 / sqrt(M_PI))));
    return 0;
}

/* threshold_backward(g, result, 0): g where the result is positive, +0
 * elsewhere (g * mask would give -0 for a negative g) */
int tag_bw_relu(DCtx *d)
{
    Value a[3] = {G, R, dx_int(d, 0)};
    dx_set(d, 0, dx_call(d, "threshold_backward", 3, a));
    return 0;
}

/* ceil, floor, round, trunc, sign: zero almost everywhere */
int tag_bw_zero(DCtx *d) { dx_set(d, 0, dx_zeros_like_arg(d, 0)); return 0; }
int tag_bw_identity(DCtx *d) { dx_set(d, 0, G); return 0; }

/* ---- softmax ---- */

/* _softmax_backward_data / _log_softmax_backward_data (their own ops) */
int tag_bw_softmax(DCtx *d)
{
    Value a[3] = {G, R, dx_int(d, dx_a(d, 1)->i)};
    dx_set(d, 0, dx_call(d, "_softmax_backward_data", 3, a));
    return 0;
}

int tag_bw_log_softmax(DCtx *d)
{
    Value a[3] = {G, R, dx_int(d, dx_a(d, 1)->i)};
    dx_set(d, 0, dx_call(d, "_log_softmax_backward_data", 3, a));
    return 0;
}
