/* mod_torch.c — the `torch` module: its functions come from the op table
 * (torch_dispatch_init), its types and constants are set here, and the
 * other binding files plug in their own functions through the hooks of
 * torch_obj.h (creation, random, printing, serialization).
 *
 * Submodules made here: torch.linalg (rows flagged F_LINALG), torch.cuda
 * (availability queries) and torch._nnf with the C activation functions
 * that torch.nn.functional (embedded TensorScript) re-exports.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bi_private.h"
#include "objects.h"
#include "torch_private.h"
#include "tensor/blas.h"
#ifdef TSC_CUDA
#include "cuda/cuda.h"
#endif

#define IMMORTAL ((int64_t)1 << 60)

/* BIND-B's hooks (weak: absent files leave their features out). */
bool torch_create_init(Value torch) __attribute__((weak));
bool torch_random_init(Value torch) __attribute__((weak));
bool torch_print_init(Value torch) __attribute__((weak));
bool torch_save_init(Value torch) __attribute__((weak));
/* The autograd layer (next wave): sets the hooks of torch_obj.h and adds
 * its functions (it may replace no_grad & co. defined here). */
bool torch_autograd_init(Value torch) __attribute__((weak));
/* Tensor methods defined in torch._compose (torch_compose.c). */
bool torch_compose_methods_init(void) __attribute__((weak));
TsTensor *torch_tensor_from_data(Value data, TsDType dtype, int device) __attribute__((weak));
/* mod_embedded.c's torch.__getattr__ (lazy torch.nn / optim / utils). */
extern const MethodDef mod_embedded_torch_functions[] __attribute__((weak));
/* torch.__getattr__ importing torch.nn etc. lazily (mod_embedded.c). */
extern const MethodDef mod_embedded_torch_functions[] __attribute__((weak));

/* ------------------------------------------------------------------ */
/* dtype names                                                          */
/* ------------------------------------------------------------------ */

static const struct { const char *name; TsDType dt; } dtype_names[] = {
    {"bool", TS_BOOL},        {"uint8", TS_UINT8},     {"int8", TS_INT8},
    {"int16", TS_INT16},      {"short", TS_INT16},     {"int32", TS_INT32},
    {"int", TS_INT32},        {"int64", TS_INT64},     {"long", TS_INT64},
    {"float16", TS_FLOAT16},  {"half", TS_FLOAT16},    {"bfloat16", TS_BFLOAT16},
    {"float32", TS_FLOAT32},  {"float", TS_FLOAT32},   {"float64", TS_FLOAT64},
    {"double", TS_FLOAT64},
};

/* ------------------------------------------------------------------ */
/* legacy constructors: torch.Tensor(2, 3), torch.LongTensor([0, 2])   */
/* ------------------------------------------------------------------ */

/* torch.FloatTensor ... and torch.cuda.FloatTensor ...: one Type each;
 * the array position tells the constructor its dtype and device. */
static Type legacy_types[2][TS_NUM_DTYPES];

/* A storage object shares its memory: torch.Tensor(x.storage()). */
static Value from_storage(TsDType dt, Value st)
{
    TsStorage *s;
    TsDType sdt;
    if (!torch_storage_of(st, &s, &sdt)) return V_UNBOUND;
    if (sdt != dt)
        return rt_raise(&exc_RuntimeError, "Expected a Storage of type %s or an UntypedStorage, "
                        "but got type %s for argument 1 'storage'", ts_dtype_short(dt),
                        ts_dtype_short(sdt));
    int64_t n = (int64_t)(s->nbytes / ts_dtype_size(dt)), stride = 1;
    TsTensor *t = ts_empty(1, &n, dt, s->device);
    if (!t) return torch_raise_ts();
    ts_storage_retain(s);
    ts_storage_release(t->storage);
    t->storage = s;
    t->offset = 0;
    t->strides[0] = stride;
    return torch_wrap(t);
}

/* Ints (or a torch.Size) are a shape, a storage is shared, anything else
 * is data. */
