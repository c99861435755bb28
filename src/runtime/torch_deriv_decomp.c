/* torch_deriv_decomp.c — derivatives of the decompositions (cholesky, qr,
 * svd, pinverse) and of the strided views whose gradient is a scatter
 * (unfold, as_strided), plus unique, which PyTorch records but cannot
 * differentiate, and floor_divide, which it refuses at backward.  Everything is computed through the op table, so the
 * derivatives are recorded under create_graph=True. */
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

#define G dx_grad(d, 0)

static Value op2(DCtx *d, const char *op, Value a, Value b)
{
    Value args[2] = {a, b};
    return dx_call(d, op, 2, args);
}

static Value mT(DCtx *d, Value m)
{
    Value a[3] = {m, dx_int(d, -2), dx_int(d, -1)};
    return dx_call(d, "transpose", 3, a);
}

static Value mm(DCtx *d, Value a, Value b) { return op2(d, "matmul", a, b); }

static Value eye(DCtx *d, int64_t n, TsDType dt)
{
    return dx_keep(d, torch_wrap(ts_eye(n, n, dt, TS_CPU)));
}

/* Item i of a tuple result (borrowed from the tuple, which d keeps). */
static Value item(DCtx *d, Value tup, int i)
{
    if (IS_ERR(tup)) return V_ERR;
    const Type *t = IS_OBJ(tup) ? tup.o->type : NULL;
    while (t && t != &tuple_type) t = t->base; /* the named result tuples too */
    if (!t || ((Tuple *)tup.o)->len <= i) {
        d->err = true;
        rt_raise(&exc_RuntimeError, "autograd: a decomposition returned no item %d", i);
        return V_ERR;
    }
    return ((Tuple *)tup.o)->items[i];
}

/* Is output j's gradient given (an unused output has none)? */
static bool has_grad(DCtx *d, int j) { return j < d->node->n_out && d->grads[j].t; }

/* ---- cholesky: A = L L^T ----
 * phi = tril(L^T gL) with its diagonal halved; gA = L^-T phi L^-1,
 * symmetrised (A is symmetric, so only its symmetric part matters). */
int tag_bw_cholesky(DCtx *d)
{
    bool upper = dx_a(d, 1)->given && dx_a(d, 1)->i;
    Value L = dx_result(d), g = G;
    if (upper) { /* U = L^T: work with L */
        L = mT(d, L);
        g = mT(d, g);
    }
    Value p = mm(d, mT(d, L), g);
    Value diag = dx_call(d, "diag_embed", 1, (Value[]){dx_call(d, "diagonal", 1, &p)});
    Value phi = dx_sub(d, dx_un(d, "tril", p), dx_mul(d, diag, dx_num(d, 0.5)));
    Value linv = dx_un(d, "inverse", L);
    Value ga = mm(d, mm(d, mT(d, linv), phi), linv);
    dx_set(d, 0, dx_mul(d, dx_add(d, ga, mT(d, ga)), dx_num(d, 0.5)));
    return 0;
}

/* ---- qr (reduced, m >= n): A = Q R ----
 * With M = tril(Q^T gQ - gQ^T Q + R gR^T - gR R^T):
 * gA = Q (gR + M R^-T) + (gQ - Q Q^T gQ) R^-T. */
int tag_bw_qr(DCtx *d)
{
    const ArgInfo *in = dx_info(d, 0);
    int64_t m = in->sizes[in->ndim - 2], n = in->sizes[in->ndim - 1];
    const TorchArg *mode = dx_a(d, 1);
    bool complete = !strcmp(d->oc->op->name, "linalg_qr") ? mode->given && mode->str && !strcmp(mode->str, "complete")
                                                          : mode->given && !mode->i;
    if (m < n || (complete && m > n)) {
        rt_raise(&exc_NotImplementedError, "The derivative of linalg.qr depends on Q, which is not "
                 "computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going "
                 "to differentiate through linalg.qr.");
        d->err = true;
        return -1;
    }
    Value Q = dx_result_at(d, 0), R = dx_result_at(d, 1);
    Value gQ = dx_grad(d, 0), gR = dx_grad(d, 1);
    Value qdq = mm(d, mT(d, Q), gQ), rdr = mm(d, R, mT(d, gR));
    Value M = dx_un(d, "tril", dx_add(d, dx_sub(d, qdq, mT(d, qdq)), dx_sub(d, rdr, mT(d, rdr))));
    Value rinv_t = mT(d, dx_un(d, "inverse", R));
    Value a = mm(d, Q, dx_add(d, gR, mm(d, M, rinv_t)));
    Value b = mm(d, dx_sub(d, gQ, mm(d, Q, qdq)), rinv_t);
    dx_set(d, 0, dx_add(d, a, b));
    return 0;
}

