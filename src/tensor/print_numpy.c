/* print_numpy.c — numpy's ndarray repr and str (numpy 1.24), under the
 * options of np.set_printoptions (ts_np_print_options).
 *
 * numpy prints differently from torch: floats use the SHORTEST digits that
 * round-trip (at most 8 after the point), trailing zeros are padded with
 * spaces ("[1. , 2.5]"), the line width is 75, rows wrap word by word, and
 * repr is "array(...)" with a ", dtype=float32" suffix unless the dtype is
 * implied (float64, int64, bool).  The algorithm follows numpy's
 * arrayprint.py (FloatingFormat.fillFormat and _formatArray).
 */
#include "tensor/print.h"
#include "tensor/strbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TsNpPrintOptions ts_np_print_options = {8, 1000, 3, 75, false};

#define NP_PRECISION (ts_np_print_options.precision)
#define NP_LINEWIDTH (ts_np_print_options.linewidth)
#define NP_THRESHOLD (ts_np_print_options.threshold)
#define NP_EDGE (ts_np_print_options.edgeitems)
#define NB 400

/* ------------------------------------------------------------------------
 * Shortest round-trip digits (what Dragon4 in unique mode produces).
 * ------------------------------------------------------------------------ */

/* True if the decimal text parses back to v in dtype dt's precision. */
static bool round_trips(const char *s, double v, TsDType dt)
{
    double d = strtod(s, NULL);
    if (dt == TS_FLOAT32)
        return strtof(s, NULL) == (float)v;
    if (dt == TS_FLOAT16)
        return ts_f16_to_f32(ts_f32_to_f16((float)d)) == (float)v;
    return d == v;
}

/* Digits (no dot, no sign) and decimal exponent of the shortest |v|. */
static void shortest(double v, TsDType dt, char *digits, int *exp10)
{
    char s[64];
    v = fabs(v);
    for (int p = 0; p < 17; p++) {
        snprintf(s, sizeof s, "%.*e", p, v);
        if (round_trips(s, v, dt))
            break;
    }
    int n = 0;
    char *e = strchr(s, 'e');
    for (char *q = s; q < e; q++)
        if (*q != '.')
            digits[n++] = *q;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *exp10 = atoi(e + 1);
}

/* dragon4_positional(v, precision=8, unique=True, trim='.'): "1.", "0.25". */
/* prec < 0: no rounding (a numpy scalar's str prints every shortest
 * round-trip digit, 26.049177169799805; arrays round at 8). */
static void np_positional_prec(double v, TsDType dt, char *out, int prec)
{
    char dg[32];
    int e;
    if (v == 0) {
        snprintf(out, NB, "%s0.", signbit(v) ? "-" : "");
        return;
    }
    shortest(v, dt, dg, &e);
    int nd = (int)strlen(dg), frac = nd - 1 - e;
    if (prec >= 0 && frac > prec) { /* too many digits: round at prec and trim */
        snprintf(out, NB, "%#.*f", prec, v); /* '#': keep the point at prec 0 */
        size_t n = strlen(out);
        while (n > 0 && out[n - 1] == '0')
            out[--n] = '\0';
        return;
    }
    char *o = out;
    if (v < 0)
        *o++ = '-';
    if (e < 0) {
        o += sprintf(o, "0.");
        for (int i = 0; i < -e - 1; i++)
            *o++ = '0';
        o += sprintf(o, "%s", dg);
    } else {
        for (int i = 0; i <= e; i++)
            *o++ = i < nd ? dg[i] : '0';
        *o++ = '.';
        for (int i = e + 1; i < nd; i++)
            *o++ = dg[i];
        *o = '\0';
    }
}

static void np_positional(double v, TsDType dt, char *out)
{
    np_positional_prec(v, dt, out, NP_PRECISION);
}

/* dragon4_scientific(v, precision=8, unique=True, trim='.'): mantissa digits
 * and exponent, e.g. "1.5" and -5; the caller pads both. */
