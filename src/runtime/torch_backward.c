/* torch_backward.c — running the engine from Python: Tensor.backward,
 * torch.autograd.backward / grad, tensor hooks (register_hook and its
 * RemovableHandle), retain_grad, requires_grad_ and Variable.
 *
 * Argument errors follow PyTorch's wording: a root that needs no gradient
 * ("element 0 of tensors does not require grad and does not have a
 * grad_fn"), an implicit gradient for a non-scalar, a gradient of the
 * wrong shape.
 */
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

#define IMMORTAL_RC ((int64_t)1 << 60)

/* ---- sequences of tensors ---- */

/* v (a Tensor, or a list/tuple of them; None when allow_none) as an array
 * of borrowed Values; *n its length.  Returns a malloc'ed array (free it)
 * or NULL with TypeError. */
static Value *tensor_seq(Value v, int *n, const char *what, bool allow_none)
{
    Value *items = &v;
    int64_t len = 1;
    if (!torch_is_tensor(v) && IS_OBJ(v) && v_isinstance(v, &tuple_type)) {
        items = ((Tuple *)v.o)->items;
        len = ((Tuple *)v.o)->len;
    } else if (!torch_is_tensor(v) && IS_OBJ(v) && v_isinstance(v, &list_type)) {
        items = ((List *)v.o)->items;
        len = ((List *)v.o)->len;
    }
    Value *out = rt_calloc((size_t)(len ? len : 1), sizeof *out);
    if (!out) return NULL;
    for (int64_t i = 0; i < len; i++) {
        if (!torch_is_tensor(items[i]) && !(allow_none && IS_NONE(items[i]))) {
            free(out);
            rt_raise(&exc_TypeError, "%s must be a Tensor or a sequence of Tensors, not %s", what,
                     v_typename(items[i]));
            return NULL;
        }
        out[i] = items[i];
    }
    *n = (int)len;
    return out;
}

static Value size_repr(TsTensor *t)
{
    Value s = torch_size_new(t->ndim, t->sizes);
    if (IS_ERR(s)) return s;
    Value r = v_repr(s);
    v_decref(s);
    return r;
}

/* The initial gradient of each root: given (shape-checked) or ones for a
 * scalar that requires grad. */
static bool make_grads(Value *roots, Value *given, int n, AgVar *out, Value *owned)
{
    for (int i = 0; i < n; i++) {
        TsTensor *r = torch_unwrap(roots[i]);
        Value g = given ? given[i] : V_NONE;
        owned[i] = V_UNBOUND;
        if (torch_is_tensor(g)) {
            TsTensor *gt = torch_unwrap(g);
            if (gt->ndim != r->ndim || memcmp(gt->sizes, r->sizes, sizeof(int64_t) * (size_t)r->ndim)) {
                Value a = size_repr(gt), b = size_repr(r);
                if (!IS_ERR(a) && !IS_ERR(b))
                    rt_raise(&exc_RuntimeError, "Mismatch in shape: grad_output[%d] has a shape of %s and "
                             "output[%d] has a shape of %s.", i, str_cstr(a), i, str_cstr(b));
                v_decref(a);
                v_decref(b);
                return false;
            }
            out[i] = tag_var(g);
            continue;
        }
        if (!tag_requires_grad(roots[i])) {
            out[i] = ag_var_none();
            continue;
        }
        if (ts_numel(r) != 1) {
            rt_raise(&exc_RuntimeError, "grad can be implicitly created only for scalar outputs");
            return false;
        }
        owned[i] = torch_wrap(ts_ones_like(r, TS_UNDEF));
        if (IS_ERR(owned[i])) return false;
        out[i] = tag_var(owned[i]);
    }
    return true;
}

static bool check_roots(Value *roots, int n)
{
    for (int i = 0; i < n; i++)
        if (!tag_requires_grad(roots[i])) {
            rt_raise(&exc_RuntimeError,
                     "element %d of tensors does not require grad and does not have a grad_fn", i);
            return false;
        }
    return true;
}

static int opt_bool(Value v, int dflt)
{
    if (IS_UNBOUND(v) || IS_NONE(v)) return dflt;
    return v_truth(v);
}

