/* torch_deriv_shape.c — derivatives of views, shape ops, copies and
 * indexing functions.
 *
 * A view's gradient is the inverse view of the incoming gradient (permute
 * back, reshape back, ...); an expansion's is the sum over the expanded
 * dims, which dx_set already does for every op; a piece taken out of a
 * tensor (narrow, select, a piece of cat) gets back its place with zeros
 * around it, built by concatenation so that it stays differentiable.
 */
#include <string.h>

#include "torch_autograd.h"

#define G dx_grad(d, 0)

static const ArgInfo *in0(DCtx *d) { return dx_info(d, 0); }

static int wrapd(int64_t dim, int ndim)
{
    int w = 0;
    if (ts_wrap_dim(dim, ndim, &w) < 0) w = 0;
    return w;
}

/* ---- views whose gradient is a reshape back ---- */

int tag_bw_reshape_back(DCtx *d)
{
    Value a[2] = {G, dx_shape(d, in0(d)->ndim, in0(d)->sizes)};
    dx_set(d, 0, dx_call(d, "reshape", 2, a));
    return 0;
}

const char *tag_name_squeeze(const TorchCall *c) { return c->overload == 0 ? "SqueezeBackward0" : "SqueezeBackward1"; }

/* reshape/flatten: an alias when the strides allow a view (PyTorch
 * 1.13's _reshape_alias: always for a contiguous input), else a copy
 * recorded as _unsafe_view.  A non-contiguous input is tried with a view
 * of the requested shape (reshape, reshape_as). */
const char *tag_name_reshape(const TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    if (!t || ts_is_contiguous(t)) return "ReshapeAliasBackward0";
    TsTensor *v = NULL;
    if (!strcmp(c->op->name, "reshape")) v = ts_view(t, c->a[1].n, c->a[1].list);
    else if (!strcmp(c->op->name, "reshape_as") && c->a[1].t)
        v = ts_view(t, c->a[1].t->ndim, c->a[1].t->sizes);
    if (!v) {
        ts_error_clear();
        return "UnsafeViewBackward0";
    }
    ts_release(v);
    return "ReshapeAliasBackward0";
}

/* expand, broadcast_to, expand_as, clone, contiguous, to ...: dx_set sums
 * over broadcast dims and converts the dtype */
int tag_bw_pass(DCtx *d)
{
    dx_set(d, 0, G);
    return 0;
}

/* ---- permutations ---- */

int tag_bw_permute(DCtx *d)
{
    const TorchArg *a = dx_a(d, 1);
    int n = in0(d)->ndim;
    int64_t inv[TS_MAX_DIMS];
    for (int i = 0; i < n && i < a->n; i++) inv[wrapd(a->list[i], n)] = i;
    Value args[2] = {G, dx_shape(d, n, inv)};
    dx_set(d, 0, dx_call(d, "permute", 2, args));
    return 0;
}

int tag_bw_transpose(DCtx *d)
{
    Value a[3] = {G, dx_int(d, dx_a(d, 1)->i), dx_int(d, dx_a(d, 2)->i)};
    dx_set(d, 0, dx_call(d, "transpose", 3, a));
    return 0;
}

int tag_bw_t(DCtx *d)
{
    dx_set(d, 0, dx_un(d, "t", G));
    return 0;
}

/* T reverses all dims (its own inverse); mT swaps the last two */
int tag_bw_T(DCtx *d)
{
    int n = in0(d)->ndim;
    int64_t p[TS_MAX_DIMS];
    for (int i = 0; i < n; i++) p[i] = n - 1 - i;
    Value a[2] = {G, dx_shape(d, n, p)};
    dx_set(d, 0, dx_call(d, "permute", 2, a));
    return 0;
}

int tag_bw_mT(DCtx *d)
{
    Value a[3] = {G, dx_int(d, -2), dx_int(d, -1)};
    dx_set(d, 0, dx_call(d, "transpose", 3, a));
    return 0;
}

int tag_bw_movedim(DCtx *d)
{
    Value a[3] = {G, dx_int(d, dx_a(d, 2)->i), dx_int(d, dx_a(d, 1)->i)};
    dx_set(d, 0, dx_call(d, "movedim", 3, a));
    return 0;
}

/* ---- pieces: put g back in its place among zeros ---- */

