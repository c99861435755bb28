/* torch_gradcheck.c — torch.autograd.gradcheck and gradgradcheck:
 * compare the gradients autograd computes with central finite differences.
 *
 * For every output element k and every input element j that requires
 * grad: numerical d out_k / d in_j = (f(in + eps e_j) - f(in - eps e_j))
 * / 2 eps (in double precision; grad mode stays on, as in PyTorch, so
 * func may itself call autograd.grad), analytical = the j-th entry of
 * autograd.grad(out, inputs, grad_outputs = e_k).  They must agree within
 * atol + rtol * |numerical|, PyTorch's test.
 *
 * gradgradcheck is gradcheck of the first derivative: its inputs are the
 * inputs followed by one grad_output per differentiable output, and the
 * checked function returns autograd.grad(func(inputs), inputs,
 * grad_outputs, create_graph=True) without the None entries.  Missing
 * grad_outputs are drawn like torch.testing.make_tensor(low=-1, high=1):
 * one torch.rand per output, 2 r - 1 (exact), so the global generator
 * advances exactly as in PyTorch.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "tensor/random.h"
#include "torch_autograd.h"

static Value grad_fn_value; /* torch.autograd.grad */

typedef struct Check {
    Value func;
    Value inputs;      /* tuple */
    double eps, atol, rtol;
    int n_fwd;         /* gradgradcheck: func's inputs are inputs[:n_fwd], the
                          rest are grad_outputs; -1 for gradcheck */
    bool diff_fwd[64]; /* gradgradcheck: which of func's inputs require grad */
} Check;

static Value first_derivative(Check *k);
static Value as_tuple(Value v);

/* Runs func(*inputs) (or the first derivative, for gradgradcheck);
 * returns a tuple of the outputs. */
static Value run_func(Check *k)
{
    if (k->n_fwd >= 0) return first_derivative(k);
    Tuple *in = (Tuple *)k->inputs.o;
    Value r = v_call(k->func, in->items, (int)in->len, NULL);
    if (IS_ERR(r)) return r;
    Value t = as_tuple(r);
    v_decref(r);
    return t;
}

/* The element at flat (row-major) position j of t, and a setter. */
static void unravel(const TsTensor *t, int64_t j, int64_t *idx)
{
    for (int d = t->ndim - 1; d >= 0; d--) {
        idx[d] = t->sizes[d] ? j % t->sizes[d] : 0;
        j = t->sizes[d] ? j / t->sizes[d] : 0;
    }
}

static double get_flat(TsTensor *t, int64_t j)
{
    int64_t idx[TS_MAX_DIMS];
    unravel(t, j, idx);
    return ts_get_f64(t, idx);
}

static void set_flat(TsTensor *t, int64_t j, double v)
{
    int64_t idx[TS_MAX_DIMS];
    unravel(t, j, idx);
    ts_set_f64(t, idx, v);
}

/* Column j of input i of the numerical Jacobian of output o: num[k]. */
static bool numerical(Check *k, TsTensor *x, int64_t j, int o, double *num, int64_t n_out)
{
    double orig = get_flat(x, j);
    /* PyTorch perturbs through .data: graphs made before gradcheck (and
     * their saved inputs) stay valid, so the version is put back */
    int64_t version = x->storage->version;
    double *plus = calloc((size_t)(n_out ? n_out : 1), sizeof *plus);
    if (!plus) return rt_nomem(), false;
    for (int side = 0; side < 2; side++) {
        set_flat(x, j, orig + (side ? -k->eps : k->eps));
        Value outs = run_func(k);
        if (IS_ERR(outs)) {
            set_flat(x, j, orig);
            x->storage->version = version;
            free(plus);
            return false;
        }
        TsTensor *y = torch_unwrap(((Tuple *)outs.o)->items[o]);
        for (int64_t q = 0; q < n_out; q++) {
            double v = get_flat(y, q);
            if (!side) plus[q] = v;
            else num[q] = (plus[q] - v) / (2 * k->eps);
        }
        v_decref(outs);
    }
    set_flat(x, j, orig);
    x->storage->version = version;
    free(plus);
    return true;
}

/* Row k of the analytical Jacobian: autograd.grad with a one-hot
 * grad_output; grads (a tuple, None for unused inputs). */
