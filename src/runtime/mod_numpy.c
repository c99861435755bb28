/* mod_numpy.c — the `numpy` module: the ndarray basics PyTorch tutorials
 * use, on the tensor library's machinery.
 *
 * An ndarray is an object holding a TsTensor, so torch.from_numpy(a) and
 * t.numpy() are views sharing one TsStorage (writes through either show
 * in both), and torch.tensor(a) copies.  What differs from torch is the
 * dtype arithmetic: numpy's default float is float64, true division of
 * ints gives float64, a Python float mixed with an int array gives
 * float64.  Printing is the tensor library's numpy printer (print.h).
 * A 0-d result of a reduction or of integer indexing is a numpy scalar
 * (`np.sum(a)` prints "6", not "array(6)"): the same object with
 * `scalar` set.  numpy.random is mod_numpy_random.c, set_printoptions
 * mod_numpy_print.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bi_private.h"
#include "objects.h"
#include "tensor/ops.h"
#include "tensor/print.h"
#include "torch_create.h"

#define IMMORTAL ((int64_t)1 << 60)

typedef struct NdObj {
    Obj hdr;
    TsTensor *t;
    bool scalar;   /* a numpy scalar (np.float64(2.5), np.sum(a)) */
} NdObj;

/* ------------------------------------------------------------------ */
/* dtype objects: np.float32 ... (also what a.dtype returns)            */
/* ------------------------------------------------------------------ */

typedef struct NpDTypeObj { Obj hdr; TsDType dt; const char *name; } NpDTypeObj;
extern Type np_dtype_type;

static NpDTypeObj np_dtypes[] = {
    {{IMMORTAL, &np_dtype_type}, TS_BOOL, "bool"},
    {{IMMORTAL, &np_dtype_type}, TS_UINT8, "uint8"},
    {{IMMORTAL, &np_dtype_type}, TS_INT8, "int8"},
    {{IMMORTAL, &np_dtype_type}, TS_INT16, "int16"},
    {{IMMORTAL, &np_dtype_type}, TS_INT32, "int32"},
    {{IMMORTAL, &np_dtype_type}, TS_INT64, "int64"},
    {{IMMORTAL, &np_dtype_type}, TS_FLOAT16, "float16"},
    {{IMMORTAL, &np_dtype_type}, TS_BFLOAT16, "bfloat16"},
    {{IMMORTAL, &np_dtype_type}, TS_FLOAT32, "float32"},
    {{IMMORTAL, &np_dtype_type}, TS_FLOAT64, "float64"},
};

/* np.float32 itself is a scalar TYPE in numpy (printed "<class
 * 'numpy.float32'>"), while a.dtype is a dtype instance ("float32"); both
 * compare equal and both are accepted wherever a dtype is. */
extern Type np_scalartype_type;
static NpDTypeObj np_scalartypes[] = {
    {{IMMORTAL, &np_scalartype_type}, TS_BOOL, "bool_"},
    {{IMMORTAL, &np_scalartype_type}, TS_UINT8, "uint8"},
    {{IMMORTAL, &np_scalartype_type}, TS_INT8, "int8"},
    {{IMMORTAL, &np_scalartype_type}, TS_INT16, "int16"},
    {{IMMORTAL, &np_scalartype_type}, TS_INT32, "int32"},
    {{IMMORTAL, &np_scalartype_type}, TS_INT64, "int64"},
    {{IMMORTAL, &np_scalartype_type}, TS_FLOAT16, "float16"},
    {{IMMORTAL, &np_scalartype_type}, TS_BFLOAT16, "bfloat16"},
    {{IMMORTAL, &np_scalartype_type}, TS_FLOAT32, "float32"},
    {{IMMORTAL, &np_scalartype_type}, TS_FLOAT64, "float64"},
};

static Value np_dtype_value(TsDType dt)
{
    return v_obj(&np_dtypes[dt]);
}

static bool is_np_dtype(Value v)
{
    return IS_TYPE(v, &np_dtype_type) || IS_TYPE(v, &np_scalartype_type);
}

/* A dtype argument: np.float32, 'float32', the Python types, a torch
 * dtype; None -> TS_UNDEF. */
static bool np_to_dtype(Value v, TsDType *out)
{
    if (IS_UNBOUND(v) || IS_NONE(v)) {
        *out = TS_UNDEF;
        return true;
    }
    if (is_np_dtype(v)) {
        *out = ((NpDTypeObj *)v.o)->dt;
        return true;
    }
    if (IS_TYPE(v, &str_type)) {
        for (int i = 0; i < TS_NUM_DTYPES; i++)
            if (!strcmp(np_dtypes[i].name, str_cstr(v))) {
                *out = (TsDType)i;
                return true;
            }
        rt_raise(&exc_TypeError, "data type '%s' not understood", str_cstr(v));
        return false;
    }
    if (v.tag == VT_OBJ && v.o == (Obj *)&float_type) {
        *out = TS_FLOAT64;
        return true;
    }
    return torch_to_dtype(v, out);
}

static Value np_dtype_repr(Value self)
{
    return str_fmt("dtype('%s')", ((NpDTypeObj *)self.o)->name);
}

static Value np_dtype_str(Value self) { return str_from_cstr(((NpDTypeObj *)self.o)->name); }

static Value np_dtype_compare(CmpOp op, Value a, Value b)
{
    if ((op != CMP_EQ && op != CMP_NE) || !is_np_dtype(a)) return rt_notimpl();
    TsDType other;
    if (!is_np_dtype(b) && !IS_TYPE(b, &str_type)) return rt_notimpl();
    if (!np_to_dtype(b, &other)) {
        rt_exc_clear();
        return v_bool(op == CMP_NE);
    }
    bool eq = ((NpDTypeObj *)a.o)->dt == other;
    return v_bool(op == CMP_EQ ? eq : !eq);
}

static bool np_dtype_hash(Value self, int64_t *out)
{
    *out = ((NpDTypeObj *)self.o)->dt + 1000003;
    return true;
}

static Value np_wrap_scalar(TsTensor *t, bool scalar);

/* np.float32(2.5): a numpy scalar of that dtype. */
static Value np_dtype_call(Value self, Value *args, int nargs, KwArgs *kw)
{
    TsScalar s = ts_scalar_i(0);
    if (!args_nokw("dtype", kw) || !args_count("dtype", nargs, 0, 1)) return V_ERR;
    TsDType dt = ((NpDTypeObj *)self.o)->dt;
    if (nargs == 1 && !torch_scalar_arg(args[0], &s, ((NpDTypeObj *)self.o)->name, "x"))
        return V_ERR;
    TsTensor *t = ts_scalar_tensor(s, dt, TS_CPU);
    if (!t) return torch_raise_ts();
    return np_wrap_scalar(t, true);
}

