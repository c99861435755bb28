/* torch_deriv_view.c — in-place writes into views (PyTorch's CopySlices).
 *
 *   y = x * 2;  v = y[0];  v.mul_(3);  y.sum().backward()
 *
 * The write changed y, so y's history must include it.  After the write
 * was recorded on the view (node N: v's old history -> MulBackward0), the
 * base's history is rebased: y's grad_fn becomes a CopySlices node whose
 * backward takes y's gradient, hands the view's region of it to N, puts
 * N's result for the old view back into that region and passes the rest
 * through to y's old history; N's other inputs (a tensor multiplied in)
 * become CopySlices' other edges.  The view's own grad_fn becomes
 * AsStridedBackward0, reading its region out of the base's gradient.
 * Only views of a contiguous base are rebased (the others keep the plain
 * record); these derivatives are computed without recording, except
 * under create_graph (the *_graph functions).
 */
#include <stdlib.h>
#include <string.h>

#include "torch_autograd.h"

typedef struct ViewCtx {
    AgNode *inner;        /* CopySlices: the in-place node N (strong) */
    AgGeom base;          /* the base's shape */
    int ndim;             /* the view's region in the base's gradient */
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS], offset;
} ViewCtx;

static void view_ctx_free(void *p)
{
    ViewCtx *vc = p;
    ag_node_release(vc->inner);
    free(vc);
}

static void view_ctx_release(void *p)
{
    ViewCtx *vc = p;
    if (vc->inner) ag_node_release_saved(vc->inner);
}

static bool contiguous_geom(const AgGeom *g)
{
    int64_t st = 1;
    for (int d = g->ndim - 1; d >= 0; d--) {
        if (g->sizes[d] != 1 && g->strides[d] != st) return false;
        st *= g->sizes[d];
    }
    return true;
}

/* A fresh gradient of the base's shape: a copy of g, or zeros. */
static TsTensor *base_grad(const ViewCtx *vc, AgVar g)
{
    if (g.t) return ts_clone(g.t);
    return ts_zeros(vc->base.ndim, vc->base.sizes, vc->base.dtype, vc->base.device);
}

static TsTensor *region_of(const ViewCtx *vc, TsTensor *gb)
{
    return ts_as_strided(gb, vc->ndim, vc->sizes, vc->strides, vc->offset);
}

static int fail_ts(void)
{
    torch_raise_ts();
    return -1;
}

/* ---- create_graph: the same steps through recorded ops ----
 * The region is addressed by flat indices into the (contiguous) base:
 * take() reads it, index_add() writes it into zeros, and a constant mask
 * clears it, so every step can be differentiated again. */

static bool graph_mode(AgVar *grads)
{
    return torch_grad_enabled && grads[0].t && ag_requires_grad(grads[0].m);
}

/* The flat base index of every element of the region (region's shape). */
static Value region_index(DCtx *d, const ViewCtx *vc)
{
    TsTensor *ix = ts_empty(vc->ndim, vc->sizes, TS_INT64, TS_CPU);
    if (!ix) return dx_keep(d, torch_raise_ts());
    int64_t *out = ts_data(ix), n = ts_numel(ix), pos[TS_MAX_DIMS] = {0};
    for (int64_t e = 0; e < n; e++) { /* row-major walk of the region */
        int64_t at = vc->offset;
        for (int k = 0; k < vc->ndim; k++) at += pos[k] * vc->strides[k];
        out[e] = at;
        for (int k = vc->ndim - 1; k >= 0; k--) {
            if (++pos[k] < vc->sizes[k]) break;
            pos[k] = 0;
        }
    }
    return dx_keep(d, torch_wrap(ix));
}

/* v (region-shaped) written into zeros of the base's shape. */
static Value scatter_region(DCtx *d, const ViewCtx *vc, Value idx, Value v)
{
    int64_t numel = 1;
    for (int k = 0; k < vc->base.ndim; k++) numel *= vc->base.sizes[k];
    Value flat = dx_zeros(d, 1, &numel, vc->base.dtype);
    Value fi = dx_call(d, "reshape", 2, (Value[]){idx, dx_int(d, -1)});
    Value fv = dx_call(d, "reshape", 2, (Value[]){v, dx_int(d, -1)});
    Value acc = dx_call(d, "index_add", 4, (Value[]){flat, dx_int(d, 0), fi, fv});
    return dx_call(d, "reshape", 2, (Value[]){acc, dx_shape(d, vc->base.ndim, vc->base.sizes)});
}

