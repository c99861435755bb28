/* nn_ops.c — the loss rows of the op table (mse_loss, nll_loss and the
 * two binary cross entropies): their forward kernels and their
 * derivatives, in one place.
 *
 * torch.nn.functional (lib/torch_nn_functional.tsc) calls these rows, so
 * that a loss is one C call and its node carries PyTorch's name
 * (MseLossBackward0, NllLossBackward0, BinaryCrossEntropyBackward0, ...);
 * cross_entropy is log_softmax then nll_loss, as in PyTorch.  reduction
 * is PyTorch's enum: 0 none, 1 mean, 2 sum.  The loops work on contiguous
 * float64 copies (losses are small next to the layers before them) and
 * convert the result back to the input's dtype.
 */
#include <math.h>

#include "tensor/ops.h"
#include "torch_autograd.h"

enum { RED_NONE, RED_MEAN, RED_SUM };

/* Sums or averages all of t (TAKES t), or returns it for RED_NONE. */
static TsTensor *reduce_all(TsTensor *t, int64_t reduction)
{
    if (!t || reduction == RED_NONE) return t;
    TsTensor *r = reduction == RED_MEAN ? ts_mean(t, 0, NULL, false, TS_UNDEF)
                                        : ts_sum(t, 0, NULL, false, TS_UNDEF);
    ts_release(t);
    return r;
}

/* ---- mse_loss(input, target, reduction=1) ---- */

Value impl_mse_loss(TorchCall *c)
{
    TsTensor *d = ts_binary(TS_OP_SUB, ts_arg(c->a[0].t), ts_arg(c->a[1].t), NULL);
    TsTensor *sq = d ? ts_binary(TS_OP_MUL, ts_arg(d), ts_arg(d), NULL) : NULL;
    ts_release(d);
    return torch_wrap(reduce_all(sq, c->a[2].i));
}

/* d/dinput = norm * (input - target) * grad, norm = 2 (2/N for mean). */
int tag_bw_mse_loss(DCtx *d)
{
    const ArgInfo *in = dx_info(d, 0);
    double norm = 2.0;
    if (dx_a(d, 2)->i == RED_MEAN) {
        int64_t n = 1;
        for (int i = 0; i < in->ndim; i++) n *= in->sizes[i];
        norm = n ? 2.0 / (double)n : 0.0;
    }
    Value diff = dx_sub(d, dx_in(d, 0), dx_in(d, 1));
    Value gi = dx_mul(d, dx_mul(d, diff, dx_num(d, norm)), dx_grad(d, 0));
    if (dx_need(d, 0)) dx_set(d, 0, gi);
    if (dx_need(d, 1)) dx_set(d, 1, dx_neg(d, gi));
    return dx_status(d);
}

/* ---- nll_loss(input, target, weight=None, reduction=1, ignore_index=-100) ---- */

/* The (N, C) view of an nll_loss input: rows and classes. */
typedef struct NllShape { int64_t n, c; } NllShape;

static bool nll_shape(TsTensor *x, TsTensor *t, NllShape *s)
{
    if (x->ndim < 1 || x->ndim > 2) {
        ts_error(TS_ERR_VALUE, "Expected 2 or fewer dimensions (got %d)", x->ndim);
        return false;
    }
    s->n = x->ndim == 2 ? x->sizes[0] : 1;
    s->c = x->sizes[x->ndim - 1];
    int64_t tn = t->ndim == 0 ? 1 : t->sizes[0];
    if (t->ndim > 1 || (x->ndim == 2 && t->ndim != 1) || tn != s->n) {
        ts_error(TS_ERR_VALUE, "Expected input batch_size (%lld) to match target batch_size (%lld).",
                 (long long)s->n, (long long)tn);
        return false;
    }
    return true;
}

/* A contiguous CPU copy of t in dtype dt (the loops below index it flat). */
static TsTensor *flat_copy(TsTensor *t, TsDType dt)
{
    TsTensor *c = ts_to(t, dt, TS_CPU, true);
    if (!c || ts_is_contiguous(c)) return c;
    TsTensor *r = ts_contiguous(c);
    ts_release(c);
    return r;
}

