/* torch_create.c — making tensors from Python data and the creation
 * functions: torch.tensor / as_tensor / from_numpy, Tensor.new_tensor,
 * tolist(), and the impls of the factory rows of torch_ops.def (empty /
 * zeros / ones / full / eye / arange / linspace / logspace, the *_like
 * functions and Tensor.new_empty / new_zeros / new_ones / new_full).
 *
 * The factory rows carry F_FACTORY: the dispatcher binds them like any
 * row (sizes as varargs, a tuple, a list or a torch.Size; the
 * `TensorOptions` keywords) and records no graph node; torch_call_factory
 * reads the keywords and torch_factory_finish moves the result to
 * its device, writes out= and sets requires_grad.
 *
 * Not rows, on purpose: torch.tensor / as_tensor / Tensor.new_tensor take
 * `data`, any nesting of sequences, numbers, tensors and ndarrays, which
 * no signature type describes (PyTorch parses it by hand too: its
 * signature says `PyObject* data`), and as_tensor returns its argument
 * itself or shares an ndarray's memory; from_numpy shares memory.  They
 * keep MethodDef rows and bind with torch_bind.  torch.normal / bernoulli
 * / multinomial (torch_random.c) are samplers of tensor inputs, not
 * factories, and also stay MethodDefs.
 *
 * torch.tensor(data) follows PyTorch's two passes: the shape comes from
 * descending through the first element of each nested sequence, the dtype
 * from promoting every leaf (bool < int64 < default float, a tensor or an
 * ndarray contributes its own dtype); a second pass stores the leaves and
 * checks each sequence's length against the shape.  The kernels are the
 * tensor library's (ts_empty, ts_full, ts_arange ...); this file only
 * binds arguments and converts values.
 */
#include <string.h>

#include "objects.h"
#include "torch_create.h"
#include "torch_private.h"

/* ------------------------------------------------------------------ */
/* argument binding shared by the factory functions                     */
/* ------------------------------------------------------------------ */

static const char *const factory_names[] = {
    "dtype", "device", "requires_grad", "out", "generator", "layout", "pin_memory",
    "memory_format",
};
enum { FK_DTYPE, FK_DEVICE, FK_GRAD, FK_OUT, FK_GEN, FK_NFACTORY = 8 };

/* Stores one factory keyword; false with TypeError. */
static bool factory_set(TorchFactory *f, int which, Value v, const char *fname)
{
    switch (which) {
    case FK_DTYPE: {
        TsDType dt;
        if (!torch_to_dtype(v, &dt)) return false;
        f->dtype = dt;
        return true;
    }
    case FK_DEVICE:
        if (IS_NONE(v)) return true;
        f->device_given = true;
        return torch_to_device(v, &f->device);
    case FK_GRAD: {
        int b = v_truth(v);
        if (b < 0) return false;
        f->requires_grad = b;
        return true;
    }
    case FK_OUT:
        if (IS_NONE(v)) return true;
        if (!torch_is_tensor(v)) {
            rt_raise(&exc_TypeError, "%s(): argument 'out' must be Tensor, not %s", fname,
                     v_typename(v));
            return false;
        }
        f->out = v;
        return true;
    case FK_GEN:
        f->generator = v;
        return true;
    default:
        return true; /* layout, pin_memory, memory_format: ignored on the CPU */
    }
}

static int find_name(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0) return i;
    return -1;
}

