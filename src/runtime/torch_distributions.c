/* torch_distributions.c — the basics of torch.distributions: Normal,
 * Uniform, Categorical and Multinomial with .sample(), written as the
 * same sequence of tensor operations PyTorch's Python classes perform, so
 * that the random draws (and their float rounding) match bit for bit.
 *
 * Submodules torch.distributions.normal / uniform / categorical /
 * multinomial hold the classes too (`from torch.distributions import
 * multinomial`, as seed 004 does).
 */
#include <stdlib.h>

#include "objects.h"
#include "tensor/ops.h"
#include "torch_create.h"

#define IMMORTAL ((int64_t)1 << 60)

typedef struct DistObj {
    Obj hdr;
    TsTensor *a, *b;       /* loc/scale, low/high, or probs (a) */
    int64_t total_count;   /* Multinomial */
} DistObj;

extern Type normal_dist_type, uniform_dist_type, categorical_dist_type,
    multinomial_dist_type;

static void dist_dealloc(Obj *o)
{
    DistObj *d = (DistObj *)o;
    ts_release(d->a);
    ts_release(d->b);
    free(o);
}

static DistObj *dist_alloc(Type *t)
{
    DistObj *d = obj_alloc(t, sizeof(DistObj));
    if (d) {
        d->a = d->b = NULL;
        d->total_count = 1;
    }
    return d;
}

/* A parameter as a tensor: tensors are kept, numbers become tensors of
 * `dt` (broadcast_all's rule). */
static TsTensor *param_tensor(Value v, TsDType dt)
{
    TsTensor *t = torch_unwrap(v);
    if (t) {
        ts_retain(t);
        return t;
    }
    TsScalar s;
    if (!torch_to_scalar(v, &s)) {
        rt_raise(&exc_ValueError,
                 "Input arguments must all be instances of numbers.Number, torch.Tensor or "
                 "objects implementing __torch_function__.");
        return NULL;
    }
    t = ts_scalar_tensor(ts_scalar_f(ts_scalar_to_f64(s)), dt, TS_CPU);
    if (!t) torch_raise_ts();
    return t;
}

/* broadcast_all(x, y): both as tensors of the broadcast shape. */
static bool broadcast_pair(Value x, Value y, TsTensor **a, TsTensor **b)
{
    TsTensor *tx = torch_unwrap(x), *ty = torch_unwrap(y);
    TsDType dt = tx ? tx->dtype : ty ? ty->dtype : ts_default_float();
    TsTensor *pa = param_tensor(x, dt), *pb = pa ? param_tensor(y, dt) : NULL;
    if (!pb) {
        ts_release(pa);
        return false;
    }
    int nd[2] = {pa->ndim, pb->ndim}, on;
    const int64_t *shapes[2] = {pa->sizes, pb->sizes};
    int64_t out[TS_MAX_DIMS];
    if (ts_broadcast_shapes(2, nd, shapes, &on, out) < 0 ||
        !(*a = ts_expand(pa, on, out))) {
        ts_release(pa);
        ts_release(pb);
        torch_raise_ts();
        return false;
    }
    *b = ts_expand(pb, on, out);
    ts_release(pa);
    ts_release(pb);
    if (!*b) {
        ts_release(*a);
        torch_raise_ts();
        return false;
    }
    return true;
}

static Value two_param_new(Type *t, const char *fname, const char *n0, const char *n1,
                           Value *args, int nargs, KwArgs *kw)
{
    const char *names[] = {n0, n1, "validate_args"};
    Value v[3];
    if (!args_parse(fname, args, nargs, kw, names, 3, 2, v)) return V_ERR;
    DistObj *d = dist_alloc(t);
    if (!d) return V_ERR;
    if (!broadcast_pair(v[0], v[1], &d->a, &d->b)) {
        dist_dealloc(&d->hdr);
        return V_ERR;
    }
    return v_obj(d);
}

static Value normal_new(Type *t, Value *a, int n, KwArgs *kw)
{
    return two_param_new(t, "Normal", "loc", "scale", a, n, kw);
}

static Value uniform_new(Type *t, Value *a, int n, KwArgs *kw)
{
    return two_param_new(t, "Uniform", "low", "high", a, n, kw);
}

/* probs / probs.sum(-1, keepdim=True), as Categorical.__init__ does. */
static TsTensor *normalized(TsTensor *p)
{
    int64_t last = -1;
    TsTensor *s = ts_sum(p, 1, &last, true, TS_UNDEF);
    if (!s) return NULL;
    TsTensor *r = ts_binary(TS_OP_DIV, ts_arg(p), ts_arg(s), NULL);
    ts_release(s);
    return r;
}