static Value np_dtype_getattr(Value self, Obj *name)
{
    NpDTypeObj *d = (NpDTypeObj *)self.o;
    const char *s = ((Str *)name)->data;
    if (!strcmp(s, "name")) return str_from_cstr(d->name);
    if (!strcmp(s, "itemsize")) return v_int((int64_t)ts_dtype_size(d->dt));
    return V_UNBOUND;
}

/* np.dtype('float32') / np.dtype(np.float32) */
static Value np_dtype_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    TsDType dt;
    if (!args_nokw("dtype", kw) || !args_count("dtype", nargs, 1, 1) || !np_to_dtype(args[0], &dt))
        return V_ERR;
    if (dt == TS_UNDEF) dt = TS_FLOAT64;
    return np_dtype_value(dt);
}

static Value np_scalartype_repr(Value self)
{
    return str_fmt("<class 'numpy.%s'>", ((NpDTypeObj *)self.o)->name);
}

Type np_scalartype_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "type", .base = &object_type,
    .basicsize = sizeof(NpDTypeObj), .repr = np_scalartype_repr,
    .compare = NULL, .hash = NULL, .call = NULL, .getattr = NULL,
};

Type np_dtype_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "numpy.dtype", .base = &object_type,
    .basicsize = sizeof(NpDTypeObj), .repr = np_dtype_repr, .str = np_dtype_str,
    .new = np_dtype_new, .compare = np_dtype_compare, .hash = np_dtype_hash,
    .getattr = np_dtype_getattr,
};

/* ------------------------------------------------------------------ */
/* the ndarray object                                                   */
/* ------------------------------------------------------------------ */

TsTensor *np_unwrap(Value v)
{
    return IS_TYPE(v, &ndarray_type) ? ((NdObj *)v.o)->t : NULL;
}

static Value np_wrap_scalar(TsTensor *t, bool scalar)
{
    if (!t) return torch_raise_ts();
    NdObj *o = obj_alloc(&ndarray_type, sizeof(NdObj));
    if (!o) {
        ts_release(t);
        return V_ERR;
    }
    o->t = t;
    o->scalar = scalar && t->ndim == 0;
    return v_obj(o);
}

Value np_wrap(TsTensor *t) { return np_wrap_scalar(t, false); }

static void nd_dealloc(Obj *o)
{
    ts_release(((NdObj *)o)->t);
    free(o);
}

static Value nd_text(Value self, bool repr)
{
    NdObj *o = (NdObj *)self.o;
    char *s = ts_format_numpy(o->t, repr && !o->scalar);
    if (!s) return torch_raise_ts();
    Value r = str_from_cstr(s);
    free(s);
    return r;
}

static Value nd_repr(Value self) { return nd_text(self, true); }
static Value nd_str(Value self) { return nd_text(self, false); }

static int64_t nd_len(Value self)
{
    TsTensor *t = np_unwrap(self);
    if (t->ndim == 0) {
        rt_raise(&exc_TypeError, "len() of unsized object");
        return -1;
    }
    return t->sizes[0];
}

static int nd_truth(Value self)
{
    TsTensor *t = np_unwrap(self);
    TsScalar s;
    if (ts_numel(t) != 1) {
        rt_raise(&exc_ValueError, "The truth value of an array with more than one element is "
                                  "ambiguous. Use a.any() or a.all()");
        return -1;
    }
    if (ts_item(t, &s) < 0) {
        torch_raise_ts();
        return -1;
    }
    return s.is_float ? s.f != 0 : s.i != 0;
}

/* a[key]: integer indexing down to 0-d gives a numpy scalar. */
static Value nd_getitem(Value self, Value key)
{
    TsTensor *r = torch_index_tensor(np_unwrap(self), key);
    return r ? np_wrap_scalar(r, true) : V_ERR;
}

static int nd_setitem(Value self, Value key, Value val)
{
    if (IS_UNBOUND(val)) {
        rt_raise(&exc_ValueError, "cannot delete array elements");
        return -1;
    }
    return torch_index_put(np_unwrap(self), key, val);
}

/* Iteration along axis 0, as a list iterator over the rows. */
static Value nd_iter(Value self)
{
    TsTensor *t = np_unwrap(self);
    if (t->ndim == 0) return rt_raise(&exc_TypeError, "iteration over a 0-d array");
    Value l = list_new(0);
    for (int64_t i = 0; !IS_ERR(l) && i < t->sizes[0]; i++) {
        Value row = np_wrap_scalar(ts_select(t, 0, i), true);
        if (IS_ERR(row) || list_append(l, row) < 0) {
            v_decref(row);
            v_decref(l);
            return V_ERR;
        }
        v_decref(row);
    }
    if (IS_ERR(l)) return l;
    Value it = v_iter(l);
    v_decref(l);
    return it;
}

/* ------------------------------------------------------------------ */
/* arithmetic with numpy's dtype rules                                  */
/* ------------------------------------------------------------------ */

/* An operand: an ndarray or a Python number (tensors defer to torch). */
static bool nd_operand(Value v, TsArg *a, TsDType *dt, bool *is_arr)
{
    TsTensor *t = np_unwrap(v);
    if (t) {
        *a = ts_arg(t);
        *dt = t->dtype;
        *is_arr = true;
        return true;
    }
    TsScalar s;
    if (!torch_to_scalar(v, &s)) return false;
    *a = ts_arg_s(s);
    *dt = s.is_float ? TS_FLOAT64 : s.is_int ? TS_INT64 : TS_BOOL;
    *is_arr = false;
    return true;
}

/* numpy's result dtype of an array with a Python number: the number
 * only raises the kind (int -> float, bool -> int), never the width. */
static TsDType np_result(TsDType a, bool aarr, TsDType b, bool barr)
{
    if (aarr && barr) return ts_promote_types(a, b);
    TsDType arr = aarr ? a : b, num = aarr ? b : a;
    if (num == TS_FLOAT64 && !ts_dtype_is_float(arr)) return TS_FLOAT64;
    if (num == TS_INT64 && arr == TS_BOOL) return TS_INT64;
    return arr;
}

