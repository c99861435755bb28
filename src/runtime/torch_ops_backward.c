/* torch_ops_backward.c — impls of the internal backward rows of
 * torch_ops.def (tanh_backward, sigmoid_backward, threshold_backward,
 * _softmax_backward_data, _log_softmax_backward_data, unfold_backward).
 *
 * PyTorch computes the first-order gradient of these ops with one kernel
 * that is itself an op with a derivative, so that under create_graph the
 * gradient's grad_fn is TanhBackwardBackward0 and so on.  The derivatives
 * of tanh, sigmoid, relu, softmax, log_softmax and unfold call these rows;
 * each impl evaluates in the order of PyTorch's CPU kernel, so the float
 * rounding is the same (softmax's and log_softmax's CPU float kernels are
 * in src/tensor/softmax.c).
 */
#include "objects.h"
#include "tensor/ops.h"
#include "torch_private.h"

static TsTensor *bin(TsBinaryOp op, TsArg a, TsArg b) { return ts_binary(op, a, b, NULL); }

/* Releases the temporaries of an impl and wraps its result. */
static Value done(TsTensor *r, TsTensor *t1, TsTensor *t2)
{
    ts_release(t1);
    ts_release(t2);
    return torch_wrap(r);
}

/* grad_output * (1 - output * output) */
Value impl_tanh_backward(TorchCall *c)
{
    TsTensor *g = c->a[0].t, *y = c->a[1].t;
    TsTensor *sq = bin(TS_OP_MUL, ts_arg(y), ts_arg(y));
    TsTensor *om = sq ? bin(TS_OP_SUB, ts_arg_s(ts_scalar_i(1)), ts_arg(sq)) : NULL;
    return done(om ? bin(TS_OP_MUL, ts_arg(g), ts_arg(om)) : NULL, sq, om);
}

/* grad_output * (1 - output) * output */
Value impl_sigmoid_backward(TorchCall *c)
{
    TsTensor *g = c->a[0].t, *y = c->a[1].t;
    TsTensor *om = bin(TS_OP_SUB, ts_arg_s(ts_scalar_i(1)), ts_arg(y));
    TsTensor *p = om ? bin(TS_OP_MUL, ts_arg(g), ts_arg(om)) : NULL;
    return done(p ? bin(TS_OP_MUL, ts_arg(p), ts_arg(y)) : NULL, om, p);
}

/* input <= threshold ? 0 : grad_output (a NaN input passes the gradient) */
Value impl_threshold_backward(TorchCall *c)
{
    TsTensor *g = c->a[0].t, *x = c->a[1].t;
    TsTensor *le = bin(TS_OP_LE, ts_arg(x), ts_arg_s(c->a[2].s));
    TsTensor *r = le ? ts_masked_fill(g, le, ts_arg_s(ts_scalar_i(0)), NULL) : NULL;
    return done(r, le, NULL);
}

static bool wrap_dim(const TorchCall *c, int k, int *dim)
{
    int nd = c->a[1].t->ndim;
    if (ts_wrap_dim(c->a[k].i, nd ? nd : 1, dim) < 0) {
        torch_raise_ts();
        return false;
    }
    return true;
}

/* Whether PyTorch's CPU kernel (softmax.c) applies: CPU float32/float64
 * grad and output of one dtype and shape. */
static bool cpu_kernel(const TsTensor *g, const TsTensor *y)
{
    if (y->device != TS_CPU || g->device != TS_CPU || g->dtype != y->dtype ||
        (y->dtype != TS_FLOAT32 && y->dtype != TS_FLOAT64) || g->ndim != y->ndim)
        return false;
    for (int i = 0; i < y->ndim; i++)
        if (g->sizes[i] != y->sizes[i]) return false;
    return true;
}

/* output * (grad_output - sum(grad_output * output, dim, keepdim)) */
Value impl_softmax_backward_data(TorchCall *c)
{
    TsTensor *g = c->a[0].t, *y = c->a[1].t;
    int dim;
    if (!wrap_dim(c, 2, &dim)) return V_ERR;
    if (cpu_kernel(g, y)) return torch_wrap(ts_softmax_backward_cpu(g, y, dim, false));
    int64_t dims[1] = {dim};
    TsTensor *gy = bin(TS_OP_MUL, ts_arg(g), ts_arg(y));
    TsTensor *s = gy ? ts_sum(gy, y->ndim ? 1 : 0, dims, true, TS_UNDEF) : NULL;
    ts_release(gy);
    TsTensor *diff = s ? bin(TS_OP_SUB, ts_arg(g), ts_arg(s)) : NULL;
    return done(diff ? bin(TS_OP_MUL, ts_arg(y), ts_arg(diff)) : NULL, s, diff);
}

/* grad_output - exp(output) * sum(grad_output, dim, keepdim) */
Value impl_log_softmax_backward_data(TorchCall *c)
{
    TsTensor *g = c->a[0].t, *y = c->a[1].t;
    int dim;
    if (!wrap_dim(c, 2, &dim)) return V_ERR;
    if (cpu_kernel(g, y)) return torch_wrap(ts_softmax_backward_cpu(g, y, dim, true));
    int64_t dims[1] = {dim};
    TsTensor *s = ts_sum(g, y->ndim ? 1 : 0, dims, true, TS_UNDEF);
    TsTensor *e = s ? ts_unary(TS_OP_EXP, y, NULL) : NULL;
    TsTensor *es = e ? bin(TS_OP_MUL, ts_arg(e), ts_arg(s)) : NULL;
    ts_release(e);
    return done(es ? bin(TS_OP_SUB, ts_arg(g), ts_arg(es)) : NULL, s, es);
}

/* Zeros of the input's shape; window element j of every window (the
 * last dim of grad_in) is added back through the j-th slice of the
 * zeros' own unfold view, whose elements never overlap. */
Value impl_unfold_backward(TorchCall *c)
{
    TsTensor *g = c->a[0].t;
    const TorchArg *sz = &c->a[1];
    TsTensor *z = ts_zeros(sz->n, sz->list, g->dtype, g->device);
    TsTensor *u = z ? ts_unfold(z, c->a[2].i, c->a[3].i, c->a[4].i) : NULL;
    bool ok = u != NULL;
    if (ok && (u->ndim != g->ndim || u->sizes[u->ndim - 1] != c->a[3].i)) {
        ts_error(TS_ERR_RUNTIME, "unfold_backward: grad_in does not match the unfolded shape");
        ok = false;
    }
    for (int64_t j = 0; ok && j < c->a[3].i; j++) {
        TsTensor *dst = ts_select(u, u->ndim - 1, j), *src = ts_select(g, g->ndim - 1, j);
        TsTensor *r = dst && src ? ts_binary(TS_OP_ADD, ts_arg(dst), ts_arg(src), dst) : NULL;
        ok = r != NULL;
        ts_release(r);
        ts_release(dst);
        ts_release(src);
    }
    ts_release(u);
    if (!ok) {
        ts_release(z);
        return torch_raise_ts();
    }
    return torch_wrap(z);
}
