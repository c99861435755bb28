/* torch_deriv_index.c — autograd for subscripts: y = x[key] and
 * x[key] = v.
 *
 * Subscripts do not go through the op table (torch_index.c parses the
 * key itself); the Tensor type's getitem and setitem slots (torch_obj.c)
 * call tag_getitem_record and tag_setitem when autograd state is
 * involved.  x[key] records one node named after the
 * kind of key, as PyTorch does (SelectBackward0 for an int,
 * SliceBackward0 for a slice, IndexBackward0 for tensors, lists and
 * masks); its backward scatters the gradient into zeros at the same key.
 * x[key] = v on a tensor with history records CopySlices: the old history
 * gets the gradient with zeros at key, v gets the gradient at key.
 * These two derivatives are computed without recording (create_graph
 * does not see through a subscript).
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"
#include "torch_create.h"

typedef struct IndexCtx {
    Value key;
    ArgInfo self;   /* shape of the indexed tensor */
    ArgInfo val;    /* CopySlices: shape of the assigned tensor (edge 1) */
} IndexCtx;

static void index_ctx_free(void *p)
{
    IndexCtx *ic = p;
    v_decref(ic->key);
    free(ic);
}

static bool is_full_slice(Value k)
{
    if (!IS_TYPE(k, &slice_type)) return false;
    Value start = v_getattr_cstr(k, "start"), stop = v_getattr_cstr(k, "stop"),
          step = v_getattr_cstr(k, "step");
    bool full = IS_NONE(start) && IS_NONE(stop) && IS_NONE(step);
    v_decref(start);
    v_decref(stop);
    v_decref(step);
    return full;
}

/* A 0-dim integer tensor indexes like an int (SelectBackward0). */
static bool is_scalar_index(Value k)
{
    if (!torch_is_tensor(k)) return false;
    TsTensor *t = torch_unwrap(k);
    return t->ndim == 0 && !ts_dtype_is_float(t->dtype) && t->dtype != TS_BOOL;
}

static bool is_advanced(Value k)
{
    return (torch_is_tensor(k) && !is_scalar_index(k)) || (IS_OBJ(k) && v_isinstance(k, &list_type)) ||
           (IS_OBJ(k) && !strcmp(v_typename(k), "ndarray")) || IS_BOOL(k);
}

static const char *name_of_item(Value k)
{
    if (is_advanced(k)) return "IndexBackward0";
    if (IS_INT(k) || is_scalar_index(k)) return "SelectBackward0";
    if (IS_NONE(k)) return "UnsqueezeBackward0";
    if (IS_TYPE(k, &slice_type)) return "SliceBackward0";
    return "AliasBackward0";
}

/* The node PyTorch would show last for this key. */
static const char *index_name(Value key)
{
    if (!IS_OBJ(key) || !IS_TYPE(key, &tuple_type)) return name_of_item(key);
    Tuple *t = (Tuple *)key.o;
    for (int64_t i = 0; i < t->len; i++)
        if (is_advanced(t->items[i])) return "IndexBackward0";
    for (int64_t i = t->len - 1; i >= 0; i--) {
        Value k = t->items[i];
        if (is_full_slice(k) || IS_TYPE(k, &ellipsis_type)) continue;
        return name_of_item(k);
    }
    return "AliasBackward0";
}

static void shape_info(ArgInfo *ai, TsTensor *t)
{
    memset(ai, 0, sizeof *ai);
    ai->ndim = t->ndim;
    memcpy(ai->sizes, t->sizes, sizeof ai->sizes);
    ai->dtype = t->dtype;
}

/* create_graph: the gradient has history and grad mode is on, so the
 * backward steps go through the recorded setitem/getitem. */
static bool graph_mode(AgVar *grads)
{
    return torch_grad_enabled && grads[0].t && ag_requires_grad(grads[0].m);
}

static Value ag_getitem(Value self, Value key);