/* Sets d->a to the normalised probs (from probs= or logits=). */
static bool set_probs(DistObj *d, Value probs, Value logits)
{
    bool hp = !IS_UNBOUND(probs) && !IS_NONE(probs), hl = !IS_UNBOUND(logits) && !IS_NONE(logits);
    if (hp == hl) {
        rt_raise(&exc_ValueError, "Either `probs` or `logits` must be specified, but not both.");
        return false;
    }
    TsTensor *p = torch_unwrap(hp ? probs : logits), *e = NULL;
    if (!p) {
        rt_raise(&exc_TypeError, "expected a Tensor for %s", hp ? "probs" : "logits");
        return false;
    }
    if (p->ndim < 1) {
        rt_raise(&exc_ValueError, "`probs` parameter must be at least one-dimensional.");
        return false;
    }
    if (hl && !(p = e = ts_unary(TS_OP_EXP, p, NULL))) {
        torch_raise_ts();
        return false;
    }
    d->a = normalized(p);
    ts_release(e);
    if (!d->a) torch_raise_ts();
    return d->a != NULL;
}

static Value categorical_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"probs", "logits", "validate_args"};
    Value v[3];
    if (!args_parse("Categorical", args, nargs, kw, names, 3, 0, v)) return V_ERR;
    DistObj *d = dist_alloc(t);
    if (!d) return V_ERR;
    if (!set_probs(d, v[0], v[1])) {
        dist_dealloc(&d->hdr);
        return V_ERR;
    }
    return v_obj(d);
}

static Value multinomial_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"total_count", "probs", "logits", "validate_args"};
    Value v[4];
    int64_t n = 1;
    if (!args_parse("Multinomial", args, nargs, kw, names, 4, 0, v)) return V_ERR;
    if (!IS_UNBOUND(v[0]) && !num_index(v[0], &n)) return V_ERR;
    DistObj *d = dist_alloc(t);
    if (!d) return V_ERR;
    d->total_count = n;
    if (!set_probs(d, v[1], v[2])) {
        dist_dealloc(&d->hdr);
        return V_ERR;
    }
    return v_obj(d);
}

/* ------------------------------------------------------------------ */
/* sample()                                                             */
/* ------------------------------------------------------------------ */

/* sample_shape (default torch.Size([])) followed by the batch shape. */
static bool sample_shape(Value *args, int nargs, KwArgs *kw, const TsTensor *batch,
                         int batch_nd, int64_t *shape, int *n)
{
    static const char *const names[] = {"sample_shape"};
    Value v[1];
    *n = 0;
    if (!args_parse("sample", args + 1, nargs - 1, kw, names, 1, 0, v)) return false;
    if (!IS_UNBOUND(v[0]) && !torch_size_arg(v[0], shape, n, "sample")) return false;
    if (*n + batch_nd > TS_MAX_DIMS) {
        rt_raise(&exc_RuntimeError, "too many dimensions");
        return false;
    }
    for (int i = 0; i < batch_nd; i++) shape[(*n)++] = batch->sizes[i];
    return true;
}

static Value normal_sample(Value *args, int nargs, KwArgs *kw)
{
    DistObj *d = (DistObj *)args[0].o;
    int64_t shape[TS_MAX_DIMS];
    int n;
    if (!sample_shape(args, nargs, kw, d->a, d->a->ndim, shape, &n)) return V_ERR;
    TsTensor *m = ts_expand(d->a, n, shape), *s = m ? ts_expand(d->b, n, shape) : NULL;
    TsTensor *r = s ? ts_normal_tt(m, s, NULL) : NULL;
    ts_release(m);
    ts_release(s);
    return torch_wrap(r);
}

/* low + rand(shape) * (high - low) */
static Value uniform_sample(Value *args, int nargs, KwArgs *kw)
{
    DistObj *d = (DistObj *)args[0].o;
    int64_t shape[TS_MAX_DIMS];
    int n;
    if (!sample_shape(args, nargs, kw, d->a, d->a->ndim, shape, &n)) return V_ERR;
    TsTensor *r = ts_empty(n, shape, d->a->dtype, TS_CPU), *diff = NULL, *prod = NULL, *out = NULL;
    if (r && ts_uniform_(r, 0, 1, NULL) == 0 &&
        (diff = ts_binary(TS_OP_SUB, ts_arg(d->b), ts_arg(d->a), NULL)) &&
        (prod = ts_binary(TS_OP_MUL, ts_arg(r), ts_arg(diff), NULL)))
        out = ts_binary(TS_OP_ADD, ts_arg(d->a), ts_arg(prod), NULL);
    ts_release(r);
    ts_release(diff);
    ts_release(prod);
    return torch_wrap(out);
}

