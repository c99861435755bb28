/* parse_stmt.c — statements and blocks.
 *
 * A statement is a compound statement (if/while/for/try/with/def/class,
 * possibly decorated) or a line of simple statements separated by `;`.
 * Blocks are either an INDENT ... DEDENT suite or simple statements on the
 * header's own line.  The checks CPython makes after parsing ('return'
 * outside function, 'break' outside loop, ...) are recorded as "late"
 * errors, reported only if the whole parse succeeds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parse_internal.h"

static bool simple_stmts(Parser *p, NodeList *body);

static bool push(Parser *p, NodeList *l, Node *n)
{
    if (!n) return false;
    if (!nodelist_push(p->arena, l, n)) return p_nomem(p);
    return true;
}


/* ---- blocks ---- */

/* The body after a header's `:`.  what/line name the header for the
 * "expected an indented block after ..." message. */
static bool block(Parser *p, NodeList *body, const char *what, int line)
{
    if (!p_accept(p, T_NEWLINE)) return simple_stmts(p, body);
    if (!p_check(p, T_INDENT)) {
        p->want_block = true;
        if (p->lx.failed) return false;
        const Token *t = &p->tok;
        p_error_at(p, "IndentationError", t->line, t->col, t->end_line, t->end_col,
                   "expected an indented block after %s on line %d", what, line);
        return false;
    }
    p_advance(p);
    while (!p_check(p, T_DEDENT) && !p_check(p, T_EOF))
        if (!ps_statement(p, body)) return false;
    p_accept(p, T_DEDENT);
    p->want_block = false;
    return true;
}

/* `:` then a block, for a header named by kw ("if", "while", ...). */
static bool colon_block(Parser *p, NodeList *body, const char *kw, int line)
{
    char what[64];
    if (!p_expect(p, T_COLON)) return false;
    if (kw[0] == '!') snprintf(what, sizeof what, "%s", kw + 1);
    else snprintf(what, sizeof what, "'%s' statement", kw);
    return block(p, body, what, line);
}

/* A block inside a loop: break/continue become legal. */
static bool loop_block(Parser *p, NodeList *body, const char *kw, int line)
{
    p->loop_depth++;
    bool ok = colon_block(p, body, kw, line);
    p->loop_depth--;
    return ok;
}

/* `else:` after if/while/for/try. */
static bool else_block(Parser *p, NodeList *orelse)
{
    int line = p->tok.line;
    p_advance(p);
    return colon_block(p, orelse, "else", line);
}

/* ---- compound statements ---- */

static Node *if_stmt(Parser *p, const char *kw)
{
    Token t = p->tok;
    p_advance(p);
    Node *n = p_node(p, N_IF, &t);
    if (!n || !(n->if_.test = px_test(p)) || !colon_block(p, &n->if_.body, kw, t.line))
        return NULL;
    if (p_check(p, T_ELIF)) {
        if (!push(p, &n->if_.orelse, if_stmt(p, "elif"))) return NULL;
    } else if (p_check(p, T_ELSE)) {
        if (!else_block(p, &n->if_.orelse)) return NULL;
    }
    return p_finish(p, n);
}

static Node *while_stmt(Parser *p)
{
    Token t = p->tok;
    p_advance(p);
    Node *n = p_node(p, N_WHILE, &t);
    if (!n || !(n->loop.test = px_test(p)) || !loop_block(p, &n->loop.body, "while", t.line))
        return NULL;
    if (p_check(p, T_ELSE) && !else_block(p, &n->loop.orelse)) return NULL;
    return p_finish(p, n);
}

static Node *for_stmt(Parser *p)
{
    Token t = p->tok;
    p_advance(p);
    Node *n = p_node(p, N_FOR, &t);
    if (!n || !(n->loop.target = px_target_list(p))) return NULL;
    if (!p_expect(p, T_IN) || !(n->loop.iter = px_star_exprs(p))) return NULL;
    if (!pt_check_target(p, n->loop.target)) return NULL;
    if (!loop_block(p, &n->loop.body, "for", t.line)) return NULL;
    if (p_check(p, T_ELSE) && !else_block(p, &n->loop.orelse)) return NULL;
    return p_finish(p, n);
}

