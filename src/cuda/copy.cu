/* copy.cu — fill_ and the dtype-converting strided copy on the GPU.
 *
 * fill depends only on the item size: the host encodes the value in the
 * destination dtype once (ts_store_scalar) and the kernel stores those
 * bytes.  copy_strided is one kernel per (destination, source) type pair
 * (10 x 10), converting as the host library does: float -> integer
 * truncates toward zero with x86's out-of-range results (INT64_MIN, or
 * through int32 for the narrower types), anything -> bool is != 0.
 */
#include "cuda/cuda_internal.h"

#include <type_traits>

/* ---- fill --------------------------------------------------------------- */

template <typename W> __global__ void k_fill(CuLayout L, W *out, W v)
{
    int64_t step = (int64_t)gridDim.x * blockDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < L.numel; i += step)
        out[cu_offset(L, 0, i)] = v;
}

template <typename W> static void launch_fill(const CuLayout &L, TsTensor *t, const void *bytes)
{
    W v;
    memcpy(&v, bytes, sizeof v);
    cu_launch(k_fill<W>, L.numel, L, cu_ptr<W>(t), v);
}

extern "C" int cuda_fill(TsTensor *out, TsScalar v)
{
    CuLayout L;
    unsigned char bytes[8] = {0};
    if (!cu_on_gpu(out) || cu_layout_build(&L, out, NULL, 0) < 0)
        return 1;
    if (L.numel == 0)
        return 0;
    if (cu_use(out) < 0)
        return -1;
    ts_store_scalar(bytes, out->dtype, v);
    switch (ts_dtype_size(out->dtype)) {
    case 1: launch_fill<uint8_t>(L, out, bytes); break;
    case 2: launch_fill<uint16_t>(L, out, bytes); break;
    case 4: launch_fill<uint32_t>(L, out, bytes); break;
    case 8: launch_fill<uint64_t>(L, out, bytes); break;
    default: return 1;
    }
    return cu_launched();
}

/* ---- converting copy ------------------------------------------------------ */

/* x86's float -> integer results (see the host's ts_f2i64 / ts_f2i32). */
__device__ __forceinline__ int64_t f2i64(double v)
{
    return (v >= -0x1p63 && v < 0x1p63) ? (int64_t)v : INT64_MIN;
}
__device__ __forceinline__ int32_t f2i32(double v)
{
    return (v > -2147483649.0 && v < 2147483648.0) ? (int32_t)v : INT32_MIN;
}

template <typename D, typename S> __device__ __forceinline__ D convert(S s)
{
    auto x = cu_load(s);
    typedef decltype(x) X;
    if constexpr (std::is_floating_point<X>::value && std::is_integral<D>::value &&
                  !std::is_same<D, bool>::value) {
        if constexpr (std::is_same<D, int64_t>::value)
            return f2i64((double)x);
        else
            return (D)f2i32((double)x);
    } else {
        return CuCast<D>::go(x);
    }
}

template <typename D, typename S> __global__ void k_copy(CuLayout L, D *dst, const S *src)
{
    int64_t step = (int64_t)gridDim.x * blockDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < L.numel; i += step)
        dst[cu_offset(L, 0, i)] = convert<D, S>(src[cu_offset(L, 1, i)]);
}

template <typename D> static bool launch_copy(const CuLayout &L, TsTensor *dst, TsTensor *src)
{
    bool handled = true;
    CU_DISPATCH(src->dtype, S, cu_launch(k_copy<D, S>, L.numel, L, cu_ptr<D>(dst), cu_ptr<S>(src)));
    return handled;
}

extern "C" int cuda_copy_strided(TsTensor *dst, TsTensor *src)
{
    CuLayout L;
    TsTensor *ops[1] = {src};
    if (!cu_on_gpu(dst) || src->device != dst->device || cu_layout_build(&L, dst, ops, 1) < 0)
        return 1;
    /* Views of one storage may overlap; threads would race on them.  The
     * host path copies from a snapshot of src, which is always right. */
    if (src->storage == dst->storage && src != dst)
        return 1;
    if (L.numel == 0)
        return 0;
    if (cu_use(dst) < 0)
        return -1;
    bool handled = true;
    CU_DISPATCH(dst->dtype, D, handled = launch_copy<D>(L, dst, src));
    return handled ? cu_launched() : 1;
}
