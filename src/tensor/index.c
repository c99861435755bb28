/* index.c — the indexing engine behind `t[...]` and `t[...] = v`, and the
 * index ops: index_select, gather, scatter(_add), index_add, take,
 * masked_select, masked_scatter, nonzero.
 *
 * HOW t[i0, i1, ...] IS EVALUATED (PyTorch's / NumPy's rules)
 *  1. Basic items are applied left to right as views: an int selects (and
 *     drops) a dim, a slice narrows it, None inserts a dim of size 1,
 *     `...` skips the dims no other item consumes.
 *  2. Advanced items (integer tensors, masks, Python bools) are recorded
 *     against the dim of that view they index; a k-dim mask becomes k
 *     integer index tensors (its nonzero() columns), a bool is a new dim
 *     indexed by [0] (True) or [] (False).
 *  3. If there are advanced indices they are broadcast together to shape
 *     B; the result is the view's non-indexed dims with B in place of the
 *     indexed ones when those were adjacent, else with B in front.  The
 *     advanced part is a copy; a purely basic index is a view.
 * The setter runs the same steps and writes through the view instead of
 * reading, with the value broadcast to the result's shape.
 */
#include <stdio.h>
#include <stdlib.h>

#include "tensor/ops_internal.h"

/* ================================================================== */
/* parsing the subscript into a view plus advanced indices            */
/* ================================================================== */

typedef struct Adv {
    int n;                    /* number of advanced indices */
    int dim[TS_MAX_DIMS];     /* dim of the view each one indexes */
    TsTensor *idx[TS_MAX_DIMS]; /* int64 index tensors (owned) */
} Adv;

static void adv_free(Adv *a)
{
    for (int k = 0; k < a->n; k++)
        ts_release(a->idx[k]);
    a->n = 0;
}

static bool is_mask(const TsTensor *t) { return t->dtype == TS_BOOL || t->dtype == TS_UINT8; }

/* Dims of the indexed tensor an item consumes. */
static int item_dims(const TsIndex *it)
{
    switch (it->kind) {
    case TS_IDX_INT:
    case TS_IDX_SLICE:
        return 1;
    case TS_IDX_TENSOR:
        return is_mask(it->t) ? it->t->ndim : 1;
    default:
        return 0;
    }
}

/* Replaces *v by a new view (releasing the old one); false on error. */
static bool swap_view(TsTensor **v, TsTensor *nv)
{
    if (!nv)
        return false;
    ts_release(*v);
    *v = nv;
    return true;
}

static int adv_push(Adv *a, int dim, TsTensor *idx)
{
    if (a->n >= TS_MAX_DIMS) {
        ts_release(idx);
        return ts_error(TS_ERR_INDEX, "too many indices");
    }
    a->dim[a->n] = dim;
    a->idx[a->n++] = idx;
    return 0;
}

/* Formats a shape as "[2, 3]". */
static const char *shape_str(char *buf, size_t n, int nd, const int64_t *s)
{
    size_t k = 0;
    k += (size_t)snprintf(buf + k, n - k, "[");
    for (int d = 0; d < nd && k < n; d++)
        k += (size_t)snprintf(buf + k, n - k, "%s%lld", d ? ", " : "", (long long)s[d]);
    if (k < n)
        snprintf(buf + k, n - k, "]");
    return buf;
}

/* A mask of k dims at view dim `cur` (original dim `orig`) becomes k
 * index tensors: the columns of nonzero(mask). */
static int push_mask(Adv *a, const TsTensor *v, int cur, int orig, TsTensor *mask)
{
    for (int j = 0; j < mask->ndim; j++) {
        if (mask->sizes[j] != v->sizes[cur + j]) {
            char b1[256], b2[256];
            return ts_error(TS_ERR_INDEX,
                            "The shape of the mask %s at index %d does not match the shape of "
                            "the indexed tensor %s at index %d",
                            shape_str(b1, sizeof b1, mask->ndim, mask->sizes), j,
                            shape_str(b2, sizeof b2, v->ndim, v->sizes), orig + j);
        }
    }
    TsTensor *nz = ts_nonzero(mask);
    if (!nz)
        return -1;
    for (int j = 0; j < mask->ndim; j++) {
        TsTensor *col = ts_select(nz, 1, j);
        if (!col || adv_push(a, cur + j, col) < 0) {
            ts_release(nz);
            return -1;
        }
    }
    ts_release(nz);
    return 0;
}

/* A Python bool (or 0-dim mask): new dim of size 1 indexed by [0] or []. */
static int push_bool(Adv *a, TsTensor **v, int cur, bool b)
{
    if (!swap_view(v, ts_unsqueeze(*v, cur)))
        return -1;
    int64_t n = b ? 1 : 0;
    TsTensor *idx = ts_zeros(1, &n, TS_INT64, (*v)->device);
    if (!idx)
        return -1;
    return adv_push(a, cur, idx);
}

/* An integer index tensor: PyTorch 1.13 accepts only int64 here (int32
 * indices fail with the message below). */
static int push_tensor(Adv *a, int cur, TsTensor *t)
{
    if (t->dtype != TS_INT64)
        return ts_error(TS_ERR_INDEX, "tensors used as indices must be long, byte or bool "
                                      "tensors");
    TsTensor *idx = ts_to(t, TS_INT64, t->device, false);
    if (!idx)
        return -1;
    return adv_push(a, cur, idx);
}

/* Applies one item to the view; *cur is the view dim, *orig the dim of
 * the original tensor the next item refers to. */