static Node *except_clause(Parser *p)
{
    Token t = p->tok;
    p_advance(p);
    Node *h = p_node(p, N_HANDLER, &t);
    if (!h) return NULL;
    if (!p_check(p, T_COLON)) {
        if (!(h->handler.type = px_test(p))) return NULL;
        if (p_check(p, T_COMMA)) {
            p_error_at(p, "SyntaxError", h->handler.type->line, h->handler.type->col,
                       p->tok.end_line, p->tok.end_col,
                       "multiple exception types must be parenthesized");
            return NULL;
        }
        if (p_accept(p, T_AS)) {
            if (!p_check(p, T_NAME)) { p_syntax_error(p); return NULL; }
            if (!(h->handler.name = p_tok_text(p, &p->tok))) return NULL;
            p_advance(p);
        }
    }
    if (!colon_block(p, &h->handler.body, "except", t.line)) return NULL;
    return p_finish(p, h);
}

static Node *try_stmt(Parser *p)
{
    Token t = p->tok;
    p_advance(p);
    Node *n = p_node(p, N_TRY, &t);
    if (!n || !colon_block(p, &n->try_.body, "try", t.line)) return NULL;
    while (p_check(p, T_EXCEPT))
        if (!push(p, &n->try_.handlers, except_clause(p))) return NULL;
    if (n->try_.handlers.n && p_check(p, T_ELSE) && !else_block(p, &n->try_.orelse))
        return NULL;
    if (p_check(p, T_FINALLY)) {
        int line = p->tok.line;
        p_advance(p);
        if (!colon_block(p, &n->try_.finalbody, "finally", line)) return NULL;
    }
    if (!n->try_.handlers.n && !n->try_.finalbody.n) {
        p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
                   "expected 'except' or 'finally' block");
        return NULL;
    }
    return p_finish(p, n);
}

static Node *with_stmt(Parser *p)
{
    Token t = p->tok;
    p_advance(p);
    Node *n = p_node(p, N_WITH, &t);
    if (!n) return NULL;
    do {
        Token it = p->tok;
        Node *item = p_node(p, N_WITHITEM, &it);
        if (!item || !(item->withitem.ctx = px_test(p))) return NULL;
        if (p_accept(p, T_AS)) {
            if (!(item->withitem.target = px_bitor(p))) return NULL;
            if (!pt_check_target(p, item->withitem.target)) return NULL;
        }
        if (!push(p, &n->with.items, p_finish(p, item))) return NULL;
    } while (p_accept(p, T_COMMA));
    if (!colon_block(p, &n->with.body, "with", t.line)) return NULL;
    return p_finish(p, n);
}

/* A def or class body: its own function/loop context. */
static bool scoped_block(Parser *p, Node *func, NodeList *body, const char *what, int line)
{
    Node *saved = p->func;
    int saved_loop = p->loop_depth;
    bool saved_class = p->in_class_body;
    p->func = func;   /* NULL in a class body: `return` there is outside a function */
    p->in_class_body = func == NULL;
    p->loop_depth = 0;
    bool ok = colon_block(p, body, what, line);
    p->func = saved;
    p->loop_depth = saved_loop;
    p->in_class_body = saved_class;
    return ok;
}

static Node *def_stmt(Parser *p, NodeList *decorators, const Token *start)
{
    int line = p->tok.line;
    p_advance(p);
    Node *n = p_node(p, N_DEF, start);
    if (!n) return NULL;
    if (!p_check(p, T_NAME)) { p_syntax_error(p); return NULL; }
    if (!(n->func.name = p_tok_text(p, &p->tok))) return NULL;
    p_advance(p);
    if (!p_expect(p, T_LPAR) || !px_params(p, &n->func.params, T_RPAR, true) ||
        !p_expect(p, T_RPAR))
        return NULL;
    if (p_accept(p, T_ARROW) && !px_test(p)) return NULL;
    n->func.decorators = *decorators;
    if (!scoped_block(p, n, &n->func.body, "!function definition", line)) return NULL;
    return p_finish(p, n);
}