static Value legacy_construct(TsDType dt, int dev, Value *args, int nargs, KwArgs *kw)
{
    for (int i = 0; kw && i < kw->n; i++) {
        if (strcmp(((Str *)kw->names[i])->data, "device"))
            return rt_raise(&exc_TypeError, "new() got an unexpected keyword argument '%s'",
                            ((Str *)kw->names[i])->data);
        if (!torch_to_device(kw->vals[i], &dev)) return V_ERR;
    }
    bool shape = nargs == 0 || IS_INT(args[0]) || IS_TYPE(args[0], &size_type);
    if (shape) {
        int64_t sizes[TS_MAX_DIMS];
        int n = 0;
        if (nargs == 0) sizes[n++] = 0;
        else if (!torch_to_sizes(args, nargs, sizes, &n, "new")) return V_ERR;
        return torch_wrap(ts_zeros(n, sizes, dt, dev));
    }
    if (nargs != 1)
        return rt_raise(&exc_TypeError, "new() received an invalid combination of arguments");
    Value st = from_storage(dt, args[0]);
    if (!IS_UNBOUND(st)) return st;
    TsTensor *t = torch_unwrap(args[0]);
    if (t) {
        if (t->dtype != dt)
            return rt_raise(&exc_TypeError, "expected %s (got %s)", ts_dtype_legacy(dt),
                            ts_dtype_legacy(t->dtype));
        return torch_wrap(ts_alias(t));
    }
    if (!torch_tensor_from_data)
        return rt_raise(&exc_NotImplementedError, "tensor construction from data is not built");
    TsTensor *r = torch_tensor_from_data(args[0], dt, dev);
    return r ? torch_wrap(r) : V_ERR;
}

/* The CUDA types resolve their device when called (a CPU build raises). */
static Value legacy_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    bool cuda = t >= legacy_types[1];
    TsDType dt = (TsDType)(t - legacy_types[cuda]);
    int dev = TS_CPU;
    if (cuda) {
        Value s = str_from_cstr("cuda");
        bool ok = !IS_ERR(s) && torch_to_device(s, &dev);
        v_decref(s);
        if (!ok) return V_ERR;
    }
    return legacy_construct(dt, dev, args, nargs, kw);
}

/* torch.Tensor(...) uses the default float dtype. */
static Value tensor_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    return legacy_construct(ts_default_float(), TS_CPU, args, nargs, kw);
}

static char cuda_names[TS_NUM_DTYPES][40];

static bool add_legacy_types(Value m, Value cuda)
{
    tensor_type.new = tensor_new;
    for (int k = 0; k < 2; k++)
        for (int dt = 0; dt < TS_NUM_DTYPES; dt++) {
            Type *t = &legacy_types[k][dt];
            if (!t->name) {
                const char *n = ts_dtype_legacy((TsDType)dt);
                snprintf(cuda_names[dt], sizeof cuda_names[dt], "torch.cuda.%s", n + 6);
                t->hdr.rc = IMMORTAL;
                t->hdr.type = &type_type;
                t->name = k ? cuda_names[dt] : n;
                t->base = &tensor_type;
                t->basicsize = sizeof(TensorObj);
                t->new = legacy_new;
            }
            /* the attribute drops "torch." / "torch.cuda." */
            if (!mod_set(k ? cuda : m, t->name + (k ? 11 : 6), v_obj(t))) return false;
        }
    return true;
}

/* ------------------------------------------------------------------ */
/* grad mode context managers: no_grad(), enable_grad(), set_grad_enabled */
/* ------------------------------------------------------------------ */

typedef struct GradMode { Obj hdr; bool mode, prev; } GradMode;

static Type grad_mode_type;

static Value grad_mode_make(bool mode, bool set_now)
{
    GradMode *g = obj_alloc(&grad_mode_type, sizeof *g);
    if (!g) return V_ERR;
    g->mode = mode;
    g->prev = torch_grad_enabled;
    if (set_now) torch_grad_enabled = mode;
    return v_obj(g);
}

static Value gm_enter(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    GradMode *g = (GradMode *)args[0].o;
    g->prev = torch_grad_enabled;
    torch_grad_enabled = g->mode;
    return V_NONE;
}

static Value gm_exit(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    torch_grad_enabled = ((GradMode *)args[0].o)->prev;
    return v_bool(false);
}

static const MethodDef grad_mode_methods[] = {
    {"__enter__", gm_enter, "__enter__()\n\nSwitches grad mode for the block.", 0},
    {"__exit__", gm_exit, "__exit__(*exc_info)\n\nRestores the previous grad mode.", 0},
    {NULL, NULL, NULL, 0},
};

static Type grad_mode_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "grad_mode", .base = &object_type,
    .basicsize = sizeof(GradMode),
};

static Value f_no_grad(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("no_grad", kw) || !args_count("no_grad", nargs, 0, 0)) return V_ERR;
    return grad_mode_make(false, false);
}

static Value f_enable_grad(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("enable_grad", kw) || !args_count("enable_grad", nargs, 0, 0)) return V_ERR;
    return grad_mode_make(true, false);
}

