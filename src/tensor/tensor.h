/* tensor.h — the public contract of the tensor library (prefix ts_).
 *
 * A plain C library: it knows nothing of the interpreter, the autograd
 * graph or CUDA.  The runtime wraps it as the `torch` module, src/autograd
 * records graph nodes around its kernels, src/cuda registers a GPU backend
 * in the device table declared below.
 *
 * THE DATA MODEL (strides written down once, as TH does)
 *
 *   TsStorage  a reference-counted flat buffer on one device.  Every view
 *              of it shares it, including its `version` counter (autograd
 *              bumps it on each in-place write and checks it in backward).
 *              Memory borrowed from elsewhere (a numpy array) carries a
 *              `release` callback that is called instead of the device's
 *              free when the last reference goes.
 *
 *   TsTensor   a reference-counted VIEW of a storage:
 *                element (i0, i1, ..., in-1) lives at
 *                data + (offset + i0*strides[0] + ... + in-1*strides[n-1])
 *                       * itemsize
 *              sizes/strides count ELEMENTS, not bytes; a stride of 0 is a
 *              broadcast (expanded) dimension; strides are never negative.
 *              A 0-dim tensor (ndim == 0) holds exactly one element.
 *              sizes/strides live inline (TS_MAX_DIMS) so that creating a
 *              small tensor costs exactly two mallocs (view + storage).
 *
 * OWNERSHIP (same rules as the runtime's Values)
 *   - A function returning TsTensor* returns a NEW reference (rc already
 *     counted for the caller); release it with ts_release().
 *   - Tensor arguments are BORROWED; a callee that keeps one retains it.
 *   - Views retain their storage; ts_release of the last view of a storage
 *     releases the storage.
 *
 * ERRORS
 *   No abort()/exit().  A failing function calls ts_error(kind, fmt, ...)
 *   with PyTorch's exact message and returns NULL (pointers) or -1 (ints).
 *   The caller reads ts_error_kind()/ts_error_msg() (thread-local) and
 *   turns the kind into a Python exception class.
 *
 * OTHER PARTS OF THE LIBRARY declare their functions in their own headers
 * (reductions/indexing/linalg, printing, random): this header is the shared
 * core every part builds on.  src/tensor/iter.h is the strided-apply helper
 * every element-wise kernel uses.
 */
#ifndef TS_TENSOR_H
#define TS_TENSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TS_MAX_DIMS 16

/* ------------------------------------------------------------------ */
/* dtypes: ONE list drives the enum, every name table and every kernel  */
/* ------------------------------------------------------------------ */

/* X(ENUM, sfx, ctype, compute, acc, size, name, legacy, short, isf, signed)
 *   sfx      suffix used to name generated kernels (add_f32 ...)
 *   ctype    storage type (float16/bfloat16 are raw uint16_t bit patterns)
 *   compute  type element-wise arithmetic is done in (half -> float)
 *   acc      accumulation type of sums (ints -> int64, half -> float)
 *   short    PyTorch's scalar-type name used in error messages ("Float")
 */
#define TS_DTYPES(X)                                                                    \
    X(TS_BOOL, b, bool, bool, int64_t, 1, "torch.bool", "torch.BoolTensor", "Bool", 0, 0) \
    X(TS_UINT8, u8, uint8_t, uint8_t, int64_t, 1, "torch.uint8", "torch.ByteTensor",     \
      "Byte", 0, 0)                                                                     \
    X(TS_INT8, i8, int8_t, int8_t, int64_t, 1, "torch.int8", "torch.CharTensor", "Char", \
      0, 1)                                                                             \
    X(TS_INT16, i16, int16_t, int16_t, int64_t, 2, "torch.int16", "torch.ShortTensor",   \
      "Short", 0, 1)                                                                    \
    X(TS_INT32, i32, int32_t, int32_t, int64_t, 4, "torch.int32", "torch.IntTensor",     \
      "Int", 0, 1)                                                                      \
    X(TS_INT64, i64, int64_t, int64_t, int64_t, 8, "torch.int64", "torch.LongTensor",    \
      "Long", 0, 1)                                                                     \
    X(TS_FLOAT16, f16, uint16_t, float, float, 2, "torch.float16", "torch.HalfTensor",   \
      "Half", 1, 1)                                                                     \
    X(TS_BFLOAT16, bf16, uint16_t, float, float, 2, "torch.bfloat16",                    \
      "torch.BFloat16Tensor", "BFloat16", 1, 1)                                         \
    X(TS_FLOAT32, f32, float, float, float, 4, "torch.float32", "torch.FloatTensor",     \
      "Float", 1, 1)                                                                    \
    X(TS_FLOAT64, f64, double, double, double, 8, "torch.float64", "torch.DoubleTensor", \
      "Double", 1, 1)