static void np_scientific(double v, TsDType dt, char *mant, int *exp10)
{
    char dg[32];
    if (v == 0) {
        snprintf(mant, NB, "%s0.", signbit(v) ? "-" : "");
        *exp10 = 0;
        return;
    }
    shortest(v, dt, dg, exp10);
    if ((int)strlen(dg) - 1 > NP_PRECISION) {
        char s[64];
        snprintf(s, sizeof s, "%.*e", NP_PRECISION, fabs(v));
        *exp10 = atoi(strchr(s, 'e') + 1);
        int n = 0;
        for (char *q = s; *q != 'e'; q++)
            if (*q != '.')
                dg[n++] = *q;
        while (n > 1 && dg[n - 1] == '0')
            n--;
        dg[n] = '\0';
    }
    snprintf(mant, NB, "%s%c.%s", v < 0 ? "-" : "", dg[0], dg + 1);
}

/* ------------------------------------------------------------------------
 * The formatter.
 * ------------------------------------------------------------------------ */
typedef struct {
    TsDType dt;
    bool is_float, is_bool, exp_mode;
    int width;                 /* ints / bools */
    int pad_left, pad_right;   /* floats */
    int precision, exp_size;   /* scientific */
    bool ndim0;
} NpFmt;

typedef struct {
    const TsTensor *t;
    const char *base;
    size_t isz;
    bool summarize;
} NpView;

typedef void (*NpVisit)(void *ctx, const char *p);

static void np_visit(const NpView *v, int d, int64_t off, NpVisit fn, void *ctx)
{
    if (d == v->t->ndim) {
        fn(ctx, v->base + off * (int64_t)v->isz);
        return;
    }
    int64_t n = v->t->sizes[d];
    bool summ = v->summarize && n > 2 * NP_EDGE;
    for (int64_t i = 0; i < n; i++) {
        if (summ && i == NP_EDGE)
            i = n - NP_EDGE;
        np_visit(v, d + 1, off + i * v->t->strides[d], fn, ctx);
    }
}

typedef struct {
    NpFmt *f;
    int64_t nfinite, nnonfinite;
    double amin, amax;
    bool has_neginf;
    int max_frac, max_int, max_exp;
    int pass;
} Scan;

static void scan_visit(void *ctx, const char *p)
{
    Scan *s = ctx;
    NpFmt *f = s->f;
    if (!f->is_float) {
        char buf[32];
        int n = f->is_bool ? (*(const bool *)p ? 4 : 5)
                           : snprintf(buf, sizeof buf, "%lld", (long long)ts_load_i64(p, f->dt));
        if (n > f->width)
            f->width = n;
        return;
    }
    double v = ts_load_f64(p, f->dt);
    if (!isfinite(v)) {
        if (s->pass == 0) {
            s->nnonfinite++;
            s->has_neginf |= isinf(v) && v < 0;
        }
        return;
    }
    if (s->pass == 0) {
        if (v != 0) {
            double a = fabs(v);
            if (s->nfinite == 0 || a < s->amin)
                s->amin = a;
            if (s->nfinite == 0 || a > s->amax)
                s->amax = a;
            s->nfinite++;
        }
        return;
    }
    char txt[NB];
    s->nfinite++;
    if (f->exp_mode) {
        int e;
        np_scientific(v, f->dt, txt, &e);
        char *dot = strchr(txt, '.');
        int fl = (int)strlen(dot + 1), il = (int)(dot - txt);
        char es[16];
        int el = snprintf(es, sizeof es, "%d", abs(e));
        if (fl > s->max_frac) s->max_frac = fl;
        if (il > s->max_int) s->max_int = il;
        if (el > s->max_exp) s->max_exp = el;
    } else {
        np_positional(v, f->dt, txt);
        char *dot = strchr(txt, '.');
        int fl = (int)strlen(dot + 1), il = (int)(dot - txt);
        if (fl > s->max_frac) s->max_frac = fl;
        if (il > s->max_int) s->max_int = il;
    }
}