static Value zeros_piece(DCtx *d, const ArgInfo *in, int dim, int64_t len)
{
    int64_t s[TS_MAX_DIMS];
    memcpy(s, in->sizes, sizeof s);
    s[dim] = len;
    return dx_zeros(d, in->ndim, s, in->dtype);
}

/* g (a slice [start, start+len) of dim) padded with zeros to the input. */
static Value pad_back(DCtx *d, Value g, const ArgInfo *in, int dim, int64_t start, int64_t len)
{
    int64_t after = in->sizes[dim] - start - len;
    if (!start && !after) return g;
    Value parts = list_new(0);
    if (IS_ERR(parts)) return dx_keep(d, parts);
    dx_keep(d, parts);
    if (start) list_append(parts, zeros_piece(d, in, dim, start));
    list_append(parts, g);
    if (after) list_append(parts, zeros_piece(d, in, dim, after));
    Value a[2] = {parts, dx_int(d, dim)};
    return dx_call(d, "cat", 2, a);
}

int tag_bw_narrow(DCtx *d)
{
    const ArgInfo *in = in0(d);
    int dim = wrapd(dx_a(d, 1)->i, in->ndim);
    int64_t start = dx_a(d, 2)->i;
    if (start < 0) start += in->sizes[dim];
    dx_set(d, 0, pad_back(d, G, in, dim, start, dx_a(d, 3)->i));
    return 0;
}

int tag_bw_select(DCtx *d)
{
    const ArgInfo *in = in0(d);
    int dim = wrapd(dx_a(d, 1)->i, in->ndim);
    int64_t idx = dx_a(d, 2)->i;
    if (idx < 0) idx += in->sizes[dim];
    Value a[2] = {G, dx_int(d, dim)};
    dx_set(d, 0, pad_back(d, dx_call(d, "unsqueeze", 2, a), in, dim, idx, 1));
    return 0;
}

/* ---- several inputs or outputs ---- */

static int bw_cat_dim(DCtx *d, int dim_of_first)
{
    const ArgInfo *ai = dx_info(d, 0);
    Value g = G;
    int64_t off = 0;
    for (int j = 0; j < ai->n_list; j++) {
        const ArgInfo *pj = &ai->list[j];
        if (pj->ndim == 1 && pj->sizes[0] == 0 && ai->n_list > 1) continue; /* legacy empty */
        int dim = wrapd(dim_of_first, pj->ndim);
        int64_t len = pj->ndim ? pj->sizes[dim] : 1;
        if (dx_need_list(d, 0, j)) {
            Value a[4] = {g, dx_int(d, dim), dx_int(d, off), dx_int(d, len)};
            dx_set_list(d, 0, j, dx_call(d, "narrow", 4, a));
        }
        off += len;
    }
    return 0;
}

int tag_bw_cat(DCtx *d) { return bw_cat_dim(d, dx_a(d, 1)->i); }

int tag_bw_hstack(DCtx *d)
{
    const ArgInfo *ai = dx_info(d, 0);
    return bw_cat_dim(d, ai->n_list && ai->list[0].ndim == 1 ? 0 : 1);
}

/* vstack: 1-D inputs became rows */
int tag_bw_vstack(DCtx *d)
{
    const ArgInfo *ai = dx_info(d, 0);
    Value g = G;
    int64_t off = 0;
    for (int j = 0; j < ai->n_list; j++) {
        const ArgInfo *pj = &ai->list[j];
        int64_t len = pj->ndim >= 2 ? pj->sizes[0] : 1;
        Value a[4] = {g, dx_int(d, 0), dx_int(d, off), dx_int(d, len)};
        if (dx_need_list(d, 0, j)) dx_set_list(d, 0, j, dx_call(d, "narrow", 4, a));
        off += len;
    }
    return 0;
}

int tag_bw_stack(DCtx *d)
{
    const ArgInfo *ai = dx_info(d, 0);
    int dim = ai->n_list ? wrapd(dx_a(d, 1)->i, ai->list[0].ndim + 1) : 0;
    Value g = G;
    for (int j = 0; j < ai->n_list; j++) {
        Value a[3] = {g, dx_int(d, dim), dx_int(d, j)};
        if (dx_need_list(d, 0, j)) dx_set_list(d, 0, j, dx_call(d, "select", 3, a));
    }
    return 0;
}

/* split/chunk/unbind: the outputs' gradients (zeros where none came)
 * joined back along dim */