typedef enum {
    TS_UNDEF = -1, /* "no dtype given / infer it" in creation functions */
#define TS_X_ENUM(E, ...) E,
    TS_DTYPES(TS_X_ENUM)
#undef TS_X_ENUM
    TS_NUM_DTYPES
} TsDType;

size_t ts_dtype_size(TsDType dt);
const char *ts_dtype_name(TsDType dt);   /* "torch.float32" */
const char *ts_dtype_legacy(TsDType dt); /* "torch.FloatTensor" */
const char *ts_dtype_short(TsDType dt);  /* "Float" (error messages) */
bool ts_dtype_is_float(TsDType dt);
bool ts_dtype_is_signed(TsDType dt);
bool ts_dtype_is_int(TsDType dt); /* integral, bool excluded */

/* torch.get_default_dtype / set_default_dtype (float32 or float64). */
TsDType ts_default_float(void);
void ts_set_default_float(TsDType dt);

/* float16 / bfloat16 <-> float, round-to-nearest-even (defined in dtype.c;
 * inline copies for kernels live in iter.h). */
float ts_f16_to_f32(uint16_t h);
uint16_t ts_f32_to_f16(float f);
float ts_bf16_to_f32(uint16_t h);
uint16_t ts_f32_to_bf16(float f);

/* ------------------------------------------------------------------ */
/* scalars crossing the boundary (Python numbers)                       */
/* ------------------------------------------------------------------ */

/* Exactly one of is_float/is_int/is_bool is set; i holds ints and bools,
 * f holds floats. */
typedef struct TsScalar {
    bool is_float, is_int, is_bool;
    double f;
    int64_t i;
} TsScalar;

static inline TsScalar ts_scalar_f(double f) { return (TsScalar){.is_float = true, .f = f}; }
static inline TsScalar ts_scalar_i(int64_t i) { return (TsScalar){.is_int = true, .i = i}; }
static inline TsScalar ts_scalar_b(bool b) { return (TsScalar){.is_bool = true, .i = b}; }
static inline double ts_scalar_to_f64(TsScalar s) { return s.is_float ? s.f : (double)s.i; }

/* The dtype a Python number contributes: bool, int64 or the default float. */
TsDType ts_scalar_dtype(TsScalar s);

/* ------------------------------------------------------------------ */
/* type promotion (/work/shared/parity/promotion.md)                    */
/* ------------------------------------------------------------------ */

/* torch.promote_types (the same-kind table, 6.1). */
TsDType ts_promote_types(TsDType a, TsDType b);
/* True if an op computing `from` may write its result into a `to` tensor
 * (PyTorch's canCast: no float->int, no int/float->bool). */
bool ts_can_cast(TsDType from, TsDType to);

struct TsTensor;
/* torch.result_type over tensors (dimensioned and 0-dim are told apart by
 * ndim) and Python scalars; NULL / 0 allowed for either list. */
TsDType ts_result_type(struct TsTensor *const *ts, int nt, const TsScalar *ss, int ns);

/* ------------------------------------------------------------------ */
/* errors                                                               */
/* ------------------------------------------------------------------ */

