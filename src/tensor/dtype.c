/* dtype.c — the dtype tables, half/bfloat16 conversion, type promotion.
 *
 * Every table here is generated from TS_DTYPES (tensor.h), so adding a
 * dtype is one row there.  Promotion follows
 * /work/shared/parity/promotion.md: categories bool < integer < floating,
 * and a 0-dim tensor or a Python number only matters when it is of a
 * higher category than the dimensioned operands.
 */
#include "tensor/iter.h"

#define ROW_SIZE(E, sfx, ct, cp, acc, size, ...) size,
#define ROW_NAME(E, sfx, ct, cp, acc, size, name, ...) name,
#define ROW_LEGACY(E, sfx, ct, cp, acc, size, name, legacy, ...) legacy,
#define ROW_SHORT(E, sfx, ct, cp, acc, size, name, legacy, sh, ...) sh,
#define ROW_ISF(E, sfx, ct, cp, acc, size, name, legacy, sh, isf, sg) isf,
#define ROW_SIGNED(E, sfx, ct, cp, acc, size, name, legacy, sh, isf, sg) sg,

static const unsigned char dt_size[] = {TS_DTYPES(ROW_SIZE)};
static const char *const dt_name[] = {TS_DTYPES(ROW_NAME)};
static const char *const dt_legacy[] = {TS_DTYPES(ROW_LEGACY)};
static const char *const dt_short[] = {TS_DTYPES(ROW_SHORT)};
static const bool dt_isf[] = {TS_DTYPES(ROW_ISF)};
static const bool dt_signed[] = {TS_DTYPES(ROW_SIGNED)};

_Static_assert(sizeof dt_size == TS_NUM_DTYPES, "one row per dtype");

/* Every generated row's item size must match its storage C type. */
#define ROW_CHECK(E, sfx, ct, cp, acc, size, ...) \
    _Static_assert(sizeof(ct) == size, "item size of " #E);
TS_DTYPES(ROW_CHECK)

static bool dt_ok(TsDType dt) { return dt >= 0 && dt < TS_NUM_DTYPES; }

size_t ts_dtype_size(TsDType dt) { return dt_ok(dt) ? dt_size[dt] : 0; }
const char *ts_dtype_name(TsDType dt) { return dt_ok(dt) ? dt_name[dt] : "?"; }
const char *ts_dtype_legacy(TsDType dt) { return dt_ok(dt) ? dt_legacy[dt] : "?"; }
const char *ts_dtype_short(TsDType dt) { return dt_ok(dt) ? dt_short[dt] : "?"; }
bool ts_dtype_is_float(TsDType dt) { return dt_ok(dt) && dt_isf[dt]; }
bool ts_dtype_is_signed(TsDType dt) { return dt_ok(dt) && dt_signed[dt]; }
bool ts_dtype_is_int(TsDType dt) { return dt_ok(dt) && dt != TS_BOOL && !dt_isf[dt]; }

static TsDType default_float = TS_FLOAT32;
TsDType ts_default_float(void) { return default_float; }
void ts_set_default_float(TsDType dt) { default_float = dt; }

/* ---- float16 / bfloat16 ------------------------------------------- */

/* The inline versions in iter.h are the implementation kernels use. */
float ts_f16_to_f32(uint16_t h) { return ts_h2f(h); }
uint16_t ts_f32_to_f16(float f) { return ts_f2h(f); }
float ts_bf16_to_f32(uint16_t h) { return ts_b2f(h); }
uint16_t ts_f32_to_bf16(float f) { return ts_f2b(f); }

/* ---- promotion ------------------------------------------------------ */

TsDType ts_scalar_dtype(TsScalar s)
{
    if (s.is_bool)
        return TS_BOOL;
    if (s.is_int)
        return TS_INT64;
    return default_float;
}

/* Integers: the smallest signed type holding both (uint8 needs int16 to
 * sit beside int8). */
static TsDType promote_ints(TsDType a, TsDType b)
{
    if (a == TS_UINT8 || b == TS_UINT8) {
        TsDType o = a == TS_UINT8 ? b : a;
        return o == TS_INT8 ? TS_INT16 : o;
    }
    return a > b ? a : b; /* signed ints are listed by width */
}

TsDType ts_promote_types(TsDType a, TsDType b)
{
    if (a == b || b == TS_UNDEF)
        return a;
    if (a == TS_UNDEF)
        return b;
    if (a == TS_BOOL)
        return b;
    if (b == TS_BOOL)
        return a;
    bool fa = dt_isf[a], fb = dt_isf[b];
    if (!fa && !fb)
        return promote_ints(a, b);
    if (fa && !fb)
        return a;
    if (fb && !fa)
        return b;
    if ((a == TS_FLOAT16 && b == TS_BFLOAT16) || (a == TS_BFLOAT16 && b == TS_FLOAT16))
        return TS_FLOAT32;
    return a > b ? a : b; /* f16/bf16 < f32 < f64 */
}

bool ts_can_cast(TsDType from, TsDType to)
{
    if (dt_isf[from] && !dt_isf[to])
        return false;
    if (from != TS_BOOL && to == TS_BOOL)
        return false;
    return true;
}

/* PyTorch's combine(higher, lower) of the three operand kinds. */
static TsDType combine(TsDType higher, TsDType lower)
{
    if (higher != TS_UNDEF && dt_isf[higher])
        return higher;
    if (higher == TS_BOOL || (lower != TS_UNDEF && dt_isf[lower]))
        return ts_promote_types(higher, lower);
    return higher != TS_UNDEF ? higher : lower;
}

TsDType ts_result_type(TsTensor *const *ts, int nt, const TsScalar *ss, int ns)
{
    TsDType dim = TS_UNDEF, zero = TS_UNDEF, wrapped = TS_UNDEF;
    for (int i = 0; i < nt; i++) {
        if (ts[i]->ndim > 0)
            dim = ts_promote_types(dim, ts[i]->dtype);
        else
            zero = ts_promote_types(zero, ts[i]->dtype);
    }
    for (int i = 0; i < ns; i++)
        wrapped = ts_promote_types(wrapped, ts_scalar_dtype(ss[i]));
    return combine(dim, combine(zero, wrapped));
}
