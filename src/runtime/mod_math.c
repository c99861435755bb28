/* mod_math.c — the math module: constants and the C library's functions
 * with Python's argument rules and errors ("math domain error" for a NaN
 * produced from a non-NaN argument, "math range error" for an overflow).
 *
 * One-argument float functions are rows of a single table driven through
 * math_1, as CPython's own math module does; integer functions
 * (factorial, gcd, comb, perm, isqrt) are exact on int64 and raise
 * OverflowError rather than wrap. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bi_private.h"
#include "objects.h"

/* A float argument: int, bool, float, or an object with __float__. */
static bool to_double(Value v, double *out)
{
    if (IS_FLOAT(v)) { *out = v.f; return true; }
    if (IS_INT(v)) { *out = (double)v.i; return true; }
    if (IS_BOOL(v)) { *out = v.b; return true; }
    if (IS_OBJ(v) && !IS_UNBOUND(bi_type_lookup(v_type(v), "__float__")))
        return num_to_double(v, out);
    rt_raise(&exc_TypeError, "must be real number, not %s", v_typename(v));
    return false;
}

/* An exact integer argument ("'float' object cannot be interpreted..."). */
static bool to_int(Value v, int64_t *out)
{
    if (IS_INT(v)) { *out = v.i; return true; }
    if (IS_BOOL(v)) { *out = v.b; return true; }
    rt_raise(&exc_TypeError, "'%s' object cannot be interpreted as an integer", v_typename(v));
    return false;
}

static Value domain_error(void) { return rt_raise(&exc_ValueError, "math domain error"); }
static Value range_error(void) { return rt_raise(&exc_OverflowError, "math range error"); }

/* Python's check of a libm result r computed from x. */
static Value float_result(double x, double r, bool can_overflow)
{
    if (isnan(r) && !isnan(x)) return domain_error();
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
    return v_float(r);
}

static Value math_1(const char *qual, Value *args, int nargs, KwArgs *kw,
                    double (*fn)(double), bool can_overflow)
{
    double x;
    if (!args_nokw(qual, kw) || !args_one(qual, nargs) || !to_double(args[0], &x)) return V_ERR;
    return float_result(x, fn(x), can_overflow);
}

/* The one-argument float functions, one row each: (name, libm, overflow). */
#define MATH1_LIST(X)                                                         \
    X(sqrt, sqrt, false) X(exp, exp, true) X(exp2, exp2, true)                \
    X(expm1, expm1, true) X(log2, log2, false) X(log10, log10, false)         \
    X(log1p, log1p, false) X(fabs, fabs, false) X(sin, sin, false)            \
    X(cos, cos, false) X(tan, tan, false) X(asin, asin, false)                \
    X(acos, acos, false) X(atan, atan, false) X(sinh, sinh, true)             \
    X(cosh, cosh, true) X(tanh, tanh, false) X(asinh, asinh, false)           \
    X(acosh, acosh, false) X(atanh, atanh, false) X(erf, erf, false)          \
    X(erfc, erfc, false) X(gamma, tgamma, true) X(lgamma, lgamma, true)       \
    X(cbrt, cbrt, false)

