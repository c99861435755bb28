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

/* The 2-D transpose, t() (TBackward0, as PyTorch's mm formulas use). */
static Value t2(DCtx *d, Value m) { return dx_un(d, "t", m); }

/* Was the saved matrix column-major (such as the W.t() of F.linear)?
 * Then its gradient is computed transposed, as PyTorch's
 * mm_mat1_backward / mm_mat2_backward do, so that it lands contiguous in
 * W.grad and accumulates with a plain vectorised add. */
static bool col_major(Value m)
{
    if (IS_ERR(m) || !torch_is_tensor(m)) return false;
    const TsTensor *t = ((TensorObj *)m.o)->t;
    return t->ndim == 2 && t->strides[0] == 1 && t->strides[1] == t->sizes[0];
}

/* d(m1 @ m2)/d m1: grad @ m2.t(), or (m2 @ grad.t()).t() */
static Value mm_mat1(DCtx *d, Value g, Value m1, Value m2)
{
    if (col_major(m1)) return t2(d, op2(d, "mm", m2, t2(d, g)));
    return op2(d, "mm", g, t2(d, m2));
}

/* d(m1 @ m2)/d m2: m1.t() @ grad, or (grad.t() @ m1).t() */
static Value mm_mat2(DCtx *d, Value g, Value m1, Value m2)
{
    if (col_major(m2)) return t2(d, op2(d, "mm", t2(d, g), m1));
    return op2(d, "mm", t2(d, m1), g);
}

int tag_bw_mm(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, mm_mat1(d, g, dx_in(d, 0), dx_in(d, 1)));
    if (dx_need(d, 1)) dx_set(d, 1, mm_mat2(d, g, dx_in(d, 0), dx_in(d, 1)));
    return 0;
}

int tag_bw_bmm(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, op2(d, "bmm", g, mT(d, dx_in(d, 1))));
    if (dx_need(d, 1)) dx_set(d, 1, op2(d, "bmm", mT(d, dx_in(d, 0)), g));
    return 0;
}

/* self: grad.ger(vec); vec: self.t().mv(grad) */
int tag_bw_mv(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, op2(d, "outer", g, dx_in(d, 1)));
    if (dx_need(d, 1)) dx_set(d, 1, op2(d, "mv", t2(d, dx_in(d, 0)), g));
    return 0;
}

int tag_bw_dot(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) dx_set(d, 0, dx_mul(d, dx_in(d, 1), g));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, dx_in(d, 0), g));
    return 0;
}

int tag_bw_outer(DCtx *d)
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
int tag_bw_matmul(DCtx *d)
{
    int na = dx_info(d, 0)->ndim, nb = dx_info(d, 1)->ndim;
    Value g = G, a = dx_in(d, 0), b = dx_in(d, 1);
    if (na == 1 && nb == 1) return tag_bw_dot(d);
    if (na == 2 && nb == 1) return tag_bw_mv(d); /* matmul calls mv itself */
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

const char *tag_name_matmul(const TorchCall *c)
{
    int na = c->a[0].t ? c->a[0].t->ndim : 0, nb = c->a[1].t ? c->a[1].t->ndim : 0;
    if (na == 1 && nb == 1) return "DotBackward0";
    if (na == 2 && nb == 2) return "MmBackward0";
    if (na == 2 && nb == 1) return "MvBackward0";
    if (na == 1 && nb == 2) return "SqueezeBackward3"; /* squeeze_(0) of the mm */
    return "UnsafeViewBackward0";
}

/* beta * input + alpha * (m1 @ m2) */
static int bw_addmm(DCtx *d, const char *prod)
{
    Value g = G, alpha = dx_arg(d, 4);
    dx_set(d, 0, dx_mul(d, g, dx_arg(d, 3)));
    bool mm = strcmp(prod, "mm") == 0;
    if (dx_need(d, 1)) {
        Value m1 = dx_in(d, 1), m2 = dx_in(d, 2);
        Value r = mm ? mm_mat1(d, g, m1, m2) : op2(d, prod, g, mT(d, m2));
        dx_set(d, 1, dx_mul(d, r, alpha));
    }
    if (dx_need(d, 2)) {
        Value m1 = dx_in(d, 1), m2 = dx_in(d, 2);
        Value r = mm ? mm_mat2(d, g, m1, m2) : op2(d, prod, mT(d, m1), g);
        dx_set(d, 2, dx_mul(d, r, alpha));
    }
    return 0;
}
int tag_bw_addmm_mm(DCtx *d) { return bw_addmm(d, "mm"); }
int tag_bw_baddbmm(DCtx *d) { return bw_addmm(d, "bmm"); }

int tag_bw_addmv(DCtx *d)
{
    Value g = G, alpha = dx_arg(d, 4);
    dx_set(d, 0, dx_mul(d, g, dx_arg(d, 3)));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, op2(d, "outer", g, dx_in(d, 2)), alpha));
    if (dx_need(d, 2)) dx_set(d, 2, dx_mul(d, op2(d, "mv", mT(d, dx_in(d, 1)), g), alpha));
    return 0;
}

int tag_bw_addr(DCtx *d)
{
    Value g = G, alpha = dx_arg(d, 4);
    dx_set(d, 0, dx_mul(d, g, dx_arg(d, 3)));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, op2(d, "mv", g, dx_in(d, 2)), alpha));
    if (dx_need(d, 2)) dx_set(d, 2, dx_mul(d, op2(d, "mv", mT(d, g), dx_in(d, 1)), alpha));
    return 0;
}

