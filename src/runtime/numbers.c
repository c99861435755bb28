/* numbers.c — int, float, bool and NoneType: the unboxed value types.
 *
 * ints are 64-bit (SPEC): any result that does not fit raises
 * OverflowError instead of wrapping.  Division, modulo and ** follow
 * Python's sign rules; mixed int/float arithmetic promotes to float;
 * bool is an int subclass whose &, |, ^ stay bool.  Hashes follow Python's
 * numeric hash (reduction modulo 2**61 - 1), so hash(1) == hash(1.0) ==
 * hash(True) and dicts/sets of ints lay out like CPython's.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "format.h"

#define IMMORTAL ((int64_t)1 << 60)
#define HASH_MOD ((1ULL << 61) - 1)
#define HASH_BITS 61
#define HASH_INF 314159

/* ---- hashing ---- */

int64_t num_hash_int(int64_t i)
{
    if (i >= 0 && (uint64_t)i < HASH_MOD) return i;
    uint64_t mag = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    int64_t h = (int64_t)(mag % HASH_MOD);
    if (i < 0) h = -h;
    return h == -1 ? -2 : h;
}

/* The value m * 2**e reduced modulo 2**61 - 1, 28 mantissa bits at a time
 * (the definition in Python's docs, "Hashing of numeric types"). */
