/* linalg.c — matrix products and decompositions.
 *
 * Products: float32/float64 go to OpenBLAS (cblas_?gemm / ?gemv / ?dot),
 * handing each operand over with the transpose flag that matches its
 * strides, so a transposed (column-major) view is never copied; integer
 * dtypes use a plain triple loop in int64 (PyTorch supports int mm on the
 * CPU); half/bool fail as PyTorch's CPU build does.  matmul follows
 * PyTorch 1.13's dispatch: dot / mv / mm, folding of batched operands into
 * one mm when one side is 1-D or 2-D, and broadcast bmm otherwise — the
 * same path gives the same error messages.
 *
 * Decompositions call the Fortran LAPACK routines OpenBLAS exports
 * (dgetrf_, dgetrs_, dgesdd_, dpotrf_, dgeqrf_ ...; no LAPACKE needed) on a
 * column-major copy of each matrix of the batch.
 *
 * Every BLAS/LAPACK routine is called through ts_blas()'s table (blas.h):
 * the library is loaded on the first call, and when it cannot be, the
 * op fails with that error.
 */
#include <math.h>
#include <stdlib.h>

#include "tensor/blas.h"
#include "tensor/ops_internal.h"

/* ================================================================== */
/* shared checks                                                       */
/* ================================================================== */

/* mm-family dtype rule: both operands must share a dtype that the CPU
 * product supports. */
static int check_mm_dtypes(const TsTensor *a, const TsTensor *b)
{
    if (a->dtype != b->dtype)
        return ts_error(TS_ERR_RUNTIME, "expected scalar type %s but found %s",
                        ts_dtype_short(a->dtype), ts_dtype_short(b->dtype));
    if (a->dtype == TS_FLOAT16 || a->dtype == TS_BFLOAT16 || a->dtype == TS_BOOL)
        return ts_error(TS_ERR_RUNTIME, "\"addmm_impl_cpu_\" not implemented for '%s'",
                        ts_dtype_short(a->dtype));
    if (ts_check_same_device(a->device, b->device) < 0)
        return -1;
    return ops_need_cpu(a, "mm");
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        ts_error_oom(n);
    return p;
}

/* ================================================================== */
/* the gemm kernel                                                      */
/* ================================================================== */

/* A strided matrix operand: element (i, j) at p + (i*rs + j*cs) items. */
typedef struct Mat {
    const char *p;
    int64_t rs, cs;
} Mat;

/* BLAS can take the operand as is when one stride is 1 and the other
 * spans a full row/column; returns its transpose flag and leading dim. */
static bool blas_layout(const Mat *m, int64_t rows, int64_t cols, bool *trans, int64_t *ld)
{
    if (m->cs == 1 && (m->rs >= (cols > 1 ? cols : 1) || rows == 1)) {
        *trans = false;
        *ld = rows == 1 ? (cols > 1 ? cols : 1) : m->rs;
        return true;
    }
    if (m->rs == 1 && (m->cs >= (rows > 1 ? rows : 1) || cols == 1)) {
        *trans = true;
        *ld = cols == 1 ? (rows > 1 ? rows : 1) : m->cs;
        return true;
    }
    return false;
}

/* C (M x N, row-major contiguous, ldc = N) = alpha*A*B + beta*C for
 * float types; A is M x K, B is K x N.  Operands BLAS cannot take as
 * they are are packed first. */
static int gemm_float(TsDType dt, int64_t M, int64_t N, int64_t K, Mat A, Mat B, char *C,
                      double alpha, double beta)
{
    const TsBlas *blas = ts_blas();
    if (!blas)
        return -1;
    size_t es = ts_dtype_size(dt);
    char *pa = NULL, *pb = NULL;
    bool ta, tb;
    int64_t lda, ldb;
    if (!blas_layout(&A, M, K, &ta, &lda)) {
        if (!(pa = xmalloc((size_t)(M * K) * es)))
            return -1;
        for (int64_t i = 0; i < M; i++)
            for (int64_t j = 0; j < K; j++)
                memcpy(pa + (i * K + j) * (int64_t)es, A.p + (i * A.rs + j * A.cs) * (int64_t)es,
                       es);
        A = (Mat){pa, K, 1};
        ta = false;
        lda = K > 1 ? K : 1;
    }
    if (!blas_layout(&B, K, N, &tb, &ldb)) {
        if (!(pb = xmalloc((size_t)(K * N) * es))) {
            free(pa);
            return -1;
        }
        for (int64_t i = 0; i < K; i++)
            for (int64_t j = 0; j < N; j++)
                memcpy(pb + (i * N + j) * (int64_t)es, B.p + (i * B.rs + j * B.cs) * (int64_t)es,
                       es);
        B = (Mat){pb, N, 1};
        tb = false;
        ldb = N > 1 ? N : 1;
    }
    int ldc = (int)(N > 1 ? N : 1);
    if (dt == TS_FLOAT32)
        blas->sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                    (int)M, (int)N, (int)K, (float)alpha, (const float *)A.p, (int)lda,
                    (const float *)B.p, (int)ldb, (float)beta, (float *)C, ldc);
    else
        blas->dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                    (int)M, (int)N, (int)K, alpha, (const double *)A.p, (int)lda,
                    (const double *)B.p, (int)ldb, beta, (double *)C, ldc);
    free(pa);
    free(pb);
    return 0;
}

/* Integer product: exact int64 accumulation (wrapping), then stored. */
static int gemm_int(TsDType dt, int64_t M, int64_t N, int64_t K, Mat A, Mat B, char *C,
                    int64_t alpha, int64_t beta)
{
    size_t es = ts_dtype_size(dt);
    for (int64_t i = 0; i < M; i++) {
        for (int64_t j = 0; j < N; j++) {
            uint64_t acc = 0;
            for (int64_t k = 0; k < K; k++)
                acc += (uint64_t)ts_load_i64(A.p + (i * A.rs + k * A.cs) * (int64_t)es, dt) *
                       (uint64_t)ts_load_i64(B.p + (k * B.rs + j * B.cs) * (int64_t)es, dt);
            char *c = C + (i * N + j) * (int64_t)es;
            uint64_t prev = beta ? (uint64_t)ts_load_i64(c, dt) * (uint64_t)beta : 0;
            ts_store_i64(c, dt, (int64_t)(prev + acc * (uint64_t)alpha));
        }
        if (ts_check_interrupt() < 0)
            return -1;
    }
    return 0;
}

static Mat mat_of(const TsTensor *t, int64_t batch_off, int d0, int d1)
{
    return (Mat){(const char *)ops_at(t, t->offset + batch_off), t->strides[d0], t->strides[d1]};
}

/* C = alpha * A @ B + beta * C with C contiguous (M x N). */
static int gemm(TsDType dt, int64_t M, int64_t N, int64_t K, Mat A, Mat B, char *C,
                TsScalar alpha, TsScalar beta)
{
    if (M == 0 || N == 0)
        return 0;
    if (ts_dtype_is_float(dt)) {
        if (K == 0 && ts_scalar_to_f64(beta) == 0) {
            memset(C, 0, (size_t)(M * N) * ts_dtype_size(dt));
            return 0;
        }
        return gemm_float(dt, M, N, K, A, B, C, ts_scalar_to_f64(alpha), ts_scalar_to_f64(beta));
    }
    int64_t ia = alpha.is_float ? (int64_t)alpha.f : alpha.i;
    int64_t ib = beta.is_float ? (int64_t)beta.f : beta.i;
    return gemm_int(dt, M, N, K, A, B, C, ia, ib);
}