typedef enum {
    TS_OK = 0,
    TS_ERR_RUNTIME,   /* RuntimeError */
    TS_ERR_INDEX,     /* IndexError */
    TS_ERR_TYPE,      /* TypeError */
    TS_ERR_VALUE,     /* ValueError */
    TS_ERR_MEMORY,    /* RuntimeError with the allocator's text (PyTorch) */
    TS_ERR_NOTIMPL,   /* NotImplementedError */
    TS_ERR_INTERRUPT, /* KeyboardInterrupt (ts_interrupt_flag was set) */
} TsErrKind;

#if defined(__GNUC__)
#define TS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TS_PRINTF(a, b)
#endif

/* Records an error (thread-local).  Always returns -1 so callers can
 * `return ts_error(...)`. */
int ts_error(TsErrKind kind, const char *fmt, ...) TS_PRINTF(2, 3);
TsErrKind ts_error_kind(void);
const char *ts_error_msg(void);
void ts_error_clear(void);
/* PyTorch's out-of-memory text for a failed allocation of nbytes. */
int ts_error_oom(size_t nbytes);
/* "[2, 3]": n sizes as messages show a shape, written into buf (cap bytes,
 * cut short if too small); returns buf. */
const char *ts_shape_str(char *buf, size_t cap, int n, const int64_t *sizes);

/* Set by the interpreter's SIGINT handler; long kernels poll it between
 * chunks and fail with TS_ERR_INTERRUPT.  NULL = never interrupted. */
extern volatile int *ts_interrupt_flag;
/* Returns -1 (with TS_ERR_INTERRUPT recorded) if an interrupt is pending. */
int ts_check_interrupt(void);

/* *out = a * b; false (and *out unspecified) on int64 overflow. */
bool ts_mul_checked(int64_t a, int64_t b, int64_t *out);

/* ------------------------------------------------------------------ */
/* devices                                                              */
/* ------------------------------------------------------------------ */

#define TS_CPU 0
#define TS_MAX_DEVICES 17

/* One row per device.  CPU is row 0, registered statically; src/cuda adds
 * one row per GPU at start-up (only when built with TSC_CUDA).  Memory
 * hooks are mandatory; kernel hooks may be NULL, in which case the library
 * computes on the host (copy in, CPU kernel, copy back) so every op works
 * everywhere, only slower.  A hook returns 0 on success, -1 after
 * ts_error, 1 for "not handled, use the host path". */
struct TsTensor;
typedef struct TsDevice {
    const char *type; /* "cpu", "cuda" */
    int index;        /* cuda:N -> N; -1 for cpu */
    void *(*alloc)(size_t nbytes);  /* NULL on failure (no ts_error) */
    void (*free)(void *p);
    int (*to_host)(void *dst, const void *src, size_t nbytes);
    int (*from_host)(void *dst, const void *src, size_t nbytes);
    int (*copy)(void *dst, const void *src, size_t nbytes); /* same device */
    void (*synchronize)(void);
    /* kernel hooks (all optional), operands already on this device */
    int (*unary)(int op, struct TsTensor *out, struct TsTensor *a);
    int (*binary)(int op, struct TsTensor *out, struct TsTensor *a, struct TsTensor *b,
                  TsScalar alpha);
    int (*fill)(struct TsTensor *out, TsScalar v);
    int (*copy_strided)(struct TsTensor *dst, struct TsTensor *src); /* dtype-converting */
} TsDevice;

/* Adds a device row; returns its id or -1 (table full). */
int ts_device_register(const TsDevice *dev);
const TsDevice *ts_device_get(int id);
int ts_device_count(void);
/* Finds "cuda", 0 -> id; -1 if absent (no error recorded). */
int ts_device_find(const char *type, int index);
/* "cpu", "cuda:0" into buf (returns buf). */
const char *ts_device_name(int id, char *buf, size_t n);
/* Fails with PyTorch's "Expected all tensors to be on the same device..."
 * unless a and b share a device. */
int ts_check_same_device(int a, int b);

/* ------------------------------------------------------------------ */
/* storage                                                              */
/* ------------------------------------------------------------------ */