static void np_build(NpFmt *f, const NpView *v)
{
    memset(f, 0, sizeof *f);
    f->dt = v->t->dtype;
    f->is_float = ts_dtype_is_float(f->dt);
    f->is_bool = f->dt == TS_BOOL;
    f->ndim0 = v->t->ndim == 0;
    Scan s = {f, 0, 0, 0, 0, false, 0, 0, 0, 0};
    np_visit(v, 0, 0, scan_visit, &s);
    if (!f->is_float) {
        if (f->is_bool && !f->ndim0)
            f->width = 5;
        return;
    }
    if (s.nfinite > 0 && (s.amax >= 1e8 || (!ts_np_print_options.suppress &&
                                            (s.amin < 0.0001 || s.amax / s.amin > 1000.))))
        f->exp_mode = true;
    s.pass = 1;
    s.nfinite = 0;
    np_visit(v, 0, 0, scan_visit, &s);
    if (s.nfinite == 0) {
        f->exp_mode = false;
    } else if (f->exp_mode) {
        f->precision = s.max_frac;
        f->exp_size = s.max_exp < 2 ? 2 : s.max_exp;
        f->pad_left = s.max_int;
        f->pad_right = f->exp_size + 2 + f->precision;
    } else {
        f->pad_left = s.max_int;
        f->pad_right = s.max_frac;
    }
    if (s.nnonfinite) {
        int off = f->pad_right + 1;
        int inflen = 3 + (s.has_neginf ? 1 : 0);
        if (3 - off > f->pad_left) f->pad_left = 3 - off;
        if (inflen - off > f->pad_left) f->pad_left = inflen - off;
    }
}

/* One element, padded as numpy pads it. */
static void np_value(TsBuf *b, const NpFmt *f, const char *p)
{
    char txt[NB];
    if (!f->is_float) {
        int n = f->is_bool ? snprintf(txt, NB, "%s", *(const bool *)p ? "True" : "False")
                           : snprintf(txt, NB, "%lld", (long long)ts_load_i64(p, f->dt));
        ts_buf_spaces(b, f->width - n);
        ts_buf_put(b, txt, (size_t)n);
        return;
    }
    double v = ts_load_f64(p, f->dt);
    if (!isfinite(v)) {
        const char *s = isnan(v) ? "nan" : v > 0 ? "inf" : "-inf";
        ts_buf_spaces(b, f->pad_left + f->pad_right + 1 - (int)strlen(s));
        ts_buf_puts(b, s);
        return;
    }
    if (f->exp_mode) {
        int e;
        np_scientific(v, f->dt, txt, &e);
        char *dot = strchr(txt, '.');
        if ((int)strlen(dot + 1) < f->precision && v != 0) {
            /* min_digits: numpy prints the further digits of the exact
             * value (not zeros), 9.6082003e-05 for a float32 9.6082e-05 */
            char s[NB];
            snprintf(s, sizeof s, "%.*e", f->precision, v);
            char *ep = strchr(s, 'e');
            e = atoi(ep + 1);
            *ep = '\0';
            snprintf(txt, NB, "%s", s);
            dot = strchr(txt, '.');
        }
        ts_buf_spaces(b, f->pad_left - (int)(dot - txt));
        ts_buf_puts(b, txt);
        for (int k = (int)strlen(dot + 1); k < f->precision; k++)
            ts_buf_puts(b, "0");
        char es[32];
        snprintf(es, sizeof es, "e%c%0*d", e < 0 ? '-' : '+', f->exp_size, abs(e));
        ts_buf_puts(b, es);
        return;
    }
    np_positional(v, f->dt, txt);
    char *dot = strchr(txt, '.');
    ts_buf_spaces(b, f->pad_left - (int)(dot - txt));
    ts_buf_puts(b, txt);
    ts_buf_spaces(b, f->pad_right - (int)strlen(dot + 1));
}