/* set_grad_enabled switches at once (also usable as a plain call). */
static Value f_set_grad_enabled(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"mode"};
    Value a[1];
    if (!args_parse("set_grad_enabled", args, nargs, kw, names, 1, 1, a)) return V_ERR;
    int b = v_truth(a[0]);
    return b < 0 ? V_ERR : grad_mode_make(b, true);
}

static Value f_is_grad_enabled(Value *args, int nargs, KwArgs *kw)
{
    (void)args, (void)kw;
    if (!args_count("is_grad_enabled", nargs, 0, 0)) return V_ERR;
    return v_bool(torch_grad_enabled);
}

/* ------------------------------------------------------------------ */
/* small module functions                                               */
/* ------------------------------------------------------------------ */

static Value f_get_default_dtype(Value *args, int nargs, KwArgs *kw)
{
    (void)args, (void)kw;
    if (!args_count("get_default_dtype", nargs, 0, 0)) return V_ERR;
    return torch_dtype_value(ts_default_float());
}

static Value f_set_default_dtype(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"d"};
    Value a[1];
    TsDType dt;
    if (!args_parse("set_default_dtype", args, nargs, kw, names, 1, 1, a) || !torch_to_dtype(a[0], &dt))
        return V_ERR;
    if (dt != TS_FLOAT32 && dt != TS_FLOAT64)
        return rt_raise(&exc_TypeError, "only floating-point types are supported as the default type");
    ts_set_default_float(dt);
    return V_NONE;
}

static Value f_set_num_threads(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"int"};
    Value a[1];
    if (!args_parse("set_num_threads", args, nargs, kw, names, 1, 1, a)) return V_ERR;
    if (!IS_INT(a[0]) || a[0].i < 1)
        return rt_raise(&exc_RuntimeError, "set_num_threads expects a positive integer");
    /* our pool and OpenBLAS get the same (clamped) count, as PyTorch sets
     * its intra-op pool and its BLAS; BLAS takes it when it loads */
    ts_set_num_threads((int)a[0].i);
    ts_blas_set_threads(ts_get_num_threads());
    return V_NONE;
}

/* The intra-op count (PyTorch's answer), which BLAS is also given: asking
 * must not load BLAS. */
static Value f_get_num_threads(Value *args, int nargs, KwArgs *kw)
{
    (void)args, (void)kw;
    if (!args_count("get_num_threads", nargs, 0, 0)) return V_ERR;
    return v_int(ts_get_num_threads());
}

static const MethodDef torch_functions[] = {
    {"no_grad", f_no_grad, "no_grad()\n\nContext manager that disables gradient recording.", 0},
    {"enable_grad", f_enable_grad, "enable_grad()\n\nContext manager that enables gradient recording.", 0},
    {"set_grad_enabled", f_set_grad_enabled, "set_grad_enabled(mode)\n\nSets gradient recording on or off.", 0},
    {"is_grad_enabled", f_is_grad_enabled, "is_grad_enabled()\n\nTrue if gradient recording is on.", 0},
    {"get_default_dtype", f_get_default_dtype, "get_default_dtype()\n\nThe default floating point dtype.", 0},
    {"set_default_dtype", f_set_default_dtype, "set_default_dtype(d)\n\nSets the default floating point dtype.", 0},
    {"set_num_threads", f_set_num_threads, "set_num_threads(int)\n\nSets the number of threads of CPU kernels.", 0},
    {"get_num_threads", f_get_num_threads, "get_num_threads()\n\nThe number of threads of CPU kernels.", 0},
    {NULL, NULL, NULL, 0},
};

/* ---- torch.cuda ---- */

static int cuda_count(void)
{
    int n = 0;
    for (int i = 0; i < ts_device_count(); i++) {
        const TsDevice *d = ts_device_get(i);
        if (d && !strcmp(d->type, "cuda")) n++;
    }
    return n;
}

static Value cuda_is_available(Value *args, int nargs, KwArgs *kw)
{
    (void)args, (void)kw;
    if (!args_count("is_available", nargs, 0, 0)) return V_ERR;
    return v_bool(cuda_count() > 0);
}

static Value cuda_device_count(Value *args, int nargs, KwArgs *kw)
{
    (void)args, (void)kw;
    if (!args_count("device_count", nargs, 0, 0)) return V_ERR;
    return v_int(cuda_count());
}

static Value cuda_current_device(Value *args, int nargs, KwArgs *kw)
{
    (void)args, (void)kw;
    if (!args_count("current_device", nargs, 0, 0)) return V_ERR;
    if (cuda_count() == 0) return rt_raise(&exc_AssertionError, "Torch not compiled with CUDA enabled");
    return v_int(0);
}

