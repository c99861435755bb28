/* parser.h — source text to AST (recursive descent, precedence climbing). */
#ifndef PARSER_H
#define PARSER_H

#include "ast.h"

typedef enum { PARSE_FILE, PARSE_SINGLE /* one prompt entry */, PARSE_EVAL } ParseMode;

typedef struct ParseError {
    const char *kind;     /* "SyntaxError" or "IndentationError" */
    char msg[256];        /* "invalid syntax", "unexpected indent", ... */
    int line, col;        /* 1-based line, 1-based column like CPython's caret */
    int end_col;          /* for a ^^^ range; 0 if unknown */
    char text[512];       /* the offending source line, without newline */
    bool incomplete;      /* input ended inside a block/bracket: the prompt asks for more */
} ParseError;

typedef struct ParseResult {
    Arena *arena;         /* owns every node; free with parse_free */
    Node *module;         /* N_MODULE, or NULL on error */
    ParseError err;
} ParseResult;

/* Parses src (len bytes, UTF-8; need not be NUL-terminated).  filename is
 * used in error messages only.
 *
 * err.incomplete — "the prompt should read another line":
 *  - with module == NULL: the input ended inside a bracket, a triple-quoted
 *    string or after a `\` continuation, or after a block header's `:` (or
 *    a decorator) with no body yet.  In PARSE_SINGLE mode that last case
 *    is a real IndentationError once the entry ends with an empty line.
 *  - with module != NULL (PARSE_SINGLE only): the entry parsed, but it
 *    holds a top-level compound statement (if/for/while/def/class/with/
 *    try) and its last line is not empty yet.  Like CPython's REPL, such
 *    an entry is complete only when the text ends with an empty
 *    (whitespace-only) line, i.e. "...\n\n".  The module is usable as is.
 *
 * PARSE_EVAL gives a module whose body is one N_EXPR.  PARSE_SINGLE also
 * accepts `?obj`, `obj?` and `obj??` (parsed as the statement help(obj)).
 * Every mode accepts `%magic args` lines (N_MAGIC); for %time/%timeit the
 * statement after the options is parsed into magic.stmt, or an N_MODULE
 * holding them when there are several (`%timeit a = 1; b = 2`).
 * N_IMPORTFROM's module is "" for `from . import x` (level counts dots). */
ParseResult parse_source(const char *src, size_t len, const char *filename, ParseMode mode);
void parse_free(ParseResult *r);

#endif
