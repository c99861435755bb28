/* torch_ops_linalg.c — impls of the linear-algebra rows (torch.X and
 * torch.linalg.X): products, the add* fused forms, trace/cross, and the
 * LAPACK-backed decompositions of src/tensor/linalg.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "tensor/ops.h"
#include "torch_private.h"

Value impl_mm(TorchCall *c) { return torch_copy_back(c, ts_mm(c->a[0].t, c->a[1].t)); }
Value impl_bmm(TorchCall *c) { return torch_copy_back(c, ts_bmm(c->a[0].t, c->a[1].t)); }
Value impl_matmul(TorchCall *c) { return torch_copy_back(c, ts_matmul(c->a[0].t, c->a[1].t)); }
Value impl_mv(TorchCall *c) { return torch_copy_back(c, ts_mv(c->a[0].t, c->a[1].t)); }
Value impl_dot(TorchCall *c) { return torch_copy_back(c, ts_dot(c->a[0].t, c->a[1].t)); }
Value impl_outer(TorchCall *c) { return torch_copy_back(c, ts_outer(c->a[0].t, c->a[1].t)); }

/* inner: contraction over the last dims; for matrices a @ b.T. */
Value impl_inner(TorchCall *c)
{
    TsTensor *a = c->a[0].t, *b = c->a[1].t;
    if (a->ndim == 0 || b->ndim == 0)
        return torch_wrap(ts_binary(TS_OP_MUL, ts_arg(a), ts_arg(b), NULL));
    if (a->ndim == 1 && b->ndim == 1) return torch_wrap(ts_dot(a, b));
    TsTensor *bt = b->ndim >= 2 ? ts_transpose(b, -2, -1) : (ts_retain(b), b);
    TsTensor *r = bt ? ts_matmul(a, bt) : NULL;
    ts_release(bt);
    return torch_wrap(r);
}

/* The add* forms: in place they compute out of place and copy back. */
#define FUSED(fn, KERNEL) \
    Value impl_##fn(TorchCall *c) \
    { \
        return torch_copy_back(c, KERNEL(c->a[0].t, c->a[1].t, c->a[2].t, c->a[3].s, c->a[4].s)); \
    }

/* addmm checks dtypes before shapes, with PyTorch's messages (nn.Linear
 * on a double or integer input shows them). */
Value impl_addmm(TorchCall *c)
{
    TsDType self = c->a[0].t->dtype, m1 = c->a[1].t->dtype, m2 = c->a[2].t->dtype;
    if (self != m2)
        return rt_raise(&exc_RuntimeError, "self and mat2 must have the same dtype");
    if (m1 != m2)
        return rt_raise(&exc_RuntimeError, "mat1 and mat2 must have the same dtype");
    return torch_copy_back(c, ts_addmm(c->a[0].t, c->a[1].t, c->a[2].t, c->a[3].s, c->a[4].s));
}

FUSED(addmv, ts_addmv)
FUSED(addr, ts_addr)
FUSED(addbmm, ts_addbmm)
FUSED(baddbmm, ts_baddbmm)
#undef FUSED

Value impl_trace(TorchCall *c) { return torch_wrap(ts_trace(c->a[0].t)); }

Value impl_cross(TorchCall *c)
{
    const int64_t *d = torch_has(&c->a[2]) ? &c->a[2].i : NULL;
    return torch_copy_back(c, ts_cross(c->a[0].t, c->a[1].t, d));
}

Value impl_linalg_cross(TorchCall *c) { return torch_wrap(ts_cross(c->a[0].t, c->a[1].t, &c->a[2].i)); }

Value impl_inverse(TorchCall *c) { return torch_copy_back(c, ts_inverse(c->a[0].t)); }
Value impl_det(TorchCall *c) { return torch_copy_back(c, ts_det(c->a[0].t)); }

Value impl_logdet(TorchCall *c)
{
    TsTensor *d = ts_det(c->a[0].t);
    TsTensor *r = d ? ts_unary(TS_OP_LOG, d, NULL) : NULL;
    ts_release(d);
    return torch_wrap(r);
}

static Value slogdet(TorchCall *c, const char *name)
{
    TsTensor *s = NULL, *l = NULL;
    if (ts_slogdet(c->a[0].t, &s, &l) < 0) return torch_raise_ts();
    return torch_return_pair(name, s, l);
}

Value impl_slogdet(TorchCall *c) { return slogdet(c, "slogdet"); }
Value impl_linalg_slogdet(TorchCall *c) { return slogdet(c, "linalg_slogdet"); }

/* Packs three tensors into a return type (taking them), or raises. */
static Value triple(const char *name, TsTensor *a, TsTensor *b, TsTensor *c3)
{
    if (!a || !b || !c3) {
        ts_release(a);
        ts_release(b);
        ts_release(c3);
        return torch_raise_ts();
    }
    Value items[3] = {torch_wrap(a), torch_wrap(b), torch_wrap(c3)};
    for (int i = 0; i < 3; i++)
        if (IS_ERR(items[i])) {
            for (int j = 0; j < 3; j++) v_decref(items[j]);
            return V_ERR;
        }
    return torch_return_tuple(name, 3, items);
}