typedef struct TsStorage {
    int64_t rc;
    void *data;
    size_t nbytes;
    int device;
    int64_t version; /* bumped by every in-place write through any view */
    void (*release)(void *ctx, void *data); /* borrowed memory: called at free */
    void *release_ctx;
    bool borrowed; /* memory not from the device allocator: never freed by us */
} TsStorage;

/* A fresh, uninitialised buffer of nbytes on device (rc = 1). */
TsStorage *ts_storage_new(size_t nbytes, int device);
/* Wraps memory owned elsewhere; release(ctx, data) is called when the last
 * reference goes (release may be NULL: memory outlives the tensor). */
TsStorage *ts_storage_borrow(void *data, size_t nbytes, int device,
                             void (*release)(void *ctx, void *data), void *ctx);
void ts_storage_retain(TsStorage *s);
void ts_storage_release(TsStorage *s);
/* Grows to at least nbytes keeping the contents (resize_). */
int ts_storage_resize(TsStorage *s, size_t nbytes);

/* ------------------------------------------------------------------ */
/* tensors                                                              */
/* ------------------------------------------------------------------ */

typedef struct TsTensor {
    int64_t rc;
    TsStorage *storage;
    int64_t offset; /* in elements */
    int ndim;
    TsDType dtype;
    int device;
    int64_t sizes[TS_MAX_DIMS];
    int64_t strides[TS_MAX_DIMS]; /* in elements; 0 for expanded dims */
} TsTensor;

static inline void ts_retain(TsTensor *t) { t->rc++; }
void ts_release(TsTensor *t); /* NULL is allowed */

int64_t ts_numel(const TsTensor *t);
/* Host address of the first element (CPU tensors / host copies only). */
static inline void *ts_data(const TsTensor *t)
{
    return (char *)t->storage->data + t->offset * (int64_t)ts_dtype_size(t->dtype);
}
bool ts_is_contiguous(const TsTensor *t);
/* Marks an in-place write (autograd's version counter). */
static inline void ts_bump_version(TsTensor *t) { t->storage->version++; }

/* Normalises a possibly negative dim for a tensor of ndim dims (a 0-dim
 * tensor accepts -1 and 0), or fails with PyTorch's IndexError
 * "Dimension out of range (expected to be in range of [-2, 1], but got 2)". */
int ts_wrap_dim(int64_t dim, int ndim, int *out);

/* creation (creation.c-style functions live in tensor.c).  dtype TS_UNDEF
 * means the default float dtype unless stated otherwise.  Sizes are
 * checked: negative -> "Trying to create tensor with negative dimension
 * -1: [-1]", more than TS_MAX_DIMS -> "too many dimensions". */
TsTensor *ts_empty(int ndim, const int64_t *sizes, TsDType dtype, int device);
TsTensor *ts_empty_strided(int ndim, const int64_t *sizes, const int64_t *strides,
                           TsDType dtype, int device);
TsTensor *ts_zeros(int ndim, const int64_t *sizes, TsDType dtype, int device);
TsTensor *ts_ones(int ndim, const int64_t *sizes, TsDType dtype, int device);
/* dtype TS_UNDEF: inferred from v (bool, int64, default float). */
TsTensor *ts_full(int ndim, const int64_t *sizes, TsScalar v, TsDType dtype, int device);
/* A 0-dim tensor holding v (dtype TS_UNDEF: inferred from v). */
TsTensor *ts_scalar_tensor(TsScalar v, TsDType dtype, int device);
/* *_like: TS_UNDEF keeps t's dtype; device follows t. */
TsTensor *ts_empty_like(TsTensor *t, TsDType dtype);
TsTensor *ts_zeros_like(TsTensor *t, TsDType dtype);
TsTensor *ts_ones_like(TsTensor *t, TsDType dtype);
TsTensor *ts_full_like(TsTensor *t, TsScalar v, TsDType dtype);
/* arange: TS_UNDEF -> int64 if start/end/step are all ints, else default
 * float; length ceil((end-start)/step). */
