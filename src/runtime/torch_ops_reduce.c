/* torch_ops_reduce.c — impls of the reduction, scan and sorting rows:
 * sum/mean/prod, max/min in their three forms, arg*, median/mode,
 * var/std, norm/dist, all/any, cumulative ops, sort/topk/unique.
 *
 * A `dim?` parameter arrives as a list (c->a[i].n entries); when absent
 * or None every dimension is reduced, which the library spells (0, NULL).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "tensor/ops.h"
#include "torch_private.h"

/* The dims of a `dim?` argument: NULL/0 for "all". */
static const int64_t *dims_of(const TorchArg *a, int *nd)
{
    if (!torch_has(a)) {
        *nd = 0;
        return NULL;
    }
    *nd = a->n;
    return a->list;
}

static TsDType dtype_of(const TorchArg *a) { return torch_has(a) ? (TsDType)a->i : TS_UNDEF; }

/* sum(input, *, dtype) | sum(input, dim, keepdim, *, dtype) */
Value impl_sum(TorchCall *c)
{
    if (c->overload == 0) return torch_wrap(ts_sum(c->a[0].t, 0, NULL, false, dtype_of(&c->a[1])));
    int nd;
    const int64_t *d = dims_of(&c->a[1], &nd);
    return torch_wrap(ts_sum(c->a[0].t, nd, d, c->a[2].i, dtype_of(&c->a[3])));
}

/* nansum: NaN replaced by zero, then summed. */
Value impl_nansum(TorchCall *c)
{
    TsTensor *x = c->a[0].t;
    TsTensor *nan = ts_unary(TS_OP_ISNAN, x, NULL);
    TsTensor *z = nan ? ts_where(nan, ts_arg_s(ts_scalar_i(0)), ts_arg(x)) : NULL;
    int nd;
    const int64_t *d = dims_of(&c->a[1], &nd);
    TsTensor *r = z ? ts_sum(z, nd, d, c->a[2].i, dtype_of(&c->a[3])) : NULL;
    ts_release(nan);
    ts_release(z);
    return torch_wrap(r);
}

Value impl_mean(TorchCall *c)
{
    if (c->overload == 0) return torch_wrap(ts_mean(c->a[0].t, 0, NULL, false, dtype_of(&c->a[1])));
    int nd;
    const int64_t *d = dims_of(&c->a[1], &nd);
    return torch_wrap(ts_mean(c->a[0].t, nd, d, c->a[2].i, dtype_of(&c->a[3])));
}

Value impl_prod(TorchCall *c)
{
    if (c->overload == 0) return torch_wrap(ts_prod(c->a[0].t, NULL, false, dtype_of(&c->a[1])));
    return torch_wrap(ts_prod(c->a[0].t, &c->a[1].i, c->a[2].i, dtype_of(&c->a[3])));
}

/* The three forms of max/min: all elements, (values, indices) along a
 * dim, element-wise against another tensor. */
static Value maxmin(TorchCall *c, bool is_max)
{
    TsTensor *x = c->a[0].t;
    if (c->overload == 0) return torch_wrap(is_max ? ts_max_all(x) : ts_min_all(x));
    if (c->overload == 2)
        return torch_wrap(ts_binary(is_max ? TS_OP_MAXIMUM : TS_OP_MINIMUM, ts_arg(x),
                                    ts_arg(c->a[1].t), NULL));
    TsTensor *v = NULL, *i = NULL;
    int rc = is_max ? ts_max_dim(x, c->a[1].i, c->a[2].i, &v, &i)
                    : ts_min_dim(x, c->a[1].i, c->a[2].i, &v, &i);
    if (rc < 0) return torch_raise_ts();
    return torch_return_pair(is_max ? "max" : "min", v, i);
}

Value impl_max(TorchCall *c) { return maxmin(c, true); }
Value impl_min(TorchCall *c) { return maxmin(c, false); }

Value impl_amax(TorchCall *c)
{
    return torch_wrap(ts_amax(c->a[0].t, c->a[1].n, c->a[1].list, c->a[2].i));
}

Value impl_amin(TorchCall *c)
{
    return torch_wrap(ts_amin(c->a[0].t, c->a[1].n, c->a[1].list, c->a[2].i));
}

