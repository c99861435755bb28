/* reduce.c — reductions: sum, mean, prod, max/min, amax/amin, argmax,
 * median, mode, var/std, norm, dist, logsumexp, all/any, count_nonzero.
 *
 * Two families:
 *
 *  - SUMS of floating tensors reproduce PyTorch's CPU "cascade sum"
 *    (SumKernel.cpp) step for step, so a float32 sum prints the very bits
 *    PyTorch prints: the reduction is laid out as PyTorch's TensorIterator
 *    lays it out (reduced dims innermost, dims sorted by stride, contiguous
 *    dims merged), each 2-D chunk is summed with the same choice of inner /
 *    outer, vectorised / scalar kernel, 8-lane (float) or 4-lane (double)
 *    accumulators, 4-way interleaving and 4-level cascade.  The levels make
 *    big sums accurate (error grows like log n) and let us sum independent
 *    top-level blocks on the thread pool without changing a single bit.
 *
 *  - everything else walks each output's reduced elements in row-major
 *    order (so argmax's flat index and "first max wins" are PyTorch's) and
 *    computes in double / int64, which is exact for every dtype.
 */
#include <math.h>
#include <stdlib.h>

#include "tensor/ops_internal.h"

/* ================================================================== */
/* the reduction layout (PyTorch's TensorIterator for one input)       */
/* ================================================================== */

/* Dims innermost first, strides in BYTES for the input (in) and the
 * output (out, 0 on reduced dims). */
typedef struct RedIter {
    int nd;
    int64_t shape[TS_MAX_DIMS];
    int64_t in[TS_MAX_DIMS], out[TS_MAX_DIMS];
} RedIter;

/* TensorIterator's should_swap for a reduction: reduced dims go innermost,
 * then the output's strides decide, then the input's, then size. */
static int red_should_swap(const RedIter *r, int d0, int d1)
{
    int64_t o0 = r->out[d0], o1 = r->out[d1];
    if ((o0 == 0) != (o1 == 0))
        return o1 == 0 ? 1 : -1;
    if (o0 != 0 && o1 != 0) {
        if (o0 < o1)
            return -1;
        if (o0 > o1)
            return 1;
        if (r->shape[d0] > r->shape[d1])
            return 1;
    }
    int64_t i0 = r->in[d0], i1 = r->in[d1];
    if (i0 == 0 || i1 == 0)
        return 0;
    if (i0 < i1)
        return -1;
    if (i0 > i1)
        return 1;
    return r->shape[d0] > r->shape[d1] ? 1 : 0;
}

/* Reorders (insertion sort tolerant of "don't know" answers, starting from
 * the reversed dim order) and merges dims, as TensorIterator does. */
static void red_layout(RedIter *r)
{
    int perm[TS_MAX_DIMS];
    for (int i = 0; i < r->nd; i++)
        perm[i] = r->nd - 1 - i;
    for (int i = 1; i < r->nd; i++) {
        int d1 = i;
        for (int d0 = i - 1; d0 >= 0; d0--) {
            int c = red_should_swap(r, perm[d0], perm[d1]);
            if (c > 0) {
                int tmp = perm[d0];
                perm[d0] = perm[d1];
                perm[d1] = tmp;
                d1 = d0;
            } else if (c < 0) {
                break;
            }
        }
    }
    RedIter s = *r;
    for (int i = 0; i < r->nd; i++) {
        r->shape[i] = s.shape[perm[i]];
        r->in[i] = s.in[perm[i]];
        r->out[i] = s.out[perm[i]];
    }
    if (r->nd == 0)
        return;
    int prev = 0;
    for (int d = 1; d < r->nd; d++) {
        bool ok = r->shape[prev] == 1 || r->shape[d] == 1 ||
                  (r->shape[prev] * r->in[prev] == r->in[d] &&
                   r->shape[prev] * r->out[prev] == r->out[d]);
        if (ok) {
            if (r->shape[prev] == 1) {
                r->in[prev] = r->in[d];
                r->out[prev] = r->out[d];
            }
            r->shape[prev] *= r->shape[d];
        } else {
            prev++;
            r->shape[prev] = r->shape[d];
            r->in[prev] = r->in[d];
            r->out[prev] = r->out[d];
        }
    }
    r->nd = prev + 1;
}

/* Builds the layout of reducing t (dims in mask) into a contiguous output
 * of the reduced shape whose item size is osize. */
static void red_build(RedIter *r, const TsTensor *t, const bool *mask, size_t osize)
{
    int64_t isz = (int64_t)ts_dtype_size(t->dtype), ostride = (int64_t)osize;
    r->nd = t->ndim;
    for (int d = t->ndim - 1; d >= 0; d--) {
        r->shape[d] = t->sizes[d];
        r->in[d] = t->strides[d] * isz;
        r->out[d] = mask[d] ? 0 : ostride;
        if (!mask[d])
            ostride *= t->sizes[d];
    }
    red_layout(r);
}

/* ================================================================== */
/* cascade sum kernels, one set per (storage type, accumulator, lanes)  */
/* ================================================================== */

static int64_t ceil_log2(int64_t x)
{
    if (x <= 2)
        return 1;
    int64_t b = 0;
    for (uint64_t v = (uint64_t)(x - 1); v; v >>= 1)
        b++;
    return b;
}

static inline float ld_f32(const char *p) { return *(const float *)p; }
static inline double ld_f64(const char *p) { return *(const double *)p; }
static inline float ld_f16(const char *p) { return ts_f16_to_f32(*(const uint16_t *)p); }
static inline float ld_bf16(const char *p) { return ts_bf16_to_f32(*(const uint16_t *)p); }

/* One pass over rows [i0, i1) of a cascade, L lanes and nrows rows, with
 * fresh level accumulators: the value a complete top-level block adds. */
typedef struct CascadeJob {
    const char *p;
    int64_t rs, cs;
    int nrows;
    int64_t lp, step;
    void *blocks; /* one (nrows*L) accumulator vector per top-level block */
} CascadeJob;

/* DEFINE_CASCADE(NAME, T, A, L, LD, PLAIN) generates (PLAIN: T is A, loaded as is)
 *   NAME_mrs     PyTorch's multi_row_sum: nrows rows of L lanes
 *   NAME_rowsum  PyTorch's row_sum: a row as (-1, 4) interleaved rows
 * Element (i, k, lane) lives at p + i*rs + k*cs + lane*sizeof(T). */
