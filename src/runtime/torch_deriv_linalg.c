/* torch_deriv_linalg.c — derivatives of the matrix products and of the
 * few decompositions whose gradient has a closed form (inverse, det). */
#include <string.h>

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


/* sum over dim of x * y */
static int bw_vecdot(DCtx *d)
{
    Value g = unsq(d, G, dx_a(d, 2)->i);
    if (dx_need(d, 0)) dx_set(d, 0, dx_mul(d, g, dx_in(d, 1)));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, g, dx_in(d, 0)));
    return 0;
}

/* inner of vectors is dot; of matrices a @ b^T */
static int bw_inner(DCtx *d)
{
    int na = dx_info(d, 0)->ndim, nb = dx_info(d, 1)->ndim;
    if (na == 1 && nb == 1) return bw_dot(d);
    if (na != 2 || nb != 2) {
        rt_raise(&exc_NotImplementedError, "derivative of inner for %d-D and %d-D tensors", na, nb);
        return -1;
    }
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, op2(d, "mm", g, dx_in(d, 1)));
    if (dx_need(d, 1)) dx_set(d, 1, op2(d, "mm", mT(d, g), dx_in(d, 0)));
    return 0;
}

/* cross: d(a x b) = (b x g, g x a) along the same dim */
static int bw_cross(DCtx *d)
{
    const TorchArg *da = dx_a(d, 2);
    bool linalg = !strcmp(d->oc->op->name, "linalg_cross");
    int64_t dim = linalg && !da->given ? -1 : da->i;
    if (!linalg && (!da->given || da->none)) { /* cross(): the first dim of size 3 */
        const ArgInfo *in = dx_info(d, 0);
        for (dim = 0; dim < in->ndim && in->sizes[dim] != 3; dim++) {}
    }
    Value g = G, a = dx_in(d, 0), b = dx_in(d, 1);
    Value ba[3] = {b, g, dx_int(d, dim)}, ga[3] = {g, a, dx_int(d, dim)};
    if (dx_need(d, 0)) dx_set(d, 0, dx_call(d, "cross", 3, ba));
    if (dx_need(d, 1)) dx_set(d, 1, dx_call(d, "cross", 3, ga));
    return 0;
}

/* X = solve(A, B): gB = solve(A^T, g), gA = -gB X^T */
static int bw_solve(DCtx *d)
{
    bool vec = dx_info(d, 1)->ndim == 1;
    Value gb = op2(d, "linalg_solve", mT(d, dx_in(d, 0)), G), x = dx_result(d);
    if (dx_need(d, 1)) dx_set(d, 1, gb);
    if (dx_need(d, 0)) {
        Value prod = vec ? op2(d, "outer", gb, x) : op2(d, "matmul", gb, mT(d, x));
        dx_set(d, 0, dx_neg(d, prod));
    }
    return 0;
}

/* slogdet: only logabsdet (output 1) has a gradient: g inv(A)^T */
static int bw_slogdet(DCtx *d)
{
    Value inv_t = mT(d, dx_un(d, "inverse", dx_in(d, 0)));
    dx_set(d, 0, dx_mul(d, unsq(d, unsq(d, dx_grad(d, 1), -1), -1), inv_t));
    return 0;
}

/* beta * input + alpha * sum_i b1[i] @ b2[i] */
static int bw_addbmm(DCtx *d)
{
    Value g = G, alpha = dx_arg(d, 4);
    dx_set(d, 0, dx_mul(d, g, dx_arg(d, 3)));
    const ArgInfo *b1 = dx_info(d, 1), *b2 = dx_info(d, 2);
    int64_t shape[3] = {b1->sizes[0], b1->sizes[1], b2->sizes[2]};
    Value ge[2] = {unsq(d, g, 0), dx_shape(d, 3, shape)};
    Value gb = dx_call(d, "expand", 2, ge);
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, op2(d, "bmm", gb, mT(d, dx_in(d, 2))), alpha));
    if (dx_need(d, 2)) dx_set(d, 2, dx_mul(d, op2(d, "bmm", mT(d, dx_in(d, 1)), gb), alpha));
    return 0;
}

/* A^n: sum over k of (A^T)^k g (A^T)^(n-1-k) */
static int bw_matrix_power(DCtx *d)
{
    int64_t n = dx_a(d, 1)->i;
    Value g = G;
    if (n == 0) {
        dx_set(d, 0, dx_mul(d, g, dx_num(d, 0.0)));
        return 0;
    }
    if (n < 0) {
        rt_raise(&exc_NotImplementedError, "derivative of matrix_power for a negative power");
        return -1;
    }
    if (n > 64) { /* the powers are kept in a small array */
        rt_raise(&exc_NotImplementedError, "derivative of matrix_power for n > 64");
        return -1;
    }
    Value at = mT(d, dx_in(d, 0));
    Value pw[65];
    pw[0] = V_NONE; /* identity: skipped in the products below */
    for (int64_t k = 1; k < n; k++) pw[k] = k == 1 ? at : op2(d, "matmul", pw[k - 1], at);
    Value sum = V_UNBOUND;
    for (int64_t k = 0; k < n; k++) {
        Value t = g;
        if (k) t = op2(d, "matmul", pw[k], t);
        if (n - 1 - k) t = op2(d, "matmul", t, pw[n - 1 - k]);
        sum = IS_UNBOUND(sum) ? t : dx_add(d, sum, t);
    }
    dx_set(d, 0, sum);
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
    U("linalg_vecdot", "SumBackward1", DS_IN0 | DS_IN1, bw_vecdot),
    U("inner", "ReshapeAliasBackward0", DS_IN0 | DS_IN1, bw_inner),
    U("cross", "LinalgCrossBackward0", DS_IN0 | DS_IN1, bw_cross),
    U("linalg_cross", "LinalgCrossBackward0", DS_IN0 | DS_IN1, bw_cross),
    U("linalg_solve", "LinalgSolveExBackward0", DS_IN0 | DS_RESULT, bw_solve),
    U("slogdet", "LinalgSlogdetBackward0", DS_IN0, bw_slogdet),
    U("linalg_slogdet", "LinalgSlogdetBackward0", DS_IN0, bw_slogdet),
    U("addbmm", "AddbmmBackward0", DS_IN1 | DS_IN2, bw_addbmm),
    U("matrix_power", "MmBackward0", DS_IN0, bw_matrix_power),
    U("linalg_matrix_power", "MmBackward0", DS_IN0, bw_matrix_power),
    {NULL, NULL, NULL, 0, NULL},
};
