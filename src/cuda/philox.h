/* philox.h — Philox4x32-10, the counter-based generator behind cuRAND's
 * device API and so behind PyTorch's CUDA random numbers.
 *
 * Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy as 1, 2,
 * 3" (SC'11).  Ten rounds of two 32x32->64 multiplications scramble a
 * 128-bit counter under a 64-bit key; the key is bumped by Weyl constants
 * between rounds.  Checked against the Random123 known-answer vectors in
 * tests/unit/test_cuda.c (which run on the host in every build).
 *
 * CuPhilox is a stream with cuRAND's curandStatePhilox4_32_10 semantics:
 * init(seed, subsequence, offset) puts the seed in the key, the
 * subsequence in the counter's high 64 bits and skips `offset` 32-bit
 * outputs; next() returns outputs one at a time, next4() four at once.
 * Plain C with CUDA qualifiers when compiled by nvcc, so host code, the
 * unit test and kernels share one definition.
 *
 * random.cu builds PyTorch's CUDA uniform_/normal_ on it (launch shape
 * and generator offsets as ATen's distribution kernels).
 * TODO(rng): the tensor library's RNG does not call cuda_uniform_ /
 * cuda_normal_ yet: random tensors on a GPU are still drawn on the host
 * (MT19937, the CPU numbers) and copied over.
 */
#ifndef TSC_CUDA_PHILOX_H
#define TSC_CUDA_PHILOX_H

#include <math.h>
#include <stdint.h>

#ifdef __CUDACC__
#define PH_FN static __host__ __device__ __forceinline__
#else
#define PH_FN static inline
#endif

#define PH_M0 0xD2511F53u /* round multipliers */
#define PH_M1 0xCD9E8D57u
#define PH_W0 0x9E3779B9u /* key schedule: golden ratio, sqrt(3) - 1 */
#define PH_W1 0xBB67AE85u

/* One round: two 32x32 -> 64 products, halves swapped and keyed. */
PH_FN void ph_round(uint32_t c[4], uint32_t k0, uint32_t k1)
{
    uint64_t p0 = (uint64_t)PH_M0 * c[0], p1 = (uint64_t)PH_M1 * c[2];
    uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
    uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
    uint32_t n0 = hi1 ^ c[1] ^ k0, n2 = hi0 ^ c[3] ^ k1;
    c[0] = n0;
    c[1] = lo1;
    c[2] = n2;
    c[3] = lo0;
}

/* out = Philox4x32-10(counter, key). */
PH_FN void ph_block(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4])
{
    uint32_t c[4] = {ctr[0], ctr[1], ctr[2], ctr[3]}, k0 = key[0], k1 = key[1];
    for (int r = 0; r < 10; r++) {
        if (r > 0) {
            k0 += PH_W0;
            k1 += PH_W1;
        }
        ph_round(c, k0, k1);
    }
    for (int i = 0; i < 4; i++)
        out[i] = c[i];
}

/* ---- a cuRAND-compatible stream ------------------------------------------ */

typedef struct CuPhilox {
    uint32_t ctr[4], key[2];
    uint32_t out[4]; /* ph_block(ctr, key): out[idx] is the next output */
    unsigned idx;
} CuPhilox;

/* counter += n (128-bit, n added to the low 64 bits). */
PH_FN void ph_add_lo(CuPhilox *s, uint64_t n)
{
    uint64_t lo = ((uint64_t)s->ctr[1] << 32 | s->ctr[0]), sum = lo + n;
    s->ctr[0] = (uint32_t)sum;
    s->ctr[1] = (uint32_t)(sum >> 32);
    if (sum < lo && ++s->ctr[2] == 0)
        ++s->ctr[3];
}

/* counter's high 64 bits += n (the subsequence: 2^64 outputs each...
 * times four, as cuRAND counts). */
PH_FN void ph_add_hi(CuPhilox *s, uint64_t n)
{
    uint64_t hi = ((uint64_t)s->ctr[3] << 32 | s->ctr[2]) + n;
    s->ctr[2] = (uint32_t)hi;
    s->ctr[3] = (uint32_t)(hi >> 32);
}

/* Skips n single outputs. */
PH_FN void ph_skip(CuPhilox *s, uint64_t n)
{
    s->idx += (unsigned)(n & 3);
    n /= 4;
    if (s->idx > 3) {
        s->idx -= 4;
        n++;
    }
    ph_add_lo(s, n);
    ph_block(s->ctr, s->key, s->out);
}

