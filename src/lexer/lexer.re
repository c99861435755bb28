/* lexer.re — the re2c scanner behind lexer.h.
 *
 * re2c writes the token recogniser; the layout rules (indentation stack,
 * bracket stack, logical lines) and string bodies are plain C around it,
 * because they need state that a regular language cannot hold.  The buffer
 * ends with a NUL which the scanner treats as end of input (the parser
 * rejects sources that contain NUL bytes before lexing).
 */
#include "lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- errors ---- */

/* Records the first error at (line, 0-based byte col); later ones are
 * ignored so the message always names the first problem. */
static Token lex_fail(Lexer *lx, const char *kind, int line, int col,
                      const char *fmt, ...)
{
    Token t = { T_ERROR, lx->cur, 0, line, col, line, col };
    if (!lx->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(lx->err_msg, sizeof lx->err_msg, fmt, ap);
        va_end(ap);
        lx->failed = true;
        lx->err_kind = kind;
        lx->err_line = lx->err_end_line = line;
        lx->err_col = lx->err_end_col = col;
    }
    return t;
}

/* Byte column of p; a fragment's first line starts at col_base. */
static int col_of(const Lexer *lx, const char *p)
{
    return (int)(p - lx->line_start) + (lx->line_start == lx->buf ? lx->col_base : 0);
}

static Token make_tok(Lexer *lx, TokKind k, const char *s, const char *e)
{
    Token t = { k, s, (size_t)(e - s), lx->line, col_of(lx, s), lx->line, col_of(lx, e) };
    return t;
}

/* ---- names ---- */

static bool ident_char(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

/* Decodes one UTF-8 sequence at p (lenient: bad bytes count as one). */
static unsigned utf8_decode(const unsigned char *p, int *n)
{
    if (p[0] < 0x80) { *n = 1; return p[0]; }
    if ((p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
        *n = 2; return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    }
    if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *n = 3; return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    if ((p[0] & 0xF8) == 0xF0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
        (p[3] & 0xC0) == 0x80) {
        *n = 4;
        return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) |
               ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    }
    *n = 1;
    return 0xFFFD;
}

/* Punctuation that a Chinese input method types in place of ASCII: CPython
 * rejects it as "invalid character", and so do we, instead of silently
 * taking `，` for part of a name. */
static bool invalid_ident_cp(unsigned cp)
{
    return (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD;
}

static Token check_name(Lexer *lx, const char *s, const char *e)
{
    for (const char *p = s; p < e;) {
        int n;
        unsigned cp = utf8_decode((const unsigned char *)p, &n);
        if (cp >= 0x80 && invalid_ident_cp(cp)) {
            char ch[5] = {0};
            memcpy(ch, p, (size_t)n);
            return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, p),
                            "invalid character '%s' (U+%04X)", ch, cp);
        }
        p += n;
    }
    static const struct { const char *s; TokKind k; } kw[] = {
#define KW_ROW_(k, s) { s, k },
        LEX_KEYWORDS(KW_ROW_)
#undef KW_ROW_
    };
    size_t len = (size_t)(e - s);
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (strlen(kw[i].s) == len && memcmp(kw[i].s, s, len) == 0)
            return make_tok(lx, kw[i].k, s, e);
    return make_tok(lx, T_NAME, s, e);
}

/* ---- numbers ---- */

/* Python lets a keyword follow a number directly (`1if x else 2`). */
static bool keyword_follows(const char *p)
{
    static const char *const ok[] = { "and", "else", "for", "if", "in", "is", "not", "or" };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        size_t n = strlen(ok[i]);
        if (strncmp(p, ok[i], n) == 0 && !ident_char((unsigned char)p[n]))
            return true;
    }
    return false;
}

/* After a number literal: reject `1a`, `1_`, `0b12`, `0x`. base is 10, 16,
 * 8 or 2 (10 for floats). */