bool torch_bind(const char *fname, Value *args, int nargs, KwArgs *kw,
                const char *const *names, int nnames, int nreq, Value *vals,
                TorchFactory *f, bool varargs)
{
    *f = (TorchFactory){.dtype = TS_UNDEF, .device = TS_CPU, .out = V_UNBOUND,
                        .generator = V_UNBOUND};
    for (int i = 0; i < nnames; i++) vals[i] = V_UNBOUND;
    if (!varargs) {
        if (nargs > nnames) { /* PyTorch's argument parser words it so */
            if (nreq == nnames)
                rt_raise(&exc_TypeError, "%s() takes %d positional argument%s but %d were given",
                         fname, nnames, nnames == 1 ? "" : "s", nargs);
            else
                rt_raise(&exc_TypeError,
                         "%s() takes from %d to %d positional arguments but %d were given", fname,
                         nreq, nnames, nargs);
            return false;
        }
        for (int i = 0; i < nargs; i++) vals[i] = args[i];
    }
    for (int k = 0; kw && k < kw->n; k++) {
        const char *kn = ((Str *)kw->names[k])->data;
        int i = find_name(names, nnames, kn);
        if (i >= 0) {
            if (!IS_UNBOUND(vals[i])) {
                rt_raise(&exc_TypeError, "%s() got multiple values for argument '%s'", fname,
                         kn);
                return false;
            }
            vals[i] = kw->vals[k];
            continue;
        }
        int j = find_name(factory_names, FK_NFACTORY, kn);
        if (j < 0) {
            rt_raise(&exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn);
            return false;
        }
        if (!factory_set(f, j, kw->vals[k], fname)) return false;
    }
    for (int i = 0; i < nreq; i++) {
        if (IS_UNBOUND(vals[i])) {
            rt_raise(&exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                     names[i], i + 1);
            return false;
        }
    }
    return true;
}

/* Writes t into the out= tensor (resizing it as PyTorch does). */
static Value finish_out(TsTensor *t, Value outv)
{
    TsTensor *o = torch_unwrap(outv);
    if (ts_resize_(o, t->ndim, t->sizes) < 0 || ts_copy_(o, t) < 0) {
        ts_release(t);
        return torch_raise_ts();
    }
    ts_release(t);
    return v_incref(outv);
}

Value torch_factory_finish(TsTensor *t, const TorchFactory *f)
{
    if (!t) return torch_raise_ts();
    if (f->device != t->device) {
        TsTensor *m = ts_to(t, TS_UNDEF, f->device, false);
        ts_release(t);
        if (!m) return torch_raise_ts();
        t = m;
    }
    if (!IS_UNBOUND(f->out)) return finish_out(t, f->out);
    if (f->requires_grad && !ts_dtype_is_float(t->dtype)) { /* the factories' own wording */
        ts_release(t);
        return rt_raise(&exc_RuntimeError,
                        "Only Tensors of floating point and complex dtype can require gradients");
    }
    Value r = torch_wrap(t);
    if (IS_ERR(r) || !f->requires_grad) return r;
    /* requires_grad belongs to the autograd layer: go through the
     * attribute so that this file needs no knowledge of it. */
    if (v_setattr(r, str_intern("requires_grad"), v_bool(true)) < 0) {
        v_decref(r);
        return V_ERR;
    }
    return r;
}

/* ------------------------------------------------------------------ */
/* small conversions                                                    */
/* ------------------------------------------------------------------ */

bool torch_scalar_arg(Value v, TsScalar *out, const char *fname, const char *argname)
{
    if (torch_to_scalar(v, out)) return true;
    TsTensor *t = torch_unwrap(v);
    if (t && ts_numel(t) == 1) {
        if (ts_item(t, out) < 0) return !IS_ERR(torch_raise_ts());
        return true;
    }
    rt_raise(&exc_TypeError, "%s(): argument '%s' must be Number, not %s", fname, argname,
             v_typename(v));
    return false;
}

bool torch_int_arg(Value v, int64_t *out, const char *fname, const char *argname)
{
    if (IS_INT(v) || IS_BOOL(v)) {
        *out = IS_INT(v) ? v.i : v.b;
        return true;
    }
    TsTensor *t = torch_unwrap(v);
    TsScalar s;
    if (t && t->ndim == 0 && !ts_dtype_is_float(t->dtype) && ts_item(t, &s) == 0) {
        *out = s.i;
        return true;
    }
    rt_raise(&exc_TypeError, "%s(): argument '%s' must be int, not %s", fname, argname,
             v_typename(v));
    return false;
}

