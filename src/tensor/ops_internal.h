/* ops_internal.h — small helpers shared by the OPS files (reduce.c,
 * scan.c, sort.c, index.c, linalg.c).  Private to src/tensor.
 *
 * The reference paths of these ops load every element through double (for
 * floating dtypes, exact for every one of them) or int64 (for integers and
 * bool, exact too), so one loop serves all ten dtypes; the hot cases (float
 * sums, BLAS products) have their own typed kernels beside them.
 */
#ifndef TS_OPS_INTERNAL_H
#define TS_OPS_INTERNAL_H

#include "tensor/ops.h"

/* Odometer over the elements of a strided shape, row-major order. */
typedef struct OpsWalk {
    int nd;
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS], idx[TS_MAX_DIMS];
    int64_t off; /* element offset of the current position */
} OpsWalk;

static inline void ops_walk_init(OpsWalk *w, int nd, const int64_t *sizes,
                                 const int64_t *strides, int64_t off)
{
    w->nd = nd;
    w->off = off;
    for (int d = 0; d < nd; d++) {
        w->sizes[d] = sizes[d];
        w->strides[d] = strides[d];
        w->idx[d] = 0;
    }
}

/* Moves to the next element; false after the last one. */
static inline bool ops_walk_next(OpsWalk *w)
{
    for (int d = w->nd - 1; d >= 0; d--) {
        if (++w->idx[d] < w->sizes[d]) {
            w->off += w->strides[d];
            return true;
        }
        w->off -= (w->sizes[d] - 1) * w->strides[d];
        w->idx[d] = 0;
    }
    return false;
}

static inline bool ops_is_floating(TsDType dt) { return ts_dtype_is_float(dt); }

/* Element at element-offset `off` from t's storage start. */
static inline char *ops_at(const TsTensor *t, int64_t off)
{
    return (char *)t->storage->data + off * (int64_t)ts_dtype_size(t->dtype);
}

/* The OPS kernels run on host memory.  A device without its own kernel
 * for an op gets the host path the device table promises: copy the
 * operand(s) to the CPU, run the CPU op (`call`, written in terms of the
 * host copies h / h2), copy the result back.  Only slower, never wrong. */
#define OPS_VIA_HOST(t, call)                                                    \
    do {                                                                         \
        if ((t)->device != TS_CPU) {                                             \
            TsTensor *h = ts_to((t), (t)->dtype, TS_CPU, false);                 \
            TsTensor *r_ = h ? (call) : NULL;                                    \
            TsTensor *d_ = r_ ? ts_to(r_, r_->dtype, (t)->device, false) : NULL; \
            ts_release(h);                                                       \
            ts_release(r_);                                                      \
            return d_;                                                           \
        }                                                                        \
    } while (0)

#define OPS_VIA_HOST2(t, t2, call)                                                   \
    do {                                                                             \
        if ((t)->device != TS_CPU || (t2)->device != TS_CPU) {                       \
            if (ts_check_same_device((t)->device, (t2)->device) < 0)                 \
                return NULL;                                                         \
            TsTensor *h = ts_to((t), (t)->dtype, TS_CPU, false);                     \
            TsTensor *h2 = h ? ts_to((t2), (t2)->dtype, TS_CPU, false) : NULL;       \
            TsTensor *r_ = h2 ? (call) : NULL;                                       \
            TsTensor *d_ = r_ ? ts_to(r_, r_->dtype, (t)->device, false) : NULL;     \
            ts_release(h);                                                           \
            ts_release(h2);                                                          \
            ts_release(r_);                                                          \
            return d_;                                                               \
        }                                                                            \
    } while (0)

/* Ops without a host path yet say so on other devices. */
static inline int ops_need_cpu(const TsTensor *t, const char *op)
{
    if (t->device != TS_CPU)
        return ts_error(TS_ERR_NOTIMPL, "%s: not implemented for this device yet", op);
    return 0;
}

/* Dims of t reduced by a dim list (nd == 0 -> all).  Fills mask[ndim];
 * PyTorch's errors for out-of-range and repeated dims. */
static inline int ops_dim_mask(const TsTensor *t, int nd, const int64_t *dims, bool *mask)
{
    for (int d = 0; d < TS_MAX_DIMS; d++)
        mask[d] = (nd == 0 || dims == NULL);
    for (int k = 0; dims && k < nd; k++) {
        int w;
        if (ts_wrap_dim(dims[k], t->ndim, &w) < 0)
            return -1;
        if (t->ndim == 0)
            continue;
        if (mask[w])
            return ts_error(TS_ERR_RUNTIME, "dim %d appears multiple times in the list of dims",
                            w);
        mask[w] = true;
    }
    return 0;
}

/* Shape of a reduction result. */
static inline int ops_reduced_shape(const TsTensor *t, const bool *mask, bool keepdim,
                                    int64_t *out)
{
    int n = 0;
    for (int d = 0; d < t->ndim; d++) {
        if (!mask[d])
            out[n++] = t->sizes[d];
        else if (keepdim)
            out[n++] = 1;
    }
    return n;
}

#endif