static Node *class_stmt(Parser *p, NodeList *decorators, const Token *start)
{
    int line = p->tok.line;
    p_advance(p);
    Node *n = p_node(p, N_CLASS, start);
    if (!n) return NULL;
    if (!p_check(p, T_NAME)) { p_syntax_error(p); return NULL; }
    if (!(n->cls.name = p_tok_text(p, &p->tok))) return NULL;
    p_advance(p);
    if (p_accept(p, T_LPAR)) {
        while (!p_check(p, T_RPAR)) {
            Node *b = px_test(p);
            if (!b) return NULL;
            if (p_check(p, T_EQUAL)) {
                p_error_node(p, b, "class keyword arguments (metaclass=...) are not "
                                   "supported in TensorScript");
                return NULL;
            }
            if (!push(p, &n->cls.bases, b)) return NULL;
            if (!p_accept(p, T_COMMA)) break;
        }
        if (!p_expect(p, T_RPAR)) return NULL;
    }
    n->cls.decorators = *decorators;
    if (!scoped_block(p, NULL, &n->cls.body, "!class definition", line)) return NULL;
    return p_finish(p, n);
}

/* Decorators, then the def or class they apply to. */
static Node *decorated(Parser *p)
{
    Token start = p->tok;
    NodeList decos = {0};
    while (p_accept(p, T_AT)) {
        if (!push(p, &decos, px_test(p))) return NULL;
        if (!p_check(p, T_NEWLINE)) { p_syntax_error(p); return NULL; }
        p_advance(p);
        p->want_block = true;   /* at the prompt, `@dec` waits for its def */
    }
    p->want_block = false;
    if (p_check(p, T_DEF)) return def_stmt(p, &decos, &start);
    if (p_check(p, T_CLASS)) return class_stmt(p, &decos, &start);
    if (p_check(p, T_EOF)) p->want_block = true;
    p_syntax_error(p);
    return NULL;
}

static Node *compound(Parser *p)
{
    NodeList none = {0};
    Token start = p->tok;
    switch (p->tok.kind) {
    case T_IF: return if_stmt(p, "if");
    case T_WHILE: return while_stmt(p);
    case T_FOR: return for_stmt(p);
    case T_TRY: return try_stmt(p);
    case T_WITH: return with_stmt(p);
    case T_DEF: return def_stmt(p, &none, &start);
    case T_CLASS: return class_stmt(p, &none, &start);
    case T_AT: return decorated(p);
    default: return NULL;
    }
}

static bool is_compound(TokKind k)
{
    return k == T_IF || k == T_WHILE || k == T_FOR || k == T_TRY || k == T_WITH ||
           k == T_DEF || k == T_CLASS || k == T_AT;
}

/* ---- simple statements ---- */

static Node *help_call(Parser *p, Node *obj, const Token *start)
{
    Node *st = p_node(p, N_EXPR, start);
    Node *call = p_node(p, N_CALL, start);
    Node *fn = p_name_node(p, "help", start);
    if (!st || !call || !fn || !push(p, &call->call.args, obj)) return NULL;
    call->call.func = fn;
    st->expr.value = p_finish(p, call);
    return p_finish(p, st);
}

/* `?obj`, `obj?`, `obj??` at the prompt: help(obj). */
static Node *question_help(Parser *p, const Token *start)
{
    while (p_accept(p, T_QUESTION)) {}
    Node *obj = px_test(p);
    if (!obj) return NULL;
    while (p_accept(p, T_QUESTION)) {}
    return help_call(p, obj, start);
}