static const MethodDef cuda_functions[] = {
    {"current_device", cuda_current_device, "current_device()\n\nIndex of the current CUDA device.", 0},
    {"is_available", cuda_is_available, "is_available()\n\nTrue if a CUDA device can be used.", 0},
    {"device_count", cuda_device_count, "device_count()\n\nNumber of CUDA devices.", 0},
    {NULL, NULL, NULL, 0},
};

/* ---- torch.nn.functional: the activations the op table has ---- */

static Value nnf_call(const char *row, Value *args, int nargs, KwArgs *kw)
{
    return torch_call_op(row, args, nargs, kw);
}

/* F.relu(x, inplace=False) and friends: drop `inplace` (False) here. */
static Value nnf_relu(Value *args, int nargs, KwArgs *kw) { return nnf_call("relu", args, nargs > 1 ? 1 : nargs, kw); }
static Value nnf_sigmoid(Value *args, int nargs, KwArgs *kw) { return nnf_call("sigmoid", args, nargs, kw); }
static Value nnf_tanh(Value *args, int nargs, KwArgs *kw) { return nnf_call("tanh", args, nargs, kw); }
static Value nnf_softmax(Value *args, int nargs, KwArgs *kw) { return nnf_call("softmax", args, nargs, kw); }
static Value nnf_log_softmax(Value *args, int nargs, KwArgs *kw) { return nnf_call("log_softmax", args, nargs, kw); }

/* softplus(x, beta=1, threshold=20) = log1p(exp(beta x)) / beta, linear
 * above the threshold. */
static Value nnf_softplus(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"input", "beta", "threshold"};
    Value a[3];
    if (!args_parse("softplus", args, nargs, kw, names, 3, 1, a)) return V_ERR;
    TsTensor *x = torch_unwrap(a[0]);
    if (!x) return rt_raise(&exc_TypeError, "softplus(): argument 'input' must be Tensor, not %s", v_typename(a[0]));
    double beta = 1, th = 20;
    if (!IS_UNBOUND(a[1]) && !num_to_double(a[1], &beta)) return V_ERR;
    if (!IS_UNBOUND(a[2]) && !num_to_double(a[2], &th)) return V_ERR;
    TsTensor *bx = ts_binary(TS_OP_MUL, ts_arg(x), ts_arg_s(ts_scalar_f(beta)), NULL);
    TsTensor *e = bx ? ts_unary(TS_OP_EXP, bx, NULL) : NULL;
    TsTensor *l = e ? ts_unary(TS_OP_LOG1P, e, NULL) : NULL;
    TsTensor *s = l ? ts_binary(TS_OP_DIV, ts_arg(l), ts_arg_s(ts_scalar_f(beta)), NULL) : NULL;
    TsTensor *big = s ? ts_binary(TS_OP_GT, ts_arg(bx), ts_arg_s(ts_scalar_f(th)), NULL) : NULL;
    TsTensor *r = big ? ts_where(big, ts_arg(x), ts_arg(s)) : NULL;
    ts_release(bx);
    ts_release(e);
    ts_release(l);
    ts_release(s);
    ts_release(big);
    return torch_wrap(r);
}

static const MethodDef nnf_functions[] = {
    {"relu", nnf_relu, "relu(input, inplace=False)\n\nmax(input, 0).", 0},
    {"sigmoid", nnf_sigmoid, "sigmoid(input)\n\n1 / (1 + exp(-input)).", 0},
    {"tanh", nnf_tanh, "tanh(input)\n\nHyperbolic tangent.", 0},
    {"softmax", nnf_softmax, "softmax(input, dim, dtype=None)\n\nSoftmax along dim.", 0},
    {"log_softmax", nnf_log_softmax, "log_softmax(input, dim, dtype=None)\n\nLog-softmax along dim.", 0},
    {"softplus", nnf_softplus, "softplus(input, beta=1, threshold=20)\n\nlog(1 + exp(beta * x)) / beta.", 0},
    {NULL, NULL, NULL, 0},
};

/* ------------------------------------------------------------------ */
/* the module                                                           */
/* ------------------------------------------------------------------ */

/* Creates module `full` as attribute `attr` of parent (borrowed result
 * stored in *out; the parent's dict owns it). */
static bool submodule(Value parent, const char *attr, const char *full, Value *out)
{
    Value m = module_new(full);
    if (IS_ERR(m)) return false;
    bool ok = mod_set(parent, attr, m);
    *out = m;
    v_decref(m);
    return ok;
}

