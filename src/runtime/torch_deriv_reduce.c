/* torch_deriv_reduce.c — derivatives of reductions, scans and sorts.
 *
 * A reduction's gradient is the incoming gradient put back on the reduced
 * dims (unsqueezed when keepdim was false, then expanded to the input's
 * shape) times the local derivative; value-selecting reductions (max along
 * a dim, sort, topk) scatter it to the indices they chose.
 */

#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

#define G dx_grad(d, 0)
#define X dx_in(d, 0)
#define R dx_result(d)

/* The dims reduced by argument k (absent / None / an empty dim list: all
 * of them), normalised and sorted.  A PK_DIM argument fills list[] (n of
 * them); a PK_INT one fills i (n == 0). */
static int reduced_dims(DCtx *d, int k, int64_t *out)
{
    const ArgInfo *in = dx_info(d, 0);
    const TorchArg *a = k >= 0 && k < d->oc->n ? dx_a(d, k) : NULL;
    int nd = 0;
    bool all = !a || !a->given || a->none || (a->n == 0 && IS_OBJ(a->v));
    if (all) {
        for (int i = 0; i < in->ndim; i++) out[nd++] = i;
        return nd;
    }
    if (a->n > 0)
        for (int i = 0; i < a->n; i++) out[nd++] = a->list[i];
    else
        out[nd++] = a->i;
    for (int i = 0; i < nd; i++) {
        int w;
        if (ts_wrap_dim(out[i], in->ndim, &w) < 0) w = 0;
        out[i] = w;
    }
    for (int i = 1; i < nd; i++) /* insertion sort: a handful of dims */
        for (int j = i; j > 0 && out[j - 1] > out[j]; j--) {
            int64_t t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    return nd;
}

/* v (reduced over dims, sorted) with the reduced dims put back as size
 * 1, so that it broadcasts against the input: PyTorch's
 * unsqueeze_multiple, one unsqueeze per dim. */
static Value unreduce(DCtx *d, Value v, const int64_t *dims, int nd, bool keepdim)
{
    if (keepdim || dx_info(d, 0)->ndim == 0) return v;
    for (int i = 0; i < nd; i++) {
        Value a[2] = {v, dx_int(d, dims[i])};
        v = dx_call(d, "unsqueeze", 2, a);
    }
    return v;
}

static Value expand_in(DCtx *d, Value v)
{
    const ArgInfo *in = dx_info(d, 0);
    Value a[2] = {v, dx_shape(d, in->ndim, in->sizes)};
    return dx_call(d, "expand", 2, a);
}

static int64_t count(DCtx *d, const int64_t *dims, int nd)
{
    int64_t n = 1;
    for (int i = 0; i < nd; i++) n *= dx_info(d, 0)->sizes[dims[i]];
    return n;
}

static bool keepdim_arg(DCtx *d, int k) { return k < d->oc->n && dx_a(d, k)->i != 0; }

/* ---- sum, mean, prod ---- */

static const char *name_by_overload(const TorchCall *c, const char *n0, const char *n1)
{
    return c->overload == 0 ? n0 : n1;
}
const char *tag_name_sum(const TorchCall *c) { return name_by_overload(c, "SumBackward0", "SumBackward1"); }
const char *tag_name_mean(const TorchCall *c) { return name_by_overload(c, "MeanBackward0", "MeanBackward1"); }
const char *tag_name_prod(const TorchCall *c) { return name_by_overload(c, "ProdBackward0", "ProdBackward1"); }

/* Is a sum/mean over every element (no dim, None or an empty list)?
 * PyTorch's sum_backward then expands the gradient as it is. */
static bool all_form(DCtx *d)
{
    const TorchArg *a = dx_a(d, 1);
    return d->oc->overload == 0 || !a->given || a->none || (a->n == 0 && IS_OBJ(a->v));
}

int tag_bw_sum(DCtx *d)
{
    int64_t dims[TS_MAX_DIMS];
    int nd = reduced_dims(d, all_form(d) ? -1 : 1, dims);
    Value g = all_form(d) ? G : unreduce(d, G, dims, nd, keepdim_arg(d, 2));
    dx_set(d, 0, expand_in(d, g));
    return 0;
}

int tag_bw_nansum(DCtx *d)
{
    int64_t dims[TS_MAX_DIMS];
    int nd = reduced_dims(d, 1, dims);
    Value g = expand_in(d, unreduce(d, G, dims, nd, keepdim_arg(d, 2)));
    Value ok = dx_un(d, "logical_not", dx_un(d, "isnan", X));
    dx_set(d, 0, dx_mul(d, g, ok));
    return 0;
}

int tag_bw_mean(DCtx *d)
{
    int64_t dims[TS_MAX_DIMS];
    int nd = reduced_dims(d, all_form(d) ? -1 : 1, dims);
    Value g = all_form(d) ? G : unreduce(d, G, dims, nd, keepdim_arg(d, 2));
    g = dx_div(d, expand_in(d, g), dx_num(d, (double)count(d, dims, nd)));
    dx_set(d, 0, g);
    return 0;
}

static int wrap0(DCtx *d, int64_t dim);

static Value call2(DCtx *d, const char *op, Value a, Value b)
{
    Value args[2] = {a, b};
    return dx_call(d, op, 2, args);
}

/* Does x have a zero element?  (-1: failed) */
static int has_zero(DCtx *d, Value x)
{
    Value any = dx_un(d, "any", call2(d, "eq", x, dx_num(d, 0.0)));
    if (IS_ERR(any)) return -1;
    TsScalar s;
    if (ts_item(torch_unwrap(any), &s) < 0) {
        d->err = true;
        torch_raise_ts();
        return -1;
    }
    return s.i != 0;
}

/* (a, b) as a tuple owned by d */
static Value pair(DCtx *d, Value a, Value b)
{
    if (IS_ERR(a) || IS_ERR(b)) return dx_keep(d, V_ERR);
    return dx_keep(d, tuple_pack(2, a, b));
}

/* t reversed along dim, as PyTorch's reverse_dim: index_select with
 * the indices counting down */
static Value reverse_dim(DCtx *d, Value t, int64_t dim)
{
    if (IS_ERR(t)) return t;
    int64_t n = torch_unwrap(t)->sizes[dim];
    TsTensor *idx = ts_empty(1, &n, TS_INT64, TS_CPU);
    if (!idx) {
        d->err = true;
        return dx_keep(d, torch_raise_ts());
    }
    int64_t *ix = ts_data(idx);
    for (int64_t i = 0; i < n; i++) ix[i] = n - 1 - i;
    Value a[3] = {t, dx_int(d, dim), dx_keep(d, torch_wrap(idx))};
    return dx_call(d, "index_select", 3, a);
}

/* PyTorch's prod_safe_zeros_backward: the product of the elements before
 * and after each one along dim (exclusive cumulative products from both
 * ends), so that a zero input gives the right gradient. */
static Value prod_safe_zeros(DCtx *d, Value g, Value x, int64_t dim)
{
    TsTensor *t = torch_unwrap(x);
    int64_t n = t->sizes[dim];
    if (ts_numel(t) == 0) return call2(d, "expand_as", g, x);
    int64_t sizes[TS_MAX_DIMS];
    memcpy(sizes, t->sizes, sizeof(int64_t) * (size_t)t->ndim);
    sizes[dim] = 1;
    Value ones = dx_keep(d, torch_wrap(ts_ones(t->ndim, sizes, t->dtype, t->device)));
    Value dimv = dx_int(d, dim);
    Value head[4] = {x, dimv, dx_int(d, 0), dx_int(d, n - 1)};
    Value tail[4] = {x, dimv, dx_int(d, 1), dx_int(d, n - 1)};
    Value l1 = pair(d, ones, dx_call(d, "narrow", 4, head));
    Value normal = call2(d, "cumprod", dx_call(d, "cat", 2, (Value[]){l1, dimv}), dimv);
    Value rev = reverse_dim(d, dx_call(d, "narrow", 4, tail), dim);
    Value l2 = pair(d, ones, rev);
    Value reverse = reverse_dim(d, call2(d, "cumprod", dx_call(d, "cat", 2, (Value[]){l2, dimv}), dimv), dim);
    return dx_mul(d, g, dx_mul(d, normal, reverse));
}

/* PyTorch's prod_backward: grad * (result / input) when no input is zero,
 * else the exclusive products (all elements: along the flattened input) */
int tag_bw_prod(DCtx *d)
{
    Value x = X;
    const ArgInfo *in = dx_info(d, 0);
    if (in->ndim == 0) {
        dx_set(d, 0, G);
        return 0;
    }
    if (d->oc->overload == 0) {
        int z = has_zero(d, x);
        if (z < 0) return -1;
        if (!z) {
            dx_set(d, 0, dx_mul(d, G, dx_div(d, R, x)));
            return 0;
        }
        Value flat = call2(d, "view", dx_un(d, "contiguous", x), dx_int(d, -1));
        Value gr = prod_safe_zeros(d, G, flat, 0);
        dx_set(d, 0, call2(d, "view", gr, dx_shape(d, in->ndim, in->sizes)));
        return 0;
    }
    int64_t dim = wrap0(d, dx_a(d, 1)->i);
    Value g = G, r = R;
    if (!keepdim_arg(d, 2)) {
        g = call2(d, "unsqueeze", g, dx_int(d, dim));
        r = call2(d, "unsqueeze", r, dx_int(d, dim));
    }
    int z = has_zero(d, x);
    if (z < 0) return -1;
    dx_set(d, 0, z ? prod_safe_zeros(d, g, x, dim) : dx_mul(d, g, dx_div(d, r, x)));
    return 0;
}

/* ---- max, min and friends ---- */

const char *tag_name_max(const TorchCall *c)
{
    return c->overload == 0 ? "MaxBackward1" : c->overload == 1 ? "MaxBackward0" : "MaximumBackward0";
}
const char *tag_name_min(const TorchCall *c)
{
    return c->overload == 0 ? "MinBackward1" : c->overload == 1 ? "MinBackward0" : "MinimumBackward0";
}

/* The gradient spread evenly over the elements equal to the result. */
static Value evenly(DCtx *d, Value g, Value r)
{
    Value a[2] = {X, r};
    Value mask = dx_call(d, "eq", 2, a);
    Value cnt = dx_un(d, "sum", mask);
    Value w[3] = {mask, dx_div(d, g, cnt), dx_num(d, 0.0)}; /* +0 elsewhere, not g * 0 */
    return dx_call(d, "where", 3, w);
}

/* The gradient of values chosen by index along dim: scattered back. */
static Value scatter_back(DCtx *d, Value g, Value idx, int64_t dim, bool keepdim)
{
    if (!keepdim) {
        Value a[2] = {g, dx_int(d, dim)}, b[2] = {idx, dx_int(d, dim)};
        g = dx_call(d, "unsqueeze", 2, a);
        idx = dx_call(d, "unsqueeze", 2, b);
    }
    Value z = dx_zeros_like_arg(d, 0);
    Value a[4] = {z, dx_int(d, dim), idx, g};
    return dx_call(d, "scatter", 4, a);
}

static int wrap0(DCtx *d, int64_t dim)
{
    int w = 0;
    if (ts_wrap_dim(dim, dx_info(d, 0)->ndim, &w) < 0) w = 0;
    return w;
}

static int bw_max_common(DCtx *d, const char *win)
{
    if (d->oc->overload == 0) {
        dx_set(d, 0, evenly(d, G, R));
        return 0;
    }
    if (d->oc->overload == 1) {
        dx_set(d, 0, scatter_back(d, G, dx_result_at(d, 1), wrap0(d, dx_a(d, 1)->i),
                                  keepdim_arg(d, 2)));
        return 0;
    }
    return tag_bw_winner(d, win); /* max(a, b): element-wise */
}
int tag_bw_max(DCtx *d) { return bw_max_common(d, "gt"); }
int tag_bw_min(DCtx *d) { return bw_max_common(d, "lt"); }

/* amax/amin: ties share the gradient */
int tag_bw_amax(DCtx *d)
{
    int64_t dims[TS_MAX_DIMS];
    int nd = reduced_dims(d, 1, dims);
    bool keep = keepdim_arg(d, 2);
    Value g = unreduce(d, G, dims, nd, keep), r = unreduce(d, R, dims, nd, keep);
    Value a[2] = {X, r};
    Value mask = dx_call(d, "eq", 2, a);
    Value s[3] = {mask, dx_shape(d, nd, dims), v_bool(true)};
    Value cnt = dx_call(d, "sum", 3, s);
    Value w[3] = {mask, dx_div(d, g, cnt), dx_num(d, 0.0)};
    dx_set(d, 0, dx_call(d, "where", 3, w));
    return 0;
}

const char *tag_name_median(const TorchCall *c) { return name_by_overload(c, "MedianBackward0", "MedianBackward1"); }

int tag_bw_median(DCtx *d)
{
    if (d->oc->overload == 0) {
        dx_set(d, 0, evenly(d, G, R));
        return 0;
    }
    dx_set(d, 0, scatter_back(d, G, dx_result_at(d, 1), wrap0(d, dx_a(d, 1)->i), keepdim_arg(d, 2)));
    return 0;
}

int tag_bw_nanmedian(DCtx *d) { dx_set(d, 0, evenly(d, G, R)); return 0; }

/* mode/kthvalue (dim = arg 1 or 2), sort/topk (keep the dim) */
int tag_bw_mode(DCtx *d)
{
    dx_set(d, 0, scatter_back(d, G, dx_result_at(d, 1), wrap0(d, dx_a(d, 1)->i), keepdim_arg(d, 2)));
    return 0;
}

int tag_bw_kthvalue(DCtx *d)
{
    dx_set(d, 0, scatter_back(d, G, dx_result_at(d, 1), wrap0(d, dx_a(d, 2)->i), keepdim_arg(d, 3)));
    return 0;
}

int tag_bw_sort(DCtx *d)
{
    int64_t dim = d->oc->overload == 0 ? dx_a(d, 1)->i : dx_a(d, 2)->i;
    dx_set(d, 0, scatter_back(d, G, dx_result_at(d, 1), wrap0(d, dim), true));
    return 0;
}

int tag_bw_topk(DCtx *d)
{
    dx_set(d, 0, scatter_back(d, G, dx_result_at(d, 1), wrap0(d, dx_a(d, 2)->i), true));
    return 0;
}

/* ---- variance and norms ---- */

/* var/std: overload 0 (input, unbiased), 1 (input, dim, unbiased,
 * keepdim, correction).  PyTorch's var_backward:
 *   all elements:  (2 / dof) * grad * (self - self.mean())
 *   over dims:     grad unsqueezed at each reduced dim (unless keepdim or
 *                  a 1-D input), and self.mean(dims, keepdim=True)
 * where dof = count - correction. */
static Value var_grad(DCtx *d, Value g)
{
    const ArgInfo *in = dx_info(d, 0);
    const TorchArg *da = dx_a(d, 1);
    bool dim_form = d->oc->overload == 1 && da->given && !da->none;
    int64_t dims[TS_MAX_DIMS];
    int nd = reduced_dims(d, dim_form ? 1 : -1, dims);
    bool unbiased = dx_a(d, dim_form || d->oc->overload == 1 ? 2 : 1)->i != 0;
    double corr = unbiased ? 1.0 : 0.0;
    if (d->oc->overload == 1 && dx_a(d, 4)->given && !dx_a(d, 4)->none) corr = dx_f(d, 4);
    double dof = (double)count(d, dims, nd) - corr;
    Value x = X, mean;
    if (!dim_form) {
        mean = dx_un(d, "mean", x);
    } else {
        if (!keepdim_arg(d, 3) && in->ndim > 1)
            for (int i = 0; i < nd; i++) g = call2(d, "unsqueeze", g, dx_int(d, dims[i]));
        Value a[3] = {x, dx_shape(d, nd, dims), v_bool(true)};
        mean = dx_call(d, "mean", 3, a);
    }
    return dx_mul(d, dx_scale(d, 2.0 / dof, g), dx_sub(d, x, mean));
}

int tag_bw_var(DCtx *d)
{
    dx_set(d, 0, var_grad(d, G));
    return 0;
}

/* std_backward: var_backward of (grad / (result * 2)), 0 where the
 * result is 0 */
int tag_bw_std(DCtx *d)
{
    Value r = R;
    Value q = dx_div(d, G, dx_mul(d, r, dx_num(d, 2.0)));
    Value mf[3] = {q, call2(d, "eq", r, dx_num(d, 0.0)), dx_num(d, 0.0)};
    dx_set(d, 0, var_grad(d, dx_call(d, "masked_fill", 3, mf)));
    return 0;
}

/* The p of a norm argument: 'fro'/None -> 2, inf -> INFINITY. */
static double norm_p(DCtx *d, int k)
{
    const TorchArg *a = dx_a(d, k);
    if (!a->given || a->none || IS_UNBOUND(a->v) || IS_NONE(a->v)) return 2.0;
    if (IS_INT(a->v)) return (double)a->v.i;
    if (IS_FLOAT(a->v)) return a->v.f;
    return 2.0; /* 'fro' */
}

/* d ||x||_p = g * sign(x) |x|^(p-1) / ||x||^(p-1); for p = 2: g x / r */
static Value norm_grad(DCtx *d, Value x, Value g, Value r, double p)
{
    if (p == 2.0) {
        Value q = dx_div(d, x, r);
        Value a[3] = {q, dx_un(d, "isnan", q), dx_num(d, 0.0)}; /* r == 0: 0 */
        return dx_mul(d, g, dx_call(d, "masked_fill", 3, a));
    }
    if (p == 1.0) return dx_mul(d, g, dx_un(d, "sign", x));
    Value ax[2] = {dx_un(d, "abs", x), dx_num(d, p - 1.0)};
    Value rp[2] = {r, dx_num(d, p - 1.0)};
    Value num = dx_mul(d, dx_un(d, "sign", x), dx_call(d, "pow", 2, ax));
    return dx_mul(d, g, dx_div(d, num, dx_call(d, "pow", 2, rp)));
}

int tag_bw_norm(DCtx *d)
{
    int64_t dims[TS_MAX_DIMS];
    int nd = reduced_dims(d, 2, dims);
    bool keep = keepdim_arg(d, 3);
    Value g = unreduce(d, G, dims, nd, keep), r = unreduce(d, R, dims, nd, keep);
    dx_set(d, 0, norm_grad(d, X, g, r, norm_p(d, 1)));
    return 0;
}

int tag_bw_vector_norm(DCtx *d)
{
    int64_t dims[TS_MAX_DIMS];
    int nd = reduced_dims(d, 2, dims);
    bool keep = keepdim_arg(d, 3);
    Value g = unreduce(d, G, dims, nd, keep), r = unreduce(d, R, dims, nd, keep);
    dx_set(d, 0, norm_grad(d, X, g, r, dx_a(d, 1)->given ? dx_a(d, 1)->f : 2.0));
    return 0;
}

int tag_bw_dist(DCtx *d)
{
    Value diff = dx_sub(d, dx_in(d, 0), dx_in(d, 1));
    Value gr = norm_grad(d, diff, G, R, dx_a(d, 2)->f);
    dx_set(d, 0, gr);
    dx_set(d, 1, dx_neg(d, gr));
    return 0;
}

int tag_bw_logsumexp(DCtx *d)
{
    int64_t dims[TS_MAX_DIMS];
    int nd = reduced_dims(d, 1, dims);
    bool keep = keepdim_arg(d, 2);
    Value g = unreduce(d, G, dims, nd, keep), r = unreduce(d, R, dims, nd, keep);
    dx_set(d, 0, dx_mul(d, g, dx_un(d, "exp", dx_sub(d, X, r))));
    return 0;
}

/* ---- scans ---- */

/* reverse cumulative sum along dim: flip, cumsum, flip */
static Value rev_cumsum(DCtx *d, Value g, int64_t dim)
{
    Value f1[2] = {g, dx_shape(d, 1, &dim)};
    Value fl = dx_call(d, "flip", 2, f1);
    Value cs[2] = {fl, dx_int(d, dim)};
    Value c = dx_call(d, "cumsum", 2, cs);
    Value f2[2] = {c, dx_shape(d, 1, &dim)};
    return dx_call(d, "flip", 2, f2);
}

int tag_bw_cumsum(DCtx *d)
{
    dx_set(d, 0, rev_cumsum(d, G, wrap0(d, dx_a(d, 1)->i)));
    return 0;
}

/* The gradient of cumprod at element k along dim when the input has
 * zeros: sum_{j >= k} g_j * prod_{l <= j, l != k} x_l, with the omitted
 * products built from prod and cumprod (no division), one k at a time,
 * so that it stays differentiable (PyTorch's double-backward form). */
static Value cumprod_safe_zeros(DCtx *d, Value g, Value x, int64_t dim)
{
    TsTensor *t = torch_unwrap(x);
    int64_t n = t->sizes[dim];
    int64_t sizes[TS_MAX_DIMS];
    memcpy(sizes, t->sizes, sizeof(int64_t) * (size_t)t->ndim);
    sizes[dim] = 1;
    Value ones = dx_keep(d, torch_wrap(ts_ones(t->ndim, sizes, t->dtype, t->device)));
    Value dimv = dx_int(d, dim), yes = dx_keep(d, v_bool(true));
    Value cols = dx_keep(d, tuple_new(n));
    if (IS_ERR(cols)) return cols;
    for (int64_t k = 0; k < n; k++) {
        Value omitted, until = V_NONE, from = V_NONE;
        if (k > 0) {
            Value a[4] = {x, dimv, dx_int(d, 0), dx_int(d, k)};
            Value p[3] = {dx_call(d, "narrow", 4, a), dimv, yes};
            until = dx_call(d, "prod", 3, p);
        }
        if (k < n - 1) {
            Value a[4] = {x, dimv, dx_int(d, k + 1), dx_int(d, n - k - 1)};
            from = call2(d, "cumprod", dx_call(d, "narrow", 4, a), dimv);
        }
        if (k == 0)
            omitted = dx_call(d, "cat", 2, (Value[]){pair(d, ones, from), dimv});
        else if (k == n - 1)
            omitted = until;
        else
            omitted = dx_call(d, "cat", 2,
                              (Value[]){pair(d, until, dx_mul(d, call2(d, "expand_as", until, from), from)), dimv});
        Value a[4] = {g, dimv, dx_int(d, k), dx_int(d, n - k)};
        Value s[3] = {dx_mul(d, dx_call(d, "narrow", 4, a), omitted), dimv, yes};
        Value col = dx_call(d, "sum", 3, s);
        if (IS_ERR(col)) return col;
        ((Tuple *)cols.o)->items[k] = v_incref(col);
    }
    return dx_call(d, "cat", 2, (Value[]){cols, dimv});
}

/* inputs without zeros: sum_{j >= i} g_j r_j / x_i; with zeros, the
 * products that omit each element (no 0 / 0) */
int tag_bw_cumprod(DCtx *d)
{
    const ArgInfo *in = dx_info(d, 0);
    int64_t dim = wrap0(d, dx_a(d, 1)->i);
    if (in->ndim == 0 || in->sizes[dim] <= 1) {
        dx_set(d, 0, G);
        return 0;
    }
    int z = has_zero(d, X);
    if (z < 0) return -1;
    if (z) {
        dx_set(d, 0, cumprod_safe_zeros(d, G, X, dim));
        return 0;
    }
    Value s = rev_cumsum(d, dx_mul(d, G, R), dim);
    dx_set(d, 0, dx_div(d, s, X));
    return 0;
}

int tag_bw_cummax(DCtx *d)
{
    int64_t dim = wrap0(d, dx_a(d, 1)->i);
    Value z = dx_zeros_like_arg(d, 0);
    Value a[4] = {z, dx_int(d, dim), dx_result_at(d, 1), G};
    dx_set(d, 0, dx_call(d, "scatter_add", 4, a));
    return 0;
}