/* Contiguous float64 copies of the operands the loops read. */
typedef struct NllData {
    TsTensor *x, *t, *w;
    const double *xd, *wd;
    const int64_t *td;
} NllData;

static void nll_data_free(NllData *nd)
{
    ts_release(nd->x);
    ts_release(nd->t);
    ts_release(nd->w);
}

static bool nll_data(TsTensor *x, TsTensor *t, TsTensor *w, NllData *nd)
{
    *nd = (NllData){0};
    if (x) nd->x = flat_copy(x, TS_FLOAT64);
    nd->t = flat_copy(t, TS_INT64);
    if (w) nd->w = flat_copy(w, TS_FLOAT64);
    if ((x && !nd->x) || !nd->t || (w && !nd->w)) {
        nll_data_free(nd);
        return false;
    }
    nd->xd = nd->x ? ts_data(nd->x) : NULL;
    nd->td = ts_data(nd->t);
    nd->wd = nd->w ? ts_data(nd->w) : NULL;
    return true;
}

/* The weight of row i (0 when ignored); false for a class out of range. */
static bool nll_weight(const NllData *nd, const NllShape *s, int64_t i, int64_t ignore, double *w)
{
    int64_t k = nd->td[i];
    if (k == ignore) {
        *w = 0;
        return true;
    }
    if (k < 0 || k >= s->c) {
        ts_error(TS_ERR_INDEX, "Target %lld is out of bounds.", (long long)k);
        return false;
    }
    *w = nd->wd ? nd->wd[k] : 1.0;
    return true;
}

/* PyTorch's CPU nll_loss reduces in the input's dtype through a cascade
 * of 8 partial sums: each row goes into level 0, and level j is carried
 * into j + 1 whenever the row index's j-th group of level_power bits is
 * zero; the levels are added in order at the end.  f32: round each
 * operation to float (exact in double first, so one rounding). */
typedef struct Cascade { double loss[8], w[8]; int power; bool f32; } Cascade;

static double cas_round(const Cascade *k, double v) { return k->f32 ? (double)(float)v : v; }

static void cascade_init(Cascade *k, int64_t n, bool f32)
{
    *k = (Cascade){.f32 = f32};
    int log2n = 0;
    while (((int64_t)1 << log2n) < n) log2n++;
    k->power = log2n / 8 > 4 ? log2n / 8 : 4;
}

static void cascade_add(Cascade *k, int64_t b, double data, double w, bool weighted)
{
    k->loss[0] = cas_round(k, k->loss[0] - (weighted ? cas_round(k, data * w) : data));
    if (weighted) k->w[0] = cas_round(k, k->w[0] + w);
    int64_t mask = ((int64_t)1 << k->power) - 1;
    for (int j = 0; j + 1 < 8; j++) {
        if (b & (mask << (j * k->power))) break;
        k->loss[j + 1] = cas_round(k, k->loss[j + 1] + k->loss[j]);
        k->w[j + 1] = cas_round(k, k->w[j + 1] + k->w[j]);
        k->loss[j] = k->w[j] = 0;
    }
}

static double cascade_sum(const Cascade *k, const double *v)
{
    double acc = 0;
    for (int j = 0; j < 8; j++) acc = cas_round(k, acc + v[j]);
    return acc;
}

