/* print.c — PyTorch's tensor repr, character for character.
 *
 * The shape of torch/_tensor_str.py, in C:
 *   1. pick the elements that will be shown (all, or with `edgeitems` at
 *      each end of every long dimension when numel > threshold);
 *   2. build ONE formatter from them: bool/int width, or for floats the
 *      integer / fixed / scientific mode and the column width, decided
 *      only by the finite non-zero values;
 *   3. lay out the nested brackets recursively, wrapping 1-D rows so that
 *      they fit the line width;
 *   4. append the suffixes (device, dtype, size, grad_fn / requires_grad)
 *      with their own line-breaking rule.
 * Numbers go through snprintf, which rounds correctly (ties to even on the
 * exact binary value) exactly like Python's format(); only NaN needs care,
 * since glibc prints a negative NaN as "-nan" and Python never does.
 */
#include "tensor/print.h"
#include "tensor/strbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TsPrintOptions ts_print_options = {4, 1000, 3, 80, -1};

int ts_print_profile(TsPrintOptions *o, const char *profile)
{
    TsPrintOptions def = {4, 1000, 3, 80, -1};
    if (strcmp(profile, "default") == 0) {
        *o = def;
    } else if (strcmp(profile, "short") == 0) {
        *o = def;
        o->precision = 2;
        o->edgeitems = 2;
    } else if (strcmp(profile, "full") == 0) {
        *o = def;
        o->threshold = INFINITY;
    } else {
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * The formatter (_Formatter in _tensor_str.py).
 * ------------------------------------------------------------------------ */
typedef struct {
    TsDType dtype;
    bool is_float;
    bool int_mode;  /* floats that are all integral: "3." */
    bool sci_mode;  /* "%.4e" */
    int precision;
    int width;      /* every element is left-padded to this */
} Fmt;

/* Largest text one number can produce: "%.0f" of 1.8e308 is 309 digits;
 * the precision is clamped so that "%.*f" always fits too. */
#define NUM_BUF 1024
#define MAX_PRECISION 600

/* The text of one element without padding; returns its length. */
static int fmt_value(const Fmt *f, const char *p, char *out)
{
    if (!f->is_float) {
        if (f->dtype == TS_BOOL)
            return snprintf(out, NUM_BUF, "%s", *(const bool *)p ? "True" : "False");
        return snprintf(out, NUM_BUF, "%lld", (long long)ts_load_i64(p, f->dtype));
    }
    double v = ts_load_f64(p, f->dtype);
    if (isnan(v))
        return snprintf(out, NUM_BUF, "nan");
    if (isinf(v))
        return snprintf(out, NUM_BUF, "%s", v > 0 ? "inf" : "-inf");
    if (f->sci_mode)
        return snprintf(out, NUM_BUF, "%.*e", f->precision, v);
    if (f->int_mode)
        return snprintf(out, NUM_BUF, "%.0f.", v);
    return snprintf(out, NUM_BUF, "%.*f", f->precision, v);
}

/* Appends one element right-aligned in the formatter's width. */
static void put_value(TsBuf *b, const Fmt *f, const char *p)
{
    char s[NUM_BUF];
    int n = fmt_value(f, p, s);
    ts_buf_spaces(b, f->width - n);
    ts_buf_put(b, s, (size_t)n);
}

/* ------------------------------------------------------------------------
 * Which elements are shown: all of them, or when summarising the first
 * and last `edge` entries of every dimension longer than 2 * edge.
 * ------------------------------------------------------------------------ */
typedef struct {
    const TsTensor *t;
    const char *base; /* address of element (0, ..., 0) */
    size_t isz;
    bool summarize;
    int edge;
} View;

/* Entries of dim d that are shown: [0, head) and [n - tail, n); when not
 * summarising head == n and tail == 0. */
static void shown_range(const View *v, int d, int64_t *head, int64_t *tail)
{
    int64_t n = v->t->sizes[d];
    if (v->summarize && n > 2 * (int64_t)v->edge) {
        *head = v->edge;
        /* Python's t[-0:] is the whole dimension */
        *tail = v->edge == 0 && d == v->t->ndim - 1 ? n : v->edge;
    } else {
        *head = n;
        *tail = 0;
    }
}

typedef void (*VisitFn)(void *ctx, const char *p);

static void visit_shown(const View *v, int d, int64_t off, VisitFn fn, void *ctx)
{
    if (d == v->t->ndim) {
        fn(ctx, v->base + off * (int64_t)v->isz);
        return;
    }
    int64_t head, tail, n = v->t->sizes[d], st = v->t->strides[d];
    shown_range(v, d, &head, &tail);
    for (int64_t i = 0; i < head; i++)
        visit_shown(v, d + 1, off + i * st, fn, ctx);
    for (int64_t i = n - tail; i < n; i++)
        visit_shown(v, d + 1, off + i * st, fn, ctx);
}

/* ------------------------------------------------------------------------
 * Building the formatter from the shown elements.
 * ------------------------------------------------------------------------ */

/* Statistics of the finite non-zero floats: count, integral-ness, |min|, |max|. */
typedef struct {
    TsDType dtype;
    int64_t count;
    bool all_integral;
    double amin, amax;
} FloatStats;

static void stats_visit(void *ctx, const char *p)
{
    FloatStats *s = ctx;
    double v = ts_load_f64(p, s->dtype);
    if (!isfinite(v) || v == 0)
        return;
    if (v != ceil(v))
        s->all_integral = false;
    double a = fabs(v);
    if (s->count == 0 || a < s->amin)
        s->amin = a;
    if (s->count == 0 || a > s->amax)
        s->amax = a;
    s->count++;
}

/* The width pass: every finite non-zero float (or every int/bool) counts. */
static void width_visit(void *ctx, const char *p)
{
    Fmt *f = ctx;
    if (f->is_float) {
        double v = ts_load_f64(p, f->dtype);
        if (!isfinite(v) || v == 0)
            return;
    }
    char s[NUM_BUF];
    int n = fmt_value(f, p, s);
    if (n > f->width)
        f->width = n;
}

static void build_formatter(Fmt *f, const View *v, const TsPrintOptions *o)
{
    f->dtype = v->t->dtype;
    f->is_float = ts_dtype_is_float(f->dtype);
    f->int_mode = true;
    f->sci_mode = false;
    f->precision = o->precision < 0 ? 0 : o->precision > MAX_PRECISION ? MAX_PRECISION
                                                                          : o->precision;
    f->width = 1;
    if (f->is_float) {
        FloatStats s = {f->dtype, 0, true, 0, 0};
        visit_shown(v, 0, 0, stats_visit, &s);
        if (s.count == 0)
            goto done; /* all zero / nan / inf: integer mode, width 1 */
        f->int_mode = s.all_integral;
        /* the thresholds compare doubles, as _tensor_str does after .double() */
        f->sci_mode = s.amax / s.amin > 1000.0 || s.amax > 1e8 ||
                      (!f->int_mode && s.amin < 1e-4);
    }
    visit_shown(v, 0, 0, width_visit, f);
done:
    if (f->is_float && o->sci_mode >= 0)
        f->sci_mode = o->sci_mode != 0;
}

/* ------------------------------------------------------------------------
 * Layout.
 * ------------------------------------------------------------------------ */
typedef struct {
    TsBuf *b;
    const View *v;
    const Fmt *f;
    int linewidth;
} Layout;

/* Joins item k of a 1-D row: ", " or, every per_line items, a new line. */
static void row_sep(const Layout *L, int64_t k, int64_t per_line, int indent)
{
    if (k == 0)
        return;
    if (k % per_line == 0) {
        ts_buf_puts(L->b, ",\n");
        ts_buf_spaces(L->b, indent + 1);
    } else {
        ts_buf_puts(L->b, ", ");
    }
}

/* _vector_str: the innermost dimension at `indent`. */
static void layout_row(const Layout *L, int d, int64_t off, int indent)
{
    const TsTensor *t = L->v->t;
    double per = floor((double)(L->linewidth - indent) / (double)(L->f->width + 2));
    int64_t per_line = per < 1 ? 1 : (int64_t)per;
    int64_t head, tail, n = t->sizes[d], k = 0;
    shown_range(L->v, d, &head, &tail);
    ts_buf_puts(L->b, "[");
    for (int64_t i = 0; i < head; i++) {
        row_sep(L, k++, per_line, indent);
        put_value(L->b, L->f, L->v->base + (off + i * t->strides[d]) * (int64_t)L->v->isz);
    }
    if (head < n) {
        row_sep(L, k++, per_line, indent);
        ts_buf_puts(L->b, " ...");
    }
    for (int64_t i = n - tail; i < n; i++) {
        row_sep(L, k++, per_line, indent);
        put_value(L->b, L->f, L->v->base + (off + i * t->strides[d]) * (int64_t)L->v->isz);
    }
    ts_buf_puts(L->b, "]");
}

static void layout_dim(const Layout *L, int d, int64_t off, int indent);

/* Separator between the sub-tensors of dim d: ",", one newline per
 * remaining dimension below d, then the indent of the children. */
static void block_sep(const Layout *L, int d, int indent)
{
    ts_buf_puts(L->b, ",");
    for (int k = d + 1; k < L->v->t->ndim; k++)
        ts_buf_puts(L->b, "\n");
    ts_buf_spaces(L->b, indent + 1);
}

static void layout_dim(const Layout *L, int d, int64_t off, int indent)
{
    const TsTensor *t = L->v->t;
    if (d == t->ndim - 1) {
        layout_row(L, d, off, indent);
        return;
    }
    int64_t head, tail, n = t->sizes[d], st = t->strides[d];
    shown_range(L->v, d, &head, &tail);
    ts_buf_puts(L->b, "[");
    for (int64_t i = 0; i < head; i++) {
        if (i > 0)
            block_sep(L, d, indent);
        layout_dim(L, d + 1, off + i * st, indent + 1);
    }
    if (head < n) {
        block_sep(L, d, indent);
        ts_buf_puts(L->b, "...");
    }
    for (int64_t i = n - tail; i < n; i++) {
        block_sep(L, d, indent);
        layout_dim(L, d + 1, off + i * st, indent + 1);
    }
    ts_buf_puts(L->b, "]");
}

/* _tensor_str for a non-empty tensor. */
static void format_body(TsBuf *b, const TsTensor *t, const TsPrintOptions *o, int indent)
{
    View v = {t, ts_data(t), ts_dtype_size(t->dtype), (double)ts_numel(t) > o->threshold,
              o->edgeitems < 0 ? 0 : o->edgeitems};
    Fmt f;
    build_formatter(&f, &v, o);
    if (t->ndim == 0) {
        put_value(b, &f, v.base);
        return;
    }
    Layout L = {b, &v, &f, o->linewidth};
    layout_dim(&L, 0, 0, indent);
}

/* ------------------------------------------------------------------------
 * Suffixes (_str_intern and _add_suffixes).
 * ------------------------------------------------------------------------ */
#define MAX_SUFFIXES 6
#define SUFFIX_LEN 400

typedef struct {
    char s[MAX_SUFFIXES][SUFFIX_LEN];
    int n;
} Suffixes;

static void suffix_add(Suffixes *sx, const char *fmt, ...) TS_PRINTF(2, 3);
static void suffix_add(Suffixes *sx, const char *fmt, ...)
{
    if (sx->n >= MAX_SUFFIXES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sx->s[sx->n++], SUFFIX_LEN, fmt, ap);
    va_end(ap);
}

/* "size=(2, 0)": the tuple repr of the shape. */
static void suffix_size(Suffixes *sx, const TsTensor *t)
{
    char s[SUFFIX_LEN];
    int n = snprintf(s, sizeof s, "size=(");
    for (int d = 0; d < t->ndim && n < SUFFIX_LEN - 32; d++)
        n += snprintf(s + n, sizeof s - (size_t)n, d ? ", %lld" : "%lld",
                      (long long)t->sizes[d]);
    snprintf(s + n, sizeof s - (size_t)n, t->ndim == 1 ? ",)" : ")");
    suffix_add(sx, "%s", s);
}

static void collect_suffixes(Suffixes *sx, const TsTensor *t, const TsFormatExtras *ex)
{
    TsDType def = ts_default_float();
    sx->n = 0;
    if (t->device != TS_CPU) {
        char dev[64];
        suffix_add(sx, "device='%s'", ts_device_name(t->device, dev, sizeof dev));
    }
    if (ts_numel(t) == 0) {
        if (t->ndim != 1)
            suffix_size(sx, t);
        if (t->dtype != def)
            suffix_add(sx, "dtype=%s", ts_dtype_name(t->dtype));
    } else if (t->dtype != def && t->dtype != TS_INT64 && t->dtype != TS_BOOL) {
        suffix_add(sx, "dtype=%s", ts_dtype_name(t->dtype));
    }
    if (ex && ex->grad_fn)
        suffix_add(sx, "grad_fn=<%s>", ex->grad_fn);
    else if (ex && ex->requires_grad)
        suffix_add(sx, "requires_grad=True");
}

/* Appends the suffixes, breaking before one that would pass the line
 * width.  `cur` starts at the last line's length + 2 (PyTorch's arithmetic,
 * kept as is: after a break it is the true length). */
static void add_suffixes(TsBuf *b, const Suffixes *sx, int indent, int linewidth)
{
    const char *nl = b->p ? strrchr(b->p, '\n') : NULL;
    int64_t cur = nl ? (int64_t)(b->p + b->len - nl - 1) + 2 : (int64_t)b->len + 2;
    for (int i = 0; i < sx->n; i++) {
        int64_t n = (int64_t)strlen(sx->s[i]);
        if (cur + n + 2 > linewidth) {
            ts_buf_puts(b, ",\n");
            ts_buf_spaces(b, indent);
            cur = indent + n;
        } else {
            ts_buf_puts(b, ", ");
            cur += n + 2;
        }
        ts_buf_puts(b, sx->s[i]);
    }
    ts_buf_puts(b, ")");
}

char *ts_format_tensor(const TsTensor *t, const TsPrintOptions *opt, const TsFormatExtras *ex)
{
    const TsPrintOptions *o = opt ? opt : &ts_print_options;
    const char *prefix = ex && ex->prefix ? ex->prefix : "tensor(";
    int indent = (int)strlen(prefix);
    TsTensor *host = NULL;
    if (t->device != TS_CPU) { /* format a host copy; the suffix keeps the device */
        host = ts_to((TsTensor *)t, t->dtype, TS_CPU, false);
        if (!host)
            return NULL;
    }
    TsBuf b = {0};
    ts_buf_puts(&b, prefix);
    if (ts_numel(t) == 0)
        ts_buf_puts(&b, "[]");
    else
        format_body(&b, host ? host : t, o, indent);
    Suffixes sx;
    collect_suffixes(&sx, t, ex);
    add_suffixes(&b, &sx, indent, o->linewidth);
    ts_release(host);
    if (b.oom) {
        free(b.p);
        ts_error_oom(b.oom_bytes);
        return NULL;
    }
    return b.p;
}