/* ---- svd (reduced): A = U diag(S) V^T ----
 * F[i][j] = 1 / (s_j^2 - s_i^2) off the diagonal, 0 on it;
 * gA = U [(F o (U^T gU - gU^T U)) S + diag(gS) + S (F o (V^T gV - gV^T V))] V^T
 *    + (I - U U^T) gU S^-1 V^T + U S^-1 gV^T (I - V V^T). */
static Value svd_grad(DCtx *d, Value U, Value S, Value V, Value gU, Value gS, Value gV)
{
    Value Sd = dx_call(d, "diag_embed", 1, &S);
    Value core = dx_call(d, "diag_embed", 1, &gS);
    if (!IS_NONE(gU) || !IS_NONE(gV)) {
        int64_t k = dx_info(d, 0)->sizes[dx_info(d, 0)->ndim - 1];
        const ArgInfo *in = dx_info(d, 0);
        int64_t m = in->sizes[in->ndim - 2], n = in->sizes[in->ndim - 1];
        k = m < n ? m : n;
        Value I = eye(d, k, in->dtype);
        Value s2 = dx_mul(d, S, S);
        Value diff = dx_sub(d, op2(d, "unsqueeze", s2, dx_int(d, -2)), op2(d, "unsqueeze", s2, dx_int(d, -1)));
        Value F = dx_mul(d, dx_un(d, "reciprocal", dx_add(d, diff, I)), dx_sub(d, dx_num(d, 1.0), I));
        Value sinv = dx_call(d, "diag_embed", 1, (Value[]){dx_un(d, "reciprocal", S)});
        Value extra = V_NONE;
        if (!IS_NONE(gU)) {
            Value utgu = mm(d, mT(d, U), gU);
            core = dx_add(d, core, mm(d, dx_mul(d, F, dx_sub(d, utgu, mT(d, utgu))), Sd));
            Value proj = dx_sub(d, eye(d, m, in->dtype), mm(d, U, mT(d, U)));
            extra = mm(d, mm(d, mm(d, proj, gU), sinv), mT(d, V));
        }
        if (!IS_NONE(gV)) {
            Value vtgv = mm(d, mT(d, V), gV);
            core = dx_add(d, core, mm(d, Sd, dx_mul(d, F, dx_sub(d, vtgv, mT(d, vtgv)))));
            Value proj = dx_sub(d, eye(d, n, in->dtype), mm(d, V, mT(d, V)));
            Value e2 = mm(d, mm(d, mm(d, U, sinv), mT(d, gV)), proj);
            extra = IS_NONE(extra) ? e2 : dx_add(d, extra, e2);
        }
        Value ga = mm(d, mm(d, U, core), mT(d, V));
        return IS_NONE(extra) ? ga : dx_add(d, ga, extra);
    }
    return mm(d, mm(d, U, core), mT(d, V));
}

/* The first k columns of m (full_matrices=True keeps more). */
static Value first_cols(DCtx *d, Value m, int64_t k)
{
    Value a[4] = {m, dx_int(d, -1), dx_int(d, 0), dx_int(d, k)};
    return dx_call(d, "narrow", 4, a);
}

static int64_t svd_k(DCtx *d)
{
    const ArgInfo *in = dx_info(d, 0);
    int64_t m = in->sizes[in->ndim - 2], n = in->sizes[in->ndim - 1];
    return m < n ? m : n;
}

/* torch.svd: (U, S, V); linalg.svd: (U, S, Vh) */
int tag_bw_svd(DCtx *d)
{
    bool linalg = !strcmp(d->oc->op->name, "linalg_svd");
    int64_t k = svd_k(d);
    Value U = first_cols(d, dx_result_at(d, 0), k), S = dx_result_at(d, 1);
    Value V = dx_result_at(d, 2);
    V = first_cols(d, linalg ? mT(d, V) : V, k);
    Value gU = V_NONE, gV = V_NONE;
    if (has_grad(d, 0)) gU = first_cols(d, dx_grad(d, 0), k);
    if (has_grad(d, 2)) {
        gV = dx_grad(d, 2);
        gV = first_cols(d, linalg ? mT(d, gV) : gV, k);
    }
    dx_set(d, 0, svd_grad(d, U, S, V, gU, dx_grad(d, 1), gV));
    return 0;
}

/* svdvals: the vectors are recomputed from the saved input */
int tag_bw_svdvals(DCtx *d)
{
    Value a = dx_in(d, 0);
    Value r = dx_call_kw(d, "linalg_svd", 1, &a, "full_matrices", v_bool(false));
    Value U = item(d, r, 0), S = item(d, r, 1), Vh = item(d, r, 2);
    if (IS_ERR(U) || IS_ERR(S) || IS_ERR(Vh)) return -1;
    dx_set(d, 0, svd_grad(d, U, S, mT(d, Vh), V_NONE, G, V_NONE));
    return 0;
}

/* ---- pinverse: P = A^+ ----
 * gA = -P^T gP P^T + (I - A P) gP^T P P^T + P^T P gP^T (I - P A). */