/* The incoming gradient as a value (zeros when none arrived). */
static Value grad_in(AgNode *n, AgVar *grads)
{
    if (grads[0].t) return tag_wrap(graph_mode(grads) ? grads[0] : (AgVar){grads[0].t, NULL});
    const AgOutInfo *o = &n->outs[0];
    return torch_wrap(ts_zeros(o->ndim, o->sizes, o->dtype, o->device));
}

/* ---- y = x[key] ---- */

/* PyTorch's name for the backward of an index backward: SelectBackward0
 * -> SelectBackwardBackward0, IndexBackward0 -> IndexPutImplBackward0. */
static void rename_backward(Value z, Value key)
{
    AgMeta *m = ((TensorObj *)z.o)->ag;
    /* the backward runs the key's items last to first: the first item's
     * backward makes the result */
    const char *fwd = index_name(key);
    if (IS_OBJ(key) && IS_TYPE(key, &tuple_type) && strcmp(fwd, "IndexBackward0")) {
        Tuple *t = (Tuple *)key.o;
        for (int64_t i = 0; i < t->len; i++) {
            if (IS_TYPE(t->items[i], &ellipsis_type)) continue;
            fwd = name_of_item(t->items[i]);
            break;
        }
    }
    if (!m || !m->grad_fn) return;
    char buf[64];
    if (!strcmp(fwd, "IndexBackward0")) snprintf(buf, sizeof buf, "IndexPutImplBackward0");
    else snprintf(buf, sizeof buf, "%.*sBackward0", (int)(strlen(fwd) - 1), fwd);
    char *name = strdup(buf);
    if (!name) return; /* keeps CopySlices: only the name is lost */
    free(m->grad_fn->name);
    m->grad_fn->name = name;
}

/* zeros[key] = g, recorded (CopySlices) */
static int index_apply_graph(AgNode *n, AgVar *grads, AgVar *out, IndexCtx *ic)
{
    Value g = grad_in(n, grads);
    if (IS_ERR(g)) return -1;
    Value z = torch_wrap(ts_zeros(ic->self.ndim, ic->self.sizes, ic->self.dtype, TS_CPU));
    int rc = IS_ERR(z) ? -1 : tag_setitem(z, ic->key, g);
    v_decref(g);
    if (rc == 0) rename_backward(z, ic->key);
    if (rc == 0) {
        out[0] = tag_var(z);
        ag_var_retain(out[0]);
    }
    if (!IS_ERR(z)) v_decref(z);
    return rc;
}

/* ---- one integer index along dim 0 (x[[0, 0, 1]], x[idx]): repeated
 * indices must add up, which index_put does not do, so index_add ---- */

/* The key's indices as an int64 tensor, negatives wrapped by size;
 * V_UNBOUND when the key is not a plain integer list/tensor or an index
 * is out of range (the ordinary path then raises or handles it). */
static Value int_index_of(Value key, int64_t size)
{
    int64_t n;
    TsTensor *kt = NULL;
    if (torch_is_tensor(key)) {
        kt = torch_unwrap(key);
        if (ts_dtype_is_float(kt->dtype) || kt->dtype == TS_BOOL || kt->ndim == 0) return V_UNBOUND;
        n = ts_numel(kt);
    } else if (IS_OBJ(key) && IS_TYPE(key, &list_type)) {
        n = ((List *)key.o)->len;
        for (int64_t i = 0; i < n; i++)
            if (!IS_INT(((List *)key.o)->items[i])) return V_UNBOUND;
    } else {
        return V_UNBOUND;
    }
    int64_t dims[TS_MAX_DIMS] = {n};
    TsTensor *ix = ts_empty(1, dims, TS_INT64, TS_CPU);
    if (!ix) return torch_raise_ts();
    int64_t *out = ts_data(ix);
    for (int64_t i = 0; i < n; i++) {
        TsScalar sc = {0};
        if (kt && ts_get_flat(kt, i, &sc) < 0) {
            ts_release(ix);
            return torch_raise_ts();
        }
        int64_t v = kt ? sc.i : ((List *)key.o)->items[i].i;
        if (v < 0) v += size;
        if (v < 0 || v >= size) {
            ts_release(ix);
            return V_UNBOUND;
        }
        out[i] = v;
    }
    return torch_wrap(ix);
}

