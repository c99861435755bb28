/* tensor.c — tensor headers, creation, copies with dtype conversion,
 * element access.
 *
 * A tensor is a view (sizes/strides/offset) onto a storage; see tensor.h.
 * Creating one costs two mallocs (header + storage) plus the buffer.
 */
#include "tensor/iter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Let -O2 vectorise the conversion/fill loops (see elementwise.c). */
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")

/* ---- headers -------------------------------------------------------- */

int64_t ts_numel(const TsTensor *t)
{
    int64_t n = 1;
    for (int d = 0; d < t->ndim; d++)
        n *= t->sizes[d];
    return n;
}

int64_t ts_contiguous_strides(int ndim, const int64_t *sizes, int64_t *strides)
{
    int64_t n = 1;
    for (int d = ndim - 1; d >= 0; d--) {
        strides[d] = n;
        /* PyTorch gives size-0/1 dims the stride they would have anyway */
        if (!ts_mul_checked(n, sizes[d] > 1 ? sizes[d] : 1, &n))
            return -1;
    }
    for (int d = 0; d < ndim; d++)
        if (sizes[d] == 0)
            return 0;
    return n;
}

/* PyTorch's rule: size-1 dims may have any stride; otherwise strides must
 * be the row-major ones. */
bool ts_is_contiguous(const TsTensor *t)
{
    int64_t expect = 1;
    for (int d = t->ndim - 1; d >= 0; d--) {
        if (t->sizes[d] == 0)
            return true;
        if (t->sizes[d] != 1 && t->strides[d] != expect)
            return false;
        expect *= t->sizes[d];
    }
    return true;
}

int ts_wrap_dim(int64_t dim, int ndim, int *out)
{
    int n = ndim > 0 ? ndim : 1;
    if (dim < -n || dim >= n)
        return ts_error(TS_ERR_INDEX,
                        "Dimension out of range (expected to be in range of [%d, %d], but got "
                        "%lld)",
                        -n, n - 1, (long long)dim);
    *out = (int)(dim < 0 ? dim + n : dim);
    return 0;
}

void ts_release(TsTensor *t)
{
    if (!t || --t->rc > 0)
        return;
    ts_storage_release(t->storage);
    free(t);
}

TsTensor *ts_make_view(TsStorage *s, TsDType dt, int ndim, const int64_t *sizes,
                       const int64_t *strides, int64_t offset)
{
    if (ndim > TS_MAX_DIMS) {
        ts_error(TS_ERR_RUNTIME, "too many dimensions");
        return NULL;
    }
    TsTensor *t = malloc(sizeof *t);
    if (!t) {
        ts_error_oom(sizeof *t);
        return NULL;
    }
    t->rc = 1;
    t->storage = s;
    ts_storage_retain(s);
    t->offset = offset;
    t->ndim = ndim;
    t->dtype = dt;
    t->device = s->device;
    if (ndim > 0) { /* a 0-dim tensor may pass NULL arrays */
        memcpy(t->sizes, sizes, sizeof(int64_t) * (size_t)ndim);
        memcpy(t->strides, strides, sizeof(int64_t) * (size_t)ndim);
    }
    return t;
}

/* Size checks with PyTorch's texts, then numel * itemsize without
 * overflow. */
static int check_sizes(int ndim, const int64_t *sizes)
{
    if (ndim > TS_MAX_DIMS)
        return ts_error(TS_ERR_RUNTIME, "too many dimensions");
    for (int d = 0; d < ndim; d++) {
        if (sizes[d] >= 0)
            continue;
        char buf[512];
        size_t n = 0;
        for (int i = 0; i < ndim && n < sizeof buf - 24; i++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%lld", i ? ", " : "",
                                  (long long)sizes[i]);
        return ts_error(TS_ERR_RUNTIME,
                        "Trying to create tensor with negative dimension %lld: [%s]",
                        (long long)sizes[d], buf);
    }
    return 0;
}

