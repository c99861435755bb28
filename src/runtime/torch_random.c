/* torch_random.c — random numbers: torch.manual_seed / seed /
 * initial_seed / get_rng_state / set_rng_state, torch.Generator, the
 * sampling functions normal, bernoulli and multinomial, and the impls of
 * two kinds of rows of torch_ops.def: the random factories (rand, randn,
 * randint, randperm, rand_like, randn_like, randint_like: F_FACTORY, see
 * torch_create.c) and the in-place Tensor methods (uniform_, normal_,
 * random_, bernoulli_, exponential_, cauchy_, log_normal_, geometric_).
 *
 * Every number comes from the tensor library's bit-exact copy of
 * PyTorch's CPU generator (src/tensor/random.h): a sampling function
 * makes an empty CPU tensor and fills it in place with the kernel, so the
 * draws happen in the same order as in PyTorch.  torch.distributions
 * lives in torch_distributions.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include "objects.h"
#include "tensor/ops.h"
#include "torch_create.h"

#define IMMORTAL ((int64_t)1 << 60)

/* ------------------------------------------------------------------ */
/* torch.Generator                                                      */
/* ------------------------------------------------------------------ */

typedef struct GenObj {
    Obj hdr;
    TsGenerator *g;
    bool owned;        /* false for the default generator */
} GenObj;

Type generator_type;

static void gen_dealloc(Obj *o)
{
    GenObj *g = (GenObj *)o;
    if (g->owned) free(g->g);
    free(o);
}

static Value gen_alloc(TsGenerator *g, bool owned)
{
    GenObj *o = obj_alloc(&generator_type, sizeof(GenObj));
    if (!o) {
        if (owned) free(g);
        return V_ERR;
    }
    o->g = g;
    o->owned = owned;
    return v_obj(o);
}

/* The Generator object of the default generator (made once, kept). */
static Value default_gen_value(void)
{
    static Value v;
    if (!IS_OBJ(v)) {
        v = gen_alloc(ts_default_generator(), false);
        if (IS_ERR(v)) {
            v = V_NONE;
            return V_ERR;
        }
    }
    return v_incref(v);
}

static Value gen_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    static const char *const names[] = {"device"};
    Value v[1];
    int dev = TS_CPU;
    if (!args_parse("Generator", args, nargs, kw, names, 1, 0, v)) return V_ERR;
    if (!IS_UNBOUND(v[0]) && !torch_to_device(v[0], &dev)) return V_ERR;
    TsGenerator *g = rt_alloc(sizeof *g);
    if (!g) return V_ERR;
    ts_generator_init(g);
    return gen_alloc(g, true);
}

static Value gen_repr(Value self)
{
    return str_fmt("<torch._C.Generator object at %p>", (void *)self.o);
}

TsGenerator *torch_generator_arg(Value v, bool *ok)
{
    *ok = true;
    if (IS_UNBOUND(v) || IS_NONE(v)) return NULL;
    if (IS_TYPE(v, &generator_type)) return ((GenObj *)v.o)->g;
    rt_raise(&exc_TypeError, "generator must be a torch.Generator, not %s", v_typename(v));
    *ok = false;
    return NULL;
}

/* Reads a seed the way PyTorch does: any Python int, wrapped to 64 bits. */
static bool seed_arg(Value v, uint64_t *out)
{
    int64_t i;
    if (IS_FLOAT(v)) { /* PyTorch calls int(seed) first */
        if (!(v.f > -9.3e18 && v.f < 9.3e18)) {
            rt_raise(&exc_RuntimeError, "Overflow when unpacking long");
            return false;
        }
        *out = (uint64_t)(int64_t)v.f;
        return true;
    }
    if (!num_index(v, &i)) return false;
    *out = (uint64_t)i;
    return true;
}

/* A 64-bit seed as a Python int: TensorScript's ints are int64, so a
 * seed past INT64_MAX (manual_seed(-1) stores 2**64-1) cannot be shown
 * and raises OverflowError rather than wrapping silently. */
