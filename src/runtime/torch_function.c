/* torch_function.c — custom autograd Functions.
 *
 *   class Exp(torch.autograd.Function):
 *       @staticmethod
 *       def forward(ctx, i): ...; ctx.save_for_backward(result); return result
 *       @staticmethod
 *       def backward(ctx, grad_output): result, = ctx.saved_tensors; ...
 *   y = Exp.apply(x)
 *
 * As in PyTorch the ctx object IS the backward node's Python face: its
 * type is named "ExpBackward" and y.grad_fn returns it.  forward runs
 * with grad mode off; the results get one node whose edges are the
 * arguments (None for non-tensors).  Saved tensors move into the node's
 * version-checked slots when forward returns, outputs as data only, so
 * saving a result makes no cycle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

#define IMMORTAL_RC ((int64_t)1 << 60)

typedef struct CtxObj {
    Instance inst;
    Value saved;          /* tuple given to save_for_backward (until forward returns) */
    int n_saved;
    int *slots;           /* node slots of the saved tensors, -1: None */
    Value needs;          /* needs_input_grad tuple */
    AgNode *node;         /* weak: cleared when the node dies */
    Type *cls;            /* the Function subclass (immortal while classes live) */
} CtxObj;

/* What the node keeps: the ctx (strong) and the class. */
typedef struct FnCtx {
    Value ctx;
    int n_args;
} FnCtx;

static Type ctx_base_type;

static void ctx_dealloc(Obj *o)
{
    CtxObj *c = (CtxObj *)o;
    v_decref(c->inst.dict);
    v_decref(c->saved);
    v_decref(c->needs);
    free(c->slots);
    free(o);
}

static Value ctx_repr(Value v)
{
    /* a built-in node's name ends in its overload digit (the library's
     * Functions named with _tsc_node_name): those print as PyTorch's own */
    const char *nm = v_type(v)->name;
    size_t n = strlen(nm);
    if (n && nm[n - 1] >= '0' && nm[n - 1] <= '9') return str_fmt("<%s object at %p>", nm, (void *)v.o);
    return str_fmt("<torch.autograd.function.%s object at %p>", nm, (void *)v.o);
}

/* ---- ctx methods ---- */

static Value c_save(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    CtxObj *c = (CtxObj *)args[0].o;
    for (int i = 1; i < nargs; i++)
        if (!torch_is_tensor(args[i]) && !IS_NONE(args[i]))
            return rt_raise(&exc_TypeError, "save_for_backward can only save variables, but argument "
                            "%d is of type %s", i - 1, v_typename(args[i]));
    Value t = tuple_new(nargs - 1);
    if (IS_ERR(t)) return t;
    for (int i = 1; i < nargs; i++) ((Tuple *)t.o)->items[i - 1] = v_incref(args[i]);
    v_decref(c->saved);
    c->saved = t;
    return V_NONE;
}

static Value saved_tensors(CtxObj *c)
{
    if (!c->slots) return IS_OBJ(c->saved) ? v_incref(c->saved) : tuple_new(0);
    if (!c->node || ag_node_check(c->node) < 0) return c->node ? torch_raise_ts() : tuple_new(0);
    Value t = tuple_new(c->n_saved);
    for (int i = 0; !IS_ERR(t) && i < c->n_saved; i++) {
        if (c->slots[i] < 0) continue;
        AgVar v;
        if (ag_node_unpack(c->node, c->slots[i], &v) < 0) {
            v_decref(t);
            return torch_raise_ts();
        }
        Value w = tag_wrap(v);
        ag_var_release(v);
        if (IS_ERR(w)) {
            v_decref(t);
            return w;
        }
        ((Tuple *)t.o)->items[i] = w;
    }
    return t;
}

static Value c_noop(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    (void)nargs;
    (void)kw;
    return V_NONE;
}

static Value ctx_getattr(Value v, Obj *name)
{
    CtxObj *c = (CtxObj *)v.o;
    const char *s = ((Str *)name)->data;
    if (!strcmp(s, "saved_tensors") || !strcmp(s, "saved_variables")) return saved_tensors(c);
    if (!strcmp(s, "needs_input_grad")) return IS_OBJ(c->needs) ? v_incref(c->needs) : V_NONE;
    if (!strcmp(s, "next_functions") && c->node) {
        Value t = tuple_new(c->node->n_next);
        for (int i = 0; !IS_ERR(t) && i < c->node->n_next; i++) {
            AgEdge e = c->node->next[i];
            Value f = e.fn ? torch_grad_fn_value(e.fn) : V_NONE;
            ((Tuple *)t.o)->items[i] = IS_ERR(f) ? V_NONE : tuple_pack(2, f, v_int(e.nr));
            v_decref(f);
        }
        return t;
    }
    return V_UNBOUND;
}