TsTensor *ts_empty_strided(int ndim, const int64_t *sizes, const int64_t *strides,
                           TsDType dtype, int device)
{
    if (dtype == TS_UNDEF)
        dtype = ts_default_float();
    if (check_sizes(ndim, sizes) < 0)
        return NULL;
    /* storage must reach the farthest element: 1 + sum (size-1)*stride */
    int64_t extent = 1, bytes;
    for (int d = 0; d < ndim; d++) {
        int64_t span;
        if (sizes[d] == 0) {
            extent = 0;
            break;
        }
        if (!ts_mul_checked(sizes[d] - 1, strides[d], &span) ||
            __builtin_add_overflow(extent, span, &extent))
            goto too_big;
    }
    if (!ts_mul_checked(extent, (int64_t)ts_dtype_size(dtype), &bytes))
        goto too_big;
    TsStorage *s = ts_storage_new((size_t)bytes, device);
    if (!s)
        return NULL;
    TsTensor *t = ts_make_view(s, dtype, ndim, sizes, strides, 0);
    ts_storage_release(s);
    return t;
too_big:
    ts_error(TS_ERR_RUNTIME, "Storage size calculation overflowed with sizes=[...]");
    return NULL;
}

TsTensor *ts_empty(int ndim, const int64_t *sizes, TsDType dtype, int device)
{
    int64_t strides[TS_MAX_DIMS];
    if (check_sizes(ndim, sizes) < 0)
        return NULL;
    if (ts_contiguous_strides(ndim, sizes, strides) < 0) {
        ts_error(TS_ERR_RUNTIME, "numel: integer multiplication overflow");
        return NULL;
    }
    return ts_empty_strided(ndim, sizes, strides, dtype, device);
}

/* ---- scalar <-> element conversion ---------------------------------- */

TsScalar ts_load_scalar(const void *p, TsDType dt)
{
    switch (dt) {
    case TS_BOOL: return ts_scalar_b(*(const bool *)p);
    case TS_UINT8: return ts_scalar_i(*(const uint8_t *)p);
    case TS_INT8: return ts_scalar_i(*(const int8_t *)p);
    case TS_INT16: return ts_scalar_i(*(const int16_t *)p);
    case TS_INT32: return ts_scalar_i(*(const int32_t *)p);
    case TS_INT64: return ts_scalar_i(*(const int64_t *)p);
    case TS_FLOAT16: return ts_scalar_f(ts_h2f(*(const uint16_t *)p));
    case TS_BFLOAT16: return ts_scalar_f(ts_b2f(*(const uint16_t *)p));
    case TS_FLOAT32: return ts_scalar_f(*(const float *)p);
    default: return ts_scalar_f(*(const double *)p);
    }
}

double ts_load_f64(const void *p, TsDType dt) { return ts_scalar_to_f64(ts_load_scalar(p, dt)); }

int64_t ts_load_i64(const void *p, TsDType dt)
{
    TsScalar s = ts_load_scalar(p, dt);
    return s.is_float ? ts_f2i64(s.f) : s.i;
}

/* Stores with the same results a tensor cast gives (see ts_f2i32). */
void ts_store_f64(void *p, TsDType dt, double v)
{
    switch (dt) {
    case TS_BOOL: *(bool *)p = v != 0; break;
    case TS_UINT8: *(uint8_t *)p = (uint8_t)ts_f2i32(v); break;
    case TS_INT8: *(int8_t *)p = (int8_t)ts_f2i32(v); break;
    case TS_INT16: *(int16_t *)p = (int16_t)ts_f2i32(v); break;
    case TS_INT32: *(int32_t *)p = ts_f2i32(v); break;
    case TS_INT64: *(int64_t *)p = ts_f2i64(v); break;
    case TS_FLOAT16: *(uint16_t *)p = ts_f2h((float)v); break;
    case TS_BFLOAT16: *(uint16_t *)p = ts_f2b((float)v); break;
    case TS_FLOAT32: *(float *)p = (float)v; break;
    default: *(double *)p = v; break;
    }
}

void ts_store_i64(void *p, TsDType dt, int64_t v)
{
    switch (dt) {
    case TS_BOOL: *(bool *)p = v != 0; break;
    case TS_UINT8: *(uint8_t *)p = (uint8_t)v; break;
    case TS_INT8: *(int8_t *)p = (int8_t)v; break;
    case TS_INT16: *(int16_t *)p = (int16_t)v; break;
    case TS_INT32: *(int32_t *)p = (int32_t)v; break;
    case TS_INT64: *(int64_t *)p = v; break;
    default: ts_store_f64(p, dt, (double)v); break;
    }
}