static Value seed_value(uint64_t s)
{
    if (s > (uint64_t)INT64_MAX) return num_overflow();
    return v_int((int64_t)s);
}

static Value g_manual_seed(Value *args, int nargs, KwArgs *kw)
{
    uint64_t s;
    if (!args_nokw("manual_seed", kw) || !args_count("manual_seed", nargs - 1, 1, 1) ||
        !seed_arg(args[1], &s))
        return V_ERR;
    ts_manual_seed(((GenObj *)args[0].o)->g, s);
    return v_incref(args[0]);
}

static Value g_initial_seed(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("initial_seed", kw) || !args_count("initial_seed", nargs - 1, 0, 0))
        return V_ERR;
    return seed_value(ts_initial_seed(((GenObj *)args[0].o)->g));
}

static Value g_seed(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("seed", kw) || !args_count("seed", nargs - 1, 0, 0)) return V_ERR;
    return seed_value(ts_seed(((GenObj *)args[0].o)->g));
}

/* The state as a ByteTensor of TS_RNG_STATE_SIZE bytes. */
static Value state_of(TsGenerator *g)
{
    int64_t n = TS_RNG_STATE_SIZE;
    TsTensor *t = ts_empty(1, &n, TS_UINT8, TS_CPU);
    if (!t) return torch_raise_ts();
    ts_generator_get_state(g, ts_data(t));
    return torch_wrap(t);
}

static Value set_state_of(TsGenerator *g, Value st)
{
    TsTensor *t = torch_unwrap(st);
    if (!t || t->dtype != TS_UINT8)
        return rt_raise(&exc_TypeError, "expected a torch.ByteTensor, but got %s",
                        t ? ts_dtype_legacy(t->dtype) : v_typename(st));
    TsTensor *c = ts_contiguous(t);
    if (!c) return torch_raise_ts();
    int rc = ts_generator_set_state(g, ts_data(c), ts_numel(c));
    ts_release(c);
    return rc < 0 ? torch_raise_ts() : V_NONE;
}

static Value g_get_state(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("get_state", kw) || !args_count("get_state", nargs - 1, 0, 0)) return V_ERR;
    return state_of(((GenObj *)args[0].o)->g);
}

static Value g_set_state(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("set_state", kw) || !args_count("set_state", nargs - 1, 1, 1)) return V_ERR;
    Value r = set_state_of(((GenObj *)args[0].o)->g, args[1]);
    return IS_ERR(r) ? r : v_incref(args[0]);
}

static const MethodDef gen_methods[] = {
    {"manual_seed", g_manual_seed, "manual_seed(seed) -> Generator\n\nSets the seed for generating random numbers.", 0},
    {"initial_seed", g_initial_seed, "initial_seed() -> int\n\nReturns the initial seed for generating random numbers.", 0},
    {"seed", g_seed, "seed() -> int\n\nGets a non-deterministic random number from std::random_device or the current time and uses it to seed a Generator.", 0},
    {"get_state", g_get_state, "get_state() -> Tensor\n\nReturns the Generator state as a torch.ByteTensor.", 0},
    {"set_state", g_set_state, "set_state(new_state) -> void\n\nSets the Generator state.", 0},
    {NULL, NULL, NULL, 0},
};

Type generator_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "Generator", .base = &object_type,
    .doc = "Generator(device='cpu') -> Generator\n\nCreates and returns a generator object "
           "that manages the state of the algorithm which produces pseudo random numbers.",
    .basicsize = sizeof(GenObj), .new = gen_new, .dealloc = gen_dealloc, .repr = gen_repr,
};

/* ------------------------------------------------------------------ */
/* module-level seeding                                                 */
/* ------------------------------------------------------------------ */

static Value f_manual_seed(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"seed"};
    Value v[1];
    uint64_t s;
    if (!args_parse("manual_seed", args, nargs, kw, names, 1, 1, v) || !seed_arg(v[0], &s))
        return V_ERR;
    ts_manual_seed(ts_default_generator(), s);
    return default_gen_value();
}