static Value c_name(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs;
    (void)kw;
    return str_from_cstr(v_type(args[0])->name);
}

static const MethodDef ctx_methods[] = {
    {"save_for_backward", c_save, "save_for_backward(*tensors)\n\nSaves tensors for backward.", 0},
    {"mark_dirty", c_noop, "mark_dirty(*tensors)\n\nAccepted (in-place outputs).", 0},
    {"mark_non_differentiable", c_noop, "mark_non_differentiable(*tensors)\n\nAccepted.", 0},
    {"set_materialize_grads", c_noop, "set_materialize_grads(value)\n\nAccepted.", 0},
    {"name", c_name, "name()\n\nThe node's name.", 0},
    {NULL, NULL, NULL, 0},
};

static Type ctx_base_type = {
    .hdr = {IMMORTAL_RC, &type_type}, .name = "BackwardCFunction", .base = &object_type,
    .doc = "BackwardCFunction\n\nThe ctx of a custom autograd Function (its backward node).",
    .basicsize = sizeof(CtxObj), .dealloc = ctx_dealloc, .repr = ctx_repr, .getattr = ctx_getattr,
};

/* One ctx type per Function class, named "<Class>Backward". */
typedef struct CtxType {
    struct CtxType *next;
    Type *cls, *t;
} CtxType;
static CtxType *ctx_types;

static Type *ctx_type_for(Type *cls)
{
    for (CtxType *e = ctx_types; e; e = e->next)
        if (e->cls == cls) return e->t;
    /* torch.nn.functional's Functions stand for PyTorch's built-in nodes
     * and give their name ("LeakyReluBackward0") in _tsc_node_name */
    Value own = cls->dict ? dict_get_cstr(v_obj(cls->dict), "_tsc_node_name") : V_UNBOUND;
    const char *fixed = IS_TYPE(own, &str_type) ? str_cstr(own) : NULL;
    CtxType *e = rt_alloc(sizeof *e);
    Type *t = rt_alloc(sizeof *t);
    size_t len = strlen(fixed ? fixed : cls->name) + 9;
    char *nm = rt_alloc(len);
    if (!e || !t || !nm) {
        free(e);
        free(t);
        free(nm);
        return NULL;
    }
    if (fixed) snprintf(nm, len, "%s", fixed);
    else snprintf(nm, len, "%sBackward", cls->name);
    *t = ctx_base_type;
    t->name = nm;
    t->base = &ctx_base_type;
    t->dict = NULL;
    t->is_class = true; /* instances carry a dict for ctx.anything = ... */
    *e = (CtxType){ctx_types, cls, t};
    ctx_types = e;
    return t;
}

static Value ctx_new(Type *cls)
{
    Type *t = ctx_type_for(cls);
    if (!t) return V_ERR;
    Value d = dict_new();
    if (IS_ERR(d)) return d;
    CtxObj *c = obj_alloc(t, sizeof *c);
    if (!c) {
        v_decref(d);
        return V_ERR;
    }
    c->inst.dict = d;
    c->saved = c->needs = V_NONE;
    c->slots = NULL;
    c->node = NULL;
    c->cls = cls;
    return v_obj(c);
}

/* ---- the node ---- */

static void fnctx_free(void *p)
{
    FnCtx *f = p;
    CtxObj *c = (CtxObj *)f->ctx.o;
    c->node = NULL;
    v_decref(f->ctx);
    free(f);
}