static Token finish_number(Lexer *lx, const char *s, const char *e, int base)
{
    static const char *const kind[] = { [2] = "binary", [8] = "octal",
                                        [10] = "decimal", [16] = "hexadecimal" };
    unsigned char c = (unsigned char)*e;
    if ((base == 2 || base == 8) && c >= '0' && c <= '9')
        return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, e),
                        "invalid digit '%c' in %s literal", c, kind[base]);
    if (c >= 0x80) {   /* `1，2`: name the full-width comma, not the number */
        int n;
        unsigned cp = utf8_decode((const unsigned char *)e, &n);
        if (invalid_ident_cp(cp)) {
            char ch[5] = {0};
            memcpy(ch, e, (size_t)n);
            return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, e),
                            "invalid character '%s' (U+%04X)", ch, cp);
        }
    }
    if (c == 'j' || c == 'J')
        return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s),
                        "imaginary literals are not supported in TensorScript");
    if (base != 10 && e - s == 2)   /* `0x` with no digits */
        return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s) + 1,
                        "invalid %s literal", kind[base]);
    if (c == '_')
        return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, e),
                        "invalid %s literal", kind[base]);
    if (ident_char(c) && !(base == 10 && keyword_follows(e)))
        return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, e) - 1,
                        "invalid %s literal", kind[base]);
    return make_tok(lx, T_NUMBER, s, e);
}

/* `0777`: CPython refuses leading zeros on decimal integers. */
static Token leading_zeros(Lexer *lx, const char *s)
{
    Token t = lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s),
                       "leading zeros in decimal integer literals are not permitted; "
                       "use an 0o prefix for octal integers");
    lx->err_end_col = lx->err_col + 1;
    return t;
}

/* ---- strings ---- */

/* Scans the body of a string whose opening quote(s) end at p.  On success
 * the token spans prefix, quotes and body; the parser decodes it. */
static Token scan_string(Lexer *lx, const char *s, const char *p)
{
    char q = p[-1];
    bool triple = p[0] == q && p[1] == q;
    int line0 = lx->line, col0 = col_of(lx, s);
    const char *ls0 = lx->line_start;
    if (triple) p += 2;
    for (;;) {
        char c = *p;
        if (c == '\0' && p >= lx->lim) {
            /* the line of the last character, not the empty one after it */
            int last = lx->line - (p > s && p[-1] == '\n');
            lx->line = line0;
            lx->line_start = ls0;
            Token t = lex_fail(lx, "SyntaxError", line0, col0,
                               triple ? "unterminated triple-quoted string literal (detected at line %d)"
                                      : "unterminated string literal (detected at line %d)",
                               last);
            /* more lines could close a triple-quoted string or a string
             * continued with a backslash */
            lx->incomplete = triple || (p > s && p[-1] == '\n');
            return t;
        }
        if (c == '\\' && p + 1 < lx->lim) {
            p++;
            if (*p == '\r' && p[1] == '\n') p++;
            if (*p == '\n') { lx->line++; lx->line_start = p + 1; }
            p++;
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                return lex_fail(lx, "SyntaxError", line0, col0,
                                "unterminated string literal (detected at line %d)", lx->line);
            }
            lx->line++;
            lx->line_start = p + 1;
            p++;
            continue;
        }
        if (c == q && (!triple || (p[1] == q && p[2] == q))) {
            p += triple ? 3 : 1;
            Token t = { T_STRING, s, (size_t)(p - s), line0, col0, lx->line, col_of(lx, p) };
            lx->cur = p;
            return t;
        }
        p++;
    }
}

/* ---- brackets ---- */

static Token open_bracket(Lexer *lx, TokKind k, const char *s)
{
    if (lx->nparens >= LEX_MAX_PARENS)
        return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s), "too many nested parentheses");
    lx->parens[lx->nparens].ch = *s;
    lx->parens[lx->nparens].line = lx->line;
    lx->parens[lx->nparens].col = col_of(lx, s);
    lx->nparens++;
    return make_tok(lx, k, s, s + 1);
}

