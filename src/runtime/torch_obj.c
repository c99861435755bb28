/* torch_obj.c — the Tensor type: a Value wrapping a TsTensor view.
 *
 * Python's operators map onto rows of the op table (so the autograd hook
 * sees them too): binop/inplace/unop/compare build a TorchCall directly,
 * skipping argument parsing, and run the row's impl through
 * torch_dispatch_direct.  A reflected operand (`2 - t`, `2 ** t`) is
 * passed as a scalar first operand, which the library's element-wise
 * entry points accept.  Everything else a tensor has as methods comes
 * from the table (torch_dispatch.c); attributes that are plain data
 * (shape, dtype, device ...) are answered by getattr here.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "objects.h"
#include "tensor/ops.h"
#include "tensor/print.h"
#include "torch_private.h"

#define IMMORTAL ((int64_t)1 << 60)

void (*torch_ag_release)(struct AgMeta *ag);
Value (*torch_ag_getattr)(Value t, const char *name);
int (*torch_ag_setattr)(Value t, const char *name, Value val);

Value torch_wrap(TsTensor *t)
{
    if (!t) return torch_raise_ts();
    TensorObj *o = obj_alloc(&tensor_type, sizeof *o);
    if (!o) {
        ts_release(t);
        return V_ERR;
    }
    o->t = t;
    o->ag = NULL;
    return v_obj(o);
}

TsTensor *torch_unwrap(Value v)
{
    return torch_is_tensor(v) ? ((TensorObj *)v.o)->t : NULL;
}

static void tensor_dealloc(Obj *o)
{
    TensorObj *t = (TensorObj *)o;
    if (t->ag && torch_ag_release) torch_ag_release(t->ag);
    ts_release(t->t);
    free(o);
}

/* ---- repr ---- */

Value torch_tensor_repr(Value t) __attribute__((weak));

/* BIND-B's printer glue when linked; else the library's printer here. */
static Value tensor_repr(Value v)
{
    if (torch_tensor_repr) return torch_tensor_repr(v);
    TsFormatExtras ex = {0};
    if (torch_repr_extras) torch_repr_extras(v, &ex);
    char *s = ts_format_tensor(((TensorObj *)v.o)->t, NULL, &ex);
    if (!s) return torch_raise_ts();
    Value r = str_from_cstr(s);
    free(s);
    return r;
}

static bool tensor_hash(Value v, int64_t *out)
{
    *out = (int64_t)((uintptr_t)v.o >> 4);
    return true;
}

/* ---- operators through the op table ---- */

/* The row called name, cached by the name's address: the operator slots
 * pass string literals, so each lookup walks the table once. */
static const TorchOpDef *row(const char *name)
{
    static struct { const char *name; const TorchOpDef *op; } cache[32];
    for (int i = 0; i < 32 && cache[i].name; i++)
        if (cache[i].name == name) return cache[i].op;
    const TorchOpDef *op = torch_op_find(name);
    for (int i = 0; i < 32; i++)
        if (!cache[i].name) {
            cache[i].name = name;
            cache[i].op = op;
            break;
        }
    return op;
}

/* Fills a TorchArg from a tensor or a Python number; false otherwise. */
static bool operand(Value v, TorchArg *a)
{
    memset(a, 0, offsetof(TorchArg, list));   /* list[] is not read for operands */
    a->tl = NULL;
    a->str = NULL;
    a->v = v;
    a->given = true;
    if ((a->t = torch_unwrap(v))) return a->is_tensor = true;
    return torch_to_scalar(v, &a->s);
}

/* Runs row `name` on (a, b): alpha = 1, no rounding mode, no out. */
static Value run2(const char *name, Value a, Value b, bool inplace)
{
    const TorchOpDef *op = row(name);
    TorchCall c;   /* not cleared as a whole: only a[0..2] are read */
    if (!op || !operand(a, &c.a[0]) || !operand(b, &c.a[1])) return rt_notimpl();
    memset(&c.a[2], 0, sizeof c.a[2]);
    c.op = op;
    c.overload = 0;
    c.out = NULL;
    c.n = 3;
    c.a[2].s = ts_scalar_i(1);
    c.inplace = inplace;
    c.self = inplace ? a : V_UNBOUND;
    c.out_v = V_UNBOUND;
    return torch_dispatch_direct(&c);
}