int64_t num_hash_double(double d)
{
    if (isinf(d)) return d > 0 ? HASH_INF : -HASH_INF;
    if (isnan(d)) return 0;
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static bool int_hash(Value v, int64_t *out) { *out = num_hash_int(v.i); return true; }
static bool bool_hash(Value v, int64_t *out) { *out = v.b; return true; }
static bool float_hash(Value v, int64_t *out) { *out = num_hash_double(v.f); return true; }
static bool none_hash(Value v, int64_t *out) { (void)v; *out = 0x5F3E1A2B; return true; }

/* ---- conversions ---- */

Value num_overflow(void)
{
    return rt_raise(&exc_OverflowError, "integer overflow: result does not fit in 64 bits");
}

/* Calls a numeric dunder (__float__, __index__, __int__) of an object if
 * its type has one; V_UNBOUND when it does not. */
static Value call_dunder(Value v, const char *name)
{
    if (!IS_OBJ(v)) return V_UNBOUND;
    for (Type *t = v.o->type; t; t = t->base) {
        if (t->dict && !IS_UNBOUND(dict_get_cstr(v_obj(t->dict), name))) {
            Value m = v_getattr_cstr(v, name);
            if (IS_ERR(m)) return m;
            Value r = v_call(m, NULL, 0, NULL);
            v_decref(m);
            return r;
        }
    }
    return V_UNBOUND;
}

bool num_to_double(Value v, double *out)
{
    switch (v.tag) {
    case VT_FLOAT: *out = v.f; return true;
    case VT_INT: *out = (double)v.i; return true;
    case VT_BOOL: *out = v.b; return true;
    default: break;
    }
    Value r = call_dunder(v, "__float__");
    if (IS_ERR(r)) return false;
    if (IS_FLOAT(r) || IS_INT(r)) {
        *out = IS_FLOAT(r) ? r.f : (double)r.i;
        return true;
    }
    v_decref(r);
    rt_raise(&exc_TypeError, "must be real number, not %s", v_typename(v));
    return false;
}

bool num_index(Value v, int64_t *out)
{
    if (IS_INT(v)) { *out = v.i; return true; }
    if (IS_BOOL(v)) { *out = v.b; return true; }
    Value r = call_dunder(v, "__index__");
    if (IS_ERR(r)) return false;
    if (IS_INT(r) || IS_BOOL(r)) {
        *out = IS_INT(r) ? r.i : r.b;
        return true;
    }
    v_decref(r);
    rt_raise(&exc_TypeError, "'%s' object cannot be interpreted as an integer", v_typename(v));
    return false;
}

/* Decimal digits of m into out (at least 21 bytes), NUL-terminated;
 * returns their number.  Two digits per division from a pair table: str(),
 * '%d' and f'{i}' of ints are hot in string-building code, and the printf
 * machinery cost several times this. */
int num_u64_dec(uint64_t m, char *out)
{
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char tmp[24];
    char *q = tmp + sizeof tmp;
    while (m >= 100) {
        const char *d = pairs + 2 * (m % 100);
        m /= 100;
        *--q = d[1];
        *--q = d[0];
    }
    if (m >= 10) {
        *--q = pairs[2 * m + 1];
        *--q = pairs[2 * m];
    } else {
        *--q = (char)('0' + m);
    }
    int n = (int)(tmp + sizeof tmp - q);
    memcpy(out, q, (size_t)n);
    out[n] = 0;
    return n;
}

/* The decimal text of i with its sign, as num_u64_dec. */
int num_i64_dec(int64_t i, char *out)
{
    if (i >= 0) return num_u64_dec((uint64_t)i, out);
    out[0] = '-';
    return 1 + num_u64_dec((uint64_t)0 - (uint64_t)i, out + 1);
}

Value int_repr(int64_t i)
{
    char buf[24];
    int n = num_i64_dec(i, buf);
    return str_new(buf, n);
}

Value float_repr(double d)
{
    char buf[32];
    fmt_float_repr(d, buf);
    return str_from_cstr(buf);
}

static Value int_repr_slot(Value v) { return int_repr(v.i); }
static Value float_repr_slot(Value v) { return float_repr(v.f); }
static Value bool_repr_slot(Value v) { return v_obj(str_intern(v.b ? "True" : "False")); }
static Value none_repr_slot(Value v) { (void)v; return v_obj(str_intern("None")); }

/* ---- int arithmetic ---- */

Value int_floordiv(int64_t a, int64_t b)
{
    if (b == 0) return rt_raise(&exc_ZeroDivisionError, "integer division or modulo by zero");
    if (b == -1) return a == INT64_MIN ? num_overflow() : v_int(-a);
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return v_int(q);
}

Value int_mod(int64_t a, int64_t b)
{
    if (b == 0) return rt_raise(&exc_ZeroDivisionError, "integer modulo by zero");
    if (b == -1) return v_int(0);
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return v_int(r);
}

static Value zero_neg_pow(void)
{
    return rt_raise(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
}

Value int_pow(int64_t a, int64_t b)
{
    if (b < 0) {
        if (a == 0) return zero_neg_pow();
        return v_float(pow((double)a, (double)b));
    }
    int64_t r = 1, base = a;
    while (b) {
        if (b & 1 && __builtin_mul_overflow(r, base, &r)) return num_overflow();
        b >>= 1;
        if (b && __builtin_mul_overflow(base, base, &base)) return num_overflow();
    }
    return v_int(r);
}

static Value int_shift(BinOp op, int64_t a, int64_t b)
{
    if (b < 0) return rt_raise(&exc_ValueError, "negative shift count");
    if (op == OP_RSHIFT) return v_int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    if (a == 0) return v_int(0);
    if (b >= 63) return num_overflow();
    int64_t r = (int64_t)((uint64_t)a << b);
    if ((r >> b) != a) return num_overflow();
    return v_int(r);
}

static Value int_arith(BinOp op, int64_t a, int64_t b)
{
    int64_t r;
    switch (op) {
    case OP_ADD: if (__builtin_add_overflow(a, b, &r)) return num_overflow(); return v_int(r);
    case OP_SUB: if (__builtin_sub_overflow(a, b, &r)) return num_overflow(); return v_int(r);
    case OP_MUL: if (__builtin_mul_overflow(a, b, &r)) return num_overflow(); return v_int(r);
    case OP_TRUEDIV:
        if (b == 0) return rt_raise(&exc_ZeroDivisionError, "division by zero");
        return v_float((double)a / (double)b);
    case OP_FLOORDIV: return int_floordiv(a, b);
    case OP_MOD: return int_mod(a, b);
    case OP_POW: return int_pow(a, b);
    case OP_LSHIFT:
    case OP_RSHIFT: return int_shift(op, a, b);
    case OP_AND: return v_int(a & b);
    case OP_OR: return v_int(a | b);
    case OP_XOR: return v_int(a ^ b);
    default: return rt_notimpl();
    }
}

/* ---- float arithmetic ---- */

/* Python's divmod for floats: the remainder takes the divisor's sign and
 * the quotient is floored, with exact-zero results signed sensibly. */
static void float_divmod(double a, double b, double *q, double *m)
{
    double mod = fmod(a, b), div = (a - mod) / b;
    if (mod) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    double fl;
    if (div) {
        fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = copysign(0.0, a / b);
    }
    *q = fl;
    *m = mod;
}

static Value float_pow(double a, double b)
{
    if (a == 0 && b < 0) return zero_neg_pow();
    if (a < 0 && isfinite(a) && isfinite(b) && b != floor(b))
        return rt_raise(&exc_NotImplementedError,
                        "complex numbers are not supported (negative number raised to a fractional power)");
    errno = 0;
    double r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b))
        return rt_raise(&exc_OverflowError, "(34, 'Numerical result out of range')");
    return v_float(r);
}

