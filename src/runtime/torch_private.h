/* torch_private.h — what BIND-A's torch_*.c files share beyond the public
 * contract of torch_obj.h (start-up functions, the signature parser). */
#ifndef RT_TORCH_PRIVATE_H
#define RT_TORCH_PRIVATE_H

#include "torch_obj.h"

/* torch_types.c: Size and return_types slots (idempotent). */
void torch_types_init(void);
/* torch_obj.c: the Tensor type's dunder methods (idempotent via dict). */
void torch_obj_init(void);

/* ---- torch_sig.c: a parsed signature ---- */
typedef struct TorchParam {
    char name[24];
    TorchParamKind kind;
    const char *text;   /* PyTorch's spelling of the type in messages */
    bool optional;      /* "?" after the type: None accepted */
    bool has_default;
    bool kwonly;        /* after "*" */
    bool varargs;       /* int[] written "*size": takes the rest */
    bool one_int;       /* int[N] (N given): a lone int stands for a list */
    char dflt[24];      /* the default's text ("1", "False", "None") */
    /* the default converted once at parse time (see apply_default) */
    bool dnone;
    int64_t di;
    double df;
    TsScalar ds;
    int dn;
    int64_t dlist[4];
} TorchParam;

typedef struct TorchSig {
    char name[32];
    int n;
    TorchParam p[TORCH_MAX_PARAMS];
    char text[200];     /* the overload's text, for error messages */
    int out_index;      /* the `out` parameter, or -1 */
    /* a factory's keywords (torch_create.c), or -1: the first of the
     * `TensorOptions` (dtype; layout, device, pin_memory, requires_grad
     * follow), generator, names */
    int opts_index, gen_index, names_index;
    /* PyTorch's argument counts (self included): positional parameters
     * (-1: varargs take the rest), required ones; and whether a keyword-
     * only parameter is required (rand's generator, zeros' names) */
    int max_pos, min_args;
    bool req_kwonly;
} TorchSig;

#define TORCH_MAX_OVERLOADS 4
typedef struct TorchSigSet { int n; TorchSig s[TORCH_MAX_OVERLOADS]; } TorchSigSet;

/* torch_dispatch.c: the matched overload of a call. */
const TorchSig *torch_call_sig(const TorchCall *c);

/* Parses "add(Tensor input, Tensor other, *, Scalar alpha=1) -> Tensor |
 * ..." into sigs; false (with RuntimeError raised) when a row is malformed. */
bool torch_sig_parse(const char *text, TorchSigSet *out);
/* Binds a call's arguments against the overloads in order; fills c (and
 * c->overload).  self (a Tensor) binds the first parameter for methods.
 * False with PyTorch's TypeError raised when no overload fits. */
bool torch_sig_bind(const TorchSigSet *set, const char *fname, Value self, Value *args,
                    int nargs, KwArgs *kw, TorchCall *c, bool is_method);
/* Releases what binding allocated (tensor lists). */
void torch_call_free(TorchCall *c);

/* ---- small helpers for the impl files ---- */
/* torch_wrap for an impl's result or the pending ts error. */
static inline Value torch_ret(TsTensor *t) { return torch_wrap(t); }
/* A 0-dim result as a Python scalar (for int/float/bool returns). */
Value torch_item_value(TsTensor *t);

/* A bound Tensor-or-Scalar argument as a library operand. */
static inline TsArg torch_targ(const TorchArg *a)
{
    return a->is_tensor ? ts_arg(a->t) : ts_arg_s(a->s);
}
/* True when an optional argument was passed and is not None. */
static inline bool torch_has(const TorchArg *a) { return a->given && !a->none; }
/* Runs an op's impl with an already bound call plus the autograd hook
 * (the operator slots of torch_obj.c use it to skip argument binding). */
Value torch_dispatch_direct(TorchCall *c);

/* ---- the autograd layer's entry points the binding calls directly ----
 * (the op results themselves go through torch_autograd_record).  The
 * callers test torch_grad_enabled and that some argument has autograd
 * state first, so that plain tensors never reach them. */
/* Around an in-place call's impl and recording (torch_deriv_inplace.c):
 * begin makes PyTorch's leaf checks before the write and, when the row's
 * derivative reads the old value, keeps a copy of the target for the
 * recorder; it returns -1 (raised), 0, or 1: call tag_inplace_end after
 * the recorder ran. */
int tag_inplace_begin(TorchCall *c);
void tag_inplace_end(void);
/* r = self[key] just computed: records its node when self requires grad
 * (takes r; torch_deriv_index.c). */
Value tag_getitem_record(Value self, Value key, Value r);
/* self[key] = val, written and recorded (CopySlices; torch_deriv_index.c). */
int tag_setitem(Value self, Value key, Value val);

/* Result helpers (torch_ops_shape.c):
 * torch_view_result: a view op's result; in place (squeeze_) it re-points
 *   c->self at the new view.  nt NULL: raises the ts error.
 * torch_copy_back: r computed out of place; for in-place / out= forms it is
 *   copied into the target, which is returned.
 * torch_tuple_of: a tuple of n tensors (takes the references and frees the
 *   malloc'ed array). */
Value torch_view_result(TorchCall *c, TsTensor *nt);
Value torch_copy_back(TorchCall *c, TsTensor *r);
Value torch_tuple_of(TsTensor **ts, int n);

/* The storage and dtype of a Tensor.storage() object (borrowed); false
 * when v is not one (torch_ops_tensor.c). */
bool torch_storage_of(Value v, TsStorage **s, TsDType *dt);
/* torch.strided / torch.sparse_coo and their type torch.layout
 * (torch_types.c). */
extern Type layout_type;
Value torch_layout_value(bool sparse);

/* Impl declarations: one per row of torch_ops.def. */
#define OP(name, sig, doc, flags, impl, deriv) Value impl(TorchCall *c);
#include "torch_ops.def"
#undef OP

#endif
