/* random.c — PyTorch's CPU generator and sampling kernels, bit-exact.
 *
 * The reference is torch 1.13's x86-64 build dispatched at AVX2 (every
 * official wheel on an AVX2/AVX-512 CPU, and the Debian oracle here).  Where
 * that build's compiler fused a multiply and an add we call fma()/fmaf():
 * both are correctly rounded, so the result is the same on any machine.  The
 * file is compiled in ISO C mode, where GCC never contracts a*b+c on its
 * own, so every other operation rounds exactly as written.
 *
 * The algorithms are specified (and modelled in Python) in
 * /work/shared/parity/rng.md and rng_ref.py; section numbers below refer to
 * rng.md.
 */
#include "tensor/random.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------------
 * The engine: MT19937 exactly as at::mt19937 (left/next bookkeeping kept so
 * get_state is byte-compatible).  Section 1.
 * ------------------------------------------------------------------------ */

void ts_manual_seed(TsGenerator *g, uint64_t seed)
{
    g->seed = seed;
    g->state[0] = (uint32_t)(seed & 0xFFFFFFFFu); /* only the low 32 bits */
    for (uint32_t i = 1; i < TS_MT_N; i++) {
        uint32_t prev = g->state[i - 1];
        g->state[i] = 1812433253u * (prev ^ (prev >> 30)) + i;
    }
    g->left = 1;
    g->next = 0;
    g->has_normal = false;
    g->has_float_normal = false;
}

void ts_generator_init(TsGenerator *g)
{
    ts_manual_seed(g, TS_DEFAULT_RNG_SEED);
}

uint64_t ts_initial_seed(const TsGenerator *g)
{
    return g->seed;
}

/* Regenerates the 624-word block (the standard twist). */
static void mt_twist(TsGenerator *g)
{
    uint32_t *s = g->state;
    for (int i = 0; i < TS_MT_N; i++) {
        uint32_t y = (s[i] & 0x80000000u) | (s[(i + 1) % TS_MT_N] & 0x7FFFFFFFu);
        uint32_t v = s[(i + 397) % TS_MT_N] ^ (y >> 1);
        s[i] = (y & 1u) ? v ^ 0x9908B0DFu : v;
    }
    g->left = TS_MT_N;
    g->next = 0;
}

uint32_t ts_random32(TsGenerator *g)
{
    if (--g->left == 0)
        mt_twist(g);
    uint32_t y = g->state[g->next++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9D2C5680u;
    y ^= (y << 15) & 0xEFC60000u;
    y ^= y >> 18;
    return y;
}

uint64_t ts_random64(TsGenerator *g)
{
    uint64_t hi = ts_random32(g); /* the first draw is the high word */
    uint64_t lo = ts_random32(g);
    return (hi << 32) | lo;
}

/* A non-deterministic seed as c10 makes one: 53 bits from the OS's entropy
 * (so it survives a round trip through a Python float), with the clock and
 * pid as a fallback when /dev/urandom is unavailable. */
static uint64_t nondeterministic_seed(void)
{
    uint64_t s = 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (!f || fread(&s, sizeof s, 1, f) != 1) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        s = ((uint64_t)ts.tv_sec * 1000000007u) ^ (uint64_t)ts.tv_nsec ^
            ((uint64_t)getpid() << 20);
    }
    if (f)
        fclose(f);
    return s & ((1ULL << 53) - 1);
}

uint64_t ts_seed(TsGenerator *g)
{
    uint64_t s = nondeterministic_seed();
    ts_manual_seed(g, s);
    return s;
}

TsGenerator *ts_default_generator(void)
{
    static TsGenerator gen;
    static bool ready;
    if (!ready) {
        ts_seed(&gen);
        ready = true;
    }
    return &gen;
}

static TsGenerator *gen_or_default(TsGenerator *g)
{
    return g ? g : ts_default_generator();
}

/* ------------------------------------------------------------------------
 * get/set state: the 5056-byte THGeneratorStateNew of torch.get_rng_state()
 * (little-endian x86-64 layout; the MT words are stored as uint64).
 * ------------------------------------------------------------------------ */
enum {
    ST_SEED = 0, ST_LEFT = 8, ST_SEEDED = 12, ST_NEXT = 16, ST_WORDS = 24,
    ST_NORMAL_Y = 5024, ST_NORMAL_VALID = 5040, ST_FLOAT = 5048, ST_FLOAT_VALID = 5052,
};

void ts_generator_get_state(const TsGenerator *g, uint8_t out[TS_RNG_STATE_SIZE])
{
    memset(out, 0, TS_RNG_STATE_SIZE);
    int32_t one = 1, left = g->left;
    uint64_t next = g->next;
    memcpy(out + ST_SEED, &g->seed, 8);
    memcpy(out + ST_LEFT, &left, 4);
    memcpy(out + ST_SEEDED, &one, 4);
    memcpy(out + ST_NEXT, &next, 8);
    for (int i = 0; i < TS_MT_N; i++) {
        uint64_t w = g->state[i];
        memcpy(out + ST_WORDS + 8 * i, &w, 8);
    }
    if (g->has_normal) {
        memcpy(out + ST_NORMAL_Y, &g->next_normal, 8);
        memcpy(out + ST_NORMAL_VALID, &one, 4);
    }
    if (g->has_float_normal) {
        memcpy(out + ST_FLOAT, &g->next_float_normal, 4);
        out[ST_FLOAT_VALID] = 1;
    }
}

int ts_generator_set_state(TsGenerator *g, const uint8_t *b, int64_t n)
{
    if (n != TS_RNG_STATE_SIZE && n != TS_RNG_LEGACY_STATE_SIZE)
        return ts_error(TS_ERR_RUNTIME,
                        "Expected either a THGeneratorState of size 5048 or a "
                        "THGeneratorStateNew of size 5056 but found the input RNG "
                        "state size to be %lld", (long long)n);
    int32_t left, seeded, valid;
    uint64_t next;
    memcpy(&left, b + ST_LEFT, 4);
    memcpy(&seeded, b + ST_SEEDED, 4);
    memcpy(&next, b + ST_NEXT, 8);
    if (!seeded || left <= 0 || left > TS_MT_N || next > TS_MT_N)
        return ts_error(TS_ERR_RUNTIME, "Invalid mt19937 state");
    memcpy(&g->seed, b + ST_SEED, 8);
    g->left = left;
    g->next = (uint32_t)next;
    for (int i = 0; i < TS_MT_N; i++) {
        uint64_t w;
        memcpy(&w, b + ST_WORDS + 8 * i, 8);
        g->state[i] = (uint32_t)w;
    }
    memcpy(&valid, b + ST_NORMAL_VALID, 4);
    g->has_normal = valid != 0;
    memcpy(&g->next_normal, b + ST_NORMAL_Y, 8);
    g->has_float_normal = n == TS_RNG_STATE_SIZE && b[ST_FLOAT_VALID];
    memcpy(&g->next_float_normal, b + ST_FLOAT, 4);
    return 0;
}