bool torch_float_arg(Value v, double *out, const char *fname, const char *argname)
{
    TsScalar s;
    if (torch_to_scalar(v, &s)) {
        *out = ts_scalar_to_f64(s);
        return true;
    }
    TsTensor *t = torch_unwrap(v);
    if (t && ts_numel(t) == 1 && ts_item(t, &s) == 0) {
        *out = ts_scalar_to_f64(s);
        return true;
    }
    rt_raise(&exc_TypeError, "%s(): argument '%s' must be float, not %s", fname, argname,
             v_typename(v));
    return false;
}

bool torch_size_arg(Value v, int64_t *sizes, int *n, const char *fname)
{
    return torch_to_sizes(&v, 1, sizes, n, fname);
}

/* ------------------------------------------------------------------ */
/* torch.tensor(data): shape and dtype inference                        */
/* ------------------------------------------------------------------ */

static bool is_seq(Value v)
{
    return IS_OBJ(v) && (v_isinstance(v, &list_type) || v_isinstance(v, &tuple_type));
}

/* Items of a list or tuple (borrowed). */
static Value *seq_items_of(Value v, int64_t *n)
{
    if (v_isinstance(v, &list_type)) {
        List *l = (List *)v.o;
        *n = l->len;
        return l->items;
    }
    Tuple *t = (Tuple *)v.o;
    *n = t->len;
    return t->items;
}

/* Pass 1a: the shape, from the first element of each nesting level. */
static bool infer_shape(Value data, int *ndim, int64_t *sizes)
{
    *ndim = 0;
    Value v = data;
    while (is_seq(v) || IS_TYPE(v, &str_type)) {
        if (*ndim == TS_MAX_DIMS || IS_TYPE(v, &str_type)) {
            rt_raise(&exc_ValueError, "too many dimensions '%s'", v_typename(v));
            return false;
        }
        int64_t n;
        Value *items = seq_items_of(v, &n);
        sizes[(*ndim)++] = n;
        if (n == 0) break;
        v = items[0];
    }
    /* an ndarray inside a list is a nested sequence of its own shape */
    TsTensor *a = *ndim > 0 ? np_unwrap(v) : NULL;
    if (a && *ndim + a->ndim > TS_MAX_DIMS) {
        rt_raise(&exc_ValueError, "too many dimensions 'ndarray'");
        return false;
    }
    for (int i = 0; a && i < a->ndim; i++) sizes[(*ndim)++] = a->sizes[i];
    return true;
}

/* Pass 1b: the promoted dtype of every leaf; *seen false while only empty
 * sequences were met (then the default float dtype applies). */
static bool infer_dtype(Value v, TsDType *dt, bool *seen)
{
    TsDType leaf;
    if (is_seq(v)) {
        int64_t n;
        Value *items = seq_items_of(v, &n);
        for (int64_t i = 0; i < n; i++)
            if (!infer_dtype(items[i], dt, seen)) return false;
        return true;
    }
    TsScalar s;
    TsTensor *t = torch_unwrap(v);
    if (!t) t = np_unwrap(v);
    if (t)
        leaf = t->dtype;
    else if (torch_to_scalar(v, &s))
        leaf = ts_scalar_dtype(s);
    else {
        rt_raise(&exc_RuntimeError, "Could not infer dtype of %s", v_typename(v));
        return false;
    }
    *dt = *seen ? ts_promote_types(*dt, leaf) : leaf;
    *seen = true;
    return true;
}

typedef struct Filler {
    char *p;         /* next element to write */
    TsDType dt;
    size_t isz;
    int ndim;
    const int64_t *sizes;
} Filler;

