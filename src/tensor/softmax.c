/* softmax.c — softmax and log_softmax of contiguous CPU float32/float64
 * tensors, with the order of operations of PyTorch's CPU kernels, so that
 * results (and a classifier's loss.item()) agree to the last bit.
 *
 * PyTorch picks a kernel by the dim:
 *  - last dim: AVX2 lanes (8 floats / 4 doubles).  Lane j reduces elements
 *    j, j+W, j+2W, ... and the lanes are then folded: for a float sum as
 *    a tree (0-3 + 4-7, then 0-1 + 2-3, then 0 + 1), otherwise left to
 *    right; a row shorter than W is folded element by element.  softmax multiplies by
 *    1/sum; log_softmax computes (x - max) - log(sum).
 *  - softmax on another dim: eight inner positions at a time where eight
 *    remain in the row (vector exp, sum from 0 in the dtype, divide by
 *    it), otherwise one at a time with the C library's exp.
 *  - log_softmax on another dim: per position, the sum from 0 in the
 *    dtype, then (x - max) - log(sum).
 * Float exp in lanes is ts_expf_torch (vexp.h); float64 uses exp().  The
 * log is the C library's, which differs from PyTorch's vectorised log in
 * the last bit for a few inputs. */
#include "tensor/vexp.h"
#include "tensor/tensor.h"

#include <math.h>
#include <stdlib.h>

static inline float max_f(float a, float b) { return (a != a || b != b) ? NAN : a > b ? a : b; }
static inline double max_d(double a, double b) { return (a != a || b != b) ? NAN : a > b ? a : b; }

/* o[i] = exp(a[i]) as PyTorch's vector code computes it (o may be a) */
static void vexp_row_f32(float *o, const float *a, int64_t n) { ts_exp_f32_contig(o, a, n); }
static void vexp_row_f64(double *o, const double *a, int64_t n)
{
    for (int64_t i = 0; i < n; i++) o[i] = exp(a[i]);
}

/* One dtype's kernels: T the element type, W the lanes, S the suffix,
 * TREE whether the lanes of a sum fold as a tree, SEXP the C library's
 * exp and SLOG its log. */