static const TsBinaryOp np_binops[OP__NBIN] = {
    [OP_ADD] = TS_OP_ADD, [OP_SUB] = TS_OP_SUB, [OP_MUL] = TS_OP_MUL,
    [OP_TRUEDIV] = TS_OP_DIV, [OP_FLOORDIV] = TS_OP_DIV_FLOOR, [OP_MOD] = TS_OP_REMAINDER,
    [OP_POW] = TS_OP_POW, [OP_LSHIFT] = TS_OP_LSHIFT, [OP_RSHIFT] = TS_OP_RSHIFT,
    [OP_AND] = TS_OP_BITWISE_AND, [OP_OR] = TS_OP_BITWISE_OR, [OP_XOR] = TS_OP_BITWISE_XOR,
};

/* Casts an array operand to dt (a new reference in *hold). */
static bool cast_operand(TsArg *a, TsDType dt, TsTensor **hold)
{
    *hold = NULL;
    if (!a->t || a->t->dtype == dt) return true;
    *hold = ts_to(a->t, dt, TS_CPU, false);
    if (!*hold) return false;
    a->t = *hold;
    return true;
}

/* Computes a op b into out (NULL: new array) with numpy's dtypes. */
static TsTensor *np_compute(BinOp op, Value a, Value b, TsTensor *out, bool *handled)
{
    TsArg x, y;
    TsDType dx, dy;
    bool ax, ay;
    *handled = false;
    if (!nd_operand(a, &x, &dx, &ax) || !nd_operand(b, &y, &dy, &ay)) return NULL;
    *handled = true;
    if (op == OP_MATMUL) {
        if (!x.t || !y.t) {
            rt_raise(&exc_ValueError, "matmul: Input operand %d does not have enough dimensions "
                     "(has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)",
                     x.t ? 1 : 0);
            return NULL;
        }
        return ts_matmul(x.t, y.t);
    }
    TsDType dt = np_result(dx, ax, dy, ay);
    if (op == OP_TRUEDIV && !ts_dtype_is_float(dt)) dt = TS_FLOAT64;
    TsTensor *hx, *hy, *r = NULL;
    if (cast_operand(&x, dt, &hx) && cast_operand(&y, dt, &hy)) {
        if (!x.t && !y.t) x = ts_arg(hx = ts_scalar_tensor(x.s, dt, TS_CPU));
        r = ts_binary(np_binops[op], x, y, out);
        ts_release(hy);
    }
    ts_release(hx);
    return r;
}

/* tensor OP ndarray: PyTorch reads the array as a tensor (its dtype kept)
 * and the result is a Tensor; the op goes through the op table so that
 * autograd sees it. */
static Value tensor_with_array(BinOp op, Value a, Value b)
{
    static const char *const names[OP__NBIN] = {
        [OP_ADD] = "add", [OP_SUB] = "sub", [OP_MUL] = "mul", [OP_TRUEDIV] = "div",
        [OP_FLOORDIV] = "floor_divide", [OP_MOD] = "remainder", [OP_POW] = "pow",
        [OP_MATMUL] = "matmul", [OP_LSHIFT] = "bitwise_left_shift",
        [OP_RSHIFT] = "bitwise_right_shift", [OP_AND] = "bitwise_and",
        [OP_OR] = "bitwise_or", [OP_XOR] = "bitwise_xor",
    };
    Value args[2] = {a, torch_wrap(ts_alias(np_unwrap(b)))};
    if (IS_ERR(args[1])) return V_ERR;
    Value r = torch_call_op(names[op], args, 2, NULL);
    v_decref(args[1]);
    return r;
}

/* A numpy scalar or a Python number: scalar op scalar gives a scalar. */
static bool is_scalarish(Value v)
{
    return !IS_TYPE(v, &ndarray_type) || ((NdObj *)v.o)->scalar;
}

static Value nd_binop(BinOp op, Value a, Value b)
{
    if (torch_is_tensor(a) && IS_TYPE(b, &ndarray_type)) return tensor_with_array(op, a, b);
    if (torch_is_tensor(a) || torch_is_tensor(b)) return rt_notimpl();
    bool handled;
    TsTensor *r = np_compute(op, a, b, NULL, &handled);
    if (!handled) return rt_notimpl();
    if (!r && !IS_NONE(rt_exc)) return V_ERR; /* a Python error already raised */
    return np_wrap_scalar(r, is_scalarish(a) && is_scalarish(b));
}

static Value nd_inplace(BinOp op, Value a, Value b)
{
    TsTensor *self = np_unwrap(a), *bt = torch_unwrap(b);
    bool handled;
    if (bt) { /* arr += tensor: numpy reads the tensor through __array__ */
        TsTensor *r = ts_binary(np_binops[op], ts_arg(self), ts_arg(bt), self);
        if (!r) return torch_raise_ts();
        ts_release(r);
        return v_incref(a);
    }
    TsTensor *r = np_compute(op, a, b, self, &handled);
    if (!handled) return rt_notimpl();
    if (!r) return torch_raise_ts();
    ts_release(r);
    return v_incref(a);
}

static Value nd_unop(UnOp op, Value a)
{
    TsTensor *t = np_unwrap(a);
    if (op == UOP_POS) {
        ts_retain(t);
        return np_wrap(t);
    }
    if (op == UOP_NEG) return np_wrap(ts_unary(TS_OP_NEG, t, NULL));
    if (op == UOP_INVERT) return np_wrap(ts_unary(TS_OP_BITWISE_NOT, t, NULL));
    return rt_notimpl();
}

static const TsBinaryOp np_cmpops[] = {
    [CMP_LT] = TS_OP_LT, [CMP_LE] = TS_OP_LE, [CMP_EQ] = TS_OP_EQ,
    [CMP_NE] = TS_OP_NE, [CMP_GT] = TS_OP_GT, [CMP_GE] = TS_OP_GE,
};

static Value nd_compare(CmpOp op, Value a, Value b)
{
    TsArg x, y;
    TsDType dx, dy;
    bool ax, ay;
    if (torch_is_tensor(a) || torch_is_tensor(b) || !nd_operand(a, &x, &dx, &ax) ||
        !nd_operand(b, &y, &dy, &ay))
        return rt_notimpl();
    return np_wrap(ts_binary(np_cmpops[op], x, y, NULL));
}

/* ------------------------------------------------------------------ */
/* attributes and methods                                               */
/* ------------------------------------------------------------------ */

static Value shape_tuple(TsTensor *t)
{
    Value r = tuple_new(t->ndim);
    if (IS_ERR(r)) return r;
    for (int i = 0; i < t->ndim; i++) ((Tuple *)r.o)->items[i] = v_int(t->sizes[i]);
    return r;
}