TsTensor *ts_arange(TsScalar start, TsScalar end, TsScalar step, TsDType dtype, int device);
TsTensor *ts_linspace(double start, double end, int64_t steps, TsDType dtype, int device);
TsTensor *ts_logspace(double start, double end, int64_t steps, double base, TsDType dtype,
                      int device);
TsTensor *ts_eye(int64_t n, int64_t m, TsDType dtype, int device); /* m < 0: m = n */
/* Copies a flat row-major host buffer of `src_dtype` elements into a new
 * tensor of `dtype` (TS_UNDEF: src_dtype). */
TsTensor *ts_from_buffer(const void *data, TsDType src_dtype, int ndim, const int64_t *sizes,
                         TsDType dtype, int device);
/* Shares host memory owned elsewhere (numpy); strides in elements. */
TsTensor *ts_from_blob(void *data, int ndim, const int64_t *sizes, const int64_t *strides,
                       TsDType dtype, void (*release)(void *ctx, void *data), void *ctx);

/* copies and conversions */
TsTensor *ts_clone(TsTensor *t); /* contiguous copy, same dtype/device */
TsTensor *ts_contiguous(TsTensor *t); /* t itself (retained) if contiguous */
/* dst[...] = src broadcast to dst's shape, converting dtype (float -> int
 * truncates toward zero) and device.  Error texts are PyTorch's. */
int ts_copy_(TsTensor *dst, TsTensor *src);
/* Returns t retained when nothing changes and copy is false. */
TsTensor *ts_to(TsTensor *t, TsDType dtype, int device, bool copy);
int ts_fill_(TsTensor *t, TsScalar v);
int ts_zero_(TsTensor *t);

/* elements */
/* .item(): one element -> scalar of t's category (bool/int/float);
 * else ValueError "only one element tensors can be converted to Python
 * scalars". */
int ts_item(TsTensor *t, TsScalar *out);
/* Element at a full index (ndim entries, non-negative, in range). */
double ts_get_f64(TsTensor *t, const int64_t *idx);
int64_t ts_get_i64(TsTensor *t, const int64_t *idx);
int ts_set_f64(TsTensor *t, const int64_t *idx, double v);
int ts_set_i64(TsTensor *t, const int64_t *idx, int64_t v);
/* Element number i in row-major (logical) order. */
int ts_get_flat(TsTensor *t, int64_t i, TsScalar *out);
/* Raw host load/store of one element, converting through double/int64. */
double ts_load_f64(const void *p, TsDType dt);
int64_t ts_load_i64(const void *p, TsDType dt);
void ts_store_f64(void *p, TsDType dt, double v);
void ts_store_i64(void *p, TsDType dt, int64_t v);
void ts_store_scalar(void *p, TsDType dt, TsScalar v);
TsScalar ts_load_scalar(const void *p, TsDType dt);

/* ------------------------------------------------------------------ */
/* views (view.c): all share t's storage and return new references      */
/* ------------------------------------------------------------------ */

/* shape may contain one -1 (inferred). */
TsTensor *ts_view(TsTensor *t, int n, const int64_t *shape);
TsTensor *ts_reshape(TsTensor *t, int n, const int64_t *shape); /* view or copy */
TsTensor *ts_alias(TsTensor *t); /* same view, new TsTensor (detach) */
TsTensor *ts_squeeze(TsTensor *t);
TsTensor *ts_squeeze_dim(TsTensor *t, int64_t dim);
TsTensor *ts_unsqueeze(TsTensor *t, int64_t dim);
TsTensor *ts_flatten(TsTensor *t, int64_t start, int64_t end);
TsTensor *ts_permute(TsTensor *t, int n, const int64_t *dims);
TsTensor *ts_transpose(TsTensor *t, int64_t d0, int64_t d1);
TsTensor *ts_t(TsTensor *t); /* <= 2-D only */
TsTensor *ts_movedim(TsTensor *t, int64_t src, int64_t dst);
/* sizes may contain -1 (keep); new leading dims allowed; stride 0. */
TsTensor *ts_expand(TsTensor *t, int n, const int64_t *sizes);
TsTensor *ts_expand_as(TsTensor *t, TsTensor *other);
TsTensor *ts_narrow(TsTensor *t, int64_t dim, int64_t start, int64_t length);
TsTensor *ts_select(TsTensor *t, int64_t dim, int64_t index);
/* Python slice semantics (clamped); TS_SLICE_NONE for an omitted bound. */
#define TS_SLICE_NONE INT64_MIN
TsTensor *ts_slice(TsTensor *t, int64_t dim, int64_t start, int64_t end, int64_t step);
TsTensor *ts_diagonal(TsTensor *t, int64_t offset, int64_t d1, int64_t d2);
TsTensor *ts_unfold(TsTensor *t, int64_t dim, int64_t size, int64_t step);
/* offset < 0 keeps t's storage offset. */
TsTensor *ts_as_strided(TsTensor *t, int n, const int64_t *sizes, const int64_t *strides,
                        int64_t offset);