static Value f_initial_seed(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("initial_seed", kw) || !args_count("initial_seed", nargs, 0, 0)) return V_ERR;
    return seed_value(ts_initial_seed(ts_default_generator()));
}

static Value f_seed(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("seed", kw) || !args_count("seed", nargs, 0, 0)) return V_ERR;
    return seed_value(ts_seed(ts_default_generator()));
}

static Value f_get_rng_state(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("get_rng_state", kw) || !args_count("get_rng_state", nargs, 0, 0))
        return V_ERR;
    return state_of(ts_default_generator());
}

static Value f_set_rng_state(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"new_state"};
    Value v[1];
    if (!args_parse("set_rng_state", args, nargs, kw, names, 1, 1, v)) return V_ERR;
    return set_state_of(ts_default_generator(), v[0]);
}

/* ------------------------------------------------------------------ */
/* sampling into a new tensor                                           */
/* ------------------------------------------------------------------ */

typedef enum { FILL_UNIFORM, FILL_NORMAL } FillKind;

/* Makes empty(sizes) in the factory's dtype (default float) and fills it. */
static Value sample_sized(int n, const int64_t *sizes, const TorchFactory *f, FillKind k,
                          TsDType dflt)
{
    bool ok;
    TsGenerator *g = torch_generator_arg(f->generator, &ok);
    if (!ok) return V_ERR;
    TsTensor *t = ts_empty(n, sizes, f->dtype == TS_UNDEF ? dflt : f->dtype, TS_CPU);
    if (!t) return torch_raise_ts();
    int rc = k == FILL_UNIFORM ? ts_uniform_(t, 0, 1, g) : ts_normal_(t, 0, 1, g);
    if (rc < 0) {
        ts_release(t);
        return torch_raise_ts();
    }
    return torch_factory_finish(t, f);
}

/* rand/randn(*size, *, generator, names | out, TensorOptions) */
Value impl_rand(TorchCall *c)
{
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    return sample_sized(c->a[0].n, c->a[0].list, &f, FILL_UNIFORM, ts_default_float());
}

Value impl_randn(TorchCall *c)
{
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    return sample_sized(c->a[0].n, c->a[0].list, &f, FILL_NORMAL, ts_default_float());
}

/* rand_like/randn_like(input, *, memory_format, TensorOptions) */
static Value like_sample(TorchCall *c, FillKind k)
{
    TsTensor *in = c->a[0].t;
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    if (!f.device_given) f.device = in->device;
    return sample_sized(in->ndim, in->sizes, &f, k, in->dtype);
}

Value impl_rand_like(TorchCall *c) { return like_sample(c, FILL_UNIFORM); }
Value impl_randn_like(TorchCall *c) { return like_sample(c, FILL_NORMAL); }

/* Fills a new int tensor with values in [low, high). */
static Value randint_fill(int n, const int64_t *sizes, int64_t low, int64_t high,
                          TorchFactory *f, TsDType dflt)
{
    bool ok;
    TsGenerator *g = torch_generator_arg(f->generator, &ok);
    if (!ok) return V_ERR;
    TsTensor *t = ts_empty(n, sizes, f->dtype == TS_UNDEF ? dflt : f->dtype, TS_CPU);
    if (!t) return torch_raise_ts();
    if (ts_random_range_(t, low, high, g) < 0) {
        ts_release(t);
        return torch_raise_ts();
    }
    return torch_factory_finish(t, f);
}

/* randint(high, size) | randint(low, high, size), each with and
 * without generator= */
Value impl_randint(TorchCall *c)
{
    int b = c->overload >= 2;   /* low comes first */
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    const TorchArg *size = &c->a[1 + b];
    return randint_fill(size->n, size->list, b ? c->a[0].i : 0, c->a[b].i, &f, TS_INT64);
}

/* randint_like(input, high) | randint_like(input, low, high) */
Value impl_randint_like(TorchCall *c)
{
    int b = c->overload;
    TsTensor *in = c->a[0].t;
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    if (!f.device_given) f.device = in->device;
    return randint_fill(in->ndim, in->sizes, b ? c->a[1].i : 0, c->a[1 + b].i, &f, in->dtype);
}

