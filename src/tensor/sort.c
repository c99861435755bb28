/* sort.c — sort, argsort, msort, topk, kthvalue, unique, and the selection
 * behind median/mode.
 *
 * Equal keys: PyTorch's CPU kernels call libstdc++'s std::sort,
 * std::nth_element and std::partial_sort on (value, index) pairs compared
 * by value only, so WHICH index comes first among equal values is whatever
 * those algorithms do.  To print the same indices we re-implement them
 * step for step (introsort with median-of-three pivots and a final
 * insertion sort, introselect, heap select) on our own pair arrays.  The
 * stable variants are a plain merge sort: their result is unique.
 * NaN compares greater than every number (sorted last ascending, first
 * descending), as in PyTorch.
 */
#include <math.h>
#include <stdlib.h>

#include "tensor/ops_internal.h"

/* A key and its position along the sorted dim. */
typedef struct Pair {
    union {
        double f;
        int64_t i;
    } k;
    int64_t idx;
} Pair;

typedef bool (*PairLess)(const Pair *a, const Pair *b);

static bool asc_f(const Pair *a, const Pair *b)
{
    return (!isnan(a->k.f) && isnan(b->k.f)) || a->k.f < b->k.f;
}
static bool desc_f(const Pair *a, const Pair *b)
{
    return (isnan(a->k.f) && !isnan(b->k.f)) || a->k.f > b->k.f;
}
static bool asc_i(const Pair *a, const Pair *b) { return a->k.i < b->k.i; }
static bool desc_i(const Pair *a, const Pair *b) { return a->k.i > b->k.i; }
/* Total orders (value, then index) for median. */
static bool tot_f(const Pair *a, const Pair *b)
{
    return a->k.f < b->k.f || (a->k.f == b->k.f && a->idx < b->idx) ||
           (isnan(b->k.f) && !isnan(a->k.f));
}
static bool tot_i(const Pair *a, const Pair *b)
{
    return a->k.i < b->k.i || (a->k.i == b->k.i && a->idx < b->idx);
}

static inline void pswap(Pair *a, Pair *b)
{
    Pair t = *a;
    *a = *b;
    *b = t;
}

/* ---------------- libstdc++ heap algorithms ---------------- */

static void push_heap(Pair *f, int64_t hole, int64_t top, Pair v, PairLess lt)
{
    int64_t parent = (hole - 1) / 2;
    while (hole > top && lt(&f[parent], &v)) {
        f[hole] = f[parent];
        hole = parent;
        parent = (hole - 1) / 2;
    }
    f[hole] = v;
}

static void adjust_heap(Pair *f, int64_t hole, int64_t len, Pair v, PairLess lt)
{
    int64_t top = hole, child = hole;
    while (child < (len - 1) / 2) {
        child = 2 * (child + 1);
        if (lt(&f[child], &f[child - 1]))
            child--;
        f[hole] = f[child];
        hole = child;
    }
    if ((len & 1) == 0 && child == (len - 2) / 2) {
        child = 2 * (child + 1);
        f[hole] = f[child - 1];
        hole = child - 1;
    }
    push_heap(f, hole, top, v, lt);
}

static void make_heap(Pair *f, int64_t len, PairLess lt)
{
    if (len < 2)
        return;
    for (int64_t parent = (len - 2) / 2;; parent--) {
        adjust_heap(f, parent, len, f[parent], lt);
        if (parent == 0)
            return;
    }
}

static void pop_heap(Pair *f, int64_t last, int64_t result, PairLess lt)
{
    Pair v = f[result];
    f[result] = f[0];
    adjust_heap(f, 0, last, v, lt);
}

static void heap_select(Pair *f, int64_t middle, int64_t last, PairLess lt)
{
    make_heap(f, middle, lt);
    for (int64_t i = middle; i < last; i++)
        if (lt(&f[i], &f[0]))
            pop_heap(f, middle, i, lt);
}

static void sort_heap(Pair *f, int64_t last, PairLess lt)
{
    while (last > 1) {
        last--;
        pop_heap(f, last, last, lt);
    }
}

/* std::partial_sort(f, f + middle, f + last) */
static void partial_sort(Pair *f, int64_t middle, int64_t last, PairLess lt)
{
    heap_select(f, middle, last, lt);
    sort_heap(f, middle, lt);
}

/* ---------------- libstdc++ introsort / introselect ---------------- */

