/* autograd.h — the reverse-mode autograd graph and engine (prefix ag_).
 *
 * Knows TsTensor, never an interpreter Value: the runtime (torch_autograd.c)
 * supplies the derivative code as callbacks, so this layer is only the
 * graph's bookkeeping, as PyTorch's autograd engine is to its generated
 * derivatives.
 *
 * THE MODEL
 *   AgVar   a tensor as autograd sees it: its data (TsTensor) and its
 *           metadata (AgMeta, NULL for a tensor that never joined a graph).
 *   AgMeta  per-tensor state: requires_grad, .grad, grad_fn and output_nr,
 *           retains_grad, tensor hooks.  Reference counted; a Tensor value
 *           owns one reference.  A meta with grad_fn == NULL is a leaf.
 *   AgNode  a grad_fn ("MulBackward0", "AccumulateGrad", ...): edges to
 *           the nodes of its inputs (next_functions), saved tensors with
 *           the version they had when saved, and an apply callback.
 *
 * OWNERSHIP AND CYCLES
 *   meta -> grad_fn (strong), node -> next nodes (strong), AccumulateGrad
 *   -> its leaf's meta (strong), leaf meta -> its AccumulateGrad (WEAK,
 *   cleared when the node dies).  A node never owns the meta of its own
 *   outputs: saved outputs are kept as data only (TsTensor) and given a
 *   fresh meta when unpacked; node->out_meta[] are weak back pointers the
 *   metas clear when they die.  So dropping the last Tensor value of a
 *   result frees its whole private graph at once.
 *
 * ERRORS
 *   Functions that can fail return -1 (or NULL) after ts_error() — or after
 *   a callback raised its own (interpreter) error; the runtime tells the
 *   two apart by whether its own exception is pending.
 */
#ifndef AG_AUTOGRAD_H
#define AG_AUTOGRAD_H

#include <stdbool.h>
#include <stdint.h>

#include "tensor/tensor.h"

typedef struct AgMeta AgMeta;
typedef struct AgNode AgNode;

/* A tensor with its (optional) autograd metadata.  t == NULL is an
 * "undefined" gradient (None). */
typedef struct AgVar {
    TsTensor *t;
    AgMeta *m;
} AgVar;

/* Retains / releases both halves (NULL halves are fine). */
void ag_var_retain(AgVar v);
void ag_var_release(AgVar v);
static inline AgVar ag_var_none(void) { return (AgVar){NULL, NULL}; }

/* ---- grad mode (thread-local) ---- */
bool ag_grad_enabled(void);
void ag_set_grad_enabled(bool on);

/* ---- hooks ----
 * A tensor hook sees the gradient flowing into its tensor; it may return a
 * replacement in *out (a new reference; leave it {NULL} to keep grad).
 * Returns 0, or -1 on error.  release frees ctx when the hook goes. */
typedef int (*AgHookFn)(void *ctx, AgVar grad, AgVar *out);
typedef struct AgHook {
    struct AgHook *next;
    int64_t id;
    AgHookFn fn;
    void *ctx;
    void (*release)(void *ctx);
} AgHook;

/* ---- metadata ---- */
struct AgMeta {
    int64_t rc;
    bool requires_grad;   /* leaves: the user's flag; non-leaves: true */
    bool retains_grad;    /* non-leaf .grad kept (retain_grad()) */
    AgVar grad;           /* .grad ({NULL} = None) */
    AgNode *grad_fn;      /* strong; NULL for leaves */
    int output_nr;        /* which output of grad_fn this tensor is */
    AgNode *acc;          /* leaf: its AccumulateGrad node (weak) */
    AgHook *hooks;
    AgMeta *base;         /* a view's base (strong; the base never points back) */
    struct AgGeom *base_geom; /* the base's layout when it was viewed (owned) */
    void *owner;          /* runtime's weak back pointer (its Tensor value) */
};

/* A tensor's layout, kept for a view's base: shape, strides, offset. */
typedef struct AgGeom {
    int ndim;
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    int64_t offset;
    TsDType dtype;
    int device;
} AgGeom;

AgMeta *ag_meta_new(void);            /* NULL after ts_error */
static inline void ag_meta_retain(AgMeta *m) { if (m) m->rc++; }
void ag_meta_release(AgMeta *m);      /* NULL allowed */
static inline bool ag_is_leaf(const AgMeta *m) { return !m || !m->grad_fn; }
static inline bool ag_requires_grad(const AgMeta *m) { return m && (m->requires_grad || m->grad_fn); }
/* Replaces m's .grad (takes the reference in g). */
void ag_meta_set_grad(AgMeta *m, AgVar g);
/* Adds a hook; returns its id (> 0), or -1 after ts_error. */
int64_t ag_hook_add(AgMeta *m, AgHookFn fn, void *ctx, void (*release)(void *));
/* Removes hook id from m (no-op when absent). */
void ag_hook_remove(AgMeta *m, int64_t id);

/* ---- nodes ----
 * apply computes the gradients of the node's inputs (one per edge, in
 * edge order, NEW references, {NULL} for "no gradient") from the
 * gradients of its outputs (grads[i] borrowed, {NULL} when no gradient
 * reached output i).  Returns 0 or -1. */
typedef int (*AgApplyFn)(AgNode *n, AgVar *grads, AgVar *out, void *ctx);