#define SOFTMAX_KERNELS(T, W, S, TREE, MAXF, SEXP, SLOG)                                  \
    /* PyTorch's vec::reduce_all of max (MAX) or + over n elements */                    \
    static T reduce_##S(const T *x, int64_t n, bool max)                                 \
    {                                                                                    \
        if (n < W) {                                                                     \
            T acc = x[0];                                                                \
            for (int64_t i = 1; i < n; i++) acc = max ? MAXF(acc, x[i]) : acc + x[i];    \
            return acc;                                                                  \
        }                                                                                \
        T lane[W];                                                                       \
        for (int j = 0; j < W; j++) lane[j] = x[j];                                      \
        int64_t d = W;                                                                   \
        for (; d + W <= n; d += W)                                                       \
            for (int j = 0; j < W; j++)                                                  \
                lane[j] = max ? MAXF(lane[j], x[d + j]) : lane[j] + x[d + j];            \
        for (int j = 0; d + j < n; j++)                                                  \
            lane[j] = max ? MAXF(lane[j], x[d + j]) : lane[j] + x[d + j];                \
        if (TREE && !max) {                                                              \
            for (int h = W / 2; h >= 1; h /= 2)                                          \
                for (int j = 0; j < h; j++) lane[j] += lane[j + h];                      \
            return lane[0];                                                              \
        }                                                                                \
        T acc = lane[0];                                                                 \
        for (int j = 1; j < W; j++) acc = max ? MAXF(acc, lane[j]) : acc + lane[j];      \
        return acc;                                                                      \
    }                                                                                    \
    static void lastdim_##S(const T *x, T *o, int64_t outer, int64_t n, bool take_log)   \
    {                                                                                    \
        for (int64_t r = 0; r < outer; r++, x += n, o += n) {                            \
            T m = reduce_##S(x, n, true);                                                \
            for (int64_t i = 0; i < n; i++) o[i] = x[i] - m;                             \
            vexp_row_##S(o, o, n);                                                       \
            T sum = reduce_##S(o, n, false);                                             \
            if (take_log) {                                                              \
                T ls = SLOG(sum);                                                        \
                for (int64_t i = 0; i < n; i++) o[i] = x[i] - m - ls;                    \
            } else {                                                                     \
                T inv = (T)1 / sum;                                                      \
                for (int64_t i = 0; i < n; i++) o[i] *= inv;                             \
            }                                                                            \
        }                                                                                \
    }                                                                                    \
    /* Other dims, one outer block at a time, all inner positions side by */            \
    /* side (each position still sees PyTorch's sequence of operations). */              \
    /* Positions from nvec on take softmax's scalar form (C library exp); */             \
    /* m and sum are scratch rows of inner elements. */                                  \
    static void innerdim_##S(const T *x, T *o, int64_t outer, int64_t n, int64_t inner,  \
                             bool take_log, T *m, T *sum)                                \
    {                                                                                    \
        int64_t nvec = take_log ? inner : inner / W * W;                                 \
        for (int64_t r = 0; r < outer; r++, x += n * inner, o += n * inner) {            \
            for (int64_t p = 0; p < inner; p++) m[p] = x[p];                             \
            for (int64_t d = 1; d < n; d++)                                              \
                for (int64_t p = 0; p < inner; p++) m[p] = MAXF(m[p], x[d * inner + p]);   \
            for (int64_t p = 0; p < inner; p++) sum[p] = 0;                              \
            for (int64_t d = 0; d < n; d++) {                                            \
                const T *xd = x + d * inner;                                             \
                T *od = o + d * inner;                                                   \
                for (int64_t p = 0; p < inner; p++) od[p] = xd[p] - m[p];                \
                vexp_row_##S(od, od, nvec);                                              \
                for (int64_t p = nvec; p < inner; p++) od[p] = SEXP(od[p]);              \
                for (int64_t p = 0; p < inner; p++) sum[p] += od[p];                     \
            }                                                                            \
            if (take_log)                                                                \
                for (int64_t p = 0; p < inner; p++) sum[p] = SLOG(sum[p]);               \
            for (int64_t d = 0; d < n; d++) {                                            \
                const T *xd = x + d * inner;                                             \
                T *od = o + d * inner;                                                   \
                if (take_log)                                                            \
                    for (int64_t p = 0; p < inner; p++) od[p] = xd[p] - m[p] - sum[p];   \
                else                                                                     \
                    for (int64_t p = 0; p < inner; p++) od[p] = od[p] / sum[p];          \
            }                                                                            \
        }                                                                                \
    }

SOFTMAX_KERNELS(float, 8, f32, true, max_f, expf, logf)
SOFTMAX_KERNELS(double, 4, f64, false, max_d, exp, log)

TsTensor *ts_softmax_cpu(TsTensor *x, int dim, bool take_log)
{
    if (x->device != TS_CPU || (x->dtype != TS_FLOAT32 && x->dtype != TS_FLOAT64)) {
        ts_error(TS_ERR_RUNTIME, "ts_softmax_cpu: a CPU float32/float64 tensor expected");
        return NULL;
    }
    int64_t outer = 1, inner = 1, n = x->ndim ? x->sizes[dim] : 1;
    for (int i = 0; i < dim; i++) outer *= x->sizes[i];
    for (int i = dim + 1; i < x->ndim; i++) inner *= x->sizes[i];
    bool last = dim >= x->ndim - 1; /* trailing size-1 dims still take the other kernel */
    TsTensor *xc = ts_contiguous(x);
    TsTensor *out = xc ? ts_empty(x->ndim, x->sizes, x->dtype, TS_CPU) : NULL;
    size_t esz = ts_dtype_size(x->dtype);
    void *scratch = out && !last ? malloc(2 * (size_t)inner * esz + 1) : NULL;
    if (!out || (!last && !scratch)) {
        if (out && !scratch) ts_error(TS_ERR_RUNTIME, "out of memory");
        ts_release(xc);
        ts_release(out);
        return NULL;
    }
    if (ts_numel(x) > 0) {
        void *a = ts_data(xc), *o = ts_data(out);
        if (x->dtype == TS_FLOAT32) {
            if (last)
                lastdim_f32(a, o, outer, n, take_log);
            else
                innerdim_f32(a, o, outer, n, inner, take_log, scratch, (float *)scratch + inner);
        } else if (last) {
            lastdim_f64(a, o, outer, n, take_log);
        } else {
            innerdim_f64(a, o, outer, n, inner, take_log, scratch, (double *)scratch + inner);
        }
    }
    free(scratch);
    ts_release(xc);
    return out;
}
