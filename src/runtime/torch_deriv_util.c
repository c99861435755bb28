/* torch_deriv_util.c — the small language derivatives are written in
 * (see torch_autograd.h): every helper computes through the op table, so
 * a derivative run under create_graph=True is itself recorded. */
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

Value dx_keep(DCtx *d, Value v)
{
    if (IS_ERR(v)) {
        d->err = true;
        return v;
    }
    if (!IS_OBJ(v)) return v;
    if (!d->tmp) {
        d->tmp = d->small;
        d->cap = DX_TMP;
    }
    if (d->ntmp == d->cap) { /* long derivatives (matrix_power) spill to the heap */
        Value *bigger = rt_alloc(sizeof *bigger * (size_t)d->cap * 2);
        if (!bigger) {
            v_decref(v);
            d->err = true;
            return V_ERR;
        }
        memcpy(bigger, d->tmp, sizeof *bigger * (size_t)d->ntmp);
        if (d->tmp != d->small) free(d->tmp);
        d->tmp = bigger;
        d->cap *= 2;
    }
    d->tmp[d->ntmp++] = v;
    return v;
}

void dx_free_tmps(DCtx *d)
{
    for (int i = 0; i < d->ntmp; i++) v_decref(d->tmp[i]);
    if (d->tmp != d->small) free(d->tmp);
    d->tmp = NULL;
    d->ntmp = d->cap = 0;
}

int dx_status(DCtx *d) { return d->err ? -1 : 0; }

/* Arguments past the call's count (the operator slots bind fewer than
 * the signature has) read as absent. */
static const TorchArg no_arg;
static const ArgInfo no_info = {.edge = -1, .slot = -1};

const TorchArg *dx_a(DCtx *d, int k) { return k < d->oc->n ? &d->oc->a[k] : &no_arg; }
const ArgInfo *dx_info(DCtx *d, int k) { return k < d->oc->n ? &d->oc->ai[k] : &no_info; }
double dx_f(DCtx *d, int k) { return ts_scalar_to_f64(dx_a(d, k)->s); }

Value dx_num(DCtx *d, double f)
{
    (void)d;
    return v_float(f);
}

Value dx_int(DCtx *d, int64_t i)
{
    (void)d;
    return v_int(i);
}

Value dx_shape(DCtx *d, int ndim, const int64_t *sizes)
{
    Value t = tuple_new(ndim);
    if (IS_ERR(t)) return dx_keep(d, t);
    for (int i = 0; i < ndim; i++) ((Tuple *)t.o)->items[i] = v_int(sizes[i]);
    return dx_keep(d, t);
}

Value dx_zeros(DCtx *d, int ndim, const int64_t *sizes, TsDType dt)
{
    return dx_keep(d, torch_wrap(ts_zeros(ndim, sizes, dt, TS_CPU)));
}

Value dx_zeros_like_arg(DCtx *d, int k)
{
    const ArgInfo *ai = dx_info(d, k);
    return dx_zeros(d, ai->ndim, ai->sizes, ai->dtype);
}

Value dx_grad(DCtx *d, int out)
{
    AgVar g = d->grads[out];
    if (g.t) return dx_keep(d, tag_wrap(g));
    const AgOutInfo *o = &d->node->outs[out];
    return dx_keep(d, torch_wrap(ts_zeros(o->ndim, o->sizes, o->dtype, o->device)));
}

static Value unpack(DCtx *d, int slot)
{
    if (slot < 0) {
        rt_raise(&exc_RuntimeError, "autograd: %s reads a tensor it did not save", d->node->name);
        return dx_keep(d, V_ERR);
    }
    AgVar v;
    if (ag_node_unpack(d->node, slot, &v) < 0) return dx_keep(d, torch_raise_ts());
    Value r = tag_wrap(v);
    ag_var_release(v);
    return dx_keep(d, r);
}

