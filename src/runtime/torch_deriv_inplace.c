/* torch_deriv_inplace.c — the original value of a tensor written in place.
 *
 * The recorder sees an op only after it ran, but the derivatives of some
 * in-place ops read the input as it was (y.mul_(w): dw = g * old y;
 * y.clamp_(0, 1): the mask of the old y).  The dispatcher runs every
 * in-place call that autograd may record (Tensor.X_, torch.X_, copy_,
 * zero_ ..., the augmented assignments y *= w) between tag_inplace_begin
 * and tag_inplace_end, which keep a copy of the target when the row's
 * derivative column says it reads input 0; the recorder saves that copy
 * as input 0 instead of the overwritten data.  Ops whose derivative reads
 * only their result (exp_, sigmoid_, relu_ ...) or nothing (add_, mul_ by
 * a number) need no copy.  tag_inplace_begin also makes PyTorch's leaf
 * checks BEFORE the write (the recorder, which runs after, would leave
 * the leaf modified).
 */
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

static bool any_grad(const TorchCall *c)
{
    for (int i = 0; i < c->n; i++)
        if (c->a[i].is_tensor && tag_requires_grad(c->a[i].v)) return true;
    return false;
}

/* Keeps a copy of c's target pending when it matters (1; 0: none); for
 * products and quotients the old self matters only to the gradient of
 * the other operand (y.mul_(2) needs no copy). */
static int keep_original(TorchCall *c, bool only_for_other)
{
    Value target = c->a[0].v;
    TsTensor *self = c->a[0].is_tensor ? torch_unwrap(target) : NULL;
    bool needed = only_for_other ? c->n > 1 && c->a[1].is_tensor && tag_requires_grad(c->a[1].v)
                                 : any_grad(c);
    if (!self || !needed || pending_copy) return 0;
    /* when self has a history the copy is a recorded clone (as in
     * PyTorch), so a create_graph backward can differentiate through the
     * old value too */
    Value cv = V_UNBOUND;
    TsTensor *copy;
    if (tag_requires_grad(target)) {
        cv = torch_call_op("clone", &target, 1, NULL);
        if (IS_ERR(cv)) return -1;
        copy = torch_unwrap(cv);
        ts_retain(copy);
    } else if (!(copy = ts_clone(self))) {
        torch_raise_ts();
        return -1;
    }
    pending_target = self;
    pending_copy = copy;
    pending_value = cv;
    return 1;
}

void tag_inplace_end(void)
{
    ts_release(pending_copy);
    v_decref(pending_value);
    pending_target = pending_copy = NULL;
    pending_value = V_UNBOUND;
}

/* PyTorch refuses before writing: a leaf that requires grad, or a view
 * of one, may not be changed in place while grad mode is on. */
static bool inplace_allowed(Value self)
{
    AgMeta *m = torch_is_tensor(self) ? ((TensorObj *)self.o)->ag : NULL;
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

/* Does the derivative of row op read its input 0 (the value overwritten)?
 * Products and quotients read it only for the other operand. */
static bool reads_self(const TorchOpDef *op, bool *only_for_other)
{
    *only_for_other = !strncmp(op->name, "mul", 3) || !strncmp(op->name, "div", 3) ||
                      !strncmp(op->name, "true_div", 8);
    return op->deriv && (op->deriv->save & DS_IN0);
}

int tag_inplace_begin(TorchCall *c)
{
    const char *name = c->op->name;
    bool exempt = !strcmp(name, "detach") || !strncmp(name, "resize", 6);
    if (c->n < 1) return 0;
    if (!exempt && !inplace_allowed(c->a[0].v)) return -1;
    bool for_other;
    return reads_self(c->op, &for_other) ? keep_original(c, for_other) : 0;
}
