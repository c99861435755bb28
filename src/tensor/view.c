/* view.c — operations that return a new view of the same storage:
 * only sizes, strides and offset change, never the data.
 *
 * Every function here returns a NEW tensor header that retains t's
 * storage (ts_make_view); autograd treats them as views sharing t's
 * version counter.
 */
#include "tensor/iter.h"

#include <stdio.h>
#include <stdlib.h>

static TsTensor *make(TsTensor *t, int ndim, const int64_t *sizes, const int64_t *strides,
                      int64_t offset)
{
    return ts_make_view(t->storage, t->dtype, ndim, sizes, strides, offset);
}

TsTensor *ts_alias(TsTensor *t) { return make(t, t->ndim, t->sizes, t->strides, t->offset); }

/* The sizes of a view / reshape to shape: a single -1 is replaced by what
 * makes numel match (PyTorch's infer_size). */
static int infer_shape(int n, const int64_t *shape, int64_t numel, int64_t *out)
{
    if (n > TS_MAX_DIMS)
        return ts_error(TS_ERR_RUNTIME, "too many dimensions");
    int infer = -1;
    int64_t prod = 1;
    char buf[512];
    for (int i = 0; i < n; i++) {
        out[i] = shape[i];
        if (shape[i] == -1) {
            if (infer >= 0)
                return ts_error(TS_ERR_RUNTIME, "only one dimension can be inferred");
            infer = i;
        } else if (shape[i] < 0) {
            return ts_error(TS_ERR_RUNTIME, "invalid shape dimension %lld",
                            (long long)shape[i]);
        } else {
            prod *= shape[i];
        }
    }
    if (infer >= 0 && prod != 0 && numel % prod == 0) {
        out[infer] = numel / prod;
        return 0;
    }
    if (infer < 0 && prod == numel)
        return 0;
    return ts_error(TS_ERR_RUNTIME, "shape '%s' is invalid for input of size %lld",
                    ts_shape_str(buf, sizeof buf, n, shape), (long long)numel);
}

/* PyTorch's computeStride: the new shape can be a view iff each run of
 * old dims that are contiguous with each other ("a chunk") maps onto a
 * run of new dims with the same element count.  Returns false if not. */
static bool view_strides(const TsTensor *t, int n, const int64_t *shape, int64_t *strides)
{
    if (t->ndim == 0 || ts_numel(t) == 0) { /* any shape of the same numel */
        ts_contiguous_strides(n, shape, strides);
        return true;
    }
    int view_d = n - 1;
    int64_t chunk_base = t->strides[t->ndim - 1];
    int64_t tensor_numel = 1, view_numel = 1;
    for (int d = t->ndim - 1; d >= 0; d--) {
        tensor_numel *= t->sizes[d];
        if (d == 0 || (t->sizes[d - 1] != 1 &&
                       t->strides[d - 1] != tensor_numel * chunk_base)) {
            while (view_d >= 0 && (view_numel < tensor_numel || shape[view_d] == 1)) {
                strides[view_d] = view_numel * chunk_base;
                view_numel *= shape[view_d];
                view_d--;
            }
            if (view_numel != tensor_numel)
                return false;
            if (d > 0) {
                chunk_base = t->strides[d - 1];
                tensor_numel = 1;
                view_numel = 1;
            }
        }
    }
    return view_d == -1;
}

TsTensor *ts_view(TsTensor *t, int n, const int64_t *shape)
{
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    if (infer_shape(n, shape, ts_numel(t), sizes) < 0)
        return NULL;
    if (!view_strides(t, n, sizes, strides)) {
        ts_error(TS_ERR_RUNTIME,
                 "view size is not compatible with input tensor's size and stride (at least "
                 "one dimension spans across two contiguous subspaces). Use .reshape(...) "
                 "instead.");
        return NULL;
    }
    return make(t, n, sizes, strides, t->offset);
}

TsTensor *ts_reshape(TsTensor *t, int n, const int64_t *shape)
{
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    if (infer_shape(n, shape, ts_numel(t), sizes) < 0)
        return NULL;
    if (view_strides(t, n, sizes, strides))
        return make(t, n, sizes, strides, t->offset);
    TsTensor *c = ts_clone(t);
    if (!c)
        return NULL;
    TsTensor *v = ts_view(c, n, sizes);
    ts_release(c);
    return v;
}