static const char *binop_row(BinOp op)
{
    switch (op) {
    case OP_ADD: return "add";
    case OP_SUB: return "sub";
    case OP_MUL: return "mul";
    case OP_TRUEDIV: return "div";
    case OP_FLOORDIV: return "floor_divide";
    case OP_MOD: return "remainder";
    case OP_POW: return "pow";
    case OP_MATMUL: return "matmul";
    case OP_LSHIFT: return "bitwise_left_shift";
    case OP_RSHIFT: return "bitwise_right_shift";
    case OP_AND: return "bitwise_and";
    case OP_OR: return "bitwise_or";
    case OP_XOR: return "bitwise_xor";
    default: return NULL;
    }
}

/* a op b with a or b a Tensor; the other may be a Python number. */
static Value tensor_binop(BinOp op, Value a, Value b)
{
    const char *name = binop_row(op);
    if (!name) return rt_notimpl();
    if (op == OP_MATMUL && (!torch_is_tensor(a) || !torch_is_tensor(b))) return rt_notimpl();
    if (op == OP_TRUEDIV && (a.tag == VT_INT || a.tag == VT_FLOAT || a.tag == VT_BOOL)) {
        /* number / t is PyTorch's t.reciprocal() * number: its bits and
         * its graph (MulBackward0 over ReciprocalBackward0) */
        Value r = torch_call_op("reciprocal", &b, 1, NULL);
        if (IS_ERR(r)) return r;
        Value m = run2("mul", r, a, false);
        v_decref(r);
        return m;
    }
    return run2(name, a, b, false);
}

static Value tensor_inplace(BinOp op, Value a, Value b)
{
    const char *name = binop_row(op);
    if (!name || !torch_is_tensor(a)) return rt_notimpl();
    if (op == OP_MATMUL) return tensor_binop(op, a, b);   /* @= is not in place in PyTorch */
    return run2(name, a, b, true);
}

static Value tensor_unop(UnOp op, Value a)
{
    const char *name = op == UOP_NEG ? "neg" : op == UOP_INVERT ? "bitwise_not" : NULL;
    if (op == UOP_POS) return torch_wrap(ts_alias(((TensorObj *)a.o)->t));
    if (!name) return rt_notimpl();
    TsDType dt = ((TensorObj *)a.o)->t->dtype;
    if (op == UOP_INVERT && ts_dtype_is_float(dt))
        return rt_raise(&exc_TypeError, "~ (operator.invert) is only implemented on integer and "
                        "Boolean-type tensors");
    TorchCall c;
    operand(a, &c.a[0]);
    c.op = row(name);
    c.overload = 0;
    c.inplace = false;
    c.out = NULL;
    c.n = 1;
    c.self = V_UNBOUND;
    c.out_v = V_UNBOUND;
    return torch_dispatch_direct(&c);
}

static Value tensor_compare(CmpOp op, Value a, Value b)
{
    static const char *const names[] = {"lt", "le", "eq", "ne", "gt", "ge"};
    TorchArg x, y;
    if (!operand(a, &x) || !operand(b, &y)) return rt_notimpl();
    return run2(names[op], a, b, false);
}

/* ---- truth, len, iteration, contains ---- */

static int tensor_truth(Value v)
{
    TsTensor *t = ((TensorObj *)v.o)->t;
    int64_t n = ts_numel(t);
    if (n != 1) {
        rt_raise(&exc_RuntimeError, "Boolean value of Tensor with %s is ambiguous",
                 n == 0 ? "no values" : "more than one value");
        return -1;
    }
    TsScalar s;
    if (ts_item(t, &s) < 0) {
        torch_raise_ts();
        return -1;
    }
    return s.is_float ? s.f != 0 : s.i != 0;
}

static int64_t tensor_len(Value v)
{
    TsTensor *t = ((TensorObj *)v.o)->t;
    if (t->ndim == 0) {
        rt_raise(&exc_TypeError, "len() of a 0-d tensor");
        return -1;
    }
    return t->sizes[0];
}

typedef struct TensorIter { Obj hdr; Value t; int64_t i; } TensorIter;

static void titer_dealloc(Obj *o)
{
    v_decref(((TensorIter *)o)->t);
    free(o);
}