static Value nd_getattr(Value self, Obj *name)
{
    TsTensor *t = np_unwrap(self);
    const char *s = ((Str *)name)->data;
    if (!strcmp(s, "shape")) return shape_tuple(t);
    if (!strcmp(s, "dtype")) return np_dtype_value(t->dtype);
    if (!strcmp(s, "ndim")) return v_int(t->ndim);
    if (!strcmp(s, "size")) return v_int(ts_numel(t));
    if (!strcmp(s, "itemsize")) return v_int((int64_t)ts_dtype_size(t->dtype));
    if (!strcmp(s, "nbytes")) return v_int(ts_numel(t) * (int64_t)ts_dtype_size(t->dtype));
    if (!strcmp(s, "T")) {
        int64_t perm[TS_MAX_DIMS];
        for (int i = 0; i < t->ndim; i++) perm[i] = t->ndim - 1 - i;
        return np_wrap(ts_permute(t, t->ndim, perm));
    }
    return V_UNBOUND;
}

static TsTensor *self_t(Value *args) { return np_unwrap(args[0]); }

static Value m_tolist(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("tolist", kw) || !args_count("tolist", nargs - 1, 0, 0)) return V_ERR;
    return torch_tolist(self_t(args));
}

static Value m_item(Value *args, int nargs, KwArgs *kw)
{
    TsScalar s;
    if (!args_nokw("item", kw) || !args_count("item", nargs - 1, 0, 0)) return V_ERR;
    if (ts_numel(self_t(args)) != 1)
        return rt_raise(&exc_ValueError, "can only convert an array of size 1 to a Python scalar");
    if (ts_item(self_t(args), &s) < 0) return torch_raise_ts();
    return torch_from_scalar(s);
}

static Value m_copy(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("copy", kw) || !args_count("copy", nargs - 1, 0, 0)) return V_ERR;
    return np_wrap(ts_clone(self_t(args)));
}

static Value m_astype(Value *args, int nargs, KwArgs *kw)
{
    TsDType dt;
    if (!args_nokw("astype", kw) || !args_count("astype", nargs - 1, 1, 1) ||
        !np_to_dtype(args[1], &dt))
        return V_ERR;
    return np_wrap(ts_to(self_t(args), dt, TS_CPU, true));
}

static Value m_reshape(Value *args, int nargs, KwArgs *kw)
{
    int64_t sizes[TS_MAX_DIMS];
    int n;
    if (!args_nokw("reshape", kw) || !torch_to_sizes(args + 1, nargs - 1, sizes, &n, "reshape"))
        return V_ERR;
    return np_wrap(ts_reshape(self_t(args), n, sizes));
}

static Value m_flatten(Value *args, int nargs, KwArgs *kw)
{
    int64_t all = -1;
    if (!args_nokw("flatten", kw) || !args_count("flatten", nargs - 1, 0, 0)) return V_ERR;
    TsTensor *c = ts_clone(self_t(args));
    if (!c) return torch_raise_ts();
    TsTensor *r = ts_reshape(c, 1, &all);
    ts_release(c);
    return np_wrap(r);
}

/* ravel: one dimension, a view when the layout allows (numpy's default
 * order 'C'), else a copy -- as reshape(-1). */
static Value m_ravel(Value *args, int nargs, KwArgs *kw)
{
    int64_t all = -1;
    if (!args_nokw("ravel", kw) || !args_count("ravel", nargs - 1, 0, 0)) return V_ERR;
    return np_wrap(ts_reshape(self_t(args), 1, &all));
}

/* Reductions: axis=None (everything) or an int; a 0-d result is a scalar. */
typedef enum { R_SUM, R_MEAN, R_MAX, R_MIN, R_PROD, R_STD, R_VAR } RedKind;

static Value reduce(RedKind k, TsTensor *t, Value axis, bool keepdims)
{
    int64_t dims[TS_MAX_DIMS];
    int nd = 0;
    if (!IS_UNBOUND(axis) && !IS_NONE(axis) && !torch_to_dims(axis, dims, &nd, "reduce"))
        return V_ERR;
    TsTensor *src = t, *hold = NULL, *r = NULL;
    if ((k == R_MEAN || k == R_STD || k == R_VAR) && !ts_dtype_is_float(t->dtype))
        src = hold = ts_to(t, TS_FLOAT64, TS_CPU, false);
    if (!src) return torch_raise_ts();
    switch (k) {
    case R_SUM: r = ts_sum(src, nd, dims, keepdims, TS_UNDEF); break;
    case R_MEAN: r = ts_mean(src, nd, dims, keepdims, TS_UNDEF); break;
    case R_MAX: r = ts_amax(src, nd, dims, keepdims); break;
    case R_MIN: r = ts_amin(src, nd, dims, keepdims); break;
    case R_PROD: r = ts_prod(src, nd ? dims : NULL, keepdims, TS_UNDEF); break;
    case R_STD: r = ts_std(src, nd, dims, 0, keepdims); break;
    case R_VAR: r = ts_var(src, nd, dims, 0, keepdims); break;
    }
    ts_release(hold);
    return np_wrap_scalar(r, true);
}

static Value reduce_call(RedKind k, const char *fname, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"a", "axis", "dtype", "out", "keepdims"};
    Value v[5];
    if (!args_parse(fname, args, nargs, kw, names, 5, 1, v)) return V_ERR;
    TsTensor *t = np_unwrap(v[0]), *tmp = NULL;
    if (!t) t = torch_unwrap(v[0]);
    if (!t && !(t = tmp = torch_tensor_from_data(v[0], TS_UNDEF, TS_CPU))) return V_ERR;
    int keep = IS_UNBOUND(v[4]) ? 0 : v_truth(v[4]);
    Value r = keep < 0 ? V_ERR : reduce(k, t, v[1], keep);
    ts_release(tmp);
    return r;
}

#define REDUCER(NAME, KIND)                                                         \
    static Value f_##NAME(Value *a, int n, KwArgs *kw) { return reduce_call(KIND, #NAME, a, n, kw); } \
    static Value m_##NAME(Value *a, int n, KwArgs *kw) { return reduce_call(KIND, #NAME, a, n, kw); }
REDUCER(sum, R_SUM)
REDUCER(mean, R_MEAN)
REDUCER(max, R_MAX)
REDUCER(min, R_MIN)
REDUCER(prod, R_PROD)
REDUCER(std, R_STD)
REDUCER(var, R_VAR)