static int join_outputs(DCtx *d, int dim, bool stack)
{
    Value parts = list_new(0);
    if (IS_ERR(parts)) return -1;
    dx_keep(d, parts);
    for (int j = 0; j < d->node->n_out; j++) list_append(parts, dx_grad(d, j));
    Value a[2] = {parts, dx_int(d, dim)};
    dx_set(d, 0, dx_call(d, stack ? "stack" : "cat", 2, a));
    return 0;
}

const char *tag_name_split(const TorchCall *c)
{
    return IS_INT(c->a[1].v) ? "SplitBackward0" : "SplitWithSizesBackward0";
}

int tag_bw_split(DCtx *d) { return join_outputs(d, wrapd(dx_a(d, 2)->i, in0(d)->ndim), false); }
int tag_bw_unbind(DCtx *d) { return join_outputs(d, wrapd(dx_a(d, 1)->i, in0(d)->ndim), true); }

/* ---- copies that rearrange ---- */

int tag_bw_flip(DCtx *d)
{
    const TorchArg *a = dx_a(d, 1);
    Value args[2] = {G, dx_shape(d, a->n, a->list)};
    dx_set(d, 0, dx_call(d, "flip", 2, args));
    return 0;
}

static int bw_flip_dim(DCtx *d, int64_t dim)
{
    Value args[2] = {G, dx_shape(d, 1, &dim)};
    dx_set(d, 0, dx_call(d, "flip", 2, args));
    return 0;
}
int tag_bw_fliplr(DCtx *d) { return bw_flip_dim(d, 1); }
int tag_bw_flipud(DCtx *d) { return bw_flip_dim(d, 0); }

int tag_bw_roll(DCtx *d)
{
    const TorchArg *s = dx_a(d, 1), *dims = dx_a(d, 2);
    int64_t neg[TS_MAX_DIMS];
    for (int i = 0; i < s->n; i++) neg[i] = -s->list[i];
    Value args[3] = {G, dx_shape(d, s->n, neg), V_NONE};
    if (dims->given && !dims->none) args[2] = dx_shape(d, dims->n, dims->list);
    dx_set(d, 0, dx_call(d, "roll", 3, args));
    return 0;
}

/* repeat: g viewed as (r0, s0, r1, s1, ...) summed over the r's */
int tag_bw_repeat(DCtx *d)
{
    const TorchArg *a = dx_a(d, 1);
    const ArgInfo *in = in0(d);
    int n = a->n, lead = n - in->ndim;
    if (n < in->ndim || 2 * n > TS_MAX_DIMS) { /* tile with fewer reps, or too many dims */
        rt_raise(&exc_NotImplementedError, "derivative of repeat/tile for this shape");
        return -1;
    }
    int64_t shape[TS_MAX_DIMS], dims[TS_MAX_DIMS];
    for (int i = 0; i < n; i++) {
        shape[2 * i] = a->list[i];
        shape[2 * i + 1] = i < lead ? 1 : in->sizes[i - lead];
        dims[i] = 2 * i;
    }
    Value r[2] = {G, dx_shape(d, 2 * n, shape)};
    Value s[3] = {dx_call(d, "reshape", 2, r), dx_shape(d, n, dims), v_bool(false)};
    dx_set(d, 0, dx_call(d, "sum", 3, s));
    return 0;
}

int tag_bw_tril(DCtx *d)
{
    Value a[2] = {G, dx_int(d, dx_a(d, 1)->i)};
    dx_set(d, 0, dx_call(d, "tril", 2, a));
    return 0;
}

int tag_bw_triu(DCtx *d)
{
    Value a[2] = {G, dx_int(d, dx_a(d, 1)->i)};
    dx_set(d, 0, dx_call(d, "triu", 2, a));
    return 0;
}

/* diag of a vector makes a matrix (take its diagonal back), diag of a
 * square matrix takes a diagonal (make a matrix of it) */
int tag_bw_diag(DCtx *d)
{
    Value a[2] = {G, dx_int(d, dx_a(d, 1)->i)};
    dx_set(d, 0, dx_call(d, "diag", 2, a));
    return 0;
}

/* ---- indexing functions ---- */

int tag_bw_index_select(DCtx *d)
{
    Value a[4] = {dx_zeros_like_arg(d, 0), dx_int(d, dx_a(d, 1)->i), dx_in(d, 2), G};
    dx_set(d, 0, dx_call(d, "index_add", 4, a));
    return 0;
}

