/* layout.cu — CuLayout: broadcast strided operands as one iteration space.
 *
 * Every element-wise kernel walks its output in row-major order and finds
 * each operand's element from the linear index (cu_offset).  The host does
 * the work once per launch: align each operand's strides to the output's
 * dims (0 where broadcast), drop size-1 dims, merge neighbours that are
 * contiguous in every operand.  A plain contiguous op ends as one dim of
 * stride 1 everywhere and takes the fast path (offset = index).
 */
#include "cuda/cuda_internal.h"

/* Operand t's strides along out's dims; -1 if t cannot broadcast. */
static int align_strides(const TsTensor *out, const TsTensor *t, int64_t *st)
{
    int lead = out->ndim - t->ndim;
    if (lead < 0)
        return -1;
    for (int d = 0; d < out->ndim; d++) {
        int td = d - lead;
        if (td < 0 || t->sizes[td] == 1)
            st[d] = 0;
        else if (t->sizes[td] == out->sizes[d])
            st[d] = t->strides[td];
        else
            return -1;
    }
    return 0;
}

/* Removes size-1 dims and merges (d, d+1) when, in every operand, moving
 * one step along d equals moving sizes[d+1] steps along d+1. */
static void coalesce(CuLayout *L)
{
    int n = 0;
    for (int d = 0; d < L->ndim; d++) {
        if (L->sizes[d] == 1)
            continue;
        bool merge = n > 0;
        for (int k = 0; merge && k < L->nops; k++)
            merge = L->strides[k][n - 1] == L->strides[k][d] * L->sizes[d];
        if (merge) {
            L->sizes[n - 1] *= L->sizes[d];
            for (int k = 0; k < L->nops; k++)
                L->strides[k][n - 1] = L->strides[k][d];
            continue;
        }
        L->sizes[n] = L->sizes[d];
        for (int k = 0; k < L->nops; k++)
            L->strides[k][n] = L->strides[k][d];
        n++;
    }
    L->ndim = n;
}

int cu_layout_build(CuLayout *L, TsTensor *out, TsTensor *const *ops, int nops)
{
    L->nops = nops + 1;
    L->ndim = out->ndim;
    L->numel = 1;
    for (int d = 0; d < out->ndim; d++) {
        L->sizes[d] = out->sizes[d];
        L->strides[0][d] = out->strides[d];
        L->numel *= out->sizes[d];
    }
    for (int k = 0; k < nops; k++) {
        /* a scalar copies out's strides so it never blocks a merge */
        if (!ops[k])
            memcpy(L->strides[k + 1], L->strides[0], sizeof L->strides[0]);
        else if (align_strides(out, ops[k], L->strides[k + 1]) < 0)
            return -1;
    }
    coalesce(L);
    L->contiguous = true;
    for (int k = 0; k < L->nops; k++)
        if (L->ndim > 1 || (L->ndim == 1 && L->strides[k][0] != 1))
            L->contiguous = false;
    return 0;
}
