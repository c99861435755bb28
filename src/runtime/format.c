/* format.c — turning numbers and strings into text the way Python does:
 * the shortest round-trip float repr, the format-spec mini-language of
 * format()/f-strings/str.format, and printf-style `%` formatting.
 *
 * Floats go through the C library's correctly rounded printf; the only
 * work here is choosing the digits (shortest that round-trips) and laying
 * them out with Python's rules for exponents, signs, fill and grouping.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "format.h"

/* ---- float repr ---- */

/* Shortest decimal digits that read back as d: a correctly rounded
 * 15-digit value round-trips whenever any shorter one does (15 < DBL_DIG+1),
 * so trying 15, 16, 17 digits and stripping zeros finds the shortest. */
static void shortest_digits(double d, char *digits, int *ndig, int *exp10)
{
    char buf[40];
    /* subnormals carry fewer bits, so their shortest form may be shorter
     * than 15 digits without being a zero-padded 15-digit rounding */
    int first = fabs(d) < 2.2250738585072014e-308 ? 1 : 15;
    for (int prec = first; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d || prec == 17) break;
    }
    /* buf: [-]D.DDDDe[+-]XX */
    char *p = buf + (buf[0] == '-');
    int n = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0') n--;
    digits[n] = 0;
    *ndig = n;
    *exp10 = atoi(p + 1);
}

/* Lays out digits d1d2...dn × 10^exp10 in fixed or scientific notation
 * as repr() and format(x, '') do: scientific when exp < -4 or exp >= 16. */
void fmt_float_repr(double d, char *out)
{
    if (isnan(d)) { strcpy(out, "nan"); return; }
    if (isinf(d)) { strcpy(out, d > 0 ? "inf" : "-inf"); return; }
    if (d == 0) { strcpy(out, signbit(d) ? "-0.0" : "0.0"); return; }
    char dig[24];
    int n, e;
    shortest_digits(d, dig, &n, &e);
    char *o = out;
    if (d < 0) *o++ = '-';
    if (e < -4 || e >= 16) {
        *o++ = dig[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, dig + 1, (size_t)n - 1);
            o += n - 1;
        }
        sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        return;
    }
    if (e < 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -e - 1; i++) *o++ = '0';
        memcpy(o, dig, (size_t)n);
        o += n;
    } else {
        for (int i = 0; i <= e; i++) *o++ = i < n ? dig[i] : '0';
        *o++ = '.';
        if (n > e + 1) {
            memcpy(o, dig + e + 1, (size_t)(n - e - 1));
            o += n - e - 1;
        } else {
            *o++ = '0';
        }
    }
    *o = 0;
}

/* ---- the format-spec mini-language ---- */

typedef struct Spec {
    char fill[5];
    int fill_len;
    char align;     /* '<' '>' '^' '=' or 0 */
    char sign;      /* '+' '-' ' ' or 0 */
    bool alt, zero;
    bool zero_align;  /* align '=' comes from the '0' flag, not the spec */
    int64_t width;  /* -1: none */
    char group;     /* ',' '_' or 0 */
    int64_t prec;   /* -1: none */
    char type;      /* 0: none */
} Spec;

