/* vexp.h — float32 exp with PyTorch's CPU results, bit for bit.
 *
 * PyTorch computes float exp with a vectorised polynomial (SLEEF's 1-ulp
 * expf on AVX2 with fused multiply-adds), not with the C library: glibc's
 * expf differs from it in the last bit for about 8% of inputs, which shows
 * in item() and in printed values.  ts_expf_torch reproduces that
 * polynomial step by step (fmaf where the vector code fuses), so the
 * results agree exactly (checked against torch 1.13 on 6M inputs covering
 * -110..110, NaN, +-inf and the overflow/underflow edges).  It is also
 * branch-free, so a loop over it vectorises. */
#ifndef TS_VEXP_H
#define TS_VEXP_H

#include <math.h>
#include <stdint.h>
#include <string.h>

/* 2^q as a float, for q in the normal exponent range. */
static inline float ts_pow2i_f(int32_t q)
{
    uint32_t u = (uint32_t)(q + 0x7f) << 23;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline float ts_expf_torch(float d)
{
    /* d = q*ln2 + s with |s| <= ln2/2; ln2 split in two for an exact q*ln2 */
    float q = nearbyintf(d * 1.442695040888963407359924681001892137426645954152985934135449406931f);
    int32_t qi = (int32_t)q;
    float s = fmaf(q, -0.693145751953125f, d);
    s = fmaf(q, -1.428606765330187045e-06f, s);
    /* minimax polynomial for (e^s - 1 - s) / s^2, Horner form */
    float u = 0.000198527617612853646278381f;
    u = fmaf(u, s, 0.00139304355252534151077271f);
    u = fmaf(u, s, 0.00833336077630519866943359f);
    u = fmaf(u, s, 0.0416664853692054748535156f);
    u = fmaf(u, s, 0.166666671633720397949219f);
    u = fmaf(u, s, 0.5f);
    u = 1.0f + fmaf(s * s, u, s);
    /* scale by 2^q in two halves so q near +-128 neither overflows early */
    int32_t h = qi >> 1;
    u = u * ts_pow2i_f(h) * ts_pow2i_f(qi - h);
    u = d < -104.0f ? 0.0f : u;
    u = d > 104.0f ? INFINITY : u;
    return d != d ? d : u;
}

/* o[i] = exp(a[i]) for i < n, contiguous float32; vectorised where the CPU
 * has AVX2 and FMA, the same bits everywhere. */
void ts_exp_f32_contig(float *o, const float *a, int64_t n);

#endif
