/* vexp.c — the contiguous float32 exp loop (see vexp.h), with a copy
 * compiled for AVX2+FMA chosen at run time: the build targets plain x86-64,
 * where fmaf is a library call and the loop cannot vectorise. */
#include "tensor/vexp.h"

#include <stdbool.h>

static void exp_generic(float *o, const float *a, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        o[i] = ts_expf_torch(a[i]);
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define HAVE_AVX2_PATH 1
#include <immintrin.h>

/* Eight lanes at a time: the same steps as ts_expf_torch, in the same
 * order (cvtps rounds to nearest even like nearbyintf); the tail goes
 * through the scalar form, which gives the same bits. */
__attribute__((target("avx2,fma"))) static void exp_avx2(float *o,
                                                         const float *a, int64_t n)
{
    const __m256 r_ln2 = _mm256_set1_ps(1.442695040888963407359924681001892137426645954152985934135449406931f);
    const __m256 l2u = _mm256_set1_ps(-0.693145751953125f);
    const __m256 l2l = _mm256_set1_ps(-1.428606765330187045e-06f);
    const __m256i bias = _mm256_set1_epi32(0x7f);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 d = _mm256_loadu_ps(a + i);
        __m256i qi = _mm256_cvtps_epi32(_mm256_mul_ps(d, r_ln2));
        __m256 q = _mm256_cvtepi32_ps(qi);
        __m256 s = _mm256_fmadd_ps(q, l2u, d);
        s = _mm256_fmadd_ps(q, l2l, s);
        __m256 u = _mm256_set1_ps(0.000198527617612853646278381f);
        u = _mm256_fmadd_ps(u, s, _mm256_set1_ps(0.00139304355252534151077271f));
        u = _mm256_fmadd_ps(u, s, _mm256_set1_ps(0.00833336077630519866943359f));
        u = _mm256_fmadd_ps(u, s, _mm256_set1_ps(0.0416664853692054748535156f));
        u = _mm256_fmadd_ps(u, s, _mm256_set1_ps(0.166666671633720397949219f));
        u = _mm256_fmadd_ps(u, s, _mm256_set1_ps(0.5f));
        u = _mm256_add_ps(_mm256_set1_ps(1.0f), _mm256_fmadd_ps(_mm256_mul_ps(s, s), u, s));
        __m256i h = _mm256_srai_epi32(qi, 1);
        __m256 p1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(h, bias), 23));
        __m256 p2 = _mm256_castsi256_ps(
            _mm256_slli_epi32(_mm256_add_epi32(_mm256_sub_epi32(qi, h), bias), 23));
        u = _mm256_mul_ps(_mm256_mul_ps(u, p1), p2);
        u = _mm256_blendv_ps(u, _mm256_setzero_ps(),
                             _mm256_cmp_ps(d, _mm256_set1_ps(-104.0f), _CMP_LT_OQ));
        u = _mm256_blendv_ps(u, _mm256_set1_ps(INFINITY),
                             _mm256_cmp_ps(d, _mm256_set1_ps(104.0f), _CMP_GT_OQ));
        u = _mm256_blendv_ps(u, d, _mm256_cmp_ps(d, d, _CMP_UNORD_Q));
        _mm256_storeu_ps(o + i, u);
    }
    for (; i < n; i++)
        o[i] = ts_expf_torch(a[i]);
}

static bool cpu_has_avx2_fma(void)
{
    static int known = -1; /* benign race: every thread computes the same */
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return known;
}
#endif

void ts_exp_f32_contig(float *o, const float *a, int64_t n)
{
#ifdef HAVE_AVX2_PATH
    if (cpu_has_avx2_fma()) {
        exp_avx2(o, a, n);
        return;
    }
#endif
    exp_generic(o, a, n);
}