void ts_store_scalar(void *p, TsDType dt, TsScalar v)
{
    if (v.is_float)
        ts_store_f64(p, dt, v.f);
    else
        ts_store_i64(p, dt, v.i);
}

/* ---- host mirrors for devices without kernels ------------------------ */

TsTensor *ts_host_mirror(TsTensor *t)
{
    if (t->device == TS_CPU) {
        ts_retain(t);
        return t;
    }
    TsStorage *s = ts_storage_new(t->storage->nbytes, TS_CPU);
    if (!s)
        return NULL;
    if (ts_device_get(t->device)->to_host(s->data, t->storage->data, s->nbytes) < 0) {
        ts_storage_release(s);
        return NULL;
    }
    TsTensor *h = ts_make_view(s, t->dtype, t->ndim, t->sizes, t->strides, t->offset);
    ts_storage_release(s);
    return h;
}

int ts_host_commit(TsTensor *dev, TsTensor *mirror)
{
    if (dev->device == TS_CPU)
        return 0;
    return ts_device_get(dev->device)->from_host(dev->storage->data, mirror->storage->data,
                                                 dev->storage->nbytes);
}

TsTensor *ts_host_to_device(TsTensor *host, int device)
{
    if (device == TS_CPU) {
        ts_retain(host);
        return host;
    }
    TsTensor *c = ts_contiguous(host);
    if (!c)
        return NULL;
    TsTensor *d = ts_empty(c->ndim, c->sizes, c->dtype, device);
    if (d && ts_device_get(device)->from_host(d->storage->data, ts_data(c),
                                              (size_t)ts_numel(c) * ts_dtype_size(c->dtype)) < 0) {
        ts_release(d);
        d = NULL;
    }
    ts_release(c);
    return d;
}

/* ---- fill ----------------------------------------------------------- */

typedef struct FillCtx {
    unsigned char bytes[8];
} FillCtx;

/* memset's string stores beat a vector loop on large fills; it applies
 * when every byte of the value is the same (zeros above all). */
static bool all_bytes_equal(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 1; i < n; i++)
        if (b[i] != b[0])
            return false;
    return true;
}

/* Fill depends only on the item size, not the dtype. */
#define FILL_LOOP(N, T)                                                      \
    TS_SIMD_CLONES static void fill_##N(char **d, const int64_t *s, int64_t n, void *ctx) \
    {                                                                        \
        T v;                                                                 \
        memcpy(&v, ((FillCtx *)ctx)->bytes, sizeof v);                       \
        if (s[0] == sizeof(T) && all_bytes_equal(&v, sizeof v)) {            \
            memset(d[0], *(unsigned char *)&v, (size_t)n * sizeof v);        \
        } else if (s[0] == sizeof(T)) {                                      \
            T *o = (T *)d[0];                                                \
            for (int64_t i = 0; i < n; i++)                                  \
                o[i] = v;                                                    \
        } else {                                                             \
            for (int64_t i = 0; i < n; i++)                                  \
                memcpy(d[0] + i * s[0], &v, sizeof v);                       \
        }                                                                    \
    }
FILL_LOOP(1, uint8_t)
FILL_LOOP(2, uint16_t)
FILL_LOOP(4, uint32_t)
FILL_LOOP(8, uint64_t)

static int fill_host(TsTensor *t, TsScalar v)
{
    FillCtx fc;
    TsIter it;
    ts_store_scalar(fc.bytes, t->dtype, v);
    if (ts_iter_build(&it, 1, &t) < 0)
        return -1;
    size_t isz = ts_dtype_size(t->dtype);
    TsLoop loop = isz == 1 ? fill_1 : isz == 2 ? fill_2 : isz == 4 ? fill_4 : fill_8;
    return ts_iter_run(&it, loop, &fc);
}

int ts_fill_(TsTensor *t, TsScalar v)
{
    ts_bump_version(t);
    if (t->device == TS_CPU)
        return fill_host(t, v);
    const TsDevice *dev = ts_device_get(t->device);
    if (dev->fill) {
        int rc = dev->fill(t, v);
        if (rc <= 0)
            return rc;
    }
    TsTensor *h = ts_host_mirror(t);
    int rc = h ? fill_host(h, v) : -1;
    if (rc == 0)
        rc = ts_host_commit(t, h);
    ts_release(h);
    return rc;
}