Value dx_in(DCtx *d, int k) { return unpack(d, dx_info(d, k)->slot); }
Value dx_result(DCtx *d) { return unpack(d, d->oc->result_slot); }
Value dx_result_at(DCtx *d, int j)
{
    return unpack(d, d->oc->result_slot < 0 ? -1 : d->oc->result_slot + j);
}

Value dx_arg(DCtx *d, int k)
{
    if (dx_info(d, k)->tensor) return dx_in(d, k);
    return dx_keep(d, torch_from_scalar(dx_a(d, k)->s));
}

bool dx_need(DCtx *d, int k)
{
    int e = dx_info(d, k)->edge;
    return e >= 0 && d->node->next[e].fn != NULL;
}

bool dx_need_list(DCtx *d, int k, int j)
{
    int e = dx_info(d, k)->edge;
    return e >= 0 && d->node->next[e + j].fn != NULL;
}

/* ---- calling ops ---- */

Value dx_call(DCtx *d, const char *op, int n, Value *args)
{
    for (int i = 0; i < n; i++)
        if (IS_ERR(args[i])) return dx_keep(d, V_ERR);
    return dx_keep(d, torch_call_op(op, args, n, NULL));
}

Value dx_call_kw(DCtx *d, const char *op, int n, Value *args, const char *k1, Value v1)
{
    for (int i = 0; i < n; i++)
        if (IS_ERR(args[i])) return dx_keep(d, V_ERR);
    if (IS_ERR(v1)) return dx_keep(d, V_ERR);
    Obj *name = str_intern(k1);
    if (!name) return dx_keep(d, V_ERR);
    KwArgs kw = {1, &name, &v1};
    return dx_keep(d, torch_call_op(op, args, n, &kw));
}

static Value bin(DCtx *d, const char *op, Value a, Value b)
{
    Value args[2] = {a, b};
    return dx_call(d, op, 2, args);
}

/* PyTorch's formulas are C++, where tensor * 2.0 calls the Scalar
 * overload (MulBackward1, AddBackward1 ...), while Python's operators wrap
 * the number into a tensor (MulBackward0).  The arithmetic helpers below
 * raise this flag around a call with a number operand; the rows' name
 * functions read it. */
static bool scalar_overload;

bool tag_scalar_overload(void) { return scalar_overload; }

static Value bin_num(DCtx *d, const char *op, Value t, Value num)
{
    bool prev = scalar_overload;
    scalar_overload = true;
    Value r = bin(d, op, t, num);
    scalar_overload = prev;
    return r;
}

/* t op b: the Scalar overload when b is a number */
static Value bin_t(DCtx *d, const char *op, Value t, Value b)
{
    return torch_is_tensor(b) || IS_ERR(b) ? bin(d, op, t, b) : bin_num(d, op, t, b);
}

/* Tensor-or-number arithmetic; the first operand of the table's binary
 * rows must be a tensor, so a number on the left is moved to the right,
 * and two numbers are combined in Python. */
static Value num2(DCtx *d, BinOp op, Value a, Value b)
{
    if (IS_ERR(a) || IS_ERR(b)) return dx_keep(d, V_ERR);
    return dx_keep(d, v_binop(op, a, b));
}

static bool is_one(Value v) { return (IS_INT(v) && v.i == 1) || (IS_FLOAT(v) && v.f == 1.0); }

Value dx_add(DCtx *d, Value a, Value b)
{
    if (torch_is_tensor(a)) return bin_t(d, "add", a, b);
    return torch_is_tensor(b) ? bin_t(d, "add", b, a) : num2(d, OP_ADD, a, b);
}

Value dx_mul(DCtx *d, Value a, Value b)
{
    if (is_one(b)) return a; /* alpha == 1: no extra node under create_graph */
    if (is_one(a)) return b;
    if (torch_is_tensor(a)) return bin_t(d, "mul", a, b);
    return torch_is_tensor(b) ? bin_t(d, "mul", b, a) : num2(d, OP_MUL, a, b);
}