static Value m_abs(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("__abs__", kw) || !args_count("__abs__", nargs - 1, 0, 0)) return V_ERR;
    return np_wrap_scalar(ts_unary(TS_OP_ABS, self_t(args), NULL), ((NdObj *)args[0].o)->scalar);
}

/* module functions that double as methods (self is their first argument) */
static Value f_argmax(Value *a, int n, KwArgs *kw);
static Value f_argmin(Value *a, int n, KwArgs *kw);
static Value f_transpose(Value *args, int nargs, KwArgs *kw);

static const MethodDef nd_methods[] = {
    {"__abs__", m_abs, "__abs__()\n\nabs(self).", 0},
    {"tolist", m_tolist, "tolist()\n\nReturn the array as a nested list.", 0},
    {"argmax", f_argmax, "argmax(axis=None)\n\nReturn indices of the maximum values along the given axis.", 0},
    {"argmin", f_argmin, "argmin(axis=None)\n\nReturn indices of the minimum values along the given axis.", 0},
    {"transpose", f_transpose, "transpose()\n\nReturns a view of the array with axes transposed.", 0},
    {"item", m_item, "item()\n\nCopy an element of an array to a standard Python scalar.", 0},
    {"copy", m_copy, "copy()\n\nReturn a copy of the array.", 0},
    {"astype", m_astype, "astype(dtype)\n\nCopy of the array, cast to a specified type.", 0},
    {"reshape", m_reshape, "reshape(shape)\n\nReturns an array containing the same data with a new shape.", 0},
    {"flatten", m_flatten, "flatten()\n\nReturn a copy of the array collapsed into one dimension.", 0},
    {"ravel", m_ravel, "ravel()\n\nReturn a contiguous flattened array (a view when possible).", 0},
    {"sum", m_sum, "sum(axis=None)\n\nReturn the sum of the array elements over the given axis.", 0},
    {"mean", m_mean, "mean(axis=None)\n\nReturns the average of the array elements along given axis.", 0},
    {"max", m_max, "max(axis=None)\n\nReturn the maximum along a given axis.", 0},
    {"min", m_min, "min(axis=None)\n\nReturn the minimum along a given axis.", 0},
    {"prod", m_prod, "prod(axis=None)\n\nReturn the product of the array elements over the given axis.", 0},
    {"std", m_std, "std(axis=None)\n\nReturns the standard deviation of the array elements along given axis.", 0},
    {"var", m_var, "var(axis=None)\n\nReturns the variance of the array elements along given axis.", 0},
    {NULL, NULL, NULL, 0},
};

static Value np_array_new(Value *args, int nargs, KwArgs *kw);

static Value nd_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    return np_array_new(args, nargs, kw);
}

Type ndarray_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "ndarray", .base = &object_type,
    .doc = "ndarray(shape, dtype=float)\n\nAn array object represents a multidimensional, "
           "homogeneous array of fixed-size items.",
    .basicsize = sizeof(NdObj), .new = nd_new, .dealloc = nd_dealloc, .repr = nd_repr,
    .str = nd_str, .len = nd_len, .truth = nd_truth, .getitem = nd_getitem,
    .setitem = nd_setitem, .iter = nd_iter, .binop = nd_binop, .inplace = nd_inplace,
    .unop = nd_unop, .compare = nd_compare, .getattr = nd_getattr,
};

/* ------------------------------------------------------------------ */
/* creation functions                                                   */
/* ------------------------------------------------------------------ */

/* Python data -> a tensor with numpy's inference (floats are float64). */
static TsTensor *np_from_data(Value data, TsDType dt)
{
    TsTensor *src = np_unwrap(data);
    if (!src) src = torch_unwrap(data);
    if (src) {
        TsTensor *r = ts_to(src, dt, TS_CPU, true);
        if (!r) torch_raise_ts();
        return r;
    }
    TsDType keep = ts_default_float();
    ts_set_default_float(TS_FLOAT64);
    TsTensor *r = torch_tensor_from_data(data, dt, TS_CPU);
    ts_set_default_float(keep);
    return r;
}

static Value np_array_new(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"object", "dtype", "copy"};
    Value v[3];
    TsDType dt;
    if (!args_parse("array", args, nargs, kw, names, 3, 1, v) || !np_to_dtype(v[1], &dt))
        return V_ERR;
    TsTensor *t = np_from_data(v[0], dt);
    return t ? np_wrap(t) : V_ERR;
}

/* asarray shares an ndarray when no conversion is needed. */
static Value f_asarray(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"a", "dtype"};
    Value v[2];
    TsDType dt;
    if (!args_parse("asarray", args, nargs, kw, names, 2, 1, v) || !np_to_dtype(v[1], &dt))
        return V_ERR;
    TsTensor *t = np_unwrap(v[0]);
    if (!t) t = torch_unwrap(v[0]);
    if (t && (dt == TS_UNDEF || dt == t->dtype)) return np_wrap(ts_alias(t));
    t = np_from_data(v[0], dt);
    return t ? np_wrap(t) : V_ERR;
}

/* numpy's _ArrayMemoryError text: "Unable to allocate 72.8 TiB for an
 * array with shape (10000000000000,) and data type float64". */
static Value np_nomem(int n, const int64_t *sizes, TsDType dt)
{
    static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double bytes = (double)ts_dtype_size(dt);
    for (int i = 0; i < n; i++) bytes *= (double)sizes[i];
    int bits = bytes >= 2 ? (int)floor(log2(bytes)) : 1, ui = bits / 10;
    double v = bytes / ldexp(1.0, 10 * ui);
    if (round(v) == 1024) {
        ui++;
        v /= 1024;
    }
    if (ui > 6) {
        v *= ldexp(1.0, 10 * (ui - 6));
        ui = 6;
    }
    char size[64], shape[32 * TS_MAX_DIMS] = "(";
    snprintf(size, sizeof size, ui == 0 ? "%.0f %s" : round(v) < 1000 ? "%#.3g %s" : "%#.0f %s",
             v, units[ui]);
    for (int i = 0; i < n; i++)
        snprintf(shape + strlen(shape), sizeof shape - strlen(shape), "%lld%s",
                 (long long)sizes[i], n == 1 ? "," : i + 1 < n ? ", " : "");
    strcat(shape, ")");
    return rt_raise(&exc_MemoryError,
                    "Unable to allocate %s for an array with shape %s and data type %s", size,
                    shape, np_dtypes[dt].name);
}

typedef TsTensor *(*NpMaker)(int ndim, const int64_t *sizes, TsDType dtype, int device);