/* Stores one leaf (a number or a one-element tensor) at f->p. */
static bool store_leaf(Filler *f, Value v)
{
    TsScalar s;
    TsTensor *t = torch_unwrap(v);
    if (!t) t = np_unwrap(v);
    if (t) {
        if (ts_numel(t) != 1) {
            rt_raise(&exc_ValueError, "only one element tensors can be converted to Python scalars");
            return false;
        }
        if (ts_item(t, &s) < 0) return !IS_ERR(torch_raise_ts());
    } else if (!torch_to_scalar(v, &s)) {
        if (is_seq(v))
            rt_raise(&exc_TypeError, "'%s' object cannot be interpreted as %s", v_typename(v),
                     ts_dtype_is_float(f->dt) ? "a float" : "an integer");
        else
            rt_raise(&exc_TypeError, "must be real number, not %s", v_typename(v));
        return false;
    }
    ts_store_scalar(f->p, f->dt, s);
    f->p += f->isz;
    return true;
}

/* Pass 2: stores the leaves in row-major order, checking every length. */
/* Stores the elements of an ndarray met at nesting level dim (its shape
 * must be the remaining dims of the result). */
static bool store_array(Filler *f, TsTensor *a, int dim)
{
    bool same = a->ndim == f->ndim - dim;
    for (int i = 0; same && i < a->ndim; i++) same = a->sizes[i] == f->sizes[dim + i];
    if (!same) {
        rt_raise(&exc_ValueError, "expected sequence of length %lld at dim %d (got %lld)",
                 (long long)f->sizes[dim], dim, (long long)(a->ndim ? a->sizes[0] : 0));
        return false;
    }
    for (int64_t i = 0, n = ts_numel(a); i < n; i++) {
        TsScalar s;
        if (ts_get_flat(a, i, &s) < 0) return !IS_ERR(torch_raise_ts());
        ts_store_scalar(f->p, f->dt, s);
        f->p += f->isz;
    }
    return true;
}

static bool store_data(Filler *f, Value v, int dim)
{
    if (dim == f->ndim) return store_leaf(f, v);
    TsTensor *a = np_unwrap(v);
    if (a) return store_array(f, a, dim);
    if (!is_seq(v)) {
        rt_raise(&exc_TypeError, "not a sequence");
        return false;
    }
    int64_t n;
    Value *items = seq_items_of(v, &n);
    if (n != f->sizes[dim]) {
        rt_raise(&exc_ValueError, "expected sequence of length %lld at dim %d (got %lld)",
                 (long long)f->sizes[dim], dim, (long long)n);
        return false;
    }
    for (int64_t i = 0; i < n; i++)
        if (!store_data(f, items[i], dim + 1)) return false;
    return true;
}

/* A copy of an existing tensor or ndarray in dtype / on device. */
static TsTensor *copy_tensor(TsTensor *src, TsDType dtype, int device)
{
    TsTensor *r = ts_to(src, dtype, device, true);
    if (!r) torch_raise_ts();
    return r;
}

TsTensor *torch_tensor_from_data(Value data, TsDType dtype, int device)
{
    TsTensor *src = torch_unwrap(data);
    if (!src) src = np_unwrap(data);
    if (src) return copy_tensor(src, dtype, device);
    if (IS_TYPE(data, &str_type)) {
        rt_raise(&exc_TypeError, "new(): invalid data type 'str'");
        return NULL;
    }
    if (IS_TYPE(data, &range_type)) { /* a range is a sequence too */
        Value l = list_from_iter(data);
        if (IS_ERR(l)) return NULL;
        TsTensor *r = torch_tensor_from_data(l, dtype, device);
        v_decref(l);
        return r;
    }
    int ndim;
    int64_t sizes[TS_MAX_DIMS];
    if (!infer_shape(data, &ndim, sizes)) return NULL;
    TsDType dt = ts_default_float();
    bool seen = false;
    if (!infer_dtype(data, &dt, &seen)) return NULL;
    if (dtype != TS_UNDEF) dt = dtype;
    TsTensor *t = ts_empty(ndim, sizes, dt, TS_CPU);
    if (!t) {
        torch_raise_ts();
        return NULL;
    }
    Filler f = {.p = ts_data(t), .dt = dt, .isz = ts_dtype_size(dt), .ndim = ndim,
                .sizes = sizes};
    if (!store_data(&f, data, 0)) {
        ts_release(t);
        return NULL;
    }
    if (device != TS_CPU) {
        TsTensor *m = copy_tensor(t, TS_UNDEF, device);
        ts_release(t);
        return m;
    }
    return t;
}