Value impl_randperm(TorchCall *c)
{
    int64_t n = c->a[0].i;
    TorchFactory f;
    bool ok;
    if (!torch_call_factory(c, &f)) return V_ERR;
    TsGenerator *g = torch_generator_arg(f.generator, &ok);
    if (!ok) return V_ERR;
    if (n < 0)
        return rt_raise(&exc_RuntimeError,
                        "Trying to create tensor with negative dimension %lld: [%lld]",
                        (long long)n, (long long)n);
    TsTensor *t = ts_randperm(n, f.dtype == TS_UNDEF ? TS_INT64 : f.dtype, g);
    return torch_factory_finish(t, &f);
}

/* torch.normal's four overloads, chosen by which of mean/std are tensors. */
static Value f_normal(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"mean", "std", "size"};
    Value v[3];
    TorchFactory f;
    bool ok;
    if (!torch_bind("normal", args, nargs, kw, names, 3, 1, v, &f, false)) return V_ERR;
    TsGenerator *g = torch_generator_arg(f.generator, &ok);
    if (!ok) return V_ERR;
    TsTensor *mt = torch_unwrap(v[0]), *st = IS_UNBOUND(v[1]) ? NULL : torch_unwrap(v[1]);
    double m = 0, s = 1;
    if ((!mt && !torch_float_arg(v[0], &m, "normal", "mean")) ||
        (!st && !IS_UNBOUND(v[1]) && !torch_float_arg(v[1], &s, "normal", "std")))
        return V_ERR;
    if (mt && st) return torch_factory_finish(ts_normal_tt(mt, st, g), &f);
    if (mt) return torch_factory_finish(ts_normal_tf(mt, s, g), &f);
    if (st) return torch_factory_finish(ts_normal_ft(m, st, g), &f);
    int64_t sizes[TS_MAX_DIMS];
    int n;
    if (IS_UNBOUND(v[2]))
        return rt_raise(&exc_TypeError,
                        "normal() received an invalid combination of arguments - got (float, "
                        "float), but expected one of:\n * (Tensor mean, Tensor std, *, "
                        "torch.Generator generator, Tensor out)\n * (Tensor mean, float std, "
                        "*, torch.Generator generator, Tensor out)\n * (float mean, Tensor "
                        "std, *, torch.Generator generator, Tensor out)\n * (float mean, float "
                        "std, tuple of ints size, *, torch.Generator generator, Tensor out, "
                        "torch.dtype dtype, torch.layout layout, torch.device device, bool "
                        "pin_memory, bool requires_grad)\n");
    if (!torch_size_arg(v[2], sizes, &n, "normal")) return V_ERR;
    TsTensor *t = ts_empty(n, sizes, f.dtype == TS_UNDEF ? ts_default_float() : f.dtype, TS_CPU);
    if (!t) return torch_raise_ts();
    if (ts_normal_(t, m, s, g) < 0) {
        ts_release(t);
        return torch_raise_ts();
    }
    return torch_factory_finish(t, &f);
}

static Value f_bernoulli(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"input", "p"};
    Value v[2];
    TorchFactory f;
    bool ok;
    if (!torch_bind("bernoulli", args, nargs, kw, names, 2, 1, v, &f, false)) return V_ERR;
    TsGenerator *g = torch_generator_arg(f.generator, &ok);
    TsTensor *in = torch_unwrap(v[0]);
    if (!ok) return V_ERR;
    if (!in)
        return rt_raise(&exc_TypeError,
                        "bernoulli(): argument 'input' (position 1) must be Tensor, not %s",
                        v_typename(v[0]));
    if (IS_UNBOUND(v[1]) || IS_NONE(v[1])) return torch_factory_finish(ts_bernoulli(in, g), &f);
    double p;
    if (!torch_float_arg(v[1], &p, "bernoulli", "p")) return V_ERR;
    TsTensor *t = ts_empty_like(in, TS_UNDEF);
    if (t && ts_bernoulli_scalar_(t, p, g) < 0) {
        ts_release(t);
        t = NULL;
    }
    return torch_factory_finish(t, &f);
}