static Value shaped(const char *fname, NpMaker make, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"shape", "dtype"};
    Value v[2];
    TsDType dt;
    int64_t sizes[TS_MAX_DIMS];
    int n;
    if (!args_parse(fname, args, nargs, kw, names, 2, 1, v) || !np_to_dtype(v[1], &dt) ||
        !torch_size_arg(v[0], sizes, &n, fname))
        return V_ERR;
    if (dt == TS_UNDEF) dt = TS_FLOAT64;
    TsTensor *t = make(n, sizes, dt, TS_CPU);
    if (!t && ts_error_kind() == TS_ERR_MEMORY) return np_nomem(n, sizes, dt);
    return np_wrap(t);
}

static Value f_ones(Value *a, int n, KwArgs *kw) { return shaped("ones", ts_ones, a, n, kw); }
static Value f_zeros(Value *a, int n, KwArgs *kw) { return shaped("zeros", ts_zeros, a, n, kw); }
static Value f_empty(Value *a, int n, KwArgs *kw) { return shaped("empty", ts_zeros, a, n, kw); }

static Value f_arange(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"start", "stop", "step", "dtype"};
    Value v[4];
    TsDType dt;
    TsScalar start = ts_scalar_i(0), stop, step = ts_scalar_i(1);
    if (!args_parse("arange", args, nargs, kw, names, 4, 1, v) || !np_to_dtype(v[3], &dt))
        return V_ERR;
    if (IS_UNBOUND(v[1])) {
        v[1] = v[0];
        v[0] = V_UNBOUND;
    }
    if ((!IS_UNBOUND(v[0]) && !torch_scalar_arg(v[0], &start, "arange", "start")) ||
        !torch_scalar_arg(v[1], &stop, "arange", "stop") ||
        (!IS_UNBOUND(v[2]) && !torch_scalar_arg(v[2], &step, "arange", "step")))
        return V_ERR;
    if (dt == TS_UNDEF && (start.is_float || stop.is_float || step.is_float)) dt = TS_FLOAT64;
    return np_wrap(ts_arange(start, stop, step, dt, TS_CPU));
}

static Value f_linspace(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"start", "stop", "num", "dtype"};
    Value v[4];
    TsDType dt;
    double a, b;
    int64_t num = 50;
    if (!args_parse("linspace", args, nargs, kw, names, 4, 2, v) || !np_to_dtype(v[3], &dt) ||
        !torch_float_arg(v[0], &a, "linspace", "start") ||
        !torch_float_arg(v[1], &b, "linspace", "stop") ||
        (!IS_UNBOUND(v[2]) && !torch_int_arg(v[2], &num, "linspace", "num")))
        return V_ERR;
    return np_wrap(ts_linspace(a, b, num, dt == TS_UNDEF ? TS_FLOAT64 : dt, TS_CPU));
}

static Value f_eye(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"N", "M", "k", "dtype"};
    Value v[4];
    TsDType dt;
    int64_t n, m = -1;
    if (!args_parse("eye", args, nargs, kw, names, 4, 1, v) || !np_to_dtype(v[3], &dt) ||
        !torch_int_arg(v[0], &n, "eye", "N") ||
        (!IS_UNBOUND(v[1]) && !IS_NONE(v[1]) && !torch_int_arg(v[1], &m, "eye", "M")))
        return V_ERR;
    return np_wrap(ts_eye(n, m, dt == TS_UNDEF ? TS_FLOAT64 : dt, TS_CPU));
}

/* Element-wise functions: ints compute in float64, as numpy's ufuncs do. */
static Value unary_fn(TsUnaryOp op, const char *fname, Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw(fname, kw) || !args_count(fname, nargs, 1, 1)) return V_ERR;
    TsTensor *t = np_unwrap(args[0]), *tmp = NULL;
    bool scalar = !t || ((NdObj *)args[0].o)->scalar;
    if (!t && !(t = tmp = np_from_data(args[0], TS_UNDEF))) return V_ERR;
    TsTensor *src = t, *hold = NULL;
    bool floaty = op != TS_OP_ABS && op != TS_OP_NEG && op != TS_OP_SIGN;
    if (floaty && !ts_dtype_is_float(t->dtype)) src = hold = ts_to(t, TS_FLOAT64, TS_CPU, false);
    TsTensor *r = src ? ts_unary(op, src, NULL) : NULL;
    ts_release(hold);
    ts_release(tmp);
    return np_wrap_scalar(r, scalar);
}

#define UNARY(NAME, OP) \
    static Value f_##NAME(Value *a, int n, KwArgs *kw) { return unary_fn(OP, #NAME, a, n, kw); }
UNARY(sqrt, TS_OP_SQRT)
UNARY(exp, TS_OP_EXP)
UNARY(log, TS_OP_LOG)
UNARY(abs, TS_OP_ABS)
UNARY(sin, TS_OP_SIN)
UNARY(cos, TS_OP_COS)
UNARY(tanh, TS_OP_TANH)

static Value f_dot(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("dot", kw) || !args_count("dot", nargs, 2, 2)) return V_ERR;
    TsTensor *a = np_unwrap(args[0]), *b = np_unwrap(args[1]);
    if (!a || !b) return rt_raise(&exc_TypeError, "dot() expects two arrays");
    TsTensor *r = (a->ndim == 1 && b->ndim == 1) ? ts_dot(a, b) : ts_matmul(a, b);
    return np_wrap_scalar(r, true);
}

/* An argument as an array tensor (a new reference): arrays and tensors
 * are shared, Python data converted with numpy's rules. */
static TsTensor *array_arg(Value v)
{
    TsTensor *t = np_unwrap(v);
    if (!t) t = torch_unwrap(v);
    if (t) {
        ts_retain(t);
        return t;
    }
    return np_from_data(v, TS_UNDEF);
}

/* np.maximum / np.minimum / np.power / np.matmul: two arrays, numpy's
 * dtype rules via np_compute's casts. */
static Value binary_fn(TsBinaryOp op, const char *fname, Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw(fname, kw) || !args_count(fname, nargs, 2, 2)) return V_ERR;
    TsTensor *a = array_arg(args[0]), *b = a ? array_arg(args[1]) : NULL;
    TsTensor *r = NULL;
    if (b) {
        TsDType dt = ts_promote_types(a->dtype, b->dtype);
        TsTensor *ca = ts_to(a, dt, TS_CPU, false), *cb = ts_to(b, dt, TS_CPU, false);
        if (ca && cb) r = ts_binary(op, ts_arg(ca), ts_arg(cb), NULL);
        ts_release(ca);
        ts_release(cb);
    }
    ts_release(a);
    ts_release(b);
    if (!r && !IS_NONE(rt_exc)) return V_ERR;
    return np_wrap_scalar(r, true);
}

