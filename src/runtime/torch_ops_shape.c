/* torch_ops_shape.c — impls of the shape and view rows: view/reshape,
 * squeeze/unsqueeze, permute/transpose, expand, narrow, cat/stack,
 * split/chunk, flip/roll/repeat, tril/triu/diag.
 *
 * View ops share storage (the library's views); their in-place forms
 * (squeeze_, t_, transpose_ ...) re-point the Tensor value at the new view,
 * which is how PyTorch changes a tensor's metadata in place.
 */
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "tensor/ops.h"
#include "torch_private.h"

Value torch_view_result(TorchCall *c, TsTensor *nt)
{
    if (!nt) return torch_raise_ts();
    if (!c->inplace) return torch_wrap(nt);
    TensorObj *o = (TensorObj *)c->self.o;
    ts_release(o->t);
    o->t = nt;
    return v_incref(c->self);
}

Value torch_copy_back(TorchCall *c, TsTensor *r)
{
    TsTensor *target = torch_call_target(c);
    if (!r || !target) return torch_wrap(r);
    /* out= of another shape is resized first, as PyTorch does */
    bool same = target->ndim == r->ndim &&
                !memcmp(target->sizes, r->sizes, sizeof(int64_t) * (size_t)r->ndim);
    if (!c->inplace && !same && ts_resize_(target, r->ndim, r->sizes) < 0) {
        ts_release(r);
        return torch_raise_ts();
    }
    int rc = ts_copy_(target, r);
    ts_release(r);
    if (rc < 0) return torch_raise_ts();
    ts_retain(target);
    return torch_wrap(target);
}

Value torch_tuple_of(TsTensor **ts, int n)
{
    Value r = tuple_new(n);
    for (int i = 0; i < n; i++) {
        if (IS_ERR(r)) {
            ts_release(ts[i]);
            continue;
        }
        Value t = torch_wrap(ts[i]);
        if (IS_ERR(t)) {
            v_decref(r);
            r = V_ERR;
            continue;
        }
        ((Tuple *)r.o)->items[i] = t;
    }
    free(ts);
    return r;
}

/* ---- views ---- */

/* view(dtype) reinterprets the bytes; only same-size dtypes here. */
Value impl_view(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    if (c->overload == 0) {
        TsDType dt = (TsDType)c->a[1].i;
        if (ts_dtype_size(dt) != ts_dtype_size(t->dtype))
            return rt_raise(&exc_NotImplementedError,
                            "view(dtype) between dtypes of different sizes is not supported");
        TsTensor *r = ts_alias(t);
        if (r) r->dtype = dt;
        return torch_wrap(r);
    }
    return torch_wrap(ts_view(t, c->a[1].n, c->a[1].list));
}

Value impl_view_as(TorchCall *c)
{
    return torch_wrap(ts_view(c->a[0].t, c->a[1].t->ndim, c->a[1].t->sizes));
}

Value impl_reshape(TorchCall *c) { return torch_wrap(ts_reshape(c->a[0].t, c->a[1].n, c->a[1].list)); }

Value impl_reshape_as(TorchCall *c)
{
    return torch_wrap(ts_reshape(c->a[0].t, c->a[1].t->ndim, c->a[1].t->sizes));
}

/* squeeze(dim) with a tuple squeezes each listed dim (highest first so
 * the others keep their positions). */
Value impl_squeeze(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    if (c->overload == 0) return torch_view_result(c, ts_squeeze(t));
    int nd = c->a[1].n;
    int w[TS_MAX_DIMS];
    for (int i = 0; i < nd; i++)
        if (ts_wrap_dim(c->a[1].list[i], t->ndim, &w[i]) < 0) return torch_raise_ts();
    ts_retain(t);
    for (int d = t->ndim - 1; d >= 0; d--) {
        bool listed = false;
        for (int i = 0; i < nd; i++) listed |= w[i] == d;
        if (!listed) continue;
        TsTensor *n = ts_squeeze_dim(t, d);
        ts_release(t);
        if (!n) return torch_raise_ts();
        t = n;
    }
    return torch_view_result(c, t);
}

Value impl_unsqueeze(TorchCall *c) { return torch_view_result(c, ts_unsqueeze(c->a[0].t, c->a[1].i)); }

Value impl_flatten(TorchCall *c)
{
    return torch_wrap(ts_flatten(c->a[0].t, c->a[1].i, c->a[2].i));
}

Value impl_ravel(TorchCall *c)
{
    int64_t m = -1;
    TsTensor *ct = ts_contiguous(c->a[0].t);
    TsTensor *r = ct ? ts_view(ct, 1, &m) : NULL;
    ts_release(ct);
    return torch_wrap(r);
}

Value impl_unflatten(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    int d;
    if (ts_wrap_dim(c->a[1].i, t->ndim, &d) < 0) return torch_raise_ts();
    int64_t shape[TS_MAX_DIMS];
    int n = 0;
    for (int i = 0; i < d; i++) shape[n++] = t->sizes[i];
    for (int i = 0; i < c->a[2].n && n < TS_MAX_DIMS; i++) shape[n++] = c->a[2].list[i];
    for (int i = d + 1; i < t->ndim && n < TS_MAX_DIMS; i++) shape[n++] = t->sizes[i];
    return torch_wrap(ts_view(t, n, shape));
}