/* ================================================================== */
/* mm / bmm / mv / dot / outer                                          */
/* ================================================================== */

static int check_mm_shapes(const TsTensor *a, const TsTensor *b)
{
    if (a->ndim != 2)
        return ts_error(TS_ERR_RUNTIME, "self must be a matrix");
    if (b->ndim != 2)
        return ts_error(TS_ERR_RUNTIME, "mat2 must be a matrix");
    if (a->sizes[1] != b->sizes[0])
        return ts_error(TS_ERR_RUNTIME, "mat1 and mat2 shapes cannot be multiplied (%lldx%lld "
                                        "and %lldx%lld)",
                        (long long)a->sizes[0], (long long)a->sizes[1], (long long)b->sizes[0],
                        (long long)b->sizes[1]);
    return 0;
}

TsTensor *ts_mm(TsTensor *a, TsTensor *b)
{
    OPS_VIA_HOST2(a, b, ts_mm(h, h2));
    if (check_mm_shapes(a, b) < 0 || check_mm_dtypes(a, b) < 0)
        return NULL;
    int64_t shape[2] = {a->sizes[0], b->sizes[1]};
    TsTensor *c = ts_empty(2, shape, a->dtype, a->device);
    if (!c)
        return NULL;
    if (gemm(a->dtype, shape[0], shape[1], a->sizes[1], mat_of(a, 0, 0, 1), mat_of(b, 0, 0, 1),
             ts_data(c), ts_scalar_i(1), ts_scalar_i(0)) < 0) {
        ts_release(c);
        return NULL;
    }
    return c;
}

static int check_bmm_shapes(const TsTensor *a, const TsTensor *b)
{
    if (a->ndim != 3)
        return ts_error(TS_ERR_RUNTIME, "batch1 must be a 3D tensor");
    if (b->ndim != 3)
        return ts_error(TS_ERR_RUNTIME, "batch2 must be a 3D tensor");
    if (b->sizes[0] != a->sizes[0] || b->sizes[1] != a->sizes[2])
        return ts_error(TS_ERR_RUNTIME, "Expected size for first two dimensions of batch2 tensor "
                                        "to be: [%lld, %lld] but got: [%lld, %lld].",
                        (long long)a->sizes[0], (long long)a->sizes[2], (long long)b->sizes[0],
                        (long long)b->sizes[1]);
    return 0;
}

/* PyTorch's small-bmm kernel (K*M*N < 400): a plain dot per output,
 * accumulated in the dtype's own precision, in k order. */
#define DEFINE_BMM_SMALL(NAME, T)                                                             \
    static void NAME(char *c, Mat A, Mat B, int64_t M, int64_t N, int64_t K, double alpha,    \
                     double beta)                                                             \
    {                                                                                         \
        const T *a = (const T *)A.p, *b = (const T *)B.p;                                     \
        T *o = (T *)c;                                                                        \
        for (int64_t i = 0; i < M; i++)                                                       \
            for (int64_t j = 0; j < N; j++) {                                                 \
                T acc = 0;                                                                    \
                for (int64_t k = 0; k < K; k++)                                               \
                    acc += a[i * A.rs + k * A.cs] * b[k * B.rs + j * B.cs];                   \
                o[i * N + j] = beta == 0 ? (T)alpha * acc : o[i * N + j] * (T)beta + (T)alpha * acc; \
            }                                                                                 \
    }
DEFINE_BMM_SMALL(bmm_small_f32, float)
DEFINE_BMM_SMALL(bmm_small_f64, double)

/* out[i] = alpha * a[i] @ b[i] + beta * out[i] for every batch i. */
static int bmm_into(TsTensor *out, TsTensor *a, TsTensor *b, TsScalar alpha, TsScalar beta)
{
    int64_t M = a->sizes[1], K = a->sizes[2], N = b->sizes[2];
    size_t es = ts_dtype_size(out->dtype);
    if (K * M * N < 400 && ts_dtype_is_float(a->dtype)) {
        for (int64_t i = 0; i < a->sizes[0]; i++) {
            char *c = (char *)ts_data(out) + i * M * N * (int64_t)es;
            Mat A = mat_of(a, i * a->strides[0], 1, 2), B = mat_of(b, i * b->strides[0], 1, 2);
            if (a->dtype == TS_FLOAT32)
                bmm_small_f32(c, A, B, M, N, K, ts_scalar_to_f64(alpha), ts_scalar_to_f64(beta));
            else
                bmm_small_f64(c, A, B, M, N, K, ts_scalar_to_f64(alpha), ts_scalar_to_f64(beta));
        }
        return 0;
    }
    for (int64_t i = 0; i < a->sizes[0]; i++) {
        char *c = (char *)ts_data(out) + i * M * N * (int64_t)es;
        if (gemm(a->dtype, M, N, K, mat_of(a, i * a->strides[0], 1, 2),
                 mat_of(b, i * b->strides[0], 1, 2), c, alpha, beta) < 0)
            return -1;
    }
    return 0;
}

TsTensor *ts_bmm(TsTensor *a, TsTensor *b)
{
    OPS_VIA_HOST2(a, b, ts_bmm(h, h2));
    if (check_bmm_shapes(a, b) < 0 || check_mm_dtypes(a, b) < 0)
        return NULL;
    int64_t shape[3] = {a->sizes[0], a->sizes[1], b->sizes[2]};
    TsTensor *c = ts_empty(3, shape, a->dtype, a->device);
    if (!c)
        return NULL;
    if (bmm_into(c, a, b, ts_scalar_i(1), ts_scalar_i(0)) < 0) {
        ts_release(c);
        return NULL;
    }
    return c;
}

/* PyTorch's mv is BLAS gemv (not gemm): same call, same rounding.
 * Returns 1 when done, 0 when the operands' layout needs the generic
 * path, -1 (ts_error) when BLAS could not be loaded. */
static int gemv_float(const TsTensor *a, const TsTensor *v, TsTensor *c)
{
    int64_t M = a->sizes[0], N = a->sizes[1];
    if (!ts_dtype_is_float(a->dtype) || v->strides[0] < 1 || M == 0 || N == 0)
        return 0;
    Mat A = mat_of(a, 0, 0, 1);
    bool trans;
    int64_t lda;
    if (!blas_layout(&A, M, N, &trans, &lda))
        return 0;
    const TsBlas *blas = ts_blas();
    if (!blas)
        return -1;
    CBLAS_TRANSPOSE tr = trans ? CblasTrans : CblasNoTrans;
    int rows = (int)(trans ? N : M), cols = (int)(trans ? M : N);
    if (a->dtype == TS_FLOAT32)
        blas->sgemv(CblasRowMajor, tr, rows, cols, 1.0f, (const float *)A.p, (int)lda,
                    ts_data(v), (int)v->strides[0], 0.0f, ts_data(c), 1);
    else
        blas->dgemv(CblasRowMajor, tr, rows, cols, 1.0, (const double *)A.p, (int)lda,
                    ts_data(v), (int)v->strides[0], 0.0, ts_data(c), 1);
    return 1;
}