/* torch.memory_format values (torch.contiguous_format ...): names only,
 * accepted by the memory_format= keywords, which a CPU build ignores. */
typedef struct MemFormatObj { Obj hdr; const char *name; } MemFormatObj;

static Value memory_format_repr(Value v) { return str_from_cstr(((MemFormatObj *)v.o)->name); }

static Type memory_format_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "memory_format", .base = &object_type,
    .basicsize = sizeof(MemFormatObj), .repr = memory_format_repr,
};

static MemFormatObj memory_formats[] = {
    {{IMMORTAL, &memory_format_type}, "torch.contiguous_format"},
    {{IMMORTAL, &memory_format_type}, "torch.preserve_format"},
    {{IMMORTAL, &memory_format_type}, "torch.channels_last"},
    {{IMMORTAL, &memory_format_type}, "torch.channels_last_3d"},
};

static bool add_memory_formats(Value m)
{
    if (!mod_set(m, "memory_format", v_obj(&memory_format_type))) return false;
    for (size_t i = 0; i < sizeof memory_formats / sizeof *memory_formats; i++)
        if (!mod_set(m, memory_formats[i].name + strlen("torch."), v_obj(&memory_formats[i]))) return false;
    return true;
}

static bool add_constants(Value m)
{
    if (!add_memory_formats(m)) return false;
    for (size_t i = 0; i < sizeof dtype_names / sizeof *dtype_names; i++)
        if (!mod_set(m, dtype_names[i].name, torch_dtype_value(dtype_names[i].dt))) return false;
    return mod_set(m, "Tensor", v_obj(&tensor_type)) && mod_set(m, "Size", v_obj(&size_type)) &&
           mod_set(m, "device", v_obj(&device_type)) && mod_set(m, "dtype", v_obj(&dtype_type)) &&
           mod_set(m, "layout", v_obj(&layout_type)) && mod_set(m, "strided", torch_layout_value(false)) &&
           mod_set(m, "sparse_coo", torch_layout_value(true)) &&
           mod_set(m, "inf", v_float(INFINITY)) && mod_set(m, "nan", v_float(NAN)) &&
           mod_set(m, "pi", v_float(3.141592653589793)) && mod_set(m, "e", v_float(2.718281828459045)) &&
           mod_set(m, "__version__", str_from_cstr("2.1.0"));
}

/* Records module "torch" on the binding's types so that their class repr
 * can read <class 'torch.Tensor'> (types.c consults __module__). */
static bool set_type_modules(void)
{
    static const MethodDef none[] = {{NULL, NULL, NULL, 0}};
    Type *types[] = {&tensor_type, &size_type, &dtype_type, &device_type, &layout_type,
                     &memory_format_type};
    Value name = str_from_cstr("torch");
    if (IS_ERR(name)) return false;
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof types / sizeof *types; i++) {
        if (!types[i]->dict) type_add_methods(types[i], none);
        ok = types[i]->dict && dict_set_cstr(v_obj(types[i]->dict), "__module__", name) >= 0;
    }
    v_decref(name);
    return ok;
}

bool mod_torch_init(Value m)
{
#ifdef TSC_CUDA
    cuda_backend_init(); /* adds a device row per GPU; none is not an error */
#endif
    torch_types_init();
    torch_obj_init();
    if (!grad_mode_type.dict) type_add_methods(&grad_mode_type, grad_mode_methods);
    if (!set_type_modules()) return false;
    Value linalg, cuda, nnf;
    if (!submodule(m, "linalg", "torch.linalg", &linalg) || !torch_dispatch_init(m, linalg) ||
        !add_constants(m) || !submodule(m, "cuda", "torch.cuda", &cuda) || !add_legacy_types(m, cuda))
        return false;
    module_add_functions(m, torch_functions);
    module_add_functions(cuda, cuda_functions);
    /* The C activations live in torch._nnf; torch.nn (embedded
     * TensorScript, mod_embedded.c) is imported on first access. */
    if (!submodule(m, "_nnf", "torch._nnf", &nnf)) return false;
    module_add_functions(nnf, nnf_functions);
    if (mod_embedded_torch_functions) module_add_functions(m, mod_embedded_torch_functions);
    if (torch_create_init && !torch_create_init(m)) return false;
    if (torch_random_init && !torch_random_init(m)) return false;
    if (torch_print_init && !torch_print_init(m)) return false;
    if (torch_save_init && !torch_save_init(m)) return false;
    if (torch_compose_methods_init && !torch_compose_methods_init()) return false;
    if (torch_autograd_init && !torch_autograd_init(m)) return false;
    return true;
}
