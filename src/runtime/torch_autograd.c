/* torch_autograd.c — glue between Tensor values and src/autograd.
 *
 * The dispatcher offers every op result to record() (torch_autograd_record
 * of torch_obj.h).  When an input requires grad, record() builds a node:
 * one edge per tensor input, the tensors the op's derivative reads saved
 * with their version, the non-tensor arguments copied, and a new meta on
 * each result naming the node as grad_fn.  Inputs are saved with their
 * meta (an input never points back at the node), the result as data only,
 * so a graph holds no cycle and dies with its last result.  The node's
 * name, saved tensors and backward come from the row's derivative column
 * (torch_ops.def).
 *
 * Also here: the attribute hooks (requires_grad, grad, grad_fn, is_leaf,
 * retains_grad), the repr suffix and start-up.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "tensor/print.h"
#include "torch_autograd.h"

/* ---- Values and AgVars ---- */

Value tag_wrap(AgVar v)
{
    if (!v.t) return V_NONE;
    if (v.m && v.m->owner) return v_incref(v_obj(v.m->owner));
    ts_retain(v.t);
    Value r = torch_wrap(v.t);
    if (IS_ERR(r) || !v.m) return r;
    ag_meta_retain(v.m);
    ((TensorObj *)r.o)->ag = v.m;
    v.m->owner = r.o;
    return r;
}

AgMeta *tag_meta(Value v, bool create)
{
    TensorObj *o = (TensorObj *)v.o;
    if (o->ag || !create) return o->ag;
    AgMeta *m = ag_meta_new();
    if (!m) {
        torch_raise_ts();
        return NULL;
    }
    m->owner = o;
    o->ag = m;
    return m;
}

Value tag_raise(void)
{
    if (IS_OBJ(rt_exc)) return V_ERR;
    return torch_raise_ts();
}

bool tag_requires_grad(Value v)
{
    return torch_is_tensor(v) && ag_requires_grad(((TensorObj *)v.o)->ag);
}

void tag_set_grad_enabled(bool on)
{
    torch_grad_enabled = on;
    ag_set_grad_enabled(on);
}

/* A dying Tensor value gives up its meta (and its ownership of it). */
static void meta_release(AgMeta *m)
{
    m->owner = NULL;
    ag_meta_release(m);
}

/* ---- the recorder ---- */

/* The node of a float result of a row with no derivative (NONDIFF): its
 * backward raises, as PyTorch's does for an op it cannot differentiate. */
static const TorchDeriv not_implemented = {"NotImplemented", NULL, 0, NULL};

/* Is argument i a tensor input (not the out= target)? */
static bool is_tensor_arg(const TorchCall *c, int i)
{
    const TorchArg *a = &c->a[i];
    if (!a->is_tensor || !torch_is_tensor(a->v)) return false;
    return !(c->out && i > 0 && v_is(a->v, c->out_v));
}

/* The items of a tensor-list argument (borrowed), or NULL. */
static Value *list_items(const TorchArg *a, int64_t *n)
{
    if (!a->tl || !IS_OBJ(a->v)) return NULL;
    if (v_isinstance(a->v, &tuple_type)) {
        *n = ((Tuple *)a->v.o)->len;
        return ((Tuple *)a->v.o)->items;
    }
    if (v_isinstance(a->v, &list_type)) {
        *n = ((List *)a->v.o)->len;
        return ((List *)a->v.o)->items;
    }
    return NULL;
}

static bool any_requires_grad(const TorchCall *c)
{
    for (int i = 0; i < c->n; i++) {
        if (is_tensor_arg(c, i) && tag_requires_grad(c->a[i].v)) return true;
        int64_t n = 0;
        Value *items = list_items(&c->a[i], &n);
        for (int64_t j = 0; items && j < n; j++)
            if (tag_requires_grad(items[j])) return true;
    }
    return false;
}

/* The results of an op: a Tensor, or the tensors of a tuple. */
static int results_of(Value r, Value **items)
{
    if (torch_is_tensor(r)) {
        *items = NULL;
        return 1;
    }
    if (IS_OBJ(r) && v_isinstance(r, &tuple_type)) {
        *items = ((Tuple *)r.o)->items;
        return (int)((Tuple *)r.o)->len;
    }
    return 0;
}

static Value result_at(Value r, Value *items, int j) { return items ? items[j] : r; }

