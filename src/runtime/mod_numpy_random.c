/* mod_numpy_random.c — numpy.random: numpy's legacy RandomState stream,
 * bit for bit, so that `np.random.seed(0); np.random.rand(3)` prints
 * numpy's numbers.
 *
 * numpy's legacy generator is the same MT19937 as PyTorch's, seeded the
 * same way for an int seed (init_genrand), so the tensor library's
 * engine supplies the raw 32-bit words (ts_random32); what differs is how
 * numpy turns them into values, written here:
 *   random_sample: (a >> 5, b >> 6) -> (a * 2^26 + b) / 2^53
 *   gauss:         the polar Box–Muller method with a cached second value
 *   randint:       masked rejection sampling on 32-bit (or 64-bit) words
 * Without a seed the stream starts from a non-deterministic seed, as
 * numpy's does.
 */
#include "objects.h"
#include "torch_create.h"

#include <math.h>

typedef struct NpRandom {
    TsGenerator g;
    bool ready;
    bool has_gauss;
    double gauss;
} NpRandom;

static NpRandom np_state;

static NpRandom *rng(void)
{
    if (!np_state.ready) {
        ts_generator_init(&np_state.g);
        ts_seed(&np_state.g);
        np_state.ready = true;
    }
    return &np_state;
}

/* random_sample: 53 random bits from two 32-bit words. */
static double next_double(NpRandom *r)
{
    uint32_t a = ts_random32(&r->g) >> 5, b = ts_random32(&r->g) >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

/* legacy_gauss: polar method, the second value cached for the next call. */
static double next_gauss(NpRandom *r)
{
    if (r->has_gauss) {
        r->has_gauss = false;
        return r->gauss;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * next_double(r) - 1.0;
        x2 = 2.0 * next_double(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = true;
    return f * x2;
}

/* A value in [0, rng] by masked rejection (numpy's use_masked path). */
static uint64_t next_bounded(NpRandom *r, uint64_t range)
{
    if (range == 0) return 0;
    uint64_t mask = range;
    for (int s = 1; s < 64; s <<= 1) mask |= mask >> s;
    if (range <= 0xFFFFFFFFu) {
        uint64_t v;
        while ((v = (ts_random32(&r->g) & mask)) > range) {}
        return v;
    }
    uint64_t v;
    do {
        uint64_t hi = ts_random32(&r->g);
        v = ((hi << 32) | ts_random32(&r->g)) & mask;
    } while (v > range);
    return v;
}

/* The result: a Python float/int without a size, else a float64/int64 array. */
typedef enum { D_UNIFORM, D_GAUSS, D_INT } Draw;

typedef struct DrawSpec {
    Draw kind;
    double loc, scale;      /* D_GAUSS: loc + scale * gauss; D_UNIFORM: loc + scale * u */
    int64_t low;            /* D_INT: low + bounded(range) */
    uint64_t range;
} DrawSpec;

static double draw_one(NpRandom *r, const DrawSpec *d)
{
    if (d->kind == D_UNIFORM) return d->loc + d->scale * next_double(r);
    return d->loc + d->scale * next_gauss(r);
}

static Value draw(const DrawSpec *d, bool sized, int n, const int64_t *sizes)
{
    NpRandom *r = rng();
    if (!sized) {
        if (d->kind == D_INT) return v_int(d->low + (int64_t)next_bounded(r, d->range));
        return v_float(draw_one(r, d));
    }
    TsTensor *t = ts_empty(n, sizes, d->kind == D_INT ? TS_INT64 : TS_FLOAT64, TS_CPU);
    if (!t) return torch_raise_ts();
    int64_t cnt = ts_numel(t);
    if (d->kind == D_INT) {
        int64_t *p = ts_data(t);
        for (int64_t i = 0; i < cnt; i++) p[i] = d->low + (int64_t)next_bounded(r, d->range);
    } else {
        double *p = ts_data(t);
        for (int64_t i = 0; i < cnt; i++) p[i] = draw_one(r, d);
    }
    return np_wrap(t);
}

/* rand(d0, d1, ...) / randn(d0, d1, ...): sizes as varargs. */
static Value varargs_draw(const char *fname, Draw kind, Value *args, int nargs, KwArgs *kw)
{
    int64_t sizes[TS_MAX_DIMS];
    int n = 0;
    if (!args_nokw(fname, kw) || (nargs && !torch_to_sizes(args, nargs, sizes, &n, fname)))
        return V_ERR;
    DrawSpec d = {.kind = kind, .loc = 0, .scale = 1};
    return draw(&d, nargs > 0, n, sizes);
}

static Value r_rand(Value *a, int n, KwArgs *kw) { return varargs_draw("rand", D_UNIFORM, a, n, kw); }
static Value r_randn(Value *a, int n, KwArgs *kw) { return varargs_draw("randn", D_GAUSS, a, n, kw); }

/* An optional size= argument (None / absent: a scalar). */
static bool size_opt(Value v, bool *sized, int64_t *sizes, int *n, const char *fname)
{
    *sized = !IS_UNBOUND(v) && !IS_NONE(v);
    *n = 0;
    return !*sized || torch_size_arg(v, sizes, n, fname);
}

static Value r_random(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"size"};
    Value v[1];
    int64_t sizes[TS_MAX_DIMS];
    int n;
    bool sized;
    if (!args_parse("random_sample", args, nargs, kw, names, 1, 0, v) ||
        !size_opt(v[0], &sized, sizes, &n, "random_sample"))
        return V_ERR;
    DrawSpec d = {.kind = D_UNIFORM, .loc = 0, .scale = 1};
    return draw(&d, sized, n, sizes);
}

/* normal(loc=0.0, scale=1.0, size=None) / uniform(low=0.0, high=1.0, size=None) */
static Value two_param(const char *fname, Draw kind, const char *n0, const char *n1, double d0,
                       double d1, Value *args, int nargs, KwArgs *kw)
{
    const char *names[] = {n0, n1, "size"};
    Value v[3];
    double a = d0, b = d1;
    int64_t sizes[TS_MAX_DIMS];
    int n;
    bool sized;
    if (!args_parse(fname, args, nargs, kw, names, 3, 0, v) ||
        (!IS_UNBOUND(v[0]) && !torch_float_arg(v[0], &a, fname, n0)) ||
        (!IS_UNBOUND(v[1]) && !torch_float_arg(v[1], &b, fname, n1)) ||
        !size_opt(v[2], &sized, sizes, &n, fname))
        return V_ERR;
    DrawSpec d = {.kind = kind, .loc = a, .scale = kind == D_UNIFORM ? b - a : b};
    return draw(&d, sized, n, sizes);
}

static Value r_normal(Value *a, int n, KwArgs *kw)
{
    return two_param("normal", D_GAUSS, "loc", "scale", 0, 1, a, n, kw);
}

static Value r_uniform(Value *a, int n, KwArgs *kw)
{
    return two_param("uniform", D_UNIFORM, "low", "high", 0, 1, a, n, kw);
}

/* randint(low, high=None, size=None): int64 values in [low, high). */
static Value r_randint(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"low", "high", "size", "dtype"};
    Value v[4];
    int64_t lo, hi, sizes[TS_MAX_DIMS];
    int n;
    bool sized;
    if (!args_parse("randint", args, nargs, kw, names, 4, 1, v) ||
        !torch_int_arg(v[0], &lo, "randint", "low") ||
        (!IS_UNBOUND(v[1]) && !IS_NONE(v[1]) && !torch_int_arg(v[1], &hi, "randint", "high")) ||
        !size_opt(v[2], &sized, sizes, &n, "randint"))
        return V_ERR;
    if (IS_UNBOUND(v[1]) || IS_NONE(v[1])) {
        hi = lo;
        lo = 0;
    }
    if (lo >= hi) return rt_raise(&exc_ValueError, "high <= low");
    DrawSpec d = {.kind = D_INT, .low = lo, .range = (uint64_t)hi - (uint64_t)lo - 1};
    return draw(&d, sized, n, sizes);
}

static Value r_seed(Value *args, int nargs, KwArgs *kw)
{
    int64_t s = 0;
    if (!args_nokw("seed", kw) || !args_count("seed", nargs, 0, 1)) return V_ERR;
    NpRandom *r = rng();
    if (nargs == 0 || IS_NONE(args[0])) {
        ts_seed(&r->g);
    } else {
        if (!num_index(args[0], &s)) return V_ERR;
        if (s < 0 || s > 0xFFFFFFFFLL)
            return rt_raise(&exc_ValueError, "Seed must be between 0 and 2**32 - 1");
        ts_manual_seed(&r->g, (uint64_t)s);
    }
    r->has_gauss = false;
    return V_NONE;
}

static const MethodDef random_functions[] = {
    {"seed", r_seed, "seed(seed=None)\n\nReseed the legacy random number generator.", 0},
    {"rand", r_rand, "rand(d0, d1, ..., dn)\n\nRandom values in a given shape, uniform over [0, 1).", 0},
    {"randn", r_randn, "randn(d0, d1, ..., dn)\n\nReturn a sample (or samples) from the standard normal distribution.", 0},
    {"random", r_random, "random(size=None)\n\nReturn random floats in the half-open interval [0.0, 1.0).", 0},
    {"random_sample", r_random, "random_sample(size=None)\n\nReturn random floats in the half-open interval [0.0, 1.0).", 0},
    {"normal", r_normal, "normal(loc=0.0, scale=1.0, size=None)\n\nDraw random samples from a normal (Gaussian) distribution.", 0},
    {"uniform", r_uniform, "uniform(low=0.0, high=1.0, size=None)\n\nDraw samples from a uniform distribution.", 0},
    {"randint", r_randint, "randint(low, high=None, size=None, dtype=int)\n\nReturn random integers from low (inclusive) to high (exclusive).", 0},
    {NULL, NULL, NULL, 0},
};

bool np_random_init(Value np)
{
    Value rnd = module_new("numpy.random");
    if (IS_ERR(rnd)) return false;
    module_add_functions(rnd, random_functions);
    bool ok = dict_set_cstr(((Module *)np.o)->dict, "random", rnd) >= 0;
    v_decref(rnd);
    return ok;
}