static int augassign_op(TokKind k)
{
    switch (k) {
    case T_PLUSEQ: return OP_ADD;
    case T_MINUSEQ: return OP_SUB;
    case T_STAREQ: return OP_MUL;
    case T_SLASHEQ: return OP_TRUEDIV;
    case T_DSLASHEQ: return OP_FLOORDIV;
    case T_PERCENTEQ: return OP_MOD;
    case T_DSTAREQ: return OP_POW;
    case T_ATEQ: return OP_MATMUL;
    case T_LSHIFTEQ: return OP_LSHIFT;
    case T_RSHIFTEQ: return OP_RSHIFT;
    case T_AMPEREQ: return OP_AND;
    case T_VBAREQ: return OP_OR;
    case T_CIRCUMFLEXEQ: return OP_XOR;
    default: return -1;
    }
}

static Node *annotated(Parser *p, Node *target, const Token *start)
{
    p_advance(p);   /* : */
    if (target->kind != N_NAME && target->kind != N_ATTR && target->kind != N_SUBSCRIPT) {
        if (target->kind == N_TUPLE || target->kind == N_LIST)
            p_error_node(p, target, "only single target (not %s) can be annotated",
                         target->kind == N_TUPLE ? "tuple" : "list");
        else
            p_error_node(p, target, "illegal target for annotation");
        return NULL;
    }
    Node *n = p_node(p, N_ANNASSIGN, start);
    if (!n || !(n->ann.annotation = px_test(p))) return NULL;
    n->ann.target = target;
    if (p_accept(p, T_EQUAL) && !(n->ann.value = px_yield_or_star_exprs(p))) return NULL;
    return p_finish(p, n);
}

/* `a = b = value`: every element but the last is a target. */
static Node *assignment(Parser *p, Node *first, const Token *start)
{
    Node *n = p_node(p, N_ASSIGN, start);
    NodeList items = {0};
    if (!n || !push(p, &items, first)) return NULL;
    while (p_accept(p, T_EQUAL))
        if (!push(p, &items, px_yield_or_star_exprs(p))) return NULL;
    for (int i = 0; i + 1 < items.n; i++) {
        bool next_is_value = i + 2 == items.n;
        if (!pt_check_assign(p, items.items[i], i == 0, pt_here_ok(items.items[i + 1], next_is_value)))
            return NULL;
        if (!push(p, &n->assign.targets, items.items[i])) return NULL;
    }
    n->assign.value = items.items[items.n - 1];
    pt_check_starred_expr(p, n->assign.value);
    return p_finish(p, n);
}

static Node *expr_stmt(Parser *p)
{
    Token start = p->tok;
    if (p->mode == PARSE_SINGLE && p_check(p, T_QUESTION)) return question_help(p, &start);
    Node *first = px_yield_or_star_exprs(p);
    if (!first) return NULL;
    if (p->mode == PARSE_SINGLE && p_check(p, T_QUESTION)) {
        while (p_accept(p, T_QUESTION)) {}
        return help_call(p, first, &start);
    }
    if (p_check(p, T_COLON)) return annotated(p, first, &start);
    int op = augassign_op(p->tok.kind);
    if (op >= 0) {
        if (!pt_check_aug(p, first)) return NULL;
        p_advance(p);
        Node *n = p_node(p, N_AUGASSIGN, &start);
        if (!n || !(n->aug.value = px_yield_or_star_exprs(p))) return NULL;
        n->aug.target = first;
        n->aug.op = op;
        return p_finish(p, n);
    }
    if (p_check(p, T_EQUAL)) return assignment(p, first, &start);
    /* Python 2's `print "x"` gets CPython's hint */
    if (first->kind == N_NAME && strcmp(first->name.id, "print") == 0 &&
        (p_check(p, T_STRING) || p_check(p, T_NAME) || p_check(p, T_NUMBER))) {
        const char *e = p->tok.start;
        while (*e && *e != '\n') e++;
        int end_col = p->tok.col + (int)(e - p->tok.start);
        p_error_at(p, "SyntaxError", first->line, first->col, first->line, end_col,
                   "Missing parentheses in call to 'print'. Did you mean print(...)?");
        return NULL;
    }
    pt_check_starred_expr(p, first);
    Node *n = p_node(p, N_EXPR, &start);
    if (!n) return NULL;
    n->expr.value = first;
    return p_finish(p, n);
}