static int apply_item(const TsIndex *it, TsTensor **v, Adv *a, int *cur, int *orig,
                      int ellipsis_dims)
{
    switch (it->kind) {
    case TS_IDX_INT: {
        int64_t size = (*v)->sizes[*cur], i = it->i;
        if (i < -size || i >= size)
            return ts_error(TS_ERR_INDEX, "index %lld is out of bounds for dimension %d with "
                                          "size %lld",
                            (long long)it->i, *orig, (long long)size);
        if (!swap_view(v, ts_select(*v, *cur, i < 0 ? i + size : i)))
            return -1;
        (*orig)++;
        return 0;
    }
    case TS_IDX_SLICE:
        if (it->step != TS_SLICE_NONE && it->step <= 0)
            return ts_error(TS_ERR_VALUE, "step must be greater than zero");
        if (!swap_view(v, ts_slice(*v, *cur, it->start, it->stop,
                                   it->step == TS_SLICE_NONE ? 1 : it->step)))
            return -1;
        (*cur)++;
        (*orig)++;
        return 0;
    case TS_IDX_NONE:
        if (!swap_view(v, ts_unsqueeze(*v, *cur)))
            return -1;
        (*cur)++;
        return 0;
    case TS_IDX_ELLIPSIS:
        *cur += ellipsis_dims;
        *orig += ellipsis_dims;
        return 0;
    case TS_IDX_BOOL:
        if (push_bool(a, v, *cur, it->b) < 0)
            return -1;
        (*cur)++;
        return 0;
    case TS_IDX_TENSOR:
        if (is_mask(it->t) && it->t->ndim == 0) {
            if (push_bool(a, v, *cur, ts_load_i64(ts_data(it->t), it->t->dtype) != 0) < 0)
                return -1;
            (*cur)++;
            return 0;
        }
        if (is_mask(it->t)) {
            if (push_mask(a, *v, *cur, *orig, it->t) < 0)
                return -1;
            *cur += it->t->ndim;
            *orig += it->t->ndim;
            return 0;
        }
        if (push_tensor(a, *cur, it->t) < 0)
            return -1;
        (*cur)++;
        (*orig)++;
        return 0;
    }
    return ts_error(TS_ERR_TYPE, "invalid index");
}

/* Steps 1-2: the view and the advanced indices of t[idx...]. */
static int parse_index(TsTensor *t, int n, const TsIndex *idx, TsTensor **view, Adv *a)
{
    int consumed = 0, ellipses = 0;
    for (int k = 0; k < n; k++) {
        consumed += item_dims(&idx[k]);
        ellipses += idx[k].kind == TS_IDX_ELLIPSIS;
    }
    if (ellipses > 1)
        return ts_error(TS_ERR_INDEX, "an index can only have a single ellipsis ('...')");
    if (consumed > 0 && t->ndim == 0)
        return ts_error(TS_ERR_INDEX, "invalid index of a 0-dim tensor. Use `tensor.item()` in "
                                      "Python or `tensor.item<T>()` in C++ to convert a 0-dim "
                                      "tensor to a number");
    if (consumed > t->ndim)
        return ts_error(TS_ERR_INDEX, "too many indices for tensor of dimension %d", t->ndim);
    TsTensor *v = ts_alias(t);
    if (!v)
        return -1;
    a->n = 0;
    int cur = 0, orig = 0;
    for (int k = 0; k < n; k++) {
        if (apply_item(&idx[k], &v, a, &cur, &orig, t->ndim - consumed) < 0) {
            ts_release(v);
            adv_free(a);
            return -1;
        }
    }
    *view = v;
    return 0;
}

/* ================================================================== */
/* step 3: the advanced-index map                                       */
/* ================================================================== */

/* Result layout: loop dims in result order; the broadcast block B is one
 * loop dim (`adv_pos`) whose element offsets come from `boff`. */
typedef struct AdvMap {
    int nres;                     /* result ndim */
    int64_t rshape[TS_MAX_DIMS];  /* result shape */
    int nloop;
    int64_t lsize[TS_MAX_DIMS], lstride[TS_MAX_DIMS];
    int adv_pos;
    int64_t nb;    /* numel(B) */
    int64_t *boff; /* element offset of each broadcast position */
    int64_t base;  /* view's storage offset */
} AdvMap;

/* Broadcasts the index tensors, checks bounds and precomputes offsets. */
static int adv_offsets(const TsTensor *v, const Adv *a, int *bnd, int64_t *bshape,
                       int64_t **boff, int64_t *nb)
{
    int nds[TS_MAX_DIMS];
    const int64_t *shapes[TS_MAX_DIMS];
    for (int k = 0; k < a->n; k++) {
        nds[k] = a->idx[k]->ndim;
        shapes[k] = a->idx[k]->sizes;
    }
    if (ts_broadcast_shapes(a->n, nds, shapes, bnd, bshape) < 0)
        return -1;
    int64_t n = 1;
    for (int d = 0; d < *bnd; d++)
        n *= bshape[d];
    int64_t *off = calloc((size_t)(n > 0 ? n : 1), sizeof(int64_t));
    if (!off)
        return ts_error_oom((size_t)n * 8);
    for (int k = 0; k < a->n; k++) {
        TsTensor *e = ts_expand(a->idx[k], *bnd, bshape);
        if (!e) {
            free(off);
            return -1;
        }
        int dim = a->dim[k];
        int64_t size = v->sizes[dim], stride = v->strides[dim];
        OpsWalk w;
        ops_walk_init(&w, e->ndim, e->sizes, e->strides, e->offset);
        const int64_t *ip = e->storage->data;
        bool flat = e->ndim == 1; /* the usual case: step by the one stride */
        for (int64_t j = 0; j < n; j++) {
            int64_t i = flat ? ip[e->offset + j * e->strides[0]] : ip[w.off];
            if (i < -size || i >= size) {
                ts_release(e);
                free(off);
                return ts_error(TS_ERR_INDEX,
                                "index %lld is out of bounds for dimension %d with size %lld",
                                (long long)i, dim, (long long)size);
            }
            off[j] += (i < 0 ? i + size : i) * stride;
            if (!flat)
                ops_walk_next(&w);
        }
        ts_release(e);
    }
    *boff = off;
    *nb = n;
    return 0;
}