static void move_median_to_first(Pair *res, Pair *a, Pair *b, Pair *c, PairLess lt)
{
    if (lt(a, b)) {
        if (lt(b, c))
            pswap(res, b);
        else if (lt(a, c))
            pswap(res, c);
        else
            pswap(res, a);
    } else if (lt(a, c)) {
        pswap(res, a);
    } else if (lt(b, c)) {
        pswap(res, c);
    } else {
        pswap(res, b);
    }
}

static Pair *unguarded_partition(Pair *first, Pair *last, Pair *pivot, PairLess lt)
{
    for (;;) {
        while (lt(first, pivot))
            first++;
        last--;
        while (lt(pivot, last))
            last--;
        if (!(first < last))
            return first;
        pswap(first, last);
        first++;
    }
}

static Pair *partition_pivot(Pair *first, Pair *last, PairLess lt)
{
    Pair *mid = first + (last - first) / 2;
    move_median_to_first(first, first + 1, mid, last - 1, lt);
    return unguarded_partition(first + 1, last, first, lt);
}

static void unguarded_linear_insert(Pair *last, PairLess lt)
{
    Pair v = *last;
    Pair *next = last - 1;
    while (lt(&v, next)) {
        *last = *next;
        last = next;
        next--;
    }
    *last = v;
}

static void insertion_sort(Pair *first, Pair *last, PairLess lt)
{
    if (first == last)
        return;
    for (Pair *i = first + 1; i != last; i++) {
        if (lt(i, first)) {
            Pair v = *i;
            memmove(first + 1, first, (size_t)(i - first) * sizeof(Pair));
            *first = v;
        } else {
            unguarded_linear_insert(i, lt);
        }
    }
}

static int64_t lg2(int64_t n)
{
    int64_t k = -1;
    while (n) {
        n >>= 1;
        k++;
    }
    return k;
}

static void introsort_loop(Pair *first, Pair *last, int64_t depth, PairLess lt)
{
    while (last - first > 16) {
        if (depth == 0) {
            partial_sort(first, last - first, last - first, lt);
            return;
        }
        depth--;
        Pair *cut = partition_pivot(first, last, lt);
        introsort_loop(cut, last, depth, lt);
        last = cut;
    }
}

/* std::sort */
static void std_sort(Pair *f, int64_t n, PairLess lt)
{
    if (n <= 1)
        return;
    introsort_loop(f, f + n, lg2(n) * 2, lt);
    if (n > 16) {
        insertion_sort(f, f + 16, lt);
        for (Pair *i = f + 16; i != f + n; i++)
            unguarded_linear_insert(i, lt);
    } else {
        insertion_sort(f, f + n, lt);
    }
}

/* std::nth_element */
static void std_nth_element(Pair *first, Pair *nth, Pair *last, PairLess lt)
{
    if (first == last || nth == last)
        return;
    int64_t depth = lg2(last - first) * 2;
    while (last - first > 3) {
        if (depth == 0) {
            heap_select(first, nth - first + 1, last - first, lt);
            pswap(first, nth);
            return;
        }
        depth--;
        Pair *cut = partition_pivot(first, last, lt);
        if (cut <= nth)
            first = cut;
        else
            last = cut;
    }
    insertion_sort(first, last, lt);
}

/* Stable merge sort (std::stable_sort's result, which is unique). */
static void merge_sort(Pair *a, Pair *tmp, int64_t n, PairLess lt)
{
    if (n < 2)
        return;
    int64_t h = n / 2;
    merge_sort(a, tmp, h, lt);
    merge_sort(a + h, tmp, n - h, lt);
    int64_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = lt(&a[j], &a[i]) ? a[j++] : a[i++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, (size_t)n * sizeof(Pair));
}

/* ---------------- walking the lines along one dim ---------------- */

/* Every 1-D line of t along dim: base offsets in row-major order of the
 * other dims. */
typedef struct Lines {
    OpsWalk w;
    int64_t n, stride, count;
} Lines;

static void lines_init(Lines *L, const TsTensor *t, int dim)
{
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    int k = 0;
    L->count = 1;
    for (int d = 0; d < t->ndim; d++) {
        if (d == dim)
            continue;
        sizes[k] = t->sizes[d];
        strides[k++] = t->strides[d];
        L->count *= t->sizes[d];
    }
    ops_walk_init(&L->w, k, sizes, strides, t->offset);
    L->n = t->ndim ? t->sizes[dim] : 1;
    L->stride = t->ndim ? t->strides[dim] : 1;
}