static bool any_float_result(Value r, Value *items, int n)
{
    for (int j = 0; j < n; j++) {
        Value v = result_at(r, items, j);
        if (torch_is_tensor(v) && ts_dtype_is_float(torch_unwrap(v)->dtype)) return true;
    }
    return false;
}

static void opctx_free(void *p)
{
    OpCtx *oc = p;
    for (int i = 0; i < oc->n; i++) {
        v_decref(oc->a[i].v);
        free(oc->ai[i].list);
    }
    free(oc);
}

static void shape_of(ArgInfo *ai, const TsTensor *t)
{
    ai->ndim = t->ndim;
    memcpy(ai->sizes, t->sizes, sizeof ai->sizes);
    ai->dtype = t->dtype;
}

/* Is argument i a Python number that PyTorch wraps into a 0-dim tensor
 * (x * 2 calls mul(Tensor, Tensor)), so that its node lists an edge
 * (None, 0) for it?  The Scalar overloads a derivative formula calls
 * (MulBackward1 ...) and rsub, clamp, pow(Tensor, Scalar) wrap nothing. */
static bool wrapped_number(const TorchCall *c, int i)
{
    const TorchArg *a = &c->a[i];
    if (a->is_tensor || !a->given || a->none) return false;
    if (a->v.tag != VT_INT && a->v.tag != VT_FLOAT && a->v.tag != VT_BOOL) return false;
    const char *op = c->op->name;
    if (!strcmp(op, "where")) return c->overload == 0 && (i == 1 || i == 2);
    if (!strcmp(op, "pow")) return c->overload == 0 && i == 0; /* number ** tensor */
    if (tag_scalar_overload()) return false;
    if (i == 0) /* 2 * x, 2 + x, 2 / x: the tensor's edge, then the number's */
        return c->n > 1 && c->a[1].is_tensor &&
               (!strcmp(op, "add") || !strcmp(op, "mul") || !strcmp(op, "div"));
    if (i != 1 || !c->a[0].is_tensor) return false;
    static const char *const ops[] = {"add", "sub", "subtract", "mul", "multiply",
                                      "div", "divide", "true_divide"};
    for (size_t k = 0; k < sizeof ops / sizeof *ops; k++)
        if (!strcmp(op, ops[k])) return true;
    return false;
}

/* Counts the node's edges and lays them out over the arguments (a
 * wrapped number takes an edge that stays empty). */
static int plan_edges(const TorchCall *c, OpCtx *oc)
{
    int ne = 0, trailing = 0;
    for (int i = 0; i < c->n; i++) {
        ArgInfo *ai = &oc->ai[i];
        ai->edge = ai->slot = -1;
        if (wrapped_number(c, i)) {
            if (i == 0 && strcmp(c->op->name, "pow")) trailing++;
            else ne++;
            continue;
        }
        int64_t n = 0;
        Value *items = list_items(&c->a[i], &n);
        if (is_tensor_arg(c, i)) {
            TsTensor *t = torch_unwrap(c->a[i].v);
            ai->tensor = true;
            shape_of(ai, t);
            /* as in PyTorch, a node has no edge for an index, mask or
             * condition: next_functions lists the float inputs */
            if (ts_dtype_is_float(t->dtype)) ai->edge = ne++;
        } else if (items) {
            ai->list = calloc((size_t)(n ? n : 1), sizeof *ai->list);
            if (!ai->list) return -1;
            ai->edge = ne;
            ai->n_list = (int)n;
            for (int64_t j = 0; j < n; j++) shape_of(&ai->list[j], torch_unwrap(items[j]));
            ne += (int)n;
        }
    }
    return ne + trailing;
}