static Value analytical_row(Value out, Value diff_inputs, int64_t q)
{
    TsTensor *o = torch_unwrap(out);
    TsTensor *e = ts_zeros_like(o, TS_UNDEF);
    if (!e) return torch_raise_ts();
    set_flat(e, q, 1.0);
    Value ev = torch_wrap(e);
    if (IS_ERR(ev)) return ev;
    Value args[3] = {out, diff_inputs, ev};
    Obj *names[2] = {str_intern("retain_graph"), str_intern("allow_unused")};
    Value vals[2] = {v_bool(true), v_bool(true)};
    KwArgs kw = {2, names, vals};
    Value r = v_call(grad_fn_value, args, 3, &kw);
    v_decref(ev);
    return r;
}

static bool close_enough(Check *k, double a, double n)
{
    return fabs(a - n) <= k->atol + k->rtol * fabs(n) || (isnan(a) && isnan(n));
}

/* Checks output o against every differentiable input; 1 ok, 0 mismatch,
 * -1 error.  *bad_in names the input of a mismatch. */
static int check_output(Check *k, Value out, int o, Value diff, int *idx_of, int *bad_in)
{
    TsTensor *y = torch_unwrap(out);
    int64_t n_out = ts_numel(y);
    Tuple *dt = (Tuple *)diff.o;
    for (int64_t i = 0; i < dt->len; i++) {
        TsTensor *x = torch_unwrap(dt->items[i]);
        int64_t n_in = ts_numel(x);
        int64_t cells = n_in * n_out;
        double *num = calloc((size_t)(cells > 0 ? cells : 1), sizeof *num);
        double *col = calloc((size_t)(n_out ? n_out : 1), sizeof *col);
        int res = num && col ? 1 : -1;
        for (int64_t j = 0; res == 1 && j < n_in; j++) {
            if (!numerical(k, x, j, o, col, n_out)) res = -1;
            for (int64_t q = 0; res == 1 && q < n_out; q++) num[j * n_out + q] = col[q];
        }
        /* the perturbations bumped the inputs' versions: a fresh graph */
        Value fresh = res == 1 ? run_func(k) : V_ERR;
        if (IS_ERR(fresh)) res = -1;
        for (int64_t q = 0; res == 1 && q < n_out; q++) {
            Value row = analytical_row(((Tuple *)fresh.o)->items[o], diff, q);
            if (IS_ERR(row)) {
                res = -1;
                break;
            }
            Value g = ((Tuple *)row.o)->items[i];
            for (int64_t j = 0; res == 1 && j < n_in; j++) {
                double a = torch_is_tensor(g) ? get_flat(torch_unwrap(g), j) : 0.0;
                if (!close_enough(k, a, num[j * n_out + q])) {
                    *bad_in = idx_of[i];
                    res = 0;
                }
            }
            v_decref(row);
        }
        v_decref(fresh);
        free(num);
        free(col);
        if (res != 1) return res;
    }
    return 1;
}

static double opt_f(Value v, double dflt)
{
    if (IS_UNBOUND(v) || IS_NONE(v)) return dflt;
    return IS_INT(v) ? (double)v.i : IS_FLOAT(v) ? v.f : dflt;
}

/* PyTorch's _as_tuple: a tuple as is, a list converted, else a 1-tuple. */
static Value as_tuple(Value v)
{
    if (IS_OBJ(v) && v_isinstance(v, &tuple_type)) return v_incref(v);
    if (IS_OBJ(v) && v_isinstance(v, &list_type))
        return tuple_from_array(((List *)v.o)->items, ((List *)v.o)->len);
    return tuple_pack(1, v);
}

/* A new tuple of the items of `items` (a tuple) that require grad;
 * idx_of (may be NULL) gets their positions. */
static Value requiring_grad(Value items, int *idx_of, int cap)
{
    Tuple *t = (Tuple *)items.o;
    Value keep[64];
    int n = 0;
    for (int64_t i = 0; i < t->len && n < cap; i++)
        if (tag_requires_grad(t->items[i])) {
            if (idx_of) idx_of[n] = (int)i;
            keep[n++] = t->items[i];
        }
    return tuple_from_array(keep, n);
}

/* The outputs of func(*items[:n]) that require grad (a new tuple). */
static Value diff_outputs(Value func, Value *items, int n)
{
    Value r = v_call(func, items, n, NULL);
    if (IS_ERR(r)) return r;
    Value all = as_tuple(r);
    v_decref(r);
    if (IS_ERR(all)) return all;
    Value outs = requiring_grad(all, NULL, 64);
    v_decref(all);
    return outs;
}