int tag_bw_trace(DCtx *d)
{
    const ArgInfo *in = dx_info(d, 0);
    TsTensor *eye = ts_eye(in->sizes[0], in->sizes[1], in->dtype, TS_CPU);
    dx_set(d, 0, dx_mul(d, dx_keep(d, torch_wrap(eye)), G));
    return 0;
}

/* d inv(A) = -inv(A)^T g inv(A)^T */
int tag_bw_inverse(DCtx *d)
{
    Value rt = mT(d, dx_result(d));
    dx_set(d, 0, dx_neg(d, op2(d, "matmul", op2(d, "matmul", rt, G), rt)));
    return 0;
}

/* d det(A) = g det(A) inv(A)^T;  d logdet(A) = g inv(A)^T */
int tag_bw_det(DCtx *d)
{
    Value inv_t = mT(d, dx_un(d, "inverse", dx_in(d, 0)));
    Value s = dx_mul(d, G, dx_result(d));
    dx_set(d, 0, dx_mul(d, unsq(d, unsq(d, s, -1), -1), inv_t));
    return 0;
}

int tag_bw_logdet(DCtx *d)
{
    Value inv_t = mT(d, dx_un(d, "inverse", dx_in(d, 0)));
    dx_set(d, 0, dx_mul(d, unsq(d, unsq(d, G, -1), -1), inv_t));
    return 0;
}


/* sum over dim of x * y */
int tag_bw_vecdot(DCtx *d)
{
    Value g = unsq(d, G, dx_a(d, 2)->i);
    if (dx_need(d, 0)) dx_set(d, 0, dx_mul(d, g, dx_in(d, 1)));
    if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, g, dx_in(d, 0)));
    return 0;
}

static Value permute(DCtx *d, Value v, int n, const int64_t *perm)
{
    return op2(d, "permute", v, dx_shape(d, n, perm));
}

/* inner(a, b) is PyTorch's tensordot(a, b, -1, -1):
 *   t1 = a.permute(0..na-2, -1).reshape(M, K)
 *   t2 = b.permute(-1, 0..nb-2).reshape(K, N)     (column-major)
 *   mm(t1, t2).reshape(result)
 * and its gradients retrace those steps backwards: the mm formulas, a
 * reshape to the permuted shape, the inverse permutation. */
int tag_bw_inner(DCtx *d)
{
    const ArgInfo *ia = dx_info(d, 0), *ib = dx_info(d, 1);
    int na = ia->ndim, nb = ib->ndim;
    if (na == 0 || nb == 0) { /* self * other */
        Value g = G;
        if (dx_need(d, 0)) dx_set(d, 0, dx_mul(d, g, dx_in(d, 1)));
        if (dx_need(d, 1)) dx_set(d, 1, dx_mul(d, g, dx_in(d, 0)));
        return 0;
    }
    int64_t k = ia->sizes[na - 1], m = 1, n = 1;
    int64_t pa[TS_MAX_DIMS], pb[TS_MAX_DIMS], inv_b[TS_MAX_DIMS], sa[TS_MAX_DIMS], sb[TS_MAX_DIMS];
    for (int i = 0; i < na; i++) {
        pa[i] = i;
        sa[i] = ia->sizes[i];
        if (i < na - 1) m *= ia->sizes[i];
    }
    sb[0] = k;
    for (int i = 0; i < nb - 1; i++) {
        sb[i + 1] = ib->sizes[i];
        n *= ib->sizes[i];
        inv_b[i] = i + 1;
    }
    inv_b[nb - 1] = 0;
    int64_t s1[2] = {m, k}, s2[2] = {k, n}, sg[2] = {m, n};
    Value a = dx_in(d, 0), b = dx_in(d, 1);
    pb[0] = nb - 1;
    for (int i = 1; i < nb; i++) pb[i] = i - 1;
    Value t1 = op2(d, "reshape", a, dx_shape(d, 2, s1));
    Value t2m = op2(d, "reshape", permute(d, b, nb, pb), dx_shape(d, 2, s2));
    Value g = op2(d, "reshape", G, dx_shape(d, 2, sg));
    if (dx_need(d, 0)) {
        Value g1 = op2(d, "reshape", mm_mat1(d, g, t1, t2m), dx_shape(d, na, sa));
        dx_set(d, 0, permute(d, g1, na, pa));
    }
    if (dx_need(d, 1)) {
        Value g2 = op2(d, "reshape", mm_mat2(d, g, t1, t2m), dx_shape(d, nb, sb));
        dx_set(d, 1, permute(d, g2, nb, inv_b));
    }
    return 0;
}

/* cross: d(a x b) = (b x g, g x a) along the same dim */
int tag_bw_cross(DCtx *d)
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
int tag_bw_solve(DCtx *d)
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
int tag_bw_slogdet(DCtx *d)
{
    Value inv_t = mT(d, dx_un(d, "inverse", dx_in(d, 0)));
    dx_set(d, 0, dx_mul(d, unsq(d, unsq(d, dx_grad(d, 1), -1), -1), inv_t));
    return 0;
}

/* beta * input + alpha * sum_i b1[i] @ b2[i] */
int tag_bw_addbmm(DCtx *d)
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
int tag_bw_matrix_power(DCtx *d)
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