/* In place: new shape, contiguous strides, storage grown if needed. */
int ts_resize_(TsTensor *t, int n, const int64_t *sizes);
/* Broadcast shape of several shapes (PyTorch's error on mismatch). */
int ts_broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes, int *out_ndim,
                        int64_t *out_shape);

/* ------------------------------------------------------------------ */
/* element-wise ops (elementwise.c)                                     */
/* ------------------------------------------------------------------ */

/* An operand: a tensor, or (t == NULL) a Python scalar. */
typedef struct TsArg {
    TsTensor *t;
    TsScalar s;
} TsArg;
static inline TsArg ts_arg(TsTensor *t) { return (TsArg){.t = t}; }
static inline TsArg ts_arg_s(TsScalar s) { return (TsArg){.t = NULL, .s = s}; }

/* X(ENUM, name, kind): kind is how the result dtype is found:
 *   ARITH   promoted dtype                    TRUEDIV int/int -> default float
 *   FLOATFN promoted, int -> default float    CMP     -> bool
 *   LOGICAL -> bool (any dtype)               BITWISE ints/bools only */
#define TS_BINARY_OPS(X)                   \
    X(TS_OP_ADD, "add", ARITH)             \
    X(TS_OP_SUB, "sub", ARITH)             \
    X(TS_OP_MUL, "mul", ARITH)             \
    X(TS_OP_DIV, "div", TRUEDIV)           \
    X(TS_OP_DIV_TRUNC, "div_trunc", ARITH) \
    X(TS_OP_DIV_FLOOR, "div_floor", ARITH) \
    X(TS_OP_REMAINDER, "remainder", ARITH) \
    X(TS_OP_FMOD, "fmod", ARITH)           \
    X(TS_OP_POW, "pow", ARITH)             \
    X(TS_OP_ATAN2, "atan2", FLOATFN)       \
    X(TS_OP_MAXIMUM, "maximum", ARITH)     \
    X(TS_OP_MINIMUM, "minimum", ARITH)     \
    X(TS_OP_EQ, "eq", CMP)                 \
    X(TS_OP_NE, "ne", CMP)                 \
    X(TS_OP_LT, "lt", CMP)                 \
    X(TS_OP_LE, "le", CMP)                 \
    X(TS_OP_GT, "gt", CMP)                 \
    X(TS_OP_GE, "ge", CMP)                 \
    X(TS_OP_LOGICAL_AND, "logical_and", LOGICAL) \
    X(TS_OP_LOGICAL_OR, "logical_or", LOGICAL)   \
    X(TS_OP_LOGICAL_XOR, "logical_xor", LOGICAL) \
    X(TS_OP_BITWISE_AND, "bitwise_and", BITWISE) \
    X(TS_OP_BITWISE_OR, "bitwise_or", BITWISE)   \
    X(TS_OP_BITWISE_XOR, "bitwise_xor", BITWISE) \
    X(TS_OP_LSHIFT, "bitwise_left_shift", BITWISE) \
    X(TS_OP_RSHIFT, "bitwise_right_shift", BITWISE)

