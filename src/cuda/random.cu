/* random.cu — uniform_ and normal_ on the GPU, drawn as PyTorch's CUDA
 * generator draws them, so that a seeded program prints PyTorch's numbers
 * (on a GPU with the same multiprocessor count: the launch shape decides
 * which thread draws which element).
 *
 * ATen's recipe (distribution_nullary_kernel): blocks of 256 threads, as
 * many blocks as cover the tensor but at most what the GPU holds resident
 * (SMs * maxThreadsPerSM / 256).  Thread idx starts a cuRAND Philox
 * stream at (seed, subsequence idx, generator offset) and, per round,
 * draws 4 floats (or 2 doubles) for the elements idx, idx + stride, ...
 * in row-major order.  The generator's offset then moves on by the
 * number of 32-bit outputs a thread may have used, rounded up to 4.
 */
#include "cuda/cuda_internal.h"
#include "cuda/philox.h"

#include <type_traits>

#define RNG_BLOCK 256
#define RNG_ENGINE_CALLS 4 /* outputs per next4: ATen's curand4_engine_calls */

/* Compute type of a random draw: float, or double for float64. */
template <typename T> struct RngAcc { typedef float type; };
template <> struct RngAcc<double> { typedef double type; };

/* uniform: rand in (0, 1] -> from + rand*range, with `to` folded back to
 * `from` (ATen reverses cuRAND's bounds to give [from, to)). */
template <typename T, typename A> __device__ T uniform_value(A rand, A from, A range, T to_t, T from_t)
{
    T v = CuCast<T>::go(rand * range + from);
    return cu_load(v) == cu_load(to_t) ? from_t : v;
}

template <typename T, bool NORMAL>
__global__ void k_random(CuLayout L, T *out, uint64_t seed, uint64_t offset,
                         typename RngAcc<T>::type p0, typename RngAcc<T>::type p1, T to_t,
                         T from_t)
{
    typedef typename RngAcc<T>::type A;
    const int unroll = std::is_same<A, double>::value ? 2 : 4;
    int64_t idx = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
    int64_t stride = (int64_t)blockDim.x * gridDim.x, n = L.numel;
    int64_t rounded = ((n - 1) / (stride * unroll) + 1) * stride * unroll;
    CuPhilox st;
    cu_philox_init(&st, seed, (uint64_t)idx, offset);
    for (int64_t base = idx; base < rounded; base += stride * unroll) {
        A r[4];
        if constexpr (std::is_same<A, double>::value)
            NORMAL ? cu_philox_normal2_double(&st, r) : cu_philox_uniform2_double(&st, r);
        else
            NORMAL ? cu_philox_normal4(&st, r) : cu_philox_uniform4(&st, r);
        for (int k = 0; k < unroll; k++) {
            int64_t li = base + stride * k;
            if (li >= n)
                continue;
            /* normal: rand*std + mean (p0 = mean, p1 = std);
             * uniform: p0 = from, p1 = to - from */
            out[cu_offset(L, 0, li)] = NORMAL ? CuCast<T>::go(r[k] * p1 + p0)
                                              : uniform_value<T, A>(r[k], p0, p1, to_t, from_t);
        }
    }
}

/* Blocks for n elements: ATen's calc_execution_policy. */
static int random_grid(int64_t n, const TsTensor *t)
{
    int dev = ts_device_get(t->device)->index, sms = 1, threads = 2048;
    (void)cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev);
    (void)cudaDeviceGetAttribute(&threads, cudaDevAttrMaxThreadsPerMultiProcessor, dev);
    int64_t blocks = (n + RNG_BLOCK - 1) / RNG_BLOCK, cap = (int64_t)sms * (threads / RNG_BLOCK);
    return (int)(blocks < cap ? blocks : cap);
}

template <typename T, bool NORMAL>
static void launch_random(const CuLayout &L, TsTensor *t, double a, double b, uint64_t seed,
                          uint64_t *offset)
{
    typedef typename RngAcc<T>::type A;
    const int unroll = std::is_same<A, double>::value ? 2 : 4;
    int grid = random_grid(L.numel, t);
    /* uniform's bounds go through the tensor's dtype first, as ATen does */
    T from_t = cu_host_cast<T>(a), to_t = cu_host_cast<T>(b);
    /* to - from is computed in the tensor's dtype (half rounds it) */
    A diff = (A)cu_host_load(to_t) - (A)cu_host_load(from_t);
    A p0 = NORMAL ? (A)a : (A)cu_host_load(from_t);
    A p1 = NORMAL ? (A)b : (A)cu_host_load(cu_host_cast<T>(diff));
    uint64_t used = ((uint64_t)(L.numel - 1) / ((uint64_t)RNG_BLOCK * grid * unroll) + 1) *
                    RNG_ENGINE_CALLS;
    uint64_t at = *offset;
    *offset += (used + 3) / 4 * 4;
    cu_launch_shape(k_random<T, NORMAL>, grid, RNG_BLOCK, L, cu_ptr<T>(t), seed, at, p0, p1,
                    to_t, from_t);
}

/* Shared entry: floating tensors on a GPU only (others: host path). */
template <bool NORMAL>
static int random_fill(TsTensor *t, double a, double b, uint64_t seed, uint64_t *offset)
{
    CuLayout L;
    if (!cu_on_gpu(t) || !ts_dtype_is_float(t->dtype) || cu_layout_build(&L, t, NULL, 0) < 0)
        return 1;
    if (L.numel == 0)
        return 0;
    if (cu_use(t) < 0)
        return -1;
    switch (t->dtype) {
    case TS_FLOAT32: launch_random<float, NORMAL>(L, t, a, b, seed, offset); break;
    case TS_FLOAT64: launch_random<double, NORMAL>(L, t, a, b, seed, offset); break;
    case TS_FLOAT16: launch_random<CuHalf, NORMAL>(L, t, a, b, seed, offset); break;
    case TS_BFLOAT16: launch_random<CuBF16, NORMAL>(L, t, a, b, seed, offset); break;
    default: return 1;
    }
    ts_bump_version(t);
    return cu_launched();
}

extern "C" int cuda_uniform_(TsTensor *t, double from, double to, uint64_t seed, uint64_t *offset)
{
    return random_fill<false>(t, from, to, seed, offset);
}

extern "C" int cuda_normal_(TsTensor *t, double mean, double std, uint64_t seed, uint64_t *offset)
{
    return random_fill<true>(t, mean, std, seed, offset);
}