static Node *keyword_stmt(Parser *p, NodeKind k)
{
    Node *n = p_node(p, k, &p->tok);
    p_advance(p);
    return n;
}

static Node *return_stmt(Parser *p)
{
    Node *n = p_node(p, N_RETURN, &p->tok);
    p_advance(p);
    if (!n) return NULL;
    if (!p_check(p, T_NEWLINE) && !p_check(p, T_SEMI) && !(n->ret.value = px_star_exprs(p)))
        return NULL;
    p_finish(p, n);
    if (!p->func) p_late_error_node(p, n, "'return' outside function");
    return n;
}

static Node *raise_stmt(Parser *p)
{
    Node *n = p_node(p, N_RAISE, &p->tok);
    p_advance(p);
    if (!n) return NULL;
    if (!p_check(p, T_NEWLINE) && !p_check(p, T_SEMI)) {
        if (!(n->raise.exc = px_test(p))) return NULL;
        if (p_accept(p, T_FROM) && !(n->raise.cause = px_test(p))) return NULL;
    }
    return p_finish(p, n);
}

static Node *names_stmt(Parser *p, NodeKind k)
{
    Node *n = p_node(p, k, &p->tok);
    p_advance(p);
    NodeList ids = {0};
    if (!n) return NULL;
    do {
        if (!p_check(p, T_NAME)) { p_syntax_error(p); return NULL; }
        const char *id = p_tok_text(p, &p->tok);
        if (!id || !push(p, &ids, p_name_node(p, id, &p->tok))) return NULL;
        p_advance(p);
    } while (p_accept(p, T_COMMA));
    n->names.n = ids.n;
    n->names.ids = arena_alloc(p->arena, sizeof(char *) * (size_t)ids.n);
    if (!n->names.ids) { p_nomem(p); return NULL; }
    for (int i = 0; i < ids.n; i++) n->names.ids[i] = ids.items[i]->name.id;
    p_finish(p, n);
    if (k == N_NONLOCAL && !p->func && !p->in_class_body)
        p_late_error_node(p, n, "nonlocal declaration not allowed at module level");
    return n;
}

static Node *del_stmt(Parser *p)
{
    Node *n = p_node(p, N_DEL, &p->tok);
    p_advance(p);
    Node *t = n ? px_target_list(p) : NULL;
    if (!t || !pt_check_del(p, t)) return NULL;
    /* `del a, b` deletes each; `del (a, b)` is one tuple target */
    bool bare = t->kind == N_TUPLE && t->seq.items.n && t->seq.items.items[0]->col == t->col &&
                t->seq.items.items[0]->line == t->line;
    if (bare) n->del.targets = t->seq.items;
    else if (!push(p, &n->del.targets, t)) return NULL;
    return p_finish(p, n);
}

static Node *assert_stmt(Parser *p)
{
    Node *n = p_node(p, N_ASSERT, &p->tok);
    p_advance(p);
    if (!n || !(n->assert_.test = px_test(p))) return NULL;
    if (p_accept(p, T_COMMA) && !(n->assert_.msg = px_test(p))) return NULL;
    return p_finish(p, n);
}

/* a.b.c as an arena string. */
static const char *dotted_name(Parser *p)
{
    char buf[512];
    size_t n = 0;
    do {
        if (!p_check(p, T_NAME)) { p_syntax_error(p); return NULL; }
        if (n && n < sizeof buf - 1) buf[n++] = '.';
        size_t k = p->tok.len < sizeof buf - 1 - n ? p->tok.len : sizeof buf - 1 - n;
        memcpy(buf + n, p->tok.start, k);
        n += k;
        p_advance(p);
    } while (p_accept(p, T_DOT));
    const char *s = arena_strdup(p->arena, buf, n);
    if (!s) p_nomem(p);
    return s;
}

