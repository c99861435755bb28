/* scan.c — cumulative ops along one dim: cumsum, cumprod, cummax, cummin.
 *
 * As in PyTorch's CPU kernels the running value is kept in the
 * accumulation type — double for every floating dtype (so a float32
 * cumsum is rounded once per output, not once per step) and int64 for
 * integers and bool (which also become int64 results unless dtype= says
 * otherwise).  cummax/cummin keep the LAST index among equal values and
 * let a NaN stick once seen.
 */
#include <math.h>

#include "tensor/ops_internal.h"

/* Every line of t along dim d: (input offset, output offset) pairs
 * stepped by the walk over the other dims; out is contiguous like t. */
typedef struct ScanLines {
    OpsWalk in, out;
    int64_t n, istride, ostride, count;
} ScanLines;

static void scan_init(ScanLines *s, const TsTensor *t, const TsTensor *o, int d)
{
    int64_t sz[TS_MAX_DIMS], is[TS_MAX_DIMS], os[TS_MAX_DIMS];
    int k = 0;
    s->count = 1;
    for (int i = 0; i < t->ndim; i++) {
        if (i == d)
            continue;
        sz[k] = t->sizes[i];
        is[k] = t->strides[i];
        os[k++] = o->strides[i];
        s->count *= t->sizes[i];
    }
    ops_walk_init(&s->in, k, sz, is, t->offset);
    ops_walk_init(&s->out, k, sz, os, o->offset);
    s->n = t->ndim ? t->sizes[d] : 1;
    s->istride = t->ndim ? t->strides[d] : 0;
    s->ostride = t->ndim ? o->strides[d] : 0;
}

static void scan_next(ScanLines *s)
{
    ops_walk_next(&s->in);
    ops_walk_next(&s->out);
}

/* cumsum (prod == false) / cumprod (prod == true). */
static TsTensor *cum_arith(TsTensor *t, int64_t dim, TsDType dtype, bool prod)
{
    OPS_VIA_HOST(t, cum_arith(h, dim, dtype, prod));
    int d;
    if (ops_need_cpu(t, prod ? "cumprod" : "cumsum") < 0 || ts_wrap_dim(dim, t->ndim, &d) < 0)
        return NULL;
    TsDType odt = dtype != TS_UNDEF ? dtype : ts_dtype_is_float(t->dtype) ? t->dtype : TS_INT64;
    TsTensor *src = ts_dtype_is_float(odt) && !ts_dtype_is_float(t->dtype)
                        ? ts_to(t, odt, t->device, false)
                        : (ts_retain(t), t);
    TsTensor *o = src ? ts_empty(t->ndim, t->sizes, odt, t->device) : NULL;
    if (!o) {
        ts_release(src);
        return NULL;
    }
    bool fl = ts_dtype_is_float(odt);
    size_t ies = ts_dtype_size(src->dtype), oes = ts_dtype_size(odt);
    ScanLines s;
    scan_init(&s, src, o, d);
    for (int64_t c = 0; c < s.count && ts_numel(t) > 0; c++, scan_next(&s)) {
        double fa = prod ? 1 : 0;
        uint64_t ia = prod ? 1 : 0;
        if (src->dtype == TS_FLOAT32 && odt == TS_FLOAT32) { /* typed fast line */
            const float *ip = (const float *)src->storage->data + s.in.off;
            float *op = (float *)o->storage->data + s.out.off;
            for (int64_t j = 0; j < s.n; j++) {
                fa = prod ? fa * ip[j * s.istride] : fa + ip[j * s.istride];
                op[j * s.ostride] = (float)fa;
            }
            continue;
        }
        for (int64_t j = 0; j < s.n; j++) {
            const char *ip = (const char *)src->storage->data + (s.in.off + j * s.istride) * (int64_t)ies;
            char *op = (char *)o->storage->data + (s.out.off + j * s.ostride) * (int64_t)oes;
            if (fl) {
                double x = ts_load_f64(ip, src->dtype);
                fa = prod ? fa * x : fa + x;
                ts_store_f64(op, odt, fa);
            } else {
                uint64_t x = (uint64_t)ts_load_i64(ip, src->dtype);
                ia = prod ? ia * x : ia + x;
                ts_store_i64(op, odt, (int64_t)ia);
            }
        }
    }
    ts_release(src);
    return o;
}

TsTensor *ts_cumsum(TsTensor *t, int64_t dim, TsDType dtype)
{
    return cum_arith(t, dim, dtype, false);
}

TsTensor *ts_cumprod(TsTensor *t, int64_t dim, TsDType dtype)
{
    return cum_arith(t, dim, dtype, true);
}

/* cummax (want_max) / cummin: values keep t's dtype, indices int64. */
static int cum_ext(TsTensor *t, int64_t dim, bool want_max, TsTensor **values,
                   TsTensor **indices)
{
    int d;
    if (ops_need_cpu(t, want_max ? "cummax" : "cummin") < 0 ||
        ts_wrap_dim(dim, t->ndim, &d) < 0)
        return -1;
    TsTensor *v = ts_empty(t->ndim, t->sizes, t->dtype, t->device);
    TsTensor *ix = v ? ts_empty(t->ndim, t->sizes, TS_INT64, t->device) : NULL;
    if (!ix) {
        ts_release(v);
        return -1;
    }
    bool fl = ts_dtype_is_float(t->dtype);
    size_t es = ts_dtype_size(t->dtype);
    ScanLines s;
    scan_init(&s, t, v, d);
    for (int64_t c = 0; c < s.count && ts_numel(t) > 0; c++, scan_next(&s)) {
        double fb = 0;
        int64_t ib = 0, at = 0;
        for (int64_t j = 0; j < s.n; j++) {
            const char *ip = (const char *)t->storage->data + (s.in.off + j * s.istride) * (int64_t)es;
            int64_t oo = s.out.off + j * s.ostride;
            if (fl) {
                double x = ts_load_f64(ip, t->dtype);
                if (j == 0 || isnan(x) || (!isnan(fb) && (want_max ? x >= fb : x <= fb))) {
                    fb = x;
                    at = j;
                }
                ts_store_f64((char *)v->storage->data + oo * (int64_t)es, t->dtype, fb);
            } else {
                int64_t x = ts_load_i64(ip, t->dtype);
                if (j == 0 || (want_max ? x >= ib : x <= ib)) {
                    ib = x;
                    at = j;
                }
                ts_store_i64((char *)v->storage->data + oo * (int64_t)es, t->dtype, ib);
            }
            ((int64_t *)ix->storage->data)[oo] = at;
        }
    }
    *values = v;
    *indices = ix;
    return 0;
}

int ts_cummax(TsTensor *t, int64_t dim, TsTensor **values, TsTensor **indices)
{
    return cum_ext(t, dim, true, values, indices);
}

int ts_cummin(TsTensor *t, int64_t dim, TsTensor **values, TsTensor **indices)
{
    return cum_ext(t, dim, false, values, indices);
}