/* The base's gradient with the region cleared (times a constant mask). */
static Value clear_region(DCtx *d, const ViewCtx *vc, Value g, Value idx)
{
    TsTensor *mask = ts_ones(vc->base.ndim, vc->base.sizes, vc->base.dtype, TS_CPU);
    const int64_t *ix = IS_ERR(idx) ? NULL : ts_data(torch_unwrap(idx));
    int64_t n = ix ? ts_numel(torch_unwrap(idx)) : 0;
    double *m = mask && mask->dtype == TS_FLOAT64 ? ts_data(mask) : NULL;
    float *mf = mask && mask->dtype == TS_FLOAT32 ? ts_data(mask) : NULL;
    int rc = ix && (m || mf) ? 0 : -1;
    for (int64_t e = 0; rc == 0 && e < n; e++) {
        if (m) m[ix[e]] = 0;
        else mf[ix[e]] = 0;
    }
    if (rc < 0) {
        ts_release(mask);
        if (!IS_OBJ(rt_exc)) rt_raise(&exc_NotImplementedError, "create_graph through an in-place write "
                                     "into a view of a %s tensor", ts_dtype_legacy(vc->base.dtype));
        return dx_keep(d, V_ERR);
    }
    return dx_mul(d, g, dx_keep(d, torch_wrap(mask)));
}

/* out = v's new value handed back (owned AgVar with its history) */
static int keep_out(Value v, AgVar *out)
{
    if (IS_ERR(v)) return -1;
    *out = tag_var(v);
    ag_var_retain(*out);
    return 0;
}

static int copy_slices_graph(AgNode *n, AgVar *grads, AgVar *out, ViewCtx *vc)
{
    AgNode *in = vc->inner;
    DCtx d;
    memset(&d, 0, sizeof d);
    Value g = dx_keep(&d, tag_wrap(grads[0]));
    Value idx = region_index(&d, vc);
    Value rg = dx_call(&d, "take", 2, (Value[]){g, idx});
    AgVar *inner_out = calloc((size_t)(in->n_next ? in->n_next : 1), sizeof *inner_out);
    int rc = !inner_out || IS_ERR(rg) ? -1 : 0;
    if (rc == 0) {
        AgVar ga = tag_var(rg);
        rc = in->apply(in, &ga, inner_out, in->ctx);
    }
    if (rc == 0) {
        Value rest = clear_region(&d, vc, g, idx);
        if (inner_out[0].t)
            rest = dx_add(&d, rest, scatter_region(&d, vc, idx, dx_keep(&d, tag_wrap(inner_out[0]))));
        rc = keep_out(rest, &out[0]);
    }
    for (int i = 1; rc == 0 && i < in->n_next && i < n->n_next; i++) {
        out[i] = inner_out[i];
        inner_out[i] = ag_var_none();
    }
    for (int i = 0; inner_out && i < in->n_next; i++) ag_var_release(inner_out[i]);
    free(inner_out);
    dx_free_tmps(&d);
    if (rc < 0 && !IS_OBJ(rt_exc)) return fail_ts();
    return rc;
}

static int as_strided_graph(AgVar *grads, AgVar *out, ViewCtx *vc)
{
    DCtx d;
    memset(&d, 0, sizeof d);
    Value g = dx_keep(&d, tag_wrap(grads[0]));
    int rc = keep_out(scatter_region(&d, vc, region_index(&d, vc), g), &out[0]);
    dx_free_tmps(&d);
    return rc;
}

static int copy_slices_apply(AgNode *n, AgVar *grads, AgVar *out, void *p)
{
    ViewCtx *vc = p;
    if (graph_mode(grads)) return copy_slices_graph(n, grads, out, vc);
    AgNode *in = vc->inner;
    TsTensor *gb = base_grad(vc, grads[0]), *region = gb ? region_of(vc, gb) : NULL;
    TsTensor *rg = region ? ts_clone(region) : NULL;
    AgVar *inner_out = calloc((size_t)(in->n_next ? in->n_next : 1), sizeof *inner_out);
    int rc = rg && inner_out ? 0 : -1;
    if (rc == 0) {
        AgVar g = {rg, NULL};
        rc = in->apply(in, &g, inner_out, in->ctx);
    }
    if (rc == 0) /* the old view's gradient goes back into its region */
        rc = inner_out[0].t ? ts_copy_(region, inner_out[0].t) : ts_zero_(region);
    if (rc == 0) {
        out[0] = (AgVar){gb, NULL};
        gb = NULL;
        for (int i = 1; i < in->n_next && i < n->n_next; i++) {
            out[i] = inner_out[i];
            inner_out[i] = ag_var_none();
        }
    }
    for (int i = 0; inner_out && i < in->n_next; i++) ag_var_release(inner_out[i]);
    free(inner_out);
    ts_release(rg);
    ts_release(region);
    ts_release(gb);
    if (rc < 0 && !IS_OBJ(rt_exc)) return fail_ts();
    return rc;
}