int ts_zero_(TsTensor *t) { return ts_fill_(t, ts_scalar_i(0)); }

/* ---- creation -------------------------------------------------------- */

TsTensor *ts_full(int ndim, const int64_t *sizes, TsScalar v, TsDType dtype, int device)
{
    if (dtype == TS_UNDEF)
        dtype = ts_scalar_dtype(v);
    TsTensor *t = ts_empty(ndim, sizes, dtype, device);
    if (t && ts_fill_(t, v) < 0) {
        ts_release(t);
        return NULL;
    }
    if (t)
        t->storage->version = 0;
    return t;
}

TsTensor *ts_zeros(int ndim, const int64_t *sizes, TsDType dtype, int device)
{
    if (dtype == TS_UNDEF)
        dtype = ts_default_float();
    return ts_full(ndim, sizes, ts_scalar_i(0), dtype, device);
}

TsTensor *ts_ones(int ndim, const int64_t *sizes, TsDType dtype, int device)
{
    if (dtype == TS_UNDEF)
        dtype = ts_default_float();
    return ts_full(ndim, sizes, ts_scalar_i(1), dtype, device);
}

TsTensor *ts_scalar_tensor(TsScalar v, TsDType dtype, int device)
{
    return ts_full(0, NULL, v, dtype, device);
}

static TsDType like_dtype(TsTensor *t, TsDType dt) { return dt == TS_UNDEF ? t->dtype : dt; }

TsTensor *ts_empty_like(TsTensor *t, TsDType dt)
{
    return ts_empty(t->ndim, t->sizes, like_dtype(t, dt), t->device);
}
TsTensor *ts_zeros_like(TsTensor *t, TsDType dt)
{
    return ts_full(t->ndim, t->sizes, ts_scalar_i(0), like_dtype(t, dt), t->device);
}
TsTensor *ts_ones_like(TsTensor *t, TsDType dt)
{
    return ts_full(t->ndim, t->sizes, ts_scalar_i(1), like_dtype(t, dt), t->device);
}
TsTensor *ts_full_like(TsTensor *t, TsScalar v, TsDType dt)
{
    return ts_full(t->ndim, t->sizes, v, like_dtype(t, dt), t->device);
}

/* Builds on the host, then moves to device (creation is not a hot path
 * on GPUs). */
static TsTensor *finish_on(TsTensor *host, int device)
{
    if (!host || device == TS_CPU)
        return host;
    TsTensor *d = ts_host_to_device(host, device);
    ts_release(host);
    return d;
}

/* arange: length ceil((end - start) / step) computed in double, values
 * start + i * step computed in double (int64 for integer dtypes). */
TsTensor *ts_arange(TsScalar start, TsScalar end, TsScalar step, TsDType dtype, int device)
{
    bool all_int = !start.is_float && !end.is_float && !step.is_float;
    if (dtype == TS_UNDEF)
        dtype = all_int ? TS_INT64 : ts_default_float();
    double s = ts_scalar_to_f64(start), e = ts_scalar_to_f64(end), st = ts_scalar_to_f64(step);
    if (st == 0) {
        ts_error(TS_ERR_RUNTIME, "step must be nonzero");
        return NULL;
    }
    if (!isfinite(s) || !isfinite(e)) {
        ts_error(TS_ERR_RUNTIME, "unsupported range: %g -> %g", s, e);
        return NULL;
    }
    if ((st > 0 && e < s) || (st < 0 && e > s)) {
        ts_error(TS_ERR_RUNTIME, "upper bound and larger bound inconsistent with step sign");
        return NULL;
    }
    double len = ceil((e - s) / st);
    if (all_int) /* exact integer arithmetic for huge int ranges */
        len = (double)((end.i - start.i + step.i + (step.i > 0 ? -1 : 1)) / step.i);
    int64_t n = (int64_t)len;
    TsTensor *t = ts_empty(1, &n, dtype, TS_CPU);
    if (!t)
        return NULL;
    char *p = ts_data(t);
    size_t isz = ts_dtype_size(dtype);
    bool int_out = !ts_dtype_is_float(dtype);
    for (int64_t i = 0; i < n; i++) {
        if (int_out && all_int)
            ts_store_i64(p + i * isz, dtype, start.i + i * step.i);
        else
            ts_store_f64(p + i * isz, dtype, s + (double)i * st);
    }
    return finish_on(t, device);
}