/* Edges and saved inputs; copies the non-tensor arguments. */
static int fill_inputs(const TorchCall *c, OpCtx *oc, AgNode *node)
{
    for (int i = 0; i < c->n; i++) {
        ArgInfo *ai = &oc->ai[i];
        oc->a[i] = c->a[i];
        oc->a[i].tl = NULL;
        if (ai->tensor && ai->edge < 0) { /* an index or mask: its data, if read */
            oc->a[i].t = NULL;
            oc->a[i].v = V_UNBOUND;
            if (i < 4 && (oc->d->save & (1 << i)) &&
                (ai->slot = ag_node_save(node, torch_unwrap(c->a[i].v), NULL, false, 0)) < 0)
                return -1;
            continue;
        }
        if (ai->edge < 0) {
            v_incref(oc->a[i].v);
            continue;
        }
        oc->a[i].t = NULL;
        oc->a[i].v = V_UNBOUND;
        if (ai->list) {
            int64_t n = 0;
            Value *items = list_items(&c->a[i], &n);
            for (int64_t j = 0; j < n; j++)
                if (ag_node_set_edge(node, ai->edge + (int)j, tag_var(items[j])) < 0) return -1;
            continue;
        }
        AgVar v = tag_var(c->a[i].v);
        if (ag_node_set_edge(node, ai->edge, v) < 0) return -1;
        if (i < 4 && (oc->d->save & (1 << i))) {
            /* in place, input 0 now IS the output: keep its old value
             * when the wrapper copied it, else its data only */
            bool out = oc->inplace && i == 0;
            TsTensor *old = out ? tag_inplace_original(v.t) : NULL;
            if (old) ai->slot = ag_node_save(node, old, tag_inplace_original_meta(v.t), false, 0);
            else ai->slot = ag_node_save(node, v.t, out ? NULL : v.m, out, 0);
            if (ai->slot < 0) return -1;
        }
    }
    return 0;
}

/* A result sharing the storage of input 0 is a view of it: remember the
 * root of the view chain, so that writing into the view in place can be
 * refused when that root is a leaf that requires grad. */
void tag_mark_view(AgMeta *m, const TsTensor *t, Value input)
{
    TsTensor *it = torch_unwrap(input);
    if (!it || it->storage != t->storage) return;
    AgMeta *im = ((TensorObj *)input.o)->ag;
    AgMeta *root = im && im->base ? im->base : im;
    if (!root || root == m) return;
    AgGeom *g = malloc(sizeof *g);
    if (!g) return; /* only the in-place bookkeeping is lost */
    if (im->base && im->base_geom) {
        *g = *im->base_geom;
    } else {
        *g = (AgGeom){.ndim = it->ndim, .offset = it->offset, .dtype = it->dtype, .device = it->device};
        memcpy(g->sizes, it->sizes, sizeof g->sizes);
        memcpy(g->strides, it->strides, sizeof g->strides);
    }
    ag_meta_retain(root);
    ag_meta_release(m->base);
    free(m->base_geom);
    m->base = root;
    m->base_geom = g;
}

static void mark_view(AgMeta *m, const TsTensor *t, const TorchCall *c)
{
    if (c->n > 0 && c->a[0].is_tensor) tag_mark_view(m, t, c->a[0].v);
}

/* An input handed back inside a tuple keeps its own history. */
static bool is_input_value(const TorchCall *c, Value v)
{
    for (int i = 0; i < c->n; i++)
        if (is_tensor_arg(c, i) && v_is(c->a[i].v, v)) return true;
    return false;
}

/* Makes each result an output of node (a new meta, or the in-place
 * target's own). */
static int fill_outputs(const TorchCall *c, Value r, Value *items, int nres, OpCtx *oc, AgNode *node)
{
    for (int j = 0; j < nres; j++) {
        Value v = result_at(r, items, j);
        if (!torch_is_tensor(v) || (items && is_input_value(c, v))) continue;
        TsTensor *t = torch_unwrap(v);
        if (!ts_dtype_is_float(t->dtype)) {
            ag_node_set_output(node, j, NULL, t);
            continue;
        }
        AgMeta *m = tag_meta(v, true);
        if (!m) return -1;
        ag_node_set_output(node, j, m, t);
        if (!oc->inplace) mark_view(m, t, c);
    }
    /* every result is saved (data only), in order: max(dim) needs its
     * indices as well as its values */
    for (int j = 0; (oc->d->save & DS_RESULT) && j < nres; j++) {
        Value v = result_at(r, items, j);
        if (!torch_is_tensor(v)) return 0;
        /* integer results (indices) are plain data: as saved outputs they
         * would come back with this node as their grad_fn */
        TsTensor *rt = torch_unwrap(v);
        int slot = ag_node_save(node, rt, NULL, ts_dtype_is_float(rt->dtype), j);
        if (slot < 0) return -1;
        if (j == 0) oc->result_slot = slot;
    }
    return 0;
}

static Value record_fail(Value r)
{
    v_decref(r);
    return tag_raise();
}

static const char *node_name(const TorchDeriv *d, const TorchCall *c)
{
    return d->namefn ? d->namefn(c) : d->name;
}

