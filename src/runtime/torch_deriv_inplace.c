/* torch_deriv_inplace.c — the original value of a tensor written in place.
 *
 * The recorder sees an op only after it ran, but the derivatives of some
 * in-place ops read the input as it was (y.mul_(w): dw = g * old y;
 * y.clamp_(0, 1): the mask of the old y).  For those ops the Tensor.X_
 * methods and the augmented assignments (y *= w) are wrapped: when
 * autograd will record the call, the wrapper keeps a copy of the target
 * first, and the recorder saves that copy as input 0 instead of the
 * overwritten data.  Ops whose derivative reads only their result
 * (exp_, sigmoid_, relu_ ...) or nothing (add_, mul_ by a number) need no
 * copy.  The wrappers also make PyTorch's leaf checks BEFORE the write
 * (the recorder, which runs after, would leave the leaf modified).
 */
#include <stdio.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

/* The copy for the call in progress (the recorder takes it by target). */
static TsTensor *pending_target, *pending_copy;
static Value pending_value; /* the copy as a recorded clone, or V_UNBOUND */

TsTensor *tag_inplace_original(const TsTensor *target)
{
    return pending_copy && pending_target == target ? pending_copy : NULL;
}

AgMeta *tag_inplace_original_meta(const TsTensor *target)
{
    if (!tag_inplace_original(target) || !torch_is_tensor(pending_value)) return NULL;
    return ((TensorObj *)pending_value.o)->ag;
}

static bool any_grad(Value *args, int nargs)
{
    for (int i = 0; i < nargs; i++)
        if (tag_requires_grad(args[i])) return true;
    return false;
}

/* Runs call(args) with a copy of args[0] pending when it matters; for
 * products and quotients the old self matters only to the gradient of
 * the other operand (y.mul_(2) needs no copy). */
static Value with_original(Value (*call)(Value *, int, KwArgs *), Value *args, int nargs, KwArgs *kw,
                           bool only_for_other)
{
    TsTensor *self = torch_unwrap(args[0]);
    bool needed = only_for_other ? nargs > 1 && tag_requires_grad(args[1]) : any_grad(args, nargs);
    if (!self || !torch_grad_enabled || !needed || pending_copy) return call(args, nargs, kw);
    /* when self has a history the copy is a recorded clone (as in
     * PyTorch), so a create_graph backward can differentiate through the
     * old value too */
    Value cv = V_UNBOUND;
    TsTensor *copy;
    if (tag_requires_grad(args[0])) {
        cv = torch_call_op("clone", args, 1, NULL);
        if (IS_ERR(cv)) return cv;
        copy = torch_unwrap(cv);
        ts_retain(copy);
    } else if (!(copy = ts_clone(self))) {
        return torch_raise_ts();
    }
    pending_target = self;
    pending_copy = copy;
    pending_value = cv;
    Value r = call(args, nargs, kw);
    pending_target = pending_copy = NULL;
    pending_value = V_UNBOUND;
    ts_release(copy);
    v_decref(cv);
    return r;
}

/* ---- the in-place methods: one C entry point per row ---- */

enum {
#define OP(name, sig, doc, flags, impl, deriv) IPW_##name,
#include "torch_ops.def"
#undef OP
    IPW__COUNT
};

static CFunc orig[IPW__COUNT];

/* PyTorch refuses before writing: a leaf that requires grad, or a view
 * of one, may not be changed in place while grad mode is on. */
static bool inplace_allowed(Value self)
{
    AgMeta *m = torch_grad_enabled && torch_is_tensor(self) ? ((TensorObj *)self.o)->ag : NULL;
    if (!m) return true;
    if (!m->grad_fn && m->requires_grad) {
        rt_raise(&exc_RuntimeError,
                 "a leaf Variable that requires grad is being used in an in-place operation.");
        return false;
    }
    if (m->base && !m->base->grad_fn && m->base->requires_grad) {
        rt_raise(&exc_RuntimeError, "a view of a leaf Variable that requires grad is being used in "
                 "an in-place operation.");
        return false;
    }
    return true;
}

/* Does the derivative of row i read its input 0 (the value overwritten)?
 * Products and quotients read it only for the other operand. */
static bool reads_self(int i, bool *only_for_other)
{
    const TorchOpDef *op = &torch_op_table[i];
    const TorchDeriv *d = tag_deriv_of(op);
    *only_for_other = !strncmp(op->name, "mul", 3) || !strncmp(op->name, "div", 3) ||
                      !strncmp(op->name, "true_div", 8);
    return d && (d->save & DS_IN0);
}