static int build_map(const TsTensor *v, const Adv *a, AdvMap *m)
{
    int bnd;
    int64_t bshape[TS_MAX_DIMS];
    if (adv_offsets(v, a, &bnd, bshape, &m->boff, &m->nb) < 0)
        return -1;
    bool indexed[TS_MAX_DIMS] = {false};
    int first = v->ndim, last = -1;
    for (int k = 0; k < a->n; k++) {
        indexed[a->dim[k]] = true;
        first = a->dim[k] < first ? a->dim[k] : first;
        last = a->dim[k] > last ? a->dim[k] : last;
    }
    bool adjacent = true;
    for (int d = first; d <= last; d++)
        adjacent = adjacent && indexed[d];
    int pos = adjacent ? first : 0; /* where B goes among the kept dims */
    m->nres = m->nloop = 0;
    m->base = v->offset;
    int kept = 0;
    for (int d = 0; d <= v->ndim; d++) {
        if (kept == pos && m->nloop == kept) {
            m->adv_pos = m->nloop;
            m->lsize[m->nloop] = m->nb;
            m->lstride[m->nloop++] = 0;
            for (int j = 0; j < bnd; j++)
                m->rshape[m->nres++] = bshape[j];
        }
        if (d == v->ndim || indexed[d])
            continue;
        m->lsize[m->nloop] = v->sizes[d];
        m->lstride[m->nloop++] = v->strides[d];
        m->rshape[m->nres++] = v->sizes[d];
        kept++;
    }
    if (m->nres > TS_MAX_DIMS) {
        free(m->boff);
        return ts_error(TS_ERR_INDEX, "too many dimensions");
    }
    return 0;
}

/* Visits every result element in row-major order with its source offset
 * (element units, from the storage start). */
typedef void (*MapFn)(int64_t src_off, int64_t k, void *ctx);

static void map_each(const AdvMap *m, MapFn fn, void *ctx)
{
    int64_t total = 1;
    for (int d = 0; d < m->nloop; d++)
        total *= m->lsize[d];
    if (total == 0)
        return;
    int64_t idx[TS_MAX_DIMS] = {0}, off = m->base;
    for (int64_t k = 0; k < total; k++) {
        fn(off + m->boff[idx[m->adv_pos]], k, ctx);
        for (int d = m->nloop - 1; d >= 0; d--) {
            if (++idx[d] < m->lsize[d]) {
                off += m->lstride[d];
                break;
            }
            off -= (m->lsize[d] - 1) * m->lstride[d];
            idx[d] = 0;
        }
    }
}

/* Copies one element of es bytes (a switch the compiler turns into one
 * load and one store for the usual sizes). */
static inline void copy_elem(char *dst, const char *src, size_t es)
{
    switch (es) {
    case 1:
        *dst = *src;
        break;
    case 2:
        memcpy(dst, src, 2);
        break;
    case 4:
        memcpy(dst, src, 4);
        break;
    default:
        memcpy(dst, src, 8);
        break;
    }
}

/* dst[k] = src[base + off[k]] for k < n, one loop per item size so the
 * size test is not paid per element (the 1-D t[idx] / index_select case). */
#define GATHER_LOOP(T)                                                      \
    {                                                                       \
        T *o = (T *)dst;                                                    \
        const T *in = (const T *)src + base;                                \
        for (int64_t k = 0; k < n; k++)                                     \
            memcpy(o + k, in + off[k], sizeof(T));                          \
    }

static void gather_flat(char *dst, const char *src, int64_t base, const int64_t *off, int64_t n,
                        size_t es)
{
    switch (es) {
    case 1: GATHER_LOOP(uint8_t) break;
    case 2: GATHER_LOOP(uint16_t) break;
    case 4: GATHER_LOOP(uint32_t) break;
    default: GATHER_LOOP(uint64_t) break;
    }
}

typedef struct GatherCtx {
    char *dst;
    const char *src;
    int64_t base;
    const int64_t *off;
    size_t es;
} GatherCtx;

static int gather_range(int64_t b, int64_t e, void *vctx)
{
    GatherCtx *g = vctx;
    gather_flat(g->dst + b * (int64_t)g->es, g->src, g->base, g->off + b, e - b, g->es);
    return 0;
}

/* The gather of t[...] with advanced indices: result element k comes
 * from the map's k-th source offset; the innermost loop dim runs inline. */
static void map_copy(const AdvMap *m, const char *src, char *dst, size_t es)
{
    if (m->nloop == 1 && m->adv_pos == 0) { /* only the index dim: a flat gather */
        GatherCtx g = {dst, src, m->base, m->boff, es};
        /* random reads: two threads keep twice the cache misses in flight */
        ts_parallel_for(0, m->lsize[0], TS_GRAIN, gather_range, &g);
        return;
    }
    int64_t total = 1;
    for (int d = 0; d < m->nloop; d++)
        total *= m->lsize[d];
    if (total == 0)
        return;
    int last = m->nloop - 1;
    int64_t n = m->lsize[last], idx[TS_MAX_DIMS] = {0}, off = m->base, k = 0;
    for (int64_t done = 0; done < total; done += n) {
        if (last == m->adv_pos) {
            for (int64_t j = 0; j < n; j++, k++)
                copy_elem(dst + k * (int64_t)es, src + (off + m->boff[j]) * (int64_t)es, es);
        } else {
            const char *s = src + (off + m->boff[idx[m->adv_pos]]) * (int64_t)es;
            int64_t st = m->lstride[last] * (int64_t)es;
            for (int64_t j = 0; j < n; j++, k++)
                copy_elem(dst + k * (int64_t)es, s + j * st, es);
        }
        for (int d = last - 1; d >= 0; d--) {
            if (++idx[d] < m->lsize[d]) {
                off += m->lstride[d];
                break;
            }
            off -= (m->lsize[d] - 1) * m->lstride[d];
            idx[d] = 0;
        }
    }
}