/* torch.svd returns V (not Vh): the transpose of linalg.svd's Vh. */
Value impl_svd(TorchCall *c)
{
    TsTensor *U = NULL, *S = NULL, *Vh = NULL;
    if (ts_svd(c->a[0].t, !c->a[1].i, &U, &S, &Vh) < 0) return torch_raise_ts();
    TsTensor *V = ts_transpose(Vh, -2, -1);
    ts_release(Vh);
    if (!c->a[2].i && U && V) {
        ts_zero_(U);
        ts_zero_(V);
    }
    return triple("svd", U, S, V);
}

Value impl_linalg_svd(TorchCall *c)
{
    TsTensor *U = NULL, *S = NULL, *Vh = NULL;
    if (ts_svd(c->a[0].t, c->a[1].i, &U, &S, &Vh) < 0) return torch_raise_ts();
    return triple("linalg_svd", U, S, Vh);
}

Value impl_linalg_svdvals(TorchCall *c)
{
    TsTensor *U = NULL, *S = NULL, *Vh = NULL;
    if (ts_svd(c->a[0].t, false, &U, &S, &Vh) < 0) return torch_raise_ts();
    ts_release(U);
    ts_release(Vh);
    return torch_wrap(S);
}

Value impl_linalg_solve(TorchCall *c)
{
    if (!c->a[2].i) return rt_raise(&exc_NotImplementedError, "linalg.solve(left=False) is not supported");
    return torch_copy_back(c, ts_solve(c->a[0].t, c->a[1].t));
}

Value impl_cholesky(TorchCall *c) { return torch_wrap(ts_cholesky(c->a[0].t, c->a[1].i)); }

static Value qr(TorchCall *c, bool reduced, const char *name)
{
    TsTensor *q = NULL, *r = NULL;
    if (ts_qr(c->a[0].t, reduced, &q, &r) < 0) return torch_raise_ts();
    return torch_return_pair(name, q, r);
}

Value impl_qr(TorchCall *c) { return qr(c, c->a[1].i, "qr"); }

Value impl_linalg_qr(TorchCall *c)
{
    const char *mode = c->a[1].given ? c->a[1].str : "reduced";
    if (strcmp(mode, "reduced") && strcmp(mode, "complete"))
        return rt_raise(&exc_RuntimeError, "qr received unrecognized mode '%s' but expected one "
                        "of 'reduced' (default), 'r', or 'complete'", mode);
    return qr(c, !strcmp(mode, "reduced"), "linalg_qr");
}

Value impl_pinv(TorchCall *c) { return torch_wrap(ts_pinv(c->a[0].t)); }
Value impl_matrix_rank(TorchCall *c) { return torch_wrap(ts_matrix_rank(c->a[0].t)); }

/* A^n by repeated squaring; n < 0 inverts first; n == 0 the identity. */
Value impl_matrix_power(TorchCall *c)
{
    TsTensor *a = c->a[0].t;
    int64_t n = c->a[1].i;
    if (a->ndim < 2 || a->sizes[a->ndim - 1] != a->sizes[a->ndim - 2])
        return rt_raise(&exc_RuntimeError, "linalg.matrix_power: A must be batches of square matrices, "
                        "but they are %lld by %lld matrices",
                        (long long)(a->ndim ? a->sizes[a->ndim - 2] : 0),
                        (long long)(a->ndim ? a->sizes[a->ndim - 1] : 0));
    TsTensor *base = n < 0 ? ts_inverse(a) : (ts_retain(a), a);
    if (!base) return torch_raise_ts();
    if (n < 0) n = -n;
    TsTensor *r = NULL;
    if (n == 0) {
        TsTensor *e = ts_eye(a->sizes[a->ndim - 1], -1, a->dtype, a->device);
        r = e ? ts_expand(e, a->ndim, a->sizes) : NULL;
        TsTensor *rc = r ? ts_contiguous(r) : NULL;
        ts_release(e);
        ts_release(r);
        r = rc;
    }
    TsTensor *p = base;
    ts_retain(p);
    while (n > 0 && p) {
        if (n & 1) {
            TsTensor *nr = r ? ts_matmul(r, p) : (ts_retain(p), p);
            ts_release(r);
            r = nr;
            if (!r) break;
        }
        n >>= 1;
        if (n) {
            TsTensor *np = ts_matmul(p, p);
            ts_release(p);
            p = np;
        }
    }
    ts_release(p);
    ts_release(base);
    return torch_wrap(r);
}

/* ---- norms ---- */

