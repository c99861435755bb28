/* elementwise.c — unary, binary and ternary element-wise ops.
 *
 * Each op is ONE expression macro; the X-macro TS_DTYPES stamps it out as
 * an inner loop for every dtype (see iter.h for the loop signature), and
 * a table per op maps dtype -> loop.  The drivers at the bottom do what
 * every op shares: find the result dtype (promotion.md), convert the
 * operands to the computation dtype, allocate or check the output, build
 * the iterator and run the loop.
 *
 * Integer arithmetic wraps like PyTorch's (done in uint64_t to stay
 * clear of C's signed-overflow UB); float16/bfloat16 compute in float.
 */
#include "tensor/iter.h"
#include "tensor/vexp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The same expression is stamped out for unsigned and bool types too, where
 * `a < 0` is legitimately always false. */
#pragma GCC diagnostic ignored "-Wtype-limits"
#pragma GCC diagnostic ignored "-Wbool-compare"
/* -O2's "very cheap" vectoriser model refuses loops that need an aliasing
 * check or an epilogue, i.e. all of ours: ask for the normal model here.
 * (The outputs may equal an input exactly, never overlap partially.) */
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")

/* Per-call constants an op may read: alpha of add/sub, decimals of round. */
typedef struct OpCtx {
    double f;
    int64_t i;
} OpCtx;

/* ---- integer helpers (wrap-around, PyTorch's sign rules) --------------- */

static inline int64_t wadd(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static inline int64_t wsub(int64_t a, int64_t b) { return (int64_t)((uint64_t)a - (uint64_t)b); }
static inline int64_t wmul(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }
static inline int64_t wneg(int64_t a) { return (int64_t)(0 - (uint64_t)a); }
/* Divisors were checked for zero before the loop; -1 would trap on MIN. */
static inline int64_t idiv_trunc(int64_t a, int64_t b) { return b == -1 ? wneg(a) : a / b; }
static inline int64_t idiv_floor(int64_t a, int64_t b)
{
    if (b == -1)
        return wneg(a);
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
static inline int64_t irem(int64_t a, int64_t b)
{
    if (b == -1)
        return 0;
    int64_t r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}
static inline int64_t ifmod(int64_t a, int64_t b) { return b == -1 ? 0 : a % b; }
/* Negative exponents give 0 except for bases 1 and -1 (C++ integer pow). */
static inline int64_t ipow(int64_t a, int64_t b)
{
    if (b < 0)
        return a == 1 ? 1 : a == -1 ? ((b & 1) ? -1 : 1) : 0;
    int64_t r = 1;
    while (b) {
        if (b & 1)
            r = wmul(r, a);
        a = wmul(a, a);
        b >>= 1;
    }
    return r;
}
/* x86 shift semantics: the count is masked to the operand width. */
static inline int64_t ishl(int64_t a, int64_t b, int bits)
{
    return bits == 64 ? (int64_t)((uint64_t)a << (b & 63)) : (int64_t)((uint64_t)a << (b & 31));
}
static inline int64_t ishr(int64_t a, int64_t b, int bits) { return a >> (b & (bits == 64 ? 63 : 31)); }

/* ---- float helpers ------------------------------------------------------ */

/* PyTorch's floor division for floats (exact where a/b then floor is not). */
static inline double fdiv_floor(double a, double b)
{
    if (b == 0)
        return a / b;
    double mod = fmod(a, b), div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0)))
        div -= 1;
    if (div == 0)
        return copysign(0.0, a / b);
    double fl = floor(div);
    return div - fl > 0.5 ? fl + 1 : fl;
}
static inline float fdiv_floorf(float a, float b)
{
    if (b == 0)
        return a / b;
    float mod = fmodf(a, b), div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0)))
        div -= 1;
    if (div == 0)
        return copysignf(0.0f, a / b);
    float fl = floorf(div);
    return div - fl > 0.5f ? fl + 1 : fl;
}
static inline double frem(double a, double b)
{
    double m = fmod(a, b);
    return (m != 0 && ((b < 0) != (m < 0))) ? m + b : m;
}
static inline float fremf(float a, float b)
{
    float m = fmodf(a, b);
    return (m != 0 && ((b < 0) != (m < 0))) ? m + b : m;
}

/* Picks the float or the integer form of an expression by the compute
 * type of `a`; both forms must compile for every type. */
#define FI(a, fexpr, dexpr, iexpr) _Generic((a), float: (fexpr), double: (dexpr), default: (iexpr))
#define MATH1(fn, a) FI(a, fn##f((float)(a)), fn((double)(a)), fn((double)(a)))
#define ISNAN_(a) ((a) != (a)) /* false for every integer */

/* ---- binary expressions: E(a, b, CT, c) with CT the compute type ------- */

/* PyTorch's float add/sub with alpha is one fused multiply-add (ATen's
 * vec::fmadd), so a + alpha * b rounds once; alpha == 1 is the plain sum
 * (fma(1, b, a) == a + b).  ALPHA_LOOP makes that choice once per call
 * so both forms vectorise; the x86-64-v3 clone does fmaf in one
 * instruction instead of a libm call per element. */
#define E_ADD1(a, b, CT, c) FI(a, a + b, a + b, wadd(a, wmul(c->i, b)))
#define E_ADDA(a, b, CT, c) FI(a, fmaf((float)c->f, b, a), fma(c->f, b, a), wadd(a, wmul(c->i, b)))
#define E_SUB1(a, b, CT, c) FI(a, a - b, a - b, wsub(a, wmul(c->i, b)))
#define E_SUBA(a, b, CT, c) FI(a, fmaf(-(float)c->f, b, a), fma(-c->f, b, a), wsub(a, wmul(c->i, b)))
#define E_MUL(a, b, CT, c) FI(a, a * b, a * b, wmul(a, b))
#define E_DIV(a, b, CT, c) (a / b)
#define E_DIV_TRUNC(a, b, CT, c) FI(a, truncf(a / b), trunc(a / b), idiv_trunc(a, b))
#define E_DIV_FLOOR(a, b, CT, c) FI(a, fdiv_floorf(a, b), fdiv_floor(a, b), idiv_floor(a, b))
#define E_REMAINDER(a, b, CT, c) FI(a, fremf(a, b), frem(a, b), irem(a, b))
#define E_FMOD(a, b, CT, c) FI(a, fmodf(a, b), fmod(a, b), ifmod(a, b))
#define E_POW(a, b, CT, c) FI(a, powf(a, b), pow(a, b), ipow(a, b))
#define E_ATAN2(a, b, CT, c) FI(a, atan2f(a, b), atan2(a, b), atan2(a, b))
#define E_MAXIMUM(a, b, CT, c) ((ISNAN_(a) || ISNAN_(b)) ? a + b : (a > b ? a : b))
#define E_MINIMUM(a, b, CT, c) ((ISNAN_(a) || ISNAN_(b)) ? a + b : (a < b ? a : b))
#define E_EQ(a, b, CT, c) (a == b)
#define E_NE(a, b, CT, c) (a != b)
#define E_LT(a, b, CT, c) (a < b)
#define E_LE(a, b, CT, c) (a <= b)
#define E_GT(a, b, CT, c) (a > b)
#define E_GE(a, b, CT, c) (a >= b)
#define E_LOGICAL_AND(a, b, CT, c) ((a != 0) && (b != 0))
#define E_LOGICAL_OR(a, b, CT, c) ((a != 0) || (b != 0))
#define E_LOGICAL_XOR(a, b, CT, c) ((a != 0) != (b != 0))
#define E_BITWISE_AND(a, b, CT, c) ((int64_t)(a) & (int64_t)(b))
#define E_BITWISE_OR(a, b, CT, c) ((int64_t)(a) | (int64_t)(b))
#define E_BITWISE_XOR(a, b, CT, c) ((int64_t)(a) ^ (int64_t)(b))
#define E_LSHIFT(a, b, CT, c) ishl((int64_t)(a), (int64_t)(b), (int)sizeof(CT) * 8)
#define E_RSHIFT(a, b, CT, c) ishr((int64_t)(a), (int64_t)(b), (int)sizeof(CT) * 8)