static Value titer_next(Value v)
{
    TensorIter *it = (TensorIter *)v.o;
    TsTensor *t = ((TensorObj *)it->t.o)->t;
    if (it->i >= t->sizes[0]) return V_UNBOUND;
    return torch_wrap(ts_select(t, 0, it->i++));
}

static Value titer_iter(Value v) { return v_incref(v); }

static Type tensor_iter_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "tensor_iterator", .base = &object_type,
    .basicsize = sizeof(TensorIter), .dealloc = titer_dealloc, .iter = titer_iter,
    .next = titer_next,
};

static Value tensor_iter(Value v)
{
    if (((TensorObj *)v.o)->t->ndim == 0)
        return rt_raise(&exc_TypeError, "iteration over a 0-d tensor");
    TensorIter *it = obj_alloc(&tensor_iter_type, sizeof *it);
    if (!it) return V_ERR;
    it->t = v_incref(v);
    it->i = 0;
    return v_obj(it);
}

/* `x in t` is (t == x).any(). */
static int tensor_contains(Value self, Value item)
{
    Value eq = run2("eq", self, item, false);
    if (v_is_notimpl(eq)) {
        v_decref(eq);
        rt_raise(&exc_RuntimeError, "Tensor.__contains__ only supports Tensor or scalar, but you "
                 "passed in a %s.", v_typename(item));
        return -1;
    }
    if (IS_ERR(eq)) return -1;
    TsTensor *any = ts_any(((TensorObj *)eq.o)->t, 0, NULL, false);
    v_decref(eq);
    if (!any) {
        torch_raise_ts();
        return -1;
    }
    TsScalar s;
    int rc = ts_item(any, &s);
    ts_release(any);
    return rc < 0 ? -1 : s.i != 0;
}

/* ---- subscripts: BIND-B's torch_index.c ---- */

Value torch_index_get(Value self, Value key) __attribute__((weak));
int torch_index_set(Value self, Value key, Value val) __attribute__((weak));

static bool has_ag(Value v) { return torch_is_tensor(v) && ((TensorObj *)v.o)->ag; }

/* With autograd state about, the autograd layer records the subscript
 * (torch_deriv_index.c): a node for x[key], CopySlices for x[key] = v,
 * whose leaf check and edges must be made before the write. */
static Value tensor_getitem(Value self, Value key)
{
    if (!torch_index_get) return rt_raise(&exc_NotImplementedError, "tensor indexing is not built");
    Value r = torch_index_get(self, key);
    return torch_grad_enabled && has_ag(self) ? tag_getitem_record(self, key, r) : r;
}

static int tensor_setitem(Value self, Value key, Value val)
{
    if (!torch_index_set) {
        rt_raise(&exc_NotImplementedError, "tensor indexing is not built");
        return -1;
    }
    if (torch_grad_enabled && !IS_UNBOUND(val) && (has_ag(self) || has_ag(val)))
        return tag_setitem(self, key, val);
    return torch_index_set(self, key, val);
}

/* ---- attributes ---- */

static const char *const data_attrs[] = {
    "shape", "dtype", "device", "ndim", "data", "is_leaf", "requires_grad", "grad", "grad_fn",
    "is_cuda", "is_cpu", "itemsize", "nbytes", "layout", "is_sparse", "is_quantized", "is_meta",
    "retains_grad", "_version", NULL,
};

/* Attribute names are interned Strs, so the data attributes are found by
 * pointer comparison (a method lookup passes through here first). */
enum { A_SHAPE, A_DTYPE, A_DEVICE, A_NDIM, A_DATA, A_IS_LEAF, A_REQUIRES_GRAD, A_GRAD,
       A_GRAD_FN, A_IS_CUDA, A_IS_CPU, A_ITEMSIZE, A_NBYTES, A_LAYOUT, A_IS_SPARSE,
       A_IS_QUANTIZED, A_IS_META, A_RETAINS_GRAD, A_VERSION, A__COUNT };

static int data_attr_index(Obj *name)
{
    static Obj *interned[A__COUNT];
    static Obj *last_miss;   /* t.add_(...) in a loop asks for one name again and again */
    if (!interned[0])
        for (int i = 0; i < A__COUNT; i++) interned[i] = str_intern(data_attrs[i]);
    if (name == last_miss) return -1;   /* interned[] never moves, so a miss stays one */
    for (int i = 0; i < A__COUNT; i++)
        if (interned[i] == name) return i;
    last_miss = name;
    return -1;
}