Value impl_permute(TorchCall *c) { return torch_wrap(ts_permute(c->a[0].t, c->a[1].n, c->a[1].list)); }

Value impl_transpose(TorchCall *c)
{
    return torch_view_result(c, ts_transpose(c->a[0].t, c->a[1].i, c->a[2].i));
}

Value impl_t(TorchCall *c) { return torch_view_result(c, ts_t(c->a[0].t)); }

/* x.T reverses all dims. */
Value impl_T(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    int64_t perm[TS_MAX_DIMS];
    for (int i = 0; i < t->ndim; i++) perm[i] = t->ndim - 1 - i;
    return torch_wrap(ts_permute(t, t->ndim, perm));
}

Value impl_mT(TorchCall *c)
{
    if (c->a[0].t->ndim < 2)
        return rt_raise(&exc_RuntimeError, "tensor.mT is only supported on matrices or batches of "
                        "matrices. Got %d-D tensor.", c->a[0].t->ndim);
    return torch_wrap(ts_transpose(c->a[0].t, -2, -1));
}

Value impl_movedim(TorchCall *c) { return torch_wrap(ts_movedim(c->a[0].t, c->a[1].i, c->a[2].i)); }

Value impl_expand(TorchCall *c) { return torch_wrap(ts_expand(c->a[0].t, c->a[1].n, c->a[1].list)); }

Value impl_expand_as(TorchCall *c) { return torch_wrap(ts_expand_as(c->a[0].t, c->a[1].t)); }

Value impl_narrow(TorchCall *c)
{
    return torch_wrap(ts_narrow(c->a[0].t, c->a[1].i, c->a[2].i, c->a[3].i));
}

Value impl_select(TorchCall *c) { return torch_wrap(ts_select(c->a[0].t, c->a[1].i, c->a[2].i)); }

Value impl_unfold(TorchCall *c)
{
    return torch_wrap(ts_unfold(c->a[0].t, c->a[1].i, c->a[2].i, c->a[3].i));
}

Value impl_diagonal(TorchCall *c)
{
    return torch_wrap(ts_diagonal(c->a[0].t, c->a[1].i, c->a[2].i, c->a[3].i));
}

Value impl_as_strided(TorchCall *c)
{
    if (c->a[1].n != c->a[2].n)
        return rt_raise(&exc_RuntimeError, "mismatch in length of strides and shape");
    int64_t off = torch_has(&c->a[3]) ? c->a[3].i : -1;
    return torch_wrap(ts_as_strided(c->a[0].t, c->a[1].n, c->a[1].list, c->a[2].list, off));
}

/* ---- joining and splitting ---- */

static Value cat_like(TorchCall *c, bool stack)
{
    TorchArg *l = &c->a[0];
    if (l->n == 0)
        return rt_raise(&exc_RuntimeError, stack ? "stack expects a non-empty TensorList"
                                                 : "torch.cat(): expected a non-empty list of Tensors");
    TsTensor *r = stack ? ts_stack(l->n, l->tl, c->a[1].i) : ts_cat(l->n, l->tl, c->a[1].i);
    return torch_copy_back(c, r);
}

Value impl_cat(TorchCall *c) { return cat_like(c, false); }
Value impl_stack(TorchCall *c) { return cat_like(c, true); }

/* hstack: along dim 1, or 0 when the inputs are 1-D. */
Value impl_hstack(TorchCall *c)
{
    TorchArg *l = &c->a[0];
    if (l->n == 0) return rt_raise(&exc_RuntimeError, "hstack expects a non-empty TensorList");
    return torch_wrap(ts_cat(l->n, l->tl, l->tl[0]->ndim == 1 ? 0 : 1));
}

/* vstack: 1-D inputs become rows first. */
Value impl_vstack(TorchCall *c)
{
    TorchArg *l = &c->a[0];
    if (l->n == 0) return rt_raise(&exc_RuntimeError, "vstack expects a non-empty TensorList");
    TsTensor **rows = calloc((size_t)l->n, sizeof *rows);
    if (!rows) return rt_nomem();
    bool ok = true;
    for (int i = 0; i < l->n && ok; i++) {
        TsTensor *t = l->tl[i];
        if (t->ndim >= 2) {
            ts_retain(t);
            rows[i] = t;
        } else {
            int64_t shape[2] = {1, ts_numel(t)};
            ok = (rows[i] = ts_reshape(t, 2, shape)) != NULL;
        }
    }
    TsTensor *r = ok ? ts_cat(l->n, rows, 0) : NULL;
    for (int i = 0; i < l->n; i++) ts_release(rows[i]);
    free(rows);
    return torch_wrap(r);
}