/* One inner loop: out[i] = OUT(EXPR(IN(a[i]), IN(b[i]))).  The three
 * special cases (all contiguous, b broadcast, a broadcast) are plain
 * indexed loops the compiler vectorises. */
#define BIN_BODY(sfx, ct, cp, OT, OUTCVT, EXPR)                                         \
    do {                                                                                \
        OT *o = (OT *)d[0];                                                             \
        const ct *pa = (const ct *)d[1], *pb = (const ct *)d[2];                        \
        if (s[0] == sizeof(OT) && s[1] == sizeof(ct) && s[2] == sizeof(ct)) {           \
            for (int64_t i = 0; i < n; i++) {                                           \
                cp a = TS_IN_##sfx(pa[i]), b = TS_IN_##sfx(pb[i]);                      \
                o[i] = OUTCVT(EXPR(a, b, cp, c));                                       \
            }                                                                           \
        } else if (s[0] == sizeof(OT) && s[1] == sizeof(ct) && s[2] == 0) {             \
            const cp b = TS_IN_##sfx(pb[0]);                                            \
            for (int64_t i = 0; i < n; i++) {                                           \
                cp a = TS_IN_##sfx(pa[i]);                                              \
                o[i] = OUTCVT(EXPR(a, b, cp, c));                                       \
            }                                                                           \
        } else if (s[0] == sizeof(OT) && s[1] == 0 && s[2] == sizeof(ct)) {             \
            const cp a = TS_IN_##sfx(pa[0]);                                            \
            for (int64_t i = 0; i < n; i++) {                                           \
                cp b = TS_IN_##sfx(pb[i]);                                              \
                o[i] = OUTCVT(EXPR(a, b, cp, c));                                       \
            }                                                                           \
        } else {                                                                        \
            for (int64_t i = 0; i < n; i++) {                                           \
                cp a = TS_IN_##sfx(*(const ct *)(d[1] + i * s[1]));                     \
                cp b = TS_IN_##sfx(*(const ct *)(d[2] + i * s[2]));                     \
                *(OT *)(d[0] + i * s[0]) = OUTCVT(EXPR(a, b, cp, c));                   \
            }                                                                           \
        }                                                                               \
    } while (0)

/* a local copy of the context: stores through `o` cannot alias it, so it
 * stays in a register and the loop vectorises */
#define BIN_LOOP(NAME, sfx, ct, cp, OT, OUTCVT, EXPR)                                   \
    TS_SIMD_CLONES static void NAME(char **d, const int64_t *s, int64_t n, void *vctx)       \
    {                                                                                   \
        const OpCtx cl = *(const OpCtx *)vctx, *c = &cl;                                \
        (void)c;                                                                        \
        BIN_BODY(sfx, ct, cp, OT, OUTCVT, EXPR);                                        \
    }

/* add/sub: the alpha == 1 test is made once per call, not per element, so
 * both forms (the plain sum, and the fused multiply-add) vectorise. */
#define ALPHA_LOOP(NAME, sfx, ct, cp, OT, OUTCVT, EXPR1, EXPRA)                               \
    TS_SIMD_CLONES static void NAME(char **d, const int64_t *s, int64_t n, void *vctx)       \
    {                                                                                   \
        const OpCtx cl = *(const OpCtx *)vctx, *c = &cl;                                \
        if (cl.f == 1)                                                                  \
            BIN_BODY(sfx, ct, cp, OT, OUTCVT, EXPR1);                                   \
        else                                                                            \
            BIN_BODY(sfx, ct, cp, OT, OUTCVT, EXPRA);                                   \
    }

#define BOOL_OUT(x) ((bool)(x))

/* Stamps one op for every dtype and builds its dtype -> loop table.
 * OPNAME/OPEXPR/OPOUT are (re)defined before each use. */
#define LOOP_NAME(sfx) TS_CAT(TS_CAT(OPNAME, _), sfx)
#define SAME_ROW(E, sfx, ct, cp, ...) BIN_LOOP(LOOP_NAME(sfx), sfx, ct, cp, ct, TS_OUT_##sfx, OPEXPR)
#define ALPHA_ROW(E, sfx, ct, cp, ...) ALPHA_LOOP(LOOP_NAME(sfx), sfx, ct, cp, ct, TS_OUT_##sfx, TS_CAT(OPEXPR, 1), TS_CAT(OPEXPR, A))
#define BOOL_ROW(E, sfx, ct, cp, ...) BIN_LOOP(LOOP_NAME(sfx), sfx, ct, cp, bool, BOOL_OUT, OPEXPR)
#define TABLE_ROW(E, sfx, ...) LOOP_NAME(sfx),

#define OPNAME add
#define OPEXPR E_ADD
TS_DTYPES(ALPHA_ROW) static const TsLoop add_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME sub
#define OPEXPR E_SUB
TS_DTYPES(ALPHA_ROW) static const TsLoop sub_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME mul
#define OPEXPR E_MUL
TS_DTYPES(SAME_ROW) static const TsLoop mul_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME div
#define OPEXPR E_DIV
TS_DTYPES(SAME_ROW) static const TsLoop div_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME div_trunc
#define OPEXPR E_DIV_TRUNC
TS_DTYPES(SAME_ROW) static const TsLoop div_trunc_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME div_floor
#define OPEXPR E_DIV_FLOOR
TS_DTYPES(SAME_ROW) static const TsLoop div_floor_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME remainder
#define OPEXPR E_REMAINDER
TS_DTYPES(SAME_ROW) static const TsLoop remainder_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME fmod_
#define OPEXPR E_FMOD
TS_DTYPES(SAME_ROW) static const TsLoop fmod_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME pow_
#define OPEXPR E_POW
TS_DTYPES(SAME_ROW) static const TsLoop pow_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME atan2_
#define OPEXPR E_ATAN2
TS_DTYPES(SAME_ROW) static const TsLoop atan2_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME maximum
#define OPEXPR E_MAXIMUM
TS_DTYPES(SAME_ROW) static const TsLoop maximum_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME minimum
#define OPEXPR E_MINIMUM
TS_DTYPES(SAME_ROW) static const TsLoop minimum_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME eq
#define OPEXPR E_EQ
TS_DTYPES(BOOL_ROW) static const TsLoop eq_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME ne
#define OPEXPR E_NE
TS_DTYPES(BOOL_ROW) static const TsLoop ne_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME lt
#define OPEXPR E_LT
TS_DTYPES(BOOL_ROW) static const TsLoop lt_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME le
#define OPEXPR E_LE
TS_DTYPES(BOOL_ROW) static const TsLoop le_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME gt
#define OPEXPR E_GT
TS_DTYPES(BOOL_ROW) static const TsLoop gt_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME ge
#define OPEXPR E_GE
TS_DTYPES(BOOL_ROW) static const TsLoop ge_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME land
#define OPEXPR E_LOGICAL_AND
TS_DTYPES(BOOL_ROW) static const TsLoop land_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME lor
#define OPEXPR E_LOGICAL_OR
TS_DTYPES(BOOL_ROW) static const TsLoop lor_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME lxor
#define OPEXPR E_LOGICAL_XOR
TS_DTYPES(BOOL_ROW) static const TsLoop lxor_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME band
#define OPEXPR E_BITWISE_AND
TS_DTYPES(SAME_ROW) static const TsLoop band_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME bor
#define OPEXPR E_BITWISE_OR
TS_DTYPES(SAME_ROW) static const TsLoop bor_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME bxor
#define OPEXPR E_BITWISE_XOR
TS_DTYPES(SAME_ROW) static const TsLoop bxor_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME shl
#define OPEXPR E_LSHIFT
TS_DTYPES(SAME_ROW) static const TsLoop shl_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR
#define OPNAME shr
#define OPEXPR E_RSHIFT
TS_DTYPES(SAME_ROW) static const TsLoop shr_loops[] = {TS_DTYPES(TABLE_ROW)};
#undef OPNAME
#undef OPEXPR