TsTensor *ts_mv(TsTensor *a, TsTensor *v)
{
    OPS_VIA_HOST2(a, v, ts_mv(h, h2));
    if (a->ndim != 2 || v->ndim != 1) {
        ts_error(TS_ERR_RUNTIME, "vector + matrix @ vector expected, got 1, %d, %d", a->ndim,
                 v->ndim);
        return NULL;
    }
    if (a->sizes[1] != v->sizes[0]) {
        ts_error(TS_ERR_RUNTIME, "size mismatch, got %lld, %lldx%lld,%lld", (long long)a->sizes[0],
                 (long long)a->sizes[0], (long long)a->sizes[1], (long long)v->sizes[0]);
        return NULL;
    }
    if (check_mm_dtypes(a, v) < 0)
        return NULL;
    TsTensor *c = ts_empty(1, a->sizes, a->dtype, a->device);
    if (!c)
        return NULL;
    int done = gemv_float(a, v, c);
    if (done != 0) {
        if (done < 0)
            ts_release(c);
        return done > 0 ? c : NULL;
    }
    Mat B = {(const char *)ts_data(v), v->strides[0], 0};
    if (gemm(a->dtype, a->sizes[0], 1, a->sizes[1], mat_of(a, 0, 0, 1), B, ts_data(c),
             ts_scalar_i(1), ts_scalar_i(0)) < 0) {
        ts_release(c);
        return NULL;
    }
    return c;
}

TsTensor *ts_dot(TsTensor *a, TsTensor *b)
{
    OPS_VIA_HOST2(a, b, ts_dot(h, h2));
    if (a->ndim != 1 || b->ndim != 1) {
        ts_error(TS_ERR_RUNTIME, "1D tensors expected, but got %dD and %dD tensors", a->ndim,
                 b->ndim);
        return NULL;
    }
    if (a->dtype != b->dtype) {
        ts_error(TS_ERR_RUNTIME, "dot : expected both vectors to have same dtype, but found %s "
                                 "and %s",
                 ts_dtype_short(a->dtype), ts_dtype_short(b->dtype));
        return NULL;
    }
    if (a->sizes[0] != b->sizes[0]) {
        ts_error(TS_ERR_RUNTIME, "inconsistent tensor size, expected tensor [%lld] and src [%lld] "
                                 "to have the same number of elements, but got %lld and %lld "
                                 "elements respectively",
                 (long long)a->sizes[0], (long long)b->sizes[0], (long long)a->sizes[0],
                 (long long)b->sizes[0]);
        return NULL;
    }
    if (check_mm_dtypes(a, b) < 0)
        return NULL;
    const TsBlas *blas = ts_dtype_is_float(a->dtype) ? ts_blas() : NULL;
    if (ts_dtype_is_float(a->dtype) && !blas)
        return NULL;
    TsTensor *c = ts_empty(0, NULL, a->dtype, a->device);
    if (!c)
        return NULL;
    int64_t n = a->sizes[0];
    if (a->dtype == TS_FLOAT32)
        *(float *)ts_data(c) = blas->sdot((int)n, ts_data(a), (int)a->strides[0], ts_data(b),
                                          (int)b->strides[0]);
    else if (a->dtype == TS_FLOAT64)
        *(double *)ts_data(c) = blas->ddot((int)n, ts_data(a), (int)a->strides[0], ts_data(b),
                                           (int)b->strides[0]);
    else {
        Mat A = {(const char *)ts_data(a), 0, a->strides[0]};
        Mat B = {(const char *)ts_data(b), b->strides[0], 0};
        gemm_int(a->dtype, 1, 1, n, A, B, ts_data(c), 1, 0);
    }
    return c;
}

TsTensor *ts_outer(TsTensor *a, TsTensor *b)
{
    if (a->ndim != 1 || b->ndim != 1) {
        ts_error(TS_ERR_RUNTIME, "outer: Expected 1-D argument %s, but got %d-D",
                 a->ndim != 1 ? "self" : "vec2", a->ndim != 1 ? a->ndim : b->ndim);
        return NULL;
    }
    int64_t s1[2] = {a->sizes[0], 1}, s2[2] = {1, b->sizes[0]};
    TsTensor *x = ts_view(a, 2, s1), *y = x ? ts_view(b, 2, s2) : NULL;
    TsTensor *r = y ? ts_binary(TS_OP_MUL, ts_arg(x), ts_arg(y), NULL) : NULL;
    ts_release(x);
    ts_release(y);
    return r;
}

/* ================================================================== */
/* add* forms: beta * input + alpha * product                          */
/* ================================================================== */

/* A contiguous copy of input broadcast to shape (PyTorch's expand error
 * text when it does not fit), in the product's dtype. */
static TsTensor *expanded_input(TsTensor *input, int nd, const int64_t *shape, TsDType dt)
{
    TsTensor *e = ts_expand(input, nd, shape);
    if (!e)
        return NULL;
    TsTensor *c = ts_empty(nd, shape, dt, input->device);
    if (c && ts_copy_(c, e) < 0) {
        ts_release(c);
        c = NULL;
    }
    ts_release(e);
    return c;
}

TsTensor *ts_addmm(TsTensor *input, TsTensor *m1, TsTensor *m2, TsScalar beta, TsScalar alpha)
{
    if (check_mm_shapes(m1, m2) < 0 || check_mm_dtypes(m1, m2) < 0)
        return NULL;
    int64_t shape[2] = {m1->sizes[0], m2->sizes[1]};
    TsTensor *c = expanded_input(input, 2, shape, m1->dtype);
    if (!c)
        return NULL;
    if (ts_scalar_to_f64(beta) == 0)
        ts_zero_(c); /* beta == 0 ignores input, NaN included */
    if (gemm(m1->dtype, shape[0], shape[1], m1->sizes[1], mat_of(m1, 0, 0, 1),
             mat_of(m2, 0, 0, 1), ts_data(c), alpha, beta) < 0) {
        ts_release(c);
        return NULL;
    }
    return c;
}

TsTensor *ts_addmv(TsTensor *input, TsTensor *m, TsTensor *v, TsScalar beta, TsScalar alpha)
{
    TsTensor *p = ts_mv(m, v);
    if (!p)
        return NULL;
    TsTensor *c = expanded_input(input, 1, p->sizes, p->dtype);
    TsTensor *r = NULL;
    if (c) {
        TsTensor *bc = ts_binary(TS_OP_MUL, ts_arg(c), ts_arg_s(beta), NULL);
        if (bc && ts_scalar_to_f64(beta) == 0)
            ts_zero_(bc);
        r = bc ? ts_add(ts_arg(bc), ts_arg(p), alpha, NULL) : NULL;
        ts_release(bc);
    }
    ts_release(c);
    ts_release(p);
    return r;
}