/* ------------------------------------------------------------------------
 * _formatArray: rows wrap word by word at the line width.
 * ------------------------------------------------------------------------ */
typedef struct {
    TsBuf *out;
    const NpView *v;
    const NpFmt *f;
    const char *sep;
} NpLayout;

/* _extendLine: moves to a new line when `word` would pass `width`. */
static void extend_line(TsBuf *s, TsBuf *line, const char *word, int width, int hang)
{
    bool wrap = (int)(line->len + strlen(word)) > width && (int)line->len > hang;
    if (wrap) {
        size_t n = line->len;
        while (n > 0 && line->p[n - 1] == ' ')
            n--;
        ts_buf_put(s, line->p, n);
        ts_buf_puts(s, "\n");
        line->len = 0;
        ts_buf_spaces(line, hang);
    }
    ts_buf_puts(line, word);
}

static char *np_recurse(const NpLayout *L, int d, int64_t off, int hang, int width);

static char *np_word(const NpLayout *L, int d, int64_t off, int hang, int width)
{
    if (d == L->v->t->ndim) {
        TsBuf w = {0};
        np_value(&w, L->f, L->v->base + off * (int64_t)L->v->isz);
        return w.p ? w.p : calloc(1, 1);
    }
    return np_recurse(L, d, off, hang, width);
}

static char *np_recurse(const NpLayout *L, int d, int64_t off, int hang, int width)
{
    const TsTensor *t = L->v->t;
    int64_t n = t->sizes[d], st = t->strides[d];
    bool summ = L->v->summarize && n > 2 * NP_EDGE;
    int left = t->ndim - d;
    TsBuf s = {0};
    ts_buf_spaces(&s, hang); /* the hanging indent, removed at the end */
    if (left == 1) {
        TsBuf line = {0};
        ts_buf_spaces(&line, hang);
        s.len = 0;
        int elem_w = width - 1; /* room for the "," or "]" after a word */
        for (int64_t i = 0; i < n; i++) {
            if (summ && i == NP_EDGE) {
                extend_line(&s, &line, "...", elem_w, hang);
                ts_buf_puts(&line, L->sep);
                i = n - NP_EDGE;
            }
            char *w = np_word(L, d + 1, off + i * st, hang + 1, width - 1);
            extend_line(&s, &line, w ? w : "", elem_w, hang);
            free(w);
            if (i < n - 1)
                ts_buf_puts(&line, L->sep);
        }
        ts_buf_put(&s, line.p, line.len);
        free(line.p);
    } else {
        s.len = 0;
        size_t sl = strlen(L->sep);
        while (sl > 0 && L->sep[sl - 1] == ' ')
            sl--;
        for (int64_t i = 0; i < n; i++) {
            if (summ && i == NP_EDGE) {
                ts_buf_spaces(&s, hang);
                ts_buf_puts(&s, "...");
                ts_buf_put(&s, L->sep, sl);
                for (int k = 1; k < left; k++)
                    ts_buf_puts(&s, "\n");
                i = n - NP_EDGE;
            }
            char *w = np_word(L, d + 1, off + i * st, hang + 1, width - 1);
            ts_buf_spaces(&s, hang);
            ts_buf_puts(&s, w ? w : "");
            free(w);
            if (i < n - 1) {
                ts_buf_put(&s, L->sep, sl);
                for (int k = 1; k < left; k++)
                    ts_buf_puts(&s, "\n");
            }
        }
    }
    TsBuf r = {0};
    ts_buf_puts(&r, "[");
    if (s.p && s.len >= (size_t)hang)
        ts_buf_put(&r, s.p + hang, s.len - (size_t)hang);
    ts_buf_puts(&r, "]");
    free(s.p);
    return r.p;
}

/* numpy's short dtype name ("float32"); NULL when repr omits it. */
static const char *np_dtype(TsDType dt, bool implied_ok)
{
    if (implied_ok && (dt == TS_FLOAT64 || dt == TS_INT64 || dt == TS_BOOL))
        return NULL;
    const char *n = ts_dtype_name(dt);
    return strncmp(n, "torch.", 6) == 0 ? n + 6 : n;
}