TsTensor *ts_squeeze(TsTensor *t)
{
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    int n = 0;
    for (int d = 0; d < t->ndim; d++) {
        if (t->sizes[d] == 1)
            continue;
        sizes[n] = t->sizes[d];
        strides[n++] = t->strides[d];
    }
    return make(t, n, sizes, strides, t->offset);
}

/* Removes dim d from a copy of t's geometry. */
static TsTensor *drop_dim(TsTensor *t, int d, int64_t offset)
{
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    int n = 0;
    for (int i = 0; i < t->ndim; i++) {
        if (i == d)
            continue;
        sizes[n] = t->sizes[i];
        strides[n++] = t->strides[i];
    }
    return make(t, n, sizes, strides, offset);
}

TsTensor *ts_squeeze_dim(TsTensor *t, int64_t dim)
{
    int d;
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return NULL;
    if (t->ndim == 0 || t->sizes[d] != 1)
        return ts_alias(t);
    return drop_dim(t, d, t->offset);
}

TsTensor *ts_unsqueeze(TsTensor *t, int64_t dim)
{
    int d;
    if (ts_wrap_dim(dim, t->ndim + 1, &d) < 0)
        return NULL;
    if (t->ndim + 1 > TS_MAX_DIMS) {
        ts_error(TS_ERR_RUNTIME, "too many dimensions");
        return NULL;
    }
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    for (int i = 0, j = 0; i <= t->ndim; i++) {
        if (i == d) {
            sizes[i] = 1;
            /* stride that keeps the tensor contiguous if it was */
            strides[i] = d < t->ndim ? t->sizes[d] * t->strides[d] : 1;
            continue;
        }
        sizes[i] = t->sizes[j];
        strides[i] = t->strides[j++];
    }
    return make(t, t->ndim + 1, sizes, strides, t->offset);
}

TsTensor *ts_flatten(TsTensor *t, int64_t start, int64_t end)
{
    int s, e;
    if (ts_wrap_dim(start, t->ndim, &s) < 0 || ts_wrap_dim(end, t->ndim, &e) < 0)
        return NULL;
    if (s > e) {
        ts_error(TS_ERR_RUNTIME, "flatten() has invalid args: start_dim cannot come after "
                                 "end_dim");
        return NULL;
    }
    if (t->ndim == 0) {
        int64_t one = 1;
        return ts_reshape(t, 1, &one);
    }
    if (s == e)
        return ts_alias(t);
    int64_t shape[TS_MAX_DIMS];
    int n = 0;
    for (int d = 0; d < s; d++)
        shape[n++] = t->sizes[d];
    int64_t m = 1;
    for (int d = s; d <= e; d++)
        m *= t->sizes[d];
    shape[n++] = m;
    for (int d = e + 1; d < t->ndim; d++)
        shape[n++] = t->sizes[d];
    return ts_reshape(t, n, shape);
}

TsTensor *ts_permute(TsTensor *t, int n, const int64_t *dims)
{
    if (n != t->ndim) {
        ts_error(TS_ERR_RUNTIME,
                 "permute(sparse_coo): number of dimensions in the tensor input does not "
                 "match the length of the desired ordering of dimensions i.e. input.dim() = "
                 "%d is not equal to len(dims) = %d",
                 t->ndim, n);
        return NULL;
    }
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    bool seen[TS_MAX_DIMS] = {false};
    for (int i = 0; i < n; i++) {
        int d;
        if (ts_wrap_dim(dims[i], t->ndim, &d) < 0)
            return NULL;
        if (seen[d]) {
            ts_error(TS_ERR_RUNTIME, "permute(): duplicate dims are not allowed.");
            return NULL;
        }
        seen[d] = true;
        sizes[i] = t->sizes[d];
        strides[i] = t->strides[d];
    }
    return make(t, n, sizes, strides, t->offset);
}

