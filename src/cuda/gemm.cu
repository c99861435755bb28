/* gemm.cu — mm / bmm / addmm on the GPU with cuBLAS (float32, float64).
 *
 * cuBLAS is column-major; our tensors are row-major.  A row-major (R, C)
 * matrix with row stride ld is, read column-major, its transpose (C, R)
 * with leading dimension ld.  So instead of C = A B we ask cuBLAS for
 * C^T = B^T A^T, which it writes straight into our row-major C.  A
 * transposed view (strides (1, ld)) is handed over with op T instead of
 * being copied; any other layout is made contiguous first.
 *
 * Like PyTorch's default (torch.backends.cuda.matmul.allow_tf32 = False),
 * float32 products use full float32 math, not TF32.
 */
#include "cuda/cuda_internal.h"

#include <cublas_v2.h>
#include <limits.h>

static cublasHandle_t handles[TS_MAX_DEVICES];

static int blas_ok(cublasStatus_t st, const char *call)
{
    if (st == CUBLAS_STATUS_SUCCESS)
        return 0;
    return ts_error(TS_ERR_RUNTIME, "CUDA error: %s when calling `%s`", cublasGetStatusName(st),
                    call);
}

/* The handle of t's GPU, created on first use (it makes that GPU current). */
static cublasHandle_t handle_for(const TsTensor *t)
{
    int id = t->device;
    if (!handles[id]) {
        cublasHandle_t h;
        if (blas_ok(cublasCreate(&h), "cublasCreate(handle)") < 0)
            return NULL;
        (void)cublasSetMathMode(h, CUBLAS_DEFAULT_MATH);
        handles[id] = h;
    }
    return handles[id];
}

/* One operand as cuBLAS sees it. */
typedef struct {
    TsTensor *t;          /* the tensor used (maybe a contiguous copy) */
    TsTensor *owned;      /* the copy to release, or NULL */
    cublasOperation_t op; /* CUBLAS_OP_N: row-major; CUBLAS_OP_T: transposed view */
    int64_t ld, batch_stride;
} Operand;

/* Reads the layout of the last two dims (r, c) of t; false when neither
 * row- nor column-major with a legal leading dimension. */
static bool matrix_layout(const TsTensor *t, Operand *o)
{
    int n = t->ndim;
    int64_t R = t->sizes[n - 2], C = t->sizes[n - 1];
    int64_t s0 = t->strides[n - 2], s1 = t->strides[n - 1];
    if (C == 1)
        s1 = 1; /* a single column has no meaningful column stride */
    if (R == 1)
        s0 = C > 1 ? C : 1;
    o->batch_stride = n == 3 ? t->strides[0] : 0;
    if (s1 == 1 && s0 >= (C > 1 ? C : 1)) {
        o->op = CUBLAS_OP_N;
        o->ld = s0;
        return o->ld <= INT_MAX;
    }
    if (s0 == 1 && s1 >= (R > 1 ? R : 1)) {
        o->op = CUBLAS_OP_T;
        o->ld = s1;
        return o->ld <= INT_MAX;
    }
    return false;
}

static int operand_of(TsTensor *t, Operand *o)
{
    o->t = t;
    o->owned = NULL;
    if (matrix_layout(t, o))
        return 0;
    if (!(o->owned = o->t = ts_contiguous(t)))
        return -1;
    if (!matrix_layout(o->t, o))
        return 1;
    return 0;
}

/* Shapes this hook takes: both 2-D or both 3-D with matching batch,
 * float32/float64 everywhere, one GPU, out already shaped, and an output
 * whose rows are contiguous (out is written in place). */
static bool gemm_applies(TsTensor *out, TsTensor *a, TsTensor *b)
{
    int n = out->ndim;
    if ((n != 2 && n != 3) || a->ndim != n || b->ndim != n)
        return false;
    if (out->dtype != a->dtype || b->dtype != a->dtype ||
        (a->dtype != TS_FLOAT32 && a->dtype != TS_FLOAT64))
        return false;
    if (!cu_on_gpu(out) || a->device != out->device || b->device != out->device)
        return false;
    int64_t M = a->sizes[n - 2], K = a->sizes[n - 1], N = b->sizes[n - 1];
    if (b->sizes[n - 2] != K || out->sizes[n - 2] != M || out->sizes[n - 1] != N)
        return false;
    if (n == 3 && (a->sizes[0] != out->sizes[0] || b->sizes[0] != out->sizes[0]))
        return false;
    if (M > INT_MAX || N > INT_MAX || K > INT_MAX || (n == 3 && out->sizes[0] > INT_MAX))
        return false;
    Operand o;
    return matrix_layout(out, &o) && o.op == CUBLAS_OP_N;
}

/* C^T (N x M) = op(B^T) (N x K) * op(A^T) (K x M), batched by stride. */
static int run_gemm(cublasHandle_t h, TsTensor *out, const Operand &A, const Operand &B,
                    double alpha, double beta)
{
    int n = out->ndim;
    int M = (int)out->sizes[n - 2], N = (int)out->sizes[n - 1];
    int K = (int)A.t->sizes[n - 1], batch = n == 3 ? (int)out->sizes[0] : 1;
    Operand C;
    matrix_layout(out, &C);
    if (out->dtype == TS_FLOAT32) {
        float al = (float)alpha, be = (float)beta;
        return blas_ok(cublasSgemmStridedBatched(
                           h, B.op, A.op, N, M, K, &al, cu_ptr<float>(B.t), (int)B.ld,
                           B.batch_stride, cu_ptr<float>(A.t), (int)A.ld, A.batch_stride, &be,
                           cu_ptr<float>(out), (int)C.ld, C.batch_stride, batch),
                       "cublasSgemmStridedBatched");
    }
    return blas_ok(cublasDgemmStridedBatched(h, B.op, A.op, N, M, K, &alpha, cu_ptr<double>(B.t),
                                             (int)B.ld, B.batch_stride, cu_ptr<double>(A.t),
                                             (int)A.ld, A.batch_stride, &beta,
                                             cu_ptr<double>(out), (int)C.ld, C.batch_stride,
                                             batch),
                   "cublasDgemmStridedBatched");
}

extern "C" int cuda_gemm(TsTensor *out, TsTensor *a, TsTensor *b, TsScalar alpha, TsScalar beta)
{
    if (!gemm_applies(out, a, b))
        return 1;
    double al = ts_scalar_to_f64(alpha), be = ts_scalar_to_f64(beta);
    int n = out->ndim;
    if (ts_numel(out) == 0)
        return 0;
    if (a->sizes[n - 1] == 0) /* empty inner dim: alpha * 0 + beta * out */
        return be == 0 ? cuda_fill(out, ts_scalar_i(0)) : 1;
    if (cu_use(out) < 0)
        return -1;
    cublasHandle_t h = handle_for(out);
    if (!h)
        return -1;
    Operand A, B;
    int rc = operand_of(a, &A);
    if (rc == 0)
        rc = operand_of(b, &B);
    else
        B.owned = NULL;
    if (rc == 0)
        rc = run_gemm(h, out, A, B, al, be);
    ts_release(A.owned);
    ts_release(B.owned);
    return rc; /* the caller bumps out's version if this was an in-place write */
}
