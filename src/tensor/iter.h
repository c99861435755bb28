/* iter.h — the strided-apply helper every element-wise kernel uses, and
 * the per-dtype helpers kernels are generated with.
 *
 * HOW AN ELEMENT-WISE OP RUNS
 *   1. the op allocates (or is given) the output with the broadcast shape;
 *   2. ts_iter_build() lines the operands up against it: operand 0 is the
 *      output, the others are broadcast to its shape (stride 0 where they
 *      are expanded), size-1 dims are dropped, and adjacent dims that are
 *      contiguous for EVERY operand are merged (a contiguous 3-D add
 *      becomes one flat loop);
 *   3. ts_iter_run() walks the index space in chunks (in parallel above
 *      TS_GRAIN elements) and calls the kernel's inner loop once per row:
 *
 *        loop(data, strides, n, ctx)
 *          data[k]    address of operand k's first element in this row
 *          strides[k] BYTE stride of operand k along the row (0 = the same
 *                     element, e.g. a broadcast scalar)
 *          n          number of elements in the row
 *
 *      The inner loop tests for the contiguous case (strides equal to the
 *      item sizes) and runs a plain indexed loop the compiler vectorises.
 *
 * Dims are stored innermost first inside the iterator (dim 0 is the row).
 */
#ifndef TS_ITER_H
#define TS_ITER_H

#include "tensor/tensor.h"

#define TS_ITER_MAX_OPS 4

typedef struct TsIter {
    int nops; /* operand 0 is the output */
    int ndim; /* after dropping size-1 dims and coalescing; may be 0 */
    int64_t numel;
    int64_t shape[TS_MAX_DIMS];                   /* innermost first */
    int64_t strides[TS_ITER_MAX_OPS][TS_MAX_DIMS]; /* bytes, innermost first */
    char *data[TS_ITER_MAX_OPS];
} TsIter;

typedef void (*TsLoop)(char **data, const int64_t *strides, int64_t n, void *ctx);

/* ops[0] fixes the iteration shape; every other operand must broadcast to
 * it (else PyTorch's "The size of tensor a ..." error).  Host tensors only. */
int ts_iter_build(TsIter *it, int nops, TsTensor *const *ops);
/* Runs loop over every row, in parallel when large; polls interrupts. */
int ts_iter_run(TsIter *it, TsLoop loop, void *ctx);
/* The same, always on the calling thread (reference path, tests). */
int ts_iter_run_serial(TsIter *it, TsLoop loop, void *ctx);

/* ---- devices without a kernel hook ---------------------------------
 * A tensor on another device is computed on through a host MIRROR: the
 * whole storage copied to host memory, viewed with the same sizes,
 * strides and offset.  ts_host_mirror returns t itself (retained) for a
 * CPU tensor; ts_host_commit copies a mirror's storage back. */
TsTensor *ts_host_mirror(TsTensor *t);
int ts_host_commit(TsTensor *dev, TsTensor *mirror);
/* Moves a host tensor to device (t itself, retained, for TS_CPU). */
TsTensor *ts_host_to_device(TsTensor *host, int device);
/* A tensor header sharing s (retained) with the given geometry. */
TsTensor *ts_make_view(TsStorage *s, TsDType dt, int ndim, const int64_t *sizes,
                       const int64_t *strides, int64_t offset);
/* Fills contiguous strides for sizes; returns numel (or -1 on overflow). */
int64_t ts_contiguous_strides(int ndim, const int64_t *sizes, int64_t *strides);

/* ---- per-dtype helpers for generated kernels -------------------------
 * TS_IN_<sfx>(x)  storage value -> compute value
 * TS_OUT_<sfx>(x) compute value -> storage value
 * Only float16/bfloat16 convert; the rest are the identity. */