static Value float_arith(BinOp op, double a, double b)
{
    double q, m;
    switch (op) {
    case OP_ADD: return v_float(a + b);
    case OP_SUB: return v_float(a - b);
    case OP_MUL: return v_float(a * b);
    case OP_TRUEDIV:
        if (b == 0) return rt_raise(&exc_ZeroDivisionError, "float division by zero");
        return v_float(a / b);
    case OP_FLOORDIV:
        if (b == 0) return rt_raise(&exc_ZeroDivisionError, "float floor division by zero");
        float_divmod(a, b, &q, &m);
        return v_float(q);
    case OP_MOD:
        if (b == 0) return rt_raise(&exc_ZeroDivisionError, "float modulo");
        float_divmod(a, b, &q, &m);
        return v_float(m);
    case OP_POW: return float_pow(a, b);
    default: return rt_notimpl();
    }
}

Value num_binop(BinOp op, Value a, Value b)
{
    if ((IS_INT(a) || IS_BOOL(a)) && (IS_INT(b) || IS_BOOL(b)))
        return int_arith(op, IS_INT(a) ? a.i : a.b, IS_INT(b) ? b.i : b.b);
    double x, y;
    if (IS_FLOAT(a)) x = a.f;
    else if (IS_INT(a)) x = (double)a.i;
    else if (IS_BOOL(a)) x = a.b;
    else return rt_notimpl();
    if (IS_FLOAT(b)) y = b.f;
    else if (IS_INT(b)) y = (double)b.i;
    else if (IS_BOOL(b)) y = b.b;
    else return rt_notimpl();
    if (op >= OP_MATMUL) return rt_notimpl();
    /* int ** int with a float result comes here only via floats */
    return float_arith(op, x, y);
}

static Value bool_binop(BinOp op, Value a, Value b)
{
    if (IS_BOOL(a) && IS_BOOL(b)) {
        if (op == OP_AND) return v_bool(a.b & b.b);
        if (op == OP_OR) return v_bool(a.b | b.b);
        if (op == OP_XOR) return v_bool(a.b ^ b.b);
    }
    return num_binop(op, a, b);
}

/* ---- comparison: exact across int and float ---- */

/* -1, 0, 1; 2 when unordered (NaN). */
static int cmp_int_double(int64_t i, double d)
{
    if (isnan(d)) return 2;
    if (d >= 9223372036854775808.0) return -1;
    if (d < -9223372036854775808.0) return 1;
    double fl = floor(d);
    int64_t fi = (int64_t)fl;
    if (i < fi) return -1;
    if (i > fi) return 1;
    return d > fl ? -1 : 0;
}

static Value cmp_result(CmpOp op, int c)
{
    if (c == 2) return v_bool(op == CMP_NE);
    switch (op) {
    case CMP_LT: return v_bool(c < 0);
    case CMP_LE: return v_bool(c <= 0);
    case CMP_EQ: return v_bool(c == 0);
    case CMP_NE: return v_bool(c != 0);
    case CMP_GT: return v_bool(c > 0);
    default: return v_bool(c >= 0);
    }
}