TsTensor *ts_transpose(TsTensor *t, int64_t d0, int64_t d1)
{
    int a, b;
    if (ts_wrap_dim(d0, t->ndim, &a) < 0 || ts_wrap_dim(d1, t->ndim, &b) < 0)
        return NULL;
    TsTensor *r = ts_alias(t);
    if (!r || t->ndim == 0)
        return r;
    int64_t s = r->sizes[a], st = r->strides[a];
    r->sizes[a] = r->sizes[b];
    r->strides[a] = r->strides[b];
    r->sizes[b] = s;
    r->strides[b] = st;
    return r;
}

TsTensor *ts_t(TsTensor *t)
{
    if (t->ndim > 2) {
        ts_error(TS_ERR_RUNTIME, "t() expects a tensor with <= 2 dimensions, but self is %dD",
                 t->ndim);
        return NULL;
    }
    return t->ndim < 2 ? ts_alias(t) : ts_transpose(t, 0, 1);
}

TsTensor *ts_movedim(TsTensor *t, int64_t src, int64_t dst)
{
    int s, d;
    if (ts_wrap_dim(src, t->ndim, &s) < 0 || ts_wrap_dim(dst, t->ndim, &d) < 0)
        return NULL;
    int64_t order[TS_MAX_DIMS];
    int n = 0;
    for (int i = 0; i < t->ndim; i++)
        if (i != s)
            order[n++] = i;
    if (t->ndim == 0)
        return ts_alias(t);
    memmove(order + d + 1, order + d, sizeof(int64_t) * (size_t)(t->ndim - 1 - d));
    order[d] = s;
    return ts_permute(t, t->ndim, order);
}