enum { K_ARITH, K_TRUEDIV, K_FLOATFN, K_CMP, K_LOGICAL, K_BITWISE };
#define KIND_ARITH K_ARITH
#define KIND_TRUEDIV K_TRUEDIV
#define KIND_FLOATFN K_FLOATFN
#define KIND_CMP K_CMP
#define KIND_LOGICAL K_LOGICAL
#define KIND_BITWISE K_BITWISE

typedef struct BinRow {
    const char *name;
    int kind;
} BinRow;
#define BIN_ROW(E, name, kind) {name, KIND_##kind},
static const BinRow bin_rows[] = {TS_BINARY_OPS(BIN_ROW)};
_Static_assert(sizeof bin_rows / sizeof bin_rows[0] == TS_NUM_BINARY_OPS, "one row per op");

/* In the order of TS_BINARY_OPS. */
static const TsLoop *const bin_loops[] = {
    add_loops, sub_loops, mul_loops, div_loops, div_trunc_loops, div_floor_loops,
    remainder_loops, fmod_loops, pow_loops, atan2_loops, maximum_loops, minimum_loops,
    eq_loops, ne_loops, lt_loops, le_loops, gt_loops, ge_loops, land_loops, lor_loops,
    lxor_loops, band_loops, bor_loops, bxor_loops, shl_loops, shr_loops,
};
_Static_assert(sizeof bin_loops / sizeof bin_loops[0] == TS_NUM_BINARY_OPS, "one table per op");

const char *ts_binary_name(TsBinaryOp op) { return bin_rows[op].name; }

/* ---- erfinv ----------------------------------------------------------- */

/* PyTorch's CPU erfinv (the same bits, checked against torch 1.13): Gary
 * Pavlis' rational first guess (central |y| <= 0.7, else in
 * sqrt(-log((1 - |y|) / 2))), its polynomials evaluated with fused
 * multiply-adds as PyTorch's AVX2 build does, then two Newton steps with
 * the C library's erf and exp.  T the type, S the C library suffix. */