Value num_compare(CmpOp op, Value a, Value b)
{
    bool ai = IS_INT(a) || IS_BOOL(a), bi = IS_INT(b) || IS_BOOL(b);
    if ((!ai && !IS_FLOAT(a)) || (!bi && !IS_FLOAT(b))) return rt_notimpl();
    int c;
    if (ai && bi) {
        int64_t x = IS_INT(a) ? a.i : a.b, y = IS_INT(b) ? b.i : b.b;
        c = (x > y) - (x < y);
    } else if (!ai && !bi) {
        c = (isnan(a.f) || isnan(b.f)) ? 2 : (a.f > b.f) - (a.f < b.f);
    } else if (ai) {
        c = cmp_int_double(IS_INT(a) ? a.i : a.b, b.f);
    } else {
        c = cmp_int_double(IS_INT(b) ? b.i : b.b, a.f);
        if (c != 2) c = -c;
    }
    return cmp_result(op, c);
}

/* ---- unary operators and truth ---- */

static Value bad_unary(UnOp op, Value a)
{
    static const char *const sym[] = {"-", "+", "~", "not"};
    return rt_raise(&exc_TypeError, "bad operand type for unary %s: '%s'", sym[op], v_typename(a));
}

static Value int_unop(UnOp op, Value a)
{
    int64_t i = IS_INT(a) ? a.i : a.b;
    switch (op) {
    case UOP_NEG: return i == INT64_MIN ? num_overflow() : v_int(-i);
    case UOP_POS: return v_int(i);
    case UOP_INVERT: return v_int(~i);
    default: return v_bool(i == 0);
    }
}

static Value float_unop(UnOp op, Value a)
{
    switch (op) {
    case UOP_NEG: return v_float(-a.f);
    case UOP_POS: return a;
    case UOP_NOT: return v_bool(a.f == 0);
    default: return bad_unary(op, a);
    }
}

static Value none_unop(UnOp op, Value a)
{
    if (op == UOP_NOT) return v_bool(true);
    return bad_unary(op, a);
}

static int int_truth(Value v) { return v.i != 0; }
static int bool_truth(Value v) { return v.b; }
static int float_truth(Value v) { return v.f != 0; }
static int none_truth(Value v) { (void)v; return 0; }

/* ---- parsing: int(str, base), float(str) ---- */

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static Value bad_int_literal(const char *s, int64_t n, int base)
{
    Value r = str_repr_of(s, n);
    if (IS_ERR(r)) return r;
    rt_raise(&exc_ValueError, "invalid literal for int() with base %d: %s", base, str_cstr(r));
    v_decref(r);
    return V_ERR;
}

/* Whitespace around, a sign, an optional 0x/0o/0b prefix matching the base
 * (or choosing it when base is 0), and single underscores between digits. */
Value int_from_string(const char *s0, int64_t n0, int base)
{
    const char *s = s0, *e = s0 + n0;
    while (s < e && is_space(*s)) s++;
    while (e > s && is_space(e[-1])) e--;
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) neg = *s++ == '-';
    int b = base;
    if (e - s >= 2 && s[0] == '0') {
        char p = (char)(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            s += 2;
            if (s < e && *s == '_') s++;
        }
    }
    if (b == 0) {
        b = 10;
        /* base 0 forbids leading zeros in a nonzero decimal */
        if (e - s > 1 && s[0] == '0') {
            for (const char *q = s; q < e; q++)
                if (*q != '0' && *q != '_') return bad_int_literal(s0, n0, base);
        }
    }
    if (s >= e) return bad_int_literal(s0, n0, base);
    uint64_t acc = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    bool overflow = false, prev_us = true;
    for (const char *q = s; q < e; q++) {
        if (*q == '_') {
            if (prev_us) return bad_int_literal(s0, n0, base);
            prev_us = true;
            continue;
        }
        int d = digit_value(*q);
        if (d >= b) return bad_int_literal(s0, n0, base);
        prev_us = false;
        if (acc > (limit - (uint64_t)d) / (uint64_t)b) overflow = true;
        else acc = acc * (uint64_t)b + (uint64_t)d;
    }
    if (prev_us) return bad_int_literal(s0, n0, base);
    if (overflow) return num_overflow();
    return v_int(neg ? (int64_t)(0 - acc) : (int64_t)acc);
}

static Value bad_float_literal(const char *s, int64_t n)
{
    Value r = str_repr_of(s, n);
    if (IS_ERR(r)) return r;
    rt_raise(&exc_ValueError, "could not convert string to float: %s", str_cstr(r));
    v_decref(r);
    return V_ERR;
}