#define MATH1_FN(name, cfn, ovf)                                             \
    static Value m_##name(Value *a, int n, KwArgs *kw)                       \
    {                                                                        \
        return math_1("math." #name, a, n, kw, cfn, ovf);                    \
    }
MATH1_LIST(MATH1_FN)

/* log2/log10/log of zero is a domain error in Python (libm gives -inf). */
static Value m_log(Value *args, int nargs, KwArgs *kw)
{
    double x, b = 0;
    if (!args_nokw("log", kw) || !args_count("log", nargs, 1, 2) || !to_double(args[0], &x)) return V_ERR;
    if (nargs == 2 && !to_double(args[1], &b)) return V_ERR;
    if (x <= 0 || (nargs == 2 && b <= 0)) return domain_error();
    double r = log(x);
    if (nargs == 2) {
        double lb = log(b);
        if (lb == 0) return rt_raise(&exc_ZeroDivisionError, "float division by zero");
        r /= lb;
    }
    return v_float(r);
}

/* Two-argument float functions. */
static bool two_doubles(const char *q, Value *args, int nargs, KwArgs *kw, double *x, double *y)
{
    return args_nokw(q, kw) && args_count(q, nargs, 2, 2) && to_double(args[0], x) && to_double(args[1], y);
}

static Value m_pow(Value *args, int nargs, KwArgs *kw)
{
    double x, y;
    if (!two_doubles("pow", args, nargs, kw, &x, &y)) return V_ERR;
    if (x == 0 && y < 0) return domain_error();
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
    if (isinf(r) && isfinite(x) && isfinite(y)) return range_error();
    return v_float(r);
}

static Value m_atan2(Value *args, int nargs, KwArgs *kw)
{
    double y, x;
    if (!two_doubles("atan2", args, nargs, kw, &y, &x)) return V_ERR;
    return v_float(atan2(y, x));
}

static Value m_copysign(Value *args, int nargs, KwArgs *kw)
{
    double x, y;
    if (!two_doubles("copysign", args, nargs, kw, &x, &y)) return V_ERR;
    return v_float(copysign(x, y));
}

static Value m_fmod(Value *args, int nargs, KwArgs *kw)
{
    double x, y;
    if (!two_doubles("fmod", args, nargs, kw, &x, &y)) return V_ERR;
    if (isinf(x) || (y == 0 && !isnan(x))) return domain_error();
    return v_float(fmod(x, y));
}

static Value m_ldexp(Value *args, int nargs, KwArgs *kw)
{
    double x;
    int64_t e;
    if (!args_nokw("ldexp", kw) || !args_count("ldexp", nargs, 2, 2) || !to_double(args[0], &x) ||
        !to_int(args[1], &e))
        return V_ERR;
    double r = ldexp(x, e > 100000 ? 100000 : e < -100000 ? -100000 : (int)e);
    return float_result(x, r, true);
}

static Value m_degrees(Value *args, int nargs, KwArgs *kw)
{
    double x;
    if (!args_nokw("math.degrees", kw) || !args_one("math.degrees", nargs) || !to_double(args[0], &x)) return V_ERR;
    return v_float(x * (180.0 / M_PI));
}

static Value m_radians(Value *args, int nargs, KwArgs *kw)
{
    double x;
    if (!args_nokw("math.radians", kw) || !args_one("math.radians", nargs) || !to_double(args[0], &x)) return V_ERR;
    return v_float(x * (M_PI / 180.0));
}

/* ------------------------------------------------ float classification */

static Value classify(const char *q, Value *args, int nargs, KwArgs *kw, int which)
{
    double x;
    if (!args_nokw(q, kw) || !args_one(q, nargs) || !to_double(args[0], &x)) return V_ERR;
    return v_bool(which == 0 ? isnan(x) : which == 1 ? isinf(x) : isfinite(x));
}

static Value m_isnan(Value *a, int n, KwArgs *kw) { return classify("math.isnan", a, n, kw, 0); }
static Value m_isinf(Value *a, int n, KwArgs *kw) { return classify("math.isinf", a, n, kw, 1); }
static Value m_isfinite(Value *a, int n, KwArgs *kw) { return classify("math.isfinite", a, n, kw, 2); }

static Value m_isclose(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    Value v[4];
    double a, b, rel = 1e-09, abs_tol = 0.0;
    if (nargs > 2) return rt_raise(&exc_TypeError, "isclose() takes exactly 2 positional arguments (%d given)", nargs);
    if (!args_parse("isclose", args, nargs, kw, names, 4, 2, v) || !to_double(v[0], &a) || !to_double(v[1], &b))
        return V_ERR;
    if ((!IS_UNBOUND(v[2]) && !to_double(v[2], &rel)) || (!IS_UNBOUND(v[3]) && !to_double(v[3], &abs_tol)))
        return V_ERR;
    if (rel < 0 || abs_tol < 0) return rt_raise(&exc_ValueError, "tolerances must be non-negative");
    if (a == b) return v_bool(true);
    if (isinf(a) || isinf(b)) return v_bool(false);
    double diff = fabs(b - a);
    return v_bool(diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs_tol);
}

/* --------------------------------------------- rounding to an integer */

/* floor/ceil/trunc: an int from a float; objects use their dunder
 * (math.floor(tensor) calls Tensor.__floor__). */
static Value to_integral(const char *q, const char *dunder, Value *args, int nargs, KwArgs *kw,
                         double (*fn)(double))
{
    if (!args_nokw(q, kw) || !args_one(q, nargs)) return V_ERR;
    Value x = args[0];
    if (IS_INT(x)) return x;
    if (IS_BOOL(x)) return v_int(x.b);
    if (IS_OBJ(x) && !IS_UNBOUND(bi_type_lookup(v_type(x), dunder))) {
        Value m = v_getattr_cstr(x, dunder);
        if (IS_ERR(m)) return m;
        Value r = bi_call0(m);
        v_decref(m);
        return r;
    }
    double d;
    if (!to_double(x, &d)) return V_ERR;
    d = fn(d);
    if (isnan(d)) return rt_raise(&exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return rt_raise(&exc_OverflowError, "cannot convert float infinity to integer");
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) return num_overflow();
    return v_int((int64_t)d);
}

static Value m_floor(Value *a, int n, KwArgs *kw) { return to_integral("math.floor", "__floor__", a, n, kw, floor); }
static Value m_ceil(Value *a, int n, KwArgs *kw) { return to_integral("math.ceil", "__ceil__", a, n, kw, ceil); }
static Value m_trunc(Value *a, int n, KwArgs *kw) { return to_integral("math.trunc", "__trunc__", a, n, kw, trunc); }

static Value m_modf(Value *args, int nargs, KwArgs *kw)
{
    double x, ip;
    if (!args_nokw("math.modf", kw) || !args_one("math.modf", nargs) || !to_double(args[0], &x)) return V_ERR;
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) ip = x;
    return tuple_pack(2, v_float(fp), v_float(ip));
}