/* Categorical draws: multinomial(probs_2d, numel(sample_shape), True).T
 * reshaped to sample_shape + batch_shape. */
static TsTensor *categorical_draw(TsTensor *probs, int ns, const int64_t *sshape)
{
    int64_t k = probs->sizes[probs->ndim - 1], count = 1;
    int64_t shape[TS_MAX_DIMS], two[2] = {-1, k};
    for (int i = 0; i < ns; i++) count *= sshape[i];
    int n = ns;
    memcpy(shape, sshape, (size_t)ns * sizeof(int64_t));
    for (int i = 0; i < probs->ndim - 1; i++) shape[n++] = probs->sizes[i];
    TsTensor *p2 = ts_reshape(probs, 2, two), *s = NULL, *st = NULL, *r = NULL;
    if (p2 && (s = ts_multinomial(p2, count, true, NULL)) && (st = ts_t(s)))
        r = ts_reshape(st, n, shape);
    ts_release(p2);
    ts_release(s);
    ts_release(st);
    return r;
}

static Value categorical_sample(Value *args, int nargs, KwArgs *kw)
{
    DistObj *d = (DistObj *)args[0].o;
    int64_t shape[TS_MAX_DIMS];
    int n;
    if (!sample_shape(args, nargs, kw, NULL, 0, shape, &n)) return V_ERR;
    return torch_wrap(categorical_draw(d->a, n, shape));
}

/* Counts of total_count categorical draws (Multinomial.sample). */
static TsTensor *multinomial_counts(DistObj *d, int ns, const int64_t *sshape)
{
    int64_t shape[TS_MAX_DIMS], perm[TS_MAX_DIMS];
    shape[0] = d->total_count;
    memcpy(shape + 1, sshape, (size_t)ns * sizeof(int64_t));
    TsTensor *s = categorical_draw(d->a, ns + 1, shape), *sp = NULL, *cnt = NULL, *ones = NULL;
    TsTensor *r = NULL, *sc = NULL;
    if (!s) return NULL;
    for (int i = 0; i < s->ndim; i++) perm[i] = (i + 1) % s->ndim;
    int n = 0;
    for (int i = 0; i < ns; i++) shape[n++] = sshape[i];
    for (int i = 0; i < d->a->ndim; i++) shape[n++] = d->a->sizes[i];
    if ((sp = ts_permute(s, s->ndim, perm)) && (cnt = ts_zeros(n, shape, sp->dtype, TS_CPU)) &&
        (ones = ts_ones_like(sp, TS_UNDEF)) && (sc = ts_scatter_add(cnt, -1, sp, ones, cnt)))
        r = ts_to(cnt, d->a->dtype, TS_CPU, false);
    ts_release(s);
    ts_release(sp);
    ts_release(ones);
    ts_release(sc);
    ts_release(cnt);
    return r;
}

static Value multinomial_sample(Value *args, int nargs, KwArgs *kw)
{
    DistObj *d = (DistObj *)args[0].o;
    int64_t shape[TS_MAX_DIMS];
    int n;
    if (!sample_shape(args, nargs, kw, NULL, 0, shape, &n)) return V_ERR;
    return torch_wrap(multinomial_counts(d, n, shape));
}

/* Attributes: probs, loc, scale, low, high, total_count. */
static Value dist_getattr(Value self, Obj *name)
{
    DistObj *d = (DistObj *)self.o;
    const char *s = ((Str *)name)->data;
    Type *t = self.o->type;
    bool two = t == &normal_dist_type || t == &uniform_dist_type;
    TsTensor *r = NULL;
    if (!two && !strcmp(s, "probs")) r = d->a;
    else if (two && (!strcmp(s, "loc") || !strcmp(s, "low") || !strcmp(s, "mean"))) r = d->a;
    else if (two && (!strcmp(s, "scale") || !strcmp(s, "high") || !strcmp(s, "stddev"))) r = d->b;
    else if (t == &multinomial_dist_type && !strcmp(s, "total_count")) return v_int(d->total_count);
    if (!r) return V_UNBOUND;
    ts_retain(r);
    return torch_wrap(r);
}

/* '{}'.format(param): a 0-dim tensor formats as its Python number, another
 * one-element tensor as itself, a bigger one as its torch.Size. */
