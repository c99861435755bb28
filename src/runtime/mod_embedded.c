/* mod_embedded.c — modules written in TensorScript itself and embedded in
 * the binary: torch.nn, torch.nn.functional, torch.nn.init, torch.optim,
 * torch.optim.lr_scheduler, torch.utils, torch.utils.data, and collections
 * (OrderedDict, for state_dict()).
 *
 * The library sources live in src/runtime/lib/NAME.tsc; the Makefile turns
 * them into C strings (build/gen/tsc_lib.h, by lib/embed.awk).  Each
 * module's init runs its source in the module's dict, after an optional C
 * "prefill" that puts the native helpers (nn_native.c) where the source
 * can pick them up.  The registry rows are in modules.c.
 *
 * `import torch` alone must still give torch.nn.Linear, as in PyTorch, but
 * the library is only compiled when first used: the torch module gets a
 * module-level __getattr__ (PEP 562) that imports torch.nn / torch.optim /
 * torch.utils on first access and finds the functions of torch._compose
 * (einsum, meshgrid ...); its __dir__ lists both, for dir(torch),
 * help(torch) and tab completion.
 */
#include <string.h>

#include "bi_private.h"
#include "objects.h"
#include "vm.h"
#include "tsc_lib.h"

bool nn_native_init(Value m);   /* nn_native.c: Parameter and fused ops */

/* Runs a library source in module m.  The filename is what tracebacks
 * show for frames inside the library. */
static bool run_embedded(Value m, const char *src, size_t len, const char *filename)
{
    Value r = vm_run_source(src, len, filename, PARSE_FILE, ((Module *)m.o)->dict, false);
    if (IS_ERR(r)) return false;
    v_decref(r);
    return true;
}

#define RUN(m, lib, file) run_embedded(m, lib, sizeof lib - 1, file)

bool mod_collections_init(Value m)
{
    return RUN(m, lib_collections, "collections.tsc");
}

bool mod_warnings_init(Value m)
{
    return RUN(m, lib_warnings, "warnings.tsc");
}

bool mod_torch_nn_init(Value m)
{
    return nn_native_init(m) && RUN(m, lib_torch_nn, "torch/nn.tsc");
}

bool mod_torch_nn_functional_init(Value m)
{
    return RUN(m, lib_torch_nn_functional, "torch/nn/functional.tsc");
}

bool mod_torch_nn_init_init(Value m)
{
    return RUN(m, lib_torch_nn_init, "torch/nn/init.tsc");
}

bool mod_torch_optim_init(Value m)
{
    return RUN(m, lib_torch_optim, "torch/optim.tsc");
}

bool mod_torch_optim_lr_scheduler_init(Value m)
{
    return RUN(m, lib_torch_optim_lr_scheduler, "torch/optim/lr_scheduler.tsc");
}

/* torch.utils is only a package holding torch.utils.data. */
bool mod_torch_utils_init(Value m)
{
    return RUN(m, lib_torch_utils, "torch/utils.tsc");
}

bool mod_torch_utils_data_init(Value m)
{
    return RUN(m, lib_torch_utils_data, "torch/utils/data.tsc");
}

/* torch._compose: torch functions written as compositions of ops
 * (broadcast_tensors, meshgrid, diff, kron ...), found by torch.__getattr__. */
bool mod_torch_compose_init(Value m)
{
    return RUN(m, lib_torch_compose, "torch/_compose.tsc");
}

/* The names torch.NAME may take from torch._compose: its public functions,
 * less the in-place forms (fill_diagonal_), which are Tensor methods only
 * (torch_compose.c). */
static bool compose_public(const char *n, Value v)
{
    size_t l = strlen(n);
    return n[0] != '_' && l && n[l - 1] != '_' && IS_TYPE(v, &func_type);
}

/* torch.NAME from torch._compose, or V_UNBOUND when it has no such name. */
static Value compose_lookup(const char *n)
{
    if (n[0] == '_') return V_UNBOUND;
    Value m = rt_import("torch._compose");
    if (IS_ERR(m)) return m;
    Value key = str_from_cstr(n);
    if (IS_ERR(key)) {
        v_decref(m);
        return key;
    }
    Value f = dict_get(((Module *)m.o)->dict, key);   /* borrowed */
    v_decref(key);
    v_decref(m);
    if (IS_ERR(f) || IS_UNBOUND(f) || !compose_public(n, f)) return IS_ERR(f) ? f : V_UNBOUND;
    v_incref(f);
    return f;
}

/* The submodules torch.__getattr__ imports on first access. */
static const char *const lazy[] = {"nn", "optim", "utils"};

/* torch.__getattr__(name): the lazily imported submodules. */
static Value torch_lazy_getattr(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"name"};
    Value a[1];
    if (!args_parse("__getattr__", args, nargs, kw, names, 1, 1, a)) return V_ERR;
    if (!IS_TYPE(a[0], &str_type)) return rt_raise(&exc_TypeError, "attribute name must be string");
    const char *n = str_cstr(a[0]);
    for (size_t i = 0; i < sizeof lazy / sizeof *lazy; i++) {
        if (strcmp(n, lazy[i])) continue;
        char full[32];
        snprintf(full, sizeof full, "torch.%s", n);
        return rt_import(full);
    }
    Value f = compose_lookup(n);
    if (!IS_UNBOUND(f)) return f;
    return rt_raise(&exc_AttributeError, "module 'torch' has no attribute '%s'", n);
}

/* torch.__dir__() (PEP 562): the module's own names plus those
 * __getattr__ answers, so that dir(torch), help(torch) and tab completion
 * show torch.nn and torch.einsum before their first use.  Reading
 * torch._compose's names runs its source once (no more than the first
 * torch.einsum would). */
static Value torch_dir(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("__dir__", kw) || !args_count("__dir__", nargs, 0, 0)) return V_ERR;
    Value torch = rt_import("torch");
    if (IS_ERR(torch)) return torch;
    Value d = ((Module *)torch.o)->dict;
    Value l = dict_keys_list(d);
    for (size_t i = 0; !IS_ERR(l) && i < sizeof lazy / sizeof *lazy; i++) {
        if (!IS_UNBOUND(dict_get_cstr(d, lazy[i]))) continue;   /* imported already */
        Value n = str_from_cstr(lazy[i]);
        if (IS_ERR(n) || list_append(l, n) < 0) {
            v_decref(l);
            l = V_ERR;
        }
        if (!IS_ERR(n)) v_decref(n);
    }
    v_decref(torch);
    Value m = IS_ERR(l) ? V_ERR : rt_import("torch._compose");
    if (IS_ERR(m)) {
        if (!IS_ERR(l)) v_decref(l);
        return V_ERR;
    }
    Value k, v;
    for (int64_t i = 0; dict_next(((Module *)m.o)->dict, &i, &k, &v);) {
        if (!v_isinstance(k, &str_type) || !compose_public(str_cstr(k), v)) continue;
        if (list_append(l, k) < 0) {
            v_decref(l);
            l = V_ERR;
            break;
        }
    }
    v_decref(m);
    return l;
}

const MethodDef mod_embedded_torch_functions[] = {
    {"__getattr__", torch_lazy_getattr, "__getattr__(name)\n\nImports torch.nn, torch.optim and torch.utils on first use.", 0},
    {"__dir__", torch_dir, "__dir__()\n\nThe names of torch, including those imported on first use.", 0},
    {NULL, NULL, NULL, 0},
};