/* Calls cls.backward(ctx, *grads) and routes one gradient per argument. */
static int fn_apply(AgNode *n, AgVar *grads, AgVar *out, void *p)
{
    FnCtx *f = p;
    CtxObj *c = (CtxObj *)f->ctx.o;
    Value bw = v_getattr_cstr(v_obj(c->cls), "backward");
    if (IS_ERR(bw)) return -1;
    Value *args = rt_calloc((size_t)n->n_out + 1, sizeof *args);
    if (!args) {
        v_decref(bw);
        return -1;
    }
    args[0] = v_incref(f->ctx);
    int rc = 0;
    for (int i = 0; i < n->n_out && rc == 0; i++) { /* absent gradients materialised as zeros */
        const AgOutInfo *o = &n->outs[i];
        args[i + 1] = grads[i].t ? tag_wrap(grads[i])
                                 : torch_wrap(ts_zeros(o->ndim, o->sizes, o->dtype, o->device));
        if (IS_ERR(args[i + 1])) rc = -1;
    }
    Value r = rc ? V_ERR : v_call(bw, args, n->n_out + 1, NULL);
    for (int i = 0; i <= n->n_out; i++) v_decref(args[i]);
    free(args);
    v_decref(bw);
    if (IS_ERR(r)) return -1;
    Value *items = &r;
    int64_t cnt = 1;
    if (IS_OBJ(r) && v_isinstance(r, &tuple_type)) {
        items = ((Tuple *)r.o)->items;
        cnt = ((Tuple *)r.o)->len;
    }
    if (cnt != n->n_next) {
        rt_raise(&exc_RuntimeError, "function %s returned an incorrect number of gradients "
                 "(expected %d, got %lld)", n->name, n->n_next, (long long)cnt);
        v_decref(r);
        return -1;
    }
    for (int i = 0; i < n->n_next; i++)
        if (torch_is_tensor(items[i]) && n->next[i].fn) {
            out[i] = tag_var(items[i]);
            ag_var_retain(out[i]);
        }
    v_decref(r);
    return 0;
}

/* ---- apply ---- */

static Value needs_input_grad(Value *args, int n)
{
    Value t = tuple_new(n);
    if (IS_ERR(t)) return t;
    for (int i = 0; i < n; i++)
        ((Tuple *)t.o)->items[i] = v_bool(torch_grad_enabled && tag_requires_grad(args[i]));
    return t;
}

/* forward's result as a tuple of outputs (an input returned as is is
 * replaced by an alias, so the input keeps its own history). */
static Value outputs_of(Value r, Value *args, int nargs, bool *single)
{
    *single = !IS_OBJ(r) || !v_isinstance(r, &tuple_type);
    Value t = *single ? tuple_pack(1, r) : tuple_new(((Tuple *)r.o)->len);
    if (IS_ERR(t) || *single) {
        if (!IS_ERR(t)) goto alias;
        return t;
    }
    for (int64_t i = 0; i < ((Tuple *)t.o)->len; i++)
        ((Tuple *)t.o)->items[i] = v_incref(((Tuple *)r.o)->items[i]);
alias:
    for (int64_t i = 0; i < ((Tuple *)t.o)->len; i++) {
        Value *o = &((Tuple *)t.o)->items[i];
        for (int k = 0; k < nargs; k++)
            if (torch_is_tensor(*o) && v_is(*o, args[k])) {
                Value a = torch_wrap(ts_alias(torch_unwrap(*o)));
                if (IS_ERR(a)) {
                    v_decref(t);
                    return a;
                }
                v_decref(*o);
                *o = a;
                break;
            }
    }
    return t;
}

/* Moves ctx's saved tensors into node slots (outputs as data only). */
static int save_slots(CtxObj *c, AgNode *node, Value outs)
{
    if (!IS_OBJ(c->saved)) return 0;
    Tuple *s = (Tuple *)c->saved.o;
    c->slots = rt_calloc((size_t)(s->len ? s->len : 1), sizeof *c->slots);
    if (!c->slots) return -1;
    c->n_saved = (int)s->len;
    for (int64_t i = 0; i < s->len; i++) {
        c->slots[i] = -1;
        if (!torch_is_tensor(s->items[i])) continue;
        int out = -1;
        for (int64_t j = 0; j < ((Tuple *)outs.o)->len; j++)
            if (v_is(s->items[i], ((Tuple *)outs.o)->items[j])) out = (int)j;
        AgVar v = tag_var(s->items[i]);
        c->slots[i] = ag_node_save(node, v.t, out >= 0 ? NULL : v.m, out >= 0, out < 0 ? 0 : out);
        if (c->slots[i] < 0) return torch_raise_ts(), -1;
    }
    v_decref(c->saved);
    c->saved = V_NONE;
    return 0;
}