static bool parse_spec(const char *s, Spec *sp, const char *tname)
{
    memset(sp, 0, sizeof *sp);
    sp->width = sp->prec = -1;
    strcpy(sp->fill, " ");
    sp->fill_len = 1;
    const char *p = s;
    /* [[fill]align]: the fill may be any (UTF-8) character */
    int clen = 1;
    bool explicit_fill = false;
    if (*p) {
        if ((unsigned char)*p >= 0x80) utf8_decode(p, &clen);
        if (p[clen] && strchr("<>^=", p[clen])) {
            memcpy(sp->fill, p, (size_t)clen);
            sp->fill[clen] = 0;
            sp->fill_len = clen;
            sp->align = p[clen];
            explicit_fill = true;
            p += clen + 1;
        } else if (strchr("<>^=", *p)) {
            sp->align = *p++;
        }
    }
    if (*p == '+' || *p == '-' || *p == ' ') sp->sign = *p++;
    if (*p == 'z') p++;
    if (*p == '#') { sp->alt = true; p++; }
    if (*p == '0') {
        sp->zero = true;
        p++;
    }
    if (*p >= '0' && *p <= '9') {
        sp->width = 0;
        while (*p >= '0' && *p <= '9') sp->width = sp->width * 10 + (*p++ - '0');
    }
    if (*p == ',' || *p == '_') sp->group = *p++;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9') {
            rt_raise(&exc_ValueError, "Format specifier missing precision");
            return false;
        }
        sp->prec = 0;
        while (*p >= '0' && *p <= '9') sp->prec = sp->prec * 10 + (*p++ - '0');
    }
    if (*p) sp->type = *p++;
    if (*p) {
        rt_raise(&exc_ValueError, "Invalid format specifier '%s' for object of type '%s'", s, tname);
        return false;
    }
    /* '0' means fill '0' unless a fill was given ('{:<05}' pads with
     * zeros too), and '=' unless an alignment was */
    if (sp->zero && !explicit_fill) {
        strcpy(sp->fill, "0");
        sp->fill_len = 1;
    }
    if (sp->zero && !sp->align) {
        sp->align = '=';
        sp->zero_align = true;
    }
    return true;
}

static Value unknown_code(char c, const char *tname)
{
    return rt_raise(&exc_ValueError, "Unknown format code '%c' for object of type '%s'", c, tname);
}

/* Inserts thousands separators into the integer digits of body[0..n). */
static bool add_grouped(StrBuf *b, const char *dig, int64_t n, char sep, int every)
{
    int64_t first = n % every;
    if (first == 0) first = every;
    if (!sb_add(b, dig, first)) return false;
    for (int64_t i = first; i < n; i += every)
        if (!sb_addc(b, sep) || !sb_add(b, dig + i, every)) return false;
    return true;
}

/* Pads sign+body to the width with fill and alignment; '=' pads between
 * the sign/prefix and the digits.  nchars: code points in body. */
