/* cuda_internal.h — what the backend's .cu files share (never included by
 * C code: it pulls in the CUDA runtime and is C++).
 *
 *   - error reporting: cu_ok() turns a cudaError_t into ts_error with
 *     PyTorch's "CUDA error: ..." text;
 *   - the element types: one C++ type per TsDType (half and bfloat16 as
 *     16-bit wrappers with round-to-nearest-even conversions) and
 *     CU_DISPATCH, the one switch from a run-time dtype to a type;
 *   - CuLayout: broadcast, strided operands written down once (STYLE 4),
 *     coalesced on the host, with the contiguous fast path beside it;
 *   - cu_grid(): the launch shape every element-wise kernel uses.
 */
#ifndef TSC_CUDA_INTERNAL_H
#define TSC_CUDA_INTERNAL_H

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>
#include <stdint.h>

#include "cuda/cuda.h"

/* ---- errors ------------------------------------------------------------ */

/* 0 when e is cudaSuccess, else records "CUDA error: <text>" (PyTorch's
 * wording) and returns -1.  cudaGetLastError also clears sticky state. */
int cu_ok(cudaError_t e);
/* Checks the last launch (cudaGetLastError) and, in debug builds
 * (TSC_CUDA_SYNC_DEBUG), synchronises so a faulting kernel is reported
 * at its own call rather than at a later copy. */
int cu_launched(void);

/* ---- element types ----------------------------------------------------- */

/* float16 / bfloat16 are stored as their raw bits (as the host library
 * stores them) and computed in float. */
struct CuHalf {
    uint16_t bits;
};
struct CuBF16 {
    uint16_t bits;
};

/* Compute type of each storage type: what arithmetic runs in. */
template <typename T> struct CuCompute { typedef T type; };
template <> struct CuCompute<CuHalf> { typedef float type; };
template <> struct CuCompute<CuBF16> { typedef float type; };

/* Loads / stores through the compute type. */
template <typename T> __device__ __forceinline__ T cu_load(T v) { return v; }
__device__ __forceinline__ float cu_load(CuHalf v)
{
    return __half2float(__ushort_as_half(v.bits));
}
__device__ __forceinline__ float cu_load(CuBF16 v)
{
    return __bfloat162float(__ushort_as_bfloat16(v.bits));
}

/* cu_cast<D>(x): x (any arithmetic type) to storage type D, following
 * the host library: float -> int truncates toward zero, -> bool is != 0. */
template <typename D> struct CuCast {
    template <typename S> __device__ static D go(S x) { return (D)x; }
};
template <> struct CuCast<bool> {
    template <typename S> __device__ static bool go(S x) { return x != (S)0; }
};
template <> struct CuCast<CuHalf> {
    template <typename S> __device__ static CuHalf go(S x)
    {
        return CuHalf{__half_as_ushort(__float2half_rn((float)x))};
    }
};
template <> struct CuCast<CuBF16> {
    template <typename S> __device__ static CuBF16 go(S x)
    {
        return CuBF16{__bfloat16_as_ushort(__float2bfloat16_rn((float)x))};
    }
};
template <typename D, typename S> __device__ __forceinline__ D cu_cast(S x)
{
    return CuCast<D>::go(cu_load(x));
}

/* The same conversions on the host (kernel arguments). */
template <typename T> static inline T cu_host_cast(double v) { return (T)v; }
template <> inline CuHalf cu_host_cast<CuHalf>(double v) { return CuHalf{ts_f32_to_f16((float)v)}; }
template <> inline CuBF16 cu_host_cast<CuBF16>(double v) { return CuBF16{ts_f32_to_bf16((float)v)}; }
template <typename T> static inline double cu_host_load(T v) { return (double)v; }
static inline double cu_host_load(CuHalf v) { return ts_f16_to_f32(v.bits); }
static inline double cu_host_load(CuBF16 v) { return ts_bf16_to_f32(v.bits); }

/* CU_DISPATCH(dt, T, body): runs body with T the storage type of dt;
 * `handled` (a bool the caller declares) is set false for unknown dtypes. */