/* The shared body of backward() and autograd.grad(). */
typedef struct Call {
    Value *roots, *given, *inputs;
    int n_roots, n_given, n_inputs;
    int retain, create, allow_unused;
    bool capture;
} Call;

static Value run_engine(Call *c, AgVar *capture)
{
    AgVar *rv = rt_calloc((size_t)c->n_roots, sizeof *rv);
    AgVar *gv = rt_calloc((size_t)c->n_roots, sizeof *gv);
    Value *owned = rt_calloc((size_t)c->n_roots, sizeof *owned);
    AgVar *iv = rt_calloc((size_t)(c->n_inputs ? c->n_inputs : 1), sizeof *iv);
    Value r = V_ERR;
    if (!rv || !gv || !owned || !iv) goto done;
    for (int i = 0; i < c->n_roots; i++) owned[i] = V_UNBOUND;
    if (c->given && c->n_given != c->n_roots) {
        rt_raise(&exc_RuntimeError, "got %d tensors and %d gradients", c->n_roots, c->n_given);
        goto done;
    }
    if (!make_grads(c->roots, c->given, c->n_roots, gv, owned) || !check_roots(c->roots, c->n_roots))
        goto done;
    for (int i = 0; i < c->n_roots; i++) rv[i] = tag_var(c->roots[i]);
    for (int i = 0; i < c->n_inputs; i++) iv[i] = tag_var(c->inputs[i]);
    AgRun run = {c->n_roots, rv, gv, c->retain, c->create, c->inputs ? c->n_inputs : 0,
                 c->inputs ? iv : NULL, capture, c->allow_unused};
    ts_error_clear();
    r = ag_backward(&run) < 0 ? tag_raise() : V_NONE;
done:
    for (int i = 0; owned && i < c->n_roots; i++) v_decref(owned[i]);
    free(rv);
    free(gv);
    free(owned);
    free(iv);
    return r;
}

/* ---- Tensor.backward / torch.autograd.backward ---- */

static Value do_backward(Value tensors, Value grads, Value retain, Value create, Value inputs)
{
    Call c = {0};
    Value r = V_ERR;
    c.roots = tensor_seq(tensors, &c.n_roots, "tensors", false);
    if (!c.roots) return V_ERR;
    if (!IS_UNBOUND(grads) && !IS_NONE(grads) &&
        !(c.given = tensor_seq(grads, &c.n_given, "grad_tensors", true)))
        goto done;
    if (!IS_UNBOUND(inputs) && !IS_NONE(inputs)) {
        if (!(c.inputs = tensor_seq(inputs, &c.n_inputs, "inputs", false))) goto done;
        if (!c.n_inputs) {
            rt_raise(&exc_RuntimeError, "'inputs' argument to backward() cannot be empty.");
            goto done;
        }
    }
    if ((c.create = opt_bool(create, 0)) < 0 || (c.retain = opt_bool(retain, c.create)) < 0) goto done;
    r = run_engine(&c, NULL);
done:
    free(c.roots);
    free(c.given);
    free(c.inputs);
    return r;
}

static Value m_backward(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"self", "gradient", "retain_graph", "create_graph", "inputs"};
    Value a[5];
    if (!args_parse("backward", args, nargs, kw, names, 5, 1, a)) return V_ERR;
    return do_backward(a[0], a[1], a[2], a[3], a[4]);
}

static Value f_backward(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"tensors", "grad_tensors", "retain_graph", "create_graph",
                                        "grad_variables", "inputs"};
    Value a[6];
    if (!args_parse("backward", args, nargs, kw, names, 6, 1, a)) return V_ERR;
    return do_backward(a[0], IS_UNBOUND(a[1]) ? a[4] : a[1], a[2], a[3], a[5]);
}

/* ---- torch.autograd.grad ---- */

static Value grad_result(AgVar *cap, int n)
{
    Value t = tuple_new(n);
    if (IS_ERR(t)) return t;
    for (int i = 0; i < n; i++) {
        Value g = tag_wrap(cap[i]);
        if (IS_ERR(g)) {
            v_decref(t);
            return g;
        }
        ((Tuple *)t.o)->items[i] = g;
    }
    return t;
}

