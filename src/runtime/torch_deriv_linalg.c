/* torch_deriv_linalg.c — derivatives of the matrix products and of the
 * few decompositions whose gradient has a closed form (inverse, det). */
#include "torch_autograd.h"

#define G dx_grad(d, 0)

static Value mT(DCtx *d, Value m)
{
    Value a[3] = {m, dx_int(d, -2), dx_int(d, -1)};
    return dx_call(d, "transpose", 3, a);
}

static Value op2(DCtx *d, const char *op, Value a, Value b)
{
    Value args[2] = {a, b};
    return dx_call(d, op, 2, args);
}

static int bw_mm(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, op2(d, "mm", g, mT(d, dx_in(d, 1))));
    if (dx_need(d, 1)) dx_set(d, 1, op2(d, "mm", mT(d, dx_in(d, 0)), g));
    return 0;
}

static int bw_bmm(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, op2(d, "bmm", g, mT(d, dx_in(d, 1))));
    if (dx_need(d, 1)) dx_set(d, 1, op2(d, "bmm", mT(d, dx_in(d, 0)), g));
    return 0;
}

static int bw_mv(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, op2(d, "outer", g, dx_in(d, 1)));
    if (dx_need(d, 1)) dx_set(d, 1, op2(d, "mv", mT(d, dx_in(d, 0)), g));
    return 0;
}

static int bw_dot(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, dx_mul(d, dx_in(d, 1), g));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, dx_in(d, 0), g));
    return 0;
}

static int bw_outer(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, op2(d, "mv", g, dx_in(d, 1)));
    if (dx_need(d, 1)) dx_set(d, 1, op2(d, "mv", mT(d, g), dx_in(d, 0)));
    return 0;
}

static Value unsq(DCtx *d, Value v, int64_t dim)
{
    return op2(d, "unsqueeze", v, dx_int(d, dim));
}

/* matmul: vectors are promoted to matrices ((n) -> (1, n) on the left,
 * (n, 1) on the right), the batched products computed, and dx_set sums
 * the broadcast batch dims away. */
static int bw_matmul(DCtx *d)
{
    int na = dx_info(d, 0)->ndim, nb = dx_info(d, 1)->ndim;
    Value g = G, a = dx_in(d, 0), b = dx_in(d, 1);
    if (na == 1 && nb == 1) return bw_dot(d);
    Value A = na == 1 ? unsq(d, a, 0) : a, B = nb == 1 ? unsq(d, b, 1) : b;
    Value G2 = g;
    if (na == 1) G2 = unsq(d, G2, -2);
    if (nb == 1) G2 = unsq(d, G2, -1);
    if (dx_need(d, 0)) {
        Value ga = op2(d, "matmul", G2, mT(d, B));
        dx_set(d, 0, na == 1 ? op2(d, "squeeze", ga, dx_int(d, -2)) : ga);
    }
    if (dx_need(d, 1)) {
        Value gb = op2(d, "matmul", mT(d, A), G2);
        dx_set(d, 1, nb == 1 ? op2(d, "squeeze", gb, dx_int(d, -1)) : gb);
    }
    return 0;
}

static const char *name_matmul(const TorchCall *c)
{
    int na = c->a[0].t ? c->a[0].t->ndim : 0, nb = c->a[1].t ? c->a[1].t->ndim : 0;
    if (na == 1 && nb == 1) return "DotBackward0";
    if (na == 2 && nb == 2) return "MmBackward0";
    if (na == 2 && nb == 1) return "MvBackward0";
    if (na == 1 && nb == 2) return "SqueezeBackward1";
    return "UnsafeViewBackward0";
}

/* beta * input + alpha * (m1 @ m2) */
static int bw_addmm(DCtx *d, const char *prod)
{
    Value g = G, alpha = dx_arg(d, 4);
    dx_set(d, 0, dx_mul(d, g, dx_arg(d, 3)));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, op2(d, prod, g, mT(d, dx_in(d, 2))), alpha));
    if (dx_need(d, 2)) dx_set(d, 2, dx_mul(d, op2(d, prod, mT(d, dx_in(d, 1)), g), alpha));
    return 0;
}
static int bw_addmm_mm(DCtx *d) { return bw_addmm(d, "mm"); }
static int bw_baddbmm(DCtx *d) { return bw_addmm(d, "bmm"); }