static int as_strided_apply(AgNode *n, AgVar *grads, AgVar *out, void *p)
{
    (void)n;
    ViewCtx *vc = p;
    if (graph_mode(grads)) return as_strided_graph(grads, out, vc);
    TsTensor *gb = ts_zeros(vc->base.ndim, vc->base.sizes, vc->base.dtype, vc->base.device);
    TsTensor *region = gb ? region_of(vc, gb) : NULL;
    int rc = region && grads[0].t ? ts_copy_(region, grads[0].t) : region ? 0 : -1;
    ts_release(region);
    if (rc < 0) {
        ts_release(gb);
        return fail_ts();
    }
    out[0] = (AgVar){gb, NULL};
    return 0;
}

static ViewCtx *view_ctx(const AgGeom *base, const TsTensor *t)
{
    ViewCtx *vc = calloc(1, sizeof *vc);
    if (!vc) return NULL;
    vc->base = *base;
    vc->ndim = t->ndim;
    memcpy(vc->sizes, t->sizes, sizeof vc->sizes);
    memcpy(vc->strides, t->strides, sizeof vc->strides);
    vc->offset = t->offset - base->offset;
    return vc;
}

/* The base's new history: CopySlices(base's old history, N's other inputs). */
static int rebase_base(AgMeta *b, const AgGeom *geom, AgNode *inner, const TsTensor *t)
{
    ViewCtx *vc = view_ctx(geom, t);
    AgNode *cs = vc ? ag_node_new("CopySlices", inner->n_next, 1) : NULL;
    if (!cs) {
        free(vc);
        return fail_ts();
    }
    ag_node_retain(inner);
    vc->inner = inner;
    cs->ctx = vc;
    cs->ctx_free = view_ctx_free;
    cs->ctx_release = view_ctx_release;
    cs->apply = copy_slices_apply;
    int rc = ag_gradient_edge((AgVar){NULL, b}, &cs->next[0]);
    for (int i = 1; rc == 0 && i < inner->n_next; i++) {
        cs->next[i] = inner->next[i];
        ag_node_retain(cs->next[i].fn);
    }
    TsTensor shape = {.ndim = geom->ndim, .dtype = geom->dtype, .device = geom->device};
    memcpy(shape.sizes, geom->sizes, sizeof shape.sizes);
    if (rc == 0) ag_node_set_output(cs, 0, b, &shape);
    ag_node_release(cs);
    return rc < 0 ? fail_ts() : 0;
}

/* The view's new grad_fn: its region of the base's (new) gradient. */
static int view_from_base(AgMeta *m, AgMeta *b, const AgGeom *geom, const TsTensor *t)
{
    ViewCtx *vc = view_ctx(geom, t);
    AgNode *vn = vc ? ag_node_new("AsStridedBackward0", 1, 1) : NULL;
    if (!vn) {
        free(vc);
        return fail_ts();
    }
    vn->ctx = vc;
    vn->ctx_free = view_ctx_free;
    vn->apply = as_strided_apply;
    int rc = ag_node_set_edge(vn, 0, (AgVar){NULL, b});
    if (rc == 0) ag_node_set_output(vn, 0, m, t);
    ag_node_release(vn);
    return rc < 0 ? fail_ts() : 0;
}

int tag_rebase_view(AgMeta *m, const TsTensor *t)
{
    if (!m || !m->base || !m->base_geom || !m->grad_fn || !contiguous_geom(m->base_geom)) return 0;
    AgMeta *b = m->base;
    AgGeom geom = *m->base_geom;
    AgNode *inner = m->grad_fn;
    ag_node_retain(inner);
    ag_meta_retain(b);
    int rc = rebase_base(b, &geom, inner, t);
    if (rc == 0) rc = view_from_base(m, b, &geom, t);
    ag_meta_release(b);
    ag_node_release(inner);
    return rc;
}