static Value f_grad(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"outputs", "inputs", "grad_outputs", "retain_graph",
                                        "create_graph", "only_inputs", "allow_unused"};
    Value a[7];
    if (!args_parse("grad", args, nargs, kw, names, 7, 2, a)) return V_ERR;
    Call c = {0};
    Value r = V_ERR;
    AgVar *cap = NULL;
    c.roots = tensor_seq(a[0], &c.n_roots, "outputs", false);
    c.inputs = c.roots ? tensor_seq(a[1], &c.n_inputs, "inputs", false) : NULL;
    if (!c.inputs) goto done;
    if (!IS_UNBOUND(a[2]) && !IS_NONE(a[2]) &&
        !(c.given = tensor_seq(a[2], &c.n_given, "grad_outputs", true)))
        goto done;
    for (int i = 0; i < c.n_inputs; i++)
        if (!tag_requires_grad(c.inputs[i])) {
            rt_raise(&exc_RuntimeError, "One of the differentiated Tensors does not require grad");
            goto done;
        }
    if ((c.create = opt_bool(a[4], 0)) < 0 || (c.retain = opt_bool(a[3], c.create)) < 0 ||
        (c.allow_unused = opt_bool(a[6], 0)) < 0)
        goto done;
    cap = rt_calloc((size_t)(c.n_inputs ? c.n_inputs : 1), sizeof *cap);
    if (!cap) goto done;
    c.capture = true;
    r = run_engine(&c, cap);
    if (!IS_ERR(r)) r = grad_result(cap, c.n_inputs);
done:
    for (int i = 0; cap && i < c.n_inputs; i++) ag_var_release(cap[i]);
    free(cap);
    free(c.roots);
    free(c.given);
    free(c.inputs);
    return r;
}

/* ---- hooks ---- */

typedef struct PyHook {
    Value fn;
} PyHook;

static void py_hook_release(void *ctx)
{
    PyHook *h = ctx;
    v_decref(h->fn);
    free(h);
}

/* Calls the Python hook with the gradient; a Tensor it returns replaces
 * the gradient. */
static int py_hook_call(void *ctx, AgVar grad, AgVar *out)
{
    PyHook *h = ctx;
    Value g = tag_wrap(grad);
    if (IS_ERR(g)) return -1;
    Value r = v_call(h->fn, &g, 1, NULL);
    v_decref(g);
    if (IS_ERR(r)) return -1;
    if (torch_is_tensor(r)) {
        *out = tag_var(r);
        ag_var_retain(*out);
    }
    v_decref(r);
    return 0;
}

int64_t tag_add_py_hook(AgMeta *m, Value fn)
{
    PyHook *h = rt_alloc(sizeof *h);
    if (!h) return -1;
    h->fn = v_incref(fn);
    int64_t id = ag_hook_add(m, py_hook_call, h, py_hook_release);
    if (id < 0) {
        py_hook_release(h);
        torch_raise_ts();
    }
    return id;
}

/* RemovableHandle: remove() takes the hook off its tensor. */
typedef struct HandleObj {
    Obj hdr;
    AgMeta *m;
    int64_t id;
} HandleObj;

static void handle_dealloc(Obj *o)
{
    ag_meta_release(((HandleObj *)o)->m);
    free(o);
}

static Value h_remove(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs;
    (void)kw;
    HandleObj *h = (HandleObj *)args[0].o;
    if (h->m) ag_hook_remove(h->m, h->id);
    return V_NONE;
}

static const MethodDef handle_methods[] = {
    {"remove", h_remove, "remove()\n\nRemoves the hook.", 0},
    {NULL, NULL, NULL, 0},
};

static Type handle_type = {
    .hdr = {IMMORTAL_RC, &type_type}, .name = "RemovableHandle", .base = &object_type,
    .doc = "RemovableHandle\n\nA handle that removes a hook.",
    .basicsize = sizeof(HandleObj), .dealloc = handle_dealloc,
};

static Value m_register_hook(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"self", "hook"};
    Value a[2];
    if (!args_parse("register_hook", args, nargs, kw, names, 2, 2, a)) return V_ERR;
    if (!tag_requires_grad(a[0]))
        return rt_raise(&exc_RuntimeError,
                        "cannot register a hook on a tensor that doesn't require gradient");
    AgMeta *m = tag_meta(a[0], false);
    int64_t id = tag_add_py_hook(m, a[1]);
    if (id < 0) return V_ERR;
    HandleObj *h = obj_alloc(&handle_type, sizeof *h);
    if (!h) return V_ERR;
    ag_meta_retain(m);
    h->m = m;
    h->id = id;
    return v_obj(h);
}