static Token close_bracket(Lexer *lx, TokKind k, const char *s)
{
    char want = *s == ')' ? '(' : *s == ']' ? '[' : '{';
    if (lx->nparens == 0)
        return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s), "unmatched '%c'", *s);
    lx->nparens--;
    if (lx->parens[lx->nparens].ch != want) {
        char open = lx->parens[lx->nparens].ch;
        if (lx->parens[lx->nparens].line != lx->line)
            return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s),
                            "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                            *s, open, lx->parens[lx->nparens].line);
        return lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s),
                        "closing parenthesis '%c' does not match opening parenthesis '%c'", *s, open);
    }
    return make_tok(lx, k, s, s + 1);
}

/* ---- layout ---- */

static bool fragment_mode(const Lexer *lx) { return lx->fragment; }

/* Layout tokens at the end of input sit at the end of the last line, as
 * CPython reports them (not on the empty line after it). */
static Token eof_tok(Lexer *lx, TokKind k, const char *p)
{
    Token t = make_tok(lx, k, p, p);
    if (!lx->fragment && p > lx->buf && p[-1] == '\n' && p == lx->line_start) {
        const char *ls = p - 1;
        while (ls > lx->buf && ls[-1] != '\n') ls--;
        t.line = t.end_line = lx->line - 1;
        t.col = t.end_col = (int)(p - 1 - ls);
    }
    return t;
}

/* End of input: close the logical line, then the open blocks. */
static Token at_eof(Lexer *lx, const char *p)
{
    lx->cur = p;
    if (lx->nparens > 0 && !fragment_mode(lx)) {
        int i = lx->nparens - 1;
        lx->incomplete = true;
        Token t = lex_fail(lx, "SyntaxError", lx->parens[i].line, lx->parens[i].col,
                           "'%c' was never closed", lx->parens[i].ch);
        return t;
    }
    if (lx->line_has_tokens && !fragment_mode(lx)) {
        lx->line_has_tokens = false;
        return eof_tok(lx, T_NEWLINE, p);
    }
    if (lx->nindent > 0) {
        lx->nindent--;
        return eof_tok(lx, T_DEDENT, p);
    }
    lx->done = true;
    return eof_tok(lx, T_EOF, p);
}

/* Measures the indentation of the line at lx->cur.  Returns false for a
 * blank or comment-only line, which Python ignores. */