int tag_bw_gather(DCtx *d)
{
    Value a[4] = {dx_zeros_like_arg(d, 0), dx_int(d, dx_a(d, 1)->i), dx_in(d, 2), G};
    dx_set(d, 0, dx_call(d, "scatter_add", 4, a));
    return 0;
}

int tag_bw_scatter(DCtx *d)
{
    Value g = G, idx = dx_in(d, 2), dim = dx_int(d, dx_a(d, 1)->i);
    Value a[4] = {g, dim, idx, dx_num(d, 0.0)};
    dx_set(d, 0, dx_call(d, "scatter", 4, a));
    if (d->oc->overload == 0 && dx_need(d, 3)) {
        Value b[3] = {g, dim, idx};
        dx_set(d, 3, dx_call(d, "gather", 3, b));
    }
    return 0;
}

const char *tag_name_scatter(const TorchCall *c) { return c->overload == 0 && c->a[3].is_tensor ? "ScatterBackward0" : "ScatterBackward1"; }

int tag_bw_scatter_add(DCtx *d)
{
    Value g = G;
    dx_set(d, 0, g);
    if (dx_need(d, 3)) {
        Value b[3] = {g, dx_int(d, dx_a(d, 1)->i), dx_in(d, 2)};
        dx_set(d, 3, dx_call(d, "gather", 3, b));
    }
    return 0;
}

int tag_bw_index_add(DCtx *d)
{
    Value g = G;
    dx_set(d, 0, g);
    if (dx_need(d, 3)) {
        Value b[3] = {g, dx_int(d, dx_a(d, 1)->i), dx_in(d, 2)};
        dx_set(d, 3, dx_mul(d, dx_call(d, "index_select", 3, b), dx_arg(d, 4)));
    }
    return 0;
}

int tag_bw_index_fill(DCtx *d)
{
    Value a[4] = {G, dx_int(d, dx_a(d, 1)->i), dx_in(d, 2), dx_num(d, 0.0)};
    dx_set(d, 0, dx_call(d, "index_fill", 4, a));
    return 0;
}

int tag_bw_masked_select(DCtx *d)
{
    Value mask = dx_in(d, 1);
    Value a[2] = {mask, dx_shape(d, in0(d)->ndim, in0(d)->sizes)};
    Value m = dx_call(d, "expand", 2, a);
    Value b[3] = {dx_zeros_like_arg(d, 0), m, G};
    dx_set(d, 0, dx_call(d, "masked_scatter", 3, b));
    return 0;
}


/* ---- in-place writes: the old values are gone, so self gets zeros ---- */

int tag_bw_copy_(DCtx *d)
{
    Value g = G;
    dx_set(d, 0, dx_mul(d, g, dx_num(d, 0.0)));
    if (dx_need(d, 1)) dx_set(d, 1, g);
    return 0;
}

int tag_bw_overwrite(DCtx *d)
{
    dx_set(d, 0, dx_zeros_like_arg(d, 0)); /* zeros_like(grad): no history */
    return 0;
}

/* the random in-place methods: zeros for self (and bernoulli_'s p) */
int tag_bw_sample(DCtx *d)
{
    dx_set(d, 0, dx_zeros_like_arg(d, 0));
    if (dx_need(d, 1)) dx_set(d, 1, dx_zeros_like_arg(d, 1));
    return 0;
}

/* random_(to) | random_(from, to) | random_(): RandomBackward1/0/2
 * (random_(5) must bind `to`, so that overload comes first) */
const char *tag_name_random(const TorchCall *c)
{
    return c->overload == 0 ? "RandomBackward1" : c->overload == 1 ? "RandomBackward0" : "RandomBackward2";
}

/* bernoulli_(Tensor p) | bernoulli_(float p) */
const char *tag_name_bernoulli(const TorchCall *c)
{
    return c->overload == 0 ? "BernoulliBackward1" : "BernoulliBackward2";
}

/* ---- pieces written into zeros directly (recorded only when the
 * gradient itself requires grad: create_graph) ---- */

/* Under create_graph (matrices): zeros.masked_scatter(diagonal mask, g),
 * recorded, so the result can be differentiated again.  A matrix's
 * diagonal runs in row-major order, as masked_scatter fills. */