static Value tensor_getattr(Value v, Obj *name)
{
    TsTensor *t = ((TensorObj *)v.o)->t;
    int a = data_attr_index(name);
    if (a < 0) return V_UNBOUND;
    if (torch_ag_getattr) {
        Value r = torch_ag_getattr(v, ((Str *)name)->data);
        if (!IS_UNBOUND(r)) return r;
    }
    switch (a) {
    case A_SHAPE: return torch_size_new(t->ndim, t->sizes);
    case A_DTYPE: return torch_dtype_value(t->dtype);
    case A_DEVICE: return torch_device_of(t->device);
    case A_NDIM: return v_int(t->ndim);
    case A_DATA: return torch_wrap(ts_alias(t));
    case A_IS_LEAF: return v_bool(true);
    case A_REQUIRES_GRAD: return v_bool(false);
    case A_GRAD: case A_GRAD_FN: return V_NONE;
    case A_IS_CUDA: return v_bool(t->device != TS_CPU);
    case A_IS_CPU: return v_bool(t->device == TS_CPU);
    case A_ITEMSIZE: return v_int((int64_t)ts_dtype_size(t->dtype));
    case A_NBYTES: return v_int(ts_numel(t) * (int64_t)ts_dtype_size(t->dtype));
    case A_LAYOUT: return torch_layout_value(false);
    case A_VERSION: return v_int(t->storage->version);
    default: return v_bool(false);   /* is_sparse, is_quantized, is_meta, retains_grad */
    }
}

/* t.data = other re-points t at other's view (same as PyTorch's set_data). */
static int tensor_setattr(Value v, Obj *name, Value val)
{
    const char *n = ((Str *)name)->data;
    if (torch_ag_setattr) {
        int rc = torch_ag_setattr(v, n, val);
        if (rc != -2) return rc;
    }
    if (!strcmp(n, "data") && !IS_UNBOUND(val)) {
        TsTensor *src = torch_unwrap(val);
        if (!src) {
            rt_raise(&exc_TypeError, "Variable data has to be a tensor, but got %s", v_typename(val));
            return -1;
        }
        TensorObj *o = (TensorObj *)v.o;
        ts_retain(src);
        ts_release(o->t);
        o->t = src;
        return 0;
    }
    for (int i = 0; data_attrs[i]; i++)
        if (!strcmp(data_attrs[i], n)) {
            rt_raise(&exc_AttributeError, "attribute '%s' of 'torch._C._TensorBase' objects is "
                     "not writable", n);
            return -1;
        }
    rt_raise(&exc_AttributeError, "'Tensor' object has no attribute '%s'", n);
    return -1;
}

static Value tensor_dir(Value v)
{
    (void)v;
    Value l = list_new(0);
    for (int i = 0; !IS_ERR(l) && data_attrs[i]; i++) {
        Value s = str_from_cstr(data_attrs[i]);
        if (IS_ERR(s) || list_append(l, s) < 0) {
            v_decref(s);
            v_decref(l);
            return V_ERR;
        }
        v_decref(s);
    }
    return l;
}

/* ---- numeric dunders: float(t), int(t), operator.index(t), abs(t) ---- */

static Value one_value(Value self, bool want_index)
{
    TsTensor *t = ((TensorObj *)self.o)->t;
    if (want_index && (ts_dtype_is_float(t->dtype) || ts_numel(t) != 1))
        return rt_raise(&exc_TypeError, "only integer tensors of a single element can be "
                        "converted to an index");
    TsScalar s;
    if (ts_item(t, &s) < 0) return torch_raise_ts();
    return torch_from_scalar(s);
}

static Value t_float(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    Value r = one_value(args[0], false);
    if (IS_INT(r)) return v_float((double)r.i);
    if (IS_BOOL(r)) return v_float(r.b);
    return r;
}

static Value t_int(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    Value r = one_value(args[0], false);
    if (IS_BOOL(r)) return v_int(r.b);
    if (IS_FLOAT(r)) {
        if (r.f != r.f) return rt_raise(&exc_ValueError, "cannot convert float NaN to integer");
        if (r.f >= 9.2233720368547758e18 || r.f < -9.2233720368547758e18)
            return rt_raise(&exc_OverflowError, "cannot convert float infinity to integer");
        return v_int((int64_t)r.f);
    }
    return r;
}