/* Checks Python's float syntax (digits with single underscores between
 * them, an optional fraction and exponent, or inf/infinity/nan) and copies
 * it without underscores into out. */
static bool float_syntax(const char *s, const char *e, char *out)
{
    char *o = out;
    if (s < e && (*s == '+' || *s == '-')) *o++ = *s++;
    int64_t n = e - s;
    if ((n == 3 && !strncasecmp(s, "inf", 3)) || (n == 8 && !strncasecmp(s, "infinity", 8)) ||
        (n == 3 && !strncasecmp(s, "nan", 3))) {
        memcpy(o, s, (size_t)n);
        o[n] = 0;
        return true;
    }
    int digits = 0;
    bool in_exp = false, seen_dot = false;
    char prev = 0;
    for (; s < e; prev = *s++) {
        char c = *s;
        if (c >= '0' && c <= '9') { digits++; *o++ = c; continue; }
        bool prev_digit = prev >= '0' && prev <= '9';
        if (c == '_') {
            if (!prev_digit || s + 1 >= e || s[1] < '0' || s[1] > '9') return false;
            continue;
        }
        if (c == '.' && !seen_dot && !in_exp) { seen_dot = true; *o++ = c; continue; }
        if ((c == 'e' || c == 'E') && digits && !in_exp) {
            in_exp = true;
            *o++ = 'e';
            if (s + 1 < e && (s[1] == '+' || s[1] == '-')) *o++ = *++s;
            if (s + 1 >= e || s[1] < '0' || s[1] > '9') return false;
            continue;
        }
        return false;
    }
    *o = 0;
    return digits > 0;
}

Value float_from_string(const char *s0, int64_t n0)
{
    const char *s = s0, *e = s0 + n0;
    while (s < e && is_space(*s)) s++;
    while (e > s && is_space(e[-1])) e--;
    char small[64], *buf = (e - s) < 63 ? small : malloc((size_t)(e - s) + 2);
    if (!buf) return rt_nomem();
    Value r;
    if (!float_syntax(s, e, buf)) {
        r = bad_float_literal(s0, n0);
    } else {
        r = v_float(strtod(buf, NULL));
    }
    if (buf != small) free(buf);
    return r;
}

/* ---- constructors: int(x, base), float(x), bool(x) ---- */

static Value int_from_float(double d)
{
    if (isnan(d)) return rt_raise(&exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return rt_raise(&exc_OverflowError, "cannot convert float infinity to integer");
    double t = trunc(d);
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return num_overflow();
    return v_int((int64_t)t);
}

static Value int_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"x", "base"};
    Value a[2];
    (void)t;
    /* x is positional-only: int(x=1) is an error, as in CPython 3.7+ */
    for (int i = 0; kw && i < kw->n; i++)
        if (strcmp(((Str *)kw->names[i])->data, "base") != 0)
            return rt_raise(&exc_TypeError, "'%s' is an invalid keyword argument for int()",
                            ((Str *)kw->names[i])->data);
    if (!args_parse("int", args, nargs, kw, names, 2, 0, a)) return V_ERR;
    Value x = a[0];
    if (IS_UNBOUND(x)) return v_int(0);
    if (!IS_UNBOUND(a[1])) {
        int64_t base;
        if (!num_index(a[1], &base)) return V_ERR;
        if (!IS_TYPE(x, &str_type))
            return rt_raise(&exc_TypeError, "int() can't convert non-string with explicit base");
        if (base != 0 && (base < 2 || base > 36))
            return rt_raise(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return int_from_string(str_cstr(x), ((Str *)x.o)->len, (int)base);
    }
    switch (x.tag) {
    case VT_INT: return x;
    case VT_BOOL: return v_int(x.b);
    case VT_FLOAT: return int_from_float(x.f);
    default: break;
    }
    if (IS_TYPE(x, &str_type)) return int_from_string(str_cstr(x), ((Str *)x.o)->len, 10);
    Value r = call_dunder(x, "__int__");
    if (IS_UNBOUND(r)) r = call_dunder(x, "__index__");
    if (IS_UNBOUND(r))
        return rt_raise(&exc_TypeError,
                        "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                        v_typename(x));
    if (IS_ERR(r) || IS_INT(r)) return r;
    if (IS_BOOL(r)) return v_int(r.b);
    if (IS_FLOAT(r)) return int_from_float(r.f);
    v_decref(r);
    return rt_raise(&exc_TypeError, "__int__ returned non-int");
}

static Value float_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    if (kw && kw->n) return rt_raise(&exc_TypeError, "float() takes no keyword arguments");
    if (nargs > 1) return rt_raise(&exc_TypeError, "float expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return v_float(0.0);
    Value x = args[0];
    switch (x.tag) {
    case VT_FLOAT: return x;
    case VT_INT: return v_float((double)x.i);
    case VT_BOOL: return v_float(x.b);
    default: break;
    }
    if (IS_TYPE(x, &str_type)) return float_from_string(str_cstr(x), ((Str *)x.o)->len);
    Value r = call_dunder(x, "__float__");
    if (IS_UNBOUND(r))
        return rt_raise(&exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                        v_typename(x));
    if (IS_ERR(r) || IS_FLOAT(r)) return r;
    if (IS_INT(r)) return v_float((double)r.i);
    v_decref(r);
    return rt_raise(&exc_TypeError, "__float__ returned non-float");
}

static Value bool_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    if (kw && kw->n) return rt_raise(&exc_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1) return rt_raise(&exc_TypeError, "bool expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return v_bool(false);
    int r = v_truth(args[0]);
    return r < 0 ? V_ERR : v_bool(r);
}

static Value none_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    (void)args;
    if (nargs || (kw && kw->n)) return rt_raise(&exc_TypeError, "NoneType takes no arguments");
    return V_NONE;
}