static Value pad_out(const Spec *sp, const char *prefix, const char *body, int64_t blen,
                     int64_t nchars, char default_align)
{
    int64_t plen = (int64_t)strlen(prefix);
    int64_t total = plen + nchars, pad = sp->width > total ? sp->width - total : 0;
    char align = sp->align ? sp->align : default_align;
    int64_t left = 0, right = 0, mid = 0;
    if (align == '<') right = pad;
    else if (align == '>') left = pad;
    else if (align == '^') { left = pad / 2; right = pad - left; }
    else mid = pad;
    StrBuf b;
    if (!sb_init(&b, plen + blen + pad * sp->fill_len)) return V_ERR;
    bool ok = true;
    for (int64_t i = 0; ok && i < left; i++) ok = sb_add(&b, sp->fill, sp->fill_len);
    ok = ok && sb_add(&b, prefix, plen);
    for (int64_t i = 0; ok && i < mid; i++) ok = sb_add(&b, sp->fill, sp->fill_len);
    ok = ok && sb_add(&b, body, blen);
    for (int64_t i = 0; ok && i < right; i++) ok = sb_add(&b, sp->fill, sp->fill_len);
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

/* Zero padding with grouping ("{:010,}") groups the zeros too; we keep it
 * simple and pad without separators in the fill (rare). */
static Value format_digits(const Spec *sp, bool neg, const char *pfx, const char *dig, int64_t n,
                           const char *tail)
{
    char prefix[8];
    char *q = prefix;
    if (neg) *q++ = '-';
    else if (sp->sign == '+') *q++ = '+';
    else if (sp->sign == ' ') *q++ = ' ';
    strcpy(q, pfx);
    StrBuf b;
    if (!sb_init(&b, n + 16)) return V_ERR;
    int every = (sp->type == 'b' || sp->type == 'o' || sp->type == 'x' || sp->type == 'X') ? 4 : 3;
    /* zero padding with grouping pads with grouped zeros ("0,001,234") */
    int64_t zeros = 0;
    if (sp->group && sp->align == '=' && sp->fill[0] == '0' && sp->width > 0) {
        int64_t fixed = (int64_t)strlen(prefix) + (int64_t)strlen(tail), k = n;
        while (fixed + k + (k - 1) / every < sp->width) k++;
        zeros = k - n;
    }
    char *padded = NULL;
    if (zeros) {
        padded = rt_alloc((size_t)(n + zeros));
        if (!padded) {
            sb_free(&b);
            return V_ERR;
        }
        memset(padded, '0', (size_t)zeros);
        memcpy(padded + zeros, dig, (size_t)n);
        dig = padded;
        n += zeros;
    }
    bool ok = sp->group ? add_grouped(&b, dig, n, sp->group, every) : sb_add(&b, dig, n);
    free(padded);
    ok = ok && sb_adds(&b, tail);
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    Value body = sb_finish(&b);
    if (IS_ERR(body)) return body;
    Value r = pad_out(sp, prefix, str_cstr(body), ((Str *)body.o)->len, ((Str *)body.o)->len, '>');
    v_decref(body);
    return r;
}

static Value format_float_spec(double d, Spec *sp, const char *tname);

/* A decimal spec with nothing between the sign and the digits ('%d',
 * '{:5d}', '{}'): the text is the signed digits, padded at most. */
static bool int_spec_plain(const Spec *sp)
{
    return !sp->sign && !sp->group && sp->align != '=' && !sp->alt;
}

static Value format_int_spec(int64_t i, Spec *sp, const char *tname)
{
    char t = sp->type ? sp->type : 'd';
    if (strchr("eEfFgG%", t)) return format_float_spec((double)i, sp, tname);
    if (sp->prec >= 0) return rt_raise(&exc_ValueError, "Precision not allowed in integer format specifier");
    if (sp->group && t != 'd' && !(sp->group == '_' && strchr("boxX", t)))
        return rt_raise(&exc_ValueError, "Cannot specify '%c' with '%c'.", sp->group, t);
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    char dig[72];
    const char *pfx = "";
    if ((t == 'd' || t == 'n') && int_spec_plain(sp)) {
        int n = num_i64_dec(i, dig);
        return sp->width > n ? pad_out(sp, "", dig, n, n, '>') : str_new(dig, n);
    }
    switch (t) {
    case 'd':
    case 'n': num_u64_dec(m, dig); break;
    case 'x': snprintf(dig, sizeof dig, "%llx", (unsigned long long)m); pfx = sp->alt ? "0x" : ""; break;
    case 'X': snprintf(dig, sizeof dig, "%llX", (unsigned long long)m); pfx = sp->alt ? "0X" : ""; break;
    case 'o': snprintf(dig, sizeof dig, "%llo", (unsigned long long)m); pfx = sp->alt ? "0o" : ""; break;
    case 'b': {
        int n = 0;
        do { dig[n++] = (char)('0' + (m & 1)); m >>= 1; } while (m);
        for (int a = 0, z = n - 1; a < z; a++, z--) { char c = dig[a]; dig[a] = dig[z]; dig[z] = c; }
        dig[n] = 0;
        pfx = sp->alt ? "0b" : "";
        break;
    }
    case 'c': {
        if (i < 0 || i > 0x10FFFF) return rt_raise(&exc_OverflowError, "%%c arg not in range(0x110000)");
        if (sp->sign) return rt_raise(&exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        int n = utf8_encode((uint32_t)i, dig);
        return pad_out(sp, "", dig, n, 1, '<');
    }
    default: return unknown_code(t, tname);
    }
    return format_digits(sp, i < 0, pfx, dig, (int64_t)strlen(dig), "");
}

/* 'g' and no-type layouts: precision p significant digits, scientific when
 * the exponent is < -4 or >= p; trailing zeros dropped unless '#'. */
static void layout_general(double m, int64_t p, bool alt, bool notype, char upper, char *out)
{
    if (p == 0) p = 1;
    char buf[400];
    snprintf(buf, sizeof buf, "%.*e", (int)(p - 1), m);
    int e = atoi(strchr(buf, 'e') + 1);
    if (e >= -4 && e < p) snprintf(out, 400, "%.*f", (int)(p - 1 - e), m);
    else snprintf(out, 400, "%.*e", (int)(p - 1), m);
    char *ep = strchr(out, 'e');
    char exp[16] = "";
    if (ep) {
        strcpy(exp, ep);
        *ep = 0;
    }
    if (!alt && strchr(out, '.')) {
        char *z = out + strlen(out) - 1;
        while (*z == '0') *z-- = 0;
        if (*z == '.') *z = 0;
    }
    if (notype && !strchr(out, '.') && !ep) strcat(out, ".0");
    if (ep) {
        if (upper) exp[0] = 'E';
        strcat(out, exp);
    }
}

static Value format_float_spec(double d, Spec *sp, const char *tname)
{
    char t = sp->type;
    if (t && !strchr("eEfFgGn%", t)) return unknown_code(t, tname);
    bool neg = signbit(d) && !isnan(d);
    double m = fabs(d);
    char body[420], tail[2] = "";
    int64_t prec = sp->prec;
    if (!isfinite(m)) {
        bool up = t == 'E' || t == 'F' || t == 'G';
        strcpy(body, isnan(m) ? (up ? "NAN" : "nan") : (up ? "INF" : "inf"));
        if (t == '%') strcpy(tail, "%");
    } else if (t == 0 && prec < 0) {
        fmt_float_repr(m, body);
    } else if (t == 'f' || t == 'F' || t == '%') {
        if (t == '%') { m *= 100; strcpy(tail, "%"); }
        snprintf(body, sizeof body, "%.*f", (int)(prec < 0 ? 6 : prec), m);
        if (sp->alt && !strchr(body, '.')) strcat(body, ".");
    } else if (t == 'e' || t == 'E') {
        snprintf(body, sizeof body, t == 'e' ? "%.*e" : "%.*E", (int)(prec < 0 ? 6 : prec), m);
    } else {
        layout_general(m, prec < 0 ? 6 : prec, sp->alt, t == 0, t == 'G', body);
    }
    /* split integer digits (for grouping) from the rest */
    int64_t n = 0;
    while (body[n] >= '0' && body[n] <= '9') n++;
    if (n == 0) n = (int64_t)strlen(body);
    char rest[440];
    snprintf(rest, sizeof rest, "%s%s", body + (body[n] ? n : (int64_t)strlen(body)), tail);
    if (!isfinite(m)) {
        Spec s2 = *sp;   /* Python zero-pads "inf" too, but never groups it */
        s2.group = 0;
        return format_digits(&s2, neg, "", body, (int64_t)strlen(body), tail);
    }
    return format_digits(sp, neg, "", body, n, body[n] ? rest : tail);
}

static Value format_str_spec(Value s, Spec *sp)
{
    if (sp->type && sp->type != 's') return unknown_code(sp->type, "str");
    if (sp->sign) return rt_raise(&exc_ValueError, "Sign not allowed in string format specifier");
    /* '{:05}' pads a str on the right with zeros, as CPython 3.10+ */
    if (sp->align == '=' && sp->zero_align) sp->align = '<';
    if (sp->align == '=') return rt_raise(&exc_ValueError, "'=' alignment not allowed in string format specifier");
    Str *x = (Str *)s.o;
    int64_t nch = x->nchars, blen = x->len;
    if (sp->prec >= 0 && sp->prec < nch) {
        nch = sp->prec;
        blen = str_char_offset(x, nch);
    }
    return pad_out(sp, "", x->data, blen, nch, '<');
}

/* Calls obj.__format__(spec) for types that define it (tensors). */
static Value format_dunder(Value v, const char *spec, bool *found)
{
    *found = false;
    Type *t = v_type(v);
    for (; t; t = t->base)
        if (t->dict && !IS_UNBOUND(dict_get_cstr(v_obj(t->dict), "__format__"))) break;
    if (!t || t == &object_type) return V_UNBOUND;
    *found = true;
    Value m = v_getattr_cstr(v, "__format__");
    if (IS_ERR(m)) return m;
    Value s = str_from_cstr(spec);
    if (IS_ERR(s)) {
        v_decref(m);
        return s;
    }
    Value r = v_call(m, &s, 1, NULL);
    v_decref(m);
    v_decref(s);
    return r;
}

Value fmt_format_value(Value v, const char *spec)
{
    Spec sp;
    const char *tname = v_typename(v);
    if (IS_BOOL(v) && !*spec) return v_str(v);
    if (IS_INT(v) || IS_FLOAT(v) || IS_TYPE(v, &str_type) || (IS_BOOL(v) && *spec)) {
        if (!*spec) return IS_TYPE(v, &str_type) ? v_incref(v) : v_str(v);
        if (!parse_spec(spec, &sp, tname)) return V_ERR;
        if (IS_TYPE(v, &str_type)) return format_str_spec(v, &sp);
        if (IS_FLOAT(v)) return format_float_spec(v.f, &sp, tname);
        return format_int_spec(IS_INT(v) ? v.i : v.b, &sp, tname);
    }
    bool found;
    Value r = format_dunder(v, spec, &found);
    if (found) return r;
    if (*spec)
        return rt_raise(&exc_TypeError, "unsupported format string passed to %s.__format__", tname);
    return v_str(v);
}

/* ---- printf-style formatting: fmt % args ---- */

typedef struct PctArgs { Value *items; int64_t n, next; Value dict; } PctArgs;

static Value pct_next(PctArgs *a)
{
    if (a->next >= a->n) return rt_raise(&exc_TypeError, "not enough arguments for format string");
    return a->items[a->next++];
}

/* One conversion: flags, width, precision already parsed. */
static Value pct_convert(char c, Value arg, Spec *sp)
{
    char tmp[3] = {0};
    switch (c) {
    case 's': case 'r': case 'a': {
        Value s = c == 's' ? v_str(arg) : v_repr(arg);
        if (IS_ERR(s)) return s;
        sp->type = 0;
        sp->align = sp->align == '<' ? '<' : '>';
        Value r = format_str_spec(s, sp);
        v_decref(s);
        return r;
    }
    case 'd': case 'i': case 'u': {
        if (IS_FLOAT(arg)) {
            if (isnan(arg.f)) return rt_raise(&exc_ValueError, "cannot convert float NaN to integer");
            if (isinf(arg.f)) return rt_raise(&exc_OverflowError, "cannot convert float infinity to integer");
            arg = v_int((int64_t)arg.f);
        }
        int64_t i;
        if (!IS_INT(arg) && !IS_BOOL(arg)) {
            double dd;
            if (!num_to_double(arg, &dd)) {
                rt_exc_clear();
                return rt_raise(&exc_TypeError, "%%%c format: a real number is required, not %s", c,
                                v_typename(arg));
            }
            i = (int64_t)dd;
        } else {
            i = IS_INT(arg) ? arg.i : arg.b;
        }
        sp->type = 'd';
        if (sp->prec >= 0) {
            char dig[80];
            snprintf(dig, sizeof dig, "%0*llu", (int)(sp->prec > 60 ? 60 : sp->prec),
                     (unsigned long long)(i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i));
            sp->prec = -1;
            return format_digits(sp, i < 0, "", dig, (int64_t)strlen(dig), "");
        }
        return format_int_spec(i, sp, "int");
    }
    case 'x': case 'X': case 'o': {
        if (!IS_INT(arg) && !IS_BOOL(arg)) {
            int64_t i;
            if (IS_FLOAT(arg) || !num_index(arg, &i)) {
                if (!IS_FLOAT(arg)) rt_exc_clear();
                return rt_raise(&exc_TypeError, "%%%c format: an integer is required, not %s", c,
                                v_typename(arg));
            }
            arg = v_int(i);
        }
        sp->type = c;
        sp->prec = -1;
        return format_int_spec(IS_INT(arg) ? arg.i : arg.b, sp, "int");
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d;
        if (!num_to_double(arg, &d)) {
            rt_exc_clear();
            return rt_raise(&exc_TypeError, "must be real number, not %s", v_typename(arg));
        }
        sp->type = c;
        if (sp->prec < 0) sp->prec = 6;
        return format_float_spec(d, sp, "float");
    }
    case 'c': {
        if (IS_TYPE(arg, &str_type)) {
            if (((Str *)arg.o)->nchars != 1) return rt_raise(&exc_TypeError, "%%c requires int or char");
            sp->type = 0;
            return format_str_spec(arg, sp);
        }
        if (!IS_INT(arg)) return rt_raise(&exc_TypeError, "%%c requires int or char");
        sp->type = 'c';
        return format_int_spec(arg.i, sp, "int");
    }
    default:
        tmp[0] = c;
        return rt_raise(&exc_ValueError, "unsupported format character '%s' (0x%x) at index", tmp,
                        (unsigned)(unsigned char)c);
    }
}

/* Parses "%[(key)][flags][width][.prec]conv" at *pp (just past '%'). */
static Value pct_one(const char **pp, PctArgs *a)
{
    const char *p = *pp;
    Spec sp;
    memset(&sp, 0, sizeof sp);
    strcpy(sp.fill, " ");
    sp.fill_len = 1;
    sp.width = sp.prec = -1;
    Value arg = V_UNBOUND;
    if (*p == '(') {
        const char *k = ++p;
        while (*p && *p != ')') p++;
        if (!*p) return rt_raise(&exc_ValueError, "incomplete format key");
        if (IS_UNBOUND(a->dict)) return rt_raise(&exc_TypeError, "format requires a mapping");
        Value key = str_new(k, p - k);
        if (IS_ERR(key)) return key;
        arg = v_getitem(a->dict, key);
        v_decref(key);
        if (IS_ERR(arg)) return arg;
        v_decref(arg);   /* the mapping keeps it alive */
        p++;
    }
    for (;; p++) {
        if (*p == '-') sp.align = '<';
        else if (*p == '+') sp.sign = '+';
        else if (*p == ' ') { if (sp.sign != '+') sp.sign = ' '; }
        else if (*p == '#') sp.alt = true;
        else if (*p == '0') sp.zero = true;
        else break;
    }
    if (*p == '*') {
        Value w = pct_next(a);
        if (IS_ERR(w)) return w;
        if (!IS_INT(w)) return rt_raise(&exc_TypeError, "* wants int");
        sp.width = w.i < 0 ? -w.i : w.i;
        if (w.i < 0) sp.align = '<';
        p++;
    } else if (*p >= '0' && *p <= '9') {
        sp.width = 0;
        while (*p >= '0' && *p <= '9') sp.width = sp.width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
        p++;
        sp.prec = 0;
        if (*p == '*') {
            Value w = pct_next(a);
            if (IS_ERR(w)) return w;
            if (!IS_INT(w)) return rt_raise(&exc_TypeError, "* wants int");
            sp.prec = w.i < 0 ? 0 : w.i;
            p++;
        } else {
            while (*p >= '0' && *p <= '9') sp.prec = sp.prec * 10 + (*p++ - '0');
        }
    }
    char c = *p;
    if (!c) return rt_raise(&exc_ValueError, "incomplete format");
    *pp = p + 1;
    if (c == '%') return str_from_cstr("%");
    if (sp.zero && sp.align != '<' && c != 's' && c != 'r' && c != 'c') {
        strcpy(sp.fill, "0");
        sp.align = '=';
    }
    if (IS_UNBOUND(arg)) {
        arg = pct_next(a);
        if (IS_ERR(arg)) return arg;
    }
    return pct_convert(c, arg, &sp);
}

Value fmt_percent(Value fmt, Value args)
{
    PctArgs a = {NULL, 0, 0, V_UNBOUND};
    if (IS_TYPE(args, &tuple_type)) {
        a.items = ((Tuple *)args.o)->items;
        a.n = ((Tuple *)args.o)->len;
    } else {
        a.items = &args;
        a.n = 1;
        if (IS_TYPE(args, &dict_type) || (IS_OBJ(args) && !IS_TYPE(args, &str_type) &&
                                          v_type(args)->getitem && !IS_TYPE(args, &list_type)))
            a.dict = args;
    }
    const char *p = str_cstr(fmt), *end = p + ((Str *)fmt.o)->len;
    StrBuf b;
    if (!sb_init(&b, end - p + 16)) return V_ERR;
    while (p < end) {
        const char *q = memchr(p, '%', (size_t)(end - p));
        if (!q) q = end;
        if (!sb_add(&b, p, q - p)) goto fail;
        if (q == end) break;
        p = q + 1;
        Value piece = pct_one(&p, &a);
        if (IS_ERR(piece)) goto fail;
        bool ok = sb_addv(&b, piece);
        v_decref(piece);
        if (!ok) goto fail;
    }
    if (a.next < a.n && IS_UNBOUND(a.dict)) {
        rt_raise(&exc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return V_ERR;
}

/* ---- str.format ---- */

typedef struct FmtState { Value *args; int nargs; KwArgs *kw; int auto_idx; bool manual; } FmtState;

static Value kw_lookup(KwArgs *kw, const char *name, int64_t n)
{
    for (int i = 0; kw && i < kw->n; i++) {
        Str *s = (Str *)kw->names[i];
        if (s->len == n && !memcmp(s->data, name, (size_t)n)) return kw->vals[i];
    }
    return V_UNBOUND;
}

/* Resolves "0", "", "name", then any ".attr" / "[key]" parts; new ref. */
static Value field_value(FmtState *st, const char *f, int64_t n)
{
    int64_t i = 0;
    while (i < n && f[i] != '.' && f[i] != '[') i++;
    Value v;
    if (i == 0) {
        if (st->manual)
            return rt_raise(&exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
        st->auto_idx++;
        int idx = st->auto_idx - 1;
        if (idx >= st->nargs)
            return rt_raise(&exc_IndexError, "Replacement index %d out of range for positional args tuple", idx);
        v = v_incref(st->args[idx]);
    } else if (f[0] >= '0' && f[0] <= '9') {
        if (st->auto_idx)
            return rt_raise(&exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
        st->manual = true;
        int64_t idx = atoll(f);
        if (idx >= st->nargs)
            return rt_raise(&exc_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
        v = v_incref(st->args[idx]);
    } else {
        v = kw_lookup(st->kw, f, i);
        if (IS_UNBOUND(v)) {
            Value k = str_new(f, i);
            if (IS_ERR(k)) return k;
            rt_raise_keyerror(k);
            v_decref(k);
            return V_ERR;
        }
        v_incref(v);
    }
    while (i < n) {
        char c = f[i++];
        int64_t j = i;
        if (c == '.') {
            while (j < n && f[j] != '.' && f[j] != '[') j++;
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)(j - i), f + i);
            Value nv = v_getattr_cstr(v, name);
            v_decref(v);
            v = nv;
        } else {
            while (j < n && f[j] != ']') j++;
            Value key;
            bool digits = j > i;
            for (int64_t k = i; k < j; k++) digits = digits && f[k] >= '0' && f[k] <= '9';
            key = digits ? v_int(atoll(f + i)) : str_new(f + i, j - i);
            Value nv = IS_ERR(key) ? key : v_getitem(v, key);
            v_decref(key);
            v_decref(v);
            v = nv;
            j++;
        }
        if (IS_ERR(v)) return v;
        i = j;
    }
    return v;
}

static Value format_string(FmtState *st, const char *p, const char *end, int depth);

/* One replacement field "{name!conv:spec}" (braces excluded). */
static Value format_field(FmtState *st, const char *f, const char *end, int depth)
{
    const char *q = f;
    int nest = 0;
    while (q < end && (nest || (*q != '!' && *q != ':'))) {
        if (*q == '[') nest = 1;
        else if (*q == ']') nest = 0;
        q++;
    }
    Value v = field_value(st, f, q - f);
    if (IS_ERR(v)) return v;
    char conv = 0;
    if (q < end && *q == '!') {
        if (q + 1 >= end || (q + 2 < end && q[2] != ':')) {
            v_decref(v);
            return rt_raise(&exc_ValueError, "expected ':' after conversion specifier");
        }
        conv = q[1];
        q += 2;
    }
    if (conv) {
        Value c = conv == 'r' || conv == 'a' ? v_repr(v) : conv == 's' ? v_str(v) : V_UNBOUND;
        v_decref(v);
        if (IS_UNBOUND(c))
            return rt_raise(&exc_ValueError, "Unknown conversion specifier %c", conv);
        if (IS_ERR(c)) return c;
        v = c;
    }
    Value spec = (q < end && *q == ':') ? format_string(st, q + 1, end, depth + 1) : str_empty();
    if (IS_ERR(spec)) {
        v_decref(v);
        return spec;
    }
    Value r = fmt_format_value(v, str_cstr(spec));
    v_decref(spec);
    v_decref(v);
    return r;
}

static Value format_string(FmtState *st, const char *p, const char *end, int depth)
{
    if (depth > 2) return rt_raise(&exc_ValueError, "Max string recursion exceeded");
    StrBuf b;
    if (!sb_init(&b, end - p + 16)) return V_ERR;
    while (p < end) {
        char c = *p;
        if (c == '}') {
            if (p + 1 < end && p[1] == '}') {
                if (!sb_addc(&b, '}')) goto fail;
                p += 2;
                continue;
            }
            rt_raise(&exc_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (c != '{') {
            if (!sb_addc(&b, c)) goto fail;
            p++;
            continue;
        }
        if (p + 1 < end && p[1] == '{') {
            if (!sb_addc(&b, '{')) goto fail;
            p += 2;
            continue;
        }
        const char *f = ++p;
        int nest = 1;
        while (p < end) {
            if (*p == '{') nest++;
            else if (*p == '}' && --nest == 0) break;
            p++;
        }
        if (p >= end) {
            rt_raise(&exc_ValueError, nest > 1 ? "expected '}' before end of string"
                                               : "Single '{' encountered in format string");
            goto fail;
        }
        Value piece = format_field(st, f, p, depth);
        p++;
        if (IS_ERR(piece)) goto fail;
        bool ok = sb_addv(&b, piece);
        v_decref(piece);
        if (!ok) goto fail;
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return V_ERR;
}

Value fmt_str_format(Value fmt, Value *args, int nargs, KwArgs *kw)
{
    FmtState st = {args, nargs, kw, 0, false};
    const char *p = str_cstr(fmt);
    return format_string(&st, p, p + ((Str *)fmt.o)->len, 0);
}
