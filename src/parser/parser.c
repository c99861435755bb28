/* parser.c — the token stream, error reporting and parse_source.
 *
 * The parser is recursive descent over a one-token window (tok, plus prev
 * for end positions).  Every parse function returns NULL (or false) after
 * recording an error; the first error wins, so callers just propagate.
 * Errors carry CPython's wording and positions: a 1-based line, and a
 * 1-based column counted in characters (not bytes) like CPython's caret.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parse_internal.h"

/* ---- tokens ---- */

void p_advance(Parser *p)
{
    p->prev = p->tok;
    p->tok = lex_next(&p->lx);
}

bool p_check(Parser *p, TokKind k) { return p->tok.kind == k; }

bool p_accept(Parser *p, TokKind k)
{
    if (p->tok.kind != k) return false;
    p_advance(p);
    return true;
}

/* Consumes k or fails with "invalid syntax" (or a more specific message
 * for the common cases CPython names). */
bool p_expect(Parser *p, TokKind k)
{
    if (p_accept(p, k)) return true;
    if (k == T_COLON && p->tok.kind == T_NEWLINE) {
        p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.line, p->tok.col,
                   "expected ':'");
        return false;
    }
    p_syntax_error(p);
    return false;
}

const char *p_tok_text(Parser *p, const Token *t)
{
    const char *s = arena_strdup(p->arena, t->start, t->len);
    if (!s) p_nomem(p);
    return s;
}

/* ---- nodes ---- */

Node *p_node(Parser *p, NodeKind k, const Token *start)
{
    Node *n = arena_alloc(p->arena, sizeof(Node));
    if (!n) { p_nomem(p); return NULL; }
    n->kind = k;
    n->line = start->line;
    n->col = start->col;
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    return n;
}

Node *p_finish(Parser *p, Node *n)
{
    if (n) {
        n->end_line = p->prev.end_line;
        n->end_col = p->prev.end_col;
    }
    return n;
}

Node *p_name_node(Parser *p, const char *id, const Token *at)
{
    Node *n = p_node(p, N_NAME, at);
    if (n) n->name.id = id;
    return n;
}

bool p_enter(Parser *p)
{
    if (++p->depth > PARSE_MAX_DEPTH) {
        p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.line, p->tok.col,
                   "too many nested parentheses");
        return false;
    }
    return true;
}

void p_leave(Parser *p) { p->depth--; }

/* ---- errors ---- */

/* Copies source line `line` (1-based) into buf, without its newline. */
static void line_text(const Parser *p, int line, char *buf, size_t cap)
{
    const char *s = p->src, *end = p->src + p->srclen;
    for (int l = 1; l < line && s < end; s++)
        if (*s == '\n') l++;
    const char *e = s;
    while (e < end && *e != '\n') e++;
    if (e > s && e[-1] == '\r') e--;
    size_t n = (size_t)(e - s);
    if (n >= cap) n = cap - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
}

/* Byte column -> 1-based character column within text. */
static int char_col(const char *text, int byte_col)
{
    int c = 1;
    for (int i = 0; i < byte_col && text[i]; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80) c++;
    int len = (int)strlen(text);
    if (byte_col > len) c += byte_col - len;   /* past the text (EOF) */
    return c;
}

static void fill_error(Parser *p, ParseError *e, const char *kind, int line, int col,
                       int end_line, int end_col, const char *fmt, va_list ap)
{
    e->kind = kind;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    e->line = line;
    line_text(p, line, e->text, sizeof e->text);
    e->col = char_col(e->text, col);
    e->end_col = end_line == line && end_col > col ? char_col(e->text, end_col) : 0;
}