/* ---- round() ---- */

/* Half-to-even rounding of an int to a multiple of 10**-nd (nd < 0). */
static Value round_int(int64_t x, int64_t nd)
{
    if (nd >= 0) return v_int(x);
    if (nd < -18) return v_int(0);
    int64_t p = 1;
    for (int64_t i = 0; i < -nd; i++) p *= 10;
    int64_t q = x / p, r = x % p;
    if (r < 0) { r += p; q--; }
    if (2 * r > p || (2 * r == p && (q & 1))) q++;
    int64_t res;
    if (__builtin_mul_overflow(q, p, &res)) return num_overflow();
    return v_int(res);
}

/* round(x, nd) for floats: printf's correctly rounded decimal conversion
 * (ties to even on the exact binary value) read back with strtod, which is
 * what makes round(2.675, 2) == 2.67 like CPython. */
static double round_double(double x, int64_t nd)
{
    if (!isfinite(x) || x == 0 || nd > 323) return x;
    if (nd < -308) return copysign(0.0, x);
    char buf[400];
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        return strtod(buf, NULL);
    }
    int e10 = (int)floor(log10(fabs(x)));
    int sig = e10 + 1 + (int)nd;   /* significant digits kept */
    if (sig > 0) {
        snprintf(buf, sizeof buf, "%.*e", sig - 1, x);
        return strtod(buf, NULL);
    }
    double unit = pow(10.0, (double)-nd);
    if (sig == 0 && fabs(x) > unit / 2) return copysign(unit, x);
    return copysign(0.0, x);
}

Value num_round(Value x, Value ndigits)
{
    bool has_nd = !IS_UNBOUND(ndigits) && !IS_NONE(ndigits);
    int64_t nd = 0;
    if (has_nd && !num_index(ndigits, &nd)) return V_ERR;
    if (IS_INT(x) || IS_BOOL(x)) return round_int(IS_INT(x) ? x.i : x.b, nd);
    if (IS_FLOAT(x)) {
        if (has_nd) return v_float(round_double(x.f, nd));
        double r = round_double(x.f, 0);
        return int_from_float(r);
    }
    Value m = v_getattr_cstr(x, "__round__");
    if (IS_ERR(m)) {
        rt_exc_clear();
        return rt_raise(&exc_TypeError, "type %s doesn't define __round__ method", v_typename(x));
    }
    Value r = has_nd ? v_call(m, &ndigits, 1, NULL) : v_call(m, NULL, 0, NULL);
    v_decref(m);
    return r;
}

/* ---- methods ---- */

