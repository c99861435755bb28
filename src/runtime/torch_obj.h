/* torch_obj.h — the torch binding's shared contract (prefix torch_).
 *
 * The binding glues the tensor library (src/tensor, which knows no Values)
 * to the interpreter: Tensor values, dtype/device/Size objects, the
 * conversions between Values and the library's types, and THE OP TABLE
 * (torch_ops.def): one row per tensor operation from which torch.X,
 * Tensor.X, Tensor.X_, out=, help() and tab completion are all derived.
 *
 * Files: torch_obj.c (Tensor type and its slots), torch_types.c (dtype,
 * device, Size, return_types), torch_conv.c (Value <-> library types),
 * torch_sig.c (signature parsing and argument binding), torch_dispatch.c
 * (builds the cfuncs from the rows), torch_ops_*.c (impl_ adapters),
 * mod_torch.c (the module); BIND-B's torch_create.c, torch_index.c,
 * torch_random.c, torch_print.c, torch_save.c plug in through the hooks
 * at the end of this header.
 *
 * Ownership follows value.h: returned Values are new references, arguments
 * are borrowed.  A TsTensor* returned by torch_unwrap is borrowed.
 */
#ifndef RT_TORCH_OBJ_H
#define RT_TORCH_OBJ_H

#include "value.h"
#include "tensor/tensor.h"

/* ------------------------------------------------------------------ */
/* Tensor values                                                        */
/* ------------------------------------------------------------------ */

struct AgMeta; /* autograd metadata: defined by src/autograd (next wave) */

typedef struct TensorObj {
    Obj hdr;
    TsTensor *t;        /* owned reference */
    struct AgMeta *ag;  /* NULL until the autograd layer sets it */
} TensorObj;

extern Type tensor_type;

/* Wraps t in a new Tensor value, TAKING the caller's reference to t.
 * t == NULL means "the library failed": raises it (torch_raise_ts). */
Value torch_wrap(TsTensor *t);
/* The tensor inside v (borrowed), or NULL when v is not a Tensor. */
TsTensor *torch_unwrap(Value v);
/* The exact type first: the subtype walk showed in per-op profiles. */
static inline bool torch_is_tensor(Value v)
{
    return IS_OBJ(v) && (v.o->type == &tensor_type || v_isinstance(v, &tensor_type));
}

/* Raises the tensor library's pending error (ts_error_kind/ts_error_msg)
 * as the matching Python exception: RuntimeError, IndexError, TypeError,
 * ValueError, NotImplementedError, KeyboardInterrupt.  Returns V_ERR. */
Value torch_raise_ts(void);

/* ------------------------------------------------------------------ */
/* conversions (torch_conv.c)                                           */
/* ------------------------------------------------------------------ */

/* A Python bool/int/float as a TsScalar; false (no exception) otherwise. */
bool torch_is_scalar(Value v);
bool torch_to_scalar(Value v, TsScalar *out);
/* The Python number of a scalar (bool, int or float). */
Value torch_from_scalar(TsScalar s);
/* A tensor argument or a Python number as a library operand; false with
 * TypeError "NAME(): argument 'ARG' must be Tensor, not str" otherwise. */
bool torch_to_arg(Value v, TsArg *out, const char *fname, const char *argname);

/* dtype objects: torch.float32 ... (one immortal object per dtype). */
typedef struct DTypeObj { Obj hdr; TsDType dt; } DTypeObj;
extern Type dtype_type;
Value torch_dtype_value(TsDType dt);      /* new ref (of an immortal) */
/* A dtype object, or the Python types bool/int/float (as PyTorch accepts
 * them); None gives TS_UNDEF.  False with TypeError otherwise. */
bool torch_to_dtype(Value v, TsDType *out);

/* device objects: torch.device('cuda:0'); a device may name a GPU this
 * build lacks (torch.device('cuda') is constructible anywhere). */
typedef struct DeviceObj { Obj hdr; char type[8]; int index; /* -1: none */ } DeviceObj;
extern Type device_type;
Value torch_device_value(const char *type, int index);
/* The device of a library device id (device(type='cpu')). */
Value torch_device_of(int device_id);
/* A device object, a string 'cpu' / 'cuda' / 'cuda:1', or an int (a CUDA
 * ordinal) to a library device id; None -> TS_CPU.  Raises PyTorch's error
 * for an unknown type or a device this build / machine does not have. */
bool torch_to_device(Value v, int *out);

/* torch.Size: a tuple subtype (isinstance(s, tuple) holds) whose items
 * are ints; repr "torch.Size([2, 3])". */
