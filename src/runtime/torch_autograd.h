/* torch_autograd.h — the runtime side of autograd (private to the
 * torch_autograd*.c, torch_grad_fn.c, torch_function.c and torch_deriv_*.c
 * files): Tensor values <-> the autograd layer's AgVar, the recorder that
 * attaches grad_fn nodes to results, and the small language in which the
 * derivative of each op is written.
 *
 * HOW A DERIVATIVE IS WRITTEN
 * The last column of each row of torch_ops.def is its derivative (a
 * TorchDeriv): D("ExpBackward0", DS_RESULT, tag_bw_exp) gives the node's
 * name, which tensors backward reads (saved, version-checked) and the
 * backward function; DN(tag_name_sub, 0, tag_bw_sub) takes the name from
 * a function of the call (by overload or argument kind); NONDIFF: none
 * (a float result would get a node whose backward raises).  The functions
 * live in torch_deriv_*.c (nn_ops.c for the losses) and are declared
 * below from the table itself.
 *
 * Nodes that are not op rows make their AgNode themselves: subscripts
 * (x[key], x[key] = v: torch_deriv_index.c), in-place writes through a
 * view (CopySlices: torch_deriv_view.c) and torch.autograd.Function
 * subclasses (torch_function.c), which is also how the TensorScript
 * library (lib/torch_nn_functional.tsc) gives a composed function one
 * node with PyTorch's name (_tsc_node_name = 'GeluBackward0').
 *
 * A backward function computes with Tensor values through the op table
 * itself (dx_mul, dx_call ...), so that with create_graph=True the
 * derivative is recorded and can be differentiated again.  Values made
 * by the dx_ helpers are owned by the DCtx (freed when backward returns)
 * and an error propagates: a helper given V_ERR returns V_ERR, and dx_set
 * remembers the failure.  dx_set reduces a gradient over
 * broadcast dimensions and converts it to the input's dtype, so no
 * derivative does that itself.
 */
#ifndef RT_TORCH_AUTOGRAD_H
#define RT_TORCH_AUTOGRAD_H

#include "autograd/autograd.h"
#include "torch_private.h"

/* ---- Values and AgVars ---- */

/* The AgVar of a Tensor value (borrowed halves). */
static inline AgVar tag_var(Value v)
{
    TensorObj *o = (TensorObj *)v.o;
    return (AgVar){o->t, o->ag};
}
/* The Tensor value of v (new reference): the meta's own value when it is
 * alive, else a new value that becomes its owner. */
Value tag_wrap(AgVar v);
/* v's meta, created when create is true and it has none (NULL: error). */
AgMeta *tag_meta(Value v, bool create);
/* Raises the pending autograd/tensor error unless a Python one is. */
Value tag_raise(void);
/* Grad mode for both the dispatcher and the autograd layer. */
void tag_set_grad_enabled(bool on);
bool tag_requires_grad(Value v);
/* Records that m (the meta of t) is a view of input when they share a
 * storage (for the "view of a leaf" in-place error). */
void tag_mark_view(AgMeta *m, const TsTensor *t, Value input);
/* After an in-place write into view t (meta m, its new grad_fn just set):
 * moves the write into the base's history (CopySlices) and makes the
 * view's grad_fn read from it (torch_deriv_view.c).  0 or -1. */
int tag_rebase_view(AgMeta *m, const TsTensor *t);

/* ---- derivatives ---- */

enum {
    DS_IN0 = 1, DS_IN1 = 2, DS_IN2 = 4, DS_IN3 = 8, /* tensor args read by backward */
    DS_RESULT = 64,                                  /* the (first) result */
};

typedef struct DCtx DCtx;
typedef struct TorchDeriv {
    const char *name;                        /* node name ("MulBackward0") */
    const char *(*namefn)(const TorchCall *c); /* or a name by overload */
    int save;
    int (*backward)(DCtx *d);
} TorchDeriv;

/* What a node keeps of its call: the bound arguments with tensors
 * replaced by their shape (and a saved slot when backward reads them). */
typedef struct ArgInfo {
    bool tensor;       /* a tensor argument (with or without an edge) */
    int edge;          /* first edge index of this tensor (list) arg, -1: none
                        * (also for integer and bool tensors: indices, masks
                        * and conditions are not differentiable inputs) */
    int slot;          /* saved slot, -1: not saved */
    int ndim;
    int64_t sizes[TS_MAX_DIMS];
    TsDType dtype;
    int n_list;        /* tensor lists: their count; shapes in list */
    struct ArgInfo *list;
} ArgInfo;

typedef struct OpCtx {
    const TorchDeriv *d;
    const TorchOpDef *op;
    int overload;
    bool inplace;
    int result_slot;
    int n_results;
    int n;
    TorchArg *a;      /* n of them: non-tensor Values held (v); tensors: t NULL */
    ArgInfo *ai;      /* n of them; both arrays live in the same block */
} OpCtx;