static Value t_index(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    Value r = one_value(args[0], true);
    return IS_BOOL(r) ? v_int(r.b) : r;
}

static Value t_bool(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    int b = tensor_truth(args[0]);
    return b < 0 ? V_ERR : v_bool(b);
}

static Value t_abs(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    return torch_wrap(ts_unary(TS_OP_ABS, ((TensorObj *)args[0].o)->t, NULL));
}

/* format(t, spec): a 0-d tensor formats its item; others need spec ''. */
static Value t_format(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    Value spec = nargs > 1 ? args[1] : V_UNBOUND;
    TsTensor *t = ((TensorObj *)args[0].o)->t;
    if (t->ndim == 0) {
        Value item = one_value(args[0], false);
        if (IS_ERR(item)) return item;
        Value r = fmt_format_value(item, IS_TYPE(spec, &str_type) ? str_cstr(spec) : "");
        v_decref(item);
        return r;
    }
    if (IS_TYPE(spec, &str_type) && ((Str *)spec.o)->len)
        return rt_raise(&exc_TypeError, "unsupported format string passed to Tensor.__format__");
    return tensor_repr(args[0]);
}

/* The operator dunders as methods (x.__add__(y), torch.Tensor.__mul__):
 * each forwards to the slot that implements the operator. */
static bool dunder_args(const char *name, int nargs, KwArgs *kw, int want)
{
    return args_nokw(name, kw) && args_count(name, nargs - 1, want, want);
}