/* Fast path test: nothing here can be recorded by autograd (grad mode off,
 * or no argument is a tensor with autograd metadata and none is a list
 * that might hold one), so the leaf check and the saved copy are moot. */
static bool no_autograd_args(Value *args, int nargs, KwArgs *kw)
{
    if (!torch_grad_enabled) return true;
    for (int k = 0; k < nargs + (kw ? kw->n : 0); k++) {
        Value v = k < nargs ? args[k] : kw->vals[k - nargs];
        if (!IS_OBJ(v)) continue;
        if (torch_is_tensor(v) ? ((TensorObj *)v.o)->ag != NULL
                               : v_isinstance(v, &tuple_type) || IS_TYPE(v, &list_type))
            return false;
    }
    return true;
}

static Value inplace_call(int i, Value *args, int nargs, KwArgs *kw)
{
    if (no_autograd_args(args, nargs, kw)) return orig[i](args, nargs, kw);
    const char *name = torch_op_table[i].name;
    bool exempt = !strcmp(name, "detach") || !strncmp(name, "resize", 6);
    if (nargs < 1 || (!exempt && !inplace_allowed(args[0]))) return nargs < 1 ? orig[i](args, nargs, kw) : V_ERR;
    bool for_other;
    if (!reads_self(i, &for_other)) return orig[i](args, nargs, kw);
    return with_original(orig[i], args, nargs, kw, for_other);
}

#define OP(name, sig, doc, flags, impl, deriv) \
    static Value ipw_##name(Value *a, int n, KwArgs *kw) { return inplace_call(IPW_##name, a, n, kw); }
#include "torch_ops.def"
#undef OP

static const CFunc wrappers[] = {
#define OP(name, sig, doc, flags, impl, deriv) ipw_##name,
#include "torch_ops.def"
#undef OP
};

/* The Tensor method that writes in place for row i: X_ for rows with
 * F_INPLACE, the row's own name for copy_, zero_, fill_ ... */
static bool inplace_method_name(const TorchOpDef *op, char *buf, size_t n)
{
    size_t len = strlen(op->name);
    if (op->flags & F_INPLACE) return (size_t)snprintf(buf, n, "%s_", op->name) < n;
    if ((op->flags & F_METHOD) && len > 1 && op->name[len - 1] == '_')
        return (size_t)snprintf(buf, n, "%s", op->name) < n;
    return false;
}

/* ---- augmented assignment (y *= w): the Tensor type's inplace slot ---- */

static Value (*orig_inplace)(BinOp op, Value a, Value b);
static BinOp slot_op;

static Value call_slot(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs;
    (void)kw;
    return orig_inplace(slot_op, args[0], args[1]);
}

static Value ag_inplace(BinOp op, Value a, Value b)
{
    if (torch_is_tensor(a) && !inplace_allowed(a)) return V_ERR;
    if (op != OP_MUL && op != OP_TRUEDIV && op != OP_POW && op != OP_MOD) return orig_inplace(op, a, b);
    Value args[2] = {a, b};
    BinOp saved = slot_op;
    slot_op = op;
    Value r = with_original(call_slot, args, 2, NULL, op == OP_MUL || op == OP_TRUEDIV);
    slot_op = saved;
    return r;
}

bool torch_inplace_autograd_init(void)
{
    static MethodDef *defs;
    if (defs) return true;
    defs = rt_calloc((size_t)torch_op_count + 1, sizeof *defs);
    if (!defs) return false;
    int n = 0;
    for (int i = 0; i < torch_op_count && i < IPW__COUNT; i++) {
        char name[64];
        if (!inplace_method_name(&torch_op_table[i], name, sizeof name)) continue;
        Value m = dict_get_cstr(v_obj(tensor_type.dict), name);
        if (!IS_OBJ(m) || !IS_TYPE(m, &cfunc_type)) continue;
        const MethodDef *def = ((CFuncObj *)m.o)->def;
        if (def->fn == wrappers[i]) continue;
        orig[i] = def->fn;
        defs[n++] = (MethodDef){def->name, wrappers[i], def->doc, def->flags};
    }
    if (n) type_add_methods(&tensor_type, defs);
    if (tensor_type.inplace && !orig_inplace) {
        orig_inplace = tensor_type.inplace;
        tensor_type.inplace = ag_inplace;
    }
    return true;
}