Value dx_scale(DCtx *d, double f, Value t) { return bin_num(d, "mul", t, dx_num(d, f)); }

Value dx_sub(DCtx *d, Value a, Value b)
{
    if (torch_is_tensor(a)) return bin_t(d, "sub", a, b);
    return torch_is_tensor(b) ? bin(d, "rsub", b, a) : num2(d, OP_SUB, a, b);
}

Value dx_div(DCtx *d, Value a, Value b)
{
    if (torch_is_tensor(a)) return bin_t(d, "div", a, b);
    return torch_is_tensor(b) ? dx_mul(d, dx_un(d, "reciprocal", b), a) : num2(d, OP_TRUEDIV, a, b);
}

Value dx_neg(DCtx *d, Value a) { return dx_un(d, "neg", a); }
Value dx_un(DCtx *d, const char *op, Value a) { return dx_call(d, op, 1, &a); }

/* ---- broadcasting ---- */

/* As PyTorch's sum_to: to a 0-d shape by sum(); else a sum over the
 * broadcast dims (keepdim) and a view without the leading ones. */
Value dx_sum_to(DCtx *d, Value g, int ndim, const int64_t *sizes)
{
    if (IS_ERR(g)) return g;
    TsTensor *t = torch_unwrap(g);
    if (t->ndim == ndim && !memcmp(t->sizes, sizes, sizeof(int64_t) * (size_t)ndim)) return g;
    if (ndim == 0) return dx_un(d, "sum", g);
    int lead = t->ndim - ndim, nd = 0;
    int64_t dims[TS_MAX_DIMS];
    for (int i = 0; i < t->ndim; i++)
        if (i < lead || (sizes[i - lead] == 1 && t->sizes[i] != 1)) dims[nd++] = i;
    Value r = g;
    if (nd) {
        Value args[3] = {g, dx_shape(d, nd, dims), v_bool(true)};
        r = dx_call(d, "sum", 3, args);
    }
    if (IS_ERR(r)) return r;
    TsTensor *rt = torch_unwrap(r);
    if (rt->ndim == ndim && !memcmp(rt->sizes, sizes, sizeof(int64_t) * (size_t)ndim)) return r;
    Value args[2] = {r, dx_shape(d, ndim, sizes)};
    return dx_call(d, "view", 2, args);
}

/* Brings g to the shape and dtype of the input it is the gradient of. */
static Value fit(DCtx *d, Value g, const ArgInfo *ai)
{
    if (IS_ERR(g) || !torch_is_tensor(g)) return g;
    g = dx_sum_to(d, g, ai->ndim, ai->sizes);
    if (IS_ERR(g) || torch_unwrap(g)->dtype == ai->dtype || !ts_dtype_is_float(ai->dtype)) return g;
    Value args[2] = {g, dx_keep(d, torch_dtype_value(ai->dtype))};
    return dx_call(d, "to", 2, args);
}

static void set_edge(DCtx *d, int e, Value g)
{
    if (IS_ERR(g)) {
        d->err = true;
        return;
    }
    if (!torch_is_tensor(g)) return;
    if (torch_is_tensor(d->gin[e])) { /* the same tensor passed twice (x * x) */
        Value s = dx_add(d, d->gin[e], g);
        if (IS_ERR(s)) return;
        g = s;
    }
    v_decref(d->gin[e]);
    d->gin[e] = v_incref(g);
}

void dx_set(DCtx *d, int k, Value g)
{
    const ArgInfo *ai = dx_info(d, k);
    if (ai->edge < 0 || ai->list) return;
    set_edge(d, ai->edge, fit(d, g, ai));
}

void dx_set_list(DCtx *d, int k, int j, Value g)
{
    const ArgInfo *ai = dx_info(d, k);
    if (ai->edge < 0 || !ai->list) return;
    set_edge(d, ai->edge + j, fit(d, g, &ai->list[j]));
}