#define BIN_DUNDER(fn, OPC, REFLECTED)                                        \
    static Value fn(Value *args, int nargs, KwArgs *kw)                      \
    {                                                                        \
        if (!dunder_args(#fn + 2, nargs, kw, 1)) return V_ERR;               \
        return REFLECTED ? tensor_binop(OPC, args[1], args[0])               \
                         : tensor_binop(OPC, args[0], args[1]);              \
    }
BIN_DUNDER(d___add__, OP_ADD, 0)
BIN_DUNDER(d___radd__, OP_ADD, 1)
BIN_DUNDER(d___sub__, OP_SUB, 0)
BIN_DUNDER(d___rsub__, OP_SUB, 1)
BIN_DUNDER(d___mul__, OP_MUL, 0)
BIN_DUNDER(d___rmul__, OP_MUL, 1)
BIN_DUNDER(d___truediv__, OP_TRUEDIV, 0)
BIN_DUNDER(d___rtruediv__, OP_TRUEDIV, 1)
BIN_DUNDER(d___floordiv__, OP_FLOORDIV, 0)
BIN_DUNDER(d___mod__, OP_MOD, 0)
BIN_DUNDER(d___pow__, OP_POW, 0)
BIN_DUNDER(d___rpow__, OP_POW, 1)
BIN_DUNDER(d___matmul__, OP_MATMUL, 0)
BIN_DUNDER(d___and__, OP_AND, 0)
BIN_DUNDER(d___or__, OP_OR, 0)
BIN_DUNDER(d___xor__, OP_XOR, 0)
BIN_DUNDER(d___lshift__, OP_LSHIFT, 0)
BIN_DUNDER(d___rshift__, OP_RSHIFT, 0)
BIN_DUNDER(d___rfloordiv__, OP_FLOORDIV, 1)
BIN_DUNDER(d___rmod__, OP_MOD, 1)
BIN_DUNDER(d___rmatmul__, OP_MATMUL, 1)
#undef BIN_DUNDER

#define INPLACE_DUNDER(fn, OPC)                                               \
    static Value fn(Value *args, int nargs, KwArgs *kw)                      \
    {                                                                        \
        if (!dunder_args(#fn + 2, nargs, kw, 1)) return V_ERR;               \
        return tensor_inplace(OPC, args[0], args[1]);                        \
    }
INPLACE_DUNDER(d___iadd__, OP_ADD)
INPLACE_DUNDER(d___isub__, OP_SUB)
INPLACE_DUNDER(d___imul__, OP_MUL)
INPLACE_DUNDER(d___itruediv__, OP_TRUEDIV)
INPLACE_DUNDER(d___ifloordiv__, OP_FLOORDIV)
INPLACE_DUNDER(d___imod__, OP_MOD)
INPLACE_DUNDER(d___ipow__, OP_POW)
INPLACE_DUNDER(d___iand__, OP_AND)
INPLACE_DUNDER(d___ior__, OP_OR)
INPLACE_DUNDER(d___ixor__, OP_XOR)
INPLACE_DUNDER(d___ilshift__, OP_LSHIFT)
INPLACE_DUNDER(d___irshift__, OP_RSHIFT)
#undef INPLACE_DUNDER

#define CMP_DUNDER(fn, CMPC)                                                  \
    static Value fn(Value *args, int nargs, KwArgs *kw)                      \
    {                                                                        \
        if (!dunder_args(#fn + 2, nargs, kw, 1)) return V_ERR;               \
        return tensor_compare(CMPC, args[0], args[1]);                       \
    }
CMP_DUNDER(d___eq__, CMP_EQ)
CMP_DUNDER(d___ne__, CMP_NE)
CMP_DUNDER(d___lt__, CMP_LT)
CMP_DUNDER(d___le__, CMP_LE)
CMP_DUNDER(d___gt__, CMP_GT)
CMP_DUNDER(d___ge__, CMP_GE)
#undef CMP_DUNDER

static Value d___neg__(Value *args, int nargs, KwArgs *kw)
{
    if (!dunder_args("__neg__", nargs, kw, 0)) return V_ERR;
    return tensor_unop(UOP_NEG, args[0]);
}

static Value d___invert__(Value *args, int nargs, KwArgs *kw)
{
    if (!dunder_args("__invert__", nargs, kw, 0)) return V_ERR;
    return tensor_unop(UOP_INVERT, args[0]);
}

static Value d___len__(Value *args, int nargs, KwArgs *kw)
{
    if (!dunder_args("__len__", nargs, kw, 0)) return V_ERR;
    int64_t n = tensor_len(args[0]);
    return n < 0 ? V_ERR : v_int(n);
}

static Value d___iter__(Value *args, int nargs, KwArgs *kw)
{
    if (!dunder_args("__iter__", nargs, kw, 0)) return V_ERR;
    return tensor_iter(args[0]);
}

static Value d___getitem__(Value *args, int nargs, KwArgs *kw)
{
    if (!dunder_args("__getitem__", nargs, kw, 1)) return V_ERR;
    return tensor_getitem(args[0], args[1]);
}

static Value d___setitem__(Value *args, int nargs, KwArgs *kw)
{
    if (!dunder_args("__setitem__", nargs, kw, 2)) return V_ERR;
    return tensor_setitem(args[0], args[1], args[2]) < 0 ? V_ERR : V_NONE;
}

static Value d___contains__(Value *args, int nargs, KwArgs *kw)
{
    if (!dunder_args("__contains__", nargs, kw, 1)) return V_ERR;
    int r = tensor_contains(args[0], args[1]);
    return r < 0 ? V_ERR : v_bool(r);
}

static Value d___repr__(Value *args, int nargs, KwArgs *kw)
{
    if (!dunder_args("__repr__", nargs, kw, 0)) return V_ERR;
    return tensor_repr(args[0]);
}

#define DUNDER_ROW(n, sig, doc) {#n, d_##n, #n sig "\n\n" doc, 0}
static const MethodDef op_dunders[] = {
    DUNDER_ROW(__add__, "(other)", "self + other."),
    DUNDER_ROW(__radd__, "(other)", "other + self."),
    DUNDER_ROW(__sub__, "(other)", "self - other."),
    DUNDER_ROW(__rsub__, "(other)", "other - self."),
    DUNDER_ROW(__mul__, "(other)", "self * other."),
    DUNDER_ROW(__rmul__, "(other)", "other * self."),
    DUNDER_ROW(__truediv__, "(other)", "self / other."),
    DUNDER_ROW(__rtruediv__, "(other)", "other / self."),
    DUNDER_ROW(__floordiv__, "(other)", "self // other."),
    DUNDER_ROW(__mod__, "(other)", "self % other."),
    DUNDER_ROW(__pow__, "(other)", "self ** other."),
    DUNDER_ROW(__rpow__, "(other)", "other ** self."),
    DUNDER_ROW(__matmul__, "(other)", "self @ other."),
    DUNDER_ROW(__and__, "(other)", "self & other."),
    DUNDER_ROW(__or__, "(other)", "self | other."),
    DUNDER_ROW(__xor__, "(other)", "self ^ other."),
    DUNDER_ROW(__lshift__, "(other)", "self << other."),
    DUNDER_ROW(__rshift__, "(other)", "self >> other."),
    DUNDER_ROW(__rfloordiv__, "(other)", "other // self."),
    DUNDER_ROW(__rmod__, "(other)", "other % self."),
    DUNDER_ROW(__rmatmul__, "(other)", "other @ self."),
    DUNDER_ROW(__iadd__, "(other)", "self += other, in place."),
    DUNDER_ROW(__isub__, "(other)", "self -= other, in place."),
    DUNDER_ROW(__imul__, "(other)", "self *= other, in place."),
    DUNDER_ROW(__itruediv__, "(other)", "self /= other, in place."),
    DUNDER_ROW(__ifloordiv__, "(other)", "self //= other, in place."),
    DUNDER_ROW(__imod__, "(other)", "self %= other, in place."),
    DUNDER_ROW(__ipow__, "(other)", "self **= other, in place."),
    DUNDER_ROW(__iand__, "(other)", "self &= other, in place."),
    DUNDER_ROW(__ior__, "(other)", "self |= other, in place."),
    DUNDER_ROW(__ixor__, "(other)", "self ^= other, in place."),
    DUNDER_ROW(__ilshift__, "(other)", "self <<= other, in place."),
    DUNDER_ROW(__irshift__, "(other)", "self >>= other, in place."),
    DUNDER_ROW(__eq__, "(other)", "self == other."),
    DUNDER_ROW(__ne__, "(other)", "self != other."),
    DUNDER_ROW(__lt__, "(other)", "self < other."),
    DUNDER_ROW(__le__, "(other)", "self <= other."),
    DUNDER_ROW(__gt__, "(other)", "self > other."),
    DUNDER_ROW(__ge__, "(other)", "self >= other."),
    DUNDER_ROW(__neg__, "()", "-self."),
    DUNDER_ROW(__invert__, "()", "~self."),
    DUNDER_ROW(__len__, "()", "len(self): the size of dim 0."),
    DUNDER_ROW(__iter__, "()", "iter(self): along dim 0."),
    DUNDER_ROW(__getitem__, "(key)", "self[key]."),
    DUNDER_ROW(__setitem__, "(key, value)", "self[key] = value."),
    DUNDER_ROW(__contains__, "(item)", "item in self."),
    DUNDER_ROW(__repr__, "()", "repr(self)."),
    {NULL, NULL, NULL, 0},
};
#undef DUNDER_ROW

static const MethodDef dunder_methods[] = {
    {"__float__", t_float, "__float__()\n\nfloat(self) of a one-element tensor.", 0},
    {"__int__", t_int, "__int__()\n\nint(self) of a one-element tensor.", 0},
    {"__index__", t_index, "__index__()\n\nThe int of a one-element integer tensor.", 0},
    {"__bool__", t_bool, "__bool__()\n\nbool(self) of a one-element tensor.", 0},
    {"__abs__", t_abs, "__abs__()\n\nabs(self).", 0},
    {"__format__", t_format, "__format__(format_spec)\n\nformat(self, format_spec).", 0},
    {NULL, NULL, NULL, 0},
};

void torch_obj_init(void)
{
    type_add_methods(&tensor_type, dunder_methods);
    type_add_methods(&tensor_type, op_dunders);
}

Type tensor_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "Tensor", .base = &object_type,
    .doc = "Tensor\n\nA multi-dimensional array of one dtype on one device.",
    .basicsize = sizeof(TensorObj), .dealloc = tensor_dealloc, .repr = tensor_repr,
    .hash = tensor_hash, .compare = tensor_compare, .truth = tensor_truth,
    .len = tensor_len, .binop = tensor_binop, .inplace = tensor_inplace, .unop = tensor_unop,
    .iter = tensor_iter, .getitem = tensor_getitem, .setitem = tensor_setitem,
    .contains = tensor_contains, .getattr = tensor_getattr, .setattr = tensor_setattr,
    .dir = tensor_dir,
};
