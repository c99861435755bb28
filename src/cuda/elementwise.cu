/* elementwise.cu — the unary and binary op hooks.
 *
 * One kernel per (input type, output type) pair; the op is a run-time
 * argument switched on inside the element loop (uniform across the grid,
 * so the branch costs nothing measurable against the memory traffic).
 * Arithmetic runs in the compute type CuMath<T>: float for half and
 * bfloat16, int64 with wrap-around for every integer type and bool, as the
 * host library computes, so results agree with the CPU kernels (the unit
 * test checks every op against them).
 *
 * The hooks take only what they can do exactly as the host does: device
 * operands of one dtype T; an output of dtype T, or bool (comparisons,
 * logical ops), or float32/float64 when integers promote (sqrt of an int
 * tensor, int / int, int * 0.5: then the arithmetic runs in the output's
 * type, as the host converts first); and the op/dtype combinations PyTorch
 * accepts without a data-dependent error.  Anything
 * else (mixed dtypes, integer division that may divide by zero, shifts,
 * integer powers) returns 1 and the host path handles it, error texts
 * included.
 */
#include "cuda/cuda_internal.h"

#include <type_traits>

/* Compute type: float for 16-bit floats, int64 for integers and bool. */
template <typename T> struct CuMath { typedef int64_t type; };
template <> struct CuMath<float> { typedef float type; };
template <> struct CuMath<double> { typedef double type; };
template <> struct CuMath<CuHalf> { typedef float type; };
template <> struct CuMath<CuBF16> { typedef float type; };

/* Wrap-around integer arithmetic (signed overflow is undefined in C++). */
__device__ __forceinline__ int64_t wadd(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
__device__ __forceinline__ int64_t wsub(int64_t a, int64_t b) { return (int64_t)((uint64_t)a - (uint64_t)b); }
__device__ __forceinline__ int64_t wmul(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }

/* PyTorch's floor division and remainder for floats (sign of the divisor). */
template <typename C> __device__ C fdiv_floor(C a, C b)
{
    if (b == 0)
        return a / b;
    C mod = fmod(a, b), div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0)))
        div -= 1;
    if (div == 0)
        return copysign((C)0, a / b);
    C fl = floor(div);
    return div - fl > (C)0.5 ? fl + 1 : fl;
}

template <typename C> __device__ C frem(C a, C b)
{
    C m = fmod(a, b);
    return (m != 0 && ((b < 0) != (m < 0))) ? m + b : m;
}

/* ---- unary ------------------------------------------------------------ */

template <typename C> __device__ C un_float(int op, C x)
{
    switch (op) {
    case TS_OP_NEG: return -x;
    case TS_OP_ABS: return fabs(x);
    case TS_OP_SQRT: return sqrt(x);
    case TS_OP_RSQRT: return (C)1 / sqrt(x);
    case TS_OP_EXP: return exp(x);
    case TS_OP_EXP2: return exp2(x);
    case TS_OP_LOG: return log(x);
    case TS_OP_LOG2: return log2(x);
    case TS_OP_LOG10: return log10(x);
    case TS_OP_LOG1P: return log1p(x);
    case TS_OP_EXPM1: return expm1(x);
    case TS_OP_SIN: return sin(x);
    case TS_OP_COS: return cos(x);
    case TS_OP_TAN: return tan(x);
    case TS_OP_ASIN: return asin(x);
    case TS_OP_ACOS: return acos(x);
    case TS_OP_ATAN: return atan(x);
    case TS_OP_SINH: return sinh(x);
    case TS_OP_COSH: return cosh(x);
    case TS_OP_TANH: return tanh(x);
    case TS_OP_SIGMOID: return (C)1 / ((C)1 + exp(-x));
    case TS_OP_ERF: return erf(x);
    case TS_OP_ERFINV: return erfinv(x);
    case TS_OP_RECIPROCAL: return (C)1 / x;
    case TS_OP_RELU: return x != x ? x : x > 0 ? x : (C)0;
    case TS_OP_CEIL: return ceil(x);
    case TS_OP_FLOOR: return floor(x);
    case TS_OP_ROUND: return rint(x); /* half to even */
    case TS_OP_TRUNC: return trunc(x);
    case TS_OP_FRAC: return x - trunc(x);
    case TS_OP_SIGN: return (C)((x > 0) - (x < 0));
    case TS_OP_SQUARE: return x * x;
    case TS_OP_LOGICAL_NOT: return (C)(x == 0);
    case TS_OP_ISNAN: return (C)(x != x);
    case TS_OP_ISINF: return (C)isinf(x);
    case TS_OP_ISFINITE: return (C)isfinite(x);
    default: return x;
    }
}