#define DEFINE_CASCADE(NAME, T, A, L, LD, PLAIN)                                            \
    static void NAME##_levels(const char *p, int64_t rs, int64_t cs, int nrows, int64_t i,  \
                              int64_t n, A acc[4][4][L], int64_t lp, int64_t step)          \
    {                                                                                       \
        int64_t mask = step - 1;                                                            \
        /* 4 rows of L lanes lying contiguously: one flat vectorisable row */               \
        bool flat = nrows == 4 && cs == L * (int64_t)sizeof(T);                             \
        A *a0 = &acc[0][0][0];                                                              \
        while (i + step <= n) {                                                             \
            if (flat && PLAIN) {                                                            \
                /* the same per-lane sums, held in vector registers (an array  */           \
                /* would go through memory on every row)                         */         \
                typedef A VA __attribute__((vector_size(16)));                              \
                enum { NV = 4 * L * sizeof(A) / 16 };                                       \
                VA v[NV];                                                                   \
                memcpy(v, a0, sizeof v);                                                    \
                for (int64_t j = 0; j < step; j++, i++) {                                   \
                    const char *row = p + i * rs;                                           \
                    _Pragma("GCC unroll 8") for (int q = 0; q < NV; q++)                    \
                    {                                                                       \
                        VA x;                                                               \
                        memcpy(&x, row + q * 16, sizeof x);                                 \
                        v[q] += x;                                                          \
                    }                                                                       \
                }                                                                           \
                memcpy(a0, v, sizeof v);                                                    \
            } else if (flat) {                                                              \
                A f[4 * L];                                                                 \
                memcpy(f, a0, sizeof f);                                                    \
                for (int64_t j = 0; j < step; j++, i++) {                                   \
                    const T *restrict row = (const T *)(p + i * rs);                        \
                    for (int q = 0; q < 4 * L; q++)                                         \
                        f[q] += LD((const char *)(row + q));                                \
                }                                                                           \
                memcpy(a0, f, sizeof f);                                                    \
            } else {                                                                        \
                for (int64_t j = 0; j < step; j++, i++)                                     \
                    for (int k = 0; k < nrows; k++)                                         \
                        for (int l = 0; l < L; l++)                                         \
                            acc[0][k][l] += LD(p + i * rs + k * cs + l * (int64_t)sizeof(T)); \
            }                                                                               \
            for (int j = 1; j < 4; j++) {                                                   \
                for (int k = 0; k < nrows; k++)                                             \
                    for (int l = 0; l < L; l++) {                                           \
                        acc[j][k][l] += acc[j - 1][k][l];                                   \
                        acc[j - 1][k][l] = 0;                                               \
                    }                                                                       \
                if (i & (mask << (j * lp)))                                                 \
                    break;                                                                  \
            }                                                                               \
        }                                                                                   \
    }                                                                                       \
    static int NAME##_block(int64_t b0, int64_t b1, void *ctx)                              \
    {                                                                                       \
        CascadeJob *jb = ctx;                                                               \
        int64_t big = jb->step * jb->step * jb->step;                                       \
        for (int64_t b = b0; b < b1; b++) {                                                 \
            A acc[4][4][L] = {{{0}}};                                                       \
            NAME##_levels(jb->p + b * big * jb->rs, jb->rs, jb->cs, jb->nrows, 0, big, acc, \
                          jb->lp, jb->step);                                                \
            A *dst = (A *)jb->blocks + b * 4 * L;                                           \
            for (int k = 0; k < jb->nrows; k++)                                             \
                for (int l = 0; l < L; l++)                                                 \
                    dst[k * L + l] = acc[3][k][l];                                          \
        }                                                                                   \
        return ts_check_interrupt();                                                        \
    }                                                                                       \
    static int NAME##_mrs(const char *p, int64_t rs, int64_t cs, int nrows, int64_t n,      \
                          A out[4][L])                                                      \
    {                                                                                       \
        A acc[4][4][L] = {{{0}}};                                                           \
        int64_t lp = ceil_log2(n) / 4;                                                      \
        if (lp < 4)                                                                         \
            lp = 4;                                                                         \
        int64_t step = (int64_t)1 << lp, big = step * step * step, i = 0;                   \
        int64_t nb = n / big;                                                               \
        if (nb >= 2 && n * nrows * L >= 4 * TS_GRAIN) {                                     \
            /* complete top-level blocks are independent: sum them on the                   \
             * pool, then add them up in order exactly as the serial loop */                \
            A *blocks = malloc((size_t)nb * 4 * L * sizeof(A));                             \
            if (!blocks)                                                                    \
                return ts_error_oom((size_t)nb * 4 * L * sizeof(A));                        \
            CascadeJob jb = {p, rs, cs, nrows, lp, step, blocks};                           \
            if (ts_parallel_for(0, nb, 1, NAME##_block, &jb) < 0) {                         \
                free(blocks);                                                               \
                return -1;                                                                  \
            }                                                                               \
            for (int64_t b = 0; b < nb; b++)                                                \
                for (int k = 0; k < nrows; k++)                                             \
                    for (int l = 0; l < L; l++)                                             \
                        acc[3][k][l] += blocks[b * 4 * L + k * L + l];                      \
            free(blocks);                                                                   \
            i = nb * big;                                                                   \
        }                                                                                   \
        NAME##_levels(p, rs, cs, nrows, i, n, acc, lp, step);                               \
        for (i = n - n % step; i < n; i++)                                                  \
            for (int k = 0; k < nrows; k++)                                                 \
                for (int l = 0; l < L; l++)                                                 \
                    acc[0][k][l] += LD(p + i * rs + k * cs + l * (int64_t)sizeof(T));       \
        for (int j = 1; j < 4; j++)                                                         \
            for (int k = 0; k < nrows; k++)                                                 \
                for (int l = 0; l < L; l++)                                                 \
                    acc[0][k][l] += acc[j][k][l];                                           \
        for (int k = 0; k < nrows; k++)                                                     \
            for (int l = 0; l < L; l++)                                                     \
                out[k][l] = acc[0][k][l];                                                   \
        return 0;                                                                           \
    }                                                                                       \
    static int NAME##_rowsum(const char *p, int64_t stride, int64_t n, A out[L])            \
    {                                                                                       \
        A ps[4][L];                                                                         \
        int64_t n4 = n / 4;                                                                 \
        if (NAME##_mrs(p, stride * 4, stride, 4, n4, ps) < 0)                               \
            return -1;                                                                      \
        for (int64_t i = n4 * 4; i < n; i++)                                                \
            for (int l = 0; l < L; l++)                                                     \
                ps[0][l] += LD(p + i * stride + l * (int64_t)sizeof(T));                    \
        for (int k = 1; k < 4; k++)                                                         \
            for (int l = 0; l < L; l++)                                                     \
                ps[0][l] += ps[k][l];                                                       \
        for (int l = 0; l < L; l++)                                                         \
            out[l] = ps[0][l];                                                              \
        return 0;                                                                           \
    }

/* The tail loop of _levels' caller must start where the blocks stopped:
 * _levels leaves i at the last multiple of step, which is n - n % step. */

DEFINE_CASCADE(cs_f32v, float, float, 8, ld_f32, 1)
DEFINE_CASCADE(cs_f32s, float, float, 1, ld_f32, 1)
DEFINE_CASCADE(cs_f64v, double, double, 4, ld_f64, 1)
DEFINE_CASCADE(cs_f64s, double, double, 1, ld_f64, 1)
DEFINE_CASCADE(cs_f16v, uint16_t, float, 8, ld_f16, 0)
DEFINE_CASCADE(cs_f16s, uint16_t, float, 1, ld_f16, 0)
DEFINE_CASCADE(cs_bf16v, uint16_t, float, 8, ld_bf16, 0)
DEFINE_CASCADE(cs_bf16s, uint16_t, float, 1, ld_bf16, 0)

/* One 2-D chunk of PyTorch's cascade_sum: size0 x size1 elements, input
 * strides s_in, output strides s_out (bytes), accumulated into out. */
#define DEFINE_SUM2D(NAME, VEC, SCA, T, A, L, STORE_ADD)                                       \
    static int NAME(char *out, const char *in, int64_t size0, int64_t size1,                   \
                    const int64_t s_in[2], const int64_t s_out[2])                             \
    {                                                                                          \
        const int64_t es = (int64_t)sizeof(T);                                                 \
        if (s_out[0] != 0 && (s_out[1] != 0 || size1 == 1)) { /* no reduction: out += in */  \
            for (int64_t j = 0; j < size1; j++)                                                \
                for (int64_t i = 0; i < size0; i++) {                                          \
                    A v[1] = {SCA##_ld(in + i * s_in[0] + j * s_in[1])};                       \
                    STORE_ADD(out + i * s_out[0] + j * s_out[1], v[0]);                        \
                }                                                                              \
            return 0;                                                                          \
        }                                                                                      \
        const int64_t os = s_out[1];                                                           \
        if (s_in[0] == es && size0 >= L) { /* contiguous inner reduction */                  \
            int64_t nv = size0 / L;                                                            \
            for (int64_t j = 0; j < size1; j++) {                                              \
                const char *row = in + j * s_in[1];                                            \
                A vacc[L], fin = 0;                                                            \
                if (VEC##_rowsum(row, L * es, nv, vacc) < 0)                                   \
                    return -1;                                                                 \
                for (int64_t k = nv * L; k < size0; k++)                                       \
                    fin += SCA##_ld(row + k * es);                                             \
                for (int l = 0; l < L; l++)                                                    \
                    fin += vacc[l];                                                            \
                STORE_ADD(out + j * os, fin);                                                  \
            }                                                                                  \
        } else if (s_in[1] == es && size1 >= L) { /* contiguous outer reduction */           \
            int64_t j = 0;                                                                     \
            for (; j + 4 * L <= size1; j += 4 * L) {                                           \
                A sums[4][L];                                                                  \
                if (VEC##_mrs(in + j * es, s_in[0], L * es, 4, size0, sums) < 0)               \
                    return -1;                                                                 \
                for (int k = 0; k < 4; k++)                                                    \
                    for (int l = 0; l < L; l++)                                                \
                        STORE_ADD(out + (j + k * L + l) * os, sums[k][l]);                     \
            }                                                                                  \
            for (; j + L <= size1; j += L) {                                                   \
                A sums[L];                                                                     \
                if (VEC##_rowsum(in + j * es, s_in[0], size0, sums) < 0)                       \
                    return -1;                                                                 \
                for (int l = 0; l < L; l++)                                                    \
                    STORE_ADD(out + (j + l) * os, sums[l]);                                    \
            }                                                                                  \
            for (; j < size1; j++) {                                                           \
                A s[1];                                                                        \
                if (SCA##_rowsum(in + j * es, s_in[0], size0, s) < 0)                          \
                    return -1;                                                                 \
                STORE_ADD(out + j * os, s[0]);                                                 \
            }                                                                                  \
        } else if (s_in[0] < s_in[1]) { /* scalar inner reduction */                         \
            for (int64_t j = 0; j < size1; j++) {                                              \
                A s[1];                                                                        \
                if (SCA##_rowsum(in + j * s_in[1], s_in[0], size0, s) < 0)                     \
                    return -1;                                                                 \
                STORE_ADD(out + j * os, s[0]);                                                 \
            }                                                                                  \
        } else { /* scalar outer reduction, 4 columns at a time */                           \
            int64_t j = 0;                                                                     \
            for (; j + 3 < size1; j += 4) {                                                    \
                A sums[4][1];                                                                  \
                if (SCA##_mrs(in + j * s_in[1], s_in[0], s_in[1], 4, size0, sums) < 0)         \
                    return -1;                                                                 \
                for (int k = 0; k < 4; k++)                                                    \
                    STORE_ADD(out + (j + k) * os, sums[k][0]);                                 \
            }                                                                                  \
            for (; j < size1; j++) {                                                           \
                A s[1];                                                                        \
                if (SCA##_rowsum(in + j * s_in[1], s_in[0], size0, s) < 0)                     \
                    return -1;                                                                 \
                STORE_ADD(out + j * os, s[0]);                                                 \
            }                                                                                  \
        }                                                                                      \
        return 0;                                                                              \
    }

#define cs_f32s_ld ld_f32
#define cs_f64s_ld ld_f64
#define cs_f16s_ld ld_f16
#define cs_bf16s_ld ld_bf16
#define ADD_F32(p, v) (*(float *)(p) += (v))
#define ADD_F64(p, v) (*(double *)(p) += (v))
#define ADD_F16(p, v) (*(uint16_t *)(p) = ts_f32_to_f16(ts_f16_to_f32(*(uint16_t *)(p)) + (v)))
#define ADD_BF16(p, v) \
    (*(uint16_t *)(p) = ts_f32_to_bf16(ts_bf16_to_f32(*(uint16_t *)(p)) + (v)))

DEFINE_SUM2D(sum2d_f32, cs_f32v, cs_f32s, float, float, 8, ADD_F32)
DEFINE_SUM2D(sum2d_f64, cs_f64v, cs_f64s, double, double, 4, ADD_F64)
DEFINE_SUM2D(sum2d_f16, cs_f16v, cs_f16s, uint16_t, float, 8, ADD_F16)
DEFINE_SUM2D(sum2d_bf16, cs_bf16v, cs_bf16s, uint16_t, float, 8, ADD_BF16)

typedef int (*Sum2D)(char *, const char *, int64_t, int64_t, const int64_t[2],
                     const int64_t[2]);

/* Runs a 2-D kernel over every outer position of the layout (the way
 * serial_for_each hands chunks to the loop). */
static int red_run2d(const RedIter *r, char *out, const char *in, Sum2D fn)
{
    int64_t s0 = r->nd > 0 ? r->shape[0] : 1, s1 = r->nd > 1 ? r->shape[1] : 1;
    int64_t sin[2] = {r->nd > 0 ? r->in[0] : 0, r->nd > 1 ? r->in[1] : 0};
    int64_t sout[2] = {r->nd > 0 ? r->out[0] : 0, r->nd > 1 ? r->out[1] : 0};
    if (s0 == 0 || s1 == 0)
        return 0;
    int64_t outer_n = 1;
    for (int d = 2; d < r->nd; d++)
        outer_n *= r->shape[d];
    int64_t idx[TS_MAX_DIMS] = {0};
    for (int64_t o = 0; o < outer_n; o++) {
        int64_t io = 0, oo = 0;
        for (int d = 2; d < r->nd; d++) {
            io += idx[d] * r->in[d];
            oo += idx[d] * r->out[d];
        }
        if (fn(out + oo, in + io, s0, s1, sin, sout) < 0)
            return -1;
        for (int d = 2; d < r->nd; d++) {
            if (++idx[d] < r->shape[d])
                break;
            idx[d] = 0;
        }
    }
    return 0;
}

/* ================================================================== */
/* the generic walker: every output element, its reduced elements       */
/* ================================================================== */

/* Kept dims and reduced dims of t, logical order. */
typedef struct RedPlan {
    int nk, nr;
    int64_t ksize[TS_MAX_DIMS], kstride[TS_MAX_DIMS];
    int64_t rsize[TS_MAX_DIMS], rstride[TS_MAX_DIMS];
    int64_t onumel, rnumel;
} RedPlan;

static void plan_build(RedPlan *p, const TsTensor *t, const bool *mask)
{
    p->nk = p->nr = 0;
    p->onumel = p->rnumel = 1;
    for (int d = 0; d < t->ndim; d++) {
        if (mask[d]) {
            p->rsize[p->nr] = t->sizes[d];
            p->rstride[p->nr++] = t->strides[d];
            p->rnumel *= t->sizes[d];
        } else {
            p->ksize[p->nk] = t->sizes[d];
            p->kstride[p->nk++] = t->strides[d];
            p->onumel *= t->sizes[d];
        }
    }
}

/* One row of an output's reduced elements: n elements of dtype dt from
 * p, stride elements (bs bytes) apart; the first is element flat0 of the
 * output's reduced elements in row-major order. */
typedef struct RedRow {
    const char *p;
    int64_t stride, bs, n, flat0;
    TsDType dt;
} RedRow;

/* A walker kernel: adds one row to its state st. */
typedef void (*RowFn)(void *st, RedRow r);

/* Element offset of output k's first reduced element. */
static int64_t plan_base(const RedPlan *p, const TsTensor *t, int64_t k)
{
    int64_t base = t->offset;
    for (int d = p->nk - 1; d >= 0; d--) {
        base += (k % p->ksize[d]) * p->kstride[d];
        k /= p->ksize[d];
    }
    return base;
}

/* Hands output k's reduced elements to fn as rows, in row-major order;
 * the innermost reduced dim is the row. */
static void plan_rows(const RedPlan *p, const TsTensor *t, int64_t k, RowFn fn, void *st)
{
    int64_t base = plan_base(p, t, k), es = (int64_t)ts_dtype_size(t->dtype);
    if (p->nr == 0) {
        fn(st, (RedRow){ops_at(t, base), 1, es, 1, 0, t->dtype});
        return;
    }
    if (p->rnumel == 0) /* any empty reduced dim (not only the row's): no rows */
        return;
    int64_t n = p->rsize[p->nr - 1], stride = p->rstride[p->nr - 1];
    OpsWalk w;
    ops_walk_init(&w, p->nr - 1, p->rsize, p->rstride, base);
    RedRow r = {NULL, stride, stride * es, n, 0, t->dtype};
    do {
        r.p = ops_at(t, w.off);
        fn(st, r);
        r.flat0 += n;
    } while (ops_walk_next(&w));
}

/* Writes output k of the result(s) in out from its final state. */
typedef void (*StoreFn)(const void *st, int64_t k, void *out);

/* The loop of every walker reduction of t over mask: for each output the
 * state st (size bytes) starts as a copy of init, takes the output's rows
 * through row, and store writes the result. */
static void walk_outputs(const TsTensor *t, const bool *mask, RowFn row, void *st,
                         const void *init, size_t size, StoreFn store, void *out)
{
    RedPlan p;
    plan_build(&p, t, mask);
    for (int64_t k = 0; k < p.onumel; k++) {
        memcpy(st, init, size);
        plan_rows(&p, t, k, row, st);
        store(st, k, out);
    }
}

/* Stores v as element k of a contiguous result, in its dtype. */
static void put_f64(TsTensor *out, int64_t k, double v)
{
    ts_store_f64((char *)ts_data(out) + k * (int64_t)ts_dtype_size(out->dtype), out->dtype, v);
}

static void put_i64(TsTensor *out, int64_t k, int64_t v)
{
    ts_store_i64((char *)ts_data(out) + k * (int64_t)ts_dtype_size(out->dtype), out->dtype, v);
}

/* A value computed in double (fl) or in int64. */
typedef struct RedVal {
    bool fl;
    double f;
    int64_t i;
} RedVal;

static void put_val(TsTensor *out, int64_t k, const RedVal *v)
{
    if (v->fl)
        put_f64(out, k, v->f);
    else
        put_i64(out, k, v->i);
}

/* Allocates the result of a reduction of t over mask. */
static TsTensor *red_result(const TsTensor *t, const bool *mask, bool keepdim, TsDType dt)
{
    int64_t shape[TS_MAX_DIMS];
    int n = ops_reduced_shape(t, mask, keepdim, shape);
    return ts_empty(n, shape, dt, t->device);
}

/* Number of elements each output of a reduction over mask sees. */
static int64_t red_count(const TsTensor *t, const bool *mask)
{
    int64_t n = 1;
    for (int d = 0; d < t->ndim; d++)
        if (mask[d])
            n *= t->sizes[d];
    return n;
}

/* ================================================================== */
/* sum / mean                                                          */
/* ================================================================== */

typedef struct IntSum {
    int64_t acc;
} IntSum;

static void row_isum(void *st, RedRow r)
{
    IntSum *s = st;
    if (r.dt == TS_INT64) {
        for (int64_t i = 0; i < r.n; i++)
            s->acc = (int64_t)((uint64_t)s->acc + (uint64_t) * (const int64_t *)(r.p + i * r.bs));
        return;
    }
    for (int64_t i = 0; i < r.n; i++)
        s->acc = (int64_t)((uint64_t)s->acc + (uint64_t)ts_load_i64(r.p + i * r.bs, r.dt));
}

static void store_isum(const void *st, int64_t k, void *out)
{
    put_i64(out, k, ((const IntSum *)st)->acc);
}

/* Integer / bool sums: exact in int64 (wrapping like PyTorch), then
 * stored in the result dtype. */
static int sum_ints(const TsTensor *t, const bool *mask, TsTensor *out)
{
    IntSum init = {0}, st;
    walk_outputs(t, mask, row_isum, &st, &init, sizeof st, store_isum, out);
    return 0;
}

/* Float sums: the cascade, into a zero-filled result of t's dtype. */
static int sum_floats(const TsTensor *t, const bool *mask, TsTensor *out)
{
    RedIter r;
    red_build(&r, t, mask, ts_dtype_size(out->dtype));
    if (ts_zero_(out) < 0)
        return -1;
    Sum2D fn = t->dtype == TS_FLOAT32   ? sum2d_f32
               : t->dtype == TS_FLOAT64 ? sum2d_f64
               : t->dtype == TS_FLOAT16 ? sum2d_f16
                                        : sum2d_bf16;
    return red_run2d(&r, ts_data(out), ts_data(t), fn);
}

/* The dtype sum() returns: ints/bool promote to int64. */
static TsDType sum_dtype(TsDType in, TsDType req)
{
    if (req != TS_UNDEF)
        return req;
    return ts_dtype_is_float(in) ? in : TS_INT64;
}

TsTensor *ts_sum(TsTensor *t, int nd, const int64_t *dims, bool keepdim, TsDType dtype)
{
    OPS_VIA_HOST(t, ts_sum(h, nd, dims, keepdim, dtype));
    bool mask[TS_MAX_DIMS];
    if (ops_need_cpu(t, "sum") < 0 || ops_dim_mask(t, nd, dims, mask) < 0)
        return NULL;
    TsDType odt = sum_dtype(t->dtype, dtype);
    TsTensor *src = t;
    if (ts_dtype_is_float(odt) && odt != t->dtype) {
        src = ts_to(t, odt, t->device, false); /* sum(dtype=) casts first */
        if (!src)
            return NULL;
    } else {
        ts_retain(src);
    }
    TsTensor *out = red_result(src, mask, keepdim, odt);
    int rc = -1;
    if (out)
        rc = ts_dtype_is_float(odt) ? sum_floats(src, mask, out) : sum_ints(src, mask, out);
    ts_release(src);
    if (rc < 0) {
        ts_release(out);
        return NULL;
    }
    return out;
}

/* PyTorch's CPU mean is sum(...) followed by an in-place true division. */
TsTensor *ts_mean(TsTensor *t, int nd, const int64_t *dims, bool keepdim, TsDType dtype)
{
    TsDType dt = dtype != TS_UNDEF ? dtype : t->dtype;
    if (!ts_dtype_is_float(dt)) {
        ts_error(TS_ERR_RUNTIME,
                 "mean(): could not infer output dtype. %s must be either a floating point or "
                 "complex dtype. Got: %s",
                 dtype != TS_UNDEF ? "Optional dtype" : "Input dtype", ts_dtype_short(dt));
        return NULL;
    }
    bool mask[TS_MAX_DIMS];
    if (ops_dim_mask(t, nd, dims, mask) < 0)
        return NULL;
    TsTensor *s = ts_sum(t, nd, dims, keepdim, dt);
    if (!s)
        return NULL;
    TsTensor *r = ts_binary(TS_OP_DIV, ts_arg(s), ts_arg_s(ts_scalar_i(red_count(t, mask))), s);
    if (!r) {
        ts_release(s);
        return NULL;
    }
    ts_release(r); /* in place: r is s */
    return s;
}

/* ================================================================== */
/* prod                                                                */
/* ================================================================== */


static void row_prod(void *st, RedRow r)
{
    RedVal *s = st;
    for (int64_t i = 0; i < r.n; i++) {
        if (s->fl)
            s->f *= ts_load_f64(r.p + i * r.bs, r.dt);
        else
            s->i = (int64_t)((uint64_t)s->i * (uint64_t)ts_load_i64(r.p + i * r.bs, r.dt));
    }
}

static void store_val(const void *st, int64_t k, void *out) { put_val(out, k, st); }

TsTensor *ts_prod(TsTensor *t, const int64_t *dim, bool keepdim, TsDType dtype)
{
    OPS_VIA_HOST(t, ts_prod(h, dim, keepdim, dtype));
    bool mask[TS_MAX_DIMS];
    if (ops_need_cpu(t, "prod") < 0 || ops_dim_mask(t, dim ? 1 : 0, dim, mask) < 0)
        return NULL;
    TsDType odt = sum_dtype(t->dtype, dtype);
    TsTensor *out = red_result(t, mask, keepdim, odt);
    if (out) {
        RedVal init = {ts_dtype_is_float(odt), 1.0, 1}, st;
        walk_outputs(t, mask, row_prod, &st, &init, sizeof st, store_val, out);
    }
    return out;
}

/* ================================================================== */
/* max / min / argmax / argmin / amax / amin                           */
/* ================================================================== */

/* State of a running extreme: NaN wins and stays, ties keep the first. */
typedef struct ExtSt {
    RedVal v;
    bool want_max, seen;
    int64_t at;
} ExtSt;

/* One direction of DEFINE_ROW_EXT's scan: CMP is > for max, < for min. */
#define EXT_SCAN(T, ISNAN, CMP)         \
    for (; j < n; j++) {                \
        T v = p[j * stride];            \
        if (v CMP best || ISNAN(v)) {   \
            best = v;                   \
            at = j;                     \
            if (ISNAN(v))               \
                break;                  \
        }                               \
    }

/* Typed fast rows for the common dtypes: same rules as the generic loop
 * below, without a conversion call per element.  NaN handling: a float
 * NaN beats everything and then nothing beats it. */
#define DEFINE_ROW_EXT(NAME, T, FIELD, ISNAN)                                                  \
    static void NAME(ExtSt *s, RedRow r)                                                       \
    {                                                                                          \
        const T *p = (const T *)r.p;                                                           \
        int64_t stride = r.stride, n = r.n, flat0 = r.flat0, j = 0;                            \
        if (!s->seen && n > 0) {                                                               \
            s->v.FIELD = p[0];                                                                 \
            s->at = flat0;                                                                     \
            s->seen = true;                                                                    \
            j = 1;                                                                             \
        }                                                                                      \
        if (ISNAN(s->v.FIELD))                                                                 \
            return;                                                                            \
        T best = (T)s->v.FIELD;                                                                \
        int64_t at = -1;                                                                       \
        if (s->want_max) {                                                                     \
            EXT_SCAN(T, ISNAN, >)                                                              \
        } else {                                                                               \
            EXT_SCAN(T, ISNAN, <)                                                              \
        }                                                                                      \
        if (at >= 0) {                                                                         \
            s->v.FIELD = best;                                                                 \
            s->at = flat0 + at;                                                                \
        }                                                                                      \
    }
#define NO_NAN(x) ((void)(x), 0)
DEFINE_ROW_EXT(row_ext_f32, float, f, isnan)
DEFINE_ROW_EXT(row_ext_f64, double, f, isnan)
DEFINE_ROW_EXT(row_ext_i64, int64_t, i, NO_NAN)
DEFINE_ROW_EXT(row_ext_i32, int32_t, i, NO_NAN)

/* The typed rows by dtype; the other dtypes take row_ext's own loop. */
static void (*const ext_rows[TS_NUM_DTYPES])(ExtSt *, RedRow) = {
    [TS_FLOAT32] = row_ext_f32,
    [TS_FLOAT64] = row_ext_f64,
    [TS_INT64] = row_ext_i64,
    [TS_INT32] = row_ext_i32,
};

static void row_ext(void *st, RedRow r)
{
    ExtSt *s = st;
    if (ext_rows[r.dt]) {
        ext_rows[r.dt](s, r);
        return;
    }
    for (int64_t j = 0; j < r.n; j++) {
        bool better;
        if (s->v.fl) {
            double v = ts_load_f64(r.p + j * r.bs, r.dt);
            if (!s->seen)
                better = true;
            else if (isnan(s->v.f))
                better = false;
            else
                better = isnan(v) || (s->want_max ? v > s->v.f : v < s->v.f);
            if (better)
                s->v.f = v;
        } else {
            int64_t v = ts_load_i64(r.p + j * r.bs, r.dt);
            better = !s->seen || (s->want_max ? v > s->v.i : v < s->v.i);
            if (better)
                s->v.i = v;
        }
        if (better)
            s->at = r.flat0 + j;
        s->seen = true;
    }
}

/* Where ext_run stores: values (may be NULL) and indices (may be NULL). */
typedef struct ExtOut {
    TsTensor *vals, *idx;
} ExtOut;

static void store_ext(const void *st, int64_t k, void *out)
{
    const ExtSt *s = st;
    ExtOut *o = out;
    if (o->vals)
        put_val(o->vals, k, &s->v);
    if (o->idx)
        put_i64(o->idx, k, s->at);
}

/* Runs the extreme over each output; stores values (vals, may be NULL)
 * and indices (idx, may be NULL). */
static void ext_run(const TsTensor *t, const bool *mask, bool want_max, TsTensor *vals,
                    TsTensor *idx)
{
    ExtSt init = {{ts_dtype_is_float(t->dtype), 0, 0}, want_max, false, 0}, st;
    ExtOut out = {vals, idx};
    walk_outputs(t, mask, row_ext, &st, &init, sizeof st, store_ext, &out);
}

static TsTensor *ext_all(TsTensor *t, bool want_max)
{
    OPS_VIA_HOST(t, ext_all(h, want_max));
    const char *name = want_max ? "max" : "min";
    if (ops_need_cpu(t, name) < 0)
        return NULL;
    if (ts_numel(t) == 0) {
        ts_error(TS_ERR_RUNTIME,
                 "%s(): Expected reduction dim to be specified for input.numel() == 0. Specify "
                 "the reduction dim with the 'dim' argument.",
                 name);
        return NULL;
    }
    bool mask[TS_MAX_DIMS];
    ops_dim_mask(t, 0, NULL, mask);
    TsTensor *out = ts_empty(0, NULL, t->dtype, t->device);
    if (out)
        ext_run(t, mask, want_max, out, NULL);
    return out;
}

TsTensor *ts_max_all(TsTensor *t) { return ext_all(t, true); }
TsTensor *ts_min_all(TsTensor *t) { return ext_all(t, false); }

static int ext_dim(TsTensor *t, int64_t dim, bool keepdim, bool want_max, TsTensor **values,
                   TsTensor **indices, const char *name)
{
    bool mask[TS_MAX_DIMS];
    if (ops_need_cpu(t, name) < 0 || ops_dim_mask(t, 1, &dim, mask) < 0)
        return -1;
    int w = 0;
    ts_wrap_dim(dim, t->ndim, &w);
    if (t->ndim > 0 && t->sizes[w] == 0)
        return ts_error(TS_ERR_INDEX,
                        "%s(): Expected reduction dim %d to have non-zero size.", name, w);
    TsTensor *v = red_result(t, mask, keepdim, t->dtype);
    TsTensor *i = red_result(t, mask, keepdim, TS_INT64);
    if (!v || !i) {
        ts_release(v);
        ts_release(i);
        return -1;
    }
    ext_run(t, mask, want_max, v, i);
    *values = v;
    *indices = i;
    return 0;
}

int ts_max_dim(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values, TsTensor **indices)
{
    return ext_dim(t, dim, keepdim, true, values, indices, "max");
}

int ts_min_dim(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values, TsTensor **indices)
{
    return ext_dim(t, dim, keepdim, false, values, indices, "min");
}

static TsTensor *arg_ext(TsTensor *t, const int64_t *dim, bool keepdim, bool want_max)
{
    OPS_VIA_HOST(t, arg_ext(h, dim, keepdim, want_max));
    const char *name = want_max ? "argmax" : "argmin";
    bool mask[TS_MAX_DIMS];
    if (ops_need_cpu(t, name) < 0 || ops_dim_mask(t, dim ? 1 : 0, dim, mask) < 0)
        return NULL;
    if (!dim && ts_numel(t) == 0) {
        ts_error(TS_ERR_INDEX,
                 "%s(): Expected reduction dim to be specified for input.numel() == 0.", name);
        return NULL;
    }
    if (dim && t->ndim > 0) {
        int w = 0;
        ts_wrap_dim(*dim, t->ndim, &w);
        if (t->sizes[w] == 0) {
            ts_error(TS_ERR_INDEX, "%s(): Expected reduction dim %d to have non-zero size.",
                     name, w);
            return NULL;
        }
    }
    /* without dim: a 0-dim result, or all ones with keepdim */
    TsTensor *out = red_result(t, mask, keepdim, TS_INT64);
    if (out)
        ext_run(t, mask, want_max, NULL, out);
    return out;
}

TsTensor *ts_argmax(TsTensor *t, const int64_t *dim, bool keepdim)
{
    return arg_ext(t, dim, keepdim, true);
}

TsTensor *ts_argmin(TsTensor *t, const int64_t *dim, bool keepdim)
{
    return arg_ext(t, dim, keepdim, false);
}

static TsTensor *amaxmin(TsTensor *t, int nd, const int64_t *dims, bool keepdim, bool want_max)
{
    OPS_VIA_HOST(t, amaxmin(h, nd, dims, keepdim, want_max));
    const char *name = want_max ? "amax" : "amin";
    bool mask[TS_MAX_DIMS];
    if (ops_need_cpu(t, name) < 0 || ops_dim_mask(t, nd, dims, mask) < 0)
        return NULL;
    if (ts_numel(t) == 0) {
        for (int d = 0; d < t->ndim; d++)
            if (mask[d] && t->sizes[d] == 0) {
                ts_error(TS_ERR_INDEX,
                         "%s(): Expected reduction dim %d to have non-zero size.", name, d);
                return NULL;
            }
    }
    TsTensor *out = red_result(t, mask, keepdim, t->dtype);
    if (out)
        ext_run(t, mask, want_max, out, NULL);
    return out;
}

TsTensor *ts_amax(TsTensor *t, int nd, const int64_t *dims, bool keepdim)
{
    return amaxmin(t, nd, dims, keepdim, true);
}

TsTensor *ts_amin(TsTensor *t, int nd, const int64_t *dims, bool keepdim)
{
    return amaxmin(t, nd, dims, keepdim, false);
}

/* ================================================================== */
/* all / any / count_nonzero                                           */
/* ================================================================== */

/* kind: 0 all, 1 any, 2 count_nonzero. */
typedef struct CountSt {
    int64_t nz, n;
    int kind;
} CountSt;

static void row_count(void *st, RedRow r)
{
    CountSt *s = st;
    bool fl = ts_dtype_is_float(r.dt);
    for (int64_t j = 0; j < r.n; j++) {
        bool z = fl ? ts_load_f64(r.p + j * r.bs, r.dt) == 0.0
                    : ts_load_i64(r.p + j * r.bs, r.dt) == 0;
        s->nz += !z;
    }
    s->n += r.n;
}

static void store_count(const void *st, int64_t k, void *out)
{
    const CountSt *s = st;
    put_i64(out, k, s->kind == 0 ? s->nz == s->n : s->kind == 1 ? s->nz > 0 : s->nz);
}

static TsTensor *count_red(TsTensor *t, int nd, const int64_t *dims, bool keepdim, int kind)
{
    OPS_VIA_HOST(t, count_red(h, nd, dims, keepdim, kind));
    static const char *names[] = {"all", "any", "count_nonzero"};
    bool mask[TS_MAX_DIMS];
    if (ops_need_cpu(t, names[kind]) < 0 || ops_dim_mask(t, nd, dims, mask) < 0)
        return NULL;
    /* all/any keep uint8 for uint8 input, bool otherwise */
    TsDType odt = kind == 2 ? TS_INT64 : (t->dtype == TS_UINT8 ? TS_UINT8 : TS_BOOL);
    TsTensor *out = red_result(t, mask, keepdim, odt);
    if (out) {
        CountSt init = {0, 0, kind}, st;
        walk_outputs(t, mask, row_count, &st, &init, sizeof st, store_count, out);
    }
    return out;
}

TsTensor *ts_all(TsTensor *t, int nd, const int64_t *dims, bool keepdim)
{
    return count_red(t, nd, dims, keepdim, 0);
}

TsTensor *ts_any(TsTensor *t, int nd, const int64_t *dims, bool keepdim)
{
    return count_red(t, nd, dims, keepdim, 1);
}

TsTensor *ts_count_nonzero(TsTensor *t, int nd, const int64_t *dims)
{
    return count_red(t, nd, dims, false, 2);
}

/* ================================================================== */
/* var / std                                                           */
/* ================================================================== */

/* Welford's running mean and M2 in double (PyTorch's WelfordOps), and
 * what turns M2 into the result. */
typedef struct WelfSt {
    double mean, m2;
    int64_t n;
    double correction;
    bool take_sqrt;
} WelfSt;

static void row_welford(void *st, RedRow r)
{
    WelfSt *s = st;
    for (int64_t j = 0; j < r.n; j++) {
        double x = ts_load_f64(r.p + j * r.bs, r.dt);
        s->n++;
        double delta = x - s->mean;
        s->mean += delta / (double)s->n;
        s->m2 += delta * (x - s->mean);
    }
}

/* var (or std) from M2 over n elements. */
static double var_value(double m2, int64_t n, double correction, bool take_sqrt)
{
    double div = (double)n - correction;
    if (div < 0)
        div = 0;
    double v = m2 / div;
    return take_sqrt ? sqrt(v) : v;
}

static void store_var(const void *st, int64_t k, void *out)
{
    const WelfSt *s = st;
    put_f64(out, k, var_value(s->n ? s->m2 : NAN, s->n, s->correction, s->take_sqrt));
}

typedef struct SqDevSt {
    double mean, acc;
} SqDevSt;

static void row_sqdev(void *st, RedRow r)
{
    SqDevSt *s = st;
    double local = 0, m = s->mean;
    if (r.dt == TS_FLOAT32) { /* the common case without a call per element */
        const float *f = (const float *)r.p;
        for (int64_t j = 0; j < r.n; j++) {
            double dx = (double)f[j * r.stride] - m;
            local += dx * dx;
        }
    } else {
        for (int64_t j = 0; j < r.n; j++) {
            double dx = ts_load_f64(r.p + j * r.bs, r.dt) - m;
            local += dx * dx;
        }
    }
    s->acc += local;
}

/* Full float32/float64 reductions use PyTorch's two-pass form: the mean
 * (a cascade sum) then the sum of squared deviations in double. */
static int var_all_twopass(TsTensor *t, const bool *mask, double *m2)
{
    TsTensor *mt = ts_mean(t, 0, NULL, false, TS_UNDEF);
    if (!mt)
        return -1;
    SqDevSt s = {ts_load_f64(ts_data(mt), mt->dtype), 0};
    ts_release(mt);
    RedPlan p;
    plan_build(&p, t, mask);
    plan_rows(&p, t, 0, row_sqdev, &s);
    *m2 = s.acc;
    return 0;
}

static TsTensor *var_std(TsTensor *t, int nd, const int64_t *dims, double correction,
                         bool keepdim, bool take_sqrt)
{
    OPS_VIA_HOST(t, var_std(h, nd, dims, correction, keepdim, take_sqrt));
    bool mask[TS_MAX_DIMS];
    if (ops_need_cpu(t, "var") < 0 || ops_dim_mask(t, nd, dims, mask) < 0)
        return NULL;
    if (!ts_dtype_is_float(t->dtype)) {
        ts_error(TS_ERR_RUNTIME, "std and var only support floating point and complex dtypes");
        return NULL;
    }
    TsTensor *out = red_result(t, mask, keepdim, t->dtype);
    if (!out)
        return NULL;
    int64_t n = red_count(t, mask);
    if (ts_numel(out) == 1 && (t->dtype == TS_FLOAT32 || t->dtype == TS_FLOAT64) && n > 0) {
        double m2;
        if (var_all_twopass(t, mask, &m2) < 0) {
            ts_release(out);
            return NULL;
        }
        put_f64(out, 0, var_value(m2, n, correction, take_sqrt));
    } else {
        WelfSt init = {0, 0, 0, correction, take_sqrt}, st;
        walk_outputs(t, mask, row_welford, &st, &init, sizeof st, store_var, out);
    }
    return out;
}

TsTensor *ts_var(TsTensor *t, int nd, const int64_t *dims, double correction, bool keepdim)
{
    return var_std(t, nd, dims, correction, keepdim, false);
}

TsTensor *ts_std(TsTensor *t, int nd, const int64_t *dims, double correction, bool keepdim)
{
    return var_std(t, nd, dims, correction, keepdim, true);
}

/* ================================================================== */
/* norm / dist                                                         */
/* ================================================================== */

typedef struct NormSt {
    double p, acc;
    TsDType acc_dt; /* float32 inputs accumulate in float32 */
} NormSt;

/* Sequential accumulation of |x|^p (or the extreme, or the count). */
static void row_norm(void *st, RedRow r)
{
    NormSt *s = st;
    bool f32 = s->acc_dt == TS_FLOAT32;
    for (int64_t j = 0; j < r.n; j++) {
        double a = fabs(ts_load_f64(r.p + j * r.bs, r.dt));
        if (s->p == INFINITY) {
            if (a > s->acc || isnan(a))
                s->acc = isnan(s->acc) ? s->acc : a;
        } else if (s->p == -INFINITY) {
            if (a < s->acc || isnan(a))
                s->acc = isnan(s->acc) ? s->acc : a;
        } else if (s->p == 0) {
            s->acc += a != 0;
        } else if (s->p == 1) {
            s->acc = f32 ? (double)((float)s->acc + (float)a) : s->acc + a;
        } else if (s->p == 2) {
            s->acc = f32 ? (double)((float)s->acc + (float)(a * a)) : s->acc + a * a;
        } else if (f32) { /* float32 computes in float, as PyTorch's NormOps */
            s->acc = (double)((float)s->acc + powf((float)a, (float)s->p));
        } else {
            s->acc += pow(a, s->p);
        }
    }
}

/* The p-th root of the accumulated sum, stored in the result's dtype. */
static void store_norm(const void *st, int64_t k, void *out)
{
    const NormSt *s = st;
    double r = s->acc, p = s->p;
    if (p == 2)
        r = sqrt(r);
    else if (p != 1 && p != 0 && !isinf(p))
        r = s->acc_dt == TS_FLOAT32 ? (double)powf((float)r, 1.0f / (float)p) : pow(r, 1.0 / p);
    put_f64(out, k, r);
}

/* The vectorised p=2 kernel on one contiguous float32 row: PyTorch's
 * last-dim kernel (8 lanes of squares, folded, then the tail). */
static float norm2_f32_row(const float *x, int64_t n)
{
    float acc[8] = {0};
    int64_t d = 0;
    for (; d < n - n % 8; d += 8)
        for (int l = 0; l < 8; l++)
            acc[l] += x[d + l] * x[d + l];
    for (int l = 1; l < 8; l++)
        acc[0] = acc[0] + acc[l];
    for (; d < n; d++)
        acc[0] += x[d] * x[d];
    return sqrtf(acc[0]);
}

/* The p=2 norm of float32 into float32 when each output is one contiguous
 * row (false, nothing done, otherwise). */
static bool norm2_lastdim(const TsTensor *t, const bool *mask, TsTensor *out)
{
    RedPlan pl;
    plan_build(&pl, t, mask);
    if (t->dtype != TS_FLOAT32 || out->dtype != TS_FLOAT32 || pl.nr != 1 || pl.rstride[0] != 1)
        return false;
    float *o = ts_data(out);
    for (int64_t k = 0; k < pl.onumel; k++)
        o[k] = norm2_f32_row((const float *)ops_at(t, plan_base(&pl, t, k)), pl.rsize[0]);
    return true;
}

TsTensor *ts_norm(TsTensor *t, double p, int nd, const int64_t *dims, bool keepdim,
                  TsDType dtype)
{
    OPS_VIA_HOST(t, ts_norm(h, p, nd, dims, keepdim, dtype));
    bool mask[TS_MAX_DIMS];
    if (ops_need_cpu(t, "norm") < 0 || ops_dim_mask(t, nd, dims, mask) < 0)
        return NULL;
    if (!ts_dtype_is_float(t->dtype)) {
        ts_error(TS_ERR_RUNTIME,
                 "norm(): input dtype should be either floating point or complex. Got %s "
                 "instead.",
                 ts_dtype_short(t->dtype));
        return NULL;
    }
    TsDType odt = dtype != TS_UNDEF ? dtype : t->dtype;
    TsTensor *out = red_result(t, mask, keepdim, odt);
    if (!out)
        return NULL;
    if (p != 2 || !norm2_lastdim(t, mask, out)) {
        NormSt init = {p, p == -INFINITY ? INFINITY : 0, t->dtype}, st;
        walk_outputs(t, mask, row_norm, &st, &init, sizeof st, store_norm, out);
    }
    return out;
}

TsTensor *ts_dist(TsTensor *a, TsTensor *b, double p)
{
    TsTensor *d = ts_binary(TS_OP_SUB, ts_arg(a), ts_arg(b), NULL);
    if (!d)
        return NULL;
    TsTensor *r = ts_norm(d, p, 0, NULL, false, TS_UNDEF);
    ts_release(d);
    return r;
}

/* ================================================================== */
/* logsumexp                                                           */
/* ================================================================== */

/* log(sum(exp(x - m))) + m with m the max (infinite maxes replaced by 0),
 * as PyTorch composes it. */
TsTensor *ts_logsumexp(TsTensor *t, int nd, const int64_t *dims, bool keepdim)
{
    TsTensor *x = t;
    if (!ts_dtype_is_float(t->dtype)) {
        x = ts_to(t, ts_default_float(), t->device, false);
        if (!x)
            return NULL;
    } else {
        ts_retain(x);
    }
    TsTensor *m = ts_amax(x, nd, dims, true), *res = NULL;
    TsTensor *inf = NULL, *sh = NULL, *e = NULL, *s = NULL, *l = NULL, *ms = NULL;
    if (!m)
        goto done;
    inf = ts_unary(TS_OP_ISINF, m, NULL);
    if (!inf || !ts_masked_fill(m, inf, ts_arg_s(ts_scalar_f(0)), m))
        goto done;
    ts_release(m); /* masked_fill in place returned a new reference */
    sh = ts_binary(TS_OP_SUB, ts_arg(x), ts_arg(m), NULL);
    if (!sh || !(e = ts_unary(TS_OP_EXP, sh, NULL)))
        goto done;
    if (!(s = ts_sum(e, nd, dims, keepdim, TS_UNDEF)) || !(l = ts_unary(TS_OP_LOG, s, NULL)))
        goto done;
    if (keepdim) {
        ms = m;
        ts_retain(ms);
    } else {
        bool mask[TS_MAX_DIMS];
        int64_t shape[TS_MAX_DIMS];
        ops_dim_mask(x, nd, dims, mask);
        int n = ops_reduced_shape(x, mask, false, shape);
        ms = ts_view(m, n, shape);
        if (!ms)
            goto done;
    }
    res = ts_binary(TS_OP_ADD, ts_arg(l), ts_arg(ms), NULL);
done:
    ts_release(x);
    ts_release(inf);
    ts_release(sh);
    ts_release(e);
    ts_release(s);
    ts_release(l);
    ts_release(ms);
    ts_release(m);
    return res;
}

/* ================================================================== */
/* median / mode (the selection helpers live in sort.c)               */
/* ================================================================== */

/* Implemented in sort.c (libstdc++-compatible selection and sort). */
int ts__median_impl(TsTensor *t, int64_t dim, bool keepdim, bool ignore_nan,
                    TsTensor **values, TsTensor **indices);
TsTensor *ts__median_all_impl(TsTensor *t, bool ignore_nan);
int ts__mode_impl(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values,
                  TsTensor **indices);

TsTensor *ts_median_all(TsTensor *t) { return ts__median_all_impl(t, false); }
TsTensor *ts_nanmedian_all(TsTensor *t) { return ts__median_all_impl(t, true); }

int ts_median_dim(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values,
                  TsTensor **indices)
{
    return ts__median_impl(t, dim, keepdim, false, values, indices);
}

int ts_mode(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values, TsTensor **indices)
{
    return ts__mode_impl(t, dim, keepdim, values, indices);
}
