/* mod_random.c — Python's `random` module, bit-exact with CPython 3.11.
 *
 * The generator is MT19937 seeded the way CPython seeds it: an int seed's
 * absolute value is cut into 32-bit words (least significant first) and
 * fed to init_by_array.  Every derived function (randrange through
 * _randbelow's rejection sampling on getrandbits, shuffle, sample, gauss
 * with its cached second value, ...) consumes the stream in the same order
 * as Lib/random.py, so the same seed gives the same numbers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bi_private.h"
#include "objects.h"

/* ------------------------------------------------------------ MT19937 */

enum { MT_N = 624, MT_M = 397 };

static struct {
    uint32_t mt[MT_N];
    int mti;
    bool has_gauss;      /* gauss() produces two values per draw */
    double gauss_next;
} R = {.mti = MT_N + 1};

static void init_genrand(uint32_t s)
{
    R.mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        R.mt[i] = 1812433253u * (R.mt[i - 1] ^ (R.mt[i - 1] >> 30)) + (uint32_t)i;
    R.mti = MT_N;
}

static void init_by_array(const uint32_t *key, int len)
{
    init_genrand(19650218u);
    int i = 1, j = 0;
    for (int k = MT_N > len ? MT_N : len; k; k--) {
        R.mt[i] = (R.mt[i] ^ ((R.mt[i - 1] ^ (R.mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= MT_N) { R.mt[0] = R.mt[MT_N - 1]; i = 1; }
        if (j >= len) j = 0;
    }
    for (int k = MT_N - 1; k; k--) {
        R.mt[i] = (R.mt[i] ^ ((R.mt[i - 1] ^ (R.mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) { R.mt[0] = R.mt[MT_N - 1]; i = 1; }
    }
    R.mt[0] = 0x80000000u;
}

static uint32_t genrand_uint32(void)
{
    static const uint32_t mag01[2] = {0, 0x9908b0dfu};
    if (R.mti >= MT_N) {
        int kk;
        uint32_t y;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (R.mt[kk] & 0x80000000u) | (R.mt[kk + 1] & 0x7fffffffu);
            R.mt[kk] = R.mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (R.mt[kk] & 0x80000000u) | (R.mt[kk + 1] & 0x7fffffffu);
            R.mt[kk] = R.mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (R.mt[MT_N - 1] & 0x80000000u) | (R.mt[0] & 0x7fffffffu);
        R.mt[MT_N - 1] = R.mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        R.mti = 0;
    }
    uint32_t y = R.mt[R.mti++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* random(): 53 random bits, as CPython's random_random. */
static double rand_double(void)
{
    uint32_t a = genrand_uint32() >> 5, b = genrand_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* getrandbits(k) for 0 < k <= 64: words least significant first; only the
 * last word is shifted down, as CPython does. */
static uint64_t getrandbits(int k)
{
    if (k <= 32) return genrand_uint32() >> (32 - k);
    uint64_t lo = genrand_uint32();
    uint64_t hi = genrand_uint32() >> (64 - k);
    return lo | hi << 32;
}

static int bit_length(uint64_t n)
{
    return n ? 64 - __builtin_clzll(n) : 0;
}

/* _randbelow(n): rejection sampling on n.bit_length() random bits. */
static uint64_t randbelow(uint64_t n)
{
    if (n == 0) return 0;
    int k = bit_length(n);
    uint64_t r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
}

/* Seeds from a 64-bit number as init_by_array words.  An int seed uses its
 * absolute value; any other seed its hash cast to size_t (CPython). */
static void seed_u64(uint64_t u)
{
    uint32_t key[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
    init_by_array(key, u >> 32 ? 2 : 1);
    R.has_gauss = false;
}

static void seed_entropy(void)
{
    uint32_t key[4] = {0};
    FILE *f = fopen("/dev/urandom", "rb");
    if (!f || fread(key, sizeof key, 1, f) != 1) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_nsec, key[1] = (uint32_t)ts.tv_sec, key[2] = (uint32_t)clock();
    }
    if (f) fclose(f);
    init_by_array(key, 4);
    R.has_gauss = false;
}

/* ------------------------------------------------------------ helpers */

/* An integer argument of randrange & co; integral floats are accepted. */
static bool int_arg(Value v, int argno, int64_t *out)
{
    if (IS_INT(v)) { *out = v.i; return true; }
    if (IS_BOOL(v)) { *out = v.b; return true; }
    if (IS_FLOAT(v) && v.f == floor(v.f) && fabs(v.f) < 9.2e18) { *out = (int64_t)v.f; return true; }
    if (IS_FLOAT(v)) rt_raise(&exc_ValueError, "non-integer arg %d for randrange()", argno);
    else rt_raise(&exc_TypeError, "'%s' object cannot be interpreted as an integer", v_typename(v));
    return false;
}

static bool real_arg(Value v, double *out)
{
    if (IS_FLOAT(v)) { *out = v.f; return true; }
    if (IS_INT(v)) { *out = (double)v.i; return true; }
    if (IS_BOOL(v)) { *out = v.b; return true; }
    return num_to_double(v, out);
}

/* Python's randrange(start, stop, step) on int64 (the width in 128 bits). */
static Value randrange3(int64_t start, bool has_stop, int64_t stop, int64_t step)
{
    if (!has_stop) {
        if (start > 0) return v_int((int64_t)randbelow((uint64_t)start));
        return rt_raise(&exc_ValueError, "empty range for randrange()");
    }
    __int128 width = (__int128)stop - start;
    if (step == 1) {
        if (width > 0) return v_int((int64_t)(start + (__int128)randbelow((uint64_t)width)));
        return rt_raise(&exc_ValueError, "empty range for randrange() (%lld, %lld, %lld)",
                        (long long)start, (long long)stop, (long long)width);
    }
    if (step == 0) return rt_raise(&exc_ValueError, "zero step for randrange()");
    __int128 num = step > 0 ? width + step - 1 : width + step + 1;
    __int128 n = num / step;
    if ((num % step != 0) && ((num < 0) != (step < 0))) n--;   /* floor division */
    if (n <= 0) return rt_raise(&exc_ValueError, "empty range for randrange()");
    return v_int((int64_t)(start + (__int128)step * (__int128)randbelow((uint64_t)n)));
}

/* ------------------------------------------------------- the functions */

static Value r_seed(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"a", "version"};
    Value a[2];
    if (!args_parse("seed", args, nargs, kw, names, 2, 0, a)) return V_ERR;
    Value s = a[0];
    if (IS_UNBOUND(s) || IS_NONE(s)) seed_entropy();
    else if (IS_INT(s)) seed_u64(s.i < 0 ? (uint64_t)0 - (uint64_t)s.i : (uint64_t)s.i);
    else if (IS_BOOL(s)) seed_u64(s.b);
    else if (IS_FLOAT(s)) seed_u64((uint64_t)num_hash_double(s.f));
    else if (v_isinstance(s, &str_type)) {
        /* CPython hashes a str seed with SHA-512; we use the str hash. */
        int64_t h;
        if (!v_hash(s, &h)) return V_ERR;
        seed_u64((uint64_t)h);
    } else {
        return rt_raise(&exc_TypeError,
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    return V_NONE;
}

static Value r_random(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("random", kw) || !args_count("random", nargs, 0, 0)) return V_ERR;
    return v_float(rand_double());
}

static Value r_getrandbits(Value *args, int nargs, KwArgs *kw)
{
    int64_t k;
    if (!args_nokw("getrandbits", kw) || !args_one("Random.getrandbits", nargs) || !num_index(args[0], &k))
        return V_ERR;
    if (k < 0) return rt_raise(&exc_ValueError, "number of bits must be non-negative");
    if (k > 63) return rt_raise(&exc_OverflowError, "getrandbits(%lld) does not fit a 64-bit int", (long long)k);
    return v_int(k == 0 ? 0 : (int64_t)getrandbits((int)k));
}

static Value r_randrange(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"start", "stop", "step"};
    Value a[3];
    int64_t start, stop = 0, step = 1;
    if (!args_parse("randrange", args, nargs, kw, names, 3, 1, a) || !int_arg(a[0], 1, &start)) return V_ERR;
    bool has_stop = !IS_UNBOUND(a[1]) && !IS_NONE(a[1]);
    if (has_stop && !int_arg(a[1], 2, &stop)) return V_ERR;
    if (!IS_UNBOUND(a[2]) && !int_arg(a[2], 3, &step)) return V_ERR;
    if (!has_stop && step != 1) return rt_raise(&exc_TypeError, "Missing a non-None stop argument");
    return randrange3(start, has_stop, stop, step);
}

static Value r_randint(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"a", "b"};
    Value a[2];
    int64_t lo, hi;
    if (!args_parse("randint", args, nargs, kw, names, 2, 2, a) || !int_arg(a[0], 1, &lo) || !int_arg(a[1], 2, &hi))
        return V_ERR;
    if (hi == INT64_MAX) return num_overflow();
    return randrange3(lo, true, hi + 1, 1);
}

static Value r_uniform(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"a", "b"};
    Value a[2];
    double lo, hi;
    if (!args_parse("uniform", args, nargs, kw, names, 2, 2, a) || !real_arg(a[0], &lo) || !real_arg(a[1], &hi))
        return V_ERR;
    return v_float(lo + (hi - lo) * rand_double());
}

static Value r_choice(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"seq"};
    Value a[1];
    if (!args_parse("choice", args, nargs, kw, names, 1, 1, a)) return V_ERR;
    int64_t n = v_len(a[0]);
    if (n < 0) return V_ERR;
    if (n == 0) return rt_raise(&exc_IndexError, "Cannot choose from an empty sequence");
    return v_getitem(a[0], v_int((int64_t)randbelow((uint64_t)n)));
}

static Value r_shuffle(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"x"};
    Value a[1];
    if (!args_parse("shuffle", args, nargs, kw, names, 1, 1, a)) return V_ERR;
    int64_t n = v_len(a[0]);
    if (n < 0) return V_ERR;
    for (int64_t i = n - 1; i > 0; i--) {
        int64_t j = (int64_t)randbelow((uint64_t)i + 1);
        Value xi = v_getitem(a[0], v_int(i));
        if (IS_ERR(xi)) return xi;
        Value xj = v_getitem(a[0], v_int(j));
        if (IS_ERR(xj)) { v_decref(xi); return xj; }
        bool ok = v_setitem(a[0], v_int(i), xj) >= 0 && v_setitem(a[0], v_int(j), xi) >= 0;
        v_decref(xi);
        v_decref(xj);
        if (!ok) return V_ERR;
    }
    return V_NONE;
}

/* sample's two strategies, chosen by CPython's setsize rule. */
static bool sample_pool(Value pop, int64_t n, int64_t k, Value result)
{
    Value pool = list_from_iter(pop);
    if (IS_ERR(pool)) return false;
    Value *p = ((List *)pool.o)->items;
    for (int64_t i = 0; i < k; i++) {
        int64_t j = (int64_t)randbelow((uint64_t)(n - i));
        if (list_append(result, p[j]) < 0) { v_decref(pool); return false; }
        Value t = p[j];
        p[j] = p[n - i - 1];
        p[n - i - 1] = t;
    }
    v_decref(pool);
    return true;
}

static bool sample_set(Value pop, int64_t n, int64_t k, Value result)
{
    char *selected = rt_calloc((size_t)n, 1);
    if (!selected) return false;
    for (int64_t i = 0; i < k; i++) {
        int64_t j = (int64_t)randbelow((uint64_t)n);
        while (selected[j]) j = (int64_t)randbelow((uint64_t)n);
        selected[j] = 1;
        Value x = v_getitem(pop, v_int(j));
        if (IS_ERR(x) || list_append(result, x) < 0) { v_decref(x); free(selected); return false; }
        v_decref(x);
    }
    free(selected);
    return true;
}

static Value r_sample(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"population", "k", "counts"};
    Value a[3];
    int64_t k;
    if (!args_parse("sample", args, nargs, kw, names, 3, 2, a) || !num_index(a[1], &k)) return V_ERR;
    Value pop = a[0];
    if (v_isinstance(pop, &set_type) || v_isinstance(pop, &dict_type) || !v_type(pop)->getitem)
        return rt_raise(&exc_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n = v_len(pop);
    if (n < 0) return V_ERR;
    if (k < 0 || k > n) return rt_raise(&exc_ValueError, "Sample larger than population or is negative");
    int64_t setsize = 21;
    if (k > 5) setsize += (int64_t)pow(4, ceil(log((double)(k * 3)) / log(4)));
    Value result = list_new(0);
    if (IS_ERR(result)) return result;
    bool ok = n <= setsize ? sample_pool(pop, n, k, result) : sample_set(pop, n, k, result);
    if (!ok) { v_decref(result); return V_ERR; }
    return result;
}

/* choices(population, weights=None, *, cum_weights=None, k=1) */
static Value r_choices(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"population", "weights", "cum_weights", "k"};
    Value a[4];
    int64_t k = 1;
    if (!args_parse("choices", args, nargs, kw, names, 4, 1, a)) return V_ERR;
    if (!IS_UNBOUND(a[3]) && !num_index(a[3], &k)) return V_ERR;
    int64_t n = v_len(a[0]);
    if (n < 0) return V_ERR;
    Value w = IS_UNBOUND(a[1]) ? V_NONE : a[1], cw = IS_UNBOUND(a[2]) ? V_NONE : a[2];
    if (!IS_NONE(w) && !IS_NONE(cw)) return rt_raise(&exc_TypeError, "Cannot specify both weights and cumulative weights");
    double *cum = NULL;
    if (!IS_NONE(w) || !IS_NONE(cw)) {
        Value src = IS_NONE(w) ? cw : w;
        if (v_len(src) != n) return rt_raise(&exc_ValueError, "The number of weights does not match the population");
        if (!(cum = rt_alloc((size_t)(n ? n : 1) * sizeof(double)))) return V_ERR;
        double acc = 0;
        for (int64_t i = 0; i < n; i++) {
            Value x = v_getitem(src, v_int(i));
            double d;
            bool ok = !IS_ERR(x) && real_arg(x, &d);
            v_decref(x);
            if (!ok) { free(cum); return V_ERR; }
            cum[i] = IS_NONE(w) ? d : (acc += d);
        }
    }
    Value result = list_new(0);
    for (int64_t i = 0; !IS_ERR(result) && i < k; i++) {
        int64_t idx;
        if (!cum) idx = (int64_t)floor(rand_double() * (double)n);
        else {
            /* bisect_right(cum, random() * total, 0, n - 1) */
            double x = rand_double() * cum[n - 1];
            int64_t lo = 0, hi = n - 1;
            while (lo < hi) { int64_t mid = (lo + hi) / 2; if (x < cum[mid]) hi = mid; else lo = mid + 1; }
            idx = lo;
        }
        Value x = v_getitem(a[0], v_int(idx));
        if (IS_ERR(x) || list_append(result, x) < 0) { v_decref(result); result = V_ERR; }
        v_decref(x);
    }
    free(cum);
    return result;
}

/* mu and sigma arguments of the distributions (defaults 0 and 1). */
static bool mu_sigma(const char *f, Value *args, int nargs, KwArgs *kw, double *mu, double *sigma)
{
    static const char *const names[] = {"mu", "sigma"};
    Value a[2];
    *mu = 0, *sigma = 1;
    return args_parse(f, args, nargs, kw, names, 2, 0, a) && (IS_UNBOUND(a[0]) || real_arg(a[0], mu)) &&
           (IS_UNBOUND(a[1]) || real_arg(a[1], sigma));
}

static Value r_gauss(Value *args, int nargs, KwArgs *kw)
{
    double mu, sigma, z;
    if (!mu_sigma("gauss", args, nargs, kw, &mu, &sigma)) return V_ERR;
    if (R.has_gauss) {
        z = R.gauss_next;
        R.has_gauss = false;
    } else {
        double x2pi = rand_double() * (2 * M_PI);
        double g2rad = sqrt(-2.0 * log(1.0 - rand_double()));
        z = cos(x2pi) * g2rad;
        R.gauss_next = sin(x2pi) * g2rad;
        R.has_gauss = true;
    }
    return v_float(mu + z * sigma);
}

/* Kinderman and Monahan's ratio method, as Lib/random.py. */
static Value r_normalvariate(Value *args, int nargs, KwArgs *kw)
{
    double mu, sigma, z;
    if (!mu_sigma("normalvariate", args, nargs, kw, &mu, &sigma)) return V_ERR;
    const double magic = 4 * exp(-0.5) / sqrt(2.0);
    for (;;) {
        double u1 = rand_double(), u2 = 1.0 - rand_double();
        z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -log(u2)) break;
    }
    return v_float(mu + z * sigma);
}

static Value r_expovariate(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"lambd"};
    Value a[1];
    double l;
    if (!args_parse("expovariate", args, nargs, kw, names, 1, 1, a) || !real_arg(a[0], &l)) return V_ERR;
    if (l == 0) return rt_raise(&exc_ZeroDivisionError, "float division by zero");
    return v_float(-log(1.0 - rand_double()) / l);
}

static const MethodDef random_functions[] = {
    {"seed", r_seed, "seed(a=None, version=2)\n\nInitialize internal state from a seed.\n\n"
     "With an int the generator is the same as CPython's for that seed; None seeds\nfrom the operating system's entropy.", 0},
    {"random", r_random, "random()\n\nrandom() -> x in the interval [0, 1).", 0},
    {"getrandbits", r_getrandbits, "getrandbits(k, /)\n\ngetrandbits(k) -> x.  Generates an int with k random bits.", 0},
    {"randrange", r_randrange, "randrange(start, stop=None, step=1)\n\nChoose a random item from range(start, stop[, step]).\n\n"
     "This fixes the problem with randint() which includes the\nendpoint; in Python this is usually not what you want.", 0},
    {"randint", r_randint, "randint(a, b)\n\nReturn random integer in range [a, b], including both end points.", 0},
    {"uniform", r_uniform, "uniform(a, b)\n\nGet a random number in the range [a, b) or [a, b] depending on rounding.", 0},
    {"choice", r_choice, "choice(seq)\n\nChoose a random element from a non-empty sequence.", 0},
    {"choices", r_choices, "choices(population, weights=None, *, cum_weights=None, k=1)\n\n"
     "Return a k sized list of population elements chosen with replacement.\n\n"
     "If the relative weights or cumulative weights are not specified,\nthe selections are made with equal probability.", 0},
    {"shuffle", r_shuffle, "shuffle(x)\n\nShuffle list x in place, and return None.", 0},
    {"sample", r_sample, "sample(population, k, *, counts=None)\n\nChooses k unique random elements from a population sequence.\n\n"
     "Returns a new list containing elements from the population while\nleaving the original population unchanged.", 0},
    {"gauss", r_gauss, "gauss(mu=0.0, sigma=1.0)\n\nGaussian distribution.\n\nmu is the mean, and sigma is the standard deviation.  This is\n"
     "slightly faster than the normalvariate() function.\n\nNot thread-safe without a lock around calls.", 0},
    {"normalvariate", r_normalvariate, "normalvariate(mu=0.0, sigma=1.0)\n\nNormal distribution.\n\nmu is the mean, and sigma is the standard deviation.", 0},
    {"expovariate", r_expovariate, "expovariate(lambd)\n\nExponential distribution.\n\nlambd is 1.0 divided by the desired mean.", 0},
    {NULL, NULL, NULL, 0},
};

bool mod_random_init(Value m)
{
    if (R.mti > MT_N) seed_entropy();
    module_add_functions(m, random_functions);
    return true;
}