Value impl_argmax(TorchCall *c)
{
    const int64_t *d = torch_has(&c->a[1]) ? &c->a[1].i : NULL;
    return torch_wrap(ts_argmax(c->a[0].t, d, c->a[2].i));
}

Value impl_argmin(TorchCall *c)
{
    const int64_t *d = torch_has(&c->a[1]) ? &c->a[1].i : NULL;
    return torch_wrap(ts_argmin(c->a[0].t, d, c->a[2].i));
}

Value impl_median(TorchCall *c)
{
    if (c->overload == 0) return torch_wrap(ts_median_all(c->a[0].t));
    TsTensor *v = NULL, *i = NULL;
    if (ts_median_dim(c->a[0].t, c->a[1].i, c->a[2].i, &v, &i) < 0) return torch_raise_ts();
    return torch_return_pair("median", v, i);
}

Value impl_nanmedian(TorchCall *c) { return torch_wrap(ts_nanmedian_all(c->a[0].t)); }

Value impl_mode(TorchCall *c)
{
    TsTensor *v = NULL, *i = NULL;
    if (ts_mode(c->a[0].t, c->a[1].i, c->a[2].i, &v, &i) < 0) return torch_raise_ts();
    return torch_return_pair("mode", v, i);
}

/* var(input, unbiased) | var(input, dim, unbiased, keepdim, *, correction) */
static Value var_std(TorchCall *c, bool is_std)
{
    TsTensor *x = c->a[0].t;
    int nd = 0;
    const int64_t *d = NULL;
    double corr;
    bool keep = false;
    if (c->overload == 0) {
        corr = c->a[1].i ? 1.0 : 0.0;
    } else {
        d = dims_of(&c->a[1], &nd);
        corr = c->a[2].i ? 1.0 : 0.0;
        keep = c->a[3].i;
        if (torch_has(&c->a[4])) corr = ts_scalar_to_f64(c->a[4].s);
    }
    return torch_wrap(is_std ? ts_std(x, nd, d, corr, keep) : ts_var(x, nd, d, corr, keep));
}

Value impl_var(TorchCall *c) { return var_std(c, false); }
Value impl_std(TorchCall *c) { return var_std(c, true); }

/* p as PyTorch takes it: a number, inf, or the strings 'fro' / 'nuc'. */
static bool norm_p(Value v, bool given, double *p)
{
    if (!given || IS_NONE(v)) {
        *p = 2;
        return true;
    }
    if (IS_TYPE(v, &str_type)) {
        if (!strcmp(str_cstr(v), "fro")) {
            *p = 2;
            return true;
        }
        rt_raise(&exc_RuntimeError, "norm(): p='%s' is not supported here", str_cstr(v));
        return false;
    }
    TsScalar s;
    if (!torch_to_scalar(v, &s)) {
        rt_raise(&exc_TypeError, "norm(): argument 'p' must be Number, not %s", v_typename(v));
        return false;
    }
    *p = ts_scalar_to_f64(s);
    return true;
}

Value impl_norm(TorchCall *c)
{
    double p;
    if (!norm_p(c->a[1].v, c->a[1].given, &p)) return V_ERR;
    int nd;
    const int64_t *d = dims_of(&c->a[2], &nd);
    return torch_wrap(ts_norm(c->a[0].t, p, nd, d, c->a[3].i, dtype_of(&c->a[4])));
}

Value impl_dist(TorchCall *c) { return torch_wrap(ts_dist(c->a[0].t, c->a[1].t, c->a[2].f)); }

Value impl_logsumexp(TorchCall *c)
{
    return torch_wrap(ts_logsumexp(c->a[0].t, c->a[1].n, c->a[1].list, c->a[2].i));
}

Value impl_all(TorchCall *c)
{
    if (c->overload == 0) return torch_wrap(ts_all(c->a[0].t, 0, NULL, false));
    return torch_wrap(ts_all(c->a[0].t, c->a[1].n, c->a[1].list, c->a[2].i));
}

Value impl_any(TorchCall *c)
{
    if (c->overload == 0) return torch_wrap(ts_any(c->a[0].t, 0, NULL, false));
    return torch_wrap(ts_any(c->a[0].t, c->a[1].n, c->a[1].list, c->a[2].i));
}