static Value m_bit_length(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_count("bit_length", nargs - 1, 0, 0)) return V_ERR;
    int64_t i = IS_INT(args[0]) ? args[0].i : IS_BOOL(args[0]) ? args[0].b : 0;
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    return v_int(m ? 64 - __builtin_clzll(m) : 0);
}

static Value m_is_integer(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_count("is_integer", nargs - 1, 0, 0)) return V_ERR;
    double d = args[0].f;
    return v_bool(isfinite(d) && d == floor(d));
}

static Value m_as_integer_ratio(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_count("as_integer_ratio", nargs - 1, 0, 0)) return V_ERR;
    double d = args[0].f;
    if (isinf(d)) return rt_raise(&exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d)) return rt_raise(&exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    int64_t num = (int64_t)m, den = 1;
    if (e > 0) {
        if (e > 62) return num_overflow();
        for (int i = 0; i < e; i++)
            if (__builtin_mul_overflow(num, 2, &num)) return num_overflow();
    } else {
        if (-e > 62) return num_overflow();
        den = (int64_t)1 << -e;
    }
    return tuple_pack(2, v_int(num), v_int(den));
}

static Value m_conjugate(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    (void)nargs;
    return IS_BOOL(args[0]) ? v_int(args[0].b) : args[0];
}

static Value p_real(Value *args, int nargs, KwArgs *kw) { return m_conjugate(args, nargs, kw); }

static Value p_imag(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs;
    (void)kw;
    return IS_FLOAT(args[0]) ? v_float(0.0) : v_int(0);
}

/* x.__format__(spec): what format() and f-strings call. */
static Value m_format(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_one("__format__", nargs - 1)) return V_ERR;
    if (!IS_TYPE(args[1], &str_type))
        return rt_raise(&exc_TypeError, "__format__() argument must be str, not %s", v_typename(args[1]));
    return fmt_format_value(args[0], str_cstr(args[1]));
}

static const MethodDef int_methods[] = {
    {"__format__", m_format, "__format__(format_spec, /)\n\nFormat self as described by format_spec.", 0},
    {"bit_length", m_bit_length, "bit_length()\n\nNumber of bits necessary to represent self in binary.", 0},
    {"conjugate", m_conjugate, "conjugate()\n\nReturns self, the complex conjugate of any int.", 0},
    {"real", p_real, "the real part of a number", METH_PROPERTY},
    {"imag", p_imag, "the imaginary part of a number", METH_PROPERTY},
    {NULL, NULL, NULL, 0},
};

static const MethodDef float_methods[] = {
    {"__format__", m_format, "__format__(format_spec, /)\n\nFormat self as described by format_spec.", 0},
    {"is_integer", m_is_integer, "is_integer()\n\nReturn True if the float is an integer.", 0},
    {"as_integer_ratio", m_as_integer_ratio, "as_integer_ratio()\n\nReturn integer ratio.", 0},
    {"conjugate", m_conjugate, "conjugate()\n\nReturn self, the complex conjugate of any float.", 0},
    {"real", p_real, "the real part of a number", METH_PROPERTY},
    {"imag", p_imag, "the imaginary part of a number", METH_PROPERTY},
    {NULL, NULL, NULL, 0},
};

void numbers_init_types(void)
{
    type_add_methods(&int_type, int_methods);
    type_add_methods(&float_type, float_methods);
}

Type int_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "int", .base = &object_type,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer.",
    .new = int_new, .repr = int_repr_slot, .hash = int_hash, .compare = num_compare,
    .truth = int_truth, .binop = num_binop, .unop = int_unop,
};

Type bool_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "bool", .base = &int_type,
    .doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.",
    .new = bool_new, .repr = bool_repr_slot, .hash = bool_hash, .compare = num_compare,
    .truth = bool_truth, .binop = bool_binop, .unop = int_unop,
};

Type float_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "float", .base = &object_type,
    .doc = "float(x=0, /)\n\nConvert a string or number to a floating point number, if possible.",
    .new = float_new, .repr = float_repr_slot, .hash = float_hash, .compare = num_compare,
    .truth = float_truth, .binop = num_binop, .unop = float_unop,
};

Type none_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "NoneType", .base = &object_type,
    .new = none_new, .repr = none_repr_slot, .hash = none_hash, .truth = none_truth,
    .unop = none_unop,
};