#define ERFINV_FN(name, T, S)                                                            \
    static T name(T y)                                                                   \
    {                                                                                    \
        T ya = fabs##S(y);                                                               \
        if (ya > 1) return (T)NAN;                                                       \
        if (ya == 1) return copysign##S((T)INFINITY, y);                                 \
        T x;                                                                             \
        if (ya <= (T)0.7) {                                                              \
            T z = y * y;                                                                 \
            T num = fma##S(fma##S(fma##S((T)-0.140543331, z, (T)0.914624893), z,         \
                                  (T)-1.645349621), z, (T)0.886226899);                  \
            T den = fma##S(fma##S(fma##S(fma##S((T)0.012229801, z, (T)-0.329097515), z,  \
                                         (T)1.442710462), z, (T)-2.118377725), z, (T)1); \
            x = y * num / den;                                                           \
        } else {                                                                         \
            T z = sqrt##S(-log##S(((T)1 - ya) / (T)2));                                  \
            T num = fma##S(fma##S(fma##S((T)1.641345311, z, (T)3.429567803), z,          \
                                  (T)-1.624906493), z, (T)-1.970840454);                 \
            T den = fma##S(fma##S((T)1.6370678, z, (T)3.5438892), z, (T)1);              \
            x = copysign##S(num, y) / den;                                               \
        }                                                                                \
        const T k = (T)2 / (T)1.7724538509055160273; /* 2 / sqrt(pi) */                 \
        x = x - (erf##S(x) - y) / (k * exp##S(-x * x));                                  \
        x = x - (erf##S(x) - y) / (k * exp##S(-x * x));                                  \
        return x;                                                                        \
    }
ERFINV_FN(erfinv_f, float, f)
ERFINV_FN(erfinv_d, double, )

/* ---- unary expressions: U(a, CT, c) ------------------------------------ */

#define U_NEG(a, CT, c) FI(a, -a, -a, wneg(a))
#define U_ABS(a, CT, c) FI(a, fabsf((float)(a)), fabs((double)(a)), (a < 0 ? wneg(a) : (int64_t)a))
#define U_SQRT(a, CT, c) MATH1(sqrt, a)
#define U_RSQRT(a, CT, c) FI(a, 1.0f / sqrtf(a), 1.0 / sqrt(a), 1.0 / sqrt((double)a))
#define U_EXP(a, CT, c) MATH1(exp, a)
#define U_EXP2(a, CT, c) MATH1(exp2, a)
#define U_LOG(a, CT, c) MATH1(log, a)
#define U_LOG2(a, CT, c) MATH1(log2, a)
#define U_LOG10(a, CT, c) MATH1(log10, a)
#define U_LOG1P(a, CT, c) MATH1(log1p, a)
#define U_EXPM1(a, CT, c) MATH1(expm1, a)
#define U_SIN(a, CT, c) MATH1(sin, a)
#define U_COS(a, CT, c) MATH1(cos, a)
#define U_TAN(a, CT, c) MATH1(tan, a)
#define U_ASIN(a, CT, c) MATH1(asin, a)
#define U_ACOS(a, CT, c) MATH1(acos, a)
#define U_ATAN(a, CT, c) MATH1(atan, a)
#define U_SINH(a, CT, c) MATH1(sinh, a)
#define U_COSH(a, CT, c) MATH1(cosh, a)
#define U_TANH(a, CT, c) MATH1(tanh, a)
#define U_SIGMOID(a, CT, c) FI(a, 1.0f / (1.0f + expf(-a)), 1.0 / (1.0 + exp(-a)), 0)
#define U_ERF(a, CT, c) MATH1(erf, a)
#define U_ERFINV(a, CT, c) FI(a, erfinv_f((float)(a)), erfinv_d((double)(a)), erfinv_d((double)(a)))
#define U_RECIPROCAL(a, CT, c) FI(a, 1.0f / a, 1.0 / a, 0)
#define U_RELU(a, CT, c) (ISNAN_(a) ? a : a > 0 ? a : 0)
#define U_CEIL(a, CT, c) FI(a, ceilf(a), ceil(a), a)
#define U_FLOOR(a, CT, c) FI(a, floorf(a), floor(a), a)
#define U_ROUND(a, CT, c) FI(a, nearbyintf(a), nearbyint(a), a)
#define U_TRUNC(a, CT, c) FI(a, truncf(a), trunc(a), a)
#define U_FRAC(a, CT, c) FI(a, a - truncf(a), a - trunc(a), 0)
#define U_SIGN(a, CT, c) ((a > 0) - (a < 0))
#define U_SQUARE(a, CT, c) FI(a, a * a, a * a, wmul(a, a))
#define U_BITWISE_NOT(a, CT, c) FI(a, 0, 0, (_Generic((a), bool: !(a), default: ~(int64_t)(a))))
#define U_LOGICAL_NOT(a, CT, c) (!(a))
#define U_ISNAN(a, CT, c) ISNAN_(a)
#define U_ISINF(a, CT, c) FI(a, isinf((double)(a)), isinf((double)(a)), 0)
#define U_ISFINITE(a, CT, c) FI(a, isfinite((double)(a)), isfinite((double)(a)), 1)
/* round(decimals=d): c->f = 10^|d|, c->i = sign of d */
#define U_ROUND_DEC(a, CT, c)                                                             \
    FI(a, (c->i > 0 ? nearbyintf(a * (float)c->f) / (float)c->f                           \
                    : nearbyintf(a / (float)c->f) * (float)c->f),                         \
       (c->i > 0 ? nearbyint(a * c->f) / c->f : nearbyint(a / c->f) * c->f), a)

#define UN_LOOP(NAME, sfx, ct, cp, OT, OUTCVT, EXPR)                                    \
    TS_SIMD_CLONES static void NAME(char **d, const int64_t *s, int64_t n, void *vctx)                 \
    {                                                                                   \
        /* a local copy: stores through `o` cannot alias it, so it stays in a   */      \
        /* register and the loop vectorises                                      */      \
        const OpCtx cl = *(const OpCtx *)vctx, *c = &cl;                                \
        (void)c;                                                                        \
        if (s[0] == sizeof(OT) && s[1] == sizeof(ct)) {                                 \
            OT *o = (OT *)d[0];                                                         \
            const ct *pa = (const ct *)d[1];                                            \
            for (int64_t i = 0; i < n; i++) {                                           \
                cp a = TS_IN_##sfx(pa[i]);                                              \
                o[i] = OUTCVT(EXPR(a, cp, c));                                          \
            }                                                                           \
        } else {                                                                        \
            for (int64_t i = 0; i < n; i++) {                                           \
                cp a = TS_IN_##sfx(*(const ct *)(d[1] + i * s[1]));                     \
                *(OT *)(d[0] + i * s[0]) = OUTCVT(EXPR(a, cp, c));                      \
            }                                                                           \
        }                                                                               \
    }

#define USAME_ROW(E, sfx, ct, cp, ...) UN_LOOP(LOOP_NAME(sfx), sfx, ct, cp, ct, TS_OUT_##sfx, OPEXPR)
#define UBOOL_ROW(E, sfx, ct, cp, ...) UN_LOOP(LOOP_NAME(sfx), sfx, ct, cp, bool, BOOL_OUT, OPEXPR)

#define UNARY(name, expr, ROW)                                 \
    TS_DTYPES(ROW) static const TsLoop name##_loops[] = {TS_DTYPES(TABLE_ROW)};

#define OPNAME u_neg
#define OPEXPR U_NEG
UNARY(u_neg, U_NEG, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_abs
#define OPEXPR U_ABS
UNARY(u_abs, U_ABS, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_sqrt
#define OPEXPR U_SQRT
UNARY(u_sqrt, U_SQRT, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_rsqrt
#define OPEXPR U_RSQRT
UNARY(u_rsqrt, U_RSQRT, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_exp
#define OPEXPR U_EXP
UNARY(u_exp, U_EXP, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_exp2
#define OPEXPR U_EXP2
UNARY(u_exp2, U_EXP2, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_log
#define OPEXPR U_LOG
UNARY(u_log, U_LOG, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_log2
#define OPEXPR U_LOG2
UNARY(u_log2, U_LOG2, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_log10
#define OPEXPR U_LOG10
UNARY(u_log10, U_LOG10, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_log1p
#define OPEXPR U_LOG1P
UNARY(u_log1p, U_LOG1P, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_expm1
#define OPEXPR U_EXPM1
UNARY(u_expm1, U_EXPM1, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_sin
#define OPEXPR U_SIN
UNARY(u_sin, U_SIN, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_cos
#define OPEXPR U_COS
UNARY(u_cos, U_COS, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_tan
#define OPEXPR U_TAN
UNARY(u_tan, U_TAN, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_asin
#define OPEXPR U_ASIN
UNARY(u_asin, U_ASIN, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_acos
#define OPEXPR U_ACOS
UNARY(u_acos, U_ACOS, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_atan
#define OPEXPR U_ATAN
UNARY(u_atan, U_ATAN, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_sinh
#define OPEXPR U_SINH
UNARY(u_sinh, U_SINH, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_cosh
#define OPEXPR U_COSH
UNARY(u_cosh, U_COSH, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_tanh
#define OPEXPR U_TANH
UNARY(u_tanh, U_TANH, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_sigmoid
#define OPEXPR U_SIGMOID
UNARY(u_sigmoid, U_SIGMOID, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_erf
#define OPEXPR U_ERF
UNARY(u_erf, U_ERF, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_erfinv
#define OPEXPR U_ERFINV
UNARY(u_erfinv, U_ERFINV, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_reciprocal
#define OPEXPR U_RECIPROCAL
UNARY(u_reciprocal, U_RECIPROCAL, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_relu
#define OPEXPR U_RELU
UNARY(u_relu, U_RELU, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_ceil
#define OPEXPR U_CEIL
UNARY(u_ceil, U_CEIL, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_floor
#define OPEXPR U_FLOOR
UNARY(u_floor, U_FLOOR, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_round
#define OPEXPR U_ROUND
UNARY(u_round, U_ROUND, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_trunc
#define OPEXPR U_TRUNC
UNARY(u_trunc, U_TRUNC, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_frac
#define OPEXPR U_FRAC
UNARY(u_frac, U_FRAC, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_sign
#define OPEXPR U_SIGN
UNARY(u_sign, U_SIGN, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_square
#define OPEXPR U_SQUARE
UNARY(u_square, U_SQUARE, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_bnot
#define OPEXPR U_BITWISE_NOT
UNARY(u_bnot, U_BITWISE_NOT, USAME_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_lnot
#define OPEXPR U_LOGICAL_NOT
UNARY(u_lnot, U_LOGICAL_NOT, UBOOL_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_isnan
#define OPEXPR U_ISNAN
UNARY(u_isnan, U_ISNAN, UBOOL_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_isinf
#define OPEXPR U_ISINF
UNARY(u_isinf, U_ISINF, UBOOL_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_isfinite
#define OPEXPR U_ISFINITE
UNARY(u_isfinite, U_ISFINITE, UBOOL_ROW)
#undef OPNAME
#undef OPEXPR
#define OPNAME u_round_dec
#define OPEXPR U_ROUND_DEC
UNARY(u_round_dec, U_ROUND_DEC, USAME_ROW)
#undef OPNAME
#undef OPEXPR

enum { K_FLOAT, K_SAME, K_BOOL };
#define KIND_FLOAT K_FLOAT
#define KIND_SAME K_SAME
#define KIND_BOOL K_BOOL
#define UN_ROW(E, name, kind) {name, KIND_##kind},
static const BinRow un_rows[] = {TS_UNARY_OPS(UN_ROW)};
_Static_assert(sizeof un_rows / sizeof un_rows[0] == TS_NUM_UNARY_OPS, "one row per op");

static const TsLoop *const un_loops[] = {
    u_neg_loops, u_abs_loops, u_sqrt_loops, u_rsqrt_loops, u_exp_loops, u_exp2_loops,
    u_log_loops, u_log2_loops, u_log10_loops, u_log1p_loops, u_expm1_loops, u_sin_loops,
    u_cos_loops, u_tan_loops, u_asin_loops, u_acos_loops, u_atan_loops, u_sinh_loops,
    u_cosh_loops, u_tanh_loops, u_sigmoid_loops, u_erf_loops, u_erfinv_loops, u_reciprocal_loops,
    u_relu_loops, u_ceil_loops, u_floor_loops, u_round_loops, u_trunc_loops, u_frac_loops,
    u_sign_loops, u_square_loops, u_bnot_loops, u_lnot_loops, u_isnan_loops, u_isinf_loops,
    u_isfinite_loops,
};
_Static_assert(sizeof un_loops / sizeof un_loops[0] == TS_NUM_UNARY_OPS, "one table per op");

const char *ts_unary_name(TsUnaryOp op) { return un_rows[op].name; }

/* ---- ternary kernels: where, lerp, masked_fill ------------------------- */

/* where and masked_fill only move bytes, so one loop per item size. */
#define WHERE_LOOP(N, T)                                                               \
    TS_SIMD_CLONES static void where_##N(char **d, const int64_t *s, int64_t n, void *c) \
    {                                                                                  \
        (void)c;                                                                       \
        if (s[0] == N && s[1] == 1 && s[2] == N && s[3] == N) {                        \
            T *o = (T *)d[0];                                                          \
            const bool *m = (const bool *)d[1];                                        \
            const T *x = (const T *)d[2], *y = (const T *)d[3];                        \
            for (int64_t i = 0; i < n; i++)                                            \
                o[i] = m[i] ? x[i] : y[i];                                             \
            return;                                                                    \
        }                                                                              \
        for (int64_t i = 0; i < n; i++)                                                \
            *(T *)(d[0] + i * s[0]) = *(const bool *)(d[1] + i * s[1])                  \
                                          ? *(const T *)(d[2] + i * s[2])              \
                                          : *(const T *)(d[3] + i * s[3]);             \
    }                                                                                  \
    TS_SIMD_CLONES static void mfill_##N(char **d, const int64_t *s, int64_t n, void *c) \
    {                                                                                  \
        T v;                                                                           \
        memcpy(&v, c, sizeof v);                                                       \
        if (s[0] == N && s[1] == 1) {                                                  \
            T *o = (T *)d[0];                                                          \
            const bool *m = (const bool *)d[1];                                        \
            for (int64_t i = 0; i < n; i++)                                            \
                o[i] = m[i] ? v : o[i];                                                \
            return;                                                                    \
        }                                                                              \
        for (int64_t i = 0; i < n; i++)                                                \
            if (*(const bool *)(d[1] + i * s[1]))                                      \
                *(T *)(d[0] + i * s[0]) = v;                                           \
    }
WHERE_LOOP(1, uint8_t)
WHERE_LOOP(2, uint16_t)
WHERE_LOOP(4, uint32_t)
WHERE_LOOP(8, uint64_t)

static TsLoop by_size(TsDType dt, TsLoop l1, TsLoop l2, TsLoop l4, TsLoop l8)
{
    size_t n = ts_dtype_size(dt);
    return n == 1 ? l1 : n == 2 ? l2 : n == 4 ? l4 : l8;
}

/* PyTorch's lerp: exact at both ends by switching formula at w = 0.5. */
/* fused multiply-adds, as PyTorch's vectorised kernel computes them */
#define FMA_(x, y, z) FI(x, fmaf(x, y, z), fma(x, y, z), fma(x, y, z))
#define T_LERP(s_, e_, w_) \
    ((w_) < 0.5 ? FMA_(w_, (e_) - (s_), s_) : FMA_(-((e_) - (s_)), 1 - (w_), e_))
#define LERP_ROW(E, sfx, ct, cp, ...)                                                  \
    TS_SIMD_CLONES static void lerp_##sfx(char **d, const int64_t *s, int64_t n, void *c)             \
    {                                                                                  \
        (void)c;                                                                       \
        for (int64_t i = 0; i < n; i++) {                                              \
            cp a = TS_IN_##sfx(*(const ct *)(d[1] + i * s[1]));                         \
            cp b = TS_IN_##sfx(*(const ct *)(d[2] + i * s[2]));                         \
            cp w = TS_IN_##sfx(*(const ct *)(d[3] + i * s[3]));                         \
            *(ct *)(d[0] + i * s[0]) = TS_OUT_##sfx(T_LERP(a, b, w));                    \
        }                                                                              \
    }
TS_DTYPES(LERP_ROW)
#define LERP_ENTRY(E, sfx, ...) lerp_##sfx,
static const TsLoop lerp_loops[] = {TS_DTYPES(LERP_ENTRY)};

/* a * b + c rounded once: addcmul's last step ((value * t1) * t2 + input
 * is one fused multiply-add in PyTorch's kernel). */
#define FMA3_ROW(E, sfx, ct, cp, ...)                                                  \
    TS_SIMD_CLONES static void fma3_##sfx(char **d, const int64_t *s, int64_t n, void *c)             \
    {                                                                                  \
        (void)c;                                                                       \
        for (int64_t i = 0; i < n; i++) {                                              \
            cp a = TS_IN_##sfx(*(const ct *)(d[1] + i * s[1]));                         \
            cp b = TS_IN_##sfx(*(const ct *)(d[2] + i * s[2]));                         \
            cp e = TS_IN_##sfx(*(const ct *)(d[3] + i * s[3]));                         \
            *(ct *)(d[0] + i * s[0]) = TS_OUT_##sfx(FMA_(a, b, e));                      \
        }                                                                              \
    }
TS_DTYPES(FMA3_ROW)
#define FMA3_ENTRY(E, sfx, ...) fma3_##sfx,
static const TsLoop fma3_loops[] = {TS_DTYPES(FMA3_ENTRY)};

/* ---- the shared driver ---------------------------------------------------- */

/* An operand ready for the iterator.  Scalars (and 0-dim CPU tensors of
 * another dtype) become a 0-dim tensor over a stack buffer, so a
 * tensor-scalar op allocates nothing but its result. */
typedef struct Slot {
    TsStorage st;
    TsTensor t;
    union {
        double d;
        int64_t i;
    } buf;
    TsTensor *owned; /* converted copy to release, or NULL */
} Slot;

static TsTensor *slot_scalar(Slot *sl, TsScalar v, TsDType dt)
{
    sl->st = (TsStorage){.rc = 1, .data = &sl->buf, .nbytes = 8, .borrowed = true};
    sl->t = (TsTensor){.rc = 1, .storage = &sl->st, .ndim = 0, .dtype = dt};
    ts_store_scalar(&sl->buf, dt, v);
    return &sl->t;
}

static TsTensor *prepare(Slot *sl, TsArg a, TsDType dt)
{
    sl->owned = NULL;
    if (!a.t)
        return slot_scalar(sl, a.s, dt);
    if (a.t->dtype == dt)
        return a.t;
    if (a.t->ndim == 0 && a.t->device == TS_CPU) {
        TsScalar v;
        ts_item(a.t, &v);
        return slot_scalar(sl, v, dt);
    }
    sl->owned = ts_to(a.t, dt, -1, false);
    return sl->owned;
}

/* What an op needs: its loop, operand list and dtypes. */
typedef struct OpCall {
    TsLoop loop;
    int nin;
    TsArg in[3];
    TsDType in_dt[3]; /* dtype each input is converted to */
    TsDType result;   /* dtype the loop writes */
    TsTensor *out;    /* NULL, an input (in place), or out= */
    OpCtx ctx;
} OpCall;

static bool is_input(const OpCall *c, const TsTensor *t)
{
    for (int k = 0; k < c->nin; k++)
        if (c->in[k].t == t)
            return true;
    return false;
}

/* The device all tensor operands share (0-dim CPU tensors mix freely, as
 * PyTorch's CPU scalars do), or -1 after an error. */
static int common_device(const OpCall *c)
{
    int dev = -1;
    for (int k = 0; k < c->nin; k++) {
        TsTensor *t = c->in[k].t;
        if (!t || (t->ndim == 0 && t->device == TS_CPU))
            continue;
        if (dev >= 0 && ts_check_same_device(dev, t->device) < 0)
            return -1;
        dev = t->device;
    }
    if (dev < 0)
        for (int k = 0; k < c->nin; k++)
            if (c->in[k].t)
                dev = c->in[k].t->device;
    if (c->out && ts_check_same_device(c->out->device, dev < 0 ? TS_CPU : dev) < 0)
        return -1;
    return dev < 0 ? TS_CPU : dev;
}

/* Checks `out` against the result (PyTorch's texts) and resizes out=. */
static int check_out(const OpCall *c, int nd, const int64_t *shape)
{
    TsTensor *out = c->out;
    char b1[256], b2[256];
    if (!ts_can_cast(c->result, out->dtype))
        return ts_error(TS_ERR_RUNTIME, "result type %s can't be cast to the desired output type %s",
                        ts_dtype_short(c->result), ts_dtype_short(out->dtype));
    bool same = out->ndim == nd && memcmp(out->sizes, shape, sizeof(int64_t) * (size_t)nd) == 0;
    if (same)
        return 0;
    if (is_input(c, out))
        return ts_error(TS_ERR_RUNTIME, "output with shape %s doesn't match the broadcast shape %s",
                        ts_shape_str(b1, sizeof b1, out->ndim, out->sizes),
                        ts_shape_str(b2, sizeof b2, nd, shape));
    return ts_resize_(out, nd, shape);
}

static TsTensor *run_host(OpCall *c);

/* A device without kernels: compute on host mirrors, move the result. */
static TsTensor *run_via_host(OpCall *c, int dev)
{
    OpCall h = *c;
    TsTensor *mirrors[3] = {NULL, NULL, NULL}, *res = NULL, *moved = NULL;
    for (int k = 0; k < c->nin; k++)
        if (c->in[k].t && !(h.in[k].t = mirrors[k] = ts_host_mirror(c->in[k].t)))
            goto done;
    h.out = NULL;
    res = run_host(&h);
    if (!res)
        goto done;
    moved = ts_host_to_device(res, dev);
    if (moved && c->out) {
        if (check_out(c, moved->ndim, moved->sizes) < 0 || ts_copy_(c->out, moved) < 0) {
            ts_release(moved);
            moved = NULL;
        } else {
            ts_release(moved);
            ts_retain(c->out);
            moved = c->out;
        }
    }
done:
    for (int k = 0; k < 3; k++)
        ts_release(mirrors[k]);
    ts_release(res);
    return moved;
}

/* The per-op-overhead path: a small op whose operands are all contiguous
 * with the result's shape (or 0-dim scalars, read with stride 0) is one
 * flat row, so the loop is called directly without building an iterator.
 * False when the operands need the general iterator. */
static bool run_small_flat(OpCall *c, TsTensor *const *ops)
{
    const TsTensor *r = ops[0];
    int64_t n = ts_numel(r);
    if (n >= TS_GRAIN || !ts_is_contiguous(r))
        return false;
    char *data[TS_ITER_MAX_OPS];
    int64_t strides[TS_ITER_MAX_OPS];
    for (int k = 0; k <= c->nin; k++) {
        const TsTensor *t = ops[k];
        if (k > 0 && t->ndim == 0) {
            strides[k] = 0;
        } else if (t->ndim == r->ndim && ts_is_contiguous(t) &&
                   memcmp(t->sizes, r->sizes, sizeof(int64_t) * (size_t)r->ndim) == 0) {
            strides[k] = (int64_t)ts_dtype_size(t->dtype);
        } else {
            return false;
        }
        data[k] = (char *)ts_data(t);
    }
    if (n > 0)
        c->loop(data, strides, n, &c->ctx);
    return true;
}

/* Prepares operands, picks/checks the output, runs the loop. */
static TsTensor *run_host(OpCall *c)
{
    Slot slots[3];
    TsTensor *ops[4] = {NULL};
    TsTensor *result = NULL, *ret = NULL;
    int nd;
    int64_t shape[TS_MAX_DIMS];
    const int64_t *shapes[3];
    int ndims[3];
    for (int k = 0; k < c->nin; k++) {
        if (!(ops[k + 1] = prepare(&slots[k], c->in[k], c->in_dt[k])))
            goto done_partial;
        shapes[k] = ops[k + 1]->sizes;
        ndims[k] = ops[k + 1]->ndim;
    }
    if (ts_broadcast_shapes(c->nin, ndims, shapes, &nd, shape) < 0)
        goto done;
    if (c->out) {
        if (check_out(c, nd, shape) < 0)
            goto done;
        ts_bump_version(c->out);
    }
    if (c->out && c->out->dtype == c->result) {
        result = c->out;
        ts_retain(result);
    } else if (!(result = ts_empty(nd, shape, c->result, TS_CPU))) {
        goto done;
    }
    ops[0] = result;
    TsIter it;
    if (!run_small_flat(c, ops) &&
        (ts_iter_build(&it, c->nin + 1, ops) < 0 || ts_iter_run(&it, c->loop, &c->ctx) < 0))
        goto done;
    if (c->out && result != c->out) {
        if (ts_copy_(c->out, result) < 0)
            goto done;
        ts_retain(c->out);
        ret = c->out;
    } else {
        ts_retain(result);
        ret = result;
    }
done:
    for (int k = 0; k < c->nin; k++)
        ts_release(slots[k].owned);
    ts_release(result);
    return ret;
done_partial:
    for (int k = 0; k < c->nin && ops[k + 1]; k++)
        ts_release(slots[k].owned);
    return NULL;
}

static TsTensor *run_op(OpCall *c)
{
    int dev = common_device(c);
    if (dev < 0)
        return NULL;
    if (dev != TS_CPU || (c->out && c->out->device != TS_CPU))
        return run_via_host(c, dev);
    return run_host(c);
}

/* ---- binary ops ----------------------------------------------------------- */

static TsDType arg_dtype(TsArg a) { return a.t ? a.t->dtype : ts_scalar_dtype(a.s); }

/* PyTorch's kernel names in "not implemented" errors. */
static const char *cpu_kernel_name(TsBinaryOp op)
{
    switch (op) {
    case TS_OP_LSHIFT: return "lshift_cpu";
    case TS_OP_RSHIFT: return "rshift_cpu";
    case TS_OP_BITWISE_AND: return "bitwise_and_cpu";
    case TS_OP_BITWISE_OR: return "bitwise_or_cpu";
    default: return "bitwise_xor_cpu";
    }
}

/* Kernels PyTorch has no bool version of (name used in its error). */
static const char *bool_kernel_name(TsBinaryOp op)
{
    switch (op) {
    case TS_OP_DIV_TRUNC: return "div_trunc_cpu";
    case TS_OP_DIV_FLOOR: return "div_floor_cpu";
    case TS_OP_REMAINDER: return "remainder_cpu";
    case TS_OP_FMOD: return "fmod_cpu";
    case TS_OP_POW: return "pow";
    case TS_OP_LSHIFT: return "lshift_cpu";
    case TS_OP_RSHIFT: return "rshift_cpu";
    default: return NULL;
    }
}

static int bool_check(TsBinaryOp op, TsArg a, TsArg b, TsDType compute)
{
    if (op == TS_OP_SUB && arg_dtype(a) == TS_BOOL && arg_dtype(b) == TS_BOOL)
        return ts_error(TS_ERR_RUNTIME,
                        "Subtraction, the `-` operator, with two bool tensors is not supported. "
                        "Use the `^` or `logical_xor()` operator instead.");
    if (op == TS_OP_SUB && (arg_dtype(a) == TS_BOOL || arg_dtype(b) == TS_BOOL))
        return ts_error(TS_ERR_RUNTIME,
                        "Subtraction, the `-` operator, with a bool tensor is not supported. If "
                        "you are trying to invert a mask, use the `~` or `logical_not()` "
                        "operator instead.");
    if (compute == TS_BOOL && bool_kernel_name(op))
        return ts_error(TS_ERR_RUNTIME, "\"%s\" not implemented for 'Bool'", bool_kernel_name(op));
    return 0;
}

/* compute: the dtype the loop runs in; result: what it writes. */
static int bin_dtypes(TsBinaryOp op, TsArg a, TsArg b, TsDType *compute, TsDType *result)
{
    TsTensor *ts[2];
    TsScalar ss[2];
    int nt = 0, ns = 0;
    if (a.t) ts[nt++] = a.t; else ss[ns++] = a.s;
    if (b.t) ts[nt++] = b.t; else ss[ns++] = b.s;
    TsDType p = ts_result_type(ts, nt, ss, ns);
    *compute = *result = p;
    switch (bin_rows[op].kind) {
    case K_TRUEDIV:
    case K_FLOATFN:
        if (!ts_dtype_is_float(p))
            *compute = *result = ts_default_float();
        break;
    case K_CMP:
    case K_LOGICAL:
        *result = TS_BOOL;
        break;
    case K_BITWISE:
        if (ts_dtype_is_float(p))
            return ts_error(TS_ERR_RUNTIME, "\"%s\" not implemented for '%s'", cpu_kernel_name(op),
                            ts_dtype_short(p));
        break;
    default:
        break;
    }
    return bool_check(op, a, b, *compute);
}

int ts_binary_result_dtype(TsBinaryOp op, TsArg a, TsArg b, TsDType *out)
{
    TsDType compute;
    return bin_dtypes(op, a, b, &compute, out);
}

typedef struct ZeroScan {
    size_t isz;
    bool found;
} ZeroScan;

static void scan_zero(char **d, const int64_t *s, int64_t n, void *c)
{
    ZeroScan *z = c;
    static const unsigned char zero[8];
    for (int64_t i = 0; i < n && !z->found; i++)
        z->found = memcmp(d[0] + i * s[0], zero, z->isz) == 0;
}

/* Integer division by zero is an error in PyTorch, not a trap in C. */
static int check_int_divisor(TsBinaryOp op, TsArg b, TsDType compute)
{
    if (ts_dtype_is_float(compute) ||
        !(op == TS_OP_DIV_TRUNC || op == TS_OP_DIV_FLOOR || op == TS_OP_REMAINDER || op == TS_OP_FMOD))
        return 0;
    bool zero;
    if (!b.t) {
        zero = b.s.is_float ? b.s.f == 0 : b.s.i == 0;
    } else {
        TsTensor *h = ts_host_mirror(b.t);
        if (!h)
            return -1;
        ZeroScan z = {ts_dtype_size(h->dtype), false};
        TsIter it;
        int rc = ts_iter_build(&it, 1, &h) < 0 ? -1 : ts_iter_run_serial(&it, scan_zero, &z);
        ts_release(h);
        if (rc < 0)
            return -1;
        zero = z.found;
    }
    return zero ? ts_error(TS_ERR_RUNTIME, "ZeroDivisionError") : 0;
}

static TsTensor *binary_alpha(TsBinaryOp op, TsArg a, TsArg b, TsScalar alpha, TsTensor *out)
{
    TsDType compute, result;
    if (!a.t && !b.t) {
        ts_error(TS_ERR_TYPE, "%s(): expected at least one tensor operand", bin_rows[op].name);
        return NULL;
    }
    if (bin_dtypes(op, a, b, &compute, &result) < 0 || check_int_divisor(op, b, compute) < 0)
        return NULL;
    if (op == TS_OP_POW && !ts_dtype_is_float(compute) && !b.t && b.s.is_int && b.s.i < 0) {
        ts_error(TS_ERR_RUNTIME, "Integers to negative integer powers are not allowed.");
        return NULL;
    }
    if (alpha.is_float && !ts_dtype_is_float(compute)) {
        ts_error(TS_ERR_RUNTIME,
                 "For integral input tensors, argument alpha must not be a floating point number.");
        return NULL;
    }
    OpCall c = {.loop = bin_loops[op][compute], .nin = 2, .in = {a, b},
                .in_dt = {compute, compute}, .result = result, .out = out,
                .ctx = {ts_scalar_to_f64(alpha), alpha.is_float ? (int64_t)alpha.f : alpha.i}};
    return run_op(&c);
}

TsTensor *ts_binary(TsBinaryOp op, TsArg a, TsArg b, TsTensor *out)
{
    return binary_alpha(op, a, b, ts_scalar_i(1), out);
}

TsTensor *ts_add(TsArg a, TsArg b, TsScalar alpha, TsTensor *out)
{
    return binary_alpha(TS_OP_ADD, a, b, alpha, out);
}

TsTensor *ts_sub(TsArg a, TsArg b, TsScalar alpha, TsTensor *out)
{
    return binary_alpha(TS_OP_SUB, a, b, alpha, out);
}

/* ---- unary ops ------------------------------------------------------------ */

/* PyTorch's refusals for dtypes an op has no kernel for. */
static int unary_dtype_check(TsUnaryOp op, TsDType dt)
{
    const char *dn = ts_dtype_short(dt);
    bool isf = ts_dtype_is_float(dt);
    if (op == TS_OP_NEG && dt == TS_BOOL)
        return ts_error(TS_ERR_RUNTIME,
                        "Negation, the `-` operator, on a bool tensor is not supported. If you are "
                        "trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    if (op == TS_OP_ABS && dt == TS_BOOL)
        return ts_error(TS_ERR_RUNTIME, "\"abs_cpu\" not implemented for '%s'", dn);
    if (op == TS_OP_RELU && dt == TS_BOOL)
        return ts_error(TS_ERR_RUNTIME, "Boolean inputs not supported for relu");
    if ((op == TS_OP_CEIL || op == TS_OP_FLOOR || op == TS_OP_ROUND || op == TS_OP_TRUNC) &&
        dt == TS_BOOL)
        return ts_error(TS_ERR_RUNTIME, "\"%s_vml_cpu\" not implemented for 'Bool'",
                        un_rows[op].name);
    if (op == TS_OP_FRAC && !isf)
        return ts_error(TS_ERR_RUNTIME, "\"frac_cpu\" not implemented for '%s'", dn);
    if (op == TS_OP_BITWISE_NOT && isf)
        return ts_error(TS_ERR_RUNTIME, "\"bitwise_not_cpu\" not implemented for '%s'", dn);
    return 0;
}

/* float32 exp: PyTorch's own polynomial (vexp.h), vectorised when
 * contiguous; glibc's expf differs from PyTorch in the last bit. */
static void exp_f32_torch(char **d, const int64_t *s, int64_t n, void *ctx)
{
    (void)ctx;
    if (s[0] == sizeof(float) && s[1] == sizeof(float)) {
        ts_exp_f32_contig((float *)d[0], (const float *)d[1], n);
        return;
    }
    for (int64_t i = 0; i < n; i++)
        *(float *)(d[0] + i * s[0]) = ts_expf_torch(*(const float *)(d[1] + i * s[1]));
}

static TsTensor *unary_run(TsUnaryOp op, const TsLoop *loops, TsTensor *a, TsTensor *out, OpCtx ctx)
{
    if (unary_dtype_check(op, a->dtype) < 0)
        return NULL;
    TsDType compute = a->dtype, result = a->dtype;
    if (op == TS_OP_SQUARE && compute == TS_BOOL) /* square is pow(x, 2): bool -> int64 */
        compute = result = TS_INT64;
    if (un_rows[op].kind == K_FLOAT && !ts_dtype_is_float(compute))
        compute = result = ts_default_float();
    if (un_rows[op].kind == K_BOOL)
        result = TS_BOOL;
    /* unary kernels write their own dtype only (no casting into out=) */
    if (out && out != a && ts_can_cast(result, out->dtype) && out->dtype != result) {
        ts_error(TS_ERR_RUNTIME, "Found dtype %s but expected %s", ts_dtype_short(out->dtype),
                 ts_dtype_short(result));
        return NULL;
    }
    OpCall c = {.loop = loops[compute], .nin = 1, .in = {ts_arg(a)}, .in_dt = {compute},
                .result = result, .out = out, .ctx = ctx};
    if (op == TS_OP_EXP && compute == TS_FLOAT32)
        c.loop = exp_f32_torch;
    return run_op(&c);
}

TsTensor *ts_unary(TsUnaryOp op, TsTensor *a, TsTensor *out)
{
    return unary_run(op, un_loops[op], a, out, (OpCtx){0, 0});
}

TsTensor *ts_round_decimals(TsTensor *a, int64_t decimals, TsTensor *out)
{
    if (decimals == 0)
        return ts_unary(TS_OP_ROUND, a, out);
    if (!ts_dtype_is_float(a->dtype)) {
        ts_error(TS_ERR_RUNTIME, "\"round_cpu\" not implemented for '%s'", ts_dtype_short(a->dtype));
        return NULL;
    }
    OpCtx ctx = {pow(10.0, (double)(decimals < 0 ? -decimals : decimals)), decimals > 0 ? 1 : -1};
    return unary_run(TS_OP_ROUND, u_round_dec_loops, a, out, ctx);
}

/* ---- where / clamp / lerp / masked_fill ------------------------------------ */

TsTensor *ts_where(TsTensor *cond, TsArg a, TsArg b)
{
    if (cond->dtype != TS_BOOL && cond->dtype != TS_UINT8) {
        ts_error(TS_ERR_RUNTIME,
                 "where expected condition to be a boolean tensor, but got a tensor with dtype %s",
                 ts_dtype_short(cond->dtype));
        return NULL;
    }
    TsTensor *ts[2];
    TsScalar ss[2];
    int nt = 0, ns = 0;
    if (a.t) ts[nt++] = a.t; else ss[ns++] = a.s;
    if (b.t) ts[nt++] = b.t; else ss[ns++] = b.s;
    TsDType dt = ts_result_type(ts, nt, ss, ns);
    OpCall c = {.loop = by_size(dt, where_1, where_2, where_4, where_8), .nin = 3,
                .in = {ts_arg(cond), a, b}, .in_dt = {TS_BOOL, dt, dt}, .result = dt};
    return run_op(&c);
}

TsTensor *ts_clamp(TsTensor *a, TsArg min, bool has_min, TsArg max, bool has_max, TsTensor *out)
{
    if (!has_min && !has_max) {
        ts_error(TS_ERR_RUNTIME, "torch.clamp: At least one of 'min' or 'max' must not be None");
        return NULL;
    }
    TsTensor *ts[3] = {a};
    TsScalar ss[2];
    int nt = 1, ns = 0;
    if (has_min) { if (min.t) ts[nt++] = min.t; else ss[ns++] = min.s; }
    if (has_max) { if (max.t) ts[nt++] = max.t; else ss[ns++] = max.s; }
    TsDType dt = ts_result_type(ts, nt, ss, ns);
    TsTensor *r;
    if (out) {
        if (out != a && ts_copy_(out, a) < 0)
            return NULL;
        r = out;
        ts_retain(r);
    } else if (!(r = ts_to(a, dt, -1, true))) {
        return NULL;
    }
    if ((has_min && !ts_binary(TS_OP_MAXIMUM, ts_arg(r), min, r)) ||
        (has_max && !ts_binary(TS_OP_MINIMUM, ts_arg(r), max, r))) {
        ts_release(r);
        return NULL;
    }
    /* ts_binary returned r again; drop those extra references */
    if (has_min)
        ts_release(r);
    if (has_max)
        ts_release(r);
    return r;
}

TsTensor *ts_lerp(TsTensor *start, TsTensor *end, TsArg weight, TsTensor *out)
{
    TsDType dt = start->dtype;
    if (!ts_dtype_is_float(dt)) {
        ts_error(TS_ERR_RUNTIME, "\"lerp_kernel_%s\" not implemented for '%s'",
                 weight.t ? "tensor" : "scalar", ts_dtype_short(dt));
        return NULL;
    }
    if (end->dtype != dt) {
        ts_error(TS_ERR_RUNTIME, "expected dtype %s for `end` but got dtype %s",
                 ts_dtype_name(dt) + 6, ts_dtype_name(end->dtype) + 6);
        return NULL;
    }
    OpCall c = {.loop = lerp_loops[dt], .nin = 3, .in = {ts_arg(start), ts_arg(end), weight},
                .in_dt = {dt, dt, dt}, .result = dt, .out = out};
    return run_op(&c);
}

TsTensor *ts_fma(TsTensor *a, TsTensor *b, TsTensor *c, TsTensor *out)
{
    TsDType dt = a->dtype;
    if (!ts_dtype_is_float(dt) || b->dtype != dt || c->dtype != dt) {
        ts_error(TS_ERR_RUNTIME, "fma: expected three tensors of one float dtype");
        return NULL;
    }
    OpCall k = {.loop = fma3_loops[dt], .nin = 3, .in = {ts_arg(a), ts_arg(b), ts_arg(c)},
                .in_dt = {dt, dt, dt}, .result = dt, .out = out};
    return run_op(&k);
}

TsTensor *ts_masked_fill(TsTensor *a, TsTensor *mask, TsArg value, TsTensor *out)
{
    TsScalar v = value.s;
    if (value.t) {
        if (value.t->ndim != 0) {
            ts_error(TS_ERR_RUNTIME,
                     "masked_fill_ only supports a 0-dimensional value tensor, but got tensor "
                     "with %d dimension(s).",
                     value.t->ndim);
            return NULL;
        }
        if (ts_item(value.t, &v) < 0)
            return NULL;
    }
    TsTensor *r = out == a ? a : ts_clone(a);
    if (!r)
        return NULL;
    if (r == a)
        ts_retain(r);
    TsTensor *m = ts_to(mask, TS_BOOL, -1, false);
    TsTensor *hr = m ? ts_host_mirror(r) : NULL;
    TsTensor *hm = hr ? ts_host_mirror(m) : NULL;
    unsigned char bytes[8];
    ts_store_scalar(bytes, r->dtype, v);
    TsTensor *ops[2] = {hr, hm};
    TsIter it;
    int rc = hm ? ts_iter_build(&it, 2, ops) : -1;
    if (rc == 0) {
        ts_bump_version(r);
        rc = ts_iter_run(&it, by_size(r->dtype, mfill_1, mfill_2, mfill_4, mfill_8), bytes);
    }
    if (rc == 0)
        rc = ts_host_commit(r, hr);
    ts_release(m);
    ts_release(hr);
    ts_release(hm);
    if (rc < 0) {
        ts_release(r);
        return NULL;
    }
    return r;
}