/* One block per node: the OpCtx, then n TorchArgs, then n ArgInfos (a
 * node per op of every training step: no calloc of the maximum). */
static OpCtx *opctx_new(int n)
{
    size_t size = sizeof(OpCtx) + (size_t)n * (sizeof(TorchArg) + sizeof(ArgInfo));
    OpCtx *oc = malloc(size);
    if (!oc) return NULL;
    memset(oc, 0, sizeof *oc);
    oc->a = (TorchArg *)(void *)(oc + 1);
    oc->ai = (ArgInfo *)(void *)(oc->a + n);
    for (int i = 0; i < n; i++) {
        oc->ai[i].edge = oc->ai[i].slot = -1;
        oc->ai[i].tensor = false;
        oc->ai[i].list = NULL;
        oc->ai[i].n_list = 0;
        oc->a[i].v = V_UNBOUND;
    }
    return oc;
}

static Value build_node(const TorchDeriv *d, TorchCall *c, Value r, Value *items, int nres,
                        bool inplace)
{
    OpCtx *oc = opctx_new(c->n);
    if (!oc) return record_fail(r);
    oc->d = d;
    oc->op = c->op;
    oc->overload = c->overload;
    oc->inplace = inplace;
    oc->result_slot = -1;
    oc->n_results = nres;
    int ne = plan_edges(c, oc);
    AgNode *node = ne < 0 ? NULL : ag_node_new(node_name(d, c), ne, nres);
    if (!node) {
        for (int i = 0; i < c->n; i++) free(oc->ai[i].list);
        free(oc);
        ts_error_oom(sizeof *oc);
        return record_fail(r);
    }
    oc->n = c->n; /* from here on opctx_free releases the copied arguments */
    node->apply = tag_op_apply;
    node->ctx = oc;
    node->ctx_free = opctx_free;
    /* inputs first: in place, input 0's edge is its history before now */
    int rc = fill_inputs(c, oc, node);
    if (rc == 0) rc = fill_outputs(c, r, items, nres, oc, node);
    if (rc == 0 && inplace) rc = tag_rebase_view(tag_meta(c->a[0].v, false), c->a[0].t);
    ag_node_release(node);
    return rc < 0 ? record_fail(r) : r;
}

/* In-place checks PyTorch makes before it writes. */
static Value check_inplace(TorchCall *c, Value r)
{
    AgMeta *m = torch_is_tensor(c->a[0].v) ? ((TensorObj *)c->a[0].v.o)->ag : NULL;
    if (m && !m->grad_fn && m->requires_grad) {
        v_decref(r);
        return rt_raise(&exc_RuntimeError,
                        "a leaf Variable that requires grad is being used in an in-place operation.");
    }
    if (m && m->base && !m->base->grad_fn && m->base->requires_grad) {
        v_decref(r);
        return rt_raise(&exc_RuntimeError, "a view of a leaf Variable that requires grad is being "
                        "used in an in-place operation.");
    }
    return r;
}

/* detach_(): the tensor leaves its graph. */
static Value detach_inplace(TorchCall *c, Value r)
{
    AgMeta *m = torch_is_tensor(c->a[0].v) ? ((TensorObj *)c->a[0].v.o)->ag : NULL;
    if (m) {
        ag_node_release(m->grad_fn);
        m->grad_fn = NULL;
        m->requires_grad = false;
    }
    return r;
}

static Value record(const TorchOpDef *op, TorchCall *c, Value r)
{
    if (IS_ERR(r)) return r;
    if (!strcmp(op->name, "detach")) return c->inplace ? detach_inplace(c, r) : r;
    if (!any_requires_grad(c)) return r;
    if (c->out) {
        v_decref(r);
        return rt_raise(&exc_RuntimeError,
                        "%s(): functions with out=... arguments don't support automatic "
                        "differentiation, but one of the arguments requires grad.", op->name);
    }
    /* copy_, zero_, fill_ ... are rows of their own that write in place */
    size_t len = strlen(op->name);
    bool inplace = c->inplace || (len > 1 && op->name[len - 1] == '_');
    if (inplace && IS_ERR(r = check_inplace(c, r))) return r;
    Value *items;
    int nres = results_of(r, &items);
    if (!nres || !any_float_result(r, items, nres)) return r;
    /* an op that returned its input unchanged (contiguous, float on a
     * float tensor) gives back the input value itself, history and all */
    if (!inplace && !items) {
        for (int i = 0; i < c->n; i++) {
            if (is_tensor_arg(c, i) && torch_unwrap(c->a[i].v) == torch_unwrap(r)) {
                v_decref(r);
                return v_incref(c->a[i].v);
            }
        }
    }
    return build_node(op->deriv ? op->deriv : &not_implemented, c, r, items, nres, inplace);
}