/* ------------------------------------------------------------------ */
/* tolist                                                               */
/* ------------------------------------------------------------------ */

/* Builds the nested lists of dims [dim, ndim) starting at flat element
 * *pos (logical order). */
static Value tolist_rec(TsTensor *t, int dim, int64_t *pos)
{
    if (dim == t->ndim) {
        TsScalar s;
        if (ts_get_flat(t, (*pos)++, &s) < 0) return torch_raise_ts();
        return torch_from_scalar(s);
    }
    Value l = list_new(0);
    if (IS_ERR(l)) return l;
    for (int64_t i = 0; i < t->sizes[dim]; i++) {
        Value item = tolist_rec(t, dim + 1, pos);
        if (IS_ERR(item) || list_append(l, item) < 0) {
            v_decref(item);
            v_decref(l);
            return V_ERR;
        }
        v_decref(item);
    }
    return l;
}

Value torch_tolist(TsTensor *t)
{
    TsTensor *h = ts_to(t, TS_UNDEF, TS_CPU, false);
    if (!h) return torch_raise_ts();
    int64_t pos = 0;
    Value r = tolist_rec(h, 0, &pos);
    ts_release(h);
    return r;
}

/* ------------------------------------------------------------------ */
/* torch.tensor / as_tensor / from data                                 */
/* ------------------------------------------------------------------ */

static Value f_tensor(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"data"};
    Value v[1];
    TorchFactory f;
    if (!torch_bind("tensor", args, nargs, kw, names, 1, 1, v, &f, false)) return V_ERR;
    TsTensor *t = torch_tensor_from_data(v[0], f.dtype, TS_CPU);
    if (!t) return V_ERR;
    return torch_factory_finish(t, &f);
}

/* as_tensor shares when nothing needs converting: the same Tensor value
 * itself, or a view of an ndarray's memory. */
static Value f_as_tensor(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"data"};
    Value v[1];
    TorchFactory f;
    if (!torch_bind("as_tensor", args, nargs, kw, names, 1, 1, v, &f, false)) return V_ERR;
    TsTensor *src = torch_unwrap(v[0]);
    if (src && (f.dtype == TS_UNDEF || f.dtype == src->dtype) &&
        (!f.device_given || f.device == src->device))
        return v_incref(v[0]);
    if (!src) src = np_unwrap(v[0]);
    if (src) {
        TsTensor *r = ts_to(src, f.dtype, f.device_given ? f.device : src->device, false);
        if (r == src) {
            ts_release(r);
            r = ts_alias(src);
        }
        return torch_wrap(r);
    }
    TsTensor *t = torch_tensor_from_data(v[0], f.dtype, TS_CPU);
    if (!t) return V_ERR;
    return torch_factory_finish(t, &f);
}

/* ------------------------------------------------------------------ */
/* empty / zeros / ones / full / eye / arange / linspace / logspace,      */
/* *_like and Tensor.new_*: rows of torch_ops.def (F_FACTORY)           */
/* ------------------------------------------------------------------ */

/* The factory's keywords sit where the matched overload's signature
 * says (found once, at parse time: torch_sig.c). */
