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

/* Parses src (len bytes, UTF-8).  filename is used in error messages only. */
ParseResult parse_source(const char *src, size_t len, const char *filename, ParseMode mode);
void parse_free(ParseResult *r);

#endif