TsTensor *ts_index(TsTensor *t, int n, const TsIndex *idx)
{
    TsTensor *v;
    Adv a;
    if (ops_need_cpu(t, "index") < 0 || parse_index(t, n, idx, &v, &a) < 0)
        return NULL;
    if (a.n == 0)
        return v;
    AdvMap m;
    TsTensor *out = NULL;
    if (build_map(v, &a, &m) == 0) {
        out = ts_empty(m.nres, m.rshape, t->dtype, t->device);
        if (out)
            map_copy(&m, v->storage->data, ts_data(out), ts_dtype_size(t->dtype));
        free(m.boff);
    }
    adv_free(&a);
    ts_release(v);
    return out;
}

/* ---------------- setter ---------------- */

typedef struct PutCtx {
    TsTensor *dst;      /* the view written through */
    const TsTensor *val; /* value expanded to the result shape, dst dtype */
    OpsWalk w;
    bool acc;
} PutCtx;

static void put_one(int64_t dst_off, int64_t k, void *ctx)
{
    (void)k;
    PutCtx *c = ctx;
    TsDType dt = c->dst->dtype;
    size_t es = ts_dtype_size(dt);
    char *d = (char *)c->dst->storage->data + dst_off * (int64_t)es;
    const char *s = ops_at(c->val, c->w.off);
    if (!c->acc)
        memcpy(d, s, es);
    else if (ts_dtype_is_float(dt))
        ts_store_f64(d, dt, ts_load_f64(d, dt) + ts_load_f64(s, dt));
    else if (dt == TS_BOOL)
        ts_store_i64(d, dt, ts_load_i64(d, dt) || ts_load_i64(s, dt));
    else
        ts_store_i64(d, dt, (int64_t)((uint64_t)ts_load_i64(d, dt) + (uint64_t)ts_load_i64(s, dt)));
    ops_walk_next(&c->w);
}

/* The value as a tensor of dst's dtype on dst's device. */
static TsTensor *value_tensor(TsArg value, const TsTensor *dst)
{
    if (!value.t)
        return ts_scalar_tensor(value.s, dst->dtype, dst->device);
    if (ts_check_same_device(dst->device, value.t->device) < 0)
        return NULL;
    return ts_to(value.t, dst->dtype, dst->device, false);
}

/* Writes value through the advanced map of view v. */
static int put_advanced(TsTensor *v, Adv *a, TsArg value, bool accumulate)
{
    AdvMap m;
    if (build_map(v, a, &m) < 0)
        return -1;
    int rc = -1;
    TsTensor *val = value_tensor(value, v), *e = NULL;
    if (val && (e = ts_expand(val, m.nres, m.rshape))) {
        PutCtx c = {v, e, {0}, accumulate};
        ops_walk_init(&c.w, e->ndim, e->sizes, e->strides, e->offset);
        map_each(&m, put_one, &c);
        rc = 0;
    } else if (val && ts_error_kind() == TS_ERR_RUNTIME) {
        /* PyTorch words a value that cannot broadcast this way */
        char b1[256], b2[256];
        rc = ts_error(TS_ERR_RUNTIME,
                      "shape mismatch: value tensor of shape %s cannot be broadcast to indexing "
                      "result of shape %s",
                      shape_str(b1, sizeof b1, val->ndim, val->sizes),
                      shape_str(b2, sizeof b2, m.nres, m.rshape));
    }
    ts_release(e);
    ts_release(val);
    free(m.boff);
    return rc;
}

int ts_index_put_(TsTensor *t, int n, const TsIndex *idx, TsArg value, bool accumulate)
{
    TsTensor *v;
    Adv a;
    if (ops_need_cpu(t, "index_put_") < 0 || parse_index(t, n, idx, &v, &a) < 0)
        return -1;
    int rc;
    if (a.n == 0)
        rc = value.t ? ts_copy_(v, value.t) : ts_fill_(v, value.s);
    else
        rc = put_advanced(v, &a, value, accumulate);
    if (rc == 0)
        ts_bump_version(t);
    adv_free(&a);
    ts_release(v);
    return rc;
}

int ts_index_put_tensors_(TsTensor *t, int n, TsTensor *const *indices, TsArg value,
                          bool accumulate)
{
    TsIndex items[TS_MAX_DIMS];
    if (n > TS_MAX_DIMS)
        return ts_error(TS_ERR_INDEX, "too many indices for tensor of dimension %d", t->ndim);
    for (int k = 0; k < n; k++) {
        items[k] = (TsIndex){.kind = TS_IDX_SLICE, .start = TS_SLICE_NONE,
                             .stop = TS_SLICE_NONE, .step = TS_SLICE_NONE};
        if (indices[k]) {
            items[k].kind = TS_IDX_TENSOR;
            items[k].t = indices[k];
        }
    }
    return ts_index_put_(t, n, items, value, accumulate);
}

/* ================================================================== */
/* nonzero / masked_select / masked_scatter / take                    */
/* ================================================================== */

static bool elem_nonzero(const char *p, TsDType dt)
{
    return ts_dtype_is_float(dt) ? ts_load_f64(p, dt) != 0.0 : ts_load_i64(p, dt) != 0;
}

/* nonzero of a contiguous one-byte tensor (the bool masks of t[mask]):
 * a byte count the compiler vectorises, then one pass writing indices. */