bool torch_call_factory(const TorchCall *c, TorchFactory *f)
{
    const TorchSig *s = torch_call_sig(c);
    const TorchArg *opts = s->opts_index >= 0 ? &c->a[s->opts_index] : NULL;
    const TorchArg *gen = s->gen_index >= 0 ? &c->a[s->gen_index] : NULL;
    const TorchArg *names = s->names_index >= 0 ? &c->a[s->names_index] : NULL;
    *f = (TorchFactory){.dtype = TS_UNDEF, .device = TS_CPU,
                        .out = c->out ? c->out_v : V_UNBOUND,
                        .generator = gen ? gen->v : V_UNBOUND};
    if (names && !names->none) {
        rt_raise(&exc_NotImplementedError, "%s(): named tensors are not supported", c->op->name);
        return false;
    }
    if (opts && !opts[0].none) f->dtype = (TsDType)opts[0].i;
    if (opts && !opts[2].none) {
        f->device_given = true;
        f->device = (int)opts[2].i;
    }
    f->requires_grad = opts && opts[4].i;
    if (c->out && f->dtype != TS_UNDEF && f->dtype != c->out->dtype) {
        rt_raise(&exc_RuntimeError, "dtype %s does not match dtype of out parameter (%s)",
                 ts_dtype_short(f->dtype), ts_dtype_short(c->out->dtype));
        return false;
    }
    return true;
}

/* What a *_like function or Tensor.new_* takes from its tensor: the
 * device, and for new_* the dtype too, unless given. */
static void like_defaults(TorchFactory *f, const TsTensor *t, bool dtype_too)
{
    if (dtype_too && f->dtype == TS_UNDEF) f->dtype = t->dtype;
    if (!f->device_given) f->device = t->device;
}

typedef TsTensor *(*SizedMaker)(int ndim, const int64_t *sizes, TsDType dtype, int device);

/* empty/zeros/ones(*size, *, out, TensorOptions): size is a[0]. */
static Value sized(TorchCall *c, SizedMaker make)
{
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    return torch_factory_finish(make(c->a[0].n, c->a[0].list, f.dtype, TS_CPU), &f);
}

Value impl_empty(TorchCall *c) { return sized(c, ts_empty); }
Value impl_zeros(TorchCall *c) { return sized(c, ts_zeros); }
Value impl_ones(TorchCall *c) { return sized(c, ts_ones); }

Value impl_full(TorchCall *c)
{
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    return torch_factory_finish(ts_full(c->a[0].n, c->a[0].list, c->a[1].s, f.dtype, TS_CPU), &f);
}

/* eye(n) | eye(n, m) */
Value impl_eye(TorchCall *c)
{
    bool has_m = c->overload == 1;
    int64_t n = c->a[0].i, m = has_m ? c->a[1].i : -1;
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    if (n < 0 || (has_m && m < 0))
        return rt_raise(&exc_RuntimeError, "%s must be greater or equal to 0, got %lld",
                        n < 0 ? "n" : "m", (long long)(n < 0 ? n : m));
    return torch_factory_finish(ts_eye(n, m, f.dtype, TS_CPU), &f);
}

/* arange(end) | arange(start, end) | arange(start, end, step=1) */
Value impl_arange(TorchCall *c)
{
    bool one = c->overload == 0;
    TsScalar start = one ? ts_scalar_i(0) : c->a[0].s, end = one ? c->a[0].s : c->a[1].s;
    TsScalar step = c->overload == 2 ? c->a[2].s : ts_scalar_i(1);
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    return torch_factory_finish(ts_arange(start, end, step, f.dtype, TS_CPU), &f);
}

/* linspace(start, end, steps) and logspace(start, end, steps, base). */
static Value spaced(TorchCall *c, bool log)
{
    double start = ts_scalar_to_f64(c->a[0].s), end = ts_scalar_to_f64(c->a[1].s);
    int64_t steps = c->a[2].i;
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    if (steps < 0) return rt_raise(&exc_RuntimeError, "number of steps must be non-negative");
    TsTensor *t = log ? ts_logspace(start, end, steps, c->a[3].f, f.dtype, TS_CPU)
                      : ts_linspace(start, end, steps, f.dtype, TS_CPU);
    return torch_factory_finish(t, &f);
}