static Value m_frexp(Value *args, int nargs, KwArgs *kw)
{
    double x;
    int e = 0;
    if (!args_nokw("math.frexp", kw) || !args_one("math.frexp", nargs) || !to_double(args[0], &x)) return V_ERR;
    double m = isfinite(x) ? frexp(x, &e) : x;
    return tuple_pack(2, v_float(m), v_int(e));
}

/* ----------------------------------------------------- integer functions */

static Value m_factorial(Value *args, int nargs, KwArgs *kw)
{
    int64_t n;
    if (!args_nokw("math.factorial", kw) || !args_one("math.factorial", nargs) || !to_int(args[0], &n)) return V_ERR;
    if (n < 0) return rt_raise(&exc_ValueError, "factorial() not defined for negative values");
    int64_t r = 1;
    for (int64_t i = 2; i <= n; i++)
        if (__builtin_mul_overflow(r, i, &r)) return num_overflow();
    return v_int(r);
}

static int64_t gcd2(int64_t a, int64_t b)
{
    uint64_t x = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
    uint64_t y = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
    while (y) { uint64_t t = x % y; x = y; y = t; }
    return (int64_t)x;
}

static Value m_gcd(Value *args, int nargs, KwArgs *kw)
{
    int64_t g = 0, x;
    if (!args_nokw("gcd", kw)) return V_ERR;
    for (int i = 0; i < nargs; i++) {
        if (!to_int(args[i], &x)) return V_ERR;
        g = gcd2(g, x);
    }
    if (g < 0) return num_overflow();
    return v_int(g);
}

static Value m_lcm(Value *args, int nargs, KwArgs *kw)
{
    int64_t l = 1, x;
    if (!args_nokw("lcm", kw)) return V_ERR;
    for (int i = 0; i < nargs; i++) {
        if (!to_int(args[i], &x)) return V_ERR;
        if (x == 0 || l == 0) { l = 0; continue; }
        int64_t g = gcd2(l, x), ax = x < 0 ? -x : x;
        if (__builtin_mul_overflow(l / g, ax, &l)) return num_overflow();
    }
    return v_int(l);
}

/* comb/perm arguments: non-negative ints. */
static bool comb_args(const char *q, Value *args, int nargs, KwArgs *kw, int min, int64_t *n, int64_t *k)
{
    if (!args_nokw(q, kw) || !args_count(q, nargs, min, 2) || !to_int(args[0], n)) return false;
    if (nargs == 2 && !IS_NONE(args[1])) {
        if (!to_int(args[1], k)) return false;
    } else {
        *k = *n;
    }
    if (*n < 0) { rt_raise(&exc_ValueError, "n must be a non-negative integer"); return false; }
    if (*k < 0) { rt_raise(&exc_ValueError, "k must be a non-negative integer"); return false; }
    return true;
}