Value impl_nll_loss(TorchCall *c)
{
    TsTensor *x = c->a[0].t, *t = c->a[1].t, *w = c->a[2].none ? NULL : c->a[2].t;
    int64_t reduction = c->a[3].i, ignore = c->a[4].i;
    NllShape s;
    NllData nd;
    if (!nll_shape(x, t, &s) || !nll_data(x, t, w, &nd)) return torch_raise_ts();
    int64_t one = s.n;
    TsTensor *loss = ts_empty(reduction == RED_NONE && x->ndim == 2 ? 1 : 0, &one, TS_FLOAT64, TS_CPU);
    Cascade k;
    cascade_init(&k, s.n, x->dtype != TS_FLOAT64);
    int64_t kept = 0;
    bool ok = loss != NULL;
    for (int64_t i = 0; ok && i < s.n; i++) {
        double wi = 0;
        ok = nll_weight(&nd, &s, i, ignore, &wi);
        double li = wi ? -wi * nd.xd[i * s.c + nd.td[i]] : 0.0;
        if (ok && nd.td[i] != ignore) {
            cascade_add(&k, i, nd.xd[i * s.c + nd.td[i]], wi, w != NULL);
            kept++;
        }
        if (ok && reduction == RED_NONE) ((double *)ts_data(loss))[x->ndim == 2 ? i : 0] = li;
    }
    nll_data_free(&nd);
    if (!ok) {
        ts_release(loss);
        return torch_raise_ts();
    }
    double total = cascade_sum(&k, k.loss), wsum = w ? cascade_sum(&k, k.w) : (double)kept;
    if (reduction != RED_NONE) *(double *)ts_data(loss) = reduction == RED_MEAN ? cas_round(&k, total / wsum) : total;
    TsTensor *r = ts_to(loss, x->dtype, x->device, false);
    ts_release(loss);
    return torch_wrap(r);
}

/* grad_input[i, target_i] = -w_i * grad (/ total weight for mean). */
static TsTensor *nll_grad(const ArgInfo *in, TsTensor *t, TsTensor *w, TsTensor *g,
                          int64_t reduction, int64_t ignore)
{
    NllShape s = {in->ndim == 2 ? in->sizes[0] : 1, in->sizes[in->ndim - 1]};
    NllData nd;
    TsTensor *gd = flat_copy(g, TS_FLOAT64);
    if (!gd || !nll_data(NULL, t, w, &nd)) {
        ts_release(gd);
        return NULL;
    }
    TsTensor *gi = ts_zeros(in->ndim, in->sizes, TS_FLOAT64, TS_CPU);
    const double *gv = ts_data(gd);
    double wsum = 0;
    bool ok = gi != NULL;
    for (int64_t i = 0; ok && i < s.n; i++) {
        double wi = 0;
        ok = nll_weight(&nd, &s, i, ignore, &wi);
        wsum += wi;
    }
    for (int64_t i = 0; ok && i < s.n; i++) {
        double wi = 0;
        nll_weight(&nd, &s, i, ignore, &wi);
        double gi_ = reduction == RED_NONE ? gv[ts_numel(gd) > 1 ? i : 0] : gv[0];
        if (reduction == RED_MEAN) gi_ /= wsum;
        if (wi) ((double *)ts_data(gi))[i * s.c + nd.td[i]] = -wi * gi_;
    }
    nll_data_free(&nd);
    ts_release(gd);
    if (!ok) {
        ts_release(gi);
        return NULL;
    }
    TsTensor *r = ts_to(gi, in->dtype, g->device, false);
    ts_release(gi);
    return r;
}

/* The gradient is linear in grad: the coefficients (nll_grad of a grad of
 * ones, a constant) times grad through the op table, so that with
 * create_graph=True it is differentiable in grad (double backward). */
int tag_bw_nll_loss(DCtx *d)
{
    if (!dx_need(d, 0)) return 0;
    Value g = dx_grad(d, 0), t = dx_in(d, 1);
    Value w = dx_a(d, 2)->none ? V_NONE : dx_in(d, 2);
    if (IS_ERR(g) || IS_ERR(t) || IS_ERR(w)) return -1;
    TsTensor *gt = torch_unwrap(g);
    TsTensor *ones = ts_ones_like(gt, gt->dtype);
    TsTensor *r = ones ? nll_grad(dx_info(d, 0), torch_unwrap(t), IS_NONE(w) ? NULL : torch_unwrap(w),
                                  ones, dx_a(d, 3)->i, dx_a(d, 4)->i) : NULL;
    ts_release(ones);
    Value coef = dx_keep(d, torch_wrap(r));
    /* reduction='none' on (N, C): one grad per row */
    if (gt->ndim == 1) {
        Value args[2] = {g, dx_int(d, 1)};
        g = dx_call(d, "unsqueeze", 2, args);
    }
    dx_set(d, 0, dx_mul(d, coef, g));
    return dx_status(d);
}