static void load_line(const TsTensor *t, int64_t off, int64_t n, int64_t stride, Pair *p)
{
    bool fl = ts_dtype_is_float(t->dtype);
    int64_t bs = stride * (int64_t)ts_dtype_size(t->dtype);
    const char *base = ops_at(t, off);
    for (int64_t j = 0; j < n; j++) {
        if (fl)
            p[j].k.f = ts_load_f64(base + j * bs, t->dtype);
        else
            p[j].k.i = ts_load_i64(base + j * bs, t->dtype);
        p[j].idx = j;
    }
}

static void store_key(TsTensor *t, int64_t off, const Pair *p)
{
    char *dst = ops_at(t, off);
    if (ts_dtype_is_float(t->dtype))
        ts_store_f64(dst, t->dtype, p->k.f);
    else
        ts_store_i64(dst, t->dtype, p->k.i);
}

/* Output position for element j of the current line (outputs contiguous,
 * same shape as the walk with dim of size m). */
static int64_t out_off(const TsTensor *o, const Lines *L, int dim, int64_t j)
{
    int64_t off = o->offset;
    int k = 0;
    for (int d = 0; d < o->ndim; d++) {
        if (d == dim)
            off += j * o->strides[d];
        else
            off += L->w.idx[k++] * o->strides[d];
    }
    return off;
}

static PairLess pick_less(TsDType dt, bool descending)
{
    if (ts_dtype_is_float(dt))
        return descending ? desc_f : asc_f;
    return descending ? desc_i : asc_i;
}

static Pair *pairs_alloc(int64_t n)
{
    size_t bytes = (size_t)(n > 0 ? n : 1) * sizeof(Pair);
    Pair *p = malloc(bytes);
    if (!p)
        ts_error_oom(bytes);
    return p;
}

/* ---------------- sort / argsort / msort ---------------- */

int ts_sort(TsTensor *t, int64_t dim, bool descending, bool stable, TsTensor **values,
            TsTensor **indices)
{
    int d;
    if (ops_need_cpu(t, "sort") < 0 || ts_wrap_dim(dim, t->ndim, &d) < 0)
        return -1;
    TsTensor *v = ts_empty(t->ndim, t->sizes, t->dtype, t->device);
    TsTensor *ix = ts_empty(t->ndim, t->sizes, TS_INT64, t->device);
    Lines L;
    lines_init(&L, t, d);
    Pair *p = v && ix ? pairs_alloc(L.n * 2) : NULL;
    if (!p) {
        ts_release(v);
        ts_release(ix);
        return -1;
    }
    PairLess lt = pick_less(t->dtype, descending);
    for (int64_t c = 0; c < L.count && L.n > 0; c++) {
        load_line(t, L.w.off, L.n, L.stride, p);
        if (stable)
            merge_sort(p, p + L.n, L.n, lt);
        else
            std_sort(p, L.n, lt);
        for (int64_t j = 0; j < L.n; j++) {
            store_key(v, out_off(v, &L, d, j), &p[j]);
            ((int64_t *)ix->storage->data)[out_off(ix, &L, d, j)] = p[j].idx;
        }
        ops_walk_next(&L.w);
    }
    free(p);
    *values = v;
    *indices = ix;
    return 0;
}

TsTensor *ts_argsort(TsTensor *t, int64_t dim, bool descending, bool stable)
{
    TsTensor *v, *i;
    if (ts_sort(t, dim, descending, stable, &v, &i) < 0)
        return NULL;
    ts_release(v);
    return i;
}

TsTensor *ts_msort(TsTensor *t)
{
    TsTensor *v, *i;
    if (ts_sort(t, 0, false, false, &v, &i) < 0)
        return NULL;
    ts_release(i);
    return v;
}

/* ---------------- topk ---------------- */

static bool topk_gt_f(const Pair *a, const Pair *b) { return desc_f(a, b); }
static bool topk_lt_f(const Pair *a, const Pair *b) { return asc_f(a, b); }