typedef enum {
#define TS_X_ENUM(E, ...) E,
    TS_BINARY_OPS(TS_X_ENUM)
#undef TS_X_ENUM
    TS_NUM_BINARY_OPS
} TsBinaryOp;

/* X(ENUM, name, kind): FLOAT int -> default float; SAME keeps dtype;
 * BOOL -> bool; INTOK same dtype, ints allowed (abs, neg, sign ...). */
#define TS_UNARY_OPS(X)                      \
    X(TS_OP_NEG, "neg", SAME)                \
    X(TS_OP_ABS, "abs", SAME)                \
    X(TS_OP_SQRT, "sqrt", FLOAT)             \
    X(TS_OP_RSQRT, "rsqrt", FLOAT)           \
    X(TS_OP_EXP, "exp", FLOAT)               \
    X(TS_OP_EXP2, "exp2", FLOAT)             \
    X(TS_OP_LOG, "log", FLOAT)               \
    X(TS_OP_LOG2, "log2", FLOAT)             \
    X(TS_OP_LOG10, "log10", FLOAT)           \
    X(TS_OP_LOG1P, "log1p", FLOAT)           \
    X(TS_OP_EXPM1, "expm1", FLOAT)           \
    X(TS_OP_SIN, "sin", FLOAT)               \
    X(TS_OP_COS, "cos", FLOAT)               \
    X(TS_OP_TAN, "tan", FLOAT)               \
    X(TS_OP_ASIN, "asin", FLOAT)             \
    X(TS_OP_ACOS, "acos", FLOAT)             \
    X(TS_OP_ATAN, "atan", FLOAT)             \
    X(TS_OP_SINH, "sinh", FLOAT)             \
    X(TS_OP_COSH, "cosh", FLOAT)             \
    X(TS_OP_TANH, "tanh", FLOAT)             \
    X(TS_OP_SIGMOID, "sigmoid", FLOAT)       \
    X(TS_OP_ERF, "erf", FLOAT)               \
    X(TS_OP_ERFINV, "erfinv", FLOAT)         \
    X(TS_OP_RECIPROCAL, "reciprocal", FLOAT) \
    X(TS_OP_RELU, "relu", SAME)              \
    X(TS_OP_CEIL, "ceil", SAME)              \
    X(TS_OP_FLOOR, "floor", SAME)            \
    X(TS_OP_ROUND, "round", SAME)            \
    X(TS_OP_TRUNC, "trunc", SAME)            \
    X(TS_OP_FRAC, "frac", SAME)              \
    X(TS_OP_SIGN, "sign", SAME)              \
    X(TS_OP_SQUARE, "square", SAME)          \
    X(TS_OP_BITWISE_NOT, "bitwise_not", SAME) \
    X(TS_OP_LOGICAL_NOT, "logical_not", BOOL) \
    X(TS_OP_ISNAN, "isnan", BOOL)            \
    X(TS_OP_ISINF, "isinf", BOOL)            \
    X(TS_OP_ISFINITE, "isfinite", BOOL)

typedef enum {
#define TS_X_ENUM(E, ...) E,
    TS_UNARY_OPS(TS_X_ENUM)
#undef TS_X_ENUM
    TS_NUM_UNARY_OPS
} TsUnaryOp;

const char *ts_binary_name(TsBinaryOp op);
const char *ts_unary_name(TsUnaryOp op);

/* The generic entry points.  `out`:
 *   NULL              -> a new result tensor is returned;
 *   out == a.t        -> in place (`add_`): the promoted dtype must be
 *                        castable to a's ("result type Float can't be cast
 *                        to the desired output type Long"), a's shape must
 *                        be the broadcast shape;
 *   any other tensor  -> out= : resized if empty/mismatched, result cast.
 * Returns a new reference to the result (to out when given). */
TsTensor *ts_binary(TsBinaryOp op, TsArg a, TsArg b, TsTensor *out);
TsTensor *ts_unary(TsUnaryOp op, TsTensor *a, TsTensor *out);
/* The dtype ts_binary would compute in / return (for autograd & CUDA). */
int ts_binary_result_dtype(TsBinaryOp op, TsArg a, TsArg b, TsDType *out);