static bool add_param(StrBuf *b, const char *name, TsTensor *t)
{
    Value v;
    if (ts_numel(t) != 1) {
        v = torch_size_new(t->ndim, t->sizes);
    } else if (t->ndim == 0) {
        TsScalar s;
        v = ts_item(t, &s) < 0 ? torch_raise_ts() : torch_from_scalar(s);
    } else {
        ts_retain(t);
        v = torch_wrap(t);
    }
    if (IS_ERR(v)) return false;
    Value txt = torch_is_tensor(v) ? v_str(v) : v_repr(v);
    v_decref(v);
    bool ok = !IS_ERR(txt) && sb_adds(b, name) && sb_adds(b, ": ") && sb_addv(b, txt);
    v_decref(txt);
    return ok;
}

/* Distribution.__repr__: the class name and its tensor parameters. */
static Value dist_repr(Value self)
{
    DistObj *d = (DistObj *)self.o;
    Type *t = self.o->type;
    StrBuf b;
    if (!sb_init(&b, 64)) return V_ERR;
    bool ok = sb_adds(&b, t->name) && sb_addc(&b, '(');
    if (t == &normal_dist_type)
        ok = ok && add_param(&b, "loc", d->a) && sb_adds(&b, ", ") && add_param(&b, "scale", d->b);
    else if (t == &uniform_dist_type)
        ok = ok && add_param(&b, "low", d->a) && sb_adds(&b, ", ") && add_param(&b, "high", d->b);
    else if (t == &categorical_dist_type)
        ok = ok && add_param(&b, "probs", d->a);
    if (!ok || !sb_addc(&b, ')')) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

#define DIST_TYPE(var, NAME, newfn)                                                       \
    Type var = {                                                                          \
        .hdr = {IMMORTAL, &type_type}, .name = NAME, .base = &object_type,                \
        .basicsize = sizeof(DistObj), .new = newfn, .dealloc = dist_dealloc,             \
        .repr = dist_repr, .getattr = dist_getattr,                                       \
    }

DIST_TYPE(normal_dist_type, "Normal", normal_new);
DIST_TYPE(uniform_dist_type, "Uniform", uniform_new);
DIST_TYPE(categorical_dist_type, "Categorical", categorical_new);
DIST_TYPE(multinomial_dist_type, "Multinomial", multinomial_new);

#define SAMPLE_DOC "sample(sample_shape=torch.Size([])) -> Tensor\n\nGenerates a sample_shape shaped sample."

static const MethodDef normal_methods[] = {{"sample", normal_sample, SAMPLE_DOC, 0}, {NULL, NULL, NULL, 0}};
static const MethodDef uniform_methods[] = {{"sample", uniform_sample, SAMPLE_DOC, 0}, {NULL, NULL, NULL, 0}};
static const MethodDef categorical_methods[] = {{"sample", categorical_sample, SAMPLE_DOC, 0}, {NULL, NULL, NULL, 0}};
static const MethodDef multinomial_methods[] = {{"sample", multinomial_sample, SAMPLE_DOC, 0}, {NULL, NULL, NULL, 0}};

/* Adds a submodule `sub` (torch.distributions.normal) holding one class. */
static bool add_sub(Value dist, const char *sub, const char *full, Type *cls)
{
    Value m = module_new(full);
    if (IS_ERR(m)) return false;
    bool ok = dict_set_cstr(((Module *)m.o)->dict, cls->name, v_obj(cls)) >= 0 &&
              dict_set_cstr(((Module *)dist.o)->dict, cls->name, v_obj(cls)) >= 0 &&
              dict_set_cstr(((Module *)dist.o)->dict, sub, m) >= 0;
    v_decref(m);
    return ok;
}

bool torch_distributions_init(Value torch)
{
    type_add_methods(&normal_dist_type, normal_methods);
    type_add_methods(&uniform_dist_type, uniform_methods);
    type_add_methods(&categorical_dist_type, categorical_methods);
    type_add_methods(&multinomial_dist_type, multinomial_methods);
    Value dist = module_new("torch.distributions");
    if (IS_ERR(dist)) return false;
    bool ok = add_sub(dist, "normal", "torch.distributions.normal", &normal_dist_type) &&
              add_sub(dist, "uniform", "torch.distributions.uniform", &uniform_dist_type) &&
              add_sub(dist, "categorical", "torch.distributions.categorical",
                      &categorical_dist_type) &&
              add_sub(dist, "multinomial", "torch.distributions.multinomial",
                      &multinomial_dist_type) &&
              dict_set_cstr(((Module *)torch.o)->dict, "distributions", dist) >= 0;
    v_decref(dist);
    return ok;
}