static TsTensor *nonzero_bytes(TsTensor *t)
{
    const uint8_t *p = ts_data(t);
    int64_t n = ts_numel(t), cnt = 0;
    for (int64_t j = 0; j < n; j++)
        cnt += p[j] != 0;
    int64_t shape[2] = {cnt, t->ndim};
    TsTensor *out = ts_empty(2, shape, TS_INT64, t->device);
    if (!out)
        return NULL;
    int64_t *o = ts_data(out);
    if (t->ndim == 1) {
        for (int64_t j = 0; j < n; j++)
            if (p[j])
                *o++ = j;
        return out;
    }
    int64_t idx[TS_MAX_DIMS] = {0};
    for (int64_t j = 0; j < n; j++) {
        if (p[j])
            for (int d = 0; d < t->ndim; d++)
                *o++ = idx[d];
        for (int d = t->ndim - 1; d >= 0 && ++idx[d] == t->sizes[d]; d--)
            idx[d] = 0;
    }
    return out;
}

TsTensor *ts_nonzero(TsTensor *t)
{
    OPS_VIA_HOST(t, ts_nonzero(h));
    if (ops_need_cpu(t, "nonzero") < 0)
        return NULL;
    if (ts_dtype_size(t->dtype) == 1 && t->ndim > 0 && ts_is_contiguous(t))
        return nonzero_bytes(t);
    int64_t n = ts_numel(t), cnt = 0;
    size_t es = ts_dtype_size(t->dtype);
    OpsWalk w;
    ops_walk_init(&w, t->ndim, t->sizes, t->strides, t->offset);
    for (int64_t j = 0; j < n; j++, ops_walk_next(&w))
        cnt += elem_nonzero((char *)t->storage->data + w.off * (int64_t)es, t->dtype);
    int64_t shape[2] = {cnt, t->ndim};
    TsTensor *out = ts_empty(2, shape, TS_INT64, t->device);
    if (!out)
        return NULL;
    int64_t *o = ts_data(out);
    ops_walk_init(&w, t->ndim, t->sizes, t->strides, t->offset);
    for (int64_t j = 0; j < n; j++, ops_walk_next(&w)) {
        if (!elem_nonzero((char *)t->storage->data + w.off * (int64_t)es, t->dtype))
            continue;
        for (int d = 0; d < t->ndim; d++)
            *o++ = w.idx[d];
    }
    return out;
}

int ts_nonzero_tuple(TsTensor *t, TsTensor ***out, int *out_n)
{
    TsTensor *nz = ts_nonzero(t);
    if (!nz)
        return -1;
    int n = t->ndim ? t->ndim : 1;
    TsTensor **arr = calloc((size_t)n, sizeof *arr);
    if (!arr) {
        ts_release(nz);
        return ts_error_oom((size_t)n * sizeof *arr);
    }
    for (int d = 0; d < n; d++) {
        TsTensor *col = t->ndim ? ts_select(nz, 1, d) : NULL;
        if (!t->ndim) { /* 0-dim input: one column of zeros, length 0 or 1 */
            int64_t len = nz->sizes[0];
            col = ts_zeros(1, &len, TS_INT64, t->device);
        }
        arr[d] = col ? ts_contiguous(col) : NULL;
        ts_release(col);
        if (!arr[d]) {
            for (int k = 0; k < d; k++)
                ts_release(arr[k]);
            free(arr);
            ts_release(nz);
            return -1;
        }
    }
    ts_release(nz);
    *out = arr;
    *out_n = n;
    return 0;
}

/* t and mask broadcast together (PyTorch's error on mismatch). */
static int broadcast_pair(TsTensor *a, TsTensor *b, TsTensor **ea, TsTensor **eb)
{
    int nds[2] = {a->ndim, b->ndim}, nd;
    const int64_t *shapes[2] = {a->sizes, b->sizes};
    int64_t shape[TS_MAX_DIMS];
    if (ts_broadcast_shapes(2, nds, shapes, &nd, shape) < 0)
        return -1;
    *ea = ts_expand(a, nd, shape);
    *eb = *ea ? ts_expand(b, nd, shape) : NULL;
    if (!*eb) {
        ts_release(*ea);
        return -1;
    }
    return 0;
}

TsTensor *ts_masked_select(TsTensor *t, TsTensor *mask)
{
    OPS_VIA_HOST2(t, mask, ts_masked_select(h, h2));
    if (ops_need_cpu(t, "masked_select") < 0)
        return NULL;
    if (mask->dtype != TS_BOOL && mask->dtype != TS_UINT8) {
        ts_error(TS_ERR_RUNTIME, "masked_select: expected BoolTensor or ByteTensor for mask");
        return NULL;
    }
    TsTensor *et, *em;
    if (broadcast_pair(mask, t, &em, &et) < 0)
        return NULL;
    TsTensor *nz = ts_nonzero(em);
    TsTensor *out = NULL;
    if (nz) {
        int64_t n = nz->sizes[0];
        out = ts_empty(1, &n, t->dtype, t->device);
        size_t es = ts_dtype_size(t->dtype);
        const int64_t *ix = ts_data(nz);
        for (int64_t j = 0; out && j < n; j++) {
            int64_t off = et->offset;
            for (int d = 0; d < et->ndim; d++)
                off += ix[j * et->ndim + d] * et->strides[d];
            memcpy((char *)ts_data(out) + j * (int64_t)es, ops_at(et, off), es);
        }
    }
    ts_release(nz);
    ts_release(et);
    ts_release(em);
    return out;
}

/* Result tensor of an op that may work in place (out == t) or on a copy. */
static TsTensor *inplace_or_clone(TsTensor *t, TsTensor *out)
{
    if (out == t) {
        ts_retain(t);
        return t;
    }
    return ts_clone(t);
}

