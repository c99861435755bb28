/* parse_internal.h — state shared by the parser's files (not public).
 *
 * parser.c      token stream, errors, parse_source
 * parse_expr.c  expressions (precedence climbing for binary operators)
 * parse_stmt.c  statements and blocks
 * targets.c     checks of assignment/deletion targets
 * strings.c     string literals, escapes and f-strings
 * arena.c       the node arena
 * ast_dump.c    the debug dump
 */
#ifndef PARSE_INTERNAL_H
#define PARSE_INTERNAL_H

#include "lexer/lexer.h"
#include "parser/parser.h"
#include "runtime/value.h"   /* BinOp, UnOp codes stored in the AST */

/* Recursion budget for expressions that nest without brackets (`- - - x`,
 * `not not x`, chains of `if else` or `lambda`); brackets are limited by
 * the lexer.  Keeps a fuzzer from overflowing the C stack. */
#define PARSE_MAX_DEPTH 1000

typedef struct Parser {
    Lexer lx;
    Token tok, prev;          /* current and previous token */
    Arena *arena;
    ParseError *err;
    bool failed;
    ParseMode mode;
    const char *src;          /* the whole (copied) source, for error lines */
    size_t srclen;
    int depth;
    /* context, for the checks CPython's compiler makes */
    Node *func;               /* innermost def/lambda, NULL at module level */
    int loop_depth;
    bool in_class_body;
    /* a "compiler" error seen while parsing: reported only if the parse
     * itself succeeds, because CPython finds those after parsing */
    bool late_failed;
    ParseError late;
    bool want_block;          /* at EOF more lines would help */
    bool saw_compound;        /* a top-level compound statement */
    /* span of the last complete `or` expression, for the comma hint */
    int last_or_line, last_or_col, last_or_end_line, last_or_end_col;
} Parser;

/* parser.c */
void p_advance(Parser *p);
bool p_check(Parser *p, TokKind k);
bool p_accept(Parser *p, TokKind k);
bool p_expect(Parser *p, TokKind k);
Node *p_node(Parser *p, NodeKind k, const Token *start);
Node *p_finish(Parser *p, Node *n);   /* sets the end from the previous token */
void p_error_at(Parser *p, const char *kind, int line, int col, int end_line,
                int end_col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void p_error_node(Parser *p, const Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void p_late_error_node(Parser *p, const Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void p_syntax_error(Parser *p);       /* "invalid syntax" at the current token */
void p_take_lexer_error(Parser *p);   /* the lexer's error replaces ours */
bool p_nomem(Parser *p);              /* records a MemoryError; returns false */
const char *p_tok_text(Parser *p, const Token *t);   /* arena copy */
bool p_enter(Parser *p);              /* depth check; pair with p_leave */
void p_leave(Parser *p);
Node *p_name_node(Parser *p, const char *id, const Token *at);

/* parse_expr.c */
Node *px_test(Parser *p);              /* expression: lambda, if-else, or ... */
Node *px_test_nocond(Parser *p);       /* or_test (comprehension ifs) */
Node *px_or_test(Parser *p);
Node *px_bitor(Parser *p);             /* bitwise_or level (targets) */
Node *px_star_exprs(Parser *p);        /* a, *b, c  -> tuple if a comma */
Node *px_target_list(Parser *p);       /* for/del targets, stops at `in` */
Node *px_yield(Parser *p);             /* after checking the `yield` token */
Node *px_yield_or_star_exprs(Parser *p);
Node *px_lambda(Parser *p);
bool px_params(Parser *p, Params *out, TokKind close, bool annotations);

/* parse_stmt.c */
bool ps_statement(Parser *p, NodeList *body);   /* one line or compound */
Node *ps_magic(Parser *p);

/* targets.c */
bool pt_check_assign(Parser *p, Node *t, bool first_of_chain, bool last_eq);
bool pt_check_aug(Parser *p, Node *t);
bool pt_check_del(Parser *p, Node *t);
bool pt_check_target(Parser *p, Node *t);       /* for/with/comprehension */
void pt_check_starred_expr(Parser *p, Node *value);
bool pt_here_ok(const Node *next, bool next_is_value);

/* strings.c */
Node *pstr_atom(Parser *p);            /* one or more adjacent STRING tokens */

#endif