Value impl_linspace(TorchCall *c) { return spaced(c, false); }
Value impl_logspace(TorchCall *c) { return spaced(c, true); }

/* *_like(input, *, TensorOptions): the result keeps input's dtype (the
 * kernel's TS_UNDEF) and device unless given. */
typedef TsTensor *(*LikeMaker)(TsTensor *t, TsDType dtype);

static Value like(TorchCall *c, LikeMaker make)
{
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    like_defaults(&f, c->a[0].t, false);
    return torch_factory_finish(make(c->a[0].t, f.dtype), &f);
}

Value impl_empty_like(TorchCall *c) { return like(c, ts_empty_like); }
Value impl_zeros_like(TorchCall *c) { return like(c, ts_zeros_like); }
Value impl_ones_like(TorchCall *c) { return like(c, ts_ones_like); }

Value impl_full_like(TorchCall *c)
{
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    like_defaults(&f, c->a[0].t, false);
    return torch_factory_finish(ts_full_like(c->a[0].t, c->a[1].s, f.dtype), &f);
}

/* Tensor.new_*(*size): self is a[0]; self's dtype and device by default. */
static Value new_sized(TorchCall *c, SizedMaker make)
{
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    like_defaults(&f, c->a[0].t, true);
    return torch_factory_finish(make(c->a[1].n, c->a[1].list, f.dtype, TS_CPU), &f);
}

Value impl_new_empty(TorchCall *c) { return new_sized(c, ts_empty); }
Value impl_new_zeros(TorchCall *c) { return new_sized(c, ts_zeros); }
Value impl_new_ones(TorchCall *c) { return new_sized(c, ts_ones); }

Value impl_new_full(TorchCall *c)
{
    TorchFactory f;
    if (!torch_call_factory(c, &f)) return V_ERR;
    like_defaults(&f, c->a[0].t, true);
    return torch_factory_finish(ts_full(c->a[1].n, c->a[1].list, c->a[2].s, f.dtype, TS_CPU), &f);
}

/* Tensor.new_tensor(data) copies data into self's dtype unless dtype= is
 * given (not a row: see the header). */
static Value m_new_tensor(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"data"};
    Value v[1];
    TorchFactory f;
    if (!torch_bind("new_tensor", args + 1, nargs - 1, kw, names, 1, 1, v, &f, false))
        return V_ERR;
    like_defaults(&f, torch_unwrap(args[0]), true);
    TsTensor *t = torch_tensor_from_data(v[0], f.dtype, TS_CPU);
    if (!t) return V_ERR;
    return torch_factory_finish(t, &f);
}

/* ------------------------------------------------------------------ */
/* registration                                                         */
/* ------------------------------------------------------------------ */

static const MethodDef create_functions[] = {
    {"tensor", f_tensor,
     "tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False) -> Tensor\n\n"
     "Constructs a tensor with no autograd history by copying data.", 0},
    {"as_tensor", f_as_tensor,
     "as_tensor(data, dtype=None, device=None) -> Tensor\n\n"
     "Converts data into a tensor, sharing data and preserving autograd history if possible.", 0},
    {"from_numpy", np_from_numpy,
     "from_numpy(ndarray) -> Tensor\n\n"
     "Creates a Tensor from a numpy.ndarray; the two share memory.", 0},
    {NULL, NULL, NULL, 0},
};

static const MethodDef create_methods[] = {
    {"new_tensor", m_new_tensor,
     "new_tensor(data, *, dtype=None, device=None, requires_grad=False) -> Tensor\n\n"
     "Returns a new Tensor with data as the tensor data.", 0},
    {"numpy", np_tensor_numpy,
     "numpy(*, force=False) -> numpy.ndarray\n\n"
     "Returns the tensor as a NumPy ndarray sharing its memory.", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_create_init(Value torch)
{
    module_add_functions(torch, create_functions);
    type_add_methods(&tensor_type, create_methods);
    type_add_methods(&tensor_type, torch_index_methods);
    np_types_init();
    return true;
}
