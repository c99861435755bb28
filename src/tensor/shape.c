/* shape.c — shape ops that produce new data: cat, stack, flip, roll,
 * repeat, tril/triu, diag; and the splitters (which return views).
 *
 * Most are written as views + ts_copy_, so the strided iterator does the
 * moving (and dtype conversion, for cat's promotion) in one place.
 */
#include "tensor/iter.h"

#include <stdio.h>
#include <stdlib.h>

/* PyTorch still skips legacy empty 1-D tensors (shape [0]) in cat. */
static bool cat_skipped(const TsTensor *t) { return t->ndim == 1 && t->sizes[0] == 0; }

static int cat_check(int n, TsTensor *const *ts, int ref, int d)
{
    const TsTensor *r = ts[ref];
    for (int k = 0; k < n; k++) {
        const TsTensor *t = ts[k];
        if (t->ndim == 0)
            return ts_error(TS_ERR_RUNTIME,
                            "zero-dimensional tensor (at position %d) cannot be concatenated", k);
        if (cat_skipped(t))
            continue;
        if (t->ndim != r->ndim)
            return ts_error(TS_ERR_RUNTIME,
                            "Tensors must have same number of dimensions: got %d and %d", r->ndim,
                            t->ndim);
        for (int i = 0; i < r->ndim; i++)
            if (i != d && t->sizes[i] != r->sizes[i])
                return ts_error(TS_ERR_RUNTIME,
                                "Sizes of tensors must match except in dimension %d. Expected "
                                "size %lld but got size %lld for tensor number %d in the list.",
                                d, (long long)r->sizes[i], (long long)t->sizes[i], k);
        if (ts_check_same_device(r->device, t->device) < 0)
            return -1;
    }
    return 0;
}

TsTensor *ts_cat(int n, TsTensor *const *ts, int64_t dim)
{
    if (n == 0) {
        ts_error(TS_ERR_RUNTIME, "torch.cat(): expected a non-empty list of Tensors");
        return NULL;
    }
    int ref = 0, d;
    while (ref < n - 1 && cat_skipped(ts[ref]))
        ref++;
    if (ts_wrap_dim(dim, ts[ref]->ndim, &d) < 0 || cat_check(n, ts, ref, d) < 0)
        return NULL;
    TsDType dt = ts[0]->dtype;
    int64_t total = 0;
    for (int k = 0; k < n; k++) {
        dt = ts_promote_types(dt, ts[k]->dtype);
        if (!cat_skipped(ts[k]))
            total += ts[k]->sizes[d];
    }
    int64_t sizes[TS_MAX_DIMS];
    memcpy(sizes, ts[ref]->sizes, sizeof sizes);
    if (ts[ref]->ndim > 0)
        sizes[d] = total;
    TsTensor *out = ts_empty(ts[ref]->ndim, sizes, dt, ts[ref]->device);
    int64_t at = 0;
    for (int k = 0; out && k < n; k++) {
        if (cat_skipped(ts[k]) && ts[ref]->ndim != 1)
            continue;
        TsTensor *slot = ts_narrow(out, d, at, ts[k]->sizes[d]);
        if (!slot || ts_copy_(slot, ts[k]) < 0) {
            ts_release(slot);
            ts_release(out);
            return NULL;
        }
        at += ts[k]->sizes[d];
        ts_release(slot);
    }
    if (out)
        out->storage->version = 0;
    return out;
}