static bool ord_value(Value v, double *p, bool *fro)
{
    *fro = false;
    if (IS_TYPE(v, &str_type)) {
        if (!strcmp(str_cstr(v), "fro")) {
            *fro = true;
            *p = 2;
            return true;
        }
        rt_raise(&exc_NotImplementedError, "linalg norm ord='%s' is not supported", str_cstr(v));
        return false;
    }
    TsScalar s;
    if (!torch_to_scalar(v, &s)) {
        rt_raise(&exc_TypeError, "linalg.norm(): argument 'ord' must be Number, not %s", v_typename(v));
        return false;
    }
    *p = ts_scalar_to_f64(s);
    return true;
}

/* Matrix norms of order 1 / inf / -1 / -inf: max (min) over the absolute
 * column (row) sums. */
static TsTensor *matrix_norm_ord(TsTensor *a, double p, const int64_t dims[2], bool keepdim)
{
    if (p == 2 || p == -2)
        return NULL;
    int64_t sum_dim = isinf(p) ? dims[1] : dims[0];
    int64_t red_dim = isinf(p) ? dims[0] : dims[1];
    TsTensor *ab = ts_unary(TS_OP_ABS, a, NULL);
    TsTensor *s = ab ? ts_sum(ab, 1, &sum_dim, true, TS_UNDEF) : NULL;
    TsTensor *m = s ? (p > 0 ? ts_amax(s, 1, &red_dim, true) : ts_amin(s, 1, &red_dim, true)) : NULL;
    TsTensor *r = m;
    if (m && !keepdim) {
        int64_t both[2] = {dims[0], dims[1]};
        int w0, w1;
        if (ts_wrap_dim(both[0], m->ndim, &w0) == 0 && ts_wrap_dim(both[1], m->ndim, &w1) == 0) {
            TsTensor *s1 = ts_squeeze_dim(m, w0 > w1 ? w0 : w1);
            r = s1 ? ts_squeeze_dim(s1, w0 > w1 ? w1 : w0) : NULL;
            ts_release(s1);
            ts_release(m);
        }
    }
    ts_release(ab);
    ts_release(s);
    return r;
}

Value impl_linalg_norm(TorchCall *c)
{
    TsTensor *a = c->a[0].t;
    TsDType dt = torch_has(&c->a[4]) ? (TsDType)c->a[4].i : TS_UNDEF;
    bool keep = c->a[3].i;
    if (!torch_has(&c->a[1])) {
        int nd = torch_has(&c->a[2]) ? c->a[2].n : 0;
        return torch_wrap(ts_norm(a, 2, nd, nd ? c->a[2].list : NULL, keep, dt));
    }
    double p;
    bool fro;
    if (!ord_value(c->a[1].v, &p, &fro)) return V_ERR;
    bool matrix = torch_has(&c->a[2]) ? c->a[2].n == 2 : a->ndim == 2;
    int64_t dims[2] = {-2, -1};
    if (torch_has(&c->a[2]) && c->a[2].n == 2) memcpy(dims, c->a[2].list, sizeof dims);
    if (!matrix || fro) {
        int nd = torch_has(&c->a[2]) ? c->a[2].n : 0;
        return torch_wrap(ts_norm(a, p, nd, nd ? c->a[2].list : NULL, keep, dt));
    }
    TsTensor *r = matrix_norm_ord(a, p, dims, keep);
    if (!r && (p == 2 || p == -2))
        return rt_raise(&exc_NotImplementedError, "linalg.norm with ord=2 on matrices is not supported");
    return torch_wrap(r);
}

Value impl_linalg_vector_norm(TorchCall *c)
{
    int nd = torch_has(&c->a[2]) ? c->a[2].n : 0;
    TsDType dt = torch_has(&c->a[4]) ? (TsDType)c->a[4].i : TS_UNDEF;
    return torch_wrap(ts_norm(c->a[0].t, c->a[1].f, nd, nd ? c->a[2].list : NULL, c->a[3].i, dt));
}

Value impl_linalg_matrix_norm(TorchCall *c)
{
    double p = 2;
    bool fro = true;
    if (c->a[1].given && !ord_value(c->a[1].v, &p, &fro)) return V_ERR;
    TsDType dt = torch_has(&c->a[4]) ? (TsDType)c->a[4].i : TS_UNDEF;
    if (fro) return torch_wrap(ts_norm(c->a[0].t, 2, 2, c->a[2].list, c->a[3].i, dt));
    TsTensor *r = matrix_norm_ord(c->a[0].t, p, c->a[2].list, c->a[3].i);
    if (!r && (p == 2 || p == -2))
        return rt_raise(&exc_NotImplementedError, "matrix_norm with ord=2 is not supported");
    return torch_wrap(r);
}

Value impl_linalg_vecdot(TorchCall *c)
{
    TsTensor *m = ts_binary(TS_OP_MUL, ts_arg(c->a[0].t), ts_arg(c->a[1].t), NULL);
    TsTensor *r = m ? ts_sum(m, 1, &c->a[2].i, false, TS_UNDEF) : NULL;
    ts_release(m);
    return torch_wrap(r);
}