TsTensor *ts_addr(TsTensor *input, TsTensor *a, TsTensor *b, TsScalar beta, TsScalar alpha)
{
    TsTensor *p = ts_outer(a, b);
    if (!p)
        return NULL;
    TsTensor *bc = ts_binary(TS_OP_MUL, ts_arg(input), ts_arg_s(beta), NULL);
    if (bc && ts_scalar_to_f64(beta) == 0)
        ts_zero_(bc);
    TsTensor *r = bc ? ts_add(ts_arg(bc), ts_arg(p), alpha, NULL) : NULL;
    ts_release(bc);
    ts_release(p);
    return r;
}

TsTensor *ts_baddbmm(TsTensor *input, TsTensor *b1, TsTensor *b2, TsScalar beta,
                     TsScalar alpha)
{
    if (check_bmm_shapes(b1, b2) < 0 || check_mm_dtypes(b1, b2) < 0)
        return NULL;
    int64_t shape[3] = {b1->sizes[0], b1->sizes[1], b2->sizes[2]};
    TsTensor *c = expanded_input(input, 3, shape, b1->dtype);
    if (!c)
        return NULL;
    if (ts_scalar_to_f64(beta) == 0)
        ts_zero_(c);
    if (bmm_into(c, b1, b2, alpha, beta) < 0) {
        ts_release(c);
        return NULL;
    }
    return c;
}

TsTensor *ts_addbmm(TsTensor *input, TsTensor *b1, TsTensor *b2, TsScalar beta,
                    TsScalar alpha)
{
    TsTensor *p = ts_bmm(b1, b2);
    if (!p)
        return NULL;
    int64_t d0 = 0;
    TsTensor *s = ts_sum(p, 1, &d0, false, TS_UNDEF);
    ts_release(p);
    if (!s)
        return NULL;
    TsTensor *bc = ts_binary(TS_OP_MUL, ts_arg(input), ts_arg_s(beta), NULL);
    if (bc && ts_scalar_to_f64(beta) == 0)
        ts_zero_(bc);
    TsTensor *r = bc ? ts_add(ts_arg(bc), ts_arg(s), alpha, NULL) : NULL;
    ts_release(bc);
    ts_release(s);
    return r;
}

/* ================================================================== */
/* matmul                                                               */
/* ================================================================== */

/* PyTorch 1.13's should_fold: a batched side can be flattened into one
 * mm when the other side is 1-D or 2-D (except a permuted 3-D layout). */
static bool should_fold(const TsTensor *t1, int dim2)
{
    if (!(t1->ndim >= 3 && (dim2 == 1 || dim2 == 2)))
        return false;
    if (t1->ndim == 3 && dim2 == 2 && t1->strides[2] != 1 &&
        t1->strides[0] == t1->sizes[1] * t1->sizes[2])
        return false;
    return true;
}

/* t1 (>= 3-D) @ t2 (1-D or 2-D) as one mm on t1 reshaped to 2-D. */
static TsTensor *matmul_fold(TsTensor *t1, TsTensor *t2)
{
    int64_t k = t1->sizes[t1->ndim - 1], rows = ts_numel(t1) / (k ? k : 1);
    if (k == 0) {
        rows = 1;
        for (int d = 0; d < t1->ndim - 1; d++)
            rows *= t1->sizes[d];
    }
    int64_t s2[2] = {rows, k}, one[2] = {t2->sizes[0], 1};
    TsTensor *a = ts_reshape(t1, 2, s2);
    TsTensor *b = t2->ndim == 1 ? ts_view(t2, 2, one) : (ts_retain(t2), t2);
    TsTensor *p = a && b ? ts_mm(a, b) : NULL, *r = NULL;
    if (p) {
        int64_t shape[TS_MAX_DIMS];
        int n = 0;
        for (int d = 0; d < t1->ndim - 1; d++)
            shape[n++] = t1->sizes[d];
        if (t2->ndim == 2)
            shape[n++] = t2->sizes[1];
        r = ts_view(p, n, shape);
    }
    ts_release(a);
    ts_release(b);
    ts_release(p);
    return r;
}

/* The broadcast-bmm path: batch dims broadcast, each side reshaped to
 * (B, n, m) / (B, m, p). */
static TsTensor *matmul_batched(TsTensor *t1, TsTensor *t2)
{
    int d1 = t1->ndim, d2 = t2->ndim;
    int64_t n = d1 > 1 ? t1->sizes[d1 - 2] : 1, m1 = t1->sizes[d1 - 1];
    int64_t m2 = d2 > 1 ? t2->sizes[d2 - 2] : t2->sizes[0], p = d2 > 1 ? t2->sizes[d2 - 1] : 1;
    int nb1 = d1 > 2 ? d1 - 2 : 0, nb2 = d2 > 2 ? d2 - 2 : 0, nb;
    int nds[2] = {nb1, nb2};
    const int64_t *shapes[2] = {t1->sizes, t2->sizes};
    int64_t bshape[TS_MAX_DIMS + 2];
    if (ts_broadcast_shapes(2, nds, shapes, &nb, bshape) < 0)
        return NULL;
    int64_t B = 1;
    for (int d = 0; d < nb; d++)
        B *= bshape[d];
    int64_t e1[TS_MAX_DIMS + 2], e2[TS_MAX_DIMS + 2];
    memcpy(e1, bshape, (size_t)nb * 8);
    memcpy(e2, bshape, (size_t)nb * 8);
    e1[nb] = n, e1[nb + 1] = m1;
    e2[nb] = m2, e2[nb + 1] = p;
    int64_t f1[3] = {B, n, m1}, f2[3] = {B, m2, p};
    TsTensor *a = NULL, *b = NULL, *ea = NULL, *eb = NULL, *ra = NULL, *rb = NULL, *r = NULL;
    int64_t u1[2] = {1, m1}, u2[2] = {m2, 1};
    a = d1 == 1 ? ts_view(t1, 2, u1) : (ts_retain(t1), t1);
    b = d2 == 1 ? ts_view(t2, 2, u2) : (ts_retain(t2), t2);
    if (a && b && (ea = ts_expand(a, nb + 2, e1)) && (eb = ts_expand(b, nb + 2, e2)) &&
        (ra = ts_reshape(ea, 3, f1)) && (rb = ts_reshape(eb, 3, f2))) {
        TsTensor *pr = ts_bmm(ra, rb);
        if (pr) {
            int64_t out[TS_MAX_DIMS + 2];
            int k = nb;
            memcpy(out, bshape, (size_t)nb * 8);
            if (d1 > 1)
                out[k++] = n;
            if (d2 > 1)
                out[k++] = p;
            r = ts_view(pr, k, out);
            ts_release(pr);
        }
    }
    ts_release(a);
    ts_release(b);
    ts_release(ea);
    ts_release(eb);
    ts_release(ra);
    ts_release(rb);
    return r;
}

