/* torch_grad_mode.c — torch.no_grad(), torch.enable_grad(),
 * torch.set_grad_enabled(b) and torch.is_grad_enabled().
 *
 * The three are context managers; set_grad_enabled also switches at once
 * when called (so it works as a plain statement), and its __enter__ must
 * then remember the mode from BEFORE the call, not the one it just set.
 * Each also decorates a function (@torch.no_grad()).  The flag itself is
 * the dispatcher's torch_grad_enabled, mirrored into the autograd layer.
 */
#include <stdlib.h>

#include "objects.h"
#include "torch_autograd.h"

#define IMMORTAL_RC ((int64_t)1 << 60)

typedef struct GradModeObj {
    Obj hdr;
    bool mode, prev;
    bool entered_early;   /* set_grad_enabled: prev was taken at the call */
    Value fn;             /* decorated function, or UNBOUND */
} GradModeObj;

static Type grad_mode_obj_type;

static void gm_dealloc(Obj *o)
{
    v_decref(((GradModeObj *)o)->fn);
    free(o);
}

static Value gm_make(bool mode, bool set_now)
{
    GradModeObj *g = obj_alloc(&grad_mode_obj_type, sizeof *g);
    if (!g) return V_ERR;
    g->mode = mode;
    g->prev = torch_grad_enabled;
    g->entered_early = set_now;
    g->fn = V_UNBOUND;
    if (set_now) tag_set_grad_enabled(mode);
    return v_obj(g);
}

static Value gm_enter(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs;
    (void)kw;
    GradModeObj *g = (GradModeObj *)args[0].o;
    if (!g->entered_early) g->prev = torch_grad_enabled;
    g->entered_early = false;
    tag_set_grad_enabled(g->mode);
    return V_NONE;
}

static Value gm_exit(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs;
    (void)kw;
    tag_set_grad_enabled(((GradModeObj *)args[0].o)->prev);
    return v_bool(false);
}

/* Called with a function: a decorated copy; the copy, called, runs the
 * function under the mode. */
static Value gm_call(Value self, Value *args, int nargs, KwArgs *kw)
{
    GradModeObj *g = (GradModeObj *)self.o;
    if (IS_UNBOUND(g->fn)) {
        if (nargs != 1 || (kw && kw->n))
            return rt_raise(&exc_TypeError, "grad mode decorator takes one function");
        Value d = gm_make(g->mode, false);
        if (!IS_ERR(d)) ((GradModeObj *)d.o)->fn = v_incref(args[0]);
        return d;
    }
    bool prev = torch_grad_enabled;
    tag_set_grad_enabled(g->mode);
    Value r = v_call(g->fn, args, nargs, kw);
    tag_set_grad_enabled(prev);
    return r;
}

static const MethodDef gm_methods[] = {
    {"__enter__", gm_enter, "__enter__()\n\nSwitches grad mode for the block.", 0},
    {"__exit__", gm_exit, "__exit__(*exc_info)\n\nRestores the previous grad mode.", 0},
    {NULL, NULL, NULL, 0},
};

static Type grad_mode_obj_type = {
    .hdr = {IMMORTAL_RC, &type_type}, .name = "grad_mode", .base = &object_type,
    .doc = "grad_mode\n\nA context manager (or decorator) that sets the grad mode.",
    .basicsize = sizeof(GradModeObj), .dealloc = gm_dealloc, .call = gm_call,
};

static Value f_no_grad(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (nargs || (kw && kw->n)) return rt_raise(&exc_TypeError, "no_grad() takes no arguments");
    return gm_make(false, false);
}

static Value f_enable_grad(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (nargs || (kw && kw->n)) return rt_raise(&exc_TypeError, "enable_grad() takes no arguments");
    return gm_make(true, false);
}

static Value f_set_grad_enabled(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"mode"};
    Value a[1];
    if (!args_parse("set_grad_enabled", args, nargs, kw, names, 1, 1, a)) return V_ERR;
    int b = v_truth(a[0]);
    return b < 0 ? V_ERR : gm_make(b, true);
}

static Value f_is_grad_enabled(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    (void)kw;
    if (nargs) return rt_raise(&exc_TypeError, "is_grad_enabled() takes no arguments");
    return v_bool(torch_grad_enabled);
}

static const MethodDef grad_mode_functions[] = {
    {"no_grad", f_no_grad, "no_grad()\n\nContext manager (or decorator) that disables gradient recording.", 0},
    {"enable_grad", f_enable_grad, "enable_grad()\n\nContext manager (or decorator) that enables gradient recording.", 0},
    {"set_grad_enabled", f_set_grad_enabled,
     "set_grad_enabled(mode)\n\nSets gradient recording on or off, at once or for a with block.", 0},
    {"is_grad_enabled", f_is_grad_enabled, "is_grad_enabled()\n\nTrue if gradient recording is on.", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_grad_mode_init(Value torch)
{
    if (!grad_mode_obj_type.dict) type_add_methods(&grad_mode_obj_type, gm_methods);
    module_add_functions(torch, grad_mode_functions);
    return true;
}
