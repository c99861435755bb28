/* strings.c — string literals: prefixes, escapes, concatenation, f-strings.
 *
 * The lexer hands over STRING tokens undecoded.  Adjacent literals are
 * joined here ("a" "b" == "ab"); if any of them is an f-string the result
 * is one N_FSTRING whose parts are N_STR pieces and N_FMTVALUE fields.
 * A field's expression is parsed by the same parser, pointed for a moment
 * at a fragment lexer over the field's text, so positions in errors stay
 * those of the enclosing file.
 */
#include <stdlib.h>
#include <string.h>

#include "parser/parse_internal.h"

typedef struct Buf { char *s; size_t n, cap; bool oom; } Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) { b->oom = true; return; }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
}

static void buf_utf8(Buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    buf_add(b, u, n);
}

/* What the current literal is being decoded for. */
typedef struct Lit {
    const Token *tok;        /* the STRING token */
    const char *body;        /* start of its body (after prefix and quotes) */
    bool raw;
} Lit;

static void escape_error(Parser *p, const Lit *l, const char *at, int len, const char *what)
{
    int pos = (int)(at - l->body);
    p_error_at(p, "SyntaxError", l->tok->end_line, l->tok->end_col, 0, 0,
               "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
               pos, pos + len - 1, what);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* \xXX, \uXXXX, \UXXXXXXXX at p (pointing at the letter). */
static const char *hex_escape(Parser *p, const Lit *l, const char *s, const char *end, Buf *b)
{
    int ndig = *s == 'x' ? 2 : *s == 'u' ? 4 : 8;
    static const char *const names[] = { "truncated \\xXX escape", "truncated \\uXXXX escape",
                                         "truncated \\UXXXXXXXX escape" };
    unsigned cp = 0;
    int i;
    for (i = 0; i < ndig && s + 1 + i < end && hexval(s[1 + i]) >= 0; i++)
        cp = cp * 16 + (unsigned)hexval(s[1 + i]);
    if (i < ndig) {
        escape_error(p, l, s - 1, i + 2, names[ndig == 2 ? 0 : ndig == 4 ? 1 : 2]);
        return NULL;
    }
    if (cp > 0x10FFFF) {
        escape_error(p, l, s - 1, ndig + 2, "illegal Unicode character");
        return NULL;
    }
    buf_utf8(b, cp);
    return s + 1 + ndig;
}

/* Decodes the escape whose backslash is at s; returns the position after
 * it, or NULL after an error. */
static const char *escape(Parser *p, const Lit *l, const char *s, const char *end, Buf *b)
{
    const char *c = s + 1;
    if (c >= end) { buf_add(b, "\\", 1); return c; }
    switch (*c) {
    case '\n': return c + 1;                         /* line continuation */
    case '\r': return c + 1 < end && c[1] == '\n' ? c + 2 : c + 1;
    case '\\': buf_add(b, "\\", 1); return c + 1;
    case '\'': buf_add(b, "'", 1); return c + 1;
    case '"': buf_add(b, "\"", 1); return c + 1;
    case 'a': buf_add(b, "\a", 1); return c + 1;
    case 'b': buf_add(b, "\b", 1); return c + 1;
    case 'f': buf_add(b, "\f", 1); return c + 1;
    case 'n': buf_add(b, "\n", 1); return c + 1;
    case 'r': buf_add(b, "\r", 1); return c + 1;
    case 't': buf_add(b, "\t", 1); return c + 1;
    case 'v': buf_add(b, "\v", 1); return c + 1;
    case 'x': case 'u': case 'U': return hex_escape(p, l, c, end, b);
    case 'N':
        p_error_at(p, "SyntaxError", l->tok->line, l->tok->col, 0, 0,
                   "\\N{...} escapes are not supported in TensorScript");
        return NULL;
    default:
        if (*c >= '0' && *c <= '7') {
            unsigned v = 0;
            int i;
            for (i = 0; i < 3 && c + i < end && c[i] >= '0' && c[i] <= '7'; i++)
                v = v * 8 + (unsigned)(c[i] - '0');
            buf_utf8(b, v);
            return c + i;
        }
        buf_add(b, s, 2);   /* unknown escapes stay as written */
        return c + 1;
    }
}

/* Appends literal text [s, e) to b, decoding escapes unless raw. */
static bool decode(Parser *p, const Lit *l, const char *s, const char *e, Buf *b)
{
    while (s < e) {
        const char *bs = l->raw ? NULL : memchr(s, '\\', (size_t)(e - s));
        if (!bs) { buf_add(b, s, (size_t)(e - s)); return true; }
        buf_add(b, s, (size_t)(bs - s));
        if (!(s = escape(p, l, bs, e, b))) return false;
    }
    return true;
}

/* ---- f-strings ---- */

static Node *str_node(Parser *p, const Token *at, const char *s, size_t n)
{
    Node *node = p_node(p, N_STR, at);
    if (!node) return NULL;
    node->str.s = arena_strdup(p->arena, s ? s : "", s ? n : 0);
    node->str.len = s ? n : 0;
    if (!node->str.s) { p_nomem(p); return NULL; }
    return node;
}

/* Moves pending literal text into parts as an N_STR. */
static bool flush(Parser *p, const Token *at, Buf *lit, NodeList *parts)
{
    if (lit->oom) return p_nomem(p);
    if (lit->n == 0) return true;
    Node *s = str_node(p, at, lit->s, lit->n);
    lit->n = 0;
    return s && (nodelist_push(p->arena, parts, s) || p_nomem(p));
}

static void fstring_error(Parser *p, const Token *t, const char *msg)
{
    /* CPython 3.11 puts the caret just past the literal */
    p_error_at(p, "SyntaxError", t->end_line, t->end_col, 0, 0, "f-string: %s", msg);
}

/* Source position of byte `at` inside token t. */
static void pos_in_token(const Token *t, const char *at, int *line, int *col)
{
    *line = t->line;
    *col = t->col;
    const char *ls = NULL;
    for (const char *c = t->start; c < at; c++)
        if (*c == '\n') { (*line)++; ls = c + 1; }
    *col = ls ? (int)(at - ls) : t->col + (int)(at - t->start);
}

/* Parses the expression text [s, e) of a field with a fragment lexer. */
static Node *field_expr(Parser *p, const Token *t, const char *s, const char *e)
{
    size_t n = (size_t)(e - s);
    char *copy = malloc(n + 1);
    if (!copy) { p_nomem(p); return NULL; }
    memcpy(copy, s, n);
    copy[n] = '\0';
    int line, col;
    pos_in_token(t, s, &line, &col);
    Lexer saved_lx = p->lx;
    Token saved_tok = p->tok, saved_prev = p->prev;
    lex_init_fragment(&p->lx, copy, n, line, col);
    p_advance(p);
    Node *x = p_check(p, T_YIELD) ? px_yield(p) : px_star_exprs(p);
    if (x && !p_check(p, T_EOF)) { p_syntax_error(p); x = NULL; }
    if (p->lx.failed) { p_take_lexer_error(p); x = NULL; }
    p->lx = saved_lx;
    p->tok = saved_tok;
    p->prev = saved_prev;
    free(copy);
    return x;
}

/* End of a field's expression: the first `}`, `!`, `:` or debug `=` that
 * is outside brackets and quotes.  NULL if the string ends first. */
static const char *field_end(const char *s, const char *end)
{
    int depth = 0;
    char quote = 0;
    for (const char *c = s; c < end; c++) {
        if (quote) { if (*c == quote) quote = 0; continue; }
        if (*c == '\'' || *c == '"') { quote = *c; continue; }
        if (strchr("([{", *c)) { depth++; continue; }
        if (strchr(")]}", *c)) {
            if (depth == 0 && *c == '}') return c;
            if (depth > 0) depth--;
            continue;
        }
        if (depth) continue;
        if (strchr("=!<>", *c) && c + 1 < end && c[1] == '=') { c++; continue; }
        if (*c == '!' || *c == ':' || *c == '=') return c;
    }
    return NULL;
}

static const char *fstr_scan(Parser *p, const Token *t, const Lit *l, const char *s,
                             const char *end, NodeList *parts, bool in_spec, int depth);

/* One `{expr[=][!c][:spec]}` field starting after its `{`; returns the
 * position after its `}`. */
static const char *field(Parser *p, const Token *t, const Lit *l, const char *s,
                         const char *end, NodeList *parts, int depth)
{
    const char *e = field_end(s, end);
    if (!e) { fstring_error(p, t, "expecting '}'"); return NULL; }
    const char *ws = s;
    while (ws < e && strchr(" \t\r\n", *ws)) ws++;
    if (ws == e) { fstring_error(p, t, "empty expression not allowed"); return NULL; }
    Node *fv = p_node(p, N_FMTVALUE, t);
    if (!fv || !(fv->fmtv.value = field_expr(p, t, s, e))) return NULL;
    bool debug = *e == '=';
    if (debug) {   /* `{x = }` shows its own text, then the repr */
        e++;
        while (e < end && strchr(" \t\r\n", *e)) e++;
        Node *txt = str_node(p, t, s, (size_t)(e - s));
        if (!txt || !nodelist_push(p->arena, parts, txt)) return p_nomem(p), NULL;
    }
    if (e < end && *e == '!') {
        if (e + 1 >= end || !strchr("rsa", e[1]) || e[1] == '\0') {
            fstring_error(p, t, "invalid conversion character: expected 's', 'r', or 'a'");
            return NULL;
        }
        fv->fmtv.conv = e[1];
        e += 2;
    }
    if (e < end && *e == ':') {
        if (depth >= 2) { fstring_error(p, t, "expressions nested too deeply"); return NULL; }
        Node *spec = p_node(p, N_FSTRING, t);
        if (!spec) return NULL;
        e = fstr_scan(p, t, l, e + 1, end, &spec->fstr.parts, true, depth + 1);
        if (!e) return NULL;
        fv->fmtv.spec = spec;
    }
    if (e >= end || *e != '}') { fstring_error(p, t, "expecting '}'"); return NULL; }
    if (debug && !fv->fmtv.conv && !fv->fmtv.spec) fv->fmtv.conv = 'r';
    if (!nodelist_push(p->arena, parts, fv)) return p_nomem(p), NULL;
    return e + 1;
}

/* Scans f-string text: literal runs (with {{ and }}) and fields.  In a
 * format spec it stops at the `}` closing the field and returns it. */
static const char *fstr_scan(Parser *p, const Token *t, const Lit *l, const char *s,
                             const char *end, NodeList *parts, bool in_spec, int depth)
{
    Buf lit = {0};
    const char *ret = NULL;
    while (s < end) {
        const char *c = s;
        while (c < end && *c != '{' && *c != '}') c++;
        if (!decode(p, l, s, c, &lit)) goto done;
        s = c;
        if (s >= end) break;
        if (s + 1 < end && s[1] == *s && !in_spec) {   /* {{ or }} */
            buf_add(&lit, s, 1);
            s += 2;
            continue;
        }
        if (*s == '}') {
            if (in_spec) { ret = s; goto done_flush; }
            fstring_error(p, t, "single '}' is not allowed");
            goto done;
        }
        if (!flush(p, t, &lit, parts)) goto done;
        if (!(s = field(p, t, l, s + 1, end, parts, depth))) goto done;
    }
    if (in_spec) { fstring_error(p, t, "expecting '}'"); goto done; }
    ret = end;
done_flush:
    if (!flush(p, t, &lit, parts)) ret = NULL;
done:
    free(lit.s);
    return ret;
}

/* ---- literals ---- */

typedef struct Prefix { bool raw, bytes, fmt; size_t len; } Prefix;

static Prefix prefix_of(const Token *t)
{
    Prefix pf = {0};
    for (; pf.len < t->len && t->start[pf.len] != '\'' && t->start[pf.len] != '"'; pf.len++) {
        char c = t->start[pf.len];
        if (c == 'r' || c == 'R') pf.raw = true;
        if (c == 'b' || c == 'B') pf.bytes = true;
        if (c == 'f' || c == 'F') pf.fmt = true;
    }
    return pf;
}

/* Adds one STRING token to the literal being built. */
static bool one_literal(Parser *p, const Token *t, Buf *lit, Node **fs, const Token *first)
{
    Prefix pf = prefix_of(t);
    if (pf.bytes) {
        p_error_at(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col,
                   "bytes literals are not supported in TensorScript");
        return false;
    }
    const char *q = t->start + pf.len;
    size_t ql = (t->len - pf.len >= 6 && q[1] == q[0] && q[2] == q[0]) ? 3 : 1;
    Lit l = { t, q + ql, pf.raw };
    const char *end = t->start + t->len - ql;
    if (!pf.fmt) return decode(p, &l, l.body, end, lit);
    if (!*fs && !(*fs = p_node(p, N_FSTRING, first))) return false;
    /* text decoded so far joins the f-string's first piece */
    if (!flush(p, first, lit, &(*fs)->fstr.parts)) return false;
    return fstr_scan(p, t, &l, l.body, end, &(*fs)->fstr.parts, false, 0) != NULL;
}

Node *pstr_atom(Parser *p)
{
    Token first = p->tok;
    Buf lit = {0};
    Node *fs = NULL, *res = NULL;
    while (p_check(p, T_STRING)) {
        Token t = p->tok;
        if (!one_literal(p, &t, &lit, &fs, &first)) goto out;
        p_advance(p);
    }
    if (lit.oom) { p_nomem(p); goto out; }
    if (fs) {
        if (!flush(p, &first, &lit, &fs->fstr.parts)) goto out;
        res = p_finish(p, fs);
    } else {
        res = p_finish(p, str_node(p, &first, lit.s, lit.n));
    }
out:
    free(lit.s);
    return res;
}