TsTensor *ts_matmul(TsTensor *a, TsTensor *b)
{
    int d1 = a->ndim, d2 = b->ndim;
    if (d1 == 0 || d2 == 0) {
        ts_error(TS_ERR_RUNTIME, "both arguments to matmul need to be at least 1D, but they are "
                                 "%dD and %dD",
                 d1, d2);
        return NULL;
    }
    if (d1 == 1 && d2 == 1)
        return ts_dot(a, b);
    if (d1 == 2 && d2 == 1)
        return ts_mv(a, b);
    if (d1 == 1 && d2 == 2) {
        int64_t s[2] = {1, a->sizes[0]};
        TsTensor *u = ts_view(a, 2, s), *p = u ? ts_mm(u, b) : NULL, *r = NULL;
        if (p)
            r = ts_view(p, 1, &p->sizes[1]);
        ts_release(u);
        ts_release(p);
        return r;
    }
    if (d1 == 2 && d2 == 2)
        return ts_mm(a, b);
    if (should_fold(a, d2))
        return matmul_fold(a, b);
    if (should_fold(b, d1)) {
        /* (b^T @ a^T)^T, folding b */
        TsTensor *bt = ts_transpose(b, -1, -2);
        TsTensor *at = d1 == 2 ? ts_t(a) : (ts_retain(a), a);
        TsTensor *p = bt && at ? matmul_fold(bt, at) : NULL, *r = NULL;
        if (p)
            r = d1 == 2 ? ts_transpose(p, -1, -2) : (ts_retain(p), p);
        ts_release(bt);
        ts_release(at);
        ts_release(p);
        return r;
    }
    return matmul_batched(a, b);
}

/* ================================================================== */
/* trace / cross                                                        */
/* ================================================================== */

TsTensor *ts_trace(TsTensor *t)
{
    if (t->ndim != 2) {
        ts_error(TS_ERR_RUNTIME, "trace: expected a matrix, but got tensor with dim %d", t->ndim);
        return NULL;
    }
    TsTensor *d = ts_diagonal(t, 0, 0, 1);
    TsTensor *r = d ? ts_sum(d, 0, NULL, false, TS_UNDEF) : NULL;
    ts_release(d);
    return r;
}

TsTensor *ts_cross(TsTensor *a, TsTensor *b, const int64_t *dim)
{
    int d = -1;
    if (dim) {
        if (ts_wrap_dim(*dim, a->ndim, &d) < 0)
            return NULL;
    } else {
        for (int k = 0; k < a->ndim && d < 0; k++)
            if (a->sizes[k] == 3)
                d = k;
        if (d < 0) {
            ts_error(TS_ERR_RUNTIME, "no dimension of size 3 in input");
            return NULL;
        }
    }
    if (a->sizes[d] != 3 || b->ndim <= d || b->sizes[d] != 3) {
        ts_error(TS_ERR_RUNTIME, "linalg.cross: inputs dimension %lld must have length 3. Got "
                                 "%lld and %lld",
                 (long long)(dim ? *dim : d), (long long)a->sizes[d],
                 (long long)(b->ndim > d ? b->sizes[d] : 0));
        return NULL;
    }
    /* c_i = a_{i+1} b_{i+2} - a_{i+2} b_{i+1}, composed from views */
    TsTensor *parts[3] = {NULL, NULL, NULL}, *r = NULL;
    bool ok = true;
    for (int i = 0; i < 3 && ok; i++) {
        TsTensor *a1 = ts_narrow(a, d, (i + 1) % 3, 1), *a2 = ts_narrow(a, d, (i + 2) % 3, 1);
        TsTensor *b1 = ts_narrow(b, d, (i + 1) % 3, 1), *b2 = ts_narrow(b, d, (i + 2) % 3, 1);
        TsTensor *x = a1 && b2 ? ts_binary(TS_OP_MUL, ts_arg(a1), ts_arg(b2), NULL) : NULL;
        TsTensor *y = a2 && b1 ? ts_binary(TS_OP_MUL, ts_arg(a2), ts_arg(b1), NULL) : NULL;
        parts[i] = x && y ? ts_binary(TS_OP_SUB, ts_arg(x), ts_arg(y), NULL) : NULL;
        ok = parts[i] != NULL;
        ts_release(a1);
        ts_release(a2);
        ts_release(b1);
        ts_release(b2);
        ts_release(x);
        ts_release(y);
    }
    if (ok)
        r = ts_cat(3, parts, d);
    for (int i = 0; i < 3; i++)
        ts_release(parts[i]);
    return r;
}

/* ================================================================== */
/* LAPACK-based: inverse, det, slogdet, solve, svd, cholesky, qr       */
/* ================================================================== */

/* Checks a (batch of) square float matrices for `name`. */
static int check_square_float(const TsTensor *t, const char *name)
{
    if (t->ndim < 2)
        return ts_error(TS_ERR_RUNTIME, "%s: The input tensor A must have at least 2 dimensions.",
                        name);
    if (!ts_dtype_is_float(t->dtype) || t->dtype == TS_FLOAT16 || t->dtype == TS_BFLOAT16)
        return ts_error(TS_ERR_RUNTIME, "%s: Expected a floating point or complex tensor as "
                                        "input. Got %s",
                        name, ts_dtype_short(t->dtype));
    if (t->sizes[t->ndim - 1] != t->sizes[t->ndim - 2])
        return ts_error(TS_ERR_RUNTIME, "%s: A must be batches of square matrices, but they are "
                                        "%lld by %lld matrices",
                        name, (long long)t->sizes[t->ndim - 2], (long long)t->sizes[t->ndim - 1]);
    return ops_need_cpu(t, name);
}

static int64_t batch_count(const TsTensor *t, int mat_dims)
{
    int64_t b = 1;
    for (int d = 0; d < t->ndim - mat_dims; d++)
        b *= t->sizes[d];
    return b;
}

/* Element offset of matrix number `bi` of a batch. */
static int64_t batch_offset(const TsTensor *t, int64_t bi, int mat_dims)
{
    int64_t off = t->offset;
    for (int d = t->ndim - mat_dims - 1; d >= 0; d--) {
        off += (bi % t->sizes[d]) * t->strides[d];
        bi /= t->sizes[d];
    }
    return off;
}

/* Matrix bi of t (rows x cols) into a column-major double buffer. */
static void load_colmajor(const TsTensor *t, int64_t bi, double *dst, int64_t rows,
                          int64_t cols)
{
    int64_t off = batch_offset(t, bi, 2), rs = t->strides[t->ndim - 2],
            cs = t->strides[t->ndim - 1];
    for (int64_t j = 0; j < cols; j++)
        for (int64_t i = 0; i < rows; i++)
            dst[j * rows + i] = ts_load_f64(ops_at(t, off + i * rs + j * cs), t->dtype);
}

/* Column-major buffer into matrix bi of a contiguous result. */
static void store_colmajor(TsTensor *t, int64_t bi, const double *src, int64_t rows,
                           int64_t cols)
{
    size_t es = ts_dtype_size(t->dtype);
    char *base = (char *)ts_data(t) + bi * rows * cols * (int64_t)es;
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < cols; j++)
            ts_store_f64(base + (i * cols + j) * (int64_t)es, t->dtype, src[j * rows + i]);
}

static const char *batch_prefix(char *buf, size_t n, const TsTensor *t, int64_t bi)
{
    if (t->ndim > 2)
        snprintf(buf, n, "(Batch element %lld): ", (long long)bi);
    else
        buf[0] = 0;
    return buf;
}

/* Matrix bi of t into a row-major double buffer, which LAPACK reads as
 * the column-major transpose. */