/* zeros.index_add(0, idx, g reshaped to (n, rest...)); through the op
 * table, so it is recorded when g has a history (create_graph). */
static int index_add_apply(IndexCtx *ic, Value g, Value idx, AgVar *out)
{
    DCtx d;
    memset(&d, 0, sizeof d);
    dx_keep(&d, idx);
    int64_t shape[TS_MAX_DIMS];
    shape[0] = -1;
    for (int k = 1; k < ic->self.ndim; k++) shape[k] = ic->self.sizes[k];
    Value rows = dx_call(&d, "reshape", 2, (Value[]){g, dx_shape(&d, ic->self.ndim, shape)});
    Value z = dx_zeros(&d, ic->self.ndim, ic->self.sizes, ic->self.dtype);
    Value r = dx_call(&d, "index_add", 4, (Value[]){z, dx_int(&d, 0), idx, rows});
    int rc = IS_ERR(r) ? -1 : 0;
    if (rc == 0) {
        out[0] = tag_var(r);
        ag_var_retain(out[0]);
        AgMeta *m = ((TensorObj *)r.o)->ag; /* PyTorch's node for this step */
        if (m && m->grad_fn) (void)ag_node_rename(m->grad_fn, "IndexPutImplBackward0"); /* no memory: keeps its name */
    }
    dx_free_tmps(&d);
    return rc;
}

static int index_apply(AgNode *n, AgVar *grads, AgVar *out, void *p)
{
    IndexCtx *ic = p;
    Value idx = ic->self.ndim ? int_index_of(ic->key, ic->self.sizes[0]) : V_UNBOUND;
    if (IS_ERR(idx)) return -1;
    if (!IS_UNBOUND(idx)) {
        Value g = grad_in(n, grads);
        int rc = IS_ERR(g) ? -1 : index_add_apply(ic, g, idx, out);
        if (IS_ERR(g)) v_decref(idx);
        else v_decref(g);
        return rc;
    }
    if (graph_mode(grads)) return index_apply_graph(n, grads, out, ic);
    Value g = grad_in(n, grads);
    if (IS_ERR(g)) return -1;
    TsTensor *z = ts_zeros(ic->self.ndim, ic->self.sizes, ic->self.dtype, TS_CPU);
    if (!z) {
        v_decref(g);
        torch_raise_ts();
        return -1;
    }
    int rc = torch_index_put(z, ic->key, g);
    v_decref(g);
    if (rc < 0) {
        ts_release(z);
        return -1;
    }
    out[0] = (AgVar){z, NULL};
    return 0;
}

Value tag_getitem_record(Value self, Value key, Value r)
{
    if (IS_ERR(r) || !torch_grad_enabled || !tag_requires_grad(self) || !torch_is_tensor(r) ||
        !ts_dtype_is_float(torch_unwrap(r)->dtype))
        return r;
    IndexCtx *ic = rt_calloc(1, sizeof *ic);
    AgNode *node = ic ? ag_node_new(index_name(key), 1, 1) : NULL;
    AgMeta *m = node ? tag_meta(r, true) : NULL;
    if (!m || ag_node_set_edge(node, 0, tag_var(self)) < 0) {
        free(ic);
        if (node) ag_node_release(node);
        v_decref(r);
        return tag_raise();
    }
    ic->key = v_incref(key);
    shape_info(&ic->self, torch_unwrap(self));
    node->ctx = ic;
    node->ctx_free = index_ctx_free;
    node->apply = index_apply;
    ag_node_set_output(node, 0, m, torch_unwrap(r));
    tag_mark_view(m, torch_unwrap(r), self);
    ag_node_release(node);
    return r;
}

/* ---- x[key] = v ---- */

