/* lexer.h — source bytes to Python tokens (re2c scanner in lexer.re).
 *
 * The lexer works on a NUL-terminated buffer that the caller owns (the
 * parser copies the source and appends "\n\0", so the scanner may use NUL
 * as its end sentinel and never reads past the buffer).  It produces the
 * tokens of Python's grammar: NAME, NUMBER, STRING (undecoded: prefix,
 * quotes and body), operators, and the layout tokens NEWLINE, INDENT and
 * DEDENT computed from indentation.  Inside (), [] and {} newlines and
 * indentation are ignored (implicit line joining), and a backslash before
 * a newline joins lines.
 *
 * Errors (unterminated strings, bad numbers, bad dedents, unbalanced
 * brackets) make lex_next return T_ERROR and fill lx->err*; the first
 * error sticks and every later call returns T_ERROR again.
 */
#ifndef LEXER_H
#define LEXER_H

#include <stdbool.h>
#include <stddef.h>

/* Operator tokens: X(kind, spelling).  One list drives the enum and the
 * names used in error messages and token dumps. */
#define LEX_OPERATORS(X) \
    X(T_LPAR, "(") X(T_RPAR, ")") X(T_LSQB, "[") X(T_RSQB, "]") \
    X(T_LBRACE, "{") X(T_RBRACE, "}") X(T_COMMA, ",") X(T_COLON, ":") \
    X(T_SEMI, ";") X(T_DOT, ".") X(T_ELLIPSIS, "...") X(T_ARROW, "->") \
    X(T_WALRUS, ":=") X(T_EQUAL, "=") X(T_EQEQ, "==") X(T_NOTEQ, "!=") \
    X(T_LESS, "<") X(T_GREATER, ">") X(T_LESSEQ, "<=") X(T_GREATEREQ, ">=") \
    X(T_PLUS, "+") X(T_MINUS, "-") X(T_STAR, "*") X(T_SLASH, "/") \
    X(T_DSLASH, "//") X(T_PERCENT, "%") X(T_DSTAR, "**") X(T_AT, "@") \
    X(T_LSHIFT, "<<") X(T_RSHIFT, ">>") X(T_AMPER, "&") X(T_VBAR, "|") \
    X(T_CIRCUMFLEX, "^") X(T_TILDE, "~") \
    X(T_PLUSEQ, "+=") X(T_MINUSEQ, "-=") X(T_STAREQ, "*=") X(T_SLASHEQ, "/=") \
    X(T_DSLASHEQ, "//=") X(T_PERCENTEQ, "%=") X(T_DSTAREQ, "**=") \
    X(T_ATEQ, "@=") X(T_LSHIFTEQ, "<<=") X(T_RSHIFTEQ, ">>=") \
    X(T_AMPEREQ, "&=") X(T_VBAREQ, "|=") X(T_CIRCUMFLEXEQ, "^=") \
    X(T_QUESTION, "?")

/* Keywords: X(kind, spelling).  The lexer turns these NAMEs into kinds. */
#define LEX_KEYWORDS(X) \
    X(T_FALSE, "False") X(T_NONE, "None") X(T_TRUE, "True") X(T_AND, "and") \
    X(T_AS, "as") X(T_ASSERT, "assert") X(T_ASYNC, "async") X(T_AWAIT, "await") \
    X(T_BREAK, "break") X(T_CLASS, "class") X(T_CONTINUE, "continue") \
    X(T_DEF, "def") X(T_DEL, "del") X(T_ELIF, "elif") X(T_ELSE, "else") \
    X(T_EXCEPT, "except") X(T_FINALLY, "finally") X(T_FOR, "for") \
    X(T_FROM, "from") X(T_GLOBAL, "global") X(T_IF, "if") X(T_IMPORT, "import") \
    X(T_IN, "in") X(T_IS, "is") X(T_LAMBDA, "lambda") X(T_NONLOCAL, "nonlocal") \
    X(T_NOT, "not") X(T_OR, "or") X(T_PASS, "pass") X(T_RAISE, "raise") \
    X(T_RETURN, "return") X(T_TRY, "try") X(T_WHILE, "while") X(T_WITH, "with") \
    X(T_YIELD, "yield")

#define LEX_ENUM_(k, s) k,
typedef enum {
    T_EOF, T_ERROR, T_NEWLINE, T_INDENT, T_DEDENT,
    T_NAME, T_NUMBER, T_STRING,
    T_MAGIC,     /* a whole `%name rest` line at the start of a logical line */
    T_UNKNOWN,   /* a character Python has no token for ($, !, `) */
    LEX_OPERATORS(LEX_ENUM_)
    LEX_KEYWORDS(LEX_ENUM_)
    T__COUNT
} TokKind;
#undef LEX_ENUM_

/* Nesting limits, as CPython's tokenizer has them. */
#define LEX_MAX_PARENS 200
#define LEX_MAX_INDENT 100

typedef struct Token {
    TokKind kind;
    const char *start;      /* into the lexer's buffer */
    size_t len;
    int line, col;          /* 1-based line, 0-based byte column */
    int end_line, end_col;  /* just past the token */
} Token;

typedef struct Lexer {
    const char *buf, *cur, *lim;   /* lim: the terminating NUL */
    const char *line_start;        /* start of the current physical line */
    int line;
    bool at_bol;                   /* next token starts a logical line */
    bool line_has_tokens;          /* a NEWLINE is owed at the end of this line */
    int indents[LEX_MAX_INDENT + 1], nindent;
    int pending;                   /* >0: INDENTs owed, <0: DEDENTs owed */
    struct { char ch; int line, col; } parens[LEX_MAX_PARENS];
    int nparens;
    bool done;                     /* EOF token returned */
    bool fragment;                 /* an f-string expression: no layout tokens */
    bool first_tok;                /* next token is the first of a logical line */
    int col_base;                  /* column of buf[0] within its source line */
    /* error state */
    bool failed;
    bool incomplete;               /* the error is "more input would fix it" */
    const char *err_kind;          /* "SyntaxError" / "IndentationError" */
    char err_msg[256];
    int err_line, err_col, err_end_line, err_end_col;  /* 0-based byte cols */
} Lexer;

/* buf must stay alive and end with a NUL at buf[len]. */
void lex_init(Lexer *lx, const char *buf, size_t len);
/* Like lex_init for a fragment (an f-string expression) whose first byte
 * sits at (line, col) of the enclosing source: no indentation handling. */
void lex_init_fragment(Lexer *lx, const char *buf, size_t len, int line, int col);
Token lex_next(Lexer *lx);
const char *lex_kind_name(TokKind k);   /* "NAME", "(", "if", ... */

#endif
