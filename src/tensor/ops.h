/* ops.h — reductions, scans, sorting, indexing and linear algebra of the
 * tensor library (the OPS part; prefix ts_).  Builds only on tensor.h.
 *
 * Conventions (same as tensor.h): returned tensors are new references,
 * arguments are borrowed, failures return NULL / -1 after ts_error() with
 * PyTorch's exact message.  Functions with two results (values, indices)
 * return 0 and store two new references, or -1 and store nothing.
 *
 * Tensors on another device run through the host (copy in, CPU kernel,
 * copy back) for the single-result ops; mixing devices fails with
 * PyTorch's "Expected all tensors to be on the same device..." text.
 *
 * A "dim list" is (nd, dims): nd == 0 / dims == NULL means every dim
 * (torch.sum(x) and torch.sum(x, dim=[]) reduce everything).  Negative dims
 * wrap.  `dtype` TS_UNDEF means PyTorch's default result dtype.
 */
#ifndef TS_OPS_H
#define TS_OPS_H

#include "tensor/tensor.h"

/* ---------------------------------------------------------------- */
/* reductions (reduce.c)                                              */
/* ---------------------------------------------------------------- */

/* sum: bool/int -> int64 unless dtype given; float16 accumulates in
 * float32; float sums use PyTorch's cascade order (bit-identical). */
TsTensor *ts_sum(TsTensor *t, int nd, const int64_t *dims, bool keepdim, TsDType dtype);
/* mean: float input (or dtype=) only. */
TsTensor *ts_mean(TsTensor *t, int nd, const int64_t *dims, bool keepdim, TsDType dtype);
/* prod over everything (dim == NULL) or one dim. */
TsTensor *ts_prod(TsTensor *t, const int64_t *dim, bool keepdim, TsDType dtype);
TsTensor *ts_amax(TsTensor *t, int nd, const int64_t *dims, bool keepdim);
TsTensor *ts_amin(TsTensor *t, int nd, const int64_t *dims, bool keepdim);
/* torch.max(x) / torch.min(x): 0-dim result, NaN propagates. */
TsTensor *ts_max_all(TsTensor *t);
TsTensor *ts_min_all(TsTensor *t);
/* torch.max(x, dim) -> (values, indices). */
int ts_max_dim(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values, TsTensor **indices);
int ts_min_dim(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values, TsTensor **indices);
/* argmax/argmin: dim == NULL -> index into the flattened tensor. */
TsTensor *ts_argmax(TsTensor *t, const int64_t *dim, bool keepdim);
TsTensor *ts_argmin(TsTensor *t, const int64_t *dim, bool keepdim);
/* median: lower median; NaN wins (torch.median), nanmedian skips NaN. */
TsTensor *ts_median_all(TsTensor *t);
int ts_median_dim(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values,
                  TsTensor **indices);
TsTensor *ts_nanmedian_all(TsTensor *t);
int ts_mode(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values, TsTensor **indices);
/* var/std with `correction` (unbiased=True is 1, False is 0). */
TsTensor *ts_var(TsTensor *t, int nd, const int64_t *dims, double correction, bool keepdim);
TsTensor *ts_std(TsTensor *t, int nd, const int64_t *dims, double correction, bool keepdim);
/* norm: p is a number (INFINITY / -INFINITY allowed); 'fro' is p = 2. */
TsTensor *ts_norm(TsTensor *t, double p, int nd, const int64_t *dims, bool keepdim,
                  TsDType dtype);
TsTensor *ts_dist(TsTensor *a, TsTensor *b, double p);
TsTensor *ts_logsumexp(TsTensor *t, int nd, const int64_t *dims, bool keepdim);
TsTensor *ts_all(TsTensor *t, int nd, const int64_t *dims, bool keepdim);
TsTensor *ts_any(TsTensor *t, int nd, const int64_t *dims, bool keepdim);
TsTensor *ts_count_nonzero(TsTensor *t, int nd, const int64_t *dims);

/* ---------------------------------------------------------------- */
/* scans (scan.c)                                                     */
/* ---------------------------------------------------------------- */

TsTensor *ts_cumsum(TsTensor *t, int64_t dim, TsDType dtype);
TsTensor *ts_cumprod(TsTensor *t, int64_t dim, TsDType dtype);
int ts_cummax(TsTensor *t, int64_t dim, TsTensor **values, TsTensor **indices);
int ts_cummin(TsTensor *t, int64_t dim, TsTensor **values, TsTensor **indices);

/* ---------------------------------------------------------------- */
/* sorting (sort.c)                                                   */
/* ---------------------------------------------------------------- */

/* NaN sorts as the largest value.  stable == false reproduces the order
 * PyTorch's (libstdc++) introsort gives to equal keys. */
int ts_sort(TsTensor *t, int64_t dim, bool descending, bool stable, TsTensor **values,
            TsTensor **indices);
TsTensor *ts_argsort(TsTensor *t, int64_t dim, bool descending, bool stable);
TsTensor *ts_msort(TsTensor *t);
int ts_topk(TsTensor *t, int64_t k, int64_t dim, bool largest, bool sorted, TsTensor **values,
            TsTensor **indices);
int ts_kthvalue(TsTensor *t, int64_t k, int64_t dim, bool keepdim, TsTensor **values,
                TsTensor **indices);
/* torch.unique (dim=None): inverse/counts may be NULL when not wanted.
 * sorted == false gives PyTorch's hash-set order (reverse order of first
 * appearance, exact unless its buckets collide). */