/* ---- the apply callback of op nodes ---- */

/* Under create_graph, PyTorch records the backward of some ops as one
 * node of its own ("MseLossBackwardBackward0"); where ours is a
 * composition, its last node (made during this backward: seq > seq0)
 * takes that name so that grad_fn prints the same.  (tanh, sigmoid, relu,
 * softmax and log_softmax have real rows for theirs: tanh_backward ...) */
static void name_double_backward(AgNode *n, Value *gin, uint64_t seq0)
{
    static const char *const names[][2] = {
        {"MseLossBackward0", "MseLossBackwardBackward0"},
        {"SelectBackward0", "SelectBackwardBackward0"},
        {"DiagonalBackward0", "DiagonalBackwardBackward0"},
    };
    const char *to = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !to; i++)
        if (!strcmp(n->name, names[i][0])) to = names[i][1];
    for (int e = 0; to && e < n->n_next; e++) {
        if (!torch_is_tensor(gin[e])) continue;
        AgMeta *m = ((TensorObj *)gin[e].o)->ag;
        if (m && m->grad_fn && m->grad_fn->seq > seq0 && ag_node_rename(m->grad_fn, to) < 0) return;
    }
}

int tag_op_apply(AgNode *n, AgVar *grads, AgVar *out, void *ctx)
{
    OpCtx *oc = ctx;
    if (!oc->d->backward) {
        rt_raise(&exc_RuntimeError, "the derivative for '%s' is not implemented.", oc->op->name);
        return -1;
    }
    if (ag_node_check(n) < 0) {
        torch_raise_ts();
        return -1;
    }
    Value small_gin[8];
    Value *gin = n->n_next <= 8 ? small_gin : calloc((size_t)n->n_next, sizeof *gin);
    if (!gin) {
        rt_nomem();
        return -1;
    }
    for (int e = 0; e < n->n_next; e++) gin[e] = V_UNBOUND;
    DCtx dc; /* on the stack; its small[] needs no clearing */
    DCtx *d = &dc;
    d->node = n;
    d->oc = oc;
    d->grads = grads;
    d->gin = gin;
    d->err = false;
    d->ntmp = d->cap = 0;
    d->tmp = NULL;
    uint64_t seq0 = ag_node_last_seq();
    int rc = oc->d->backward(d);
    if (rc == 0) rc = dx_status(d);
    if (rc == 0) name_double_backward(n, gin, seq0);
    for (int e = 0; e < n->n_next; e++) {
        if (rc == 0 && torch_is_tensor(gin[e])) {
            out[e] = tag_var(gin[e]);
            ag_var_retain(out[e]);
        }
        v_decref(gin[e]);
    }
    dx_free_tmps(d);
    if (gin != small_gin) free(gin);
    return rc;
}

/* ---- gradient arithmetic for the engine ---- */

static int ops_add(AgVar a, AgVar b, AgVar *out)
{
    Value args[2] = {tag_wrap(a), tag_wrap(b)};
    Value r = IS_ERR(args[0]) || IS_ERR(args[1]) ? V_ERR : torch_call_op("add", args, 2, NULL);
    v_decref(args[0]);
    v_decref(args[1]);
    if (IS_ERR(r)) return -1;
    *out = tag_var(r);
    ag_var_retain(*out);
    v_decref(r);
    return 0;
}

static void ops_grad_mode(bool on) { torch_grad_enabled = on; }
static bool ops_get_grad_mode(void) { return torch_grad_enabled; }

/* ---- attributes ---- */

static Value grad_value(AgMeta *m)
{
    if (!m || !m->grad.t) return V_NONE;
    if (!m->grad.m) { /* give .grad a meta so that x.grad is x.grad holds */
        m->grad.m = ag_meta_new();
        if (!m->grad.m) return torch_raise_ts();
    }
    return tag_wrap(m->grad);
}