/* ---- binary_cross_entropy(input, target, weight=None, reduction=1) ----
 * The logs are clamped at -100 (PyTorch's rule), so 0 * log(0) is 0. */

Value impl_binary_cross_entropy(TorchCall *c)
{
    TsTensor *x = c->a[0].t, *t = c->a[1].t, *w = c->a[2].none ? NULL : c->a[2].t;
    if (ts_numel(x) != ts_numel(t))
        return rt_raise(&exc_ValueError, "Using a target size that is different to the input size is deprecated. "
                                         "Please ensure they have the same size.");
    TsTensor *xd = flat_copy(x, TS_FLOAT64), *td = flat_copy(t, TS_FLOAT64);
    TsTensor *wd = w ? ts_expand(w, x->ndim, x->sizes) : NULL;
    TsTensor *wc = wd ? flat_copy(wd, TS_FLOAT64) : NULL;
    TsTensor *loss = xd && td && (!w || wc) ? ts_empty(x->ndim, x->sizes, TS_FLOAT64, TS_CPU) : NULL;
    bool ok = loss != NULL;
    int64_t n = ts_numel(x);
    for (int64_t i = 0; ok && i < n; i++) {
        double xi = ((double *)ts_data(xd))[i], ti = ((double *)ts_data(td))[i];
        if (xi < 0 || xi > 1) {
            ok = false;
            ts_error(TS_ERR_RUNTIME, "all elements of input should be between 0 and 1");
            break;
        }
        double l1 = log(xi) < -100 ? -100 : log(xi), l0 = log1p(-xi) < -100 ? -100 : log1p(-xi);
        double li = -(ti * l1 + (1 - ti) * l0);
        ((double *)ts_data(loss))[i] = wc ? li * ((double *)ts_data(wc))[i] : li;
    }
    ts_release(xd);
    ts_release(td);
    ts_release(wd);
    ts_release(wc);
    if (!ok) {
        ts_release(loss);
        return torch_raise_ts();
    }
    TsTensor *r = ts_to(loss, x->dtype, x->device, false);
    ts_release(loss);
    return torch_wrap(reduce_all(r, c->a[3].i));
}

/* The 1/N of a mean reduction over input arg k (1 otherwise). */
static double mean_scale(DCtx *d, int k, int64_t reduction)
{
    if (reduction != RED_MEAN) return 1.0;
    const ArgInfo *in = dx_info(d, k);
    int64_t n = 1;
    for (int i = 0; i < in->ndim; i++) n *= in->sizes[i];
    return n ? 1.0 / (double)n : 0.0;
}

/* g * grad * weight (weight: tensor arg kw, when given), / N for mean. */
static Value bce_scale(DCtx *d, Value g, int kw, int kred)
{
    g = dx_mul(d, g, dx_grad(d, 0));
    if (!dx_a(d, kw)->none) g = dx_mul(d, g, dx_in(d, kw));
    double s = mean_scale(d, 0, dx_a(d, kred)->i);
    return s != 1.0 ? dx_mul(d, g, dx_num(d, s)) : g;
}

/* max(v, -100): PyTorch's clamp of the logs. */
static Value clamp_log(DCtx *d, Value v)
{
    Value args[2] = {v, dx_num(d, -100.0)};
    return dx_call(d, "clamp_min", 2, args);
}

/* d/dx: (x - t) / max(x (1 - x), 1e-12); d/dt: log(1 - x) - log(x);
 * both times grad * weight, / N for mean. */
int tag_bw_binary_cross_entropy(DCtx *d)
{
    Value x = dx_in(d, 0), t = dx_in(d, 1);
    if (dx_need(d, 0)) {
        Value den = dx_mul(d, dx_sub(d, dx_num(d, 1.0), x), x);
        Value args[2] = {den, dx_num(d, 1e-12)};
        Value gi = dx_div(d, dx_sub(d, x, t), dx_call(d, "clamp_min", 2, args));
        dx_set(d, 0, bce_scale(d, gi, 2, 3));
    }
    if (dx_need(d, 1)) {
        Value l0 = clamp_log(d, dx_un(d, "log1p", dx_neg(d, x)));
        Value gt = dx_sub(d, l0, clamp_log(d, dx_un(d, "log", x)));
        dx_set(d, 1, bce_scale(d, gt, 2, 3));
    }
    return dx_status(d);
}

