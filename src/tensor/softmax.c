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
 *    dtype (the same vector/scalar exp split as softmax), then
 *    (x - max) - log(sum).
 * Exp and log where PyTorch uses vector lanes are its SLEEF functions
 * (ts_expf_torch of vexp.h, ts_exp_d_torch and ts_log*_torch of vmath.h);
 * where it goes scalar (the leftover positions of another dim), the C
 * library's exp.
 * ts_softmax_backward_cpu: the gradient kernels (see above their macro). */
#include "tensor/vexp.h"
#include "tensor/vmath.h"
#include "tensor/tensor.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static inline float max_f(float a, float b) { return (a != a || b != b) ? NAN : a > b ? a : b; }
static inline double max_d(double a, double b) { return (a != a || b != b) ? NAN : a > b ? a : b; }

/* o[i] = exp(a[i]) as PyTorch's vector code computes it (o may be a) */
static void vexp_row_f32(float *o, const float *a, int64_t n) { ts_exp_f32_contig(o, a, n); }

static void vexp_row_f64_generic(double *o, const double *a, int64_t n)
{
    for (int64_t i = 0; i < n; i++) o[i] = ts_exp_d_torch(a[i]);
}

#if defined(__GNUC__) && defined(__x86_64__)
/* The same loop where the CPU has FMA: the build targets plain x86-64,
 * where fma() is a library call (the bits are the same either way). */
__attribute__((target("avx2,fma"))) static void vexp_row_f64_fma(double *o, const double *a,
                                                                 int64_t n)
{
    for (int64_t i = 0; i < n; i++) o[i] = ts_exp_d_torch(a[i]);
}

static void vexp_row_f64(double *o, const double *a, int64_t n)
{
    static int fma_ok = -1; /* benign race: every thread computes the same */
    if (fma_ok < 0) {
        __builtin_cpu_init();
        fma_ok = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    if (fma_ok)
        vexp_row_f64_fma(o, a, n);
    else
        vexp_row_f64_generic(o, a, n);
}
#else
static void vexp_row_f64(double *o, const double *a, int64_t n) { vexp_row_f64_generic(o, a, n); }
#endif

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
        int64_t nvec = inner / W * W;                                                    \
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

SOFTMAX_KERNELS(float, 8, f32, true, max_f, expf, ts_logf_torch)
SOFTMAX_KERNELS(double, 4, f64, false, max_d, exp, ts_log_torch)

/* Backward (grad g, output y; found by experiment against torch 1.13):
 *  - last dim: softmax's s = sum(g*y) in the lanes of the forward sum,
 *    each lane starting from its first product and then accumulating
 *    with fused multiply-adds (a row shorter than W: products summed in
 *    order), then (g - s) * y; log_softmax's s = sum(g) as the forward
 *    sum, then g - exp(y) * s as one fused multiply-add.
 *  - other dims: per position s from 0 in the dtype (fused for softmax),
 *    then the same expressions. */
#define SOFTMAX_BACKWARD_KERNELS(T, W, S, TREE, FMA, SEXP)                                      \
    /* PyTorch's vec::map2_reduce_all of g*y with + */                                   \
    static T dot_##S(const T *g, const T *y, int64_t n)                                  \
    {                                                                                    \
        if (n < W) {                                                                     \
            T acc = g[0] * y[0];                                                         \
            for (int64_t i = 1; i < n; i++) acc += g[i] * y[i];                          \
            return acc;                                                                  \
        }                                                                                \
        T lane[W];                                                                       \
        for (int j = 0; j < W; j++) lane[j] = g[j] * y[j];                               \
        int64_t d = W;                                                                   \
        for (; d < n; d++) lane[d % W] = FMA(g[d], y[d], lane[d % W]);                   \
        if (TREE) {                                                                      \
            for (int h = W / 2; h >= 1; h /= 2)                                          \
                for (int j = 0; j < h; j++) lane[j] += lane[j + h];                      \
            return lane[0];                                                              \
        }                                                                                \
        T acc = lane[0];                                                                 \
        for (int j = 1; j < W; j++) acc += lane[j];                                      \
        return acc;                                                                      \
    }                                                                                    \
    static void bw_lastdim_##S(const T *g, const T *y, T *o, int64_t outer, int64_t n,   \
                               bool take_log)                                            \
    {                                                                                    \
        for (int64_t r = 0; r < outer; r++, g += n, y += n, o += n) {                    \
            if (take_log) {                                                              \
                T s = reduce_##S(g, n, false);                                           \
                vexp_row_##S(o, y, n);                                                   \
                for (int64_t i = 0; i < n; i++) o[i] = FMA(-o[i], s, g[i]);              \
            } else {                                                                     \
                T s = dot_##S(g, y, n);                                                  \
                for (int64_t i = 0; i < n; i++) o[i] = (g[i] - s) * y[i];                \
            }                                                                            \
        }                                                                                \
    }                                                                                    \
    static void bw_innerdim_##S(const T *g, const T *y, T *o, int64_t outer, int64_t n,  \
                                int64_t inner, bool take_log, T *sum)                    \
    {                                                                                    \
        int64_t nvec = inner / W * W;                                                    \
        for (int64_t r = 0; r < outer; r++, g += n * inner, y += n * inner, o += n * inner) { \
            for (int64_t p = 0; p < inner; p++) sum[p] = 0;                              \
            for (int64_t d = 0; d < n * inner; d += inner)                               \
                for (int64_t p = 0; p < inner; p++)                                      \
                    sum[p] = take_log ? sum[p] + g[d + p] : FMA(g[d + p], y[d + p], sum[p]); \
            for (int64_t d = 0; d < n * inner; d += inner) {                             \
                if (take_log) {                                                          \
                    vexp_row_##S(o + d, y + d, nvec);                                    \
                    for (int64_t p = nvec; p < inner; p++) o[d + p] = SEXP(y[d + p]);    \
                    for (int64_t p = 0; p < inner; p++)                                  \
                        o[d + p] = FMA(-o[d + p], sum[p], g[d + p]);                     \
                } else {                                                                 \
                    for (int64_t p = 0; p < inner; p++)                                  \
                        o[d + p] = (g[d + p] - sum[p]) * y[d + p];                       \
                }                                                                        \
            }                                                                            \
        }                                                                                \
    }

