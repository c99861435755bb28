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
 * copy and are not wrapped.
 */
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

/* The copy for the call in progress (the recorder takes it by target). */
static TsTensor *pending_target, *pending_copy;

TsTensor *tag_inplace_original(const TsTensor *target)
{
    return pending_copy && pending_target == target ? pending_copy : NULL;
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
    TsTensor *copy = ts_clone(self);
    if (!copy) return torch_raise_ts();
    pending_target = self;
    pending_copy = copy;
    Value r = call(args, nargs, kw);
    pending_target = pending_copy = NULL;
    ts_release(copy);
    return r;
}

/* ---- the wrapped methods: one C entry point per name ---- */

#define INPLACE_READS_SELF(X)                                                         \
    X(mul_) X(multiply_) X(div_) X(divide_) X(true_divide_) X(pow_) X(square_)        \
    X(clamp_) X(clip_) X(clamp_min_) X(clamp_max_) X(abs_) X(absolute_) X(sin_)       \
    X(cos_) X(log_) X(log2_) X(log10_) X(log1p_) X(asin_) X(arcsin_) X(acos_)         \
    X(arccos_) X(atan_) X(arctan_) X(sinh_) X(cosh_) X(erf_) X(atan2_) X(arctan2_)    \
    X(lerp_) X(remainder_) X(fmod_) X(nan_to_num_)

enum {
#define X(name) W_##name,
    INPLACE_READS_SELF(X)
#undef X
    W__COUNT
};

static CFunc orig[W__COUNT];

static bool for_other(const char *name)
{
    return !strncmp(name, "mul", 3) || !strncmp(name, "div", 3) || !strncmp(name, "true_div", 8);
}

#define X(name)                                                                   \
    static Value w_##name(Value *a, int n, KwArgs *kw)                            \
    {                                                                             \
        return with_original(orig[W_##name], a, n, kw, for_other(#name));        \
    }
INPLACE_READS_SELF(X)
#undef X

static const char *const names[] = {
#define X(name) #name,
    INPLACE_READS_SELF(X)
#undef X
};
static const CFunc wrappers[] = {
#define X(name) w_##name,
    INPLACE_READS_SELF(X)
#undef X
};

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
    static MethodDef defs[W__COUNT + 1];
    if (defs[0].name) return true;
    int n = 0;
    for (int i = 0; i < W__COUNT; i++) {
        Value m = dict_get_cstr(v_obj(tensor_type.dict), names[i]);
        if (!IS_OBJ(m) || !IS_TYPE(m, &cfunc_type)) continue;
        const MethodDef *def = ((CFuncObj *)m.o)->def;
        orig[i] = def->fn;
        defs[n++] = (MethodDef){def->name, wrappers[i], def->doc, def->flags};
    }
    defs[n] = (MethodDef){NULL, NULL, NULL, 0};
    if (n) type_add_methods(&tensor_type, defs);
    if (tensor_type.inplace && !orig_inplace) {
        orig_inplace = tensor_type.inplace;
        tensor_type.inplace = ag_inplace;
    }
    return true;
}