/* isbool: bitwise_not of a bool is logical not, not ~. */
__device__ int64_t un_int(int op, int64_t x, bool isbool)
{
    switch (op) {
    case TS_OP_NEG: return wsub(0, x);
    case TS_OP_ABS: return x < 0 ? wsub(0, x) : x;
    case TS_OP_RELU: return x > 0 ? x : 0;
    case TS_OP_SIGN: return (x > 0) - (x < 0);
    case TS_OP_SQUARE: return wmul(x, x);
    case TS_OP_BITWISE_NOT: return isbool ? !x : ~x;
    case TS_OP_LOGICAL_NOT: return !x;
    case TS_OP_ISNAN: return 0;
    case TS_OP_ISINF: return 0;
    case TS_OP_ISFINITE: return 1;
    default: return x; /* ceil, floor, round, trunc keep integers */
    }
}

/* T: input storage, C: compute type, O: output storage. */
template <typename T, typename C, typename O>
__global__ void k_unary(CuLayout L, O *out, const T *a, int op)
{
    int64_t step = (int64_t)gridDim.x * blockDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < L.numel; i += step) {
        C x = (C)cu_load(a[cu_offset(L, 1, i)]);
        C r;
        if constexpr (std::is_floating_point<C>::value)
            r = un_float<C>(op, x);
        else
            r = un_int(op, x, std::is_same<T, bool>::value);
        out[cu_offset(L, 0, i)] = CuCast<O>::go(r);
    }
}

/* Integers (and bool) meeting a floating result: computed in the result. */
static bool promotes_to_float(TsDType in, TsDType out)
{
    return !ts_dtype_is_float(in) && (out == TS_FLOAT32 || out == TS_FLOAT64);
}

static bool unary_is_bool_kind(int op)
{
    return op == TS_OP_LOGICAL_NOT || op == TS_OP_ISNAN || op == TS_OP_ISINF ||
           op == TS_OP_ISFINITE;
}

/* The (op, input dtype) pairs the kernel computes as the host does. */
static bool unary_supported(int op, TsDType in, TsDType out)
{
    if (op < 0 || op >= TS_NUM_UNARY_OPS)
        return false;
    if (unary_is_bool_kind(op))
        return out == TS_BOOL;
    if (promotes_to_float(in, out)) /* the FLOAT-kind ops on integers */
        return op >= TS_OP_SQRT && op <= TS_OP_RECIPROCAL;
    if (out != in)
        return false;
    if (ts_dtype_is_float(in))
        return op != TS_OP_BITWISE_NOT;
    if (in == TS_BOOL)
        return op == TS_OP_BITWISE_NOT;
    switch (op) {
    case TS_OP_NEG: case TS_OP_ABS: case TS_OP_RELU: case TS_OP_CEIL: case TS_OP_FLOOR:
    case TS_OP_ROUND: case TS_OP_TRUNC: case TS_OP_SIGN: case TS_OP_SQUARE:
    case TS_OP_BITWISE_NOT:
        return true;
    default:
        return false;
    }
}

template <typename T> static void launch_unary(const CuLayout &L, TsTensor *out, TsTensor *a, int op)
{
    typedef typename CuMath<T>::type C;
    if (out->dtype == TS_BOOL)
        cu_launch(k_unary<T, C, bool>, L.numel, L, cu_ptr<bool>(out), cu_ptr<T>(a), op);
    else if (out->dtype == a->dtype)
        cu_launch(k_unary<T, C, T>, L.numel, L, cu_ptr<T>(out), cu_ptr<T>(a), op);
    else if constexpr (!std::is_floating_point<C>::value) { /* promotes_to_float */
        if (out->dtype == TS_FLOAT32)
            cu_launch(k_unary<T, float, float>, L.numel, L, cu_ptr<float>(out), cu_ptr<T>(a), op);
        else
            cu_launch(k_unary<T, double, double>, L.numel, L, cu_ptr<double>(out), cu_ptr<T>(a), op);
    }
}

extern "C" int cuda_unary(int op, TsTensor *out, TsTensor *a)
{
    CuLayout L;
    if (!cu_on_gpu(out) || a->device != out->device || !unary_supported(op, a->dtype, out->dtype))
        return 1;
    TsTensor *ops[1] = {a};
    if (cu_layout_build(&L, out, ops, 1) < 0)
        return 1;
    if (L.numel == 0)
        return 0;
    if (cu_use(out) < 0)
        return -1;
    bool handled = true;
    CU_DISPATCH(a->dtype, T, launch_unary<T>(L, out, a, op));
    return handled ? cu_launched() : 1;
}