static Value f_multinomial(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"input", "num_samples", "replacement"};
    Value v[3];
    TorchFactory f;
    int64_t n;
    bool ok, repl = false;
    if (!torch_bind("multinomial", args, nargs, kw, names, 3, 2, v, &f, false) ||
        !torch_int_arg(v[1], &n, "multinomial", "num_samples"))
        return V_ERR;
    TsGenerator *g = torch_generator_arg(f.generator, &ok);
    TsTensor *in = torch_unwrap(v[0]);
    if (!ok) return V_ERR;
    if (!in)
        return rt_raise(&exc_TypeError,
                        "multinomial(): argument 'input' (position 1) must be Tensor, not %s",
                        v_typename(v[0]));
    if (!IS_UNBOUND(v[2])) {
        int b = v_truth(v[2]);
        if (b < 0) return V_ERR;
        repl = b;
    }
    return torch_factory_finish(ts_multinomial(in, n, repl, g), &f);
}

/* ------------------------------------------------------------------ */
/* in-place Tensor methods                                              */
/* ------------------------------------------------------------------ */

/* They are rows of torch_ops.def (uniform_ ... geometric_), so the
 * dispatcher binds them and makes autograd's in-place checks; the impls
 * read the bound call. */

/* The generator= argument k (None: the default generator). */
static bool gen_arg(TorchCall *c, int k, TsGenerator **g)
{
    Value v = c->a[k].given ? c->a[k].v : V_UNBOUND;
    *g = NULL;
    if (IS_UNBOUND(v) || IS_NONE(v)) return true;
    if (!IS_TYPE(v, &generator_type)) {
        rt_raise(&exc_TypeError, "%s(): argument 'generator' must be torch.Generator, not %s",
                 c->op->name, v_typename(v));
        return false;
    }
    *g = ((GenObj *)v.o)->g;
    return true;
}

/* The in-place method's result: self itself, or the library's error. */
static Value inplace_result(TorchCall *c, int rc)
{
    if (rc < 0) return torch_raise_ts();
    return v_incref(c->a[0].v);
}