SOFTMAX_BACKWARD_KERNELS(float, 8, f32, true, fmaf, expf)
SOFTMAX_BACKWARD_KERNELS(double, 4, f64, false, fma, exp)

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

TsTensor *ts_softmax_backward_cpu(TsTensor *g, TsTensor *y, int dim, bool take_log)
{
    if (y->device != TS_CPU || (y->dtype != TS_FLOAT32 && y->dtype != TS_FLOAT64) ||
        g->device != TS_CPU || g->dtype != y->dtype || g->ndim != y->ndim ||
        (y->ndim && memcmp(g->sizes, y->sizes, sizeof(int64_t) * (size_t)y->ndim))) {
        ts_error(TS_ERR_RUNTIME, "ts_softmax_backward_cpu: CPU float32/float64 tensors of one shape expected");
        return NULL;
    }
    int64_t outer = 1, inner = 1, n = y->ndim ? y->sizes[dim] : 1;
    for (int i = 0; i < dim; i++) outer *= y->sizes[i];
    for (int i = dim + 1; i < y->ndim; i++) inner *= y->sizes[i];
    bool last = dim >= y->ndim - 1;
    TsTensor *gc = ts_contiguous(g), *yc = gc ? ts_contiguous(y) : NULL;
    TsTensor *out = yc ? ts_empty(y->ndim, y->sizes, y->dtype, TS_CPU) : NULL;
    void *scratch = out && !last ? malloc((size_t)inner * ts_dtype_size(y->dtype) + 1) : NULL;
    if (!out || (!last && !scratch)) {
        if (out && !scratch) ts_error(TS_ERR_RUNTIME, "out of memory");
        ts_release(gc);
        ts_release(yc);
        ts_release(out);
        return NULL;
    }
    if (ts_numel(y) > 0) {
        void *a = ts_data(gc), *b = ts_data(yc), *o = ts_data(out);
        if (y->dtype == TS_FLOAT32) {
            if (last)
                bw_lastdim_f32(a, b, o, outer, n, take_log);
            else
                bw_innerdim_f32(a, b, o, outer, n, inner, take_log, scratch);
        } else if (last) {
            bw_lastdim_f64(a, b, o, outer, n, take_log);
        } else {
            bw_innerdim_f64(a, b, o, outer, n, inner, take_log, scratch);
        }
    }
    free(scratch);
    ts_release(gc);
    ts_release(yc);
    return out;
}