/* ---- binary ----------------------------------------------------------- */

template <typename C> __device__ C bin_float(int op, C x, C y, C alpha)
{
    switch (op) {
    case TS_OP_ADD: return x + alpha * y;
    case TS_OP_SUB: return x - alpha * y;
    case TS_OP_MUL: return x * y;
    case TS_OP_DIV: return x / y;
    case TS_OP_DIV_TRUNC: return trunc(x / y);
    case TS_OP_DIV_FLOOR: return fdiv_floor(x, y);
    case TS_OP_REMAINDER: return frem(x, y);
    case TS_OP_FMOD: return fmod(x, y);
    case TS_OP_POW: return pow(x, y);
    case TS_OP_ATAN2: return atan2(x, y);
    case TS_OP_MAXIMUM: return x != x ? x : y != y ? y : x > y ? x : y;
    case TS_OP_MINIMUM: return x != x ? x : y != y ? y : x < y ? x : y;
    default: return 0;
    }
}

__device__ int64_t bin_int(int op, int64_t x, int64_t y, int64_t alpha)
{
    switch (op) {
    case TS_OP_ADD: return wadd(x, wmul(alpha, y));
    case TS_OP_SUB: return wsub(x, wmul(alpha, y));
    case TS_OP_MUL: return wmul(x, y);
    case TS_OP_MAXIMUM: return x > y ? x : y;
    case TS_OP_MINIMUM: return x < y ? x : y;
    case TS_OP_BITWISE_AND: return x & y;
    case TS_OP_BITWISE_OR: return x | y;
    case TS_OP_BITWISE_XOR: return x ^ y;
    default: return 0;
    }
}

/* Comparisons and logical ops: the same for every compute type. */
template <typename C> __device__ bool bin_bool(int op, C x, C y)
{
    switch (op) {
    case TS_OP_EQ: return x == y;
    case TS_OP_NE: return x != y;
    case TS_OP_LT: return x < y;
    case TS_OP_LE: return x <= y;
    case TS_OP_GT: return x > y;
    case TS_OP_GE: return x >= y;
    case TS_OP_LOGICAL_AND: return x != 0 && y != 0;
    case TS_OP_LOGICAL_OR: return x != 0 || y != 0;
    default: return (x != 0) != (y != 0); /* logical_xor */
    }
}

static bool binary_is_bool_kind(int op) { return op >= TS_OP_EQ && op <= TS_OP_LOGICAL_XOR; }

/* T: input storage, C: compute type, O: output storage.  A null operand
 * pointer means "the scalar sa / sb". */
template <typename T, typename C, typename O>
__global__ void k_binary(CuLayout L, O *out, const T *a, const T *b, C sa, C sb, C alpha, int op)
{
    bool cmp = op >= TS_OP_EQ && op <= TS_OP_LOGICAL_XOR;
    int64_t step = (int64_t)gridDim.x * blockDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < L.numel; i += step) {
        C x = a ? (C)cu_load(a[cu_offset(L, 1, i)]) : sa;
        C y = b ? (C)cu_load(b[cu_offset(L, 2, i)]) : sb;
        C r;
        if (cmp)
            r = (C)bin_bool<C>(op, x, y);
        else if constexpr (std::is_floating_point<C>::value)
            r = bin_float<C>(op, x, y, alpha);
        else
            r = bin_int(op, x, y, alpha);
        out[cu_offset(L, 0, i)] = CuCast<O>::go(r);
    }
}

static bool binary_supported(int op, TsDType in, TsDType out)
{
    if (op < 0 || op >= TS_NUM_BINARY_OPS)
        return false;
    if (binary_is_bool_kind(op))
        return out == TS_BOOL;
    if (promotes_to_float(in, out) || (ts_dtype_is_float(in) && out == in))
        return op <= TS_OP_MINIMUM;
    if (out != in)
        return false;
    switch (op) {
    case TS_OP_SUB: /* bool subtraction is an error PyTorch words itself */
        return in != TS_BOOL;
    case TS_OP_ADD: case TS_OP_MUL: case TS_OP_MAXIMUM: case TS_OP_MINIMUM:
    case TS_OP_BITWISE_AND: case TS_OP_BITWISE_OR: case TS_OP_BITWISE_XOR:
        return true;
    default:
        return false; /* integer division, pow, shifts: host checks */
    }
}