static int build_node(Value ctx, Value *args, int nargs, Value outs)
{
    CtxObj *c = (CtxObj *)ctx.o;
    int nout = (int)((Tuple *)outs.o)->len;
    AgNode *node = ag_node_new(v_type(ctx)->name, nargs, nout);
    FnCtx *f = node ? rt_alloc(sizeof *f) : NULL;
    if (!f) {
        ag_node_release(node);
        return node ? -1 : (torch_raise_ts(), -1);
    }
    f->ctx = v_incref(ctx);
    f->n_args = nargs;
    node->ctx = f;
    node->ctx_free = fnctx_free;
    node->apply = fn_apply;
    node->pyobj = ctx.o;
    c->node = node;
    int rc = 0;
    for (int i = 0; i < nargs && rc == 0; i++)
        if (torch_is_tensor(args[i])) rc = ag_node_set_edge(node, i, tag_var(args[i]));
    for (int j = 0; j < nout && rc == 0; j++) {
        Value o = ((Tuple *)outs.o)->items[j];
        if (!torch_is_tensor(o)) continue;
        bool fl = ts_dtype_is_float(torch_unwrap(o)->dtype);
        AgMeta *m = fl ? tag_meta(o, true) : NULL;
        if (fl && !m) rc = -1;
        else ag_node_set_output(node, j, m, torch_unwrap(o));
    }
    if (rc == 0) rc = save_slots(c, node, outs);
    ag_node_release(node);
    return rc;
}

static bool any_needs(Value needs)
{
    for (int64_t i = 0; i < ((Tuple *)needs.o)->len; i++)
        if (v_truth(((Tuple *)needs.o)->items[i]) > 0) return true;
    return false;
}

static Value f_apply(Value *args, int nargs, KwArgs *kw)
{
    if (kw && kw->n) return rt_raise(&exc_TypeError, "apply() takes no keyword arguments");
    Type *cls = (Type *)args[0].o;
    Value fwd = v_getattr_cstr(args[0], "forward");
    if (IS_ERR(fwd)) return fwd;
    Value ctx = ctx_new(cls);
    Value needs = IS_ERR(ctx) ? V_ERR : needs_input_grad(args + 1, nargs - 1);
    Value *fa = rt_calloc((size_t)nargs, sizeof *fa);
    Value r = V_ERR, outs = V_ERR;
    if (IS_ERR(needs) || !fa) goto done;
    ((CtxObj *)ctx.o)->needs = v_incref(needs);
    fa[0] = ctx;
    for (int i = 1; i < nargs; i++) fa[i] = args[i];
    bool mode = torch_grad_enabled;
    tag_set_grad_enabled(false);
    r = v_call(fwd, fa, nargs, NULL);
    tag_set_grad_enabled(mode);
    if (IS_ERR(r)) goto done;
    bool single;
    outs = outputs_of(r, args + 1, nargs - 1, &single);
    v_decref(r);
    r = V_ERR;
    if (IS_ERR(outs)) goto done;
    if (any_needs(needs) && build_node(ctx, args + 1, nargs - 1, outs) < 0) goto done;
    r = single ? v_incref(((Tuple *)outs.o)->items[0]) : v_incref(outs);
done:
    v_decref(outs);
    v_decref(needs);
    v_decref(ctx);
    v_decref(fwd);
    free(fa);
    return r;
}

static Value function_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    (void)nargs;
    (void)kw;
    return rt_raise(&exc_RuntimeError, "Legacy autograd function with non-static forward method is "
                    "deprecated. Please use new-style autograd function with static forward method. "
                    "(%s)", t->name);
}

static Value f_not_impl(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    (void)nargs;
    (void)kw;
    return rt_raise(&exc_NotImplementedError, "You must implement the forward and backward "
                    "functions for custom autograd.Function.");
}

static const MethodDef function_methods[] = {
    {"apply", f_apply, "apply(*args)\n\nRuns forward and records the backward node.", METH_CLASS},
    {"forward", f_not_impl, "forward(ctx, *args)\n\nOverride: computes the outputs.", METH_STATIC},
    {"backward", f_not_impl, "backward(ctx, *grads)\n\nOverride: the inputs' gradients.", METH_STATIC},
    {NULL, NULL, NULL, 0},
};

static Type function_type = {
    .hdr = {IMMORTAL_RC, &type_type}, .name = "Function", .base = &object_type,
    .doc = "Function\n\nBase class of custom autograd operations (static forward and backward).",
    .basicsize = sizeof(Instance), .new = function_new,
};

bool torch_function_init(Value autograd)
{
    if (!function_type.dict) {
        type_add_methods(&function_type, function_methods);
        type_add_methods(&ctx_base_type, ctx_methods);
    }
    return dict_set_cstr(((Module *)autograd.o)->dict, "Function", v_obj(&function_type)) >= 0;
}
