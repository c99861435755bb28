/* torch_gradcheck.c — torch.autograd.gradcheck: compares the gradients
 * autograd computes with central finite differences.
 *
 * For every output element k and every input element j that requires
 * grad: numerical d out_k / d in_j = (f(in + eps e_j) - f(in - eps e_j))
 * / 2 eps (in double precision, grad mode off), analytical = the j-th
 * entry of autograd.grad(out, inputs, grad_outputs = e_k).  They must
 * agree within atol + rtol * |numerical|, PyTorch's test.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

static Value grad_fn_value; /* torch.autograd.grad */

typedef struct Check {
    Value func;
    Value inputs;      /* tuple */
    double eps, atol, rtol;
} Check;

/* Runs func(*inputs) with grad mode off or on; returns a tuple of the
 * outputs. */
static Value run_func(Check *k, bool grad)
{
    bool mode = torch_grad_enabled;
    tag_set_grad_enabled(grad && mode);
    Tuple *in = (Tuple *)k->inputs.o;
    Value r = v_call(k->func, in->items, (int)in->len, NULL);
    tag_set_grad_enabled(mode);
    if (IS_ERR(r)) return r;
    if (IS_OBJ(r) && v_isinstance(r, &tuple_type)) return r;
    Value t = tuple_pack(1, r);
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
        Value outs = run_func(k, false);
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
        Value fresh = res == 1 ? run_func(k, true) : V_ERR;
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

static Value f_gradcheck(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"func", "inputs", "eps", "atol", "rtol", "raise_exception"};
    Value a[6];
    if (!args_parse("gradcheck", args, nargs, kw, names, 6, 2, a)) return V_ERR;
    Check k = {a[0], V_UNBOUND, opt_f(a[2], 1e-6), opt_f(a[3], 1e-5), opt_f(a[4], 1e-3)};
    int raise = IS_UNBOUND(a[5]) ? 1 : v_truth(a[5]);
    k.inputs = IS_OBJ(a[1]) && v_isinstance(a[1], &tuple_type) ? v_incref(a[1]) : tuple_pack(1, a[1]);
    if (IS_ERR(k.inputs)) return k.inputs;
    Tuple *in = (Tuple *)k.inputs.o;
    Value diff = list_new(0), r = V_ERR, outs = V_ERR, dt = V_ERR;
    int idx_of[64], nd = 0;
    for (int64_t i = 0; !IS_ERR(diff) && i < in->len && nd < 64; i++)
        if (tag_requires_grad(in->items[i])) {
            idx_of[nd++] = (int)i;
            list_append(diff, in->items[i]);
        }
    if (IS_ERR(diff)) goto done;
    dt = tuple_new(nd);
    if (IS_ERR(dt)) goto done;
    for (int i = 0; i < nd; i++) ((Tuple *)dt.o)->items[i] = v_incref(((List *)diff.o)->items[i]);
    outs = run_func(&k, true);
    if (IS_ERR(outs)) goto done;
    for (int64_t o = 0; o < ((Tuple *)outs.o)->len; o++) {
        Value out = ((Tuple *)outs.o)->items[o];
        if (!tag_requires_grad(out)) continue;
        int bad = 0, rc = check_output(&k, out, (int)o, dt, idx_of, &bad);
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
    v_decref(diff);
    v_decref(k.inputs);
    return r;
}

static const MethodDef gradcheck_functions[] = {
    {"gradcheck", f_gradcheck,
     "gradcheck(func, inputs, *, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True)\n\n"
     "Checks autograd's gradients of func against finite differences (use float64 inputs).", 0},
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