int tag_bw_pinv(DCtx *d)
{
    const ArgInfo *in = dx_info(d, 0);
    int64_t m = in->sizes[in->ndim - 2], n = in->sizes[in->ndim - 1];
    Value A = dx_in(d, 0), P = dx_result(d), g = G;
    Value Pt = mT(d, P), gt = mT(d, g);
    Value t1 = dx_neg(d, mm(d, mm(d, Pt, g), Pt));
    Value t2 = mm(d, mm(d, dx_sub(d, eye(d, m, in->dtype), mm(d, A, P)), gt), mm(d, P, Pt));
    Value t3 = mm(d, mm(d, mm(d, Pt, P), gt), dx_sub(d, eye(d, n, in->dtype), mm(d, P, A)));
    dx_set(d, 0, dx_add(d, dx_add(d, t1, t2), t3));
    return 0;
}

/* An int64 index tensor (n items) owned by d. */
static Value index_tensor(DCtx *d, int64_t n, int64_t **data)
{
    TsTensor *t = ts_empty(1, &n, TS_INT64, TS_CPU);
    if (!t) {
        d->err = true;
        torch_raise_ts();
        return V_ERR;
    }
    *data = ts_data(t);
    return dx_keep(d, torch_wrap(t));
}

/* ---- unfold(dim, size, step): out[.., i, .., j] = in[.., i*step + j, ..] ----
 * unfold_backward, an op of its own as in PyTorch (torch_ops_backward.c),
 * so a create_graph gradient is UnfoldBackwardBackward0. */
int tag_bw_unfold(DCtx *d)
{
    const ArgInfo *in = dx_info(d, 0);
    if (in->ndim == 0) { /* a 0-d input unfolds to one window of one element */
        dx_set(d, 0, dx_add(d, dx_zeros_like_arg(d, 0), dx_call(d, "sum", 1, (Value[]){G})));
        return 0;
    }
    Value a[5] = {G, dx_shape(d, in->ndim, in->sizes), dx_int(d, dx_a(d, 1)->i),
                  dx_int(d, dx_a(d, 2)->i), dx_int(d, dx_a(d, 3)->i)};
    dx_set(d, 0, dx_call(d, "unfold_backward", 5, a));
    return 0;
}

/* ---- as_strided(size, stride, offset) ----
 * Each result element reads storage element off + sum p_k stride_k; for a
 * contiguous input that is input element (that - input offset), so the
 * gradient is an index_add into the flattened input. */
int tag_bw_as_strided(DCtx *d)
{
    Value a = dx_in(d, 0);
    if (IS_ERR(a)) return -1;
    TsTensor *t = torch_unwrap(a);
    if (!ts_is_contiguous(t)) {
        rt_raise(&exc_NotImplementedError, "derivative of as_strided of a non-contiguous tensor");
        d->err = true;
        return -1;
    }
    const TorchArg *sz = dx_a(d, 1), *st = dx_a(d, 2), *off = dx_a(d, 3);
    int64_t base = (off->given && !off->none ? off->i : t->offset) - t->offset;
    int64_t total = 1;
    for (int k = 0; k < sz->n; k++) total *= sz->list[k];
    int64_t *ix;
    Value idx = index_tensor(d, total, &ix);
    if (IS_ERR(idx)) return -1;
    int64_t pos[TS_MAX_DIMS] = {0};
    for (int64_t e = 0; e < total; e++) { /* row-major walk of the result */
        int64_t s = base;
        for (int k = 0; k < sz->n; k++) s += pos[k] * st->list[k];
        ix[e] = s;
        for (int k = sz->n - 1; k >= 0; k--) {
            if (++pos[k] < sz->list[k]) break;
            pos[k] = 0;
        }
    }
    const ArgInfo *in = dx_info(d, 0);
    int64_t numel = 1;
    for (int k = 0; k < in->ndim; k++) numel *= in->sizes[k];
    Value flat = dx_zeros(d, 1, &numel, in->dtype);
    Value gf = dx_call(d, "reshape", 2, (Value[]){G, dx_int(d, -1)});
    Value acc = dx_call(d, "index_add", 4, (Value[]){flat, dx_int(d, 0), idx, gf});
    dx_set(d, 0, dx_call(d, "reshape", 2, (Value[]){acc, dx_shape(d, in->ndim, in->sizes)}));
    return 0;
}

/* unique: recorded (the result requires grad) but not differentiable */
int tag_bw_unique(DCtx *d)
{
    rt_raise(&exc_NotImplementedError, "the derivative for '_unique2' is not implemented.");
    d->err = true;
    return -1;
}

/* floor_divide: recorded as PyTorch's NotImplemented node */
int tag_bw_floor_divide(DCtx *d)
{
    rt_raise(&exc_RuntimeError, "derivative for aten::floor_divide is not implemented");
    d->err = true;
    return -1;
}