TsTensor *ts_stack(int n, TsTensor *const *ts, int64_t dim)
{
    char b1[256], b2[256];
    int d;
    if (n == 0) {
        ts_error(TS_ERR_RUNTIME, "stack expects a non-empty TensorList");
        return NULL;
    }
    for (int k = 1; k < n; k++)
        if (ts[k]->ndim != ts[0]->ndim ||
            memcmp(ts[k]->sizes, ts[0]->sizes, sizeof(int64_t) * (size_t)ts[0]->ndim) != 0) {
            ts_error(TS_ERR_RUNTIME,
                     "stack expects each tensor to be equal size, but got %s at entry 0 and %s "
                     "at entry %d",
                     ts_shape_str(b1, sizeof b1, ts[0]->ndim, ts[0]->sizes),
                     ts_shape_str(b2, sizeof b2, ts[k]->ndim, ts[k]->sizes), k);
            return NULL;
        }
    if (ts_wrap_dim(dim, ts[0]->ndim + 1, &d) < 0)
        return NULL;
    TsTensor **us = calloc((size_t)n, sizeof *us);
    if (!us) {
        ts_error_oom((size_t)n * sizeof *us);
        return NULL;
    }
    TsTensor *out = NULL;
    int k = 0;
    for (; k < n; k++)
        if (!(us[k] = ts_unsqueeze(ts[k], d)))
            break;
    if (k == n)
        out = ts_cat(n, us, d);
    for (int i = 0; i < k; i++)
        ts_release(us[i]);
    free(us);
    return out;
}

/* ---- splitting into views ---------------------------------------------- */

static int split_into(TsTensor *t, int d, int n, const int64_t *sizes, TsTensor ***out, int *out_n)
{
    TsTensor **parts = calloc(n > 0 ? (size_t)n : 1, sizeof *parts);
    if (!parts)
        return ts_error_oom((size_t)n * sizeof *parts);
    int64_t at = 0;
    for (int k = 0; k < n; k++) {
        if (!(parts[k] = ts_narrow(t, d, at, sizes[k]))) {
            for (int i = 0; i < k; i++)
                ts_release(parts[i]);
            free(parts);
            return -1;
        }
        at += sizes[k];
    }
    *out = parts;
    *out_n = n;
    return 0;
}

int ts_split(TsTensor *t, int64_t size, int64_t dim, TsTensor ***out, int *out_n)
{
    int d;
    if (t->ndim == 0)
        return ts_error(TS_ERR_RUNTIME, "split expects at least a 1-dimensional tensor");
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return -1;
    if (size < 0)
        return ts_error(TS_ERR_RUNTIME,
                        "split expects split_size be non-negative, but got split_size=%lld",
                        (long long)size);
    int64_t len = t->sizes[d];
    if (size == 0 && len != 0)
        return ts_error(TS_ERR_RUNTIME,
                        "split_size can only be 0 if dimension size is 0, but got dimension size "
                        "of %lld",
                        (long long)len);
    int64_t n = size == 0 ? 1 : (len + size - 1) / size;
    if (n == 0)
        n = 1;
    int64_t *sizes = malloc((size_t)n * sizeof *sizes);
    if (!sizes)
        return ts_error_oom((size_t)n * sizeof *sizes);
    for (int64_t k = 0; k < n; k++)
        sizes[k] = len - k * size < size ? len - k * size : size;
    int rc = split_into(t, d, (int)n, sizes, out, out_n);
    free(sizes);
    return rc;
}

int ts_split_sizes(TsTensor *t, int n, const int64_t *sizes, int64_t dim, TsTensor ***out,
                   int *out_n)
{
    int d;
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return -1;
    int64_t sum = 0;
    for (int k = 0; k < n; k++)
        sum += sizes[k];
    if (sum != t->sizes[d] || t->ndim == 0) {
        char buf[512];
        return ts_error(TS_ERR_RUNTIME,
                        "split_with_sizes expects split_sizes to sum exactly to %lld (input "
                        "tensor's size at dimension %d), but got split_sizes=%s",
                        (long long)(t->ndim ? t->sizes[d] : 1), d, ts_shape_str(buf, sizeof buf, n, sizes));
    }
    return split_into(t, d, n, sizes, out, out_n);
}