static Value m_comb(Value *args, int nargs, KwArgs *kw)
{
    int64_t n, k;
    if (!comb_args("comb", args, nargs, kw, 2, &n, &k)) return V_ERR;
    if (k > n) return v_int(0);
    if (k > n - k) k = n - k;
    __int128 r = 1;
    for (int64_t i = 0; i < k; i++) {
        r = r * (n - i) / (i + 1);   /* exact: r is C(n, i+1) after each step */
        if (r > INT64_MAX) return num_overflow();
    }
    return v_int((int64_t)r);
}

static Value m_perm(Value *args, int nargs, KwArgs *kw)
{
    int64_t n, k, r = 1;
    if (!comb_args("perm", args, nargs, kw, 1, &n, &k)) return V_ERR;
    if (k > n) return v_int(0);
    for (int64_t i = 0; i < k; i++)
        if (__builtin_mul_overflow(r, n - i, &r)) return num_overflow();
    return v_int(r);
}

static Value m_isqrt(Value *args, int nargs, KwArgs *kw)
{
    int64_t n;
    if (!args_nokw("math.isqrt", kw) || !args_one("math.isqrt", nargs) || !to_int(args[0], &n)) return V_ERR;
    if (n < 0) return rt_raise(&exc_ValueError, "isqrt() argument must be nonnegative");
    int64_t r = (int64_t)sqrt((double)n);
    while (r > 0 && (__int128)r * r > n) r--;
    while ((__int128)(r + 1) * (r + 1) <= n) r++;
    return v_int(r);
}

/* -------------------------------------------------- sums and products */

static Value m_hypot(Value *args, int nargs, KwArgs *kw)
{
    double acc = 0, x;
    bool inf = false, nan = false;
    if (!args_nokw("hypot", kw)) return V_ERR;
    for (int i = 0; i < nargs; i++) {
        if (!to_double(args[i], &x)) return V_ERR;
        inf = inf || isinf(x), nan = nan || isnan(x);
        acc = hypot(acc, x);
    }
    return v_float(inf ? INFINITY : nan ? NAN : acc);
}

static Value m_prod(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"iterable", "start"};
    Value a[2];
    if (nargs > 1) return rt_raise(&exc_TypeError, "prod() takes exactly 1 positional argument (%d given)", nargs);
    if (!args_parse("prod", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    Value acc = IS_UNBOUND(a[1]) ? v_int(1) : v_incref(a[1]);
    Value it = v_iter(a[0]), x;
    if (IS_ERR(it)) { v_decref(acc); return it; }
    while (!IS_UNBOUND(x = v_next(it))) {
        Value r = IS_ERR(x) ? V_ERR : v_binop(OP_MUL, acc, x);
        v_decref(x);
        v_decref(acc);
        if (IS_ERR(acc = r)) break;
    }
    v_decref(it);
    return acc;
}

/* fsum: exact sum of floats with Shewchuk's partials, rounded once. */
typedef struct { double *p; int n, cap; } Partials;

static bool partials_add(Partials *ps, double x)
{
    int k = 0;
    for (int i = 0; i < ps->n; i++) {
        double y = ps->p[i];
        if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0) ps->p[k++] = lo;
        x = hi;
    }
    if (k >= ps->cap) {
        int cap = ps->cap ? ps->cap * 2 : 32;
        double *p = rt_realloc(ps->p, (size_t)cap * sizeof(double));
        if (!p) return false;
        ps->p = p, ps->cap = cap;
    }
    ps->p[k++] = x;
    ps->n = k;
    return true;
}

/* Rounds the partials to the nearest double, half-even, as CPython. */
static double partials_total(Partials *ps)
{
    int n = ps->n;
    if (n == 0) return 0.0;
    double hi = ps->p[--n], lo = 0;
    while (n > 0) {
        double x = hi, y = ps->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0 && ps->p[n - 1] < 0) || (lo > 0 && ps->p[n - 1] > 0))) {
        double y = lo * 2, x = hi + y;
        if (y == x - hi) hi = x;
    }
    return hi;
}