/* PyTorch (AVX2 CPU kernel) fills linspace from both ends in the
 * result's precision: an anchor start + i*step below steps/2, else
 * end - (steps-1-i)*step, each one fused multiply-add.  Its vectorised loop
 * takes whole pairs of vectors (8 floats or 4 doubles each); every vector
 * computes one anchor at its first index and adds j*step (rounded, not
 * fused) for its other lanes; the leftover tail is scalar. */
#define LINSPACE_KERNEL(T, FMA, V)                                                      \
    do {                                                                                \
        T s_ = (T)start, e_ = (T)end;                                                   \
        T st_ = steps > 1 ? (e_ - s_) / (T)(steps - 1) : 0;                             \
        int64_t nvec_ = steps / (2 * (V)) * (2 * (V)), i_ = 0;                          \
        for (; i_ < steps; i_++) {                                                      \
            int64_t b_ = i_ < nvec_ ? i_ - i_ % (V) : i_;                               \
            T a_ = b_ < half ? FMA(st_, (T)b_, s_) : FMA(-st_, (T)(steps - b_ - 1), e_); \
            T d_ = (T)(i_ - b_) * st_; /* a separate statement: never fused */          \
            ts_store_f64(p + i_ * isz, dtype, i_ == b_ ? a_ : a_ + d_);                 \
        }                                                                               \
    } while (0)

TsTensor *ts_linspace(double start, double end, int64_t steps, TsDType dtype, int device)
{
    if (steps < 0) {
        ts_error(TS_ERR_RUNTIME, "number of steps must be non-negative");
        return NULL;
    }
    if (dtype == TS_UNDEF)
        dtype = ts_default_float();
    TsTensor *t = ts_empty(1, &steps, dtype, TS_CPU);
    if (!t)
        return NULL;
    char *p = ts_data(t);
    size_t isz = ts_dtype_size(dtype);
    int64_t half = steps / 2;
    if (dtype == TS_FLOAT32) {
        LINSPACE_KERNEL(float, fmaf, 8);
    } else if (dtype == TS_FLOAT16 || dtype == TS_BFLOAT16) {
        float fs = (float)start, fe = (float)end;
        float st = steps > 1 ? (fe - fs) / (float)(steps - 1) : 0;
        for (int64_t i = 0; i < steps; i++)
            ts_store_f64(p + i * isz, dtype,
                         i < half ? fmaf(st, (float)i, fs) : fmaf(-st, (float)(steps - i - 1), fe));
    } else {
        LINSPACE_KERNEL(double, fma, 4);
    }
    if (steps == 1)
        ts_store_f64(p, dtype, start);
    return finish_on(t, device);
}

/* x as the nearest value of a float dtype (the storage round trip). */
static double round_to_dtype(double x, TsDType dtype)
{
    double buf[2];
    ts_store_f64(buf, dtype, x);
    return ts_load_f64(buf, dtype);
}

/* PyTorch's logspace is scalar and all in double (start and end first
 * rounded to the result dtype, and so is end - start), unfused: base ** (start + i*step) below
 * steps/2, else base ** (end - (steps-1-i)*step). */
TsTensor *ts_logspace(double start, double end, int64_t steps, double base, TsDType dtype,
                      int device)
{
    if (steps < 0) {
        ts_error(TS_ERR_RUNTIME, "number of steps must be non-negative");
        return NULL;
    }
    if (dtype == TS_UNDEF)
        dtype = ts_default_float();
    TsTensor *r = ts_empty(1, &steps, dtype, TS_CPU);
    if (!r)
        return NULL;
    double span = end - start; /* PyTorch subtracts in the result dtype */
    if (ts_dtype_is_float(dtype)) {
        start = round_to_dtype(start, dtype);
        end = round_to_dtype(end, dtype);
        span = round_to_dtype(end - start, dtype);
    }
    double step = steps > 1 ? span / (double)(steps - 1) : 0;
    int64_t half = steps / 2;
    char *p = ts_data(r);
    size_t isz = ts_dtype_size(dtype);
    for (int64_t i = 0; i < steps; i++) {
        double d = i < half ? step * (double)i : step * (double)(steps - i - 1);
        ts_store_f64(p + i * isz, dtype, pow(base, i < half ? start + d : end - d));
    }
    if (steps == 1)
        ts_store_f64(p, dtype, pow(base, start));
    return finish_on(r, device);
}