static int bw_addmv(DCtx *d)
{
    Value g = G, alpha = dx_arg(d, 4);
    dx_set(d, 0, dx_mul(d, g, dx_arg(d, 3)));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, op2(d, "outer", g, dx_in(d, 2)), alpha));
    if (dx_need(d, 2)) dx_set(d, 2, dx_mul(d, op2(d, "mv", mT(d, dx_in(d, 1)), g), alpha));
    return 0;
}

static int bw_addr(DCtx *d)
{
    Value g = G, alpha = dx_arg(d, 4);
    dx_set(d, 0, dx_mul(d, g, dx_arg(d, 3)));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, op2(d, "mv", g, dx_in(d, 2)), alpha));
    if (dx_need(d, 2)) dx_set(d, 2, dx_mul(d, op2(d, "mv", mT(d, g), dx_in(d, 1)), alpha));
    return 0;
}

static int bw_trace(DCtx *d)
{
    const ArgInfo *in = dx_info(d, 0);
    TsTensor *eye = ts_eye(in->sizes[0], in->sizes[1], in->dtype, TS_CPU);
    dx_set(d, 0, dx_mul(d, dx_keep(d, torch_wrap(eye)), G));
    return 0;
}

/* d inv(A) = -inv(A)^T g inv(A)^T */
static int bw_inverse(DCtx *d)
{
    Value rt = mT(d, dx_result(d));
    dx_set(d, 0, dx_neg(d, op2(d, "matmul", op2(d, "matmul", rt, G), rt)));
    return 0;
}

/* d det(A) = g det(A) inv(A)^T;  d logdet(A) = g inv(A)^T */
static int bw_det(DCtx *d)
{
    Value inv_t = mT(d, dx_un(d, "inverse", dx_in(d, 0)));
    Value s = dx_mul(d, G, dx_result(d));
    dx_set(d, 0, dx_mul(d, unsq(d, unsq(d, s, -1), -1), inv_t));
    return 0;
}

static int bw_logdet(DCtx *d)
{
    Value inv_t = mT(d, dx_un(d, "inverse", dx_in(d, 0)));
    dx_set(d, 0, dx_mul(d, unsq(d, unsq(d, G, -1), -1), inv_t));
    return 0;
}

#define U(op, name, save, fn) {op, name, NULL, save, fn}

const TorchDeriv torch_derivs_linalg[] = {
    U("mm", "MmBackward0", DS_IN0 | DS_IN1, bw_mm),
    U("bmm", "BmmBackward0", DS_IN0 | DS_IN1, bw_bmm),
    {"matmul", NULL, name_matmul, DS_IN0 | DS_IN1, bw_matmul},
    {"linalg_matmul", NULL, name_matmul, DS_IN0 | DS_IN1, bw_matmul},
    U("mv", "MvBackward0", DS_IN0 | DS_IN1, bw_mv),
    U("dot", "DotBackward0", DS_IN0 | DS_IN1, bw_dot),
    U("vdot", "DotBackward0", DS_IN0 | DS_IN1, bw_dot),
    U("outer", "MulBackward0", DS_IN0 | DS_IN1, bw_outer),
    U("ger", "MulBackward0", DS_IN0 | DS_IN1, bw_outer),
    U("addmm", "AddmmBackward0", DS_IN1 | DS_IN2, bw_addmm_mm),
    U("baddbmm", "BaddbmmBackward0", DS_IN1 | DS_IN2, bw_baddbmm),
    U("addmv", "AddmvBackward0", DS_IN1 | DS_IN2, bw_addmv),
    U("addr", "AddrBackward0", DS_IN1 | DS_IN2, bw_addr),
    U("trace", "TraceBackward0", 0, bw_trace),
    U("inverse", "InverseBackward0", DS_RESULT, bw_inverse),
    U("linalg_inv", "LinalgInvExBackward0", DS_RESULT, bw_inverse),
    U("det", "DetBackward0", DS_IN0 | DS_RESULT, bw_det),
    U("linalg_det", "LinalgDetBackward0", DS_IN0 | DS_RESULT, bw_det),
    U("logdet", "LogdetBackward0", DS_IN0, bw_logdet),
    {NULL, NULL, NULL, 0, NULL},
};