/* The str() of a 0-d array: the scalar's own str ("1.5", "1.0", "1e-05"). */
static void np_scalar_str(TsBuf *b, const TsTensor *t)
{
    const char *p = ts_data(t);
    char txt[NB];
    if (!ts_dtype_is_float(t->dtype)) {
        if (t->dtype == TS_BOOL)
            ts_buf_puts(b, *(const bool *)p ? "True" : "False");
        else {
            snprintf(txt, NB, "%lld", (long long)ts_load_i64(p, t->dtype));
            ts_buf_puts(b, txt);
        }
        return;
    }
    double v = ts_load_f64(p, t->dtype);
    if (!isfinite(v)) {
        ts_buf_puts(b, isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
        return;
    }
    char dg[32];
    int e;
    if (v == 0) {
        ts_buf_puts(b, signbit(v) ? "-0.0" : "0.0");
        return;
    }
    shortest(v, t->dtype, dg, &e);
    if (e >= -4 && e < 16) { /* positional, at least one digit after the point */
        np_positional_prec(v, t->dtype, txt, -1);
        ts_buf_puts(b, txt);
        if (txt[strlen(txt) - 1] == '.')
            ts_buf_puts(b, "0");
    } else {
        snprintf(txt, NB, "%s%c%s%s%se%c%02d", v < 0 ? "-" : "", dg[0], dg[1] ? "." : "",
                 dg + 1, "", e < 0 ? '-' : '+', abs(e));
        ts_buf_puts(b, txt);
    }
}

char *ts_format_numpy(const TsTensor *t, bool repr)
{
    TsBuf b = {0};
    int64_t numel = ts_numel(t);
    const char *prefix = repr ? "array(" : "";
    const char *dname = np_dtype(t->dtype, numel > 0);
    const char *suffix = repr ? (dname ? "," : ")") : "";
    ts_buf_puts(&b, prefix);
    if (!repr && t->ndim == 0) {
        np_scalar_str(&b, t);
    } else if (numel == 0) {
        ts_buf_puts(&b, "[]");
        if (repr && t->ndim != 1) {
            ts_buf_puts(&b, ", shape=(");
            for (int d = 0; d < t->ndim; d++) {
                char s[32];
                snprintf(s, sizeof s, d ? ", %lld" : "%lld", (long long)t->sizes[d]);
                ts_buf_puts(&b, s);
            }
            ts_buf_puts(&b, t->ndim == 1 ? ",)" : ")");
        }
    } else {
        NpView v = {t, ts_data(t), ts_dtype_size(t->dtype), (double)numel > NP_THRESHOLD};
        NpFmt f;
        np_build(&f, &v);
        if (t->ndim == 0) {
            np_value(&b, &f, v.base);
        } else {
            NpLayout L = {&b, &v, &f, repr ? ", " : " "};
            int width = NP_LINEWIDTH - (int)strlen(suffix);
            char *body = np_recurse(&L, 0, 0, 1 + (int)strlen(prefix), width);
            ts_buf_puts(&b, body ? body : "");
            free(body);
        }
    }
    ts_buf_puts(&b, suffix);
    if (repr && dname) {
        char ds[64];
        snprintf(ds, sizeof ds, "dtype=%s)", dname);
        const char *nl = strrchr(b.p, '\n');
        size_t last = nl ? b.len - (size_t)(nl - b.p + 1) : b.len;
        if (last + strlen(ds) + 1 > (size_t)NP_LINEWIDTH) {
            ts_buf_puts(&b, "\n");
            ts_buf_spaces(&b, (int)strlen(prefix));
        } else {
            ts_buf_puts(&b, " ");
        }
        ts_buf_puts(&b, ds);
    }
    if (b.oom) {
        free(b.p);
        ts_error_oom(b.oom_bytes);
        return NULL;
    }
    return b.p;
}