/* ---- binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction) ----
 * (1 - t) x + (1 + (pw - 1) t) (log(1 + exp(-|x|)) + max(-x, 0)): stable
 * for large |x|. */

Value impl_binary_cross_entropy_with_logits(TorchCall *c)
{
    TsTensor *x = c->a[0].t, *t = c->a[1].t;
    TsTensor *w = c->a[2].none ? NULL : c->a[2].t, *pw = c->a[3].none ? NULL : c->a[3].t;
    if (ts_numel(x) != ts_numel(t))
        return rt_raise(&exc_ValueError, "Target size must be the same as input size");
    TsTensor *xd = flat_copy(x, TS_FLOAT64), *td = flat_copy(t, TS_FLOAT64);
    TsTensor *we = w ? ts_expand(w, x->ndim, x->sizes) : NULL, *wc = we ? flat_copy(we, TS_FLOAT64) : NULL;
    TsTensor *pe = pw ? ts_expand(pw, x->ndim, x->sizes) : NULL, *pc = pe ? flat_copy(pe, TS_FLOAT64) : NULL;
    bool ok = xd && td && (!w || wc) && (!pw || pc);
    TsTensor *loss = ok ? ts_empty(x->ndim, x->sizes, TS_FLOAT64, TS_CPU) : NULL;
    int64_t n = ts_numel(x);
    for (int64_t i = 0; loss && i < n; i++) {
        double xi = ((double *)ts_data(xd))[i], ti = ((double *)ts_data(td))[i];
        double mx = xi < 0 ? -xi : 0;
        double soft = log(exp(-mx) + exp(-xi - mx)) + mx;
        double lw = pc ? 1 + (((double *)ts_data(pc))[i] - 1) * ti : 1;
        double li = (1 - ti) * xi + lw * soft;
        ((double *)ts_data(loss))[i] = wc ? li * ((double *)ts_data(wc))[i] : li;
    }
    ts_release(xd);
    ts_release(td);
    ts_release(we);
    ts_release(wc);
    ts_release(pe);
    ts_release(pc);
    TsTensor *r = loss ? ts_to(loss, x->dtype, x->device, false) : NULL;
    ts_release(loss);
    return torch_wrap(reduce_all(r, c->a[4].i));
}

/* d/dx = sigmoid(x) (1 + (pw - 1) t) - pw t;
 * d/dt = -x + (pw - 1) softplus(-x), softplus(-x) = max(-x, 0) + log1p(exp(-|x|));
 * both times grad * weight, / N for mean. */
int tag_bw_bce_with_logits(DCtx *d)
{
    Value x = dx_in(d, 0), t = dx_in(d, 1);
    bool pw = !dx_a(d, 3)->none;
    if (dx_need(d, 0)) {
        Value sg = dx_un(d, "sigmoid", x), gi;
        if (!pw) {
            gi = dx_sub(d, sg, t);
        } else {
            Value pt = dx_mul(d, dx_in(d, 3), t);
            Value lw = dx_add(d, dx_sub(d, pt, t), dx_num(d, 1.0));
            gi = dx_sub(d, dx_mul(d, sg, lw), pt);
        }
        dx_set(d, 0, bce_scale(d, gi, 2, 4));
    }
    if (dx_need(d, 1)) {
        Value gt = dx_neg(d, x);
        if (pw) {
            Value args[2] = {gt, dx_num(d, 0.0)};
            Value e = dx_un(d, "exp", dx_neg(d, dx_un(d, "abs", x)));
            Value sp = dx_add(d, dx_call(d, "clamp_min", 2, args), dx_un(d, "log1p", e));
            gt = dx_add(d, gt, dx_mul(d, dx_sub(d, dx_in(d, 3), dx_num(d, 1.0)), sp));
        }
        dx_set(d, 1, bce_scale(d, gt, 2, 4));
    }
    return dx_status(d);
}