/* ------------------------------------------------------------------------
 * Uniform draws of each precision (section 2).
 * ------------------------------------------------------------------------ */
static float u_float(TsGenerator *g)   /* 24 bits */
{
    return (float)(ts_random32(g) & 0xFFFFFFu) * 0x1p-24f;
}

static double u_double(TsGenerator *g) /* 53 bits of a 64-bit draw */
{
    return (double)(ts_random64(g) & ((1ULL << 53) - 1)) * 0x1p-53;
}

static float u_half(TsGenerator *g)    /* 11 bits */
{
    return (float)(ts_random32(g) & 0x7FFu) * 0x1p-11f;
}

static float u_bf16(TsGenerator *g)    /* 8 bits */
{
    return (float)(ts_random32(g) & 0xFFu) * 0x1p-8f;
}

/* Rounds a float to the nearest half / bfloat16 value, kept as a float:
 * c10's Half and BFloat16 arithmetic is float math rounded back. */
static float round_half(float x) { return ts_f16_to_f32(ts_f32_to_f16(x)); }
static float round_bf16(float x) { return ts_bf16_to_f32(ts_f32_to_bf16(x)); }

/* ------------------------------------------------------------------------
 * Element access and the memory-order walk.
 * ------------------------------------------------------------------------ */

static int not_implemented(const char *kernel, TsDType dt)
{
    return ts_error(TS_ERR_RUNTIME, "\"%s\" not implemented for '%s'", kernel,
                    ts_dtype_short(dt));
}

/* Stores a double as dtype (static_cast<scalar_t>(double) in C++: half and
 * bfloat16 go through float). */
static void store_f64(TsDType dt, char *p, double v)
{
    switch (dt) {
    case TS_FLOAT64: *(double *)p = v; break;
    case TS_FLOAT32: *(float *)p = (float)v; break;
    case TS_FLOAT16: *(uint16_t *)p = ts_f32_to_f16((float)v); break;
    case TS_BFLOAT16: *(uint16_t *)p = ts_f32_to_bf16((float)v); break;
    case TS_BOOL: *(bool *)p = v != 0; break;
    case TS_UINT8: *(uint8_t *)p = (uint8_t)(int64_t)v; break;
    case TS_INT8: *(int8_t *)p = (int8_t)(int64_t)v; break;
    case TS_INT16: *(int16_t *)p = (int16_t)(int64_t)v; break;
    case TS_INT32: *(int32_t *)p = (int32_t)(int64_t)v; break;
    case TS_INT64: *(int64_t *)p = (int64_t)v; break;
    default: break;
    }
}

/* Stores an int64 as dtype (integers wrap as static_cast does). */
static void store_i64(TsDType dt, char *p, int64_t v)
{
    switch (dt) {
    case TS_BOOL: *(bool *)p = v != 0; break;
    case TS_UINT8: *(uint8_t *)p = (uint8_t)v; break;
    case TS_INT8: *(int8_t *)p = (int8_t)v; break;
    case TS_INT16: *(int16_t *)p = (int16_t)v; break;
    case TS_INT32: *(int32_t *)p = (int32_t)v; break;
    case TS_INT64: *(int64_t *)p = v; break;
    /* int64 -> float rounds once (not via double), as static_cast does */
    case TS_FLOAT32: *(float *)p = (float)v; break;
    case TS_FLOAT16: *(uint16_t *)p = ts_f32_to_f16((float)v); break;
    case TS_BFLOAT16: *(uint16_t *)p = ts_f32_to_bf16((float)v); break;
    default: *(double *)p = (double)v; break;
    }
}

static double load_f64(TsDType dt, const char *p)
{
    switch (dt) {
    case TS_FLOAT64: return *(const double *)p;
    case TS_FLOAT32: return *(const float *)p;
    case TS_FLOAT16: return ts_f16_to_f32(*(const uint16_t *)p);
    case TS_BFLOAT16: return ts_bf16_to_f32(*(const uint16_t *)p);
    case TS_BOOL: return *(const bool *)p;
    case TS_UINT8: return *(const uint8_t *)p;
    case TS_INT8: return *(const int8_t *)p;
    case TS_INT16: return *(const int16_t *)p;
    case TS_INT32: return *(const int32_t *)p;
    case TS_INT64: return (double)*(const int64_t *)p;
    default: return 0;
    }
}

/* Walks a tensor's elements in memory order, as TensorIterator orders a
 * single output: size-1 dimensions dropped, the largest stride outermost.
 * `p` is the current element; walk_step advances it like an odometer. */
typedef struct {
    char *p;
    int nd;
    int64_t size[TS_MAX_DIMS], step[TS_MAX_DIMS], idx[TS_MAX_DIMS];
} Walk;

/* Walks `t` in the dimension order that `order` (same shape) would be
 * walked in; walk_init(w, t) is walk_init_as(w, t, t). */
static void walk_init_as(Walk *w, const TsTensor *t, const TsTensor *order)
{
    int64_t isz = (int64_t)ts_dtype_size(t->dtype);
    int64_t key[TS_MAX_DIMS];
    w->p = (char *)ts_data(t);
    w->nd = 0;
    for (int d = 0; d < t->ndim; d++) {
        if (t->sizes[d] == 1)
            continue;
        /* insertion sort, stable, by descending stride of `order` */
        int k = w->nd++;
        while (k > 0 && key[k - 1] < order->strides[d]) {
            key[k] = key[k - 1];
            w->size[k] = w->size[k - 1];
            w->step[k] = w->step[k - 1];
            k--;
        }
        key[k] = order->strides[d];
        w->size[k] = t->sizes[d];
        w->step[k] = t->strides[d] * isz;
    }
    for (int d = 0; d < w->nd; d++)
        w->idx[d] = 0;
}

static void walk_init(Walk *w, const TsTensor *t)
{
    walk_init_as(w, t, t);
}

static void walk_step(Walk *w)
{
    for (int d = w->nd - 1; d >= 0; d--) {
        w->p += w->step[d];
        if (++w->idx[d] < w->size[d])
            return;
        w->p -= w->step[d] * w->size[d];
        w->idx[d] = 0;
    }
}