/* The samplers with two float parameters (and generator=, argument 3). */
#define TWO_PARAM_SAMPLER(op)                                                          \
    Value impl_##op(TorchCall *c)                                                      \
    {                                                                                  \
        TsGenerator *g;                                                                \
        if (!gen_arg(c, 3, &g)) return V_ERR;                                          \
        return inplace_result(c, ts_##op(c->a[0].t, c->a[1].f, c->a[2].f, g));         \
    }
TWO_PARAM_SAMPLER(uniform_)
TWO_PARAM_SAMPLER(normal_)
TWO_PARAM_SAMPLER(cauchy_)
TWO_PARAM_SAMPLER(log_normal_)

/* random_(to) | random_(from, to) / random_(from, None) | random_() */
Value impl_random_(TorchCall *c)
{
    TsGenerator *g;
    TsTensor *t = c->a[0].t;
    if (!gen_arg(c, c->overload == 0 ? 2 : c->overload == 1 ? 3 : 1, &g)) return V_ERR;
    if (c->overload == 2) return inplace_result(c, ts_random_(t, g));
    if (c->overload == 0) return inplace_result(c, ts_random_range_(t, 0, c->a[1].i, g));
    if (c->a[2].none) return inplace_result(c, ts_random_from_(t, c->a[1].i, g));
    return inplace_result(c, ts_random_range_(t, c->a[1].i, c->a[2].i, g));
}

/* bernoulli_(Tensor p): the draws of torch.bernoulli(p expanded to self),
 * copied in; bernoulli_(float p) */
Value impl_bernoulli_(TorchCall *c)
{
    TsGenerator *g;
    TsTensor *t = c->a[0].t;
    if (!gen_arg(c, 2, &g)) return V_ERR;
    if (c->overload == 1) return inplace_result(c, ts_bernoulli_scalar_(t, c->a[1].f, g));
    TsTensor *p = ts_expand(c->a[1].t, t->ndim, t->sizes);
    TsTensor *draws = p ? ts_bernoulli(p, g) : NULL;
    int rc = draws ? ts_copy_(t, draws) : -1;
    ts_release(draws);
    ts_release(p);
    return inplace_result(c, rc);
}

Value impl_exponential_(TorchCall *c)
{
    TsGenerator *g;
    if (!gen_arg(c, 2, &g)) return V_ERR;
    return inplace_result(c, ts_exponential_(c->a[0].t, c->a[1].f, g));
}

/* p is optional in the row only so that a missing p gets PyTorch's
 * message rather than the binder's */
Value impl_geometric_(TorchCall *c)
{
    TsGenerator *g;
    if (c->a[1].none)
        return rt_raise(&exc_TypeError, "geometric_() missing 1 required positional arguments: \"p\"");
    if (!gen_arg(c, 2, &g)) return V_ERR;
    return inplace_result(c, ts_geometric_(c->a[0].t, c->a[1].f, g));
}

/* Tensor.bernoulli() / Tensor.multinomial(n): the functions with self first. */
static Value m_bernoulli(Value *args, int nargs, KwArgs *kw) { return f_bernoulli(args, nargs, kw); }
static Value m_multinomial(Value *args, int nargs, KwArgs *kw) { return f_multinomial(args, nargs, kw); }

/* ------------------------------------------------------------------ */
/* registration                                                         */
/* ------------------------------------------------------------------ */

static const MethodDef random_functions[] = {
    {"manual_seed", f_manual_seed, "manual_seed(seed) -> Generator\n\nSets the seed for generating random numbers. Returns a torch.Generator object.", 0},
    {"initial_seed", f_initial_seed, "initial_seed() -> int\n\nReturns the initial seed for generating random numbers as a Python long.", 0},
    {"seed", f_seed, "seed() -> int\n\nSets the seed for generating random numbers to a non-deterministic random number.", 0},
    {"get_rng_state", f_get_rng_state, "get_rng_state() -> Tensor\n\nReturns the random number generator state as a torch.ByteTensor.", 0},
    {"set_rng_state", f_set_rng_state, "set_rng_state(new_state) -> None\n\nSets the random number generator state.", 0},
    {"normal", f_normal, "normal(mean, std, size=None, *, generator=None, out=None) -> Tensor\n\nReturns a tensor of random numbers drawn from separate normal distributions whose mean and standard deviation are given.", 0},
    {"bernoulli", f_bernoulli, "bernoulli(input, *, generator=None, out=None) -> Tensor\n\nDraws binary random numbers (0 or 1) from a Bernoulli distribution.", 0},
    {"multinomial", f_multinomial, "multinomial(input, num_samples, replacement=False, *, generator=None, out=None) -> LongTensor\n\nReturns a tensor where each row contains num_samples indices sampled from the multinomial probability distribution located in the corresponding row of tensor input.", 0},
    {NULL, NULL, NULL, 0},
};

static const MethodDef random_methods[] = {
    {"bernoulli", m_bernoulli, "bernoulli(*, generator=None) -> Tensor\n\nReturns a result tensor where each result[i] is independently sampled from Bernoulli(self[i]).", 0},
    {"multinomial", m_multinomial, "multinomial(num_samples, replacement=False, *, generator=None) -> Tensor\n\nSee torch.multinomial().", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_distributions_init(Value torch); /* torch_distributions.c */

bool torch_random_init(Value torch)
{
    type_add_methods(&generator_type, gen_methods);
    module_add_functions(torch, random_functions);
    type_add_methods(&tensor_type, random_methods);
    Value gt = v_obj(&generator_type);
    if (dict_set_cstr(((Module *)torch.o)->dict, "Generator", gt) < 0) return false;
    Value dg = default_gen_value();
    if (IS_ERR(dg) || dict_set_cstr(((Module *)torch.o)->dict, "default_generator", dg) < 0)
        return false;
    v_decref(dg);
    return torch_distributions_init(torch);
}