/* gradgradcheck's function: autograd.grad(differentiable outputs of
 * func(*inputs[:n_fwd]), inputs that require grad, grad_outputs =
 * inputs[n_fwd:], create_graph=True, allow_unused=True), Nones dropped. */
static Value first_derivative(Check *k)
{
    Tuple *in = (Tuple *)k->inputs.o;
    Value outs = diff_outputs(k->func, in->items, k->n_fwd);
    Value keep[64];
    int nd = 0;
    for (int i = 0; i < k->n_fwd && nd < 64; i++)
        if (k->diff_fwd[i]) keep[nd++] = in->items[i];
    Value diff = tuple_from_array(keep, nd);
    Value gos = tuple_from_array(in->items + k->n_fwd, in->len - k->n_fwd);
    Value res = V_ERR;
    if (!IS_ERR(outs) && !IS_ERR(diff) && !IS_ERR(gos)) {
        Value args[3] = {outs, diff, gos};
        Obj *names[2] = {str_intern("create_graph"), str_intern("allow_unused")};
        Value vals[2] = {v_bool(true), v_bool(true)};
        KwArgs kw = {2, names, vals};
        Value grads = v_call(grad_fn_value, args, 3, &kw);
        if (!IS_ERR(grads)) {
            Tuple *g = (Tuple *)grads.o;
            int n = 0;
            for (int64_t i = 0; i < g->len && n < 64; i++)
                if (!IS_NONE(g->items[i])) keep[n++] = g->items[i];
            res = tuple_from_array(keep, n);
            v_decref(grads);
        }
    }
    v_decref(outs);
    v_decref(diff);
    v_decref(gos);
    return res;
}

/* The check itself, for both entry points; takes k->inputs. */
static Value run_check(Check *k, int raise)
{
    int idx_of[64];
    Value dt = requiring_grad(k->inputs, idx_of, 64), r = V_ERR, outs = V_ERR;
    if (IS_ERR(dt)) goto done;
    outs = run_func(k);
    if (IS_ERR(outs)) goto done;
    for (int64_t o = 0; o < ((Tuple *)outs.o)->len; o++) {
        Value out = ((Tuple *)outs.o)->items[o];
        if (!tag_requires_grad(out)) continue;
        int bad = 0, rc = check_output(k, out, (int)o, dt, idx_of, &bad);
        if (rc < 0) goto done;
        if (rc == 0) {
            r = raise ? rt_raise(&exc_RuntimeError, "Jacobian mismatch for output %d with respect to "
                                 "input %d", (int)o, bad)
                      : v_bool(false);
            goto done;
        }
    }
    r = v_bool(true);
done:
    v_decref(outs);
    v_decref(dt);
    v_decref(k->inputs);
    return r;
}

static Value f_gradcheck(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"func", "inputs", "eps", "atol", "rtol", "raise_exception"};
    Value a[6];
    if (!args_parse("gradcheck", args, nargs, kw, names, 6, 2, a)) return V_ERR;
    Check k = {a[0], V_UNBOUND, opt_f(a[2], 1e-6), opt_f(a[3], 1e-5), opt_f(a[4], 1e-3), -1, {0}};
    k.inputs = as_tuple(a[1]);
    if (IS_ERR(k.inputs)) return k.inputs;
    return run_check(&k, IS_UNBOUND(a[5]) ? 1 : v_truth(a[5]));
}

/* make_tensor(shape of out, low=-1, high=1, requires_grad=True): one
 * torch.rand draw per element; high * r + low * (1 - r) is 2 r - 1
 * exactly, which is what uniform_(-1, 1) computes from the same draw. */
static Value random_grad_output(Value out)
{
    TsTensor *o = torch_unwrap(out);
    TsDType dt = ts_dtype_is_float(o->dtype) ? o->dtype : TS_FLOAT64;
    TsTensor *t = ts_empty(o->ndim, o->sizes, dt, TS_CPU);
    if (!t) return torch_raise_ts();
    if (ts_uniform_(t, -1, 1, NULL) < 0) {
        ts_release(t);
        return torch_raise_ts();
    }
    if (o->device != TS_CPU) {
        TsTensor *d = ts_to(t, dt, o->device, false);
        ts_release(t);
        if (!(t = d)) return torch_raise_ts();
    }
    Value v = torch_wrap(t);
    if (IS_ERR(v)) return v;
    AgMeta *m = tag_meta(v, true);
    if (!m) {
        v_decref(v);
        return V_ERR;
    }
    m->requires_grad = true;
    return v;
}