extern Type size_type;
Value torch_size_new(int n, const int64_t *sizes);
/* Sizes given as varargs ints (x.view(2, 3)) or as one sequence
 * (x.view((2, 3)), torch.Size, list): at most TS_MAX_DIMS.  False with
 * TypeError otherwise. */
bool torch_to_sizes(Value *args, int nargs, int64_t *out, int *n, const char *fname);
/* One int or a tuple/list of ints (dim=0, dim=(0, 1)). */
bool torch_to_dims(Value v, int64_t *out, int *n, const char *fname);

/* Named tuples of torch.return_types (max, min, sort, topk, median, mode,
 * kthvalue, cummax, cummin, svd, slogdet, qr ...).  name is the short name
 * ("max"); the struct's fields come from a built-in table.  Takes the
 * references in items.  repr:
 *   torch.return_types.max(\nvalues=tensor(...),\nindices=tensor(...)) */
Value torch_return_tuple(const char *name, int n, Value *items);
/* Same, for two tensors (stealing both; either NULL: raises the ts error). */
Value torch_return_pair(const char *name, TsTensor *a, TsTensor *b);

/* ------------------------------------------------------------------ */
/* THE OP TABLE (torch_ops.def, torch_sig.c, torch_dispatch.c)          */
/* ------------------------------------------------------------------ */

/* Row flags: which forms the dispatcher builds from a row. */
enum {
    F_FUNC = 1,     /* torch.X */
    F_METHOD = 2,   /* Tensor.X (self binds to the first parameter) */
    F_INPLACE = 4,  /* Tensor.X_ (impl called with c->inplace) */
    F_OUT = 8,      /* accepts out= (c->out) */
    F_LINALG = 16,  /* also torch.linalg.X */
    F_PROP = 32,    /* Tensor.X is a property (T, mT, ...) */
    F_FACTORY = 64, /* makes a fresh tensor (zeros, rand, *_like, new_*): no node recorded */
};

/* Parameter kinds of a signature string (PyTorch's spellings). */
typedef enum {
    PK_TENSOR,    /* Tensor */
    PK_SCALAR,    /* Scalar / Number: a Python number (or a 0-dim tensor) */
    PK_TS,        /* Tensor or Scalar (other in add/mul/...: either) */
    PK_INT,       /* int (SymInt) */
    PK_INTLIST,   /* int[] / SymInt[] / *size: varargs ints or a sequence */
    PK_DIM,       /* int or a tuple/list of ints (int[1]?, dim) */
    PK_BOOL,
    PK_FLOAT,
    PK_DTYPE,     /* ScalarType */
    PK_DEVICE,
    PK_GENERATOR,
    PK_TENSORLIST, /* Tensor[] / tuple of Tensors */
    PK_STR,
    PK_ANY,       /* layout, memory_format, ...: accepted and ignored */
} TorchParamKind;

/* One argument after binding: the converted form that matches the kind,
 * plus the original Value (borrowed).  `given` is false when the caller
 * did not pass it (the default was used); `none` when it is None. */
typedef struct TorchArg {
    Value v;
    bool given, none;
    bool is_tensor;      /* PK_TS / PK_SCALAR: which of t / s is set */
    TsTensor *t;         /* PK_TENSOR, PK_TS (borrowed) */
    TsScalar s;          /* PK_SCALAR, PK_TS */
    int64_t i;           /* PK_INT, PK_BOOL, PK_DTYPE (the TsDType), PK_DEVICE (id) */
    double f;            /* PK_FLOAT */
    int n;               /* PK_INTLIST / PK_DIM / PK_TENSORLIST: count */
    int64_t list[TS_MAX_DIMS]; /* PK_INTLIST / PK_DIM items */
    TsTensor **tl;       /* PK_TENSORLIST: array (owned by the call) */
    const char *str;     /* PK_STR */
} TorchArg;

#define TORCH_MAX_PARAMS 12
struct TorchOpDef;

/* A call being dispatched: the impl reads its arguments from a[], in the
 * order of the matched overload's parameters. */
typedef struct TorchCall {
    const struct TorchOpDef *op;
    int overload;        /* which "|"-separated signature matched */
    TorchArg a[TORCH_MAX_PARAMS];
    int n;
    bool inplace;        /* Tensor.X_: write into a[0].t and return it */
    TsTensor *out;       /* out= tensor (borrowed) or NULL */
    Value out_v;         /* the out= Tensor value (borrowed) or UNBOUND */
    Value self;          /* the Tensor value for methods (else UNBOUND) */
} TorchCall;

