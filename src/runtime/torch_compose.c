/* torch_compose.c — Tensor methods whose body is written in TensorScript
 * in torch._compose (src/runtime/lib/torch_compose.tsc): t.diff(...),
 * t.kron(...), t.fill_diagonal_(...) ... call torch._compose.NAME(t, ...),
 * so the method and the torch.NAME function are one definition.  Also
 * t.is_signed(), a property of the dtype. */
#include <string.h>

#include "builtins.h"
#include "objects.h"
#include "torch_private.h"

/* torch._compose.NAME(*args, **kw); args[0] is the tensor. */
static Value call_compose(const char *name, Value *args, int nargs, KwArgs *kw)
{
    Value m = rt_import("torch._compose");
    if (IS_ERR(m)) return m;
    Value fn = v_getattr_cstr(m, name);
    v_decref(m);
    if (IS_ERR(fn)) return fn;
    Value r = v_call(fn, args, nargs, kw);
    v_decref(fn);
    return r;
}

#define COMPOSE(name) \
    static Value m_##name(Value *a, int n, KwArgs *kw) { return call_compose(#name, a, n, kw); }
COMPOSE(diff)
COMPOSE(kron)
COMPOSE(repeat_interleave)
COMPOSE(bincount)
COMPOSE(fill_diagonal_)
COMPOSE(index_copy_)
COMPOSE(index_copy)
#undef COMPOSE

static Value m_is_signed(Value *args, int nargs, KwArgs *kw)
{
    if (!args_count("is_signed", nargs - 1, 0, 0) || !args_nokw("is_signed", kw)) return V_ERR;
    return v_bool(ts_dtype_is_signed(((TensorObj *)args[0].o)->t->dtype));
}

static const MethodDef compose_methods[] = {
    {"diff", m_diff, "diff(n=1, dim=-1, prepend=None, append=None)\n\nn-th forward difference along dim.", 0},
    {"kron", m_kron, "kron(other)\n\nKronecker product.", 0},
    {"repeat_interleave", m_repeat_interleave, "repeat_interleave(repeats=None, dim=None, *, output_size=None)\n\nRepeats each element.", 0},
    {"bincount", m_bincount, "bincount(weights=None, minlength=0)\n\nCounts of each non-negative int.", 0},
    {"fill_diagonal_", m_fill_diagonal_, "fill_diagonal_(fill_value, wrap=False)\n\nFills the main diagonal in place.", 0},
    {"index_copy_", m_index_copy_, "index_copy_(dim, index, source)\n\nCopies source's slices to the indexed positions of dim.", 0},
    {"index_copy", m_index_copy, "index_copy(dim, index, source)\n\nOut-of-place index_copy_.", 0},
    {"is_signed", m_is_signed, "is_signed()\n\nTrue if the dtype is signed.", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_compose_methods_init(void)
{
    type_add_methods(&tensor_type, compose_methods);
    return true;
}