#define DX_TMP 64
struct DCtx {
    AgNode *node;
    OpCtx *oc;
    AgVar *grads;            /* per output (borrowed) */
    Value *gin;              /* per edge: gradient Values (owned) */
    bool err;
    int ntmp, cap;
    Value *tmp;              /* the temporaries: small[] until it overflows */
    Value small[DX_TMP];
};
/* Releases the temporaries of d. */
void dx_free_tmps(DCtx *d);

/* The functions the derivative column names (torch_deriv_*.c, nn_ops.c),
 * declared from the rows themselves; an alias repeats its row's
 * declaration, which C allows. */
#define D(name, save, fn) int fn(DCtx *d);
#define DN(namefn, save, fn) const char *namefn(const TorchCall *c); int fn(DCtx *d);
#define NONDIFF
#define OP(name, sig, doc, flags, impl, deriv) deriv
#include "torch_ops.def"
#undef OP
#undef NONDIFF
#undef DN
#undef D

/* ---- the derivative language (torch_deriv_util.c) ---- */
Value dx_keep(DCtx *d, Value v);            /* hands v to d; returns it */
Value dx_grad(DCtx *d, int out);            /* gradient of output out (zeros when none) */
Value dx_in(DCtx *d, int k);                /* saved tensor arg k */
Value dx_result(DCtx *d);                   /* the saved first result */
Value dx_result_at(DCtx *d, int j);         /* saved result j (max: 1 = indices) */
Value dx_arg(DCtx *d, int k);               /* arg k: saved tensor, or its Python value */
bool dx_need(DCtx *d, int k);               /* does tensor arg k want a gradient */
bool dx_need_list(DCtx *d, int k, int j);
void dx_set(DCtx *d, int k, Value g);       /* gradient of tensor arg k */
void dx_set_list(DCtx *d, int k, int j, Value g);
const TorchArg *dx_a(DCtx *d, int k);       /* the bound argument k */
const ArgInfo *dx_info(DCtx *d, int k);
double dx_f(DCtx *d, int k);                /* a scalar arg as double */
Value dx_call(DCtx *d, const char *op, int n, Value *args);
Value dx_call_kw(DCtx *d, const char *op, int n, Value *args, const char *k1, Value v1);
Value dx_add(DCtx *d, Value a, Value b);
Value dx_sub(DCtx *d, Value a, Value b);
Value dx_mul(DCtx *d, Value a, Value b);
Value dx_div(DCtx *d, Value a, Value b);
/* f * t recorded even when f is 1 (dx_mul skips a 1, like PyTorch's
 * maybe_multiply; a formula's plain `2.0 / dof * grad` does not) */
Value dx_scale(DCtx *d, double f, Value t);
Value dx_neg(DCtx *d, Value a);
Value dx_un(DCtx *d, const char *op, Value a);    /* unary op by name */
Value dx_num(DCtx *d, double f);                  /* a Python float */
Value dx_int(DCtx *d, int64_t i);
Value dx_shape(DCtx *d, int ndim, const int64_t *sizes); /* a tuple */
Value dx_zeros(DCtx *d, int ndim, const int64_t *sizes, TsDType dt);
Value dx_zeros_like_arg(DCtx *d, int k);
/* g reduced (summed) to the shape (ndim, sizes). */
Value dx_sum_to(DCtx *d, Value g, int ndim, const int64_t *sizes);
int dx_status(DCtx *d);                     /* 0, or -1 when something failed */
/* Is a dx_ helper calling a row with a number operand (the Scalar
 * overload of PyTorch's C++ formulas: MulBackward1)? For name functions. */
bool tag_scalar_overload(void);

/* ---- pieces shared between the files ---- */
/* Gradients of an element-wise max/min of inputs 0 and 1 (win: "gt" or
 * "lt"): g to the winner, halved on ties (torch_deriv_pointwise.c). */
int tag_bw_winner(DCtx *d, const char *win);
int tag_op_apply(AgNode *n, AgVar *grads, AgVar *out, void *ctx);
bool torch_grad_fn_init(Value autograd);    /* torch_grad_fn.c */
Value torch_grad_fn_value(AgNode *n);       /* the grad_fn object of n (new ref) */
bool torch_function_init(Value autograd);   /* torch_function.c */
bool torch_backward_init(Value torch, Value autograd); /* torch_backward.c */
bool torch_grad_mode_init(Value torch);     /* torch_grad_mode.c */
/* The copy of target taken before an in-place op that reads its old
 * value (borrowed), or NULL. */
TsTensor *tag_inplace_original(const TsTensor *target);
/* Its autograd meta when the copy is a recorded clone (else NULL). */
AgMeta *tag_inplace_original_meta(const TsTensor *target);
bool torch_gradcheck_init(Value autograd);  /* torch_gradcheck.c */
/* The UserWarning of reading .grad of a non-leaf (torch_autograd_warn.c). */
void tag_warn_nonleaf_grad(void);
/* Hook callbacks calling a Python callable (torch_backward.c). */
int64_t tag_add_py_hook(AgMeta *m, Value fn);

#endif