static int bw_diagonal_graph(DCtx *d, Value g)
{
    const ArgInfo *in = in0(d);
    TsTensor *mask = ts_zeros(in->ndim, in->sizes, TS_BOOL, TS_CPU);
    TsTensor *v = mask ? ts_diagonal(mask, dx_a(d, 1)->i, dx_a(d, 2)->i, dx_a(d, 3)->i) : NULL;
    int rc = v ? ts_fill_(v, ts_scalar_b(true)) : -1;
    ts_release(v);
    if (rc < 0) {
        ts_release(mask);
        torch_raise_ts();
        return -1;
    }
    Value a[3] = {dx_zeros_like_arg(d, 0), dx_keep(d, torch_wrap(mask)), g};
    dx_set(d, 0, dx_call(d, "masked_scatter", 3, a));
    return 0;
}

int tag_bw_diagonal(DCtx *d)
{
    const ArgInfo *in = in0(d);
    Value g = G;
    if (!IS_ERR(g) && in->ndim == 2 && torch_grad_enabled && tag_requires_grad(g)) return bw_diagonal_graph(d, g);
    TsTensor *z = IS_ERR(g) ? NULL : ts_zeros(in->ndim, in->sizes, in->dtype, TS_CPU);
    TsTensor *v = z ? ts_diagonal(z, dx_a(d, 1)->i, dx_a(d, 2)->i, dx_a(d, 3)->i) : NULL;
    int rc = v ? ts_copy_(v, torch_unwrap(g)) : -1;
    ts_release(v);
    if (rc < 0) {
        ts_release(z);
        if (!IS_ERR(g)) torch_raise_ts();
        return -1;
    }
    dx_set(d, 0, dx_keep(d, torch_wrap(z)));
    return 0;
}

int tag_bw_diag_embed(DCtx *d)
{
    Value a[4] = {G, dx_int(d, 0), dx_int(d, -2), dx_int(d, -1)};
    dx_set(d, 0, dx_call(d, "diagonal", 4, a));
    return 0;
}

/* take: the flat gradient added back at the flat indices */
int tag_bw_take(DCtx *d)
{
    const ArgInfo *in = in0(d);
    int64_t numel = 1;
    for (int i = 0; i < in->ndim; i++) numel *= in->sizes[i];
    Value z = dx_zeros(d, 1, &numel, in->dtype);
    Value fi[1] = {dx_in(d, 1)}, fg[1] = {G};
    Value a[4] = {z, dx_int(d, 0), dx_call(d, "flatten", 1, fi), dx_call(d, "flatten", 1, fg)};
    Value r[2] = {dx_call(d, "index_add", 4, a), dx_shape(d, in->ndim, in->sizes)};
    dx_set(d, 0, dx_call(d, "reshape", 2, r));
    return 0;
}

/* masked_scatter: input keeps g off the mask; source gets g on the mask,
 * in order, zero-padded to its size */
int tag_bw_masked_scatter(DCtx *d)
{
    Value g = G, mask = dx_in(d, 1);
    Value mf[3] = {g, mask, dx_num(d, 0.0)};
    dx_set(d, 0, dx_call(d, "masked_fill", 3, mf));
    if (!dx_need(d, 2)) return 0;
    const ArgInfo *src = dx_info(d, 2);
    int64_t numel = 1;
    for (int i = 0; i < src->ndim; i++) numel *= src->sizes[i];
    Value ms[2] = {g, mask};
    Value sel = dx_call(d, "masked_select", 2, ms);
    if (IS_ERR(sel)) return 0;
    int64_t rest = numel - ts_numel(torch_unwrap(sel));
    Value parts = dx_keep(d, list_new(0));
    if (IS_ERR(parts)) return 0;
    list_append(parts, sel);
    if (rest > 0) list_append(parts, dx_zeros(d, 1, &rest, src->dtype));
    Value c[1] = {parts};
    Value r[2] = {dx_call(d, "cat", 1, c), dx_shape(d, src->ndim, src->sizes)};
    dx_set(d, 2, dx_call(d, "reshape", 2, r));
    return 0;
}

/* msort: sort along dim 0 again to learn where each value came from */
int tag_bw_msort(DCtx *d)
{
    Value a[2] = {dx_in(d, 0), dx_int(d, 0)};
    Value sorted = dx_call(d, "sort", 2, a);
    if (IS_ERR(sorted)) return 0;
    Value idx = ((Tuple *)sorted.o)->items[1];
    Value z = dx_zeros_like_arg(d, 0);
    Value s[4] = {z, dx_int(d, 0), idx, G};
    dx_set(d, 0, dx_call(d, "scatter", 4, s));
    return 0;
}