static Node *alias(Parser *p, bool dotted)
{
    Node *a = p_node(p, N_ALIAS, &p->tok);
    if (!a) return NULL;
    if (dotted) {
        if (!(a->alias.name = dotted_name(p))) return NULL;
    } else {
        if (!p_check(p, T_NAME)) { p_syntax_error(p); return NULL; }
        if (!(a->alias.name = p_tok_text(p, &p->tok))) return NULL;
        p_advance(p);
    }
    if (p_accept(p, T_AS)) {
        if (!p_check(p, T_NAME)) { p_syntax_error(p); return NULL; }
        if (!(a->alias.asname = p_tok_text(p, &p->tok))) return NULL;
        p_advance(p);
    }
    return p_finish(p, a);
}

static Node *import_stmt(Parser *p)
{
    Node *n = p_node(p, N_IMPORT, &p->tok);
    p_advance(p);
    if (!n) return NULL;
    do {
        if (!push(p, &n->import.names, alias(p, true))) return NULL;
    } while (p_accept(p, T_COMMA));
    return p_finish(p, n);
}

/* from [.]*module import names; module is "" for `from . import x`. */
static Node *from_stmt(Parser *p)
{
    Node *n = p_node(p, N_IMPORTFROM, &p->tok);
    p_advance(p);
    if (!n) return NULL;
    for (;;) {
        if (p_accept(p, T_DOT)) n->import.level++;
        else if (p_accept(p, T_ELLIPSIS)) n->import.level += 3;
        else break;
    }
    n->import.module = "";
    if (!p_check(p, T_IMPORT) || n->import.level == 0)
        if (!(n->import.module = dotted_name(p))) return NULL;
    if (!p_expect(p, T_IMPORT)) return NULL;
    if (p_check(p, T_STAR)) {
        Node *a = p_node(p, N_ALIAS, &p->tok);
        if (!a) return NULL;
        a->alias.name = "*";
        p_advance(p);
        if (!push(p, &n->import.names, a)) return NULL;
        return p_finish(p, n);
    }
    bool paren = p_accept(p, T_LPAR);
    do {
        if (paren && p_check(p, T_RPAR)) break;
        if (!paren && p_check(p, T_NEWLINE) && p->prev.kind == T_COMMA) {
            p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.end_line,
                       p->tok.end_col, "trailing comma not allowed without surrounding parentheses");
            return NULL;
        }
        if (!push(p, &n->import.names, alias(p, false))) return NULL;
    } while (p_accept(p, T_COMMA));
    if (paren && !p_expect(p, T_RPAR)) return NULL;
    return p_finish(p, n);
}

static Node *small_stmt(Parser *p)
{
    switch (p->tok.kind) {
    case T_PASS: return keyword_stmt(p, N_PASS);
    case T_BREAK: case T_CONTINUE: {
        bool brk = p_check(p, T_BREAK);
        Node *n = keyword_stmt(p, brk ? N_BREAK : N_CONTINUE);
        if (n && p->loop_depth == 0)
            p_late_error_node(p, n, brk ? "'break' outside loop" : "'continue' not properly in loop");
        return n;
    }
    case T_RETURN: return return_stmt(p);
    case T_RAISE: return raise_stmt(p);
    case T_GLOBAL: return names_stmt(p, N_GLOBAL);
    case T_NONLOCAL: return names_stmt(p, N_NONLOCAL);
    case T_DEL: return del_stmt(p);
    case T_ASSERT: return assert_stmt(p);
    case T_IMPORT: return import_stmt(p);
    case T_FROM: return from_stmt(p);
    case T_MAGIC: return ps_magic(p);
    default: return expr_stmt(p);
    }
}