Value impl_split(TorchCall *c)
{
    TsTensor **parts;
    int n, rc;
    Value s = c->a[1].v;
    if (IS_INT(s)) {
        rc = ts_split(c->a[0].t, s.i, c->a[2].i, &parts, &n);
    } else {
        int64_t sizes[64];
        int ns = 0;
        Value *items, tmp = V_UNBOUND;
        int64_t cnt;
        if (!IS_OBJ(s) || (!v_isinstance(s, &tuple_type) && !IS_TYPE(s, &list_type)))
            return rt_raise(&exc_TypeError, "split(): argument 'split_size' must be int or "
                            "list of ints, not %s", v_typename(s));
        if (!seq_items(s, &items, &cnt, &tmp)) return V_ERR;
        for (int64_t i = 0; i < cnt && ns < 64; i++) {
            if (!IS_INT(items[i])) {
                v_decref(tmp);
                return rt_raise(&exc_TypeError, "split(): sizes must be ints");
            }
            sizes[ns++] = items[i].i;
        }
        v_decref(tmp);
        rc = ts_split_sizes(c->a[0].t, ns, sizes, c->a[2].i, &parts, &n);
    }
    if (rc < 0) return torch_raise_ts();
    return torch_tuple_of(parts, n);
}

Value impl_chunk(TorchCall *c)
{
    TsTensor **parts;
    int n;
    if (ts_chunk(c->a[0].t, c->a[1].i, c->a[2].i, &parts, &n) < 0) return torch_raise_ts();
    return torch_tuple_of(parts, n);
}

Value impl_unbind(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    int d;
    if (ts_wrap_dim(c->a[1].i, t->ndim, &d) < 0) return torch_raise_ts();
    int n = (int)t->sizes[d];
    TsTensor **parts = calloc((size_t)(n ? n : 1), sizeof *parts);
    if (!parts) return rt_nomem();
    for (int i = 0; i < n; i++)
        if (!(parts[i] = ts_select(t, d, i))) {
            for (int j = 0; j < i; j++) ts_release(parts[j]);
            free(parts);
            return torch_raise_ts();
        }
    return torch_tuple_of(parts, n);
}

Value impl_flip(TorchCall *c) { return torch_wrap(ts_flip(c->a[0].t, c->a[1].n, c->a[1].list)); }

Value impl_fliplr(TorchCall *c)
{
    int64_t d = 1;
    return torch_wrap(ts_flip(c->a[0].t, 1, &d));
}

Value impl_flipud(TorchCall *c)
{
    int64_t d = 0;
    return torch_wrap(ts_flip(c->a[0].t, 1, &d));
}

Value impl_roll(TorchCall *c)
{
    if (!torch_has(&c->a[2])) return torch_wrap(ts_roll(c->a[0].t, 0, c->a[1].list, NULL));
    if (c->a[1].n != c->a[2].n)
        return rt_raise(&exc_RuntimeError, "shifts and dimensions must align. shifts: %d, dims:%d",
                        c->a[1].n, c->a[2].n);
    return torch_wrap(ts_roll(c->a[0].t, c->a[1].n, c->a[1].list, c->a[2].list));
}

Value impl_repeat(TorchCall *c) { return torch_wrap(ts_repeat(c->a[0].t, c->a[1].n, c->a[1].list)); }

/* tile pads the repeats with leading 1s up to the tensor's rank. */
Value impl_tile(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    int64_t reps[TS_MAX_DIMS];
    int n = c->a[1].n, pad = t->ndim > n ? t->ndim - n : 0;
    for (int i = 0; i < pad; i++) reps[i] = 1;
    for (int i = 0; i < n && pad + i < TS_MAX_DIMS; i++) reps[pad + i] = c->a[1].list[i];
    return torch_wrap(ts_repeat(t, pad + n, reps));
}

Value impl_tril(TorchCall *c) { return torch_copy_back(c, ts_tril(c->a[0].t, c->a[1].i)); }
Value impl_triu(TorchCall *c) { return torch_copy_back(c, ts_triu(c->a[0].t, c->a[1].i)); }
Value impl_diag(TorchCall *c) { return torch_wrap(ts_diag(c->a[0].t, c->a[1].i)); }

/* diag_embed for a 1-D or batched input: zeros with the last dim on the
 * diagonal of the last two. */
Value impl_diag_embed(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    if (t->ndim == 1) return torch_wrap(ts_diag(t, 0));
    int64_t sizes[TS_MAX_DIMS];
    if (t->ndim + 1 > TS_MAX_DIMS) return rt_raise(&exc_RuntimeError, "too many dimensions");
    memcpy(sizes, t->sizes, sizeof(int64_t) * (size_t)t->ndim);
    sizes[t->ndim] = t->sizes[t->ndim - 1];
    TsTensor *r = ts_zeros(t->ndim + 1, sizes, t->dtype, t->device);
    TsTensor *d = r ? ts_diagonal(r, 0, -2, -1) : NULL;
    int rc = d ? ts_copy_(d, t) : -1;
    ts_release(d);
    if (rc < 0) {
        ts_release(r);
        return torch_raise_ts();
    }
    return torch_wrap(r);
}