/* add/sub with alpha: a + alpha * b. */
TsTensor *ts_add(TsArg a, TsArg b, TsScalar alpha, TsTensor *out);
TsTensor *ts_sub(TsArg a, TsArg b, TsScalar alpha, TsTensor *out);
/* torch.round(x, decimals=d) (d == 0: half to even). */
TsTensor *ts_round_decimals(TsTensor *a, int64_t decimals, TsTensor *out);
/* torch.where(cond, a, b): a/b tensors or scalars, promoted. */
TsTensor *ts_where(TsTensor *cond, TsArg a, TsArg b);
/* torch.clamp: min/max tensors, scalars, or absent (has_* false). */
TsTensor *ts_clamp(TsTensor *a, TsArg min, bool has_min, TsArg max, bool has_max,
                   TsTensor *out);
/* torch.lerp(start, end, weight). */
TsTensor *ts_lerp(TsTensor *start, TsTensor *end, TsArg weight, TsTensor *out);
/* a * b + c with one rounding (a, b, c of one float dtype, broadcast). */
TsTensor *ts_fma(TsTensor *a, TsTensor *b, TsTensor *c, TsTensor *out);
/* softmax (log: log_softmax) along dim (wrapped) of a CPU float32/float64
 * tensor, in the order of operations of PyTorch's CPU kernels (softmax.c). */
TsTensor *ts_softmax_cpu(TsTensor *x, int dim, bool log);
/* their gradient from grad g and output y (both CPU, y's float dtype and
 * shape): softmax's (g - sum(g*y)) * y, log_softmax's g - exp(y) * sum(g). */
TsTensor *ts_softmax_backward_cpu(TsTensor *g, TsTensor *y, int dim, bool log);
/* masked_fill (out == NULL: new tensor; out == a: in place). */
TsTensor *ts_masked_fill(TsTensor *a, TsTensor *mask, TsArg value, TsTensor *out);

/* ------------------------------------------------------------------ */
/* shape ops (shape.c): new tensors (copies) unless noted               */
/* ------------------------------------------------------------------ */

TsTensor *ts_cat(int n, TsTensor *const *ts, int64_t dim);
TsTensor *ts_stack(int n, TsTensor *const *ts, int64_t dim);
/* split into pieces of `size` (views); *out_n pieces in a malloc'ed array
 * the caller frees (after releasing each). */
int ts_split(TsTensor *t, int64_t size, int64_t dim, TsTensor ***out, int *out_n);
int ts_split_sizes(TsTensor *t, int n, const int64_t *sizes, int64_t dim, TsTensor ***out,
                   int *out_n);
int ts_chunk(TsTensor *t, int64_t chunks, int64_t dim, TsTensor ***out, int *out_n);
TsTensor *ts_flip(TsTensor *t, int n, const int64_t *dims);
/* n == 0 (no dims): flattened roll. */
TsTensor *ts_roll(TsTensor *t, int n, const int64_t *shifts, const int64_t *dims);
TsTensor *ts_repeat(TsTensor *t, int n, const int64_t *reps);
TsTensor *ts_tril(TsTensor *t, int64_t k);
TsTensor *ts_triu(TsTensor *t, int64_t k);
TsTensor *ts_diag(TsTensor *t, int64_t k);

/* ------------------------------------------------------------------ */
/* threads (parallel.c)                                                 */
/* ------------------------------------------------------------------ */

/* Runs fn over [begin, end) split into chunks of at least `grain`
 * elements on the pool.  fn returns 0 or -1 after ts_error; the first
 * error is re-raised in the caller's thread.  Serial when the range is
 * below grain or when called from inside a pool thread. */
typedef int (*TsRangeFn)(int64_t begin, int64_t end, void *ctx);
int ts_parallel_for(int64_t begin, int64_t end, int64_t grain, TsRangeFn fn, void *ctx);
void ts_set_num_threads(int n);
int ts_get_num_threads(void);
#define TS_GRAIN 32768

#endif