TsTensor *ts_expand(TsTensor *t, int n, const int64_t *sizes)
{
    char b1[512], b2[512];
    if (n < t->ndim) {
        ts_error(TS_ERR_RUNTIME,
                 "expand(%s{%s}, size=%s): the number of sizes provided (%d) must be greater "
                 "or equal to the number of dimensions in the tensor (%d)",
                 ts_dtype_legacy(t->dtype), ts_shape_str(b1, sizeof b1, t->ndim, t->sizes),
                 ts_shape_str(b2, sizeof b2, n, sizes), n, t->ndim);
        return NULL;
    }
    if (n > TS_MAX_DIMS) {
        ts_error(TS_ERR_RUNTIME, "too many dimensions");
        return NULL;
    }
    int64_t out[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    for (int i = n - 1; i >= 0; i--) {
        int td = i - (n - t->ndim);
        int64_t have = td >= 0 ? t->sizes[td] : 1;
        int64_t want = sizes[i];
        if (want == -1) {
            if (td < 0) {
                ts_error(TS_ERR_RUNTIME,
                         "The expanded size of the tensor (-1) isn't allowed in a leading, "
                         "non-existing dimension %d",
                         i);
                return NULL;
            }
            want = have;
        }
        if (have == want) {
            out[i] = want;
            strides[i] = td >= 0 ? t->strides[td] : 0;
        } else if (have == 1 && want >= 0) {
            out[i] = want;
            strides[i] = 0;
        } else {
            ts_error(TS_ERR_RUNTIME,
                     "The expanded size of the tensor (%lld) must match the existing size "
                     "(%lld) at non-singleton dimension %d.  Target sizes: %s.  Tensor "
                     "sizes: %s",
                     (long long)want, (long long)have, i, ts_shape_str(b1, sizeof b1, n, sizes),
                     ts_shape_str(b2, sizeof b2, t->ndim, t->sizes));
            return NULL;
        }
    }
    return make(t, n, out, strides, t->offset);
}

TsTensor *ts_expand_as(TsTensor *t, TsTensor *other)
{
    return ts_expand(t, other->ndim, other->sizes);
}

TsTensor *ts_narrow(TsTensor *t, int64_t dim, int64_t start, int64_t length)
{
    int d;
    if (t->ndim == 0) {
        ts_error(TS_ERR_RUNTIME, "narrow() cannot be applied to a 0-dim tensor.");
        return NULL;
    }
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return NULL;
    int64_t size = t->sizes[d];
    if (start < -size || start > size) {
        ts_error(TS_ERR_INDEX,
                 "Dimension out of range (expected to be in range of [%lld, %lld], but got "
                 "%lld)",
                 (long long)-size, (long long)size - 1, (long long)start);
        return NULL;
    }
    if (start < 0)
        start += size;
    if (length < 0 || start > size - length) {
        ts_error(TS_ERR_RUNTIME, "start (%lld) + length (%lld) exceeds dimension size (%lld).",
                 (long long)start, (long long)length, (long long)size);
        return NULL;
    }
    TsTensor *r = ts_alias(t);
    if (r) {
        r->offset += start * t->strides[d];
        r->sizes[d] = length;
    }
    return r;
}

TsTensor *ts_select(TsTensor *t, int64_t dim, int64_t index)
{
    int d;
    if (t->ndim == 0) {
        ts_error(TS_ERR_INDEX, "select() cannot be applied to a 0-dim tensor.");
        return NULL;
    }
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return NULL;
    int64_t size = t->sizes[d];
    if (index < -size || index >= size) {
        char buf[512];
        ts_error(TS_ERR_INDEX, "select(): index %lld out of range for tensor of size %s at dimension %d",
                 (long long)index, ts_shape_str(buf, sizeof buf, t->ndim, t->sizes), d);
        return NULL;
    }
    if (index < 0)
        index += size;
    return drop_dim(t, d, t->offset + index * t->strides[d]);
}

TsTensor *ts_slice(TsTensor *t, int64_t dim, int64_t start, int64_t end, int64_t step)
{
    int d;
    if (t->ndim == 0) {
        ts_error(TS_ERR_INDEX, "slice() cannot be applied to a 0-dim tensor.");
        return NULL;
    }
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return NULL;
    if (step <= 0) {
        ts_error(TS_ERR_VALUE, "step must be greater than zero");
        return NULL;
    }
    int64_t size = t->sizes[d];
    if (start == TS_SLICE_NONE)
        start = 0;
    if (end == TS_SLICE_NONE)
        end = size;
    /* Python's clamping */
    if (start < 0)
        start = start + size < 0 ? 0 : start + size;
    if (end < 0)
        end = end + size < 0 ? 0 : end + size;
    if (start > size)
        start = size;
    if (end > size)
        end = size;
    if (end < start)
        end = start;
    TsTensor *r = ts_alias(t);
    if (r) {
        r->offset += start * t->strides[d];
        r->sizes[d] = (end - start + step - 1) / step;
        r->strides[d] = t->strides[d] * step;
    }
    return r;
}

TsTensor *ts_diagonal(TsTensor *t, int64_t offset, int64_t d1, int64_t d2)
{
    int a, b;
    if (ts_wrap_dim(d1, t->ndim, &a) < 0 || ts_wrap_dim(d2, t->ndim, &b) < 0)
        return NULL;
    if (a == b) {
        ts_error(TS_ERR_RUNTIME, "diagonal dimensions cannot be identical %lld, %lld",
                 (long long)d1, (long long)d2);
        return NULL;
    }
    int64_t len, off = t->offset;
    if (offset >= 0) {
        len = t->sizes[b] - offset < t->sizes[a] ? t->sizes[b] - offset : t->sizes[a];
        off += offset * t->strides[b];
    } else {
        len = t->sizes[a] + offset < t->sizes[b] ? t->sizes[a] + offset : t->sizes[b];
        off -= offset * t->strides[a];
    }
    if (len <= 0) {
        len = 0;
        off = t->offset;
    }
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    int n = 0;
    for (int i = 0; i < t->ndim; i++) {
        if (i == a || i == b)
            continue;
        sizes[n] = t->sizes[i];
        strides[n++] = t->strides[i];
    }
    sizes[n] = len;
    strides[n++] = t->strides[a] + t->strides[b];
    return make(t, n, sizes, strides, off);
}

TsTensor *ts_unfold(TsTensor *t, int64_t dim, int64_t size, int64_t step)
{
    int d;
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return NULL;
    int64_t have = t->ndim ? t->sizes[d] : 1;
    if (size > have) {
        ts_error(TS_ERR_RUNTIME, "maximum size for tensor at dimension %d is %lld but size is %lld",
                 d, (long long)have, (long long)size);
        return NULL;
    }
    if (step <= 0) {
        ts_error(TS_ERR_RUNTIME, "step is %lld but must be > 0", (long long)step);
        return NULL;
    }
    if (t->ndim + 1 > TS_MAX_DIMS) {
        ts_error(TS_ERR_RUNTIME, "too many dimensions");
        return NULL;
    }
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    memcpy(sizes, t->sizes, sizeof(int64_t) * (size_t)t->ndim);
    memcpy(strides, t->strides, sizeof(int64_t) * (size_t)t->ndim);
    int64_t st = t->ndim ? t->strides[d] : 1;
    if (t->ndim) {
        sizes[d] = (have - size) / step + 1;
        strides[d] = step * st;
    }
    sizes[t->ndim] = size;
    strides[t->ndim] = st;
    return make(t, t->ndim + 1, sizes, strides, t->offset);
}

TsTensor *ts_as_strided(TsTensor *t, int n, const int64_t *sizes, const int64_t *strides,
                        int64_t offset)
{
    if (offset < 0)
        offset = t->offset;
    /* the view must stay inside the storage */
    int64_t last = offset;
    for (int d = 0; d < n; d++) {
        if (sizes[d] < 0 || strides[d] < 0) {
            ts_error(TS_ERR_RUNTIME, "as_strided: Negative strides are not supported at the "
                                     "moment, got strides: [...]");
            return NULL;
        }
        if (sizes[d] == 0)
            return make(t, n, sizes, strides, offset);
        last += (sizes[d] - 1) * strides[d];
    }
    size_t need = (size_t)(last + 1) * ts_dtype_size(t->dtype);
    if (need > t->storage->nbytes && !t->storage->borrowed) {
        ts_error(TS_ERR_RUNTIME,
                 "setStorage: sizes %s, strides %s, storage offset %lld, and itemsize %zu "
                 "requiring a storage size of %zu are out of bounds for storage of size %zu",
                 "[...]", "[...]", (long long)offset, ts_dtype_size(t->dtype), need,
                 t->storage->nbytes);
        return NULL;
    }
    return make(t, n, sizes, strides, offset);
}

int ts_resize_(TsTensor *t, int n, const int64_t *sizes)
{
    int64_t strides[TS_MAX_DIMS];
    if (n > TS_MAX_DIMS)
        return ts_error(TS_ERR_RUNTIME, "too many dimensions");
    for (int d = 0; d < n; d++)
        if (sizes[d] < 0)
            return ts_error(TS_ERR_RUNTIME,
                            "Trying to create tensor with negative dimension %lld",
                            (long long)sizes[d]);
    int64_t numel = ts_contiguous_strides(n, sizes, strides), bytes;
    if (numel < 0 || !ts_mul_checked(numel + t->offset, (int64_t)ts_dtype_size(t->dtype),
                                     &bytes))
        return ts_error(TS_ERR_RUNTIME, "Storage size calculation overflowed");
    if (ts_storage_resize(t->storage, (size_t)bytes) < 0)
        return -1;
    t->ndim = n;
    if (n > 0) {
        memcpy(t->sizes, sizes, sizeof(int64_t) * (size_t)n);
        memcpy(t->strides, strides, sizeof(int64_t) * (size_t)n);
    }
    return 0;
}

int ts_broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes, int *out_ndim,
                        int64_t *out_shape)
{
    int nd = 0;
    for (int k = 0; k < n; k++)
        nd = ndims[k] > nd ? ndims[k] : nd;
    if (nd > TS_MAX_DIMS)
        return ts_error(TS_ERR_RUNTIME, "too many dimensions");
    for (int i = 0; i < nd; i++)
        out_shape[i] = 1;
    /* PyTorch compares from the last dim backwards and reports the pair
     * (result so far, operand k) at the first mismatch */
    for (int od = nd - 1; od >= 0; od--) {
        for (int k = 0; k < n; k++) {
            int i = od - (nd - ndims[k]);
            if (i < 0)
                continue;
            int64_t s = shapes[k][i];
            if (s == out_shape[od] || s == 1)
                continue;
            if (out_shape[od] != 1)
                return ts_error(TS_ERR_RUNTIME,
                                "The size of tensor a (%lld) must match the size of tensor b "
                                "(%lld) at non-singleton dimension %d",
                                (long long)out_shape[od], (long long)s, od);
            out_shape[od] = s;
        }
    }
    *out_ndim = nd;
    return 0;
}