static inline float ts_h2f(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1f, mant = h & 0x3ff, x;
    float f;
    if (exp == 0x1f) {
        x = sign | 0x7f800000u | (mant << 13);
    } else if (exp == 0) {
        f = (float)mant * 0x1p-24f;
        memcpy(&x, &f, 4);
        x |= sign;
    } else {
        x = sign | ((exp + 112) << 23) | (mant << 13);
    }
    memcpy(&f, &x, 4);
    return f;
}

/* Round-to-nearest-even.  Subnormal results are rounded by the FPU: adding
 * 0.5 moves the value where float's ulp equals half's subnormal ulp. */
static inline uint16_t ts_f2h(float f)
{
    uint32_t x;
    memcpy(&x, &f, 4);
    uint16_t sign = (uint16_t)((x >> 16) & 0x8000);
    uint32_t ax = x & 0x7fffffffu;
    if (ax > 0x7f800000u)
        return sign | 0x7e00;
    if (ax >= 0x477ff000u) /* >= 65520 rounds to inf */
        return sign | 0x7c00;
    if (ax < 0x38800000u) {
        float a;
        memcpy(&a, &ax, 4);
        a += 0.5f;
        memcpy(&x, &a, 4);
        return sign | (uint16_t)(x - 0x3f000000u);
    }
    ax += 0xc8000fffu + ((ax >> 13) & 1);
    return sign | (uint16_t)(ax >> 13);
}

static inline float ts_b2f(uint16_t h)
{
    uint32_t x = (uint32_t)h << 16;
    float f;
    memcpy(&f, &x, 4);
    return f;
}

static inline uint16_t ts_f2b(float f)
{
    uint32_t x;
    memcpy(&x, &f, 4);
    if ((x & 0x7fffffffu) > 0x7f800000u)
        return (uint16_t)((x >> 16) | 0x40);
    x += 0x7fffu + ((x >> 16) & 1);
    return (uint16_t)(x >> 16);
}

#define TS_IN_b(x) (x)
#define TS_IN_u8(x) (x)
#define TS_IN_i8(x) (x)
#define TS_IN_i16(x) (x)
#define TS_IN_i32(x) (x)
#define TS_IN_i64(x) (x)
#define TS_IN_f16(x) ts_h2f(x)
#define TS_IN_bf16(x) ts_b2f(x)
#define TS_IN_f32(x) (x)
#define TS_IN_f64(x) (x)
#define TS_OUT_b(x) ((bool)(x))
#define TS_OUT_u8(x) ((uint8_t)(x))
#define TS_OUT_i8(x) ((int8_t)(x))
#define TS_OUT_i16(x) ((int16_t)(x))
#define TS_OUT_i32(x) ((int32_t)(x))
#define TS_OUT_i64(x) ((int64_t)(x))
#define TS_OUT_f16(x) ts_f2h((float)(x))
#define TS_OUT_bf16(x) ts_f2b((float)(x))
#define TS_OUT_f32(x) ((float)(x))
#define TS_OUT_f64(x) ((double)(x))

#define TS_CAT_(a, b) a##b
#define TS_CAT(a, b) TS_CAT_(a, b)

/* The element-wise inner loops are compiled twice, for x86-64-v3 (AVX2,
 * FMA: twice the vector width) and for the baseline, and the loader picks
 * one for the machine (GCC's function multi-versioning).  C11 mode keeps
 * floating-point contraction off, so both give the same bits. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define TS_SIMD_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define TS_SIMD_CLONES
#endif

/* Casts with PyTorch's x86 results instead of C's undefined behaviour:
 * float -> int64 gives INT64_MIN when out of range or NaN; float to the
 * narrower ints goes through int32 (INT32_MIN when out of range) and then
 * wraps, as `tensor(300.).byte()` -> 44 does. */
static inline int64_t ts_f2i64(double v)
{
    return (v >= -0x1p63 && v < 0x1p63) ? (int64_t)v : INT64_MIN;
}
static inline int32_t ts_f2i32(double v)
{
    return (v > -2147483649.0 && v < 2147483648.0) ? (int32_t)v : INT32_MIN;
}

#endif