#define CU_DISPATCH(dt, T, ...)                                  \
    switch (dt) {                                                \
    case TS_BOOL: { typedef bool T; __VA_ARGS__; break; }        \
    case TS_UINT8: { typedef uint8_t T; __VA_ARGS__; break; }    \
    case TS_INT8: { typedef int8_t T; __VA_ARGS__; break; }      \
    case TS_INT16: { typedef int16_t T; __VA_ARGS__; break; }    \
    case TS_INT32: { typedef int32_t T; __VA_ARGS__; break; }    \
    case TS_INT64: { typedef int64_t T; __VA_ARGS__; break; }    \
    case TS_FLOAT16: { typedef CuHalf T; __VA_ARGS__; break; }   \
    case TS_BFLOAT16: { typedef CuBF16 T; __VA_ARGS__; break; }  \
    case TS_FLOAT32: { typedef float T; __VA_ARGS__; break; }    \
    case TS_FLOAT64: { typedef double T; __VA_ARGS__; break; }   \
    default: handled = false; break;                             \
    }

/* ---- strided operands -------------------------------------------------- */

/* Up to CU_MAX_OPS tensors (operand 0 is the output) iterated in the
 * output's row-major order.  strides[k][d] is operand k's stride (in
 * elements) along dim d of the common shape, 0 where it is broadcast;
 * offset[k] its storage offset.  The host merges dims that are contiguous
 * in every operand (cu_layout_build), so a contiguous op has ndim 1. */
#define CU_MAX_OPS 3
struct CuLayout {
    int nops, ndim;
    int64_t numel;
    int64_t sizes[TS_MAX_DIMS];
    int64_t strides[CU_MAX_OPS][TS_MAX_DIMS];
    bool contiguous; /* every operand dense in row-major order */
};

/* Fills L for out and operands ops[0..nops-2] broadcast to out's shape.
 * A NULL operand (a scalar) gets all-zero strides.  Returns -1 (no error
 * recorded) when an operand cannot broadcast to out; the caller then
 * leaves the op to the host, which reports PyTorch's error. */
int cu_layout_build(CuLayout *L, TsTensor *out, TsTensor *const *ops, int nops);

/* Element offset of the linear index i for operand k. */
__device__ __forceinline__ int64_t cu_offset(const CuLayout &L, int k, int64_t i)
{
    if (L.contiguous)
        return i;
    int64_t off = 0;
    for (int d = L.ndim - 1; d >= 0; d--) {
        int64_t sz = L.sizes[d];
        int64_t q = i / sz;
        off += (i - q * sz) * L.strides[k][d];
        i = q;
    }
    return off;
}

/* Typed base pointer of a tensor's first element (device memory). */
template <typename T> static inline T *cu_ptr(TsTensor *t)
{
    return (T *)t->storage->data + t->offset;
}

/* Grid for n elements with a grid-stride loop: enough blocks to fill the
 * GPU, no more. */
#define CU_BLOCK 256
dim3 cu_grid(int64_t n);

/* Launches kernel k over n elements: cu_grid(n) blocks of CU_BLOCK threads,
 * each kernel a grid-stride loop.  The one place a launch shape is chosen.
 * (CU_EMULATE: a host emulation that runs kernels on the CPU, for testing
 * the kernels' logic without a GPU, supplies its own cu_launch.) */
#ifndef CU_EMULATE
template <typename... P, typename... A>
static inline void cu_launch(void (*k)(P...), int64_t n, A... args)
{
    k<<<cu_grid(n), CU_BLOCK>>>(args...);
}

/* A launch whose shape matters to the result (the random kernels). */
template <typename... P, typename... A>
static inline void cu_launch_shape(void (*k)(P...), int grid, int block, A... args)
{
    k<<<grid, block>>>(args...);
}
#endif

/* The caching allocator (alloc.cu) behind GPU i's memory hooks: NULL on
 * failure (no error recorded, as the device table wants). */
void *cu_pool_alloc(int i, size_t nbytes);
void cu_pool_free(int i, void *p);

/* True when t lives on a CUDA row of the device table. */
bool cu_on_gpu(const TsTensor *t);
/* Makes t's GPU current (cudaSetDevice) before a launch. */
int cu_use(const TsTensor *t);

#endif