int ts_chunk(TsTensor *t, int64_t chunks, int64_t dim, TsTensor ***out, int *out_n)
{
    int d;
    if (t->ndim == 0)
        return ts_error(TS_ERR_RUNTIME, "chunk expects at least a 1-dimensional tensor");
    if (chunks <= 0)
        return ts_error(TS_ERR_RUNTIME, "chunk expects `chunks` to be greater than 0, got: %lld",
                        (long long)chunks);
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return -1;
    int64_t len = t->sizes[d];
    int64_t size = (len + chunks - 1) / chunks;
    if (size == 0 && len == 0) { /* PyTorch returns `chunks` empty pieces */
        int64_t *sizes = calloc((size_t)chunks, sizeof *sizes);
        if (!sizes)
            return ts_error_oom((size_t)chunks * sizeof *sizes);
        int rc = split_into(t, d, (int)chunks, sizes, out, out_n);
        free(sizes);
        return rc;
    }
    return ts_split(t, size, d, out, out_n);
}

/* ---- reordering copies --------------------------------------------------- */

TsTensor *ts_flip(TsTensor *t, int n, const int64_t *dims)
{
    /* An internal view with negative strides: the iterator only does
     * pointer arithmetic, so it reads the elements backwards. */
    TsTensor *v = ts_alias(t);
    if (!v)
        return NULL;
    bool seen[TS_MAX_DIMS] = {false};
    for (int i = 0; i < n; i++) {
        int d;
        if (ts_wrap_dim(dims[i], t->ndim, &d) < 0) {
            ts_release(v);
            return NULL;
        }
        if (seen[d]) {
            ts_error(TS_ERR_RUNTIME, "dims has duplicates, original flip dims size=%d, but unique flip dims size=%d", n, n - 1);
            ts_release(v);
            return NULL;
        }
        seen[d] = true;
        if (t->ndim == 0 || v->sizes[d] == 0)
            continue;
        v->offset += (v->sizes[d] - 1) * v->strides[d];
        v->strides[d] = -v->strides[d];
    }
    TsTensor *r = ts_clone(v);
    ts_release(v);
    return r;
}

/* Rolls one dim: the last `s` entries move to the front. */
static TsTensor *roll_dim(TsTensor *t, int64_t shift, int d)
{
    int64_t n = t->sizes[d];
    if (n == 0)
        return ts_clone(t);
    int64_t s = ((shift % n) + n) % n;
    TsTensor *parts[2] = {ts_narrow(t, d, n - s, s), ts_narrow(t, d, 0, n - s)};
    TsTensor *r = parts[0] && parts[1] ? ts_cat(2, parts, d) : NULL;
    ts_release(parts[0]);
    ts_release(parts[1]);
    return r;
}

TsTensor *ts_roll(TsTensor *t, int n, const int64_t *shifts, const int64_t *dims)
{
    if (n == 0) { /* roll the flattened tensor, keep the shape */
        int64_t m = -1;
        TsTensor *flat = ts_reshape(t, 1, &m);
        TsTensor *r = flat ? roll_dim(flat, shifts[0], 0) : NULL;
        TsTensor *v = r ? ts_view(r, t->ndim, t->sizes) : NULL;
        ts_release(flat);
        ts_release(r);
        return v;
    }
    TsTensor *cur = t;
    ts_retain(cur);
    for (int i = 0; i < n; i++) {
        int d;
        TsTensor *next = ts_wrap_dim(dims[i], t->ndim, &d) < 0 ? NULL : roll_dim(cur, shifts[i], d);
        ts_release(cur);
        if (!next)
            return NULL;
        cur = next;
    }
    return cur;
}

/* repeat as one copy: view t as (r0, s0, r1, s1, ...) with stride 0 on
 * the r dims, copy it contiguous, then merge each (ri, si) pair. */
