/* torch_ops_gather.c — impls of the indexing-function rows: index_select,
 * gather, scatter (and scatter_add, index_add, index_fill), masked_select,
 * masked_scatter, take, nonzero.  Subscripts (t[...]) live in BIND-B's
 * torch_index.c; both end in the library's index.c.
 */
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "tensor/ops.h"
#include "torch_private.h"

Value impl_index_select(TorchCall *c)
{
    return torch_copy_back(c, ts_index_select(c->a[0].t, c->a[1].i, c->a[2].t));
}

Value impl_gather(TorchCall *c)
{
    return torch_copy_back(c, ts_gather(c->a[0].t, c->a[1].i, c->a[2].t));
}

/* scatter(input, dim, index, src, *, reduce) | scatter(..., *, value, reduce):
 * reduce 'add' / 'multiply' (PyTorch's names). */
Value impl_scatter(TorchCall *c)
{
    const char *reduce = torch_has(&c->a[4]) ? c->a[4].str : NULL;
    if (reduce && strcmp(reduce, "add") && strcmp(reduce, "multiply"))
        return rt_raise(&exc_RuntimeError, "reduce argument must be either add or multiply.");
    TsTensor *out = c->inplace ? c->a[0].t : NULL;
    return torch_wrap(ts_scatter(c->a[0].t, c->a[1].i, c->a[2].t, torch_targ(&c->a[3]), reduce, out));
}

Value impl_scatter_add(TorchCall *c)
{
    TsTensor *out = c->inplace ? c->a[0].t : NULL;
    return torch_wrap(ts_scatter_add(c->a[0].t, c->a[1].i, c->a[2].t, c->a[3].t, out));
}

Value impl_index_add(TorchCall *c)
{
    TsTensor *out = c->inplace ? c->a[0].t : NULL;
    return torch_wrap(ts_index_add(c->a[0].t, c->a[1].i, c->a[2].t, c->a[3].t, c->a[4].s, out));
}

/* index_fill: index_put_ of value at (:, ..., index) along dim. */
Value impl_index_fill(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    int d;
    if (ts_wrap_dim(c->a[1].i, t->ndim, &d) < 0) return torch_raise_ts();
    TsTensor *target = c->inplace ? t : ts_clone(t);
    if (!target) return torch_raise_ts();
    TsTensor *idx[TS_MAX_DIMS] = {0};
    idx[d] = c->a[2].t;
    int rc = ts_index_put_tensors_(target, d + 1, idx, torch_targ(&c->a[3]), false);
    if (rc < 0) {
        if (!c->inplace) ts_release(target);
        return torch_raise_ts();
    }
    if (c->inplace) ts_retain(target);
    return torch_wrap(target);
}

Value impl_masked_select(TorchCall *c)
{
    return torch_copy_back(c, ts_masked_select(c->a[0].t, c->a[1].t));
}

Value impl_masked_scatter(TorchCall *c)
{
    TsTensor *out = c->inplace ? c->a[0].t : NULL;
    return torch_wrap(ts_masked_scatter(c->a[0].t, c->a[1].t, c->a[2].t, out));
}

Value impl_take(TorchCall *c) { return torch_wrap(ts_take(c->a[0].t, c->a[1].t)); }

/* nonzero(as_tuple=True) gives one 1-D index tensor per dim. */
Value impl_nonzero(TorchCall *c)
{
    if (c->n > 1 && c->a[1].i) {
        TsTensor **parts;
        int n;
        if (ts_nonzero_tuple(c->a[0].t, &parts, &n) < 0) return torch_raise_ts();
        return torch_tuple_of(parts, n);
    }
    return torch_wrap(ts_nonzero(c->a[0].t));
}