static bool measure_indent(Lexer *lx, int *width)
{
    const char *p = lx->cur;
    int w = 0;
    for (;; p++) {
        if (*p == ' ') w++;
        else if (*p == '\t') w = (w / 8 + 1) * 8;
        else if (*p == '\f') w = 0;
        else break;
    }
    lx->cur = p;
    *width = w;
    return !(*p == '#' || *p == '\n' || (*p == '\r' && p[1] == '\n') ||
             (*p == '\\' && (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n'))) ||
             (*p == '\0' && p >= lx->lim));
}

/* Compares a new line's indentation with the stack: queues INDENT or
 * DEDENTs in lx->pending, or fails on an inconsistent dedent. */
static bool apply_indent(Lexer *lx, int w)
{
    int top = lx->indents[lx->nindent];
    if (w > top) {
        if (lx->nindent >= LEX_MAX_INDENT) {
            lex_fail(lx, "IndentationError", lx->line, w, "too many levels of indentation");
            return false;
        }
        lx->indents[++lx->nindent] = w;
        lx->pending = 1;
        return true;
    }
    while (lx->nindent > 0 && w < lx->indents[lx->nindent]) {
        lx->nindent--;
        lx->pending--;
    }
    if (w != lx->indents[lx->nindent]) {
        const char *e = lx->cur;
        while (*e && *e != '\n') e++;
        if (e > lx->line_start && e[-1] == '\r') e--;
        lex_fail(lx, "IndentationError", lx->line, col_of(lx, e),
                 "unindent does not match any outer indentation level");
        return false;
    }
    return true;
}

/* Skips a line that holds no token (blank, comment only). */
static void skip_line(Lexer *lx)
{
    const char *p = lx->cur;
    while (!(*p == '\0' && p >= lx->lim) && *p != '\n') p++;
    if (*p == '\n') {
        p++;
        lx->line++;
        lx->line_start = p;
    }
    lx->cur = p;
}

/* A `%magic rest` line: one token up to the end of the line. */
static Token scan_magic(Lexer *lx)
{
    const char *s = lx->cur, *e = s;
    while (!(*e == '\0' && e >= lx->lim) && *e != '\n') e++;
    const char *end = e;
    if (end > s && end[-1] == '\r') end--;
    lx->cur = e;
    lx->line_has_tokens = true;
    return make_tok(lx, T_MAGIC, s, end);
}

/* Handles the start of a logical line: blank lines, indentation, magics.
 * Returns true with *t set when a token is ready. */
static bool begin_line(Lexer *lx, Token *t)
{
    int w;
    while (!measure_indent(lx, &w)) {
        if (*lx->cur == '\0' && lx->cur >= lx->lim) {
            *t = at_eof(lx, lx->cur);
            return true;
        }
        if (*lx->cur == '\\') {   /* a line holding only a continuation */
            lx->cur += lx->cur[1] == '\r' ? 3 : 2;
            lx->line++;
            lx->line_start = lx->cur;
            continue;
        }
        skip_line(lx);
    }
    lx->at_bol = false;
    if (!apply_indent(lx, w)) {
        *t = (Token){ T_ERROR, lx->cur, 0, lx->err_line, lx->err_col, lx->err_line, lx->err_col };
        return true;
    }
    lx->first_tok = true;
    return false;
}

static Token pending_token(Lexer *lx)
{
    TokKind k = lx->pending > 0 ? T_INDENT : T_DEDENT;
    lx->pending += lx->pending > 0 ? -1 : 1;
    if (k == T_INDENT) {
        Token t = make_tok(lx, k, lx->line_start, lx->cur);
        t.col = 0;
        return t;
    }
    return make_tok(lx, k, lx->cur, lx->cur);
}

/* ---- the scanner ---- */

/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = "p";
    re2c:define:YYMARKER = "mk";
    re2c:yyfill:enable = 0;
    re2c:flags:tags = 0;

    digitpart = [0-9] ("_"? [0-9])*;
    exponent  = [eE] [+-]? digitpart;
    pointfloat = digitpart? "." digitpart | digitpart ".";
    floatnum  = pointfloat exponent? | digitpart exponent;
    decint    = [1-9] ("_"? [0-9])* | "0"+ ("_"? "0")*;
    zeroint   = "0"+ ("_"? [0-9])+;
    hexint    = "0" [xX] ("_"? [0-9a-fA-F])*;
    octint    = "0" [oO] ("_"? [0-7])*;
    binint    = "0" [bB] ("_"? [01])*;
    prefix    = [rRbBuUfF] | [rR][bBfF] | [bBfF][rR];
    identstart = [a-zA-Z_\x80-\xff];
    identrest  = [a-zA-Z0-9_\x80-\xff];
*/

/* Scans one token that is not layout; returns true with *t set, or false
 * when it consumed something invisible (space, comment, joined line). */
static bool scan_token(Lexer *lx, Token *t)
{
    const unsigned char *p = (const unsigned char *)lx->cur, *mk = p;
    const char *s = lx->cur;
#define TOK(k) do { lx->cur = (const char *)p; *t = make_tok(lx, (k), s, lx->cur); \
                    lx->line_has_tokens = true; return true; } while (0)
    /*!re2c
        [ \t\f]+ { lx->cur = (const char *)p; return false; }
        "#" [^\n\x00]* { lx->cur = (const char *)p; return false; }
        "\\" "\r"? "\n" {
            if ((const char *)p >= lx->lim) {   /* nothing left to join */
                lx->incomplete = true;
                *t = lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s) + 1,
                              "unexpected EOF while parsing");
                return true;
            }
            lx->cur = (const char *)p; lx->line++; lx->line_start = lx->cur; return false;
        }
        "\\" {
            if (*p == '\0' && (const char *)p >= lx->lim) {
                lx->incomplete = true;
                *t = lex_fail(lx, "SyntaxError", lx->line, col_of(lx, (const char *)p),
                              "unexpected EOF while parsing");
            } else {
                *t = lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s) + 1,
                              "unexpected character after line continuation character");
            }
            return true;
        }
        "\r"? "\n" {
            lx->cur = (const char *)p;
            bool emit = lx->line_has_tokens && lx->nparens == 0 && !fragment_mode(lx);
            if (emit) *t = make_tok(lx, T_NEWLINE, s, s);
            lx->line++;
            lx->line_start = lx->cur;
            if (lx->nparens == 0 && !fragment_mode(lx)) {
                lx->at_bol = true;
                lx->line_has_tokens = false;
            }
            return emit;
        }
        "\x00" {
            if ((const char *)p - 1 >= lx->lim) { *t = at_eof(lx, s); return true; }
            *t = lex_fail(lx, "SyntaxError", lx->line, col_of(lx, s),
                          "source code cannot contain null bytes");
            return true;
        }
        prefix? ['"] {
            lx->line_has_tokens = true;
            *t = scan_string(lx, s, (const char *)p);
            return true;
        }
        identstart identrest* {
            lx->cur = (const char *)p;
            lx->line_has_tokens = true;
            *t = check_name(lx, s, lx->cur);
            return true;
        }
        floatnum | decint { lx->cur = (const char *)p; lx->line_has_tokens = true;
                            *t = finish_number(lx, s, lx->cur, 10); return true; }
        zeroint { if (strspn(s, "0_") >= (size_t)((const char *)p - s)) {
                      lx->cur = (const char *)p; lx->line_has_tokens = true;
                      *t = finish_number(lx, s, lx->cur, 10); return true; }
                  *t = leading_zeros(lx, s); return true; }
        hexint { lx->cur = (const char *)p; lx->line_has_tokens = true;
                 *t = finish_number(lx, s, lx->cur, 16); return true; }
        octint { lx->cur = (const char *)p; lx->line_has_tokens = true;
                 *t = finish_number(lx, s, lx->cur, 8); return true; }
        binint { lx->cur = (const char *)p; lx->line_has_tokens = true;
                 *t = finish_number(lx, s, lx->cur, 2); return true; }

        "(" { lx->cur = (const char *)p; lx->line_has_tokens = true; *t = open_bracket(lx, T_LPAR, s); return true; }
        "[" { lx->cur = (const char *)p; lx->line_has_tokens = true; *t = open_bracket(lx, T_LSQB, s); return true; }
        "{" { lx->cur = (const char *)p; lx->line_has_tokens = true; *t = open_bracket(lx, T_LBRACE, s); return true; }
        ")" { lx->cur = (const char *)p; lx->line_has_tokens = true; *t = close_bracket(lx, T_RPAR, s); return true; }
        "]" { lx->cur = (const char *)p; lx->line_has_tokens = true; *t = close_bracket(lx, T_RSQB, s); return true; }
        "}" { lx->cur = (const char *)p; lx->line_has_tokens = true; *t = close_bracket(lx, T_RBRACE, s); return true; }

        ","   { TOK(T_COMMA); }
        ":"   { TOK(T_COLON); }
        ";"   { TOK(T_SEMI); }
        "."   { TOK(T_DOT); }
        "..." { TOK(T_ELLIPSIS); }
        "->"  { TOK(T_ARROW); }
        ":="  { TOK(T_WALRUS); }
        "="   { TOK(T_EQUAL); }
        "=="  { TOK(T_EQEQ); }
        "!="  { TOK(T_NOTEQ); }
        "<"   { TOK(T_LESS); }
        ">"   { TOK(T_GREATER); }
        "<="  { TOK(T_LESSEQ); }
        ">="  { TOK(T_GREATEREQ); }
        "+"   { TOK(T_PLUS); }
        "-"   { TOK(T_MINUS); }
        "*"   { TOK(T_STAR); }
        "/"   { TOK(T_SLASH); }
        "//"  { TOK(T_DSLASH); }
        "%"   { TOK(T_PERCENT); }
        "**"  { TOK(T_DSTAR); }
        "@"   { TOK(T_AT); }
        "<<"  { TOK(T_LSHIFT); }
        ">>"  { TOK(T_RSHIFT); }
        "&"   { TOK(T_AMPER); }
        "|"   { TOK(T_VBAR); }
        "^"   { TOK(T_CIRCUMFLEX); }
        "~"   { TOK(T_TILDE); }
        "+="  { TOK(T_PLUSEQ); }
        "-="  { TOK(T_MINUSEQ); }
        "*="  { TOK(T_STAREQ); }
        "/="  { TOK(T_SLASHEQ); }
        "//=" { TOK(T_DSLASHEQ); }
        "%="  { TOK(T_PERCENTEQ); }
        "**=" { TOK(T_DSTAREQ); }
        "@="  { TOK(T_ATEQ); }
        "<<=" { TOK(T_LSHIFTEQ); }
        ">>=" { TOK(T_RSHIFTEQ); }
        "&="  { TOK(T_AMPEREQ); }
        "|="  { TOK(T_VBAREQ); }
        "^="  { TOK(T_CIRCUMFLEXEQ); }
        "?"   { TOK(T_QUESTION); }
        *     { TOK(T_UNKNOWN); }
    */