TsTensor *ts_masked_scatter(TsTensor *t, TsTensor *mask, TsTensor *src, TsTensor *out)
{
    if (ops_need_cpu(t, "masked_scatter") < 0)
        return NULL;
    if (mask->dtype != TS_BOOL && mask->dtype != TS_UINT8) {
        ts_error(TS_ERR_RUNTIME, "masked_scatter_ only supports boolean masks, but got mask "
                                 "with dtype %s",
                 ts_dtype_name(mask->dtype) + 6);
        return NULL;
    }
    if (src->dtype != t->dtype) {
        ts_error(TS_ERR_RUNTIME, "masked_scatter: expected self and source to have same dtypes "
                                 "but got%s and %s",
                 ts_dtype_short(t->dtype), ts_dtype_short(src->dtype));
        return NULL;
    }
    TsTensor *em = ts_expand(mask, t->ndim, t->sizes);
    TsTensor *r = em ? inplace_or_clone(t, out) : NULL;
    TsTensor *nz = r ? ts_nonzero(em) : NULL;
    TsTensor *sc = nz ? ts_contiguous(src) : NULL;
    if (!sc) {
        ts_release(em);
        ts_release(r);
        ts_release(nz);
        return NULL;
    }
    int64_t n = nz->sizes[0];
    if (n > ts_numel(sc)) {
        ts_release(em);
        ts_release(r);
        ts_release(nz);
        ts_release(sc);
        ts_error(TS_ERR_RUNTIME, "Number of elements of source < number of ones in mask");
        return NULL;
    }
    size_t es = ts_dtype_size(t->dtype);
    const int64_t *ix = ts_data(nz);
    for (int64_t j = 0; j < n; j++) {
        int64_t off = r->offset;
        for (int d = 0; d < r->ndim; d++)
            off += ix[j * r->ndim + d] * r->strides[d];
        memcpy(ops_at(r, off), (char *)ts_data(sc) + j * (int64_t)es, es);
    }
    ts_bump_version(r);
    ts_release(em);
    ts_release(nz);
    ts_release(sc);
    return r;
}

TsTensor *ts_take(TsTensor *t, TsTensor *index)
{
    OPS_VIA_HOST2(t, index, ts_take(h, h2));
    if (ops_need_cpu(t, "take") < 0)
        return NULL;
    if (index->dtype != TS_INT64) {
        ts_error(TS_ERR_RUNTIME, "take(): Expected a long tensor for index, but got %s",
                 ts_dtype_short(index->dtype));
        return NULL;
    }
    int64_t n = ts_numel(t);
    TsTensor *out = ts_empty(index->ndim, index->sizes, t->dtype, t->device);
    if (!out)
        return NULL;
    size_t es = ts_dtype_size(t->dtype);
    OpsWalk wi;
    ops_walk_init(&wi, index->ndim, index->sizes, index->strides, index->offset);
    int64_t m = ts_numel(index);
    for (int64_t j = 0; j < m; j++, ops_walk_next(&wi)) {
        int64_t i = ((const int64_t *)index->storage->data)[wi.off];
        if (i < -n || i >= n) {
            ts_release(out);
            ts_error(TS_ERR_INDEX, "out of range: tried to access index %lld on a tensor of "
                                   "%lld elements.",
                     (long long)i, (long long)n);
            return NULL;
        }
        if (i < 0)
            i += n;
        int64_t off = t->offset, rem = i;
        for (int d = t->ndim - 1; d >= 0; d--) {
            off += (rem % t->sizes[d]) * t->strides[d];
            rem /= t->sizes[d];
        }
        memcpy((char *)ts_data(out) + j * (int64_t)es, ops_at(t, off), es);
    }
    return out;
}

/* ================================================================== */
/* index_select / gather / scatter / index_add                         */
/* ================================================================== */

TsTensor *ts_index_select(TsTensor *t, int64_t dim, TsTensor *index)
{
    OPS_VIA_HOST2(t, index, ts_index_select(h, dim, h2));
    int d;
    if (ops_need_cpu(t, "index_select") < 0 || ts_wrap_dim(dim, t->ndim, &d) < 0)
        return NULL;
    if (index->dtype != TS_INT64 && index->dtype != TS_INT32) {
        ts_error(TS_ERR_RUNTIME, "index_select(): Expected dtype int32 or int64 for index");
        return NULL;
    }
    if (index->ndim > 1) {
        ts_error(TS_ERR_INDEX, "index_select(): Index is supposed to be a vector");
        return NULL;
    }
    int64_t size = t->ndim ? t->sizes[d] : 1, m = ts_numel(index);
    /* a contiguous 1-D int64 copy (or alias) of the index */
    TsTensor *i64 = ts_to(index, TS_INT64, index->device, false);
    TsTensor *ix = i64 ? ts_reshape(i64, 1, &m) : NULL, *c = ix ? ts_contiguous(ix) : NULL;
    ts_release(i64);
    ts_release(ix);
    if (!c)
        return NULL;
    const int64_t *ip = ts_data(c);
    for (int64_t j = 0; j < m; j++) {
        if ((uint64_t)ip[j] >= (uint64_t)size) {
            ts_release(c);
            ts_error(TS_ERR_INDEX, "index out of range in self");
            return NULL;
        }
    }
    if (t->ndim == 0) {
        ts_release(c);
        return ts_clone(t);
    }
    if (t->ndim == 1 && t->strides[0] == 1) { /* checked indices are the offsets */
        TsTensor *out = ts_empty(1, &m, t->dtype, t->device);
        if (out) {
            GatherCtx g = {ts_data(out), t->storage->data, t->offset, ip, ts_dtype_size(t->dtype)};
            ts_parallel_for(0, m, TS_GRAIN, gather_range, &g);
        }
        ts_release(c);
        return out;
    }
    ix = c;
    TsIndex items[TS_MAX_DIMS];
    for (int k = 0; k < d; k++)
        items[k] = (TsIndex){.kind = TS_IDX_SLICE, .start = TS_SLICE_NONE,
                             .stop = TS_SLICE_NONE, .step = TS_SLICE_NONE};
    items[d] = (TsIndex){.kind = TS_IDX_TENSOR, .t = ix};
    TsTensor *r = ts_index(t, d + 1, items);
    ts_release(ix);
    return r;
}