int ts_unique(TsTensor *t, bool sorted, TsTensor **values, TsTensor **inverse,
              TsTensor **counts);

/* ---------------------------------------------------------------- */
/* indexing (index.c)                                                 */
/* ---------------------------------------------------------------- */

/* One item of a subscript `t[i0, i1, ...]`. */
typedef enum {
    TS_IDX_INT,      /* i */
    TS_IDX_SLICE,    /* start:stop:step (TS_SLICE_NONE for omitted parts) */
    TS_IDX_NONE,     /* None: a new axis */
    TS_IDX_ELLIPSIS, /* ... */
    TS_IDX_BOOL,     /* Python True / False (b) */
    TS_IDX_TENSOR,   /* integer tensor, or bool/uint8 mask tensor (t, borrowed) */
} TsIndexKind;

typedef struct TsIndex {
    TsIndexKind kind;
    int64_t i;
    int64_t start, stop, step;
    bool b;
    TsTensor *t;
} TsIndex;

/* t[idx...]: a view for basic indexing, a copy with advanced indexing. */
TsTensor *ts_index(TsTensor *t, int n, const TsIndex *idx);
/* t[idx...] = value (broadcast, cast to t's dtype); accumulate for
 * index_put_(..., accumulate=True). */
int ts_index_put_(TsTensor *t, int n, const TsIndex *idx, TsArg value, bool accumulate);
/* index_put_ with a list of index tensors (NULL entries = full slices). */
int ts_index_put_tensors_(TsTensor *t, int n, TsTensor *const *indices, TsArg value,
                          bool accumulate);

TsTensor *ts_index_select(TsTensor *t, int64_t dim, TsTensor *index);
TsTensor *ts_gather(TsTensor *t, int64_t dim, TsTensor *index);
/* scatter: src tensor (value.t) or scalar; reduce NULL, "add", "multiply".
 * out == t: in place (scatter_), out == NULL: new tensor. */
TsTensor *ts_scatter(TsTensor *t, int64_t dim, TsTensor *index, TsArg src, const char *reduce,
                     TsTensor *out);
TsTensor *ts_scatter_add(TsTensor *t, int64_t dim, TsTensor *index, TsTensor *src,
                         TsTensor *out);
TsTensor *ts_index_add(TsTensor *t, int64_t dim, TsTensor *index, TsTensor *src,
                       TsScalar alpha, TsTensor *out);
TsTensor *ts_masked_select(TsTensor *t, TsTensor *mask);
TsTensor *ts_masked_scatter(TsTensor *t, TsTensor *mask, TsTensor *src, TsTensor *out);
TsTensor *ts_take(TsTensor *t, TsTensor *index);
/* nonzero: (n, ndim) int64. */
TsTensor *ts_nonzero(TsTensor *t);
/* as_tuple=True: *out_n (= max(ndim,1)) 1-D tensors in a malloc'ed array. */
int ts_nonzero_tuple(TsTensor *t, TsTensor ***out, int *out_n);

/* ---------------------------------------------------------------- */
/* linear algebra (linalg.c): OpenBLAS for float32/float64            */
/* ---------------------------------------------------------------- */

TsTensor *ts_mm(TsTensor *a, TsTensor *b);
TsTensor *ts_bmm(TsTensor *a, TsTensor *b);
TsTensor *ts_matmul(TsTensor *a, TsTensor *b);
TsTensor *ts_mv(TsTensor *a, TsTensor *v);
TsTensor *ts_dot(TsTensor *a, TsTensor *b);
TsTensor *ts_outer(TsTensor *a, TsTensor *b);
/* beta * input + alpha * (m1 @ m2) ... */
TsTensor *ts_addmm(TsTensor *input, TsTensor *m1, TsTensor *m2, TsScalar beta, TsScalar alpha);
TsTensor *ts_addmv(TsTensor *input, TsTensor *m, TsTensor *v, TsScalar beta, TsScalar alpha);
TsTensor *ts_addr(TsTensor *input, TsTensor *a, TsTensor *b, TsScalar beta, TsScalar alpha);
TsTensor *ts_baddbmm(TsTensor *input, TsTensor *b1, TsTensor *b2, TsScalar beta,
                     TsScalar alpha);
TsTensor *ts_addbmm(TsTensor *input, TsTensor *b1, TsTensor *b2, TsScalar beta,
                    TsScalar alpha);
TsTensor *ts_trace(TsTensor *t);
/* dim NULL: the first dim of size 3. */
TsTensor *ts_cross(TsTensor *a, TsTensor *b, const int64_t *dim);
TsTensor *ts_inverse(TsTensor *t);
TsTensor *ts_det(TsTensor *t);
int ts_slogdet(TsTensor *t, TsTensor **sign, TsTensor **logabsdet);
/* Reduced SVD unless full_matrices: A = U diag(S) Vh. */
int ts_svd(TsTensor *t, bool full_matrices, TsTensor **U, TsTensor **S, TsTensor **Vh);
/* torch.linalg.solve(A, B): A X = B. */
TsTensor *ts_solve(TsTensor *A, TsTensor *B);
TsTensor *ts_cholesky(TsTensor *t, bool upper);
int ts_qr(TsTensor *t, bool reduced, TsTensor **Q, TsTensor **R);
TsTensor *ts_pinv(TsTensor *t);
TsTensor *ts_matrix_rank(TsTensor *t);

#endif