#undef TOK
}

Token lex_next(Lexer *lx)
{
    Token t;
    for (;;) {
        if (lx->failed)
            return (Token){ T_ERROR, lx->cur, 0, lx->err_line, lx->err_col,
                            lx->err_line, lx->err_col };
        if (lx->done) return eof_tok(lx, T_EOF, lx->cur);
        if (lx->pending) return pending_token(lx);
        if (lx->at_bol && !lx->fragment) {
            if (begin_line(lx, &t)) return t;
            if (lx->pending) return pending_token(lx);
        }
        if (lx->first_tok) {
            lx->first_tok = false;
            if (*lx->cur == '%') return scan_magic(lx);
        }
        if (scan_token(lx, &t)) return t;
    }
}

void lex_init(Lexer *lx, const char *buf, size_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->buf = lx->cur = lx->line_start = buf;
    lx->lim = buf + len;
    lx->line = 1;
    lx->at_bol = true;
    /* a `#!` first line is a comment already: `#` starts one */
}

void lex_init_fragment(Lexer *lx, const char *buf, size_t len, int line, int col)
{
    lex_init(lx, buf, len);
    lx->line = line;
    lx->col_base = col;
    lx->at_bol = false;
    lx->fragment = true;
}

const char *lex_kind_name(TokKind k)
{
    static const char *const names[T__COUNT] = {
        [T_EOF] = "EOF", [T_ERROR] = "ERROR", [T_NEWLINE] = "NEWLINE",
        [T_INDENT] = "INDENT", [T_DEDENT] = "DEDENT", [T_NAME] = "NAME",
        [T_NUMBER] = "NUMBER", [T_STRING] = "STRING", [T_MAGIC] = "MAGIC",
        [T_UNKNOWN] = "UNKNOWN",
#define NAME_ROW_(k, s) [k] = s,
        LEX_OPERATORS(NAME_ROW_)
        LEX_KEYWORDS(NAME_ROW_)
#undef NAME_ROW_
    };
    return (unsigned)k < T__COUNT && names[k] ? names[k] : "?";
}