/* In-place kernels refuse outputs whose elements alias (expanded dims),
 * and otherwise count as a write for autograd's version counter. */
static int check_writable(TsTensor *t)
{
    for (int d = 0; d < t->ndim; d++)
        if (t->strides[d] == 0 && t->sizes[d] > 1)
            return ts_error(TS_ERR_RUNTIME,
                            "unsupported operation: more than one element of the "
                            "written-to tensor refers to a single memory location. "
                            "Please clone() the tensor before performing the operation.");
    ts_bump_version(t);
    return 0;
}

/* Polls the interpreter's Ctrl-C flag every 64K elements of a long fill. */
static int poll_interrupt(int64_t k)
{
    return (k & 0xFFFF) == 0xFFFF ? ts_check_interrupt() : 0;
}

/* ------------------------------------------------------------------------
 * uniform_ (section 2)
 * ------------------------------------------------------------------------ */

/* One element of uniform_(a, b) in dtype dt, given the bounds already
 * converted to dt.  AVX2 build: x * (b - a) + a is one fused operation. */
static void uniform_one(TsGenerator *g, TsDType dt, char *p, double a, double range)
{
    switch (dt) {
    case TS_FLOAT64:
        *(double *)p = fma(u_double(g), range, a);
        break;
    case TS_FLOAT32:
        *(float *)p = fmaf(u_float(g), (float)range, (float)a);
        break;
    case TS_FLOAT16:
        *(uint16_t *)p = ts_f32_to_f16(fmaf(u_half(g), (float)range, (float)a));
        break;
    case TS_BFLOAT16:
        *(uint16_t *)p = ts_f32_to_bf16(fmaf(u_bf16(g), (float)range, (float)a));
        break;
    default:
        break;
    }
}