static void load_rowmajor(const TsTensor *t, int64_t bi, double *dst, int64_t rows,
                          int64_t cols)
{
    int64_t off = batch_offset(t, bi, 2), rs = t->strides[t->ndim - 2],
            cs = t->strides[t->ndim - 1];
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < cols; j++)
            dst[i * cols + j] = ts_load_f64(ops_at(t, off + i * rs + j * cs), t->dtype);
}

/* One A X = B of a batch, the way PyTorch's linalg.solve does it: LU
 * (getrf) then getrs; a contiguous A is factored as A^T (no transposing
 * copy) and solved with trans = 'T', as PyTorch does, so the rounding is
 * the same.  b holds B column-major on entry, X on return; *info is
 * getrf's. */
static void lu_solve_one(const TsBlas *blas, const TsTensor *A, int64_t bi, bool use_t,
                         double *a, lp_int *piv, double *b, lp_int n, lp_int k, lp_int *info)
{
    lp_int lda = n > 0 ? n : 1, info2 = 0;
    if (use_t)
        load_rowmajor(A, bi, a, n, n);
    else
        load_colmajor(A, bi, a, n, n);
    *info = 0;
    if (n == 0)
        return;
    blas->dgetrf(&n, &n, a, &lda, piv, info);
    if (*info > 0)
        return;
    blas->dgetrs(use_t ? "T" : "N", &n, &k, a, &lda, piv, b, &lda, &info2, 1);
}

/* inverse = solve(A, I).  Computation is done in double for both float
 * dtypes; results are rounded back to the tensor's dtype. */
TsTensor *ts_inverse(TsTensor *t)
{
    OPS_VIA_HOST(t, ts_inverse(h));
    const TsBlas *blas;
    if (check_square_float(t, "linalg.inv") < 0 || !(blas = ts_blas()))
        return NULL;
    lp_int n = (lp_int)t->sizes[t->ndim - 1];
    TsTensor *out = ts_empty(t->ndim, t->sizes, t->dtype, t->device);
    double *a = xmalloc((size_t)n * (size_t)n * 8 + 8), *b = xmalloc((size_t)n * (size_t)n * 8 + 8);
    lp_int *piv = xmalloc((size_t)n * sizeof(lp_int) + 8);
    int rc = out && a && b && piv ? 0 : -1;
    bool use_t = ts_is_contiguous(t);
    for (int64_t bi = 0; rc == 0 && bi < batch_count(t, 2) && n > 0; bi++) {
        lp_int info = 0;
        memset(b, 0, (size_t)n * (size_t)n * 8);
        for (lp_int i = 0; i < n; i++)
            b[(int64_t)i * n + i] = 1;
        lu_solve_one(blas, t, bi, use_t, a, piv, b, n, n, &info);
        if (info > 0) {
            char pre[64];
            rc = ts_error(TS_ERR_RUNTIME, "linalg.inv: %sThe diagonal element %d is zero, the "
                                          "inversion could not be completed because the input "
                                          "matrix is singular.",
                          batch_prefix(pre, sizeof pre, t, bi), info);
            break;
        }
        store_colmajor(out, bi, b, n, n);
    }
    free(a);
    free(b);
    free(piv);
    if (rc < 0) {
        ts_release(out);
        return NULL;
    }
    return out;
}

/* LU of each matrix: sign and log|det| (or the plain det). */
static void lu_det(const TsBlas *blas, const TsTensor *t, int64_t bi, double *a, lp_int *piv,
                   double *sign, double *logabs)
{
    lp_int n = (lp_int)t->sizes[t->ndim - 1], info = 0, lda = n > 0 ? n : 1;
    load_colmajor(t, bi, a, n, n);
    if (n > 0)
        blas->dgetrf(&n, &n, a, &lda, piv, &info);
    double s = 1, la = 0;
    for (lp_int i = 0; i < n; i++) {
        double u = a[(int64_t)i * n + i];
        if (piv[i] != i + 1)
            s = -s;
        if (u < 0)
            s = -s;
        la += log(fabs(u));
    }
    *sign = la == -INFINITY ? 0 : s;
    *logabs = la;
}

/* det in the matrix's sign convention: product of U's diagonal times the
 * permutation's parity. */
TsTensor *ts_det(TsTensor *t)
{
    OPS_VIA_HOST(t, ts_det(h));
    const TsBlas *blas;
    if (check_square_float(t, "linalg.det") < 0 || !(blas = ts_blas()))
        return NULL;
    int64_t n = t->sizes[t->ndim - 1];
    TsTensor *out = ts_empty(t->ndim - 2, t->sizes, t->dtype, t->device);
    double *a = xmalloc((size_t)(n * n) * 8 + 8);
    lp_int *piv = xmalloc((size_t)n * sizeof(lp_int) + 8);
    if (!out || !a || !piv) {
        ts_release(out);
        free(a);
        free(piv);
        return NULL;
    }
    size_t es = ts_dtype_size(t->dtype);
    for (int64_t bi = 0; bi < batch_count(t, 2); bi++) {
        double sign, la;
        lu_det(blas, t, bi, a, piv, &sign, &la);
        double parity = 1, prod = 1;
        for (int64_t i = 0; i < n; i++) {
            prod *= a[i * n + i];
            if (piv[i] != i + 1)
                parity = -parity;
        }
        ts_store_f64((char *)ts_data(out) + bi * (int64_t)es, t->dtype, n ? parity * prod : 1);
    }
    free(a);
    free(piv);
    return out;
}

int ts_slogdet(TsTensor *t, TsTensor **sign, TsTensor **logabsdet)
{
    const TsBlas *blas;
    if (check_square_float(t, "linalg.slogdet") < 0 || !(blas = ts_blas()))
        return -1;
    int64_t n = t->sizes[t->ndim - 1];
    TsTensor *s = ts_empty(t->ndim - 2, t->sizes, t->dtype, t->device);
    TsTensor *l = ts_empty(t->ndim - 2, t->sizes, t->dtype, t->device);
    double *a = xmalloc((size_t)(n * n) * 8 + 8);
    lp_int *piv = xmalloc((size_t)n * sizeof(lp_int) + 8);
    if (!s || !l || !a || !piv) {
        ts_release(s);
        ts_release(l);
        free(a);
        free(piv);
        return -1;
    }
    size_t es = ts_dtype_size(t->dtype);
    for (int64_t bi = 0; bi < batch_count(t, 2); bi++) {
        double sg, la;
        lu_det(blas, t, bi, a, piv, &sg, &la);
        ts_store_f64((char *)ts_data(s) + bi * (int64_t)es, t->dtype, sg);
        ts_store_f64((char *)ts_data(l) + bi * (int64_t)es, t->dtype, la);
    }
    free(a);
    free(piv);
    *sign = s;
    *logabsdet = l;
    return 0;
}

/* linalg.solve(A, B): B is a vector (n) or matrix (n, k), batches of A
 * and B taken pairwise (B's batch must match A's). */