Value impl_count_nonzero(TorchCall *c)
{
    int nd;
    const int64_t *d = dims_of(&c->a[1], &nd);
    return torch_wrap(ts_count_nonzero(c->a[0].t, nd, d));
}

/* In-place scans (cumsum_) compute into a new tensor and copy back. */
static Value scan_result(TorchCall *c, TsTensor *r)
{
    if (!r || !c->inplace) return torch_wrap(r);
    int rc = ts_copy_(c->a[0].t, r);
    ts_release(r);
    if (rc < 0) return torch_raise_ts();
    ts_retain(c->a[0].t);
    return torch_wrap(c->a[0].t);
}

Value impl_cumsum(TorchCall *c)
{
    return scan_result(c, ts_cumsum(c->a[0].t, c->a[1].i, dtype_of(&c->a[2])));
}

Value impl_cumprod(TorchCall *c)
{
    return scan_result(c, ts_cumprod(c->a[0].t, c->a[1].i, dtype_of(&c->a[2])));
}

Value impl_cummax(TorchCall *c)
{
    TsTensor *v = NULL, *i = NULL;
    if (ts_cummax(c->a[0].t, c->a[1].i, &v, &i) < 0) return torch_raise_ts();
    return torch_return_pair("cummax", v, i);
}

Value impl_cummin(TorchCall *c)
{
    TsTensor *v = NULL, *i = NULL;
    if (ts_cummin(c->a[0].t, c->a[1].i, &v, &i) < 0) return torch_raise_ts();
    return torch_return_pair("cummin", v, i);
}

/* sort(input, dim, descending, *, stable) | sort(input, *, stable, dim, descending) */
Value impl_sort(TorchCall *c)
{
    int64_t dim;
    bool desc, stable;
    if (c->overload == 0) {
        dim = c->a[1].i;
        desc = c->a[2].i;
        stable = torch_has(&c->a[3]) && c->a[3].i;
    } else {
        stable = torch_has(&c->a[1]) && c->a[1].i;
        dim = c->a[2].i;
        desc = c->a[3].i;
    }
    TsTensor *v = NULL, *i = NULL;
    if (ts_sort(c->a[0].t, dim, desc, stable, &v, &i) < 0) return torch_raise_ts();
    return torch_return_pair("sort", v, i);
}

Value impl_argsort(TorchCall *c)
{
    return torch_wrap(ts_argsort(c->a[0].t, c->a[1].i, c->a[2].i, c->a[3].i));
}

Value impl_msort(TorchCall *c) { return torch_wrap(ts_msort(c->a[0].t)); }

Value impl_topk(TorchCall *c)
{
    TsTensor *v = NULL, *i = NULL;
    if (ts_topk(c->a[0].t, c->a[1].i, c->a[2].i, c->a[3].i, c->a[4].i, &v, &i) < 0)
        return torch_raise_ts();
    return torch_return_pair("topk", v, i);
}

Value impl_kthvalue(TorchCall *c)
{
    TsTensor *v = NULL, *i = NULL;
    if (ts_kthvalue(c->a[0].t, c->a[1].i, c->a[2].i, c->a[3].i, &v, &i) < 0)
        return torch_raise_ts();
    return torch_return_pair("kthvalue", v, i);
}

/* unique returns a tensor, or a plain tuple with inverse/counts. */
Value impl_unique(TorchCall *c)
{
    if (torch_has(&c->a[4]))
        return rt_raise(&exc_NotImplementedError, "torch.unique with dim is not supported");
    bool inv = c->a[2].i, cnt = c->a[3].i;
    TsTensor *v = NULL, *i = NULL, *n = NULL;
    if (ts_unique(c->a[0].t, c->a[1].i, &v, inv ? &i : NULL, cnt ? &n : NULL) < 0)
        return torch_raise_ts();
    if (!inv && !cnt) return torch_wrap(v);
    Value items[3];
    int k = 0;
    items[k++] = torch_wrap(v);
    if (inv) items[k++] = torch_wrap(i);
    if (cnt) items[k++] = torch_wrap(n);
    for (int j = 0; j < k; j++)
        if (IS_ERR(items[j])) {
            for (int q = 0; q < k; q++) v_decref(items[q]);
            return V_ERR;
        }
    Value r = tuple_from_array(items, k);
    for (int j = 0; j < k; j++) v_decref(items[j]);
    return r;
}