PH_FN void cu_philox_init(CuPhilox *s, uint64_t seed, uint64_t subsequence, uint64_t offset)
{
    s->ctr[0] = s->ctr[1] = s->ctr[2] = s->ctr[3] = 0;
    s->key[0] = (uint32_t)seed;
    s->key[1] = (uint32_t)(seed >> 32);
    s->idx = 0;
    ph_add_hi(s, subsequence);
    ph_skip(s, offset);
}

/* The next 32-bit output (curand()). */
PH_FN uint32_t cu_philox_next(CuPhilox *s)
{
    uint32_t r = s->out[s->idx++];
    if (s->idx == 4) {
        ph_add_lo(s, 1);
        ph_block(s->ctr, s->key, s->out);
        s->idx = 0;
    }
    return r;
}

/* The next four outputs (curand4()): from the current position, the
 * counter advancing by exactly one block. */
PH_FN void cu_philox_next4(CuPhilox *s, uint32_t r[4])
{
    uint32_t cur[4] = {s->out[0], s->out[1], s->out[2], s->out[3]};
    ph_add_lo(s, 1);
    ph_block(s->ctr, s->key, s->out);
    for (unsigned i = 0; i < 4; i++) {
        unsigned j = s->idx + i;
        r[i] = j < 4 ? cur[j] : s->out[j - 4];
    }
}

/* ---- cuRAND's distributions (the forms PyTorch's kernels draw) --------- */

#define PH_2POW32_INV 2.3283064e-10f
#define PH_2POW32_INV_2PI (2.3283064e-10f * 6.2831855f)
#define PH_2POW53_INV 1.1102230246251565e-16
#define PH_PI 3.1415926535897932

/* cuRAND's float in (0, 1]: x * 2^-32 + 2^-33. */
PH_FN float cu_philox_uniform(uint32_t x)
{
    return (float)x * PH_2POW32_INV + PH_2POW32_INV / 2;
}

/* A double in (0, 1] from 53 bits of two outputs (curand's "hq" form). */
PH_FN double ph_uniform_double(uint32_t x, uint32_t y)
{
    uint64_t z = (uint64_t)x ^ ((uint64_t)y << (53 - 32));
    return (double)z * PH_2POW53_INV + PH_2POW53_INV / 2.0;
}

/* curand_uniform4 / curand_uniform2_double. */
PH_FN void cu_philox_uniform4(CuPhilox *s, float r[4])
{
    uint32_t x[4];
    cu_philox_next4(s, x);
    for (int i = 0; i < 4; i++)
        r[i] = cu_philox_uniform(x[i]);
}

PH_FN void cu_philox_uniform2_double(CuPhilox *s, double r[2])
{
    uint32_t x[4];
    cu_philox_next4(s, x);
    r[0] = ph_uniform_double(x[0], x[1]);
    r[1] = ph_uniform_double(x[2], x[3]);
}

/* Box-Muller on two outputs, as cuRAND writes it (on the GPU with the same
 * fast sine/cosine it uses, so the numbers agree bit for bit there). */
PH_FN void ph_box_muller(uint32_t x, uint32_t y, float *r0, float *r1)
{
    float u = (float)x * PH_2POW32_INV + PH_2POW32_INV / 2;
    float v = (float)y * PH_2POW32_INV_2PI + PH_2POW32_INV_2PI / 2;
    float s = sqrtf(-2.0f * logf(u));
#ifdef __CUDA_ARCH__
    __sincosf(v, r0, r1);
#else
    *r0 = sinf(v);
    *r1 = cosf(v);
#endif
    *r0 *= s;
    *r1 *= s;
}

PH_FN void cu_philox_normal4(CuPhilox *s, float r[4])
{
    uint32_t x[4];
    cu_philox_next4(s, x);
    ph_box_muller(x[0], x[1], &r[0], &r[1]);
    ph_box_muller(x[2], x[3], &r[2], &r[3]);
}

PH_FN void cu_philox_normal2_double(CuPhilox *s, double r[2])
{
    uint32_t x[4];
    cu_philox_next4(s, x);
    uint64_t zx = (uint64_t)x[0] ^ ((uint64_t)x[1] << (53 - 32));
    uint64_t zy = (uint64_t)x[2] ^ ((uint64_t)x[3] << (53 - 32));
    double u = (double)zx * PH_2POW53_INV + PH_2POW53_INV / 2.0;
    double v = (double)zy * (PH_2POW53_INV * 2.0) + PH_2POW53_INV;
    double sc = sqrt(-2.0 * log(u));
#ifdef __CUDA_ARCH__
    sincospi(v, &r[0], &r[1]);
#else
    r[0] = sin(v * PH_PI);
    r[1] = cos(v * PH_PI);
#endif
    r[0] *= sc;
    r[1] *= sc;
}

#endif