static Value m_fsum(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("math.fsum", kw) || !args_one("math.fsum", nargs)) return V_ERR;
    Value it = v_iter(args[0]), x;
    if (IS_ERR(it)) return it;
    Partials ps = {0};
    double special = 0, d;
    bool ok = true, has_special = false, saw_nan = false;
    while (ok && !IS_UNBOUND(x = v_next(it))) {
        ok = !IS_ERR(x) && to_double(x, &d);
        v_decref(x);
        if (!ok) break;
        if (!isfinite(d)) { special += d; has_special = true; saw_nan = saw_nan || isnan(d); }
        else ok = partials_add(&ps, d);
    }
    v_decref(it);
    double r = partials_total(&ps);
    free(ps.p);
    if (!ok) return V_ERR;
    if (has_special) {
        if (isnan(special) && !saw_nan) return rt_raise(&exc_ValueError, "-inf + inf in fsum");
        return v_float(special);
    }
    return v_float(r);
}

/* ----------------------------------------------------------- the rows */

static const MethodDef math_functions[] = {
    {"sqrt", m_sqrt, "sqrt(x, /)\n\nReturn the square root of x.", 0},
    {"exp", m_exp, "exp(x, /)\n\nReturn e raised to the power of x.", 0},
    {"exp2", m_exp2, "exp2(x, /)\n\nReturn 2 raised to the power of x.", 0},
    {"expm1", m_expm1, "expm1(x, /)\n\nReturn exp(x)-1.\n\nThis function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x.", 0},
    {"log", m_log, "log(x, [base=math.e])\n\nReturn the logarithm of x to the given base.\n\nIf the base is not specified, returns the natural logarithm (base e) of x.", 0},
    {"log2", m_log2, "log2(x, /)\n\nReturn the base 2 logarithm of x.", 0},
    {"log10", m_log10, "log10(x, /)\n\nReturn the base 10 logarithm of x.", 0},
    {"log1p", m_log1p, "log1p(x, /)\n\nReturn the natural logarithm of 1+x (base e).\n\nThe result is computed in a way which is accurate for x near zero.", 0},
    {"pow", m_pow, "pow(x, y, /)\n\nReturn x**y (x to the power of y), as a float.", 0},
    {"fabs", m_fabs, "fabs(x, /)\n\nReturn the absolute value of the float x.", 0},
    {"floor", m_floor, "floor(x, /)\n\nReturn the floor of x as an Integral.\n\nThis is the largest integer <= x.", 0},
    {"ceil", m_ceil, "ceil(x, /)\n\nReturn the ceiling of x as an Integral.\n\nThis is the smallest integer >= x.", 0},
    {"trunc", m_trunc, "trunc(x, /)\n\nTruncates the Real x to the nearest Integral toward 0.", 0},
    {"modf", m_modf, "modf(x, /)\n\nReturn the fractional and integer parts of x.\n\nBoth results carry the sign of x and are floats.", 0},
    {"frexp", m_frexp, "frexp(x, /)\n\nReturn the mantissa and exponent of x, as pair (m, e).\n\nm is a float and e is an int, such that x = m * 2.**e.", 0},
    {"ldexp", m_ldexp, "ldexp(x, i, /)\n\nReturn x * (2**i).\n\nThis is essentially the inverse of frexp().", 0},
    {"sin", m_sin, "sin(x, /)\n\nReturn the sine of x (measured in radians).", 0},
    {"cos", m_cos, "cos(x, /)\n\nReturn the cosine of x (measured in radians).", 0},
    {"tan", m_tan, "tan(x, /)\n\nReturn the tangent of x (measured in radians).", 0},
    {"asin", m_asin, "asin(x, /)\n\nReturn the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2.", 0},
    {"acos", m_acos, "acos(x, /)\n\nReturn the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi.", 0},
    {"atan", m_atan, "atan(x, /)\n\nReturn the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2.", 0},
    {"atan2", m_atan2, "atan2(y, x, /)\n\nReturn the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered.", 0},
    {"sinh", m_sinh, "sinh(x, /)\n\nReturn the hyperbolic sine of x.", 0},
    {"cosh", m_cosh, "cosh(x, /)\n\nReturn the hyperbolic cosine of x.", 0},
    {"tanh", m_tanh, "tanh(x, /)\n\nReturn the hyperbolic tangent of x.", 0},
    {"asinh", m_asinh, "asinh(x, /)\n\nReturn the inverse hyperbolic sine of x.", 0},
    {"acosh", m_acosh, "acosh(x, /)\n\nReturn the inverse hyperbolic cosine of x.", 0},
    {"atanh", m_atanh, "atanh(x, /)\n\nReturn the inverse hyperbolic tangent of x.", 0},
    {"erf", m_erf, "erf(x, /)\n\nError function at x.", 0},
    {"erfc", m_erfc, "erfc(x, /)\n\nComplementary error function at x.", 0},
    {"gamma", m_gamma, "gamma(x, /)\n\nGamma function at x.", 0},
    {"lgamma", m_lgamma, "lgamma(x, /)\n\nNatural logarithm of absolute value of Gamma function at x.", 0},
    {"cbrt", m_cbrt, "cbrt(x, /)\n\nReturn the cube root of x.", 0},
    {"degrees", m_degrees, "degrees(x, /)\n\nConvert angle x from radians to degrees.", 0},
    {"radians", m_radians, "radians(x, /)\n\nConvert angle x from degrees to radians.", 0},
    {"copysign", m_copysign, "copysign(x, y, /)\n\nReturn a float with the magnitude (absolute value) of x but the sign of y.", 0},
    {"fmod", m_fmod, "fmod(x, y, /)\n\nReturn fmod(x, y), according to platform C.\n\nx % y may differ.", 0},
    {"hypot", m_hypot, "hypot(*coordinates)\n\nMultidimensional Euclidean distance from the origin to a point.\n\nhypot(x, y) is the length of the vector (x, y): sqrt(x*x + y*y).", 0},
    {"isnan", m_isnan, "isnan(x, /)\n\nReturn True if x is a NaN (not a number), and False otherwise.", 0},
    {"isinf", m_isinf, "isinf(x, /)\n\nReturn True if x is a positive or negative infinity, and False otherwise.", 0},
    {"isfinite", m_isfinite, "isfinite(x, /)\n\nReturn True if x is neither an infinity nor a NaN, and False otherwise.", 0},
    {"isclose", m_isclose, "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)\n\nDetermine whether two floating point numbers are close in value.\n\n"
     "  rel_tol: maximum difference for being considered \"close\", relative to the\n    magnitude of the input values\n"
     "  abs_tol: maximum difference for being considered \"close\", regardless of the\n    magnitude of the input values\n\n"
     "Return True if a is close in value to b, and False otherwise.", 0},
    {"factorial", m_factorial, "factorial(n, /)\n\nFind n!.\n\nRaise a ValueError if x is negative or non-integral.", 0},
    {"gcd", m_gcd, "gcd(*integers)\n\nGreatest Common Divisor.", 0},
    {"lcm", m_lcm, "lcm(*integers)\n\nLeast Common Multiple.", 0},
    {"comb", m_comb, "comb(n, k, /)\n\nNumber of ways to choose k items from n items without repetition and without order.\n\n"
     "Evaluates to n! / (k! * (n - k)!) when k <= n and evaluates to zero when k > n.", 0},
    {"perm", m_perm, "perm(n, k=None, /)\n\nNumber of ways to choose k items from n items without repetition and with order.\n\n"
     "Evaluates to n! / (n - k)! when k <= n and evaluates to zero when k > n.\n"
     "If k is not specified or is None, then k defaults to n and the function returns n!.", 0},
    {"isqrt", m_isqrt, "isqrt(n, /)\n\nReturn the integer part of the square root of the input.", 0},
    {"prod", m_prod, "prod(iterable, /, *, start=1)\n\nCalculate the product of all the elements in the input iterable.\n\n"
     "The default start value for the product is 1.\nWhen the iterable is empty, return the start value.", 0},
    {"fsum", m_fsum, "fsum(seq, /)\n\nReturn an accurate floating point sum of values in the iterable seq.\n\n"
     "Assumes IEEE-754 floating point arithmetic.", 0},
    {NULL, NULL, NULL, 0},
};

bool mod_math_init(Value m)
{
    module_add_functions(m, math_functions);
    return mod_set(m, "pi", v_float(M_PI)) && mod_set(m, "e", v_float(M_E)) &&
           mod_set(m, "tau", v_float(2 * M_PI)) && mod_set(m, "inf", v_float(INFINITY)) &&
           mod_set(m, "nan", v_float(NAN));
}