/* Shared checks of gather/scatter: index dtype, ndim and sizes. */
static int check_scatter_gather(const TsTensor *t, int d, const TsTensor *index,
                                const TsTensor *src, const char *name)
{
    if (index->dtype != TS_INT64)
        return ts_error(TS_ERR_RUNTIME, "%s(): Expected dtype int64 for index", name);
    int tnd = t->ndim ? t->ndim : 1, ind = index->ndim ? index->ndim : 1;
    if (ts_numel(index) == 0)
        return 0;
    if (tnd != ind)
        return ts_error(TS_ERR_RUNTIME,
                        "Index tensor must have the same number of dimensions as %s tensor",
                        src ? "self" : "input");
    for (int k = 0; k < index->ndim; k++) {
        if (k != d && index->sizes[k] > t->sizes[k]) {
            char b1[256], b2[256];
            return ts_error(TS_ERR_RUNTIME,
                            "Size does not match at dimension %d expected index %s to be smaller "
                            "than self %s apart from dimension %d",
                            k, shape_str(b1, sizeof b1, index->ndim, index->sizes),
                            shape_str(b2, sizeof b2, t->ndim, t->sizes), d);
        }
        if (src && src->ndim == index->ndim && index->sizes[k] > src->sizes[k]) {
            char b1[256], b2[256];
            return ts_error(TS_ERR_RUNTIME,
                            "Size does not match at dimension %d expected index %s to be smaller "
                            "than src %s apart from dimension %d",
                            k, shape_str(b1, sizeof b1, index->ndim, index->sizes),
                            shape_str(b2, sizeof b2, src->ndim, src->sizes), d);
        }
    }
    return 0;
}

/* Offset in `t` of index position w with dim d replaced by i. */
static int64_t along(const TsTensor *t, const OpsWalk *w, int d, int64_t i)
{
    int64_t off = t->offset;
    for (int k = 0; k < w->nd; k++)
        off += (k == d ? i : w->idx[k]) * (t->ndim ? t->strides[k] : 0);
    return off;
}

/* Reads index position w, wrapping nothing (PyTorch rejects negatives). */
static int read_index(const TsTensor *index, const OpsWalk *w, const TsTensor *t, int d,
                      int64_t *out)
{
    int64_t i = ((const int64_t *)index->storage->data)[w->off];
    int64_t size = t->ndim ? t->sizes[d] : 1;
    if (i < 0 || i >= size)
        return ts_error(TS_ERR_RUNTIME, "index %lld is out of bounds for dimension %d with size "
                                        "%lld",
                        (long long)i, d, (long long)size);
    *out = i;
    return 0;
}

TsTensor *ts_gather(TsTensor *t, int64_t dim, TsTensor *index)
{
    OPS_VIA_HOST2(t, index, ts_gather(h, dim, h2));
    int d;
    if (ops_need_cpu(t, "gather") < 0 || ts_wrap_dim(dim, t->ndim, &d) < 0 ||
        check_scatter_gather(t, d, index, NULL, "gather") < 0)
        return NULL;
    TsTensor *out = ts_empty(index->ndim, index->sizes, t->dtype, t->device);
    if (!out)
        return NULL;
    size_t es = ts_dtype_size(t->dtype);
    /* wi walks the index's outer dims, wt the matching position of t
     * with dim d held at 0 (stride zeroed); the index value supplies dim
     * d.  The last dim runs as a tight inner loop. */
    int nd = index->ndim;
    int64_t tstr[TS_MAX_DIMS] = {0};
    for (int k = 0; k < nd; k++)
        tstr[k] = k == d ? 0 : t->strides[k];
    int64_t inner = nd ? index->sizes[nd - 1] : 1, is = nd ? index->strides[nd - 1] : 0;
    int64_t ts_ = nd ? tstr[nd - 1] : 0;
    OpsWalk wi, wt;
    ops_walk_init(&wi, nd ? nd - 1 : 0, index->sizes, index->strides, index->offset);
    ops_walk_init(&wt, nd ? nd - 1 : 0, index->sizes, tstr, t->offset);
    int64_t n = ts_numel(index), size = t->ndim ? t->sizes[d] : 1;
    int64_t sd = t->ndim ? t->strides[d] : 0;
    const int64_t *ip = index->storage->data;
    const char *src = t->storage->data;
    char *dst = ts_data(out);
    for (int64_t k = 0; k < n; k += inner) {
        const int64_t *row = ip + wi.off;
        int64_t bad = 0;
        bool oob = false;
        switch (es) { /* one typed loop per element size */
#define GATHER_ROW(T)                                                                          \
    {                                                                                          \
        const T *s = (const T *)src + wt.off;                                                  \
        T *o = (T *)dst + k;                                                                   \
        for (int64_t j = 0; j < inner; j++) {                                                  \
            int64_t i = row[j * is];                                                           \
            if ((uint64_t)i >= (uint64_t)size) {                                               \
                bad = i;                                                                       \
                oob = true;                                                                    \
                break;                                                                         \
            }                                                                                  \
            o[j] = s[j * ts_ + i * sd];                                                        \
        }                                                                                      \
    }                                                                                          \
    break;
        case 1:
            GATHER_ROW(uint8_t)
        case 2:
            GATHER_ROW(uint16_t)
        case 4:
            GATHER_ROW(uint32_t)
        default:
            GATHER_ROW(uint64_t)
#undef GATHER_ROW
        }
        if (oob) {
            ts_release(out);
            ts_error(TS_ERR_RUNTIME, "index %lld is out of bounds for dimension %d with size %lld",
                     (long long)bad, d, (long long)size);
            return NULL;
        }
        ops_walk_next(&wi);
        ops_walk_next(&wt);
    }
    return out;
}