int ts_uniform_(TsTensor *t, double a, double b, TsGenerator *g)
{
    if (!ts_dtype_is_float(t->dtype))
        return not_implemented("check_uniform_bounds", t->dtype);
    if (a > b)
        return ts_error(TS_ERR_RUNTIME,
                        "uniform_ expects to return a [from, to) range, but found "
                        "from=%g > to=%g", a, b);
    if (check_writable(t) < 0)
        return -1;
    g = gen_or_default(g);
    /* the bounds and their difference are computed in the tensor's dtype */
    double range;
    switch (t->dtype) {
    case TS_FLOAT32: a = (float)a; range = (float)b - (float)a; break;
    case TS_FLOAT16:
        a = round_half((float)a);
        range = round_half((float)round_half((float)b) - (float)a);
        break;
    case TS_BFLOAT16:
        a = round_bf16((float)a);
        range = round_bf16((float)round_bf16((float)b) - (float)a);
        break;
    default: range = b - a; break;
    }
    Walk w;
    walk_init(&w, t);
    int64_t n = ts_numel(t);
    for (int64_t k = 0; k < n; k++, walk_step(&w)) {
        uniform_one(g, t->dtype, w.p, a, range);
        if (poll_interrupt(k) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * normal_ (sections 3 and 4)
 * ------------------------------------------------------------------------ */

/* 4.2: at::normal_distribution<double> — Box–Muller on two 53-bit uniforms,
 * returning the cosine branch and caching the sine branch in g. */
static double normal_scalar(TsGenerator *g, double mean, double std)
{
    double z;
    if (g->has_normal) {
        z = g->next_normal;
        g->has_normal = false;
    } else {
        double u1 = u_double(g);
        double u2 = u_double(g);
        double r = sqrt(-2.0 * log(1.0 - u2));
        double theta = 2.0 * M_PI * u1;
        g->next_normal = r * sin(theta);
        g->has_normal = true;
        z = r * cos(theta);
    }
    return fma(z, std, mean);
}

/* --- 4.3: the AVX2 kernel's float32 math, one lane at a time.  log and
 * sincos are the Cephes polynomials of avx_mathfun.h, with the fused
 * multiply-adds GCC produced for them under -mfma. --- */
static float f32_from_bits(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static uint32_t f32_bits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

static float cephes_logf(float x)
{
    static const float P[9] = {
        7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f,
        -1.2420140846E-1f, 1.4249322787E-1f, -1.6668057665E-1f,
        2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f,
    };
    if (!(x > 0))
        return NAN;
    if (x < 0x1p-126f)
        x = 0x1p-126f;
    int k = (int)(f32_bits(x) >> 23) - 127;
    float m = f32_from_bits((f32_bits(x) & ~0x7F800000u) | f32_bits(0.5f));
    float e = (float)k + 1.0f;
    if (m < 0.707106781186547524f) {
        e = e - 1.0f;
        x = (m - 1.0f) + m;
    } else {
        x = m - 1.0f;
    }
    float z = x * x;
    float y = P[0];
    for (int i = 1; i < 9; i++)
        y = fmaf(y, x, P[i]);
    y = y * x;
    y = fmaf(y, z, e * -2.12194440e-4f);
    y = y - 0.5f * z;
    x = x + y;
    return fmaf(e, 0.693359375f, x);
}

static void cephes_sincosf(float theta, float *s_out, float *c_out)
{
    float x = fabsf(theta);
    uint32_t sign_sin = f32_bits(theta) & 0x80000000u;
    int32_t j = (int32_t)(x * 1.27323954473516f);
    j = (j + 1) & ~1;
    float y = (float)j;
    x = fmaf(y, -0.78515625f, x);
    x = fmaf(y, -2.4187564849853515625e-4f, x);
    x = fmaf(y, -3.77489497744594108e-8f, x);
    sign_sin ^= (uint32_t)(j & 4) << 29;
    uint32_t sign_cos = (uint32_t)(~(j - 2) & 4) << 29;
    float z = x * x;
    float c = fmaf(2.443315711809948E-005f, z, -1.388731625493765E-003f);
    c = fmaf(c, z, 4.166664568298827E-002f);
    c = c * z;
    c = fmaf(c, z, -(z * 0.5f));
    c = c + 1.0f;
    float s = fmaf(-1.9515295891E-4f, z, 8.3321608736E-3f);
    s = fmaf(s, z, -1.6666654611E-1f);
    s = s * z;
    s = fmaf(s, x, x);
    float sn = (j & 2) == 0 ? s : c;
    float cs = (j & 2) == 0 ? c : s;
    *s_out = f32_from_bits(f32_bits(sn) ^ sign_sin);
    *c_out = f32_from_bits(f32_bits(cs) ^ sign_cos);
}

/* Transforms one block of 16 float32 uniforms in place (normal_fill_16_AVX2). */
static void block16_f32(float *d, float mean, float std)
{
    for (int j = 0; j < 8; j++) {
        float u1 = 1.0f - d[j];
        float radius = sqrtf(-2.0f * cephes_logf(u1));
        float s, c;
        cephes_sincosf(6.2831854820251465f * d[j + 8], &s, &c);
        d[j] = fmaf(radius * c, std, mean);
        d[j + 8] = fmaf(radius * s, std, mean);
    }
}

/* 4.4 float64: normal_fill_16<double>, the last multiply-add fused. */
static void block16_f64(double *d, double mean, double std)
{
    for (int j = 0; j < 8; j++) {
        double u1 = 1.0 - d[j];
        double radius = sqrt(-2.0 * log(u1));
        double theta = 2.0 * M_PI * d[j + 8];
        d[j] = fma(radius * cos(theta), std, mean);
        d[j + 8] = fma(radius * sin(theta), std, mean);
    }
}

/* 4.4 float16: every c10::Half operation is float math rounded back to half
 * where the C++ stores a Half (std::log etc. take and return float).  Values
 * are kept as floats holding half values. */
static void block16_f16(float *d, float mean, float std)
{
    for (int j = 0; j < 8; j++) {
        float u1 = round_half(1.0f - d[j]);
        float radius = round_half(sqrtf(-2.0f * logf(u1)));
        float theta = round_half((float)(2.0 * M_PI * (double)d[j + 8]));
        d[j] = round_half(fmaf(radius * cosf(theta), std, mean));
        d[j + 8] = round_half(fmaf(radius * sinf(theta), std, mean));
    }
}

/* 4.4 bfloat16: c10 overloads std::log/sqrt/sin/cos for BFloat16 and all
 * BFloat16 arithmetic returns BFloat16, so EVERY step rounds to bfloat16
 * (verified against torch: the fused variant misses ~15% of values). */
static void block16_bf16(float *d, float mean, float std)
{
    for (int j = 0; j < 8; j++) {
        float u1 = round_bf16(1.0f - d[j]);
        float m2 = round_bf16(-2.0f * round_bf16(logf(u1)));
        float radius = round_bf16(sqrtf(m2));
        float theta = round_bf16((float)(2.0 * M_PI * (double)d[j + 8]));
        float c = round_bf16(cosf(theta)), s = round_bf16(sinf(theta));
        d[j] = round_bf16(round_bf16(round_bf16(radius * c) * std) + mean);
        d[j + 8] = round_bf16(round_bf16(round_bf16(radius * s) * std) + mean);
    }
}

/* The normal_fill driver for one dtype: n uniforms, every full block of 16
 * transformed, then (if n % 16) 16 FRESH uniforms into the last 16 slots. */
#define NORMAL_FILL(T, DRAW, BLOCK)                                  \
    do {                                                             \
        for (int64_t i = 0; i < n; i++)                              \
            d[i] = (T)DRAW(g);                                       \
        for (int64_t i = 0; i + 16 <= n; i += 16)                    \
            BLOCK;                                                   \
        if (n % 16 != 0) {                                           \
            int64_t i = n - 16;                                      \
            for (int64_t k = i; k < n; k++)                          \
                d[k] = (T)DRAW(g);                                   \
            BLOCK;                                                   \
        }                                                            \
    } while (0)

static void normal_fill_f32(float *d, int64_t n, float mean, float std, TsGenerator *g)
{
    NORMAL_FILL(float, u_float, block16_f32(d + i, mean, std));
}

static void normal_fill_f64(double *d, int64_t n, double mean, double std, TsGenerator *g)
{
    NORMAL_FILL(double, u_double, block16_f64(d + i, mean, std));
}

/* Half and bfloat16 work in a float scratch buffer, converted at the end. */
static int normal_fill_16bit(TsTensor *t, int64_t n, double mean, double std, TsGenerator *g)
{
    bool half = t->dtype == TS_FLOAT16;
    float (*rnd)(float) = half ? round_half : round_bf16;
    float (*draw)(TsGenerator *) = half ? u_half : u_bf16;
    void (*block)(float *, float, float) = half ? block16_f16 : block16_bf16;
    float *d = malloc((size_t)n * sizeof *d);
    if (!d)
        return ts_error_oom((size_t)n * sizeof *d);
    float m = rnd((float)mean), s = rnd((float)std);
    NORMAL_FILL(float, draw, block(d + i, m, s));
    uint16_t *out = ts_data(t);
    for (int64_t i = 0; i < n; i++)
        out[i] = half ? ts_f32_to_f16(d[i]) : ts_f32_to_bf16(d[i]);
    free(d);
    return 0;
}

int ts_normal_(TsTensor *t, double mean, double std, TsGenerator *g)
{
    if (std < 0)
        return ts_error(TS_ERR_RUNTIME, "normal expects std >= 0.0, but found std %g", std);
    if (!ts_dtype_is_float(t->dtype))
        return not_implemented("normal_kernel_cpu", t->dtype);
    if (check_writable(t) < 0)
        return -1;
    g = gen_or_default(g);
    int64_t n = ts_numel(t);
    if (n >= 16 && ts_is_contiguous(t)) {
        switch (t->dtype) {
        case TS_FLOAT32:
            normal_fill_f32(ts_data(t), n, (float)mean, (float)std, g);
            return 0;
        case TS_FLOAT64:
            normal_fill_f64(ts_data(t), n, mean, std, g);
            return 0;
        default:
            return normal_fill_16bit(t, n, mean, std, g);
        }
    }
    Walk w;
    walk_init(&w, t);
    for (int64_t k = 0; k < n; k++, walk_step(&w)) {
        store_f64(t->dtype, w.p, normal_scalar(g, mean, std));
        if (poll_interrupt(k) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * random_ / randint (section 6)
 * ------------------------------------------------------------------------ */

/* Bits of integer precision of a floating dtype (std::numeric_limits::digits). */
static int float_digits(TsDType dt)
{
    switch (dt) {
    case TS_FLOAT16: return 11;
    case TS_BFLOAT16: return 8;
    case TS_FLOAT32: return 24;
    default: return 53;
    }
}

/* Largest value of an integer dtype, and the C++ name used in errors. */
static int64_t int_max(TsDType dt)
{
    switch (dt) {
    case TS_BOOL: return 1;
    case TS_UINT8: return 255;
    case TS_INT8: return 127;
    case TS_INT16: return 32767;
    case TS_INT32: return 2147483647;
    default: return INT64_MAX;
    }
}

static int64_t int_min(TsDType dt)
{
    switch (dt) {
    case TS_BOOL: case TS_UINT8: return 0;
    case TS_INT8: return -128;
    case TS_INT16: return -32768;
    case TS_INT32: return -2147483647 - 1;
    default: return INT64_MIN;
    }
}

static const char *c_type_name(TsDType dt)
{
    switch (dt) {
    case TS_BOOL: return "bool";
    case TS_UINT8: return "unsigned char";
    case TS_INT8: return "signed char";
    case TS_INT16: return "short";
    case TS_INT32: return "int";
    default: return "long";
    }
}

/* random_() without bounds: uniform_int<T>(draw) of DistributionsHelper. */
int ts_random_(TsTensor *t, TsGenerator *g)
{
    if (check_writable(t) < 0)
        return -1;
    g = gen_or_default(g);
    TsDType dt = t->dtype;
    bool wide = dt == TS_INT64 || dt == TS_FLOAT64; /* draw random64() */
    uint64_t mod = ts_dtype_is_float(dt) ? (1ULL << float_digits(dt)) + 1
                                         : (uint64_t)int_max(dt) + 1;
    Walk w;
    walk_init(&w, t);
    int64_t n = ts_numel(t);
    for (int64_t k = 0; k < n; k++, walk_step(&w)) {
        uint64_t v = wide ? ts_random64(g) : ts_random32(g);
        store_i64(dt, w.p, (int64_t)(dt == TS_BOOL ? (v & 1) : v % mod));
        if (poll_interrupt(k) < 0)
            return -1;
    }
    return 0;
}

/* random_from_to: (draw % range) + base, with a 64-bit draw only when the
 * range needs it and the dtype can hold it.  range == 0 means 2**64. */
static int random_span(TsTensor *t, uint64_t range, int64_t base, TsGenerator *g)
{
    if (check_writable(t) < 0)
        return -1;
    g = gen_or_default(g);
    TsDType dt = t->dtype;
    bool wide_ok = dt == TS_INT64 || dt == TS_FLOAT64 || dt == TS_FLOAT32 || dt == TS_BFLOAT16;
    bool wide = wide_ok && (range == 0 || range >= (1ULL << 32));
    Walk w;
    walk_init(&w, t);
    int64_t n = ts_numel(t);
    for (int64_t k = 0; k < n; k++, walk_step(&w)) {
        uint64_t v = wide ? ts_random64(g) : ts_random32(g);
        /* range 0 (2**64): the raw draw itself, base ignored */
        uint64_t r = range == 0 ? v : v % range + (uint64_t)base;
        store_i64(dt, w.p, (int64_t)r);
        if (poll_interrupt(k) < 0)
            return -1;
    }
    return 0;
}

/* check_from_to_in_range for integer dtypes (floats only warn in torch). */
static int check_int_bounds(TsDType dt, int64_t from, int64_t to_inc)
{
    if (ts_dtype_is_float(dt))
        return 0;
    if (from < int_min(dt) || from > int_max(dt))
        return ts_error(TS_ERR_RUNTIME, "from is out of bounds for %s", c_type_name(dt));
    if (to_inc < int_min(dt) || to_inc > int_max(dt))
        return ts_error(TS_ERR_RUNTIME, "to - 1 is out of bounds for %s", c_type_name(dt));
    return 0;
}

/* templates::update_from / update_to: for a floating dtype, moves a bound
 * that the dtype cannot represent to the nearest representable integer
 * inside the range (so randint(0, 2**40, dtype=float32) draws modulo
 * 2**40 - 2**16). */
static int64_t float_cast_i64(TsDType dt, int64_t v)
{
    switch (dt) {
    case TS_FLOAT32: return (int64_t)(float)v;
    case TS_FLOAT16: return (int64_t)round_half((float)v);
    case TS_BFLOAT16: return (int64_t)round_bf16((float)v);
    default: return (int64_t)(double)v;
    }
}

static int log2_floor(int64_t v)
{
    int n = 0;
    while (v >>= 1)
        n++;
    return n;
}

static int64_t update_from(TsDType dt, int64_t from)
{
    int64_t from_plus_1 = float_cast_i64(dt, from + 1);
    if (from_plus_1 < from)
        from = from_plus_1 + ((int64_t)1 << (log2_floor(llabs(from + 1)) - float_digits(dt) + 1));
    return from;
}

static int64_t update_to(TsDType dt, int64_t to)
{
    int64_t to_minus_1 = float_cast_i64(dt, to - 1);
    if (to_minus_1 >= to)
        to = to_minus_1 - ((int64_t)1 << (log2_floor(llabs(to - 1)) - float_digits(dt) + 1));
    return to;
}

int ts_random_range_(TsTensor *t, int64_t from, int64_t to, TsGenerator *g)
{
    if (from >= to)
        return ts_error(TS_ERR_RUNTIME,
                        "random_ expects 'from' to be less than 'to', but got "
                        "from=%lld >= to=%lld", (long long)from, (long long)to);
    if (ts_dtype_is_float(t->dtype)) {
        from = update_from(t->dtype, from);
        to = update_to(t->dtype, to);
        if (from >= to)
            return ts_error(TS_ERR_RUNTIME,
                            "random_ expects 'from' casted to dtype to be less than 'to' "
                            "casted to dtype, but got from=%lld >= to=%lld",
                            (long long)from, (long long)to);
    }
    if (check_int_bounds(t->dtype, from, to - 1) < 0)
        return -1;
    return random_span(t, (uint64_t)to - (uint64_t)from, from, g);
}

int ts_random_from_(TsTensor *t, int64_t from, TsGenerator *g)
{
    TsDType dt = t->dtype;
    if (from == INT64_MIN) { /* [-2**63, 2**63 - 1]: range 2**64 */
        if (dt != TS_INT64 && dt != TS_FLOAT64 && dt != TS_FLOAT32 && dt != TS_BFLOAT16)
            return ts_error(TS_ERR_RUNTIME, "random_full_64_bits_range_kernel_cpu handles "
                                            "only int64, double, float and bfloat16");
        return random_span(t, 0, 0, g);
    }
    int64_t to_inc = int_max(dt);
    if (ts_dtype_is_float(dt)) {
        to_inc = float_digits(dt) >= 63 ? INT64_MAX : (int64_t)1 << float_digits(dt);
        from = update_from(dt, from);
        if (from >= to_inc)
            return ts_error(TS_ERR_RUNTIME,
                            "random_ expects 'from' casted to dtype to be less than or "
                            "equal to 'to_inc' casted to dtype, but got from=%lld > "
                            "to_inc=%lld", (long long)from, (long long)to_inc);
    }
    if (check_int_bounds(dt, from, to_inc) < 0)
        return -1;
    return random_span(t, (uint64_t)to_inc - (uint64_t)from + 1, from, g);
}

/* ------------------------------------------------------------------------
 * bernoulli, exponential (section 7)
 * ------------------------------------------------------------------------ */

int ts_bernoulli_scalar_(TsTensor *t, double p, TsGenerator *g)
{
    if (!(p >= 0 && p <= 1))
        return ts_error(TS_ERR_RUNTIME, "bernoulli_ expects p to be in [0, 1], but got p=%g", p);
    if (check_writable(t) < 0)
        return -1;
    g = gen_or_default(g);
    Walk w;
    walk_init(&w, t);
    int64_t n = ts_numel(t);
    for (int64_t k = 0; k < n; k++, walk_step(&w)) {
        store_i64(t->dtype, w.p, u_double(g) < p);
        if (poll_interrupt(k) < 0)
            return -1;
    }
    return 0;
}

int ts_exponential_(TsTensor *t, double lambd, TsGenerator *g)
{
    if (lambd < 0)
        return ts_error(TS_ERR_RUNTIME,
                        "exponential_ expects lambda >= 0.0, but found lambda=%g", lambd);
    if (!ts_dtype_is_float(t->dtype))
        return not_implemented("exponential_cpu", t->dtype);
    if (check_writable(t) < 0)
        return -1;
    g = gen_or_default(g);
    Walk w;
    walk_init(&w, t);
    int64_t n = ts_numel(t);
    for (int64_t k = 0; k < n; k++, walk_step(&w)) {
        double u = u_double(g);
        store_f64(t->dtype, w.p, (-1.0 / lambd) * log(1.0 - u));
        if (poll_interrupt(k) < 0)
            return -1;
    }
    return 0;
}

/* The other one-draw-per-element distributions of Tensor (found by
 * experiment against torch 1.13, AVX2 build; all values computed in double
 * and cast to the dtype):
 *   cauchy_(median, sigma):  fma(sigma, tan(pi * (u - 0.5)), median)
 *   log_normal_(mean, std):  exp(normal sample), the normal of 4.2 (so it
 *                            shares the Box-Muller cache with small randn)
 *   geometric_(p):           ceil(log(u) / log(1 - p)), also into integers
 * with u a 53-bit double uniform. */
typedef enum { DIST_CAUCHY, DIST_LOG_NORMAL, DIST_GEOMETRIC } Dist;

static int dist_fill(TsTensor *t, Dist kind, double a, double b, TsGenerator *g)
{
    if (check_writable(t) < 0)
        return -1;
    g = gen_or_default(g);
    double denom = kind == DIST_GEOMETRIC ? log(1.0 - a) : 0;
    Walk w;
    walk_init(&w, t);
    int64_t n = ts_numel(t);
    for (int64_t k = 0; k < n; k++, walk_step(&w)) {
        double v;
        switch (kind) {
        case DIST_CAUCHY: v = fma(b, tan(M_PI * (u_double(g) - 0.5)), a); break;
        case DIST_LOG_NORMAL: v = exp(normal_scalar(g, a, b)); break;
        default: v = ceil(log(u_double(g)) / denom); break;
        }
        store_f64(t->dtype, w.p, v);
        if (poll_interrupt(k) < 0)
            return -1;
    }
    return 0;
}

int ts_cauchy_(TsTensor *t, double median, double sigma, TsGenerator *g)
{
    if (!ts_dtype_is_float(t->dtype))
        return not_implemented("cauchy_cpu", t->dtype);
    return dist_fill(t, DIST_CAUCHY, median, sigma, g);
}

int ts_log_normal_(TsTensor *t, double mean, double std, TsGenerator *g)
{
    if (!(std > 0))
        return ts_error(TS_ERR_RUNTIME, "log_normal_ expects std > 0.0, but found std=%g", std);
    if (!ts_dtype_is_float(t->dtype))
        return not_implemented("log_normal_cpu", t->dtype);
    return dist_fill(t, DIST_LOG_NORMAL, mean, std, g);
}

int ts_geometric_(TsTensor *t, double p, TsGenerator *g)
{
    if (!(p > 0 && p < 1))
        return ts_error(TS_ERR_RUNTIME, "geometric_ expects p to be in (0, 1), but got p=%g", p);
    if (t->dtype == TS_BOOL)
        return not_implemented("geometric_cpu", t->dtype);
    return dist_fill(t, DIST_GEOMETRIC, p, 0, g);
}

/* A new contiguous tensor shaped like t (empty_like for our purposes). */
static TsTensor *empty_like(const TsTensor *t, TsDType dt)
{
    return ts_empty(t->ndim, t->sizes, dt, t->device);
}

/* torch.bernoulli(p): one uniform per element in p's memory order, of the
 * precision of p's dtype (24-bit float for float32/bfloat16, 53-bit double
 * for float64).  The output walks in step with p, so element k of the walk
 * lands at p's logical position. */
TsTensor *ts_bernoulli(const TsTensor *p, TsGenerator *g)
{
    TsDType dt = p->dtype;
    if (dt == TS_FLOAT16) {
        not_implemented("bernoulli_tensor_cpu_self_", dt);
        return NULL;
    }
    if (!ts_dtype_is_float(dt)) {
        not_implemented("bernoulli_tensor_cpu_p_", dt);
        return NULL;
    }
    TsTensor *out = empty_like(p, dt);
    if (!out)
        return NULL;
    g = gen_or_default(g);
    Walk wp, wo;
    walk_init_as(&wp, p, p);
    walk_init_as(&wo, out, p);
    int64_t n = ts_numel(p);
    for (int64_t k = 0; k < n; k++, walk_step(&wp), walk_step(&wo)) {
        double pv = load_f64(dt, wp.p);
        bool hit = dt == TS_FLOAT64 ? u_double(g) < pv : u_float(g) < (float)pv;
        if (!(pv >= 0 && pv <= 1)) {
            ts_release(out);
            ts_error(TS_ERR_RUNTIME,
                     "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
                     "(Could this error message be improved?  If so, please report "
                     "an enhancement request to PyTorch.)");
            return NULL;
        }
        store_i64(dt, wo.p, hit);
    }
    return out;
}

/* ------------------------------------------------------------------------
 * randperm (section 6)
 * ------------------------------------------------------------------------ */
TsTensor *ts_randperm(int64_t n, TsDType dtype, TsGenerator *g)
{
    if (n < 0) {
        ts_error(TS_ERR_RUNTIME,
                 "Trying to create tensor with negative dimension %lld: [%lld]",
                 (long long)n, (long long)n);
        return NULL;
    }
    TsTensor *out = ts_empty(1, &n, dtype, 0);
    if (!out)
        return NULL;
    int64_t *r = malloc((size_t)(n ? n : 1) * sizeof *r);
    if (!r) {
        ts_release(out);
        ts_error_oom((size_t)n * sizeof *r);
        return NULL;
    }
    g = gen_or_default(g);
    for (int64_t i = 0; i < n; i++)
        r[i] = i;
    /* forward Fisher–Yates with a 32-bit draw reduced modulo n - i */
    for (int64_t i = 0; i + 1 < n; i++) {
        int64_t z = (int64_t)(ts_random32(g) % (uint64_t)(n - i));
        int64_t tmp = r[i];
        r[i] = r[i + z];
        r[i + z] = tmp;
    }
    char *o = ts_data(out);
    size_t isz = ts_dtype_size(dtype);
    for (int64_t i = 0; i < n; i++)
        store_i64(dtype, o + (size_t)i * isz, r[i]);
    free(r);
    return out;
}

/* ------------------------------------------------------------------------
 * multinomial (section 7)
 * ------------------------------------------------------------------------ */

/* The argument checks of at::multinomial, in PyTorch's order. */
static int multinomial_check(const TsTensor *probs, int64_t n, bool replacement)
{
    if (probs->ndim < 1 || probs->ndim > 2)
        return ts_error(TS_ERR_RUNTIME, "prob_dist must be 1 or 2 dim");
    if (!ts_dtype_is_float(probs->dtype))
        return ts_error(TS_ERR_RUNTIME,
                        "multinomial only supports floating-point dtypes for input, got: %s",
                        ts_dtype_short(probs->dtype));
    if (n <= 0)
        return ts_error(TS_ERR_RUNTIME, "cannot sample n_sample <= 0 samples");
    if (!replacement && n > probs->sizes[probs->ndim - 1])
        return ts_error(TS_ERR_RUNTIME,
                        "cannot sample n_sample > prob_dist.size(-1) samples without "
                        "replacement");
    if (probs->sizes[probs->ndim - 1] > (1 << 24))
        return ts_error(TS_ERR_RUNTIME, "number of categories cannot exceed 2^24");
    return 0;
}

/* Probability j of row r, widened to double. */
static double prob_at(const TsTensor *p, int64_t r, int64_t j)
{
    int64_t off = p->ndim == 2 ? r * p->strides[0] + j * p->strides[1] : j * p->strides[0];
    return load_f64(p->dtype, (const char *)ts_data(p) + off * (int64_t)ts_dtype_size(p->dtype));
}

/* The sum of the probabilities must be positive and every one finite, >= 0
 * (the sanity checks of the exponential fast path). */
static int multinomial_validate(const TsTensor *p, int64_t rows, int64_t k)
{
    for (int64_t r = 0; r < rows; r++) {
        double sum = 0;
        for (int64_t j = 0; j < k; j++) {
            double v = prob_at(p, r, j);
            if (!(v >= 0 && v < INFINITY))
                return ts_error(TS_ERR_RUNTIME, "probability tensor contains either "
                                                "`inf`, `nan` or element < 0");
            sum += v;
        }
        if (sum == 0)
            return ts_error(TS_ERR_RUNTIME,
                            "invalid multinomial distribution (sum of probabilities <= 0)");
    }
    return 0;
}

/* With replacement, n > 1: cumulative sums in the probabilities' precision
 * (float for float32), normalised, last bucket forced to 1; per sample one
 * 53-bit uniform and a binary search for the first bucket with cum >= u. */
static int multinomial_cdf(const TsTensor *p, int64_t rows, int64_t k, int64_t n,
                           int64_t *out, TsGenerator *g)
{
    bool dbl = p->dtype == TS_FLOAT64;
    double *cum = malloc((size_t)k * sizeof *cum);
    if (!cum)
        return ts_error_oom((size_t)k * sizeof *cum);
    for (int64_t r = 0; r < rows; r++) {
        double sum = 0;
        float fsum = 0;
        for (int64_t j = 0; j < k; j++) {
            double v = prob_at(p, r, j);
            if (!(v >= 0) || !isfinite(v)) {
                free(cum);
                return ts_error(TS_ERR_RUNTIME, v >= 0
                    ? "invalid multinomial distribution (encountering probability entry = infinity or NaN)"
                    : "invalid multinomial distribution (encountering probability entry < 0)");
            }
            if (dbl)
                cum[j] = sum += v;
            else
                cum[j] = fsum = fsum + (float)v;
        }
        if (!dbl)
            sum = fsum;
        if (!(sum > 0)) {
            free(cum);
            return ts_error(TS_ERR_RUNTIME,
                            "invalid multinomial distribution (sum of probabilities <= 0)");
        }
        for (int64_t j = 0; j < k; j++)
            cum[j] = dbl ? cum[j] / sum : (double)((float)cum[j] / fsum);
        cum[k - 1] = 1;
        for (int64_t i = 0; i < n; i++) {
            double u = u_double(g);
            int64_t lo = 0, hi = k;
            while (hi > lo) {
                int64_t mid = lo + (hi - lo) / 2;
                if (cum[mid] < u)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            out[r * n + i] = lo;
        }
    }
    free(cum);
    return 0;
}

/* Orders indices by descending key, ties by ascending index (topk order). */
static const double *g_sort_keys;
static int by_key_desc(const void *a, const void *b)
{
    int64_t i = *(const int64_t *)a, j = *(const int64_t *)b;
    double x = g_sort_keys[i], y = g_sort_keys[j];
    if (x != y)
        return x > y ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* No replacement (or n == 1): q = p / Exp(1) draws (one 53-bit uniform per
 * element, row-major, rounded to p's dtype), then the n largest q's. */
static int multinomial_gumbel(const TsTensor *p, int64_t rows, int64_t k, int64_t n,
                              int64_t *out, TsGenerator *g)
{
    size_t cnt = (size_t)rows * (size_t)k;
    double *q = malloc(cnt * sizeof *q);
    int64_t *idx = malloc((size_t)k * sizeof *idx);
    if (!q || !idx) {
        free(q);
        free(idx);
        return ts_error_oom(cnt * sizeof *q);
    }
    bool dbl = p->dtype == TS_FLOAT64;
    for (size_t e = 0; e < cnt; e++) {
        double x = -log(1.0 - u_double(g));
        q[e] = dbl ? x : (double)(float)x;
    }
    for (int64_t r = 0; r < rows; r++) {
        double *qr = q + r * k;
        for (int64_t j = 0; j < k; j++) {
            double v = prob_at(p, r, j);
            qr[j] = dbl ? v / qr[j] : (double)((float)v / (float)qr[j]);
            idx[j] = j;
        }
        g_sort_keys = qr;
        qsort(idx, (size_t)k, sizeof *idx, by_key_desc);
        for (int64_t i = 0; i < n; i++)
            out[r * n + i] = idx[i];
    }
    free(q);
    free(idx);
    return 0;
}

TsTensor *ts_multinomial(const TsTensor *probs, int64_t n, bool replacement, TsGenerator *g)
{
    if (multinomial_check(probs, n, replacement) < 0)
        return NULL;
    int64_t rows = probs->ndim == 2 ? probs->sizes[0] : 1;
    int64_t k = probs->sizes[probs->ndim - 1];
    int64_t shape[2] = {rows, n};
    TsTensor *out = probs->ndim == 2 ? ts_empty(2, shape, TS_INT64, probs->device)
                                     : ts_empty(1, &n, TS_INT64, probs->device);
    if (!out || rows * k == 0)
        return out;
    g = gen_or_default(g);
    int rc;
    /* torch 1.13 (the oracle, whose transcripts the conformance cases
     * hold) takes the cumulative path for replacement=True even when
     * n == 1; only 2.x sends n == 1 through the exponential path. */
    if (!replacement) {
        rc = multinomial_validate(probs, rows, k);
        if (rc == 0)
            rc = multinomial_gumbel(probs, rows, k, n, ts_data(out), g);
    } else {
        rc = multinomial_cdf(probs, rows, k, n, ts_data(out), g);
    }
    if (rc < 0) {
        ts_release(out);
        return NULL;
    }
    return out;
}

/* ------------------------------------------------------------------------
 * torch.normal with tensor arguments (section 5) and dropout: a standard
 * normal draw followed by CORE's element-wise ops, separately rounded.
 * ------------------------------------------------------------------------ */

/* CHECK_NORMAL_TENSOR_STD: every element of std must be >= 0. */
static int check_std_tensor(const TsTensor *std)
{
    Walk w;
    walk_init(&w, std);
    int64_t n = ts_numel(std);
    for (int64_t k = 0; k < n; k++, walk_step(&w))
        if (!(load_f64(std->dtype, w.p) >= 0))
            return ts_error(TS_ERR_RUNTIME, "normal expects all elements of std >= 0.0");
    return 0;
}

/* Replaces *z by op(*z, b) in place; false (z released) on failure. */
static bool inplace(TsBinaryOp op, TsTensor **z, TsArg b)
{
    TsTensor *r = ts_binary(op, ts_arg(*z), b, *z);
    if (!r) {
        ts_release(*z);
        *z = NULL;
        return false;
    }
    ts_release(r);
    return true;
}

/* A fresh tensor of `shape` filled with normal_(0, std). */
static TsTensor *normal_base(int nd, const int64_t *shape, TsDType dt, int dev, double std,
                             TsGenerator *g)
{
    TsTensor *z = ts_empty(nd, shape, dt, dev);
    if (z && ts_normal_(z, 0, std, g) < 0) {
        ts_release(z);
        return NULL;
    }
    return z;
}

TsTensor *ts_normal_tt(const TsTensor *mean, const TsTensor *std, TsGenerator *g)
{
    if (check_std_tensor(std) < 0)
        return NULL;
    int nds[2] = {mean->ndim, std->ndim}, nd;
    const int64_t *shapes[2] = {mean->sizes, std->sizes};
    int64_t shape[TS_MAX_DIMS];
    if (ts_broadcast_shapes(2, nds, shapes, &nd, shape) < 0)
        return NULL;
    TsTensor *z = normal_base(nd, shape, mean->dtype, mean->device, 1.0, g);
    if (z && inplace(TS_OP_MUL, &z, ts_arg((TsTensor *)std)))
        inplace(TS_OP_ADD, &z, ts_arg((TsTensor *)mean));
    return z;
}

TsTensor *ts_normal_tf(const TsTensor *mean, double std, TsGenerator *g)
{
    if (std < 0) {
        ts_error(TS_ERR_RUNTIME, "normal expects std >= 0.0, but found std %g", std);
        return NULL;
    }
    TsTensor *z = normal_base(mean->ndim, mean->sizes, mean->dtype, mean->device, std, g);
    if (z)
        inplace(TS_OP_ADD, &z, ts_arg((TsTensor *)mean));
    return z;
}

TsTensor *ts_normal_ft(double mean, const TsTensor *std, TsGenerator *g)
{
    if (check_std_tensor(std) < 0)
        return NULL;
    TsTensor *z = normal_base(std->ndim, std->sizes, std->dtype, std->device, 1.0, g);
    if (z && inplace(TS_OP_MUL, &z, ts_arg((TsTensor *)std)))
        inplace(TS_OP_ADD, &z, ts_arg_s(ts_scalar_f(mean)));
    return z;
}

TsTensor *ts_dropout(const TsTensor *x, double p, TsGenerator *g)
{
    if (!(p >= 0 && p <= 1)) {
        ts_error(TS_ERR_VALUE, "dropout probability has to be between 0 and 1, but got %g", p);
        return NULL;
    }
    if (p == 1) /* input * zeros({}) — keeps nan/inf propagation */
        return ts_binary(TS_OP_MUL, ts_arg((TsTensor *)x), ts_arg_s(ts_scalar_f(0.0)), NULL);
    TsTensor *mask = ts_empty(x->ndim, x->sizes, x->dtype, x->device);
    if (!mask)
        return NULL;
    if (ts_bernoulli_scalar_(mask, 1 - p, g) < 0) {
        ts_release(mask);
        return NULL;
    }
    if (!inplace(TS_OP_DIV, &mask, ts_arg_s(ts_scalar_f(1 - p))))
        return NULL;
    TsTensor *out = ts_binary(TS_OP_MUL, ts_arg((TsTensor *)x), ts_arg(mask), NULL);
    ts_release(mask);
    return out;
}