int ts_topk(TsTensor *t, int64_t k, int64_t dim, bool largest, bool sorted, TsTensor **values,
            TsTensor **indices)
{
    int d;
    if (ops_need_cpu(t, "topk") < 0 || ts_wrap_dim(dim, t->ndim, &d) < 0)
        return -1;
    int64_t n = t->ndim ? t->sizes[d] : 1;
    if (k < 0 || k > n)
        return ts_error(TS_ERR_RUNTIME, "selected index k out of range");
    int64_t shape[TS_MAX_DIMS];
    for (int i = 0; i < t->ndim; i++)
        shape[i] = i == d ? k : t->sizes[i];
    TsTensor *v = ts_empty(t->ndim, shape, t->dtype, t->device);
    TsTensor *ix = ts_empty(t->ndim, shape, TS_INT64, t->device);
    Lines L;
    lines_init(&L, t, d);
    Pair *p = v && ix ? pairs_alloc(n) : NULL;
    if (!p) {
        ts_release(v);
        ts_release(ix);
        return -1;
    }
    PairLess lt = ts_dtype_is_float(t->dtype) ? (largest ? topk_gt_f : topk_lt_f)
                                              : (largest ? desc_i : asc_i);
    for (int64_t c = 0; c < L.count && k > 0; c++) {
        load_line(t, L.w.off, L.n, L.stride, p);
        if (k * 64 <= n) {
            partial_sort(p, k, n, lt);
        } else {
            std_nth_element(p, p + k - 1, p + n, lt);
            if (sorted)
                std_sort(p, k - 1, lt);
        }
        for (int64_t j = 0; j < k; j++) {
            store_key(v, out_off(v, &L, d, j), &p[j]);
            ((int64_t *)ix->storage->data)[out_off(ix, &L, d, j)] = p[j].idx;
        }
        ops_walk_next(&L.w);
    }
    free(p);
    *values = v;
    *indices = ix;
    return 0;
}

/* ---------------- kthvalue (PyTorch's own quickselect) ---------------- */

static bool gt_or_nan(const Pair *a, const Pair *b, bool fl)
{
    if (fl)
        return (isnan(a->k.f) && !isnan(b->k.f)) || a->k.f > b->k.f;
    return a->k.i > b->k.i;
}

static void quick_select(Pair *arr, int64_t n, int64_t k, bool fl)
{
    int64_t L = 0, R = n - 1;
    for (;;) {
        if (R <= L)
            return;
        if (R == L + 1) {
            if (gt_or_nan(&arr[L], &arr[R], fl))
                pswap(&arr[L], &arr[R]);
            return;
        }
        int64_t P = L + (R - L) / 2;
        pswap(&arr[P], &arr[L + 1]);
        if (gt_or_nan(&arr[L + 1], &arr[R], fl))
            pswap(&arr[L + 1], &arr[R]);
        if (gt_or_nan(&arr[L], &arr[R], fl))
            pswap(&arr[L], &arr[R]);
        if (gt_or_nan(&arr[L + 1], &arr[L], fl))
            pswap(&arr[L + 1], &arr[L]);
        int64_t i = L + 1, j = R;
        Pair piv = arr[L];
        for (;;) {
            do
                i++;
            while (gt_or_nan(&piv, &arr[i], fl));
            do
                j--;
            while (gt_or_nan(&arr[j], &piv, fl));
            if (j < i)
                break;
            pswap(&arr[i], &arr[j]);
        }
        pswap(&arr[L], &arr[j]);
        if (j <= k)
            L = i;
        if (j >= k)
            R = j - 1;
    }
}

/* Shared shape of the (values, indices) of a dim selection. */
static int select_outputs(const TsTensor *t, int d, bool keepdim, TsTensor **v, TsTensor **ix)
{
    int64_t shape[TS_MAX_DIMS];
    int n = 0;
    for (int i = 0; i < t->ndim; i++) {
        if (i != d)
            shape[n++] = t->sizes[i];
        else if (keepdim)
            shape[n++] = 1;
    }
    *v = ts_empty(n, shape, t->dtype, t->device);
    *ix = ts_empty(n, shape, TS_INT64, t->device);
    if (!*v || !*ix) {
        ts_release(*v);
        ts_release(*ix);
        return -1;
    }
    return 0;
}

/* A per-line selection: picks one pair out of the loaded line. */
typedef int (*PickFn)(Pair *p, int64_t n, void *ctx, Pair *out);

