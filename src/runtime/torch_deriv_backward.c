/* torch_deriv_backward.c — derivatives of the internal backward rows
 * (torch_ops_backward.c), i.e. the second derivatives of tanh, sigmoid,
 * relu, softmax, log_softmax and unfold, as in PyTorch's
 * derivatives.yaml (the entries of tanh_backward, sigmoid_backward,
 * threshold_backward, _softmax_backward_data, _log_softmax_backward_data
 * and unfold_backward).  Argument 0 is the incoming gradient
 * (grad_output), argument 1 what the forward op saved.
 */
#include "torch_autograd.h"

#define G dx_grad(d, 0)

static Value call2(DCtx *d, const char *op, Value a, Value b)
{
    Value args[2] = {a, b};
    return dx_call(d, op, 2, args);
}

/* sum(v, dim, keepdim=True) with the row's dim (argument 2) */
static Value sum_dim(DCtx *d, Value v)
{
    Value a[3] = {v, dx_int(d, dx_a(d, 2)->i), v_bool(true)};
    return dx_call(d, "sum", 3, a);
}

/* grad_output: tanh_backward(grad, output);
 * output: grad * (-2 * output * grad_output) */
int tag_bw_tanh_backward(DCtx *d)
{
    Value g = G, y = dx_in(d, 1);
    if (dx_need(d, 0)) dx_set(d, 0, call2(d, "tanh_backward", g, y));
    if (dx_need(d, 1))
        dx_set(d, 1, dx_mul(d, g, dx_mul(d, dx_mul(d, dx_num(d, -2.0), y), dx_in(d, 0))));
    return 0;
}

/* grad_output: sigmoid_backward(grad, output);
 * output: grad * grad_output * (-2 * output + 1) */
int tag_bw_sigmoid_backward(DCtx *d)
{
    Value g = G, y = dx_in(d, 1);
    if (dx_need(d, 0)) dx_set(d, 0, call2(d, "sigmoid_backward", g, y));
    if (dx_need(d, 1)) {
        Value lin = dx_add(d, dx_mul(d, dx_num(d, -2.0), y), dx_num(d, 1.0));
        dx_set(d, 1, dx_mul(d, dx_mul(d, g, dx_in(d, 0)), lin));
    }
    return 0;
}

/* grad_output: threshold_backward(grad, self, threshold); self: zeros */
int tag_bw_threshold_backward(DCtx *d)
{
    Value g = G;
    if (dx_need(d, 0)) {
        Value a[3] = {g, dx_in(d, 1), dx_arg(d, 2)};
        dx_set(d, 0, dx_call(d, "threshold_backward", 3, a));
    }
    if (dx_need(d, 1)) dx_set(d, 1, dx_zeros_like_arg(d, 1));
    return 0;
}

/* grad_output: _softmax_backward_data(grad, output, dim);
 * output: grad_output * grad - sum(output * grad_output) * grad
 *         - grad_output * sum(output * grad)   (softmax_double_backward) */
int tag_bw_softmax_backward_data(DCtx *d)
{
    Value g = G, y = dx_in(d, 1);
    if (dx_need(d, 0)) {
        Value a[3] = {g, y, dx_int(d, dx_a(d, 2)->i)};
        dx_set(d, 0, dx_call(d, "_softmax_backward_data", 3, a));
    }
    if (dx_need(d, 1)) {
        Value go = dx_in(d, 0);
        Value t1 = dx_mul(d, go, g);
        Value t2 = dx_mul(d, sum_dim(d, dx_mul(d, y, go)), g);
        Value t3 = dx_mul(d, go, sum_dim(d, dx_mul(d, y, g)));
        dx_set(d, 1, dx_sub(d, dx_sub(d, t1, t2), t3));
    }
    return 0;
}

/* grad_output: grad - sum(grad * exp(output));
 * output: -sum(grad_output) * exp(output) * grad */
int tag_bw_log_softmax_backward_data(DCtx *d)
{
    Value g = G, y = dx_in(d, 1);
    if (dx_need(d, 0)) dx_set(d, 0, dx_sub(d, g, sum_dim(d, dx_mul(d, g, dx_un(d, "exp", y)))));
    if (dx_need(d, 1)) {
        Value s = dx_neg(d, sum_dim(d, dx_in(d, 0)));
        dx_set(d, 1, dx_mul(d, dx_mul(d, s, dx_un(d, "exp", y)), g));
    }
    return 0;
}

/* grad_in: grad.unfold(dim, size, step) */
int tag_bw_unfold_backward(DCtx *d)
{
    Value a[4] = {G, dx_int(d, dx_a(d, 2)->i), dx_int(d, dx_a(d, 3)->i), dx_int(d, dx_a(d, 4)->i)};
    dx_set(d, 0, dx_call(d, "unfold", 4, a));
    return 0;
}
