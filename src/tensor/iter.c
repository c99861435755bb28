/* iter.c — building and running the strided iterator (see iter.h). */
#include "tensor/iter.h"

#include <stdio.h>

/* Lines operand k up against the output shape; sizes are aligned to the
 * right as broadcasting does.  Stored outermost-first at this point. */
static int place_operand(TsIter *it, int k, const TsTensor *t, int ndim, const int64_t *shape)
{
    int off = ndim - t->ndim;
    size_t isz = ts_dtype_size(t->dtype);
    if (off < 0)
        return ts_error(TS_ERR_RUNTIME, "iterator: operand has more dims than the output");
    for (int d = 0; d < ndim; d++) {
        int td = d - off;
        int64_t sz = td < 0 ? 1 : t->sizes[td];
        if (sz != shape[d] && sz != 1)
            return ts_error(TS_ERR_RUNTIME,
                            "The size of tensor a (%lld) must match the size of tensor b "
                            "(%lld) at non-singleton dimension %d",
                            (long long)shape[d], (long long)sz, d);
        it->strides[k][d] = (td < 0 || sz == 1) ? 0 : t->strides[td] * (int64_t)isz;
    }
    it->data[k] = (char *)ts_data(t);
    return 0;
}

/* Reverses the layout to innermost-first, drops size-1 dims and merges a
 * dim into its inner neighbour when that is contiguous for EVERY operand
 * (stride_outer == stride_inner * size_inner). */
static void simplify(TsIter *it, int ndim, const int64_t *shape)
{
    int64_t outer_first[TS_ITER_MAX_OPS][TS_MAX_DIMS];
    memcpy(outer_first, it->strides, sizeof outer_first);
    int n = 0;
    for (int d = ndim - 1; d >= 0; d--) {
        if (shape[d] == 1)
            continue;
        bool merge = n > 0;
        for (int k = 0; merge && k < it->nops; k++)
            merge = it->strides[k][n - 1] * it->shape[n - 1] == outer_first[k][d];
        if (merge) {
            it->shape[n - 1] *= shape[d];
            continue;
        }
        it->shape[n] = shape[d];
        for (int k = 0; k < it->nops; k++)
            it->strides[k][n] = outer_first[k][d];
        n++;
    }
    it->ndim = n;
}

int ts_iter_build(TsIter *it, int nops, TsTensor *const *ops)
{
    const TsTensor *out = ops[0];
    if (nops > TS_ITER_MAX_OPS)
        return ts_error(TS_ERR_RUNTIME, "iterator: too many operands");
    it->nops = nops;
    it->numel = ts_numel(out);
    for (int k = 0; k < nops; k++)
        if (place_operand(it, k, ops[k], out->ndim, out->sizes) < 0)
            return -1;
    simplify(it, out->ndim, out->sizes);
    return 0;
}

typedef struct RunCtx {
    TsIter *it;
    TsLoop loop;
    void *ctx;
} RunCtx;

/* Element pointers for linear position pos (row-major over the shape). */
static void locate(const TsIter *it, int64_t pos, int64_t *idx, char **ptr)
{
    for (int k = 0; k < it->nops; k++)
        ptr[k] = it->data[k];
    for (int d = 0; d < it->ndim; d++) {
        idx[d] = pos % it->shape[d];
        pos /= it->shape[d];
        for (int k = 0; k < it->nops; k++)
            ptr[k] += idx[d] * it->strides[k][d];
    }
}

/* Moves to the start of the next row (idx[0] is already at the row end). */
static void next_row(const TsIter *it, int64_t *idx, char **ptr)
{
    for (int k = 0; k < it->nops; k++)
        ptr[k] -= idx[0] * it->strides[k][0];
    idx[0] = 0;
    for (int d = 1; d < it->ndim; d++) {
        idx[d]++;
        for (int k = 0; k < it->nops; k++)
            ptr[k] += it->strides[k][d];
        if (idx[d] < it->shape[d])
            return;
        for (int k = 0; k < it->nops; k++)
            ptr[k] -= idx[d] * it->strides[k][d];
        idx[d] = 0;
    }
}

/* Runs positions [begin, end) row by row. */
static void run_span(const TsIter *it, TsLoop loop, void *ctx, int64_t begin, int64_t end)
{
    if (it->ndim == 0) { /* a single element */
        int64_t zero[TS_ITER_MAX_OPS] = {0};
        char *ptr[TS_ITER_MAX_OPS];
        for (int k = 0; k < it->nops; k++)
            ptr[k] = it->data[k];
        if (begin < end)
            loop(ptr, zero, 1, ctx);
        return;
    }
    int64_t idx[TS_MAX_DIMS], inner[TS_ITER_MAX_OPS];
    char *ptr[TS_ITER_MAX_OPS];
    for (int k = 0; k < it->nops; k++)
        inner[k] = it->strides[k][0];
    locate(it, begin, idx, ptr);
    int64_t pos = begin;
    while (pos < end) {
        int64_t n = it->shape[0] - idx[0];
        if (n > end - pos)
            n = end - pos;
        loop(ptr, inner, n, ctx);
        pos += n;
        idx[0] += n;
        if (pos < end) {
            for (int k = 0; k < it->nops; k++)
                ptr[k] += n * inner[k];
            if (idx[0] == it->shape[0])
                next_row(it, idx, ptr);
        }
    }
}

/* Works in blocks so Ctrl-C is noticed within a few milliseconds. */
#define POLL_BLOCK (1 << 18)

static int run_range(int64_t begin, int64_t end, void *vctx)
{
    RunCtx *rc = vctx;
    for (int64_t b = begin; b < end; b += POLL_BLOCK) {
        if (ts_check_interrupt() < 0)
            return -1;
        int64_t e = end - b > POLL_BLOCK ? b + POLL_BLOCK : end;
        run_span(rc->it, rc->loop, rc->ctx, b, e);
    }
    return 0;
}

int ts_iter_run(TsIter *it, TsLoop loop, void *ctx)
{
    RunCtx rc = {it, loop, ctx};
    if (it->numel == 0)
        return 0;
    if (it->numel < TS_GRAIN) { /* the per-op-overhead path: no pool, no polling */
        run_span(it, loop, ctx, 0, it->numel);
        return 0;
    }
    return ts_parallel_for(0, it->numel, TS_GRAIN, run_range, &rc);
}

int ts_iter_run_serial(TsIter *it, TsLoop loop, void *ctx)
{
    RunCtx rc = {it, loop, ctx};
    if (it->numel == 0)
        return 0;
    return run_range(0, it->numel, &rc);
}