static int select_dim(TsTensor *t, int64_t dim, bool keepdim, PickFn pick, void *ctx,
                      const char *name, TsTensor **values, TsTensor **indices)
{
    int d;
    if (ops_need_cpu(t, name) < 0 || ts_wrap_dim(dim, t->ndim, &d) < 0)
        return -1;
    if (t->ndim && t->sizes[d] == 0)
        return ts_error(TS_ERR_INDEX, "%s(): Expected reduction dim %d to have non-zero size.",
                        name, d);
    TsTensor *v, *ix;
    if (select_outputs(t, d, keepdim, &v, &ix) < 0)
        return -1;
    Lines L;
    lines_init(&L, t, d);
    Pair *p = pairs_alloc(L.n);
    if (!p) {
        ts_release(v);
        ts_release(ix);
        return -1;
    }
    for (int64_t c = 0; c < L.count; c++) {
        Pair r;
        load_line(t, L.w.off, L.n, L.stride, p);
        if (pick(p, L.n, ctx, &r) < 0) {
            free(p);
            ts_release(v);
            ts_release(ix);
            return -1;
        }
        store_key(v, v->offset + c, &r);
        ((int64_t *)ts_data(ix))[c] = r.idx;
        ops_walk_next(&L.w);
    }
    free(p);
    *values = v;
    *indices = ix;
    return 0;
}

typedef struct KthCtx {
    int64_t k;
    bool fl;
} KthCtx;

static int pick_kth(Pair *p, int64_t n, void *ctx, Pair *out)
{
    KthCtx *c = ctx;
    quick_select(p, n, c->k - 1, c->fl);
    *out = p[c->k - 1];
    return 0;
}

int ts_kthvalue(TsTensor *t, int64_t k, int64_t dim, bool keepdim, TsTensor **values,
                TsTensor **indices)
{
    int d;
    if (ts_wrap_dim(dim, t->ndim, &d) < 0)
        return -1;
    int64_t n = t->ndim ? t->sizes[d] : 1;
    if (k < 1 || k > n)
        return ts_error(TS_ERR_RUNTIME,
                        "kthvalue(): selected number k out of range for dimension %d", d);
    KthCtx ctx = {k, ts_dtype_is_float(t->dtype)};
    return select_dim(t, dim, keepdim, pick_kth, &ctx, "kthvalue", values, indices);
}

/* ---------------- median / mode ---------------- */

/* torch.median: the first NaN if any; else the element of rank (n-1)/2
 * in (value, index) order (PyTorch's nth_element comparator breaks ties
 * by index, so the answer is unique).  nanmedian skips NaNs. */
static int pick_median(Pair *p, int64_t n, void *ctx, Pair *out)
{
    bool ignore_nan = ((bool *)ctx)[0], fl = ((bool *)ctx)[1];
    int64_t nnan = 0;
    if (fl) {
        for (int64_t j = 0; j < n; j++) {
            if (isnan(p[j].k.f)) {
                if (!ignore_nan) {
                    *out = p[j];
                    return 0;
                }
                nnan++;
            }
        }
    }
    int64_t m = ignore_nan ? (n - nnan - 1) / 2 : (n - 1) / 2;
    if (m < 0) { /* all NaN */
        *out = p[0];
        return 0;
    }
    std_nth_element(p, p + m, p + n, fl ? tot_f : tot_i);
    *out = p[m];
    return 0;
}

int ts__median_impl(TsTensor *t, int64_t dim, bool keepdim, bool ignore_nan,
                    TsTensor **values, TsTensor **indices)
{
    bool ctx[2] = {ignore_nan, ts_dtype_is_float(t->dtype)};
    return select_dim(t, dim, keepdim, pick_median, ctx, ignore_nan ? "nanmedian" : "median",
                      values, indices);
}

TsTensor *ts__median_all_impl(TsTensor *t, bool ignore_nan)
{
    if (ts_numel(t) == 0) {
        TsTensor *r = ts_empty(0, NULL, t->dtype, t->device);
        if (r)
            ts_fill_(r, ts_scalar_f(NAN));
        return r;
    }
    int64_t n = ts_numel(t);
    TsTensor *flat = ts_reshape(t, 1, &n);
    if (!flat)
        return NULL;
    TsTensor *v, *i;
    int rc = ts__median_impl(flat, 0, false, ignore_nan, &v, &i);
    ts_release(flat);
    if (rc < 0)
        return NULL;
    ts_release(i);
    return v;
}

/* torch.mode: std::sort by value, the longest run (the smallest value on
 * ties) and the index of that run's last pair. */