static Value ag_getattr(Value t, const char *name)
{
    AgMeta *m = ((TensorObj *)t.o)->ag;
    switch (name[0]) {
    case 'r':
        if (!strcmp(name, "requires_grad")) return v_bool(ag_requires_grad(m));
        if (!strcmp(name, "retains_grad")) return v_bool(m && m->retains_grad);
        break;
    case 'i':
        if (!strcmp(name, "is_leaf")) return v_bool(ag_is_leaf(m));
        break;
    case 'g':
        if (!strcmp(name, "grad")) {
            if (m && !ag_is_leaf(m) && !m->retains_grad && !m->grad.t) tag_warn_nonleaf_grad();
            return grad_value(m);
        }
        if (!strcmp(name, "grad_fn"))
            return m && m->grad_fn ? torch_grad_fn_value(m->grad_fn) : V_NONE;
        break;
    case '_':
        if (!strcmp(name, "_version"))
            return v_int(((TensorObj *)t.o)->t->storage->version);
        break;
    }
    return V_UNBOUND;
}

static int set_requires_grad(Value t, Value val)
{
    int on = v_truth(val);
    if (on < 0) return -1;
    AgMeta *m = ((TensorObj *)t.o)->ag;
    if (!ag_is_leaf(m)) {
        rt_raise(&exc_RuntimeError, on ? "you can only change requires_grad flags of leaf variables."
                 : "you can only change requires_grad flags of leaf variables. If you want to use a "
                   "computed variable in a subgraph that doesn't require differentiation use "
                   "var_no_grad = var.detach().");
        return -1;
    }
    if (on && !ts_dtype_is_float(torch_unwrap(t)->dtype)) {
        rt_raise(&exc_RuntimeError,
                 "only Tensors of floating point and complex dtype can require gradients");
        return -1;
    }
    if (!on && !m) return 0;
    m = tag_meta(t, true);
    if (!m) return -1;
    m->requires_grad = on;
    return 0;
}

static int set_grad(Value t, Value val)
{
    if (IS_NONE(val) || IS_UNBOUND(val)) {
        AgMeta *m = ((TensorObj *)t.o)->ag;
        if (m) ag_meta_set_grad(m, ag_var_none());
        return 0;
    }
    if (!torch_is_tensor(val)) {
        rt_raise(&exc_TypeError, "assigned grad expected to be a Tensor or None but got grad of "
                 "type %s", v_typename(val));
        return -1;
    }
    TsTensor *self = torch_unwrap(t), *g = torch_unwrap(val);
    if (g->ndim != self->ndim || memcmp(g->sizes, self->sizes, sizeof(int64_t) * (size_t)g->ndim)) {
        rt_raise(&exc_RuntimeError, "assigned grad has data of a different size");
        return -1;
    }
    AgMeta *m = tag_meta(t, true), *gm = tag_meta(val, true);
    if (!m || !gm) return -1;
    AgVar gv = {g, gm};
    ag_var_retain(gv);
    ag_meta_set_grad(m, gv);
    return 0;
}

static int ag_setattr(Value t, const char *name, Value val)
{
    if (!strcmp(name, "requires_grad") && !IS_UNBOUND(val)) return set_requires_grad(t, val);
    if (!strcmp(name, "grad")) return set_grad(t, val);
    return -2;
}

static void repr_extras(Value t, TsFormatExtras *ex)
{
    AgMeta *m = ((TensorObj *)t.o)->ag;
    if (!m) return;
    if (m->grad_fn) ex->grad_fn = m->grad_fn->name;
    ex->requires_grad = ag_requires_grad(m);
}

/* ---- start-up ---- */

bool torch_autograd_init(Value torch)
{
    torch_autograd_record = record;
    torch_ag_release = meta_release;
    torch_ag_getattr = ag_getattr;
    torch_ag_setattr = ag_setattr;
    torch_repr_extras = repr_extras;
    ag_ops.add = ops_add;
    ag_ops.grad_mode = ops_grad_mode;
    ag_ops.get_grad_mode = ops_get_grad_mode;
    Value autograd = module_new("torch.autograd");
    if (IS_ERR(autograd)) return false;
    bool ok = dict_set_cstr(((Module *)torch.o)->dict, "autograd", autograd) >= 0 &&
              torch_grad_mode_init(torch) && torch_grad_fn_init(autograd) &&
              torch_backward_init(torch, autograd) && torch_function_init(autograd) &&
              torch_gradcheck_init(autograd);
    v_decref(autograd);
    return ok;
}