void p_error_at(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
                const char *fmt, ...)
{
    if (p->failed) return;
    p->failed = true;
    va_list ap;
    va_start(ap, fmt);
    fill_error(p, p->err, kind, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
}

void p_error_node(Parser *p, const Node *n, const char *fmt, ...)
{
    if (p->failed) return;
    p->failed = true;
    va_list ap;
    va_start(ap, fmt);
    fill_error(p, p->err, "SyntaxError", n->line, n->col, n->end_line, n->end_col, fmt, ap);
    va_end(ap);
}

void p_late_error_node(Parser *p, const Node *n, const char *fmt, ...)
{
    if (p->late_failed) return;
    p->late_failed = true;
    va_list ap;
    va_start(ap, fmt);
    fill_error(p, &p->late, "SyntaxError", n->line, n->col, n->end_line, n->end_col, fmt, ap);
    va_end(ap);
}

bool p_nomem(Parser *p)
{
    p_error_at(p, "MemoryError", p->tok.line, p->tok.col, 0, 0, "out of memory while parsing");
    return false;
}

static bool ends_expression(TokKind k)
{
    return k == T_NAME || k == T_NUMBER || k == T_STRING || k == T_RPAR || k == T_RSQB ||
           k == T_RBRACE || k == T_NONE || k == T_TRUE || k == T_FALSE;
}

static bool starts_expression(TokKind k)
{
    return k == T_NAME || k == T_NUMBER || k == T_STRING || k == T_LPAR || k == T_LSQB ||
           k == T_LBRACE || k == T_NONE || k == T_TRUE || k == T_FALSE || k == T_TILDE ||
           k == T_ELLIPSIS || k == T_LAMBDA || k == T_NOT;
}

/* `f(a b)`: CPython reads the second expression too (so a tokenizer
 * error inside it, or an unclosed bracket at the end, wins) and marks
 * both. */
static void comma_hint(Parser *p)
{
    int depth = 0, end_line = p->tok.end_line, end_col = p->tok.end_col;
    int line = p->last_or_line, col = p->last_or_col;
    for (Token t = p->tok; t.kind != T_EOF && t.kind != T_ERROR; t = lex_next(&p->lx)) {
        if (t.kind == T_LPAR || t.kind == T_LSQB || t.kind == T_LBRACE) depth++;
        else if (t.kind == T_RPAR || t.kind == T_RSQB || t.kind == T_RBRACE) { if (depth-- == 0) break; }
        else if (depth == 0 && (t.kind == T_COMMA || t.kind == T_COLON || t.kind == T_NEWLINE)) break;
        end_line = t.end_line;
        end_col = t.end_col;
    }
    p_error_at(p, "SyntaxError", line, col, end_line, end_col,
               "invalid syntax. Perhaps you forgot a comma?");
}

/* "invalid syntax" at the current token, with CPython's special cases:
 * an unexpected INDENT, and two expressions side by side in brackets. */
void p_syntax_error(Parser *p)
{
    const Token *t = &p->tok;
    if (t->kind == T_INDENT) {
        int w = t->end_col;
        p_error_at(p, "IndentationError", t->line, w > 0 ? w - 1 : 0, 0, 0, "unexpected indent");
        return;
    }
    if (t->kind == T_DEDENT) {
        p_error_at(p, "IndentationError", t->line, t->col, 0, 0, "unexpected unindent");
        return;
    }
    if (p->lx.nparens > 0 && ends_expression(p->prev.kind) && starts_expression(t->kind) &&
        !(p->prev.kind == T_NAME && t->kind == T_STRING) &&
        p->last_or_end_line == p->prev.end_line && p->last_or_end_col == p->prev.end_col) {
        comma_hint(p);
        return;
    }
    p_error_at(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col, "invalid syntax");
}

/* The lexer's error replaces the parser's: the parser only failed because
 * the token stream broke.  After a plain "invalid syntax" CPython scans
 * the rest of the input, and a tokenizer error found there wins. */
static void merge_lexer_error(Parser *p)
{
    Lexer *lx = &p->lx;
    bool drained = false;
    if (!lx->failed && p->failed && strcmp(p->err->msg, "invalid syntax") == 0 &&
        strcmp(p->err->kind, "SyntaxError") == 0) {
        for (int guard = 0; guard < 10000000; guard++) {
            Token t = lex_next(lx);
            if (t.kind == T_EOF || t.kind == T_ERROR) break;
        }
        drained = true;
    }
    /* that scan does not count an unclosed bracket at the very end */
    if (drained && lx->failed && strstr(lx->err_msg, "was never closed")) return;
    p_take_lexer_error(p);
}

void p_take_lexer_error(Parser *p)
{
    Lexer *lx = &p->lx;
    if (!lx->failed) return;
    p->failed = false;
    p_error_at(p, lx->err_kind, lx->err_line, lx->err_col, lx->err_end_line,
               lx->err_end_col, "%s", lx->err_msg);
    if (strcmp(lx->err_msg, "unindent does not match any outer indentation level") == 0)
        p->err->col = (int)strlen(p->err->text) + 1;
    p->err->incomplete = lx->incomplete;
}

/* ---- the entry point ---- */

/* True when the last line of the entry is empty: how the prompt's user
 * says a block is finished. */
static bool ends_with_blank_line(const char *src, size_t len)
{
    size_t i = len;
    while (i > 0 && (src[i - 1] == ' ' || src[i - 1] == '\t' || src[i - 1] == '\r')) i--;
    if (i == 0 || src[i - 1] != '\n') return false;
    i--;
    while (i > 0 && (src[i - 1] == ' ' || src[i - 1] == '\t' || src[i - 1] == '\r')) i--;
    return i == 0 || src[i - 1] == '\n';
}

/* Whether tok sits at the end of the input (only layout tokens follow). */
static bool at_end_of_input(const Parser *p)
{
    const char *s = p->src;
    size_t i = p->srclen;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\r' || s[i - 1] == '\n'))
        i--;
    TokKind k = p->tok.kind;
    return (k == T_EOF || k == T_NEWLINE || k == T_DEDENT) && p->tok.start >= s + i;
}

static void parse_module(Parser *p, Node *mod)
{
    if (p->mode == PARSE_EVAL) {
        Node *e = px_star_exprs(p);
        if (!e) return;
        while (p_accept(p, T_NEWLINE)) {}
        if (!p_check(p, T_EOF)) { p_syntax_error(p); return; }
        Node *st = p_node(p, N_EXPR, &p->tok);
        if (!st) return;
        st->line = e->line; st->col = e->col;
        st->end_line = e->end_line; st->end_col = e->end_col;
        st->expr.value = e;
        if (!nodelist_push(p->arena, &mod->module.body, st)) p_nomem(p);
        return;
    }
    while (!p->failed && !p_check(p, T_EOF)) {
        if (p_accept(p, T_NEWLINE)) continue;
        if (!ps_statement(p, &mod->module.body)) return;
    }
}

/* Decides whether a failed or finished parse is really "incomplete":
 * at the prompt, more lines would complete it. */
static void settle_incomplete(Parser *p, const char *src, size_t len)
{
    bool blank_end = ends_with_blank_line(src, len);
    if (p->failed) {
        if (!p->err->incomplete && p->want_block && at_end_of_input(p))
            p->err->incomplete = !(p->mode == PARSE_SINGLE && blank_end);
        return;
    }
    /* the entry parsed, but a block at the prompt ends with a blank line:
     * the module is still returned, flagged as possibly incomplete */
    if (p->mode == PARSE_SINGLE && p->saw_compound && !blank_end) {
        p->err->kind = "SyntaxError";
        snprintf(p->err->msg, sizeof p->err->msg, "incomplete input");
        p->err->line = p->tok.line;
        p->err->incomplete = true;
    }
}

ParseResult parse_source(const char *src, size_t len, const char *filename, ParseMode mode)
{
    (void)filename;   /* the caller pairs the error with its filename */
    ParseResult r;
    memset(&r, 0, sizeof r);
    r.arena = arena_new();
    char *buf = malloc(len + 2);
    if (!r.arena || !buf) {
        free(buf);
        r.err.kind = "MemoryError";
        snprintf(r.err.msg, sizeof r.err.msg, "out of memory while parsing");
        return r;
    }
    memcpy(buf, src, len);
    size_t blen = len;
    if (len == 0 || src[len - 1] != '\n')
        buf[blen++] = '\n';   /* every line ends with a newline */
    buf[blen] = '\0';         /* the scanner's end sentinel */

    Parser *p = calloc(1, sizeof *p);
    if (!p) {
        free(buf);
        r.err.kind = "MemoryError";
        snprintf(r.err.msg, sizeof r.err.msg, "out of memory while parsing");
        return r;
    }
    p->arena = r.arena;
    p->err = &r.err;
    p->mode = mode;
    p->src = buf;
    p->srclen = blen;
    lex_init(&p->lx, buf, blen);
    p_advance(p);

    Node *mod = p_node(p, N_MODULE, &p->tok);
    const char *nul = memchr(buf, '\0', blen);
    if (nul) {   /* the scanner's sentinel must be the only NUL */
        int line = 1;
        for (const char *c = buf; c < nul; c++) line += *c == '\n';
        p_error_at(p, "SyntaxError", line, 0, 0, 0, "source code cannot contain null bytes");
    } else if (mod) {
        parse_module(p, mod);
    }
    if (p->failed || p->lx.failed) {
        if (!p->failed) p_syntax_error(p);
        merge_lexer_error(p);
    } else if (p->late_failed) {
        p->failed = true;
        r.err = p->late;
    }
    settle_incomplete(p, src, len);
    if (!p->failed) r.module = mod;
    free(p);
    free(buf);
    return r;
}

void parse_free(ParseResult *r)
{
    arena_free(r->arena);
    r->arena = NULL;
    r->module = NULL;
}