TsTensor *ts_eye(int64_t n, int64_t m, TsDType dtype, int device)
{
    if (m < 0)
        m = n;
    int64_t sz[2] = {n, m};
    TsTensor *t = ts_zeros(2, sz, dtype, TS_CPU);
    if (!t)
        return NULL;
    char *p = ts_data(t);
    for (int64_t i = 0; i < n && i < m; i++)
        ts_store_i64(p + (i * m + i) * (int64_t)ts_dtype_size(t->dtype), t->dtype, 1);
    return finish_on(t, device);
}

TsTensor *ts_from_buffer(const void *data, TsDType src_dtype, int ndim, const int64_t *sizes,
                         TsDType dtype, int device)
{
    int64_t strides[TS_MAX_DIMS];
    if (check_sizes(ndim, sizes) < 0)
        return NULL;
    ts_contiguous_strides(ndim, sizes, strides);
    /* The copy loops read elements as their C type, which needs alignment
     * and, for bool, bytes that are 0 or 1; a storage inside a damaged .pt
     * file (torch.load) may have neither: copy it (bools made 0/1) first. */
    void *aligned = NULL;
    size_t esz = ts_dtype_size(src_dtype);
    if ((esz > 1 && (uintptr_t)data % esz != 0) || src_dtype == TS_BOOL) {
        size_t bytes = esz;
        for (int d = 0; d < ndim; d++)
            bytes *= (size_t)sizes[d];
        aligned = malloc(bytes ? bytes : 1);
        if (!aligned) {
            ts_error_oom(bytes);
            return NULL;
        }
        if (bytes)
            memcpy(aligned, data, bytes);
        if (src_dtype == TS_BOOL)
            for (size_t i = 0; i < bytes; i++)
                ((unsigned char *)aligned)[i] = ((unsigned char *)aligned)[i] != 0;
        data = aligned;
    }
    TsStorage *s = ts_storage_borrow((void *)data, 0, TS_CPU, NULL, NULL);
    if (!s) {
        free(aligned);
        return NULL;
    }
    TsTensor *src = ts_make_view(s, src_dtype, ndim, sizes, strides, 0);
    ts_storage_release(s);
    if (!src) {
        free(aligned);
        return NULL;
    }
    TsTensor *t = ts_empty(ndim, sizes, dtype == TS_UNDEF ? src_dtype : dtype, device);
    if (t && ts_copy_(t, src) < 0) {
        ts_release(t);
        t = NULL;
    }
    if (t)
        t->storage->version = 0;
    ts_release(src);
    free(aligned);   /* src borrowed it */
    return t;
}

TsTensor *ts_from_blob(void *data, int ndim, const int64_t *sizes, const int64_t *strides,
                       TsDType dtype, void (*release)(void *ctx, void *data), void *ctx)
{
    if (check_sizes(ndim, sizes) < 0)
        return NULL;
    int64_t extent = 1;
    for (int d = 0; d < ndim; d++)
        extent += (sizes[d] - 1) * strides[d];
    TsStorage *s = ts_storage_borrow(data, (size_t)extent * ts_dtype_size(dtype), TS_CPU,
                                     release, ctx);
    if (!s)
        return NULL;
    TsTensor *t = ts_make_view(s, dtype, ndim, sizes, strides, 0);
    ts_storage_release(s);
    return t;
}

/* ---- copies and conversions ------------------------------------------ */

/* Converting a compute value v (bool/int/float/double) to each storage
 * type, with the x86 results PyTorch shows for out-of-range floats. */