/* The grad_outputs argument, or random ones for the differentiable
 * outputs of func(*inputs) (a new tuple). */
static Value grad_outputs_of(Value func, Value inputs, Value given)
{
    if (!IS_UNBOUND(given) && !IS_NONE(given)) return as_tuple(given);
    Tuple *in = (Tuple *)inputs.o;
    Value outs = diff_outputs(func, in->items, (int)in->len);
    if (IS_ERR(outs)) return outs;
    Tuple *ot = (Tuple *)outs.o;
    Value res = tuple_new(ot->len);
    for (int64_t i = 0; !IS_ERR(res) && i < ot->len; i++) {
        Value g = random_grad_output(ot->items[i]);
        if (IS_ERR(g)) {
            v_decref(res);
            res = V_ERR;
            break;
        }
        ((Tuple *)res.o)->items[i] = g;
    }
    v_decref(outs);
    return res;
}

static Value f_gradgradcheck(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {
        "func", "inputs", "grad_outputs", "eps", "atol", "rtol", "gen_non_contig_grad_outputs",
        "raise_exception", "nondet_tol", "check_undefined_grad", "check_grad_dtypes",
        "check_batched_grad", "check_fwd_over_rev", "check_rev_over_rev", "fast_mode"};
    Value a[15];
    if (!args_parse("gradgradcheck", args, nargs, kw, names, 15, 2, a)) return V_ERR;
    Check k = {a[0], V_UNBOUND, opt_f(a[3], 1e-6), opt_f(a[4], 1e-5), opt_f(a[5], 1e-3), 0, {0}};
    Value in = as_tuple(a[1]);
    if (IS_ERR(in)) return in;
    Tuple *it = (Tuple *)in.o;
    if (it->len > 64) {
        v_decref(in);
        return rt_raise(&exc_ValueError, "gradgradcheck: at most 64 inputs are supported");
    }
    Value gos = grad_outputs_of(a[0], in, a[2]);
    if (IS_ERR(gos)) {
        v_decref(in);
        return gos;
    }
    k.n_fwd = (int)it->len;
    for (int i = 0; i < k.n_fwd; i++) k.diff_fwd[i] = tag_requires_grad(it->items[i]);
    Tuple *gt = (Tuple *)gos.o;
    k.inputs = tuple_new(it->len + gt->len);
    if (!IS_ERR(k.inputs)) {
        Tuple *kt = (Tuple *)k.inputs.o;
        for (int64_t i = 0; i < it->len; i++) kt->items[i] = v_incref(it->items[i]);
        for (int64_t i = 0; i < gt->len; i++) kt->items[it->len + i] = v_incref(gt->items[i]);
    }
    v_decref(in);
    v_decref(gos);
    if (IS_ERR(k.inputs)) return k.inputs;
    return run_check(&k, IS_UNBOUND(a[7]) ? 1 : v_truth(a[7]));
}

static const MethodDef gradcheck_functions[] = {
    {"gradcheck", f_gradcheck,
     "gradcheck(func, inputs, *, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True)\n\n"
     "Checks autograd's gradients of func against finite differences (use float64 inputs).", 0},
    {"gradgradcheck", f_gradgradcheck,
     "gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-06, atol=1e-05, rtol=0.001, "
     "gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0, "
     "check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False, "
     "check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False)\n\n"
     "Checks second derivatives: gradcheck of autograd.grad(func, create_graph=True), "
     "with random grad_outputs when none are given.", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_gradcheck_init(Value autograd)
{
    grad_fn_value = dict_get_cstr(((Module *)autograd.o)->dict, "grad");
    if (IS_ERR(grad_fn_value) || IS_UNBOUND(grad_fn_value)) return false;
    v_incref(grad_fn_value);
    module_add_functions(autograd, gradcheck_functions);
    /* torch.autograd.gradcheck is also the submodule's name in PyTorch;
     * `from torch.autograd import gradcheck` gets the function here */
    return true;
}