typedef struct AgEdge {
    AgNode *fn;   /* strong; NULL: that input needs no gradient */
    int nr;       /* the input_nr on fn (the tensor's output_nr) */
} AgEdge;

/* A tensor saved for backward: its data and version at save time.  Saved
 * inputs keep their meta (no cycle); saved outputs keep data only. */
typedef struct AgSaved {
    TsTensor *t;
    AgMeta *m;          /* inputs only; NULL for outputs */
    int64_t version;
    bool is_output;
    int output_nr;      /* outputs: which one */
    const char *src_name; /* inputs: name of the input's grad_fn or NULL */
    int src_nr;
} AgSaved;

/* The shape/dtype of one output, to validate and zero-fill gradients. */
typedef struct AgOutInfo {
    int ndim;
    int64_t sizes[TS_MAX_DIMS];
    TsDType dtype;
    int device;
} AgOutInfo;

struct AgNode {
    int64_t rc;
    char *name;           /* "MulBackward0" (owned) */
    uint64_t seq;         /* creation order: later nodes run first */
    int n_next;
    AgEdge *next;
    int n_out;
    AgOutInfo *outs;
    AgMeta **out_meta;    /* weak back pointers, per output */
    int n_saved;
    AgSaved *saved;
    bool released;        /* saved tensors freed by backward */
    bool had_saved;       /* saved something (so a 2nd backward fails) */
    AgMeta *variable;     /* AccumulateGrad: its leaf (strong) */
    AgApplyFn apply;
    void *ctx;
    void (*ctx_free)(void *ctx);       /* frees ctx with the node */
    void (*ctx_release)(void *ctx);    /* drops ctx's saved data (backward) */
    void *pyobj;          /* runtime's weak back pointer (its grad_fn value) */
    /* engine scratch */
    uint64_t task;
    int deps;
    bool needed;
    AgVar *buf;
};

/* A new node named name with n_next edges (all empty) and n_out outputs;
 * NULL after ts_error. */
AgNode *ag_node_new(const char *name, int n_next, int n_out);
/* The seq of the newest node (nodes made later have a larger one). */
uint64_t ag_node_last_seq(void);
/* Gives n another name (the double-backward names); 0, or -1: no memory. */
int ag_node_rename(AgNode *n, const char *name);
static inline void ag_node_retain(AgNode *n) { if (n) n->rc++; }
void ag_node_release(AgNode *n);
/* The edge for the gradient of v: (grad_fn, output_nr), or the leaf's
 * AccumulateGrad (created on demand), or an empty edge when v needs no
 * gradient.  Returns -1 only on allocation failure. */
int ag_gradient_edge(AgVar v, AgEdge *out);
/* Sets edge i of n from v (retaining the next node). */
int ag_node_set_edge(AgNode *n, int i, AgVar v);
/* Records output i's shape and makes m the i-th output of n (m's grad_fn
 * becomes n, retained; n keeps a weak pointer to m). */
void ag_node_set_output(AgNode *n, int i, AgMeta *m, const TsTensor *t);
/* Saves t for backward (an input with meta m, or output number nr);
 * returns the slot index, or -1. */
int ag_node_save(AgNode *n, TsTensor *t, AgMeta *m, bool is_output, int nr);
/* Unpacks saved slot i: checks the version, then returns a new reference
 * (outputs get a fresh meta pointing back at n).  -1 after ts_error with
 * PyTorch's in-place or "backward a second time" message. */
int ag_node_unpack(AgNode *n, int i, AgVar *out);
/* -1 with the "backward through the graph a second time" error when n's
 * saved data was freed (for runtime contexts that save their own). */
int ag_node_check(const AgNode *n);
/* Drops saved tensors (after a backward without retain_graph). */
void ag_node_release_saved(AgNode *n);

/* ---- the engine ----
 * Runs backward from roots[i] with initial gradients grads[i] (borrowed).
 *   keep_graph   retain_graph: keep saved tensors
 *   create_graph grad mode stays on while derivatives run
 *   inputs       NULL: accumulate into every leaf reached (backward());
 *                else only these tensors matter; with `capture` set the
 *                gradients are returned in capture[i] (autograd.grad: no
 *                .grad is touched), otherwise accumulated into their .grad
 *                (backward(inputs=...)).
 *   allow_unused with capture: unused inputs give {NULL} instead of the
 *                error.
 * Returns 0 or -1. */
typedef struct AgRun {
    int n_roots;
    AgVar *roots;
    AgVar *grads;
    bool keep_graph, create_graph;
    int n_inputs;
    AgVar *inputs;
    AgVar *capture;
    bool allow_unused;
} AgRun;
int ag_backward(const AgRun *run);

/* Gradient arithmetic the engine needs, supplied by the runtime so that
 * it is recorded when create_graph is on: a + b (new reference). */
typedef struct AgOps {
    int (*add)(AgVar a, AgVar b, AgVar *out);
    /* the runtime's grad mode, read and switched by the engine (its own
     * thread-local flag is used when these are NULL) */
    bool (*get_grad_mode)(void);
    void (*grad_mode)(bool on);
} AgOps;
extern AgOps ag_ops;

/* The message of a saved-tensor version mismatch (for tests). */
#define AG_HINT "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True)."

#endif