/* reduce: 0 assign, 1 add, 2 multiply. */
static void combine(char *dst, const char *src, TsDType dt, int reduce)
{
    if (reduce == 0) {
        memcpy(dst, src, ts_dtype_size(dt));
    } else if (ts_dtype_is_float(dt)) {
        double a = ts_load_f64(dst, dt), b = ts_load_f64(src, dt);
        ts_store_f64(dst, dt, reduce == 1 ? a + b : a * b);
    } else {
        uint64_t a = (uint64_t)ts_load_i64(dst, dt), b = (uint64_t)ts_load_i64(src, dt);
        ts_store_i64(dst, dt, (int64_t)(reduce == 1 ? a + b : a * b));
    }
}

static TsTensor *scatter_impl(TsTensor *t, int64_t dim, TsTensor *index, TsArg src, int reduce,
                              TsTensor *out, const char *name)
{
    int d;
    if (ops_need_cpu(t, name) < 0 || ts_wrap_dim(dim, t->ndim, &d) < 0 ||
        check_scatter_gather(t, d, index, src.t, name) < 0)
        return NULL;
    if (src.t && src.t->dtype != t->dtype) {
        ts_error(TS_ERR_RUNTIME, "%s(): Expected self.dtype to be equal to src.dtype", name);
        return NULL;
    }
    TsTensor *sv = src.t ? src.t : ts_scalar_tensor(src.s, t->dtype, t->device);
    if (!sv)
        return NULL;
    if (src.t)
        ts_retain(sv);
    TsTensor *r = inplace_or_clone(t, out);
    if (!r) {
        ts_release(sv);
        return NULL;
    }
    OpsWalk w;
    ops_walk_init(&w, index->ndim, index->sizes, index->strides, index->offset);
    int64_t n = ts_numel(index);
    for (int64_t j = 0; j < n; j++, ops_walk_next(&w)) {
        int64_t i = 0, soff = sv->offset;
        if (read_index(index, &w, t, d, &i) < 0) {
            ts_release(sv);
            ts_release(r);
            return NULL;
        }
        for (int k = 0; k < sv->ndim && k < w.nd; k++)
            soff += w.idx[k] * sv->strides[k];
        combine(ops_at(r, along(r, &w, d, i)), ops_at(sv, soff), t->dtype, reduce);
    }
    ts_bump_version(r);
    ts_release(sv);
    return r;
}

TsTensor *ts_scatter(TsTensor *t, int64_t dim, TsTensor *index, TsArg src, const char *reduce,
                     TsTensor *out)
{
    int r = 0;
    if (reduce && strcmp(reduce, "add") == 0)
        r = 1;
    else if (reduce && strcmp(reduce, "multiply") == 0)
        r = 2;
    else if (reduce) {
        ts_error(TS_ERR_RUNTIME, "reduce argument must be either add or multiply.");
        return NULL;
    }
    return scatter_impl(t, dim, index, src, r, out, "scatter");
}

TsTensor *ts_scatter_add(TsTensor *t, int64_t dim, TsTensor *index, TsTensor *src,
                         TsTensor *out)
{
    return scatter_impl(t, dim, index, ts_arg(src), 1, out, "scatter_add");
}

/* out[..., index[j], ...] += alpha * src[..., j, ...] along dim. */
TsTensor *ts_index_add(TsTensor *t, int64_t dim, TsTensor *index, TsTensor *src,
                       TsScalar alpha, TsTensor *out)
{
    int d;
    if (ops_need_cpu(t, "index_add") < 0 || ts_wrap_dim(dim, t->ndim, &d) < 0)
        return NULL;
    if (index->ndim > 1) {
        ts_error(TS_ERR_INDEX, "index_add_(): Index is supposed to be a vector");
        return NULL;
    }
    TsTensor *scaled = ts_binary(TS_OP_MUL, ts_arg(src), ts_arg_s(alpha), NULL);
    TsTensor *sv = scaled ? ts_to(scaled, t->dtype, t->device, false) : NULL;
    ts_release(scaled);
    TsTensor *r = sv ? inplace_or_clone(t, out) : NULL;
    if (!r) {
        ts_release(sv);
        return NULL;
    }
    int64_t m = ts_numel(index), size = t->ndim ? t->sizes[d] : 1;
    OpsWalk w;
    ops_walk_init(&w, sv->ndim, sv->sizes, sv->strides, sv->offset);
    int64_t n = ts_numel(sv);
    for (int64_t j = 0; j < n && m > 0; j++, ops_walk_next(&w)) {
        int64_t pos = sv->ndim ? w.idx[d] : 0;
        int64_t i = ts_load_i64(ops_at(index, index->offset + pos * (index->ndim ? index->strides[0]
                                                                                 : 0)),
                                index->dtype);
        if (i < 0 || i >= size) {
            ts_release(sv);
            ts_release(r);
            ts_error(TS_ERR_INDEX, "index out of range in self");
            return NULL;
        }
        combine(ops_at(r, along(r, &w, d, i)), ops_at(sv, w.off), t->dtype, 1);
    }
    ts_bump_version(r);
    ts_release(sv);
    return r;
}