#define TO_INT_(T, v) _Generic((v), float: (T)ts_f2i32(v), double: (T)ts_f2i32(v), default: (T)(v))
#define CONV_b(v) ((v) != 0)
#define CONV_u8(v) TO_INT_(uint8_t, v)
#define CONV_i8(v) TO_INT_(int8_t, v)
#define CONV_i16(v) TO_INT_(int16_t, v)
#define CONV_i32(v) TO_INT_(int32_t, v)
#define CONV_i64(v) _Generic((v), float: ts_f2i64(v), double: ts_f2i64(v), default: (int64_t)(v))
#define CONV_f16(v) ts_f2h((float)(v))
#define CONV_bf16(v) ts_f2b((float)(v))
#define CONV_f32(v) ((float)(v))
#define CONV_f64(v) ((double)(v))

/* The source side of the conversion matrix.  This second list names the
 * same rows as TS_DTYPES (checked below): a macro cannot expand its own
 * list inside itself, so the matrix needs one list per axis. */
#define SRC_TYPES(M, D, DT)                                                           \
    M(D, DT, b, bool) M(D, DT, u8, uint8_t) M(D, DT, i8, int8_t) M(D, DT, i16, int16_t) \
    M(D, DT, i32, int32_t) M(D, DT, i64, int64_t) M(D, DT, f16, uint16_t)              \
    M(D, DT, bf16, uint16_t) M(D, DT, f32, float) M(D, DT, f64, double)
#define COUNT_ONE(D, DT, s, t) +1
_Static_assert(0 SRC_TYPES(COUNT_ONE, _, _) == TS_NUM_DTYPES, "SRC_TYPES matches TS_DTYPES");

#define CONV_LOOP(D, DT, S, ST)                                                      \
    TS_SIMD_CLONES static void conv_##S##_to_##D(char **d, const int64_t *s, int64_t n, void *ctx) \
    {                                                                                \
        (void)ctx;                                                                   \
        if (s[0] == sizeof(DT) && s[1] == sizeof(ST)) {                              \
            DT *o = (DT *)d[0];                                                      \
            const ST *a = (const ST *)d[1];                                          \
            for (int64_t i = 0; i < n; i++)                                          \
                o[i] = CONV_##D(TS_IN_##S(a[i]));                                    \
        } else {                                                                     \
            for (int64_t i = 0; i < n; i++)                                          \
                *(DT *)(d[0] + i * s[0]) = CONV_##D(TS_IN_##S(*(const ST *)(d[1] + i * s[1]))); \
        }                                                                            \
    }
#define CONV_ROW(E, sfx, ct, ...) SRC_TYPES(CONV_LOOP, sfx, ct)
TS_DTYPES(CONV_ROW)

#define CONV_ENTRY(D, DT, S, ST) conv_##S##_to_##D,
#define CONV_TABLE_ROW(E, sfx, ct, ...) {SRC_TYPES(CONV_ENTRY, sfx, ct)},
/* conv_table[dst][src] */
static const TsLoop conv_table[TS_NUM_DTYPES][TS_NUM_DTYPES] = {TS_DTYPES(CONV_TABLE_ROW)};

/* Host-only copy: dst and src already on the CPU, src broadcastable. */
static int copy_host(TsTensor *dst, TsTensor *src)
{
    TsIter it;
    TsTensor *ops[2] = {dst, src};
    if (ts_iter_build(&it, 2, ops) < 0)
        return -1;
    return ts_iter_run(&it, conv_table[dst->dtype][src->dtype], NULL);
}

/* The error text PyTorch gives when src cannot be expanded to dst. */
static int check_copy_shapes(TsTensor *dst, TsTensor *src)
{
    TsTensor *e = ts_expand(src, dst->ndim, dst->sizes);
    if (!e)
        return -1;
    ts_release(e);
    return 0;
}

int ts_copy_(TsTensor *dst, TsTensor *src)
{
    if (check_copy_shapes(dst, src) < 0)
        return -1;
    ts_bump_version(dst);
    if (dst->device == TS_CPU && src->device == TS_CPU)
        return copy_host(dst, src);
    if (dst->device == src->device) {
        const TsDevice *dev = ts_device_get(dst->device);
        if (dev->copy_strided) {
            int rc = dev->copy_strided(dst, src);
            if (rc <= 0)
                return rc;
        }
    }
    /* through the host: mirror both, copy, write dst's storage back */
    TsTensor *hs = ts_host_mirror(src), *hd = hs ? ts_host_mirror(dst) : NULL;
    int rc = hd ? copy_host(hd, hs) : -1;
    if (rc == 0)
        rc = ts_host_commit(dst, hd);
    ts_release(hs);
    ts_release(hd);
    return rc;
}