TsTensor *ts_solve(TsTensor *A, TsTensor *B)
{
    OPS_VIA_HOST2(A, B, ts_solve(h, h2));
    const TsBlas *blas;
    if (check_square_float(A, "linalg.solve") < 0 || !(blas = ts_blas()))
        return NULL;
    lp_int n = (lp_int)A->sizes[A->ndim - 1];
    bool vec = B->ndim == A->ndim - 1;
    int64_t brows = vec ? B->sizes[B->ndim - 1] : (B->ndim >= 2 ? B->sizes[B->ndim - 2] : -1);
    lp_int k = vec ? 1 : (lp_int)(B->ndim >= 2 ? B->sizes[B->ndim - 1] : 1);
    if (brows != n) {
        ts_error(TS_ERR_RUNTIME, "linalg.solve: Incompatible shapes of A and B for the equation "
                                 "AX = B (%dx%d and %lldx%d)",
                 n, n, (long long)(vec || B->ndim < 2 ? B->sizes[B->ndim - 1] : brows),
                 (int)k);
        return NULL;
    }
    TsDType dt = ts_promote_types(A->dtype, B->dtype);
    TsTensor *out = ts_empty(B->ndim, B->sizes, dt, A->device);
    double *a = xmalloc((size_t)n * (size_t)n * 8 + 8), *b = xmalloc((size_t)n * (size_t)k * 8 + 8);
    lp_int *piv = xmalloc((size_t)n * sizeof(lp_int) + 8);
    int rc = out && a && b && piv ? 0 : -1;
    bool use_t = ts_is_contiguous(A);
    for (int64_t bi = 0; rc == 0 && bi < batch_count(A, 2); bi++) {
        lp_int info = 0;
        if (vec) {
            int64_t off = B->ndim > 1 ? batch_offset(B, bi, 1) : B->offset;
            for (lp_int i = 0; i < n; i++)
                b[i] = ts_load_f64(ops_at(B, off + i * B->strides[B->ndim - 1]), B->dtype);
        } else {
            load_colmajor(B, bi, b, n, k);
        }
        lu_solve_one(blas, A, bi, use_t, a, piv, b, n, k, &info);
        if (info > 0) {
            rc = ts_error(TS_ERR_RUNTIME, "torch.linalg.solve: The solver failed because the "
                                          "input matrix is singular.");
            break;
        }
        if (vec) {
            size_t es = ts_dtype_size(dt);
            for (lp_int i = 0; i < n; i++)
                ts_store_f64((char *)ts_data(out) + (bi * n + i) * (int64_t)es, dt, b[i]);
        } else {
            store_colmajor(out, bi, b, n, k);
        }
    }
    free(a);
    free(b);
    free(piv);
    if (rc < 0) {
        ts_release(out);
        return NULL;
    }
    return out;
}

/* SVD with LAPACK's gesdd (PyTorch's default driver), computed in double
 * and rounded to the tensor's dtype. */
int ts_svd(TsTensor *t, bool full_matrices, TsTensor **U, TsTensor **S, TsTensor **Vh)
{
    if (t->ndim < 2)
        return ts_error(TS_ERR_RUNTIME, "linalg.svd: The input tensor A must have at least 2 "
                                        "dimensions.");
    if (!ts_dtype_is_float(t->dtype) || t->dtype == TS_FLOAT16 || t->dtype == TS_BFLOAT16)
        return ts_error(TS_ERR_RUNTIME, "linalg.svd: Expected a floating point or complex tensor "
                                        "as input. Got %s",
                        ts_dtype_short(t->dtype));
    const TsBlas *blas;
    if (ops_need_cpu(t, "linalg.svd") < 0 || !(blas = ts_blas()))
        return -1;
    lp_int m = (lp_int)t->sizes[t->ndim - 2], n = (lp_int)t->sizes[t->ndim - 1];
    lp_int mn = m < n ? m : n, ucols = full_matrices ? m : mn, vrows = full_matrices ? n : mn;
    int64_t shp[TS_MAX_DIMS];
    int nb = t->ndim - 2;
    memcpy(shp, t->sizes, (size_t)nb * 8);
    shp[nb] = m, shp[nb + 1] = ucols;
    TsTensor *u = ts_empty(nb + 2, shp, t->dtype, t->device);
    shp[nb] = mn;
    TsTensor *s = ts_empty(nb + 1, shp, t->dtype, t->device);
    shp[nb] = vrows, shp[nb + 1] = n;
    TsTensor *vh = ts_empty(nb + 2, shp, t->dtype, t->device);
    double *a = xmalloc((size_t)m * n * 8 + 8), *sv = xmalloc((size_t)mn * 8 + 8);
    double *ub = xmalloc((size_t)m * ucols * 8 + 8), *vb = xmalloc((size_t)vrows * n * 8 + 8);
    lp_int *iw = xmalloc((size_t)8 * (mn + 1) * sizeof(lp_int));
    int rc = u && s && vh && a && sv && ub && vb && iw ? 0 : -1;
    const char *jobz = full_matrices ? "A" : "S";
    for (int64_t bi = 0; rc == 0 && bi < batch_count(t, 2) && mn > 0; bi++) {
        lp_int info = 0, lda = m, ldu = m, ldvt = vrows, lwork = -1;
        double wq;
        load_colmajor(t, bi, a, m, n);
        blas->dgesdd(jobz, &m, &n, a, &lda, sv, ub, &ldu, vb, &ldvt, &wq, &lwork, iw, &info, 1);
        lwork = (lp_int)wq;
        double *work = xmalloc((size_t)lwork * 8 + 8);
        if (!work) {
            rc = -1;
            break;
        }
        blas->dgesdd(jobz, &m, &n, a, &lda, sv, ub, &ldu, vb, &ldvt, work, &lwork, iw, &info, 1);
        free(work);
        if (info > 0) {
            rc = ts_error(TS_ERR_RUNTIME, "linalg.svd: The algorithm failed to converge because "
                                          "the input matrix is ill-conditioned or has too many "
                                          "repeated singular values (error code: %d).",
                          info - 1);
            break;
        }
        store_colmajor(u, bi, ub, m, ucols);
        store_colmajor(vh, bi, vb, vrows, n);
        size_t es = ts_dtype_size(t->dtype);
        for (lp_int i = 0; i < mn; i++)
            ts_store_f64((char *)ts_data(s) + (bi * mn + i) * (int64_t)es, t->dtype, sv[i]);
    }
    free(a);
    free(sv);
    free(ub);
    free(vb);
    free(iw);
    if (rc < 0) {
        ts_release(u);
        ts_release(s);
        ts_release(vh);
        return -1;
    }
    *U = u;
    *S = s;
    *Vh = vh;
    return 0;
}