static int pick_mode(Pair *p, int64_t n, void *ctx, Pair *out)
{
    bool fl = *(bool *)ctx;
    std_sort(p, n, fl ? asc_f : asc_i);
    int64_t freq = 0, best = 0;
    for (int64_t i = 0; i < n; i++) {
        freq++;
        bool end = i == n - 1 || (fl ? p[i].k.f != p[i + 1].k.f : p[i].k.i != p[i + 1].k.i);
        if (end) {
            if (freq > best) {
                *out = p[i];
                best = freq;
            }
            freq = 0;
        }
    }
    return 0;
}

int ts__mode_impl(TsTensor *t, int64_t dim, bool keepdim, TsTensor **values,
                  TsTensor **indices)
{
    bool fl = ts_dtype_is_float(t->dtype);
    return select_dim(t, dim, keepdim, pick_mode, &fl, "mode", values, indices);
}

/* ---------------- unique ---------------- */

/* torch.unique (dim=None).  sorted: ascending.  Unsorted: PyTorch walks a
 * libstdc++ unordered_set built from the data, which (its buckets
 * outnumbering the elements, and each new key going to the list's front)
 * yields the distinct values in reverse order of first appearance; we
 * produce that order directly. */
int ts_unique(TsTensor *t, bool sorted, TsTensor **values, TsTensor **inverse,
              TsTensor **counts)
{
    if (ops_need_cpu(t, "unique") < 0)
        return -1;
    int64_t n = ts_numel(t);
    TsTensor *flat = ts_reshape(t, 1, &n);
    Pair *p = flat ? pairs_alloc(n * 2) : NULL;
    /* per group: first position, count, output slot */
    int64_t *grp = p ? malloc((size_t)(n > 0 ? n : 1) * 3 * sizeof(int64_t)) : NULL;
    if (!grp) {
        if (p)
            ts_error_oom((size_t)n * 24);
        free(p);
        ts_release(flat);
        return -1;
    }
    bool fl = ts_dtype_is_float(t->dtype);
    load_line(flat, flat->offset, n, flat->strides[0], p);
    merge_sort(p, p + n, n, fl ? asc_f : asc_i);
    int64_t u = 0, *first = grp, *cnt = grp + n, *slot = grp + 2 * n;
    for (int64_t i = 0; i < n; i++) {
        bool isnew = i == 0 || (fl ? !(p[i].k.f == p[i - 1].k.f) : p[i].k.i != p[i - 1].k.i);
        if (isnew) {
            first[u] = p[i].idx; /* stable sort: the group's first pair */
            cnt[u++] = 0;
        }
        cnt[u - 1]++;
    }
    for (int64_t g = 0; g < u; g++)
        slot[g] = g;
    if (!sorted && u > 1) { /* slot = rank by first appearance, latest first */
        Pair *q = pairs_alloc(u * 2);
        if (!q) {
            free(grp);
            free(p);
            ts_release(flat);
            return -1;
        }
        for (int64_t g = 0; g < u; g++)
            q[g] = (Pair){.k.i = first[g], .idx = g};
        merge_sort(q, q + u, u, desc_i);
        for (int64_t r = 0; r < u; r++)
            slot[q[r].idx] = r;
        free(q);
    }
    TsTensor *v = ts_empty(1, &u, t->dtype, t->device);
    TsTensor *inv = inverse ? ts_empty(t->ndim, t->sizes, TS_INT64, t->device) : NULL;
    TsTensor *cn = counts ? ts_empty(1, &u, TS_INT64, t->device) : NULL;
    int rc = v && (!inverse || inv) && (!counts || cn) ? 0 : -1;
    for (int64_t i = 0, g = -1; rc == 0 && i < n; i++) {
        bool isnew = i == 0 || (fl ? !(p[i].k.f == p[i - 1].k.f) : p[i].k.i != p[i - 1].k.i);
        if (isnew) {
            g++;
            store_key(v, slot[g], &p[i]);
            if (cn)
                ((int64_t *)ts_data(cn))[slot[g]] = cnt[g];
        }
        if (inv)
            ((int64_t *)ts_data(inv))[p[i].idx] = slot[g];
    }
    free(grp);
    free(p);
    ts_release(flat);
    if (rc < 0) {
        ts_release(v);
        ts_release(inv);
        ts_release(cn);
        return -1;
    }
    *values = v;
    if (inverse)
        *inverse = inv;
    if (counts)
        *counts = cn;
    return 0;
}