TsTensor *ts_repeat(TsTensor *t, int n, const int64_t *reps)
{
    if (n < t->ndim) {
        ts_error(TS_ERR_RUNTIME, "Number of dimensions of repeat dims can not be smaller than "
                                 "number of dimensions of tensor");
        return NULL;
    }
    if (2 * n > TS_MAX_DIMS) {
        ts_error(TS_ERR_RUNTIME, "too many dimensions");
        return NULL;
    }
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS], final[TS_MAX_DIMS];
    for (int i = 0; i < n; i++) {
        int td = i - (n - t->ndim);
        if (reps[i] < 0) {
            ts_error(TS_ERR_RUNTIME, "Trying to create tensor with negative dimension %lld",
                     (long long)reps[i]);
            return NULL;
        }
        sizes[2 * i] = reps[i];
        strides[2 * i] = 0;
        sizes[2 * i + 1] = td >= 0 ? t->sizes[td] : 1;
        strides[2 * i + 1] = td >= 0 ? t->strides[td] : 0;
        final[i] = reps[i] * sizes[2 * i + 1];
    }
    TsTensor *v = ts_make_view(t->storage, t->dtype, 2 * n, sizes, strides, t->offset);
    TsTensor *c = v ? ts_clone(v) : NULL;
    TsTensor *r = c ? ts_view(c, n, final) : NULL;
    ts_release(v);
    ts_release(c);
    return r;
}

/* ---- triangles and diagonals -------------------------------------------- */

/* Zeroes, in a contiguous copy, every (i, j) of the last two dims with
 * keep(j - i) false. */
static TsTensor *triangle(TsTensor *t, int64_t k, bool lower, const char *name)
{
    int unused;
    (void)name;
    if (t->ndim < 2) { /* PyTorch fails looking up dim -2 */
        ts_wrap_dim(-2, t->ndim, &unused);
        return NULL;
    }
    TsTensor *r = ts_clone(t);
    TsTensor *h = r ? ts_host_mirror(r) : NULL;
    if (!h) {
        ts_release(r);
        return NULL;
    }
    int64_t rows = t->sizes[t->ndim - 2], cols = t->sizes[t->ndim - 1];
    int64_t batch = (rows != 0 && cols != 0) ? ts_numel(t) / (rows * cols) : 0;
    size_t isz = ts_dtype_size(t->dtype);
    char *p = ts_data(h);
    for (int64_t b = 0; b < batch; b++)
        for (int64_t i = 0; i < rows; i++)
            for (int64_t j = 0; j < cols; j++) {
                bool keep = lower ? j - i <= k : j - i >= k;
                if (!keep)
                    memset(p + ((b * rows + i) * cols + j) * (int64_t)isz, 0, isz);
            }
    int rc = ts_host_commit(r, h);
    ts_release(h);
    if (rc < 0) {
        ts_release(r);
        return NULL;
    }
    return r;
}

TsTensor *ts_tril(TsTensor *t, int64_t k) { return triangle(t, k, true, "tril"); }
TsTensor *ts_triu(TsTensor *t, int64_t k) { return triangle(t, k, false, "triu"); }

TsTensor *ts_diag(TsTensor *t, int64_t k)
{
    if (t->ndim == 2) {
        TsTensor *v = ts_diagonal(t, k, 0, 1);
        TsTensor *r = v ? ts_clone(v) : NULL;
        ts_release(v);
        return r;
    }
    if (t->ndim != 1) {
        ts_error(TS_ERR_RUNTIME, "matrix or a vector expected");
        return NULL;
    }
    int64_t n = t->sizes[0] + (k < 0 ? -k : k);
    int64_t sz[2] = {n, n};
    TsTensor *r = ts_zeros(2, sz, t->dtype, t->device);
    TsTensor *dv = r ? ts_diagonal(r, k, 0, 1) : NULL;
    if (!dv || ts_copy_(dv, t) < 0) {
        ts_release(dv);
        ts_release(r);
        return NULL;
    }
    ts_release(dv);
    r->storage->version = 0;
    return r;
}