TsTensor *ts_clone(TsTensor *t)
{
    TsTensor *c = ts_empty(t->ndim, t->sizes, t->dtype, t->device);
    if (c && ts_copy_(c, t) < 0) {
        ts_release(c);
        return NULL;
    }
    if (c)
        c->storage->version = 0;
    return c;
}

TsTensor *ts_contiguous(TsTensor *t)
{
    if (ts_is_contiguous(t)) {
        ts_retain(t);
        return t;
    }
    return ts_clone(t);
}

TsTensor *ts_to(TsTensor *t, TsDType dtype, int device, bool copy)
{
    if (dtype == TS_UNDEF)
        dtype = t->dtype;
    if (device < 0)
        device = t->device;
    if (!copy && dtype == t->dtype && device == t->device) {
        ts_retain(t);
        return t;
    }
    TsTensor *r = ts_empty(t->ndim, t->sizes, dtype, device);
    if (r && ts_copy_(r, t) < 0) {
        ts_release(r);
        return NULL;
    }
    if (r)
        r->storage->version = 0;
    return r;
}

/* ---- elements -------------------------------------------------------- */

/* Reads one element at element offset off from t's storage. */
static int read_elem(TsTensor *t, int64_t off, TsScalar *out)
{
    size_t isz = ts_dtype_size(t->dtype);
    char *p = (char *)t->storage->data + off * (int64_t)isz;
    if (t->device == TS_CPU) {
        *out = ts_load_scalar(p, t->dtype);
        return 0;
    }
    unsigned char buf[8];
    if (ts_device_get(t->device)->to_host(buf, p, isz) < 0)
        return -1;
    *out = ts_load_scalar(buf, t->dtype);
    return 0;
}

static int write_elem(TsTensor *t, int64_t off, TsScalar v)
{
    size_t isz = ts_dtype_size(t->dtype);
    char *p = (char *)t->storage->data + off * (int64_t)isz;
    ts_bump_version(t);
    if (t->device == TS_CPU) {
        ts_store_scalar(p, t->dtype, v);
        return 0;
    }
    unsigned char buf[8];
    ts_store_scalar(buf, t->dtype, v);
    return ts_device_get(t->device)->from_host(p, buf, isz);
}

static int64_t elem_offset(TsTensor *t, const int64_t *idx)
{
    int64_t off = t->offset;
    for (int d = 0; d < t->ndim; d++)
        off += idx[d] * t->strides[d];
    return off;
}

int ts_item(TsTensor *t, TsScalar *out)
{
    if (ts_numel(t) != 1)
        return ts_error(TS_ERR_VALUE, "only one element tensors can be converted to Python "
                                      "scalars");
    return read_elem(t, t->offset, out);
}

double ts_get_f64(TsTensor *t, const int64_t *idx)
{
    TsScalar s = {0};
    read_elem(t, elem_offset(t, idx), &s);
    return ts_scalar_to_f64(s);
}

int64_t ts_get_i64(TsTensor *t, const int64_t *idx)
{
    TsScalar s = {0};
    read_elem(t, elem_offset(t, idx), &s);
    return s.is_float ? ts_f2i64(s.f) : s.i;
}

int ts_set_f64(TsTensor *t, const int64_t *idx, double v)
{
    return write_elem(t, elem_offset(t, idx), ts_scalar_f(v));
}

int ts_set_i64(TsTensor *t, const int64_t *idx, int64_t v)
{
    return write_elem(t, elem_offset(t, idx), ts_scalar_i(v));
}

int ts_get_flat(TsTensor *t, int64_t i, TsScalar *out)
{
    int64_t n = ts_numel(t);
    if (i < 0 || i >= n)
        return ts_error(TS_ERR_INDEX, "index %lld is out of bounds for size %lld",
                        (long long)i, (long long)n);
    int64_t off = t->offset;
    for (int d = t->ndim - 1; d >= 0; d--) {
        off += (i % t->sizes[d]) * t->strides[d];
        i /= t->sizes[d];
    }
    return read_elem(t, off, out);
}