static Value f_maximum(Value *a, int n, KwArgs *kw) { return binary_fn(TS_OP_MAXIMUM, "maximum", a, n, kw); }
static Value f_minimum(Value *a, int n, KwArgs *kw) { return binary_fn(TS_OP_MINIMUM, "minimum", a, n, kw); }
static Value f_power(Value *a, int n, KwArgs *kw) { return binary_fn(TS_OP_POW, "power", a, n, kw); }

static Value f_matmul(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("matmul", kw) || !args_count("matmul", nargs, 2, 2)) return V_ERR;
    TsTensor *a = array_arg(args[0]), *b = a ? array_arg(args[1]) : NULL;
    TsTensor *r = b ? ts_matmul(a, b) : NULL;
    ts_release(a);
    ts_release(b);
    if (!r && !IS_NONE(rt_exc)) return V_ERR;
    return np_wrap_scalar(r, true);
}

static Value f_square(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("square", kw) || !args_count("square", nargs, 1, 1)) return V_ERR;
    TsTensor *a = array_arg(args[0]);
    if (!a) return V_ERR;
    TsTensor *r = ts_binary(TS_OP_MUL, ts_arg(a), ts_arg(a), NULL);
    ts_release(a);
    return np_wrap_scalar(r, true);
}

/* argmax / argmin over everything (flattened index) or one axis. */
static Value arg_reduce(bool max, const char *fname, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"a", "axis"};
    Value v[2];
    int64_t axis;
    if (!args_parse(fname, args, nargs, kw, names, 2, 1, v)) return V_ERR;
    bool has = !IS_UNBOUND(v[1]) && !IS_NONE(v[1]);
    if (has && !torch_int_arg(v[1], &axis, fname, "axis")) return V_ERR;
    TsTensor *a = array_arg(v[0]);
    if (!a) return V_ERR;
    TsTensor *r = max ? ts_argmax(a, has ? &axis : NULL, false) : ts_argmin(a, has ? &axis : NULL, false);
    ts_release(a);
    return np_wrap_scalar(r, true);
}

static Value f_argmax(Value *a, int n, KwArgs *kw) { return arg_reduce(true, "argmax", a, n, kw); }
static Value f_argmin(Value *a, int n, KwArgs *kw) { return arg_reduce(false, "argmin", a, n, kw); }

/* concatenate / stack of a sequence of arrays along axis (default 0). */
static Value join_fn(bool stack, const char *fname, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"arrays", "axis"};
    Value v[2], tmp = V_UNBOUND, *items;
    int64_t axis = 0, n;
    if (!args_parse(fname, args, nargs, kw, names, 2, 1, v) ||
        (!IS_UNBOUND(v[1]) && !torch_int_arg(v[1], &axis, fname, "axis")) ||
        !seq_items(v[0], &items, &n, &tmp))
        return V_ERR;
    TsTensor **ts = rt_calloc((size_t)n + 1, sizeof *ts), *r = NULL;
    bool ok = ts != NULL;
    TsDType dt = TS_UNDEF;
    for (int64_t i = 0; ok && i < n; i++) {
        ok = (ts[i] = array_arg(items[i])) != NULL;
        if (ok) dt = dt == TS_UNDEF ? ts[i]->dtype : ts_promote_types(dt, ts[i]->dtype);
    }
    for (int64_t i = 0; ok && i < n; i++) { /* numpy promotes before joining */
        TsTensor *c = ts_to(ts[i], dt, TS_CPU, false);
        ts_release(ts[i]);
        ok = (ts[i] = c) != NULL;
    }
    if (ok) r = stack ? ts_stack((int)n, ts, axis) : ts_cat((int)n, ts, axis);
    for (int64_t i = 0; ts && i < n; i++) ts_release(ts[i]);
    free(ts);
    v_decref(tmp);
    if (!r && !IS_NONE(rt_exc)) return V_ERR;
    return np_wrap(r);
}

static Value f_concatenate(Value *a, int n, KwArgs *kw) { return join_fn(false, "concatenate", a, n, kw); }
static Value f_stack(Value *a, int n, KwArgs *kw) { return join_fn(true, "stack", a, n, kw); }

static Value f_transpose(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("transpose", kw) || !args_count("transpose", nargs, 1, 1)) return V_ERR;
    TsTensor *a = array_arg(args[0]);
    if (!a) return V_ERR;
    int64_t perm[TS_MAX_DIMS];
    for (int i = 0; i < a->ndim; i++) perm[i] = a->ndim - 1 - i;
    TsTensor *r = ts_permute(a, a->ndim, perm);
    ts_release(a);
    return np_wrap(r);
}

/* ------------------------------------------------------------------ */
/* torch.from_numpy / Tensor.numpy()                                    */
/* ------------------------------------------------------------------ */

Value np_from_numpy(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("from_numpy", kw) || !args_count("from_numpy", nargs, 1, 1)) return V_ERR;
    TsTensor *t = np_unwrap(args[0]);
    if (!t)
        return rt_raise(&exc_TypeError, "expected np.ndarray (got %s)", v_typename(args[0]));
    return torch_wrap(ts_alias(t));
}

Value np_tensor_numpy(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"force"};
    Value v[1];
    if (!args_parse("numpy", args + 1, nargs - 1, kw, names, 1, 0, v)) return V_ERR;
    TsTensor *t = torch_unwrap(args[0]);
    TensorObj *o = (TensorObj *)args[0].o;
    if (o->ag && torch_autograd_record) {
        /* a tensor that requires grad must be detached first; the check
         * belongs to the autograd layer, which reports requires_grad */
        Value rg = v_getattr_cstr(args[0], "requires_grad");
        int b = IS_ERR(rg) ? -1 : v_truth(rg);
        v_decref(rg);
        if (b < 0) return V_ERR;
        if (b)
            return rt_raise(&exc_RuntimeError,
                            "Can't call numpy() on Tensor that requires grad. Use "
                            "tensor.detach().numpy() instead.");
    }
    if (t->dtype == TS_BFLOAT16)
        return rt_raise(&exc_TypeError, "Got unsupported ScalarType BFloat16");
    if (t->device != TS_CPU)
        return rt_raise(&exc_TypeError,
                        "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to "
                        "copy the tensor to host memory first.");
    return np_wrap(ts_alias(t));
}