/* An impl computes the op and returns its Value (new reference).  For
 * in-place and out= calls it writes into the target tensor (ts kernels
 * take `out`; torch_call_target gives it) and the dispatcher returns the
 * target Value itself, so `t.add_(1) is t` holds. */
typedef Value (*TorchImpl)(TorchCall *c);

/* The derivative column: the row's node name, saved tensors and backward
 * function (struct TorchDeriv of torch_autograd.h); NULL: none. */
typedef const struct TorchDeriv *TorchDerivative;

typedef struct TorchOpDef {
    const char *name;
    const char *sig;     /* PyTorch's signatures, "|"-separated overloads */
    const char *doc;     /* one line */
    int flags;
    TorchImpl impl;
    TorchDerivative deriv;
} TorchOpDef;

/* Every row of torch_ops.def, in order, and their number. */
extern const TorchOpDef torch_op_table[];
extern const int torch_op_count;
/* The row called name, or NULL. */
const TorchOpDef *torch_op_find(const char *name);

/* Where an element-wise impl writes: c->a[0].t when in place, c->out for
 * out=, else NULL (a new tensor). */
static inline TsTensor *torch_call_target(TorchCall *c)
{
    return c->inplace ? c->a[0].t : c->out;
}

/* Builds torch.X / Tensor.X / Tensor.X_ / torch.linalg.X from the rows.
 * Called once by mod_torch_init; linalg may be UNBOUND. */
bool torch_dispatch_init(Value torch, Value linalg);
/* Calls the row `name` as torch.name(*args, **kw) (for code that wants an
 * op by name: the operator slots, BIND-B's files). */
Value torch_call_op(const char *name, Value *args, int nargs, KwArgs *kw);

/* THE AUTOGRAD HOOK.  After an op computed its result, the dispatcher
 * calls this pointer when it is non-NULL, grad mode is on and some tensor
 * input has ag != NULL with requires_grad; it may attach a graph node to
 * the result (a new reference it returns instead of `result`, which it
 * then owns) or return V_ERR.  NULL in this wave: the autograd layer sets
 * it at start-up. */
typedef Value (*TorchAutogradRecord)(const TorchOpDef *op, TorchCall *c, Value result);
extern TorchAutogradRecord torch_autograd_record;
/* Grad mode (torch.no_grad()/enable_grad()); true by default. */
extern bool torch_grad_enabled;
/* True if any tensor input of c carries autograd metadata (autograd's
 * `requires_grad` test is the recorder's business). */
bool torch_call_has_ag(const TorchCall *c);

/* Frees a tensor value's autograd metadata when the value dies (set by
 * the autograd layer; NULL: ag is always NULL). */
extern void (*torch_ag_release)(struct AgMeta *ag);
/* Attribute hooks of the autograd layer for requires_grad, grad, grad_fn,
 * is_leaf ... on a Tensor value: return V_UNBOUND for "not mine" (NULL:
 * the defaults of a tensor without autograd state are used). */
extern Value (*torch_ag_getattr)(Value t, const char *name);
extern int (*torch_ag_setattr)(Value t, const char *name, Value val); /* -2: not mine */

/* Suffix hook of repr: the autograd layer sets it to report grad_fn /
 * requires_grad for a tensor value (fills ex); NULL: none. */
struct TsFormatExtras;
extern void (*torch_repr_extras)(Value t, struct TsFormatExtras *ex);

/* ------------------------------------------------------------------ */
/* HOOKS defined by BIND-B's files (declared weak where called, so a     */
/* build without them still links; absent: the feature raises).          */
/* ------------------------------------------------------------------ */

/* Each adds its functions to the torch module (and, where it has them,
 * its methods to tensor_type with type_add_methods); false on error. */
bool torch_create_init(Value torch);  /* torch_create.c */
bool torch_random_init(Value torch);  /* torch_random.c */
bool torch_print_init(Value torch);   /* torch_print.c */
bool torch_save_init(Value torch);    /* torch_save.c */
/* Tensor subscripting (torch_index.c): t[key], t[key] = val (val UNBOUND:
 * del, which PyTorch refuses). */
Value torch_index_get(Value self, Value key);
int torch_index_set(Value self, Value key, Value val);
/* repr/str of a Tensor value (torch_print.c); -> Str. */
Value torch_tensor_repr(Value t);
/* Converts nested lists/tuples/numbers/ndarrays to a tensor (torch.tensor
 * semantics, torch_create.c): dtype TS_UNDEF infers.  NULL with a PYTHON
 * exception raised (not a ts error) on failure. */
TsTensor *torch_tensor_from_data(Value data, TsDType dtype, int device);
/* Tensor.tolist() (torch_create.c). */
Value torch_tolist(TsTensor *t);

#endif