static bool simple_stmts(Parser *p, NodeList *body)
{
    do {
        if (p_check(p, T_NEWLINE) && p->prev.kind == T_SEMI) break;
        if (!push(p, body, small_stmt(p))) return false;
    } while (p_accept(p, T_SEMI));
    if (!p_check(p, T_NEWLINE)) { p_syntax_error(p); return false; }
    p_advance(p);
    return true;
}

bool ps_statement(Parser *p, NodeList *body)
{
    if (is_compound(p->tok.kind)) {
        if (!p_enter(p)) return false;
        bool top = p->func == NULL && !p->in_class_body && p->loop_depth == 0;
        Node *n = compound(p);
        p_leave(p);
        if (top) p->saw_compound = true;
        return push(p, body, n);
    }
    if (p_check(p, T_ASYNC)) {
        p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
                   "async is not supported in TensorScript");
        return false;
    }
    return simple_stmts(p, body);
}

/* ---- notebook magics ---- */

/* Drops %timeit's options (-n 10 -r 3 -q ...) before its statement. */
static const char *skip_timeit_options(const char *s)
{
    while (*s == '-') {
        char opt = s[1];
        s += 2;
        while (*s == ' ' || *s == '\t') s++;
        if (opt == 'n' || opt == 'r' || opt == 'p') {
            while (*s && *s != ' ' && *s != '\t') s++;
            while (*s == ' ' || *s == '\t') s++;
        }
    }
    return s;
}

/* Parses the statement after %time/%timeit with the normal parser,
 * pointed for a moment at a lexer over that text. */
static Node *magic_statement(Parser *p, const char *s, size_t n, int line, int col)
{
    char *buf = malloc(n + 2);
    if (!buf) { p_nomem(p); return NULL; }
    memcpy(buf, s, n);
    buf[n] = '\n';
    buf[n + 1] = '\0';
    Lexer saved_lx = p->lx;
    Token saved_tok = p->tok, saved_prev = p->prev;
    lex_init(&p->lx, buf, n + 1);
    p->lx.line = line;
    p->lx.col_base = col;
    p_advance(p);
    NodeList body = {0};
    Node *res = NULL;
    while (!p->failed && !p_check(p, T_EOF) && ps_statement(p, &body)) {}
    if (p->lx.failed) p_take_lexer_error(p);
    if (!p->failed && body.n == 1) {
        res = body.items[0];
    } else if (!p->failed && body.n > 1) {   /* `%timeit a = 1; b = 2` */
        res = p_node(p, N_MODULE, &saved_tok);
        if (res) res->module.body = body;
    }
    p->lx = saved_lx;
    p->tok = saved_tok;
    p->prev = saved_prev;
    free(buf);
    return res;
}

Node *ps_magic(Parser *p)
{
    Token t = p->tok;
    Node *n = p_node(p, N_MAGIC, &t);
    if (!n) return NULL;
    const char *s = t.start, *e = t.start + t.len;
    while (s < e && *s == '%') s++;
    const char *name = s;
    while (s < e && (*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                     (*s >= '0' && *s <= '9')))
        s++;
    if (!(n->magic.cmd = arena_strdup(p->arena, name, (size_t)(s - name)))) return NULL;
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
    if (!(n->magic.arg = arena_strdup(p->arena, s, (size_t)(e - s)))) return NULL;
    if ((strcmp(n->magic.cmd, "timeit") == 0 || strcmp(n->magic.cmd, "time") == 0) && s < e) {
        const char *stmt = n->magic.cmd[4] ? skip_timeit_options(n->magic.arg) : n->magic.arg;
        size_t len = strlen(stmt);
        int col = t.col + (int)(s - t.start) + (int)(stmt - n->magic.arg);
        if (len && !(n->magic.stmt = magic_statement(p, stmt, len, t.line, col))) return NULL;
    }
    p_advance(p);
    return p_finish(p, n);
}