/* ------------------------------------------------------------------ */
/* the module                                                           */
/* ------------------------------------------------------------------ */

static const MethodDef np_functions[] = {
    {"array", np_array_new, "array(object, dtype=None)\n\nCreate an array.", 0},
    {"asarray", f_asarray, "asarray(a, dtype=None)\n\nConvert the input to an array.", 0},
    {"ones", f_ones, "ones(shape, dtype=None)\n\nReturn a new array of given shape and type, filled with ones.", 0},
    {"zeros", f_zeros, "zeros(shape, dtype=float)\n\nReturn a new array of given shape and type, filled with zeros.", 0},
    {"empty", f_empty, "empty(shape, dtype=float)\n\nReturn a new array of given shape and type.", 0},
    {"arange", f_arange, "arange([start,] stop[, step,], dtype=None)\n\nReturn evenly spaced values within a given interval.", 0},
    {"linspace", f_linspace, "linspace(start, stop, num=50, dtype=None)\n\nReturn evenly spaced numbers over a specified interval.", 0},
    {"eye", f_eye, "eye(N, M=None, k=0, dtype=float)\n\nReturn a 2-D array with ones on the diagonal and zeros elsewhere.", 0},
    {"sum", f_sum, "sum(a, axis=None)\n\nSum of array elements over a given axis.", 0},
    {"mean", f_mean, "mean(a, axis=None)\n\nCompute the arithmetic mean along the specified axis.", 0},
    {"max", f_max, "max(a, axis=None)\n\nReturn the maximum of an array or maximum along an axis.", 0},
    {"min", f_min, "min(a, axis=None)\n\nReturn the minimum of an array or minimum along an axis.", 0},
    {"prod", f_prod, "prod(a, axis=None)\n\nReturn the product of array elements over a given axis.", 0},
    {"std", f_std, "std(a, axis=None)\n\nCompute the standard deviation along the specified axis.", 0},
    {"var", f_var, "var(a, axis=None)\n\nCompute the variance along the specified axis.", 0},
    {"sqrt", f_sqrt, "sqrt(x)\n\nReturn the non-negative square-root of an array, element-wise.", 0},
    {"exp", f_exp, "exp(x)\n\nCalculate the exponential of all elements in the input array.", 0},
    {"log", f_log, "log(x)\n\nNatural logarithm, element-wise.", 0},
    {"abs", f_abs, "abs(x)\n\nCalculate the absolute value element-wise.", 0},
    {"sin", f_sin, "sin(x)\n\nTrigonometric sine, element-wise.", 0},
    {"cos", f_cos, "cos(x)\n\nCosine element-wise.", 0},
    {"tanh", f_tanh, "tanh(x)\n\nCompute hyperbolic tangent element-wise.", 0},
    {"dot", f_dot, "dot(a, b)\n\nDot product of two arrays.", 0},
    {"matmul", f_matmul, "matmul(x1, x2)\n\nMatrix product of two arrays.", 0},
    {"maximum", f_maximum, "maximum(x1, x2)\n\nElement-wise maximum of array elements.", 0},
    {"minimum", f_minimum, "minimum(x1, x2)\n\nElement-wise minimum of array elements.", 0},
    {"power", f_power, "power(x1, x2)\n\nFirst array elements raised to powers from second array, element-wise.", 0},
    {"square", f_square, "square(x)\n\nReturn the element-wise square of the input.", 0},
    {"argmax", f_argmax, "argmax(a, axis=None)\n\nReturns the indices of the maximum values along an axis.", 0},
    {"argmin", f_argmin, "argmin(a, axis=None)\n\nReturns the indices of the minimum values along an axis.", 0},
    {"concatenate", f_concatenate, "concatenate(arrays, axis=0)\n\nJoin a sequence of arrays along an existing axis.", 0},
    {"stack", f_stack, "stack(arrays, axis=0)\n\nJoin a sequence of arrays along a new axis.", 0},
    {"transpose", f_transpose, "transpose(a)\n\nReverse the axes of an array.", 0},
    {NULL, NULL, NULL, 0},
};

void np_types_init(void)
{
    static bool done;
    np_scalartype_type.compare = np_dtype_compare;
    np_scalartype_type.hash = np_dtype_hash;
    np_scalartype_type.call = np_dtype_call;
    np_scalartype_type.getattr = np_dtype_getattr;
    if (!done) type_add_methods(&ndarray_type, nd_methods);
    done = true;
    /* type(a) reads <class 'numpy.ndarray'> even when only torch made the
     * array (x.numpy()): types.c consults __module__ */
    if (ndarray_type.dict && IS_UNBOUND(dict_get_cstr(v_obj(ndarray_type.dict), "__module__"))) {
        Value np_name = str_from_cstr("numpy");
        if (IS_ERR(np_name)) {
            rt_exc_clear();
            return;
        }
        if (dict_set_cstr(v_obj(ndarray_type.dict), "__module__", np_name) < 0) rt_exc_clear();
        v_decref(np_name);
    }
}

bool np_print_init(Value np); /* mod_numpy_print.c */

bool mod_numpy_init(Value m)
{
    np_types_init();
    module_add_functions(m, np_functions);
    Value d = ((Module *)m.o)->dict;
    for (int i = 0; i < TS_NUM_DTYPES; i++)
        if (dict_set_cstr(d, np_scalartypes[i].name, v_obj(&np_scalartypes[i])) < 0) return false;
    bool ok = np_random_init(m) && np_print_init(m) &&
              dict_set_cstr(d, "float_", v_obj(&np_scalartypes[TS_FLOAT64])) >= 0 &&
              dict_set_cstr(d, "int_", v_obj(&np_scalartypes[TS_INT64])) >= 0 &&
              dict_set_cstr(d, "ndarray", v_obj(&ndarray_type)) >= 0 &&
              dict_set_cstr(d, "dtype", v_obj(&np_dtype_type)) >= 0 &&
              dict_set_cstr(d, "newaxis", V_NONE) >= 0 &&
              dict_set_cstr(d, "pi", v_float(3.141592653589793)) >= 0 &&
              dict_set_cstr(d, "e", v_float(2.718281828459045)) >= 0 &&
              dict_set_cstr(d, "inf", v_float(__builtin_inf())) >= 0 &&
              dict_set_cstr(d, "nan", v_float(__builtin_nan(""))) >= 0 &&
              mod_set(m, "__version__", str_from_cstr("1.24.2"));
    return ok;
}