TsTensor *ts_cholesky(TsTensor *t, bool upper)
{
    const TsBlas *blas;
    if (check_square_float(t, "linalg.cholesky") < 0 || !(blas = ts_blas()))
        return NULL;
    lp_int n = (lp_int)t->sizes[t->ndim - 1];
    TsTensor *out = ts_empty(t->ndim, t->sizes, t->dtype, t->device);
    double *a = xmalloc((size_t)n * n * 8 + 8);
    int rc = out && a ? 0 : -1;
    for (int64_t bi = 0; rc == 0 && bi < batch_count(t, 2) && n > 0; bi++) {
        lp_int info = 0, lda = n;
        load_colmajor(t, bi, a, n, n);
        blas->dpotrf("L", &n, a, &lda, &info, 1);
        if (info > 0) {
            rc = ts_error(TS_ERR_RUNTIME, "linalg.cholesky: The factorization could not be "
                                          "completed because the input is not positive-definite "
                                          "(the leading minor of order %d is not "
                                          "positive-definite).",
                          info);
            break;
        }
        for (lp_int j = 0; j < n; j++) /* zero the strict upper part */
            for (lp_int i = 0; i < j; i++)
                a[(int64_t)j * n + i] = 0;
        if (upper) /* U = L^T: transpose in place */
            for (lp_int j = 0; j < n; j++)
                for (lp_int i = j + 1; i < n; i++) {
                    double x = a[(int64_t)j * n + i];
                    a[(int64_t)j * n + i] = a[(int64_t)i * n + j];
                    a[(int64_t)i * n + j] = x;
                }
        store_colmajor(out, bi, a, n, n);
    }
    free(a);
    if (rc < 0) {
        ts_release(out);
        return NULL;
    }
    return out;
}

/* Householder QR (geqrf + orgqr); reduced: Q is m x k, R is k x n. */
int ts_qr(TsTensor *t, bool reduced, TsTensor **Q, TsTensor **R)
{
    if (t->ndim < 2)
        return ts_error(TS_ERR_RUNTIME, "linalg.qr: The input tensor A must have at least 2 "
                                        "dimensions.");
    if (!ts_dtype_is_float(t->dtype))
        return ts_error(TS_ERR_RUNTIME, "linalg.qr: Expected a floating point or complex tensor "
                                        "as input. Got %s",
                        ts_dtype_short(t->dtype));
    const TsBlas *blas = ts_blas();
    if (!blas)
        return -1;
    lp_int m = (lp_int)t->sizes[t->ndim - 2], n = (lp_int)t->sizes[t->ndim - 1];
    lp_int k = m < n ? m : n, qc = reduced ? k : m, rr = reduced ? k : m;
    int nb = t->ndim - 2;
    int64_t shp[TS_MAX_DIMS];
    memcpy(shp, t->sizes, (size_t)nb * 8);
    shp[nb] = m, shp[nb + 1] = qc;
    TsTensor *q = ts_empty(nb + 2, shp, t->dtype, t->device);
    shp[nb] = rr, shp[nb + 1] = n;
    TsTensor *r = ts_empty(nb + 2, shp, t->dtype, t->device);
    lp_int qcols = qc > n ? qc : n;
    double *a = xmalloc((size_t)m * qcols * 8 + 8), *tau = xmalloc((size_t)k * 8 + 8);
    double *rb = xmalloc((size_t)rr * n * 8 + 8);
    lp_int lwork = 64 * (qcols + 1);
    double *work = xmalloc((size_t)lwork * 8);
    int rc = q && r && a && tau && rb && work ? 0 : -1;
    for (int64_t bi = 0; rc == 0 && bi < batch_count(t, 2); bi++) {
        lp_int info = 0, lda = m > 0 ? m : 1;
        memset(a, 0, (size_t)m * qcols * 8);
        load_colmajor(t, bi, a, m, n);
        if (m > 0 && n > 0)
            blas->dgeqrf(&m, &n, a, &lda, tau, work, &lwork, &info);
        for (lp_int j = 0; j < n; j++)
            for (lp_int i = 0; i < rr; i++)
                rb[(int64_t)j * rr + i] = i <= j && i < m ? a[(int64_t)j * m + i] : 0;
        store_colmajor(r, bi, rb, rr, n);
        if (m > 0 && qc > 0)
            blas->dorgqr(&m, &qc, &k, a, &lda, tau, work, &lwork, &info);
        store_colmajor(q, bi, a, m, qc);
    }
    free(a);
    free(tau);
    free(rb);
    free(work);
    if (rc < 0) {
        ts_release(q);
        ts_release(r);
        return -1;
    }
    *Q = q;
    *R = r;
    return 0;
}

/* pinv = V diag(1/s) U^T over singular values above rtol * max(s). */
TsTensor *ts_pinv(TsTensor *t)
{
    TsTensor *u, *s, *vh;
    if (ts_svd(t, false, &u, &s, &vh) < 0)
        return NULL;
    int64_t m = t->sizes[t->ndim - 2], n = t->sizes[t->ndim - 1], k = m < n ? m : n;
    int64_t shape[TS_MAX_DIMS];
    int nb = t->ndim - 2;
    memcpy(shape, t->sizes, (size_t)nb * 8);
    shape[nb] = n, shape[nb + 1] = m;
    TsTensor *out = ts_zeros(nb + 2, shape, t->dtype, t->device);
    double eps = t->dtype == TS_FLOAT32 ? 1.1920928955078125e-07 : 2.220446049250313e-16;
    size_t es = ts_dtype_size(t->dtype);
    for (int64_t bi = 0; out && bi < batch_count(t, 2); bi++) {
        const char *sp = (const char *)ts_data(s) + bi * k * (int64_t)es;
        double smax = k ? ts_load_f64(sp, t->dtype) : 0, tol = smax * eps * (double)(m > n ? m : n);
        char *o = (char *)ts_data(out) + bi * n * m * (int64_t)es;
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j < m; j++) {
                double acc = 0;
                for (int64_t l = 0; l < k; l++) {
                    double sl = ts_load_f64(sp + l * (int64_t)es, t->dtype);
                    if (sl <= tol)
                        continue;
                    double v = ts_load_f64((const char *)ts_data(vh) +
                                               ((bi * k + l) * n + i) * (int64_t)es,
                                           t->dtype);
                    double uu = ts_load_f64((const char *)ts_data(u) +
                                                ((bi * m + j) * k + l) * (int64_t)es,
                                            t->dtype);
                    acc += v * uu / sl;
                }
                ts_store_f64(o + (i * m + j) * (int64_t)es, t->dtype, acc);
            }
    }
    ts_release(u);
    ts_release(s);
    ts_release(vh);
    return out;
}

/* Number of singular values above max(s) * eps * max(m, n). */
TsTensor *ts_matrix_rank(TsTensor *t)
{
    TsTensor *u, *s, *vh;
    if (ts_svd(t, false, &u, &s, &vh) < 0)
        return NULL;
    int64_t m = t->sizes[t->ndim - 2], n = t->sizes[t->ndim - 1], k = m < n ? m : n;
    TsTensor *out = ts_empty(t->ndim - 2, t->sizes, TS_INT64, t->device);
    double eps = t->dtype == TS_FLOAT32 ? 1.1920928955078125e-07 : 2.220446049250313e-16;
    size_t es = ts_dtype_size(t->dtype);
    for (int64_t bi = 0; out && bi < batch_count(t, 2); bi++) {
        const char *sp = (const char *)ts_data(s) + bi * k * (int64_t)es;
        double smax = k ? ts_load_f64(sp, t->dtype) : 0, tol = smax * eps * (double)(m > n ? m : n);
        int64_t r = 0;
        for (int64_t l = 0; l < k; l++)
            r += ts_load_f64(sp + l * (int64_t)es, t->dtype) > tol;
        ((int64_t *)ts_data(out))[bi] = r;
    }
    ts_release(u);
    ts_release(s);
    ts_release(vh);
    return out;
}