static int copy_slices_apply(AgNode *n, AgVar *grads, AgVar *out, void *p)
{
    IndexCtx *ic = p;
    Value g = grad_in(n, grads);
    if (IS_ERR(g)) return -1;
    int rc = 0;
    bool graph = graph_mode(grads);
    if (n->next[0].fn && graph) { /* recorded: clone, then zeros at key */
        Value c = torch_call_op("clone", &g, 1, NULL);
        rc = IS_ERR(c) ? -1 : tag_setitem(c, ic->key, v_float(0.0));
        if (rc == 0) {
            out[0] = tag_var(c);
            ag_var_retain(out[0]);
        }
        if (!IS_ERR(c)) v_decref(c);
    } else if (n->next[0].fn) { /* the old history: the gradient with zeros at key */
        TsTensor *c = ts_clone(torch_unwrap(g));
        rc = c ? torch_index_put(c, ic->key, v_float(0.0)) : (torch_raise_ts(), -1);
        if (rc == 0) out[0] = (AgVar){c, NULL};
        else ts_release(c);
    }
    if (rc == 0 && n->n_next > 1 && n->next[1].fn) { /* the value: the gradient at key */
        Value part = graph ? ag_getitem(g, ic->key) : torch_index_get(g, ic->key);
        DCtx d;
        memset(&d, 0, sizeof d);
        Value s = IS_ERR(part) ? V_ERR : dx_sum_to(&d, part, ic->val.ndim, ic->val.sizes);
        if (IS_ERR(s)) rc = -1;
        else {
            out[1] = tag_var(s);
            if (!graph) out[1].m = NULL;
            ag_var_retain(out[1]);
        }
        v_decref(part);
        dx_free_tmps(&d);
    }
    v_decref(g);
    return rc;
}

/* self[key] with its node (the backward of a backward, create_graph) */
static Value ag_getitem(Value self, Value key)
{
    return tag_getitem_record(self, key, torch_index_get(self, key));
}

int tag_setitem(Value self, Value key, Value val)
{
    if (!torch_grad_enabled || IS_UNBOUND(val)) return torch_index_set(self, key, val);
    AgMeta *m = ((TensorObj *)self.o)->ag;
    AgMeta *root = m && m->base ? m->base : m;
    if (root && !root->grad_fn && root->requires_grad) {
        rt_raise(&exc_RuntimeError, "a view of a leaf Variable that requires grad is being used in "
                 "an in-place operation.");
        return -1;
    }
    bool vgrad = tag_requires_grad(val);
    if (!ag_requires_grad(m) && !vgrad) return torch_index_set(self, key, val);
    if (!ts_dtype_is_float(torch_unwrap(self)->dtype)) return torch_index_set(self, key, val);
    IndexCtx *ic = rt_calloc(1, sizeof *ic);
    AgNode *node = ic ? ag_node_new("CopySlices", vgrad ? 2 : 1, 1) : NULL;
    int rc = node ? ag_node_set_edge(node, 0, tag_var(self)) : -1;
    if (rc == 0 && vgrad) rc = ag_node_set_edge(node, 1, tag_var(val));
    if (rc == 0) rc = torch_index_set(self, key, val);
    if (rc == 0 && !(m = tag_meta(self, true))) rc = -1;
    if (rc < 0 || !node) {
        if (!node) free(ic);
        else ag_node_release(node);
        if (!IS_OBJ(rt_exc)) tag_raise();
        return -1;
    }
    ic->key = v_incref(key);
    shape_info(&ic->self, torch_unwrap(self));
    if (vgrad) shape_info(&ic->val, torch_unwrap(val));
    node->ctx = ic;
    node->ctx_free = index_ctx_free;
    node->apply = copy_slices_apply;
    ag_node_set_output(node, 0, m, torch_unwrap(self));
    rc = tag_rebase_view(m, torch_unwrap(self)); /* self may itself be a view */
    ag_node_release(node);
    return rc;
}