static Value m_retain_grad(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"self"};
    Value a[1];
    if (!args_parse("retain_grad", args, nargs, kw, names, 1, 1, a)) return V_ERR;
    if (!tag_requires_grad(a[0]))
        return rt_raise(&exc_RuntimeError, "can't retain_grad on Tensor that has requires_grad=False");
    AgMeta *m = tag_meta(a[0], false);
    if (m->grad_fn) m->retains_grad = true;
    return V_NONE;
}

static Value m_requires_grad_(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"self", "requires_grad"};
    Value a[2];
    if (!args_parse("requires_grad_", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    int on = opt_bool(a[1], 1);
    if (on < 0) return V_ERR;
    AgMeta *m = ((TensorObj *)a[0].o)->ag;
    if (!ag_is_leaf(m)) { /* a non-leaf already requires grad: only False is refused */
        if (on) return v_incref(a[0]);
        return rt_raise(&exc_RuntimeError,
                        "you can only change requires_grad flags of leaf variables. If you want to "
                        "use a computed variable in a subgraph that doesn't require differentiation "
                        "use var_no_grad = var.detach().");
    }
    if (on && !ts_dtype_is_float(torch_unwrap(a[0])->dtype))
        return rt_raise(&exc_RuntimeError, "only Tensors of floating point dtype can require gradients");
    if (on || m) {
        if (!(m = tag_meta(a[0], true))) return V_ERR;
        m->requires_grad = on;
    }
    return v_incref(a[0]);
}

/* Variable(data, requires_grad=False): a tensor since PyTorch 0.4. */
static Value f_variable(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"data", "requires_grad", "volatile"};
    Value a[3];
    if (!args_parse("Variable", args, nargs, kw, names, 3, 1, a)) return V_ERR;
    if (!torch_is_tensor(a[0]))
        return rt_raise(&exc_TypeError, "Variable data has to be a tensor, but got %s", v_typename(a[0]));
    Value t = torch_wrap(ts_alias(torch_unwrap(a[0])));
    if (IS_ERR(t) || IS_UNBOUND(a[1])) return t;
    if (v_setattr(t, str_intern("requires_grad"), a[1]) < 0) {
        v_decref(t);
        return V_ERR;
    }
    return t;
}

static const MethodDef tensor_methods[] = {
    {"backward", m_backward,
     "backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)\n\n"
     "Computes the gradient of this tensor with respect to the graph's leaves.", 0},
    {"register_hook", m_register_hook,
     "register_hook(hook)\n\nCalls hook(grad) when this tensor's gradient is computed.", 0},
    {"retain_grad", m_retain_grad, "retain_grad()\n\nKeeps .grad for this non-leaf tensor.", 0},
    {"requires_grad_", m_requires_grad_,
     "requires_grad_(requires_grad=True)\n\nSets requires_grad in place; returns self.", 0},
    {NULL, NULL, NULL, 0},
};

static const MethodDef autograd_functions[] = {
    {"backward", f_backward,
     "backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None)\n\n"
     "Computes the sum of gradients of tensors with respect to the graph's leaves.", 0},
    {"grad", f_grad,
     "grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, "
     "allow_unused=False)\n\nThe gradients of outputs with respect to inputs, as a tuple.", 0},
    {"Variable", f_variable, "Variable(data, requires_grad=False)\n\nReturns a tensor (legacy API).", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_backward_init(Value torch, Value autograd)
{
    static bool done;
    if (!done) {
        type_add_methods(&tensor_type, tensor_methods);
        type_add_methods(&handle_type, handle_methods);
        done = true;
    }
    module_add_functions(autograd, autograd_functions);
    /* torch.autograd.no_grad & co. are torch's own */
    static const char *const shared[] = {"no_grad", "enable_grad", "set_grad_enabled", NULL};
    for (int i = 0; shared[i]; i++) {
        Value v = dict_get_cstr(((Module *)torch.o)->dict, shared[i]);
        if (IS_OBJ(v) && dict_set_cstr(((Module *)autograd.o)->dict, shared[i], v) < 0) return false;
    }
    return true;
}