/* One side of a binary op: a device tensor, or a 0-dim CPU tensor taken
 * as a scalar (read once here, as PyTorch passes CPU scalars by value). */
typedef struct {
    TsTensor *dev; /* NULL for a scalar */
    TsScalar s;
} Side;

static bool side_of(TsTensor *t, TsTensor *out, Side *sd)
{
    sd->dev = NULL;
    if (t->device == out->device) {
        sd->dev = t;
        return true;
    }
    if (t->device != TS_CPU || t->ndim != 0)
        return false;
    sd->s = ts_load_scalar(ts_data(t), t->dtype);
    return true;
}

/* The scalar in compute type C (common_input lets a float scalar through
 * only when C is floating). */
template <typename C> static C scalar_as(TsScalar s)
{
    if constexpr (std::is_floating_point<C>::value)
        return (C)ts_scalar_to_f64(s);
    else
        return (C)s.i;
}

template <typename T, typename C, typename O>
static void launch_binary_as(const CuLayout &L, TsTensor *out, const Side &a, const Side &b,
                             TsScalar alpha, int op)
{
    const T *pa = a.dev ? cu_ptr<T>(a.dev) : NULL, *pb = b.dev ? cu_ptr<T>(b.dev) : NULL;
    C sa = a.dev ? (C)0 : scalar_as<C>(a.s), sb = b.dev ? (C)0 : scalar_as<C>(b.s);
    /* an alpha with no kind set (a zeroed TsScalar) means "no alpha" */
    bool unset = !alpha.is_float && !alpha.is_int && !alpha.is_bool;
    C al = unset ? (C)1 : scalar_as<C>(alpha);
    cu_launch(k_binary<T, C, O>, L.numel, L, cu_ptr<O>(out), pa, pb, sa, sb, al, op);
}

template <typename T>
static void launch_binary(const CuLayout &L, TsTensor *out, const Side &a, const Side &b,
                          TsScalar alpha, int op)
{
    typedef typename CuMath<T>::type C;
    TsDType in = a.dev ? a.dev->dtype : b.dev->dtype;
    if (out->dtype == TS_BOOL)
        launch_binary_as<T, C, bool>(L, out, a, b, alpha, op);
    else if (out->dtype == in)
        launch_binary_as<T, C, T>(L, out, a, b, alpha, op);
    else if constexpr (!std::is_floating_point<C>::value) { /* promotes_to_float */
        if (out->dtype == TS_FLOAT32)
            launch_binary_as<T, float, float>(L, out, a, b, alpha, op);
        else
            launch_binary_as<T, double, double>(L, out, a, b, alpha, op);
    }
}

/* The dtype the operands share, or TS_UNDEF when they differ or a scalar
 * would change the computation (a float scalar with integer tensors is
 * fine only when the op computes in a floating output type). */
static TsDType common_input(const Side &a, const Side &b, TsScalar alpha, TsDType out)
{
    TsDType dt = a.dev ? a.dev->dtype : b.dev ? b.dev->dtype : TS_UNDEF;
    if (dt == TS_UNDEF || (a.dev && b.dev && a.dev->dtype != b.dev->dtype))
        return TS_UNDEF;
    bool float_math = ts_dtype_is_float(dt) || promotes_to_float(dt, out);
    if (!float_math && ((!a.dev && a.s.is_float) || (!b.dev && b.s.is_float) || alpha.is_float))
        return TS_UNDEF;
    return dt;
}

extern "C" int cuda_binary(int op, TsTensor *out, TsTensor *a, TsTensor *b, TsScalar alpha)
{
    Side sa, sb;
    CuLayout L;
    if (!cu_on_gpu(out) || !side_of(a, out, &sa) || !side_of(b, out, &sb))
        return 1;
    TsDType in = common_input(sa, sb, alpha, out->dtype);
    if (in == TS_UNDEF || !binary_supported(op, in, out->dtype))
        return 1;
    TsTensor *ops[2] = {sa.dev, sb.dev};
    if (cu_layout_build(&L, out, ops, 2) < 0)
        return 1;
    if (L.numel == 0)
        return 0;
    if (cu_use(out) < 0)
        return -1;
    bool handled = true;
    CU_DISPATCH(in, T, launch_binary<T>(L, out, sa, sb, alpha, op));
    return handled ? cu_launched() : 1;
}
