/* parse_expr.c — expressions.
 *
 * Python's levels, loosest first: lambda < if-else < or < and < not <
 * comparisons < | < ^ < & < shifts < + - < * / // % @ < unary + - ~ < **
 * < primary (atom with calls, subscripts, attributes).  The binary levels
 * from | to * are one precedence-climbing loop driven by a table; the
 * others are small functions.  `**` is right-associative and binds tighter
 * than a unary operator on its left (-2**2 == -4) but looser on its right
 * (2**-1).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parse_internal.h"

static Node *primary(Parser *p);
static Node *factor(Parser *p);

/* ---- helpers ---- */

static Node *binop_node(Parser *p, int op, Node *l, Node *r)
{
    Node *n = arena_alloc(p->arena, sizeof(Node));
    if (!n) { p_nomem(p); return NULL; }
    n->kind = N_BINOP;
    n->line = l->line; n->col = l->col;
    n->end_line = r->end_line; n->end_col = r->end_col;
    n->binop.op = op;
    n->binop.left = l;
    n->binop.right = r;
    return n;
}

/* A node spanning from `first` to the previous token. */
static Node *span_node(Parser *p, NodeKind k, const Node *first)
{
    Node *n = arena_alloc(p->arena, sizeof(Node));
    if (!n) { p_nomem(p); return NULL; }
    n->kind = k;
    n->line = first->line;
    n->col = first->col;
    return p_finish(p, n);
}

static bool push(Parser *p, NodeList *l, Node *n)
{
    if (!n) return false;
    if (!nodelist_push(p->arena, l, n)) return p_nomem(p);
    return true;
}

static Node *not_supported(Parser *p, const char *what)
{
    p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
               "%s is not supported in TensorScript", what);
    return NULL;
}

/* ---- numbers ---- */

static Node *number(Parser *p)
{
    const Token t = p->tok;
    char buf[128];
    size_t n = 0;
    bool is_float = false, based = t.len > 1 && t.start[0] == '0' && strchr("xXoObB", t.start[1]);
    for (size_t i = 0; i < t.len && n < sizeof buf - 1; i++) {
        char c = t.start[i];
        if (c == '_') continue;
        if (!based && (c == '.' || c == 'e' || c == 'E')) is_float = true;
        buf[n++] = c;
    }
    buf[n] = '\0';
    p_advance(p);
    Node *node = p_node(p, is_float ? N_FLOAT : N_INT, &t);
    if (!node) return NULL;
    errno = 0;
    if (is_float) {
        node->num.f = strtod(buf, NULL);
        return node;
    }
    int base = !based ? 10 : strchr("xX", buf[1]) ? 16 : strchr("oO", buf[1]) ? 8 : 2;
    unsigned long long v = strtoull(based ? buf + 2 : buf, NULL, base);
    if (errno == ERANGE || v > (unsigned long long)INT64_MAX) {
        p_error_at(p, "OverflowError", t.line, t.col, t.end_line, t.end_col,
                   "int literal %s is too large (TensorScript ints are 64-bit)", buf);
        return NULL;
    }
    node->num.i = (int64_t)v;
    return node;
}

/* ---- comprehensions ---- */

/* `for target in iter [if cond]...` clauses, as many as follow. */
static bool comp_fors(Parser *p, NodeList *gens)
{
    while (p_check(p, T_FOR)) {
        Token t = p->tok;
        p_advance(p);
        Node *cf = p_node(p, N_COMPFOR, &t);
        if (!cf) return false;
        cf->compfor.target = px_target_list(p);
        if (!cf->compfor.target || !pt_check_target(p, cf->compfor.target)) return false;
        if (!p_expect(p, T_IN)) return false;
        cf->compfor.iter = px_or_test(p);
        if (!cf->compfor.iter) return false;
        while (p_accept(p, T_IF))
            if (!push(p, &cf->compfor.ifs, px_test_nocond(p))) return false;
        p_finish(p, cf);
        if (!push(p, gens, cf)) return false;
    }
    if (p_check(p, T_ASYNC)) { not_supported(p, "async"); return false; }
    return true;
}

static Node *comprehension(Parser *p, NodeKind k, const Token *open, Node *key, Node *elt)
{
    Node *n = p_node(p, k, open);
    if (!n) return NULL;
    n->comp.key = key;
    n->comp.elt = elt;
    if (!comp_fors(p, &n->comp.gens)) return NULL;
    return n;
}

/* ---- displays ---- */

static Node *star_or_test(Parser *p)
{
    if (p_check(p, T_STAR)) {
        Token t = p->tok;
        p_advance(p);
        Node *n = p_node(p, N_STARRED, &t);
        if (!n || !(n->starred.value = px_bitor(p))) return NULL;
        return p_finish(p, n);
    }
    Node *e = px_test(p);
    if (e && p_check(p, T_WALRUS)) return not_supported(p, "the assignment expression ':='");
    return e;
}

/* Items after the first of a tuple/list/set display, up to `close`. */
static bool display_rest(Parser *p, NodeList *items, TokKind close)
{
    while (p_accept(p, T_COMMA)) {
        if (p_check(p, close)) break;
        if (!push(p, items, star_or_test(p))) return false;
    }
    return true;
}

/* ( ... ): parenthesised expression, tuple, generator or yield. */
static Node *paren_atom(Parser *p)
{
    Token open = p->tok;
    p_advance(p);
    if (p_accept(p, T_RPAR)) return p_finish(p, p_node(p, N_TUPLE, &open));
    if (p_check(p, T_YIELD)) {
        Node *y = px_yield(p);
        if (!y || !p_expect(p, T_RPAR)) return NULL;
        return y;
    }
    Node *first = star_or_test(p);
    if (!first) return NULL;
    if (p_check(p, T_FOR)) {
        Node *g = comprehension(p, N_GENEXP, &open, NULL, first);
        if (!g || !p_expect(p, T_RPAR)) return NULL;
        return p_finish(p, g);
    }
    if (!p_check(p, T_COMMA)) {
        if (!p_expect(p, T_RPAR)) return NULL;
        if (first->kind == N_STARRED)
            p_late_error_node(p, first, "cannot use starred expression here");
        return first;
    }
    Node *t = p_node(p, N_TUPLE, &open);
    if (!t || !push(p, &t->seq.items, first) || !display_rest(p, &t->seq.items, T_RPAR) ||
        !p_expect(p, T_RPAR))
        return NULL;
    return p_finish(p, t);
}

static Node *list_atom(Parser *p)
{
    Token open = p->tok;
    p_advance(p);
    Node *l = p_node(p, N_LIST, &open);
    if (!l) return NULL;
    if (p_accept(p, T_RSQB)) return p_finish(p, l);
    Node *first = star_or_test(p);
    if (!first) return NULL;
    if (p_check(p, T_FOR)) {
        Node *c = comprehension(p, N_LISTCOMP, &open, NULL, first);
        if (!c || !p_expect(p, T_RSQB)) return NULL;
        return p_finish(p, c);
    }
    if (!push(p, &l->seq.items, first) || !display_rest(p, &l->seq.items, T_RSQB) ||
        !p_expect(p, T_RSQB))
        return NULL;
    return p_finish(p, l);
}

/* One `key: value` or `**mapping` entry of a dict display. */
static bool dict_entry(Parser *p, Node *d)
{
    if (p_accept(p, T_DSTAR)) {
        Node *v = px_bitor(p);
        return v && push(p, &d->dict.values, v) &&
               (nodelist_push(p->arena, &d->dict.keys, NULL) || p_nomem(p));
    }
    Node *k = px_test(p);
    if (!k) return false;
    if (!p_check(p, T_COLON) && !p_check(p, T_ERROR)) {
        p_error_node(p, k, "':' expected after dictionary key");
        return false;
    }
    p_advance(p);
    Node *v = px_test(p);
    return v && push(p, &d->dict.keys, k) && push(p, &d->dict.values, v);
}

static Node *dict_rest(Parser *p, Node *d)
{
    while (p_accept(p, T_COMMA)) {
        if (p_check(p, T_RBRACE)) break;
        if (!dict_entry(p, d)) return NULL;
    }
    if (!p_expect(p, T_RBRACE)) return NULL;
    return p_finish(p, d);
}

/* { ... }: dict or set display or comprehension. */
static Node *brace_atom(Parser *p)
{
    Token open = p->tok;
    p_advance(p);
    if (p_accept(p, T_RBRACE)) return p_finish(p, p_node(p, N_DICT, &open));
    if (p_check(p, T_DSTAR)) {
        Node *d = p_node(p, N_DICT, &open);
        if (!d || !dict_entry(p, d)) return NULL;
        return dict_rest(p, d);
    }
    Node *first = star_or_test(p);
    if (!first) return NULL;
    if (first->kind != N_STARRED && p_accept(p, T_COLON)) {
        Node *v = px_test(p);
        if (!v) return NULL;
        if (p_check(p, T_FOR)) {
            Node *c = comprehension(p, N_DICTCOMP, &open, first, v);
            if (!c || !p_expect(p, T_RBRACE)) return NULL;
            return p_finish(p, c);
        }
        Node *d = p_node(p, N_DICT, &open);
        if (!d || !push(p, &d->dict.keys, first) || !push(p, &d->dict.values, v)) return NULL;
        return dict_rest(p, d);
    }
    if (p_check(p, T_FOR)) {
        Node *c = comprehension(p, N_SETCOMP, &open, NULL, first);
        if (!c || !p_expect(p, T_RBRACE)) return NULL;
        return p_finish(p, c);
    }
    Node *s = p_node(p, N_SET, &open);
    if (!s || !push(p, &s->seq.items, first) || !display_rest(p, &s->seq.items, T_RBRACE) ||
        !p_expect(p, T_RBRACE))
        return NULL;
    return p_finish(p, s);
}

static Node *simple_atom(Parser *p, NodeKind k)
{
    Node *n = p_node(p, k, &p->tok);
    p_advance(p);
    return n;
}

static Node *atom(Parser *p)
{
    switch (p->tok.kind) {
    case T_NAME: {
        const char *id = p_tok_text(p, &p->tok);
        Node *n = id ? p_name_node(p, id, &p->tok) : NULL;
        p_advance(p);
        return n;
    }
    case T_NUMBER: return number(p);
    case T_STRING: return pstr_atom(p);
    case T_NONE: return simple_atom(p, N_NONE);
    case T_TRUE: return simple_atom(p, N_TRUE);
    case T_FALSE: return simple_atom(p, N_FALSE);
    case T_ELLIPSIS: return simple_atom(p, N_ELLIPSIS);
    case T_LPAR: return paren_atom(p);
    case T_LSQB: return list_atom(p);
    case T_LBRACE: return brace_atom(p);
    case T_AWAIT: case T_ASYNC: return not_supported(p, "async/await");
    default:
        p_syntax_error(p);
        return NULL;
    }
}

/* ---- calls ---- */

/* `f(x for x in y)`: a generator as the only argument needs no brackets. */
static Node *call_genexp(Parser *p, Node *call, Node *elt)
{
    Token start = { T_NAME, NULL, 0, elt->line, elt->col, elt->end_line, elt->end_col };
    Node *g = comprehension(p, N_GENEXP, &start, NULL, elt);
    if (!g) return NULL;
    p_finish(p, g);
    if (call->call.args.n || call->call.kwargs.n || p_check(p, T_COMMA)) {
        p_error_node(p, g, "Generator expression must be parenthesized");
        return NULL;
    }
    return g;
}

/* One argument; records the ordering rules CPython enforces. */
static bool call_arg(Parser *p, Node *call, int *state)
{
    enum { POS = 0, KW = 1, KWUNPACK = 2 };
    Token t = p->tok;
    if (p_accept(p, T_DSTAR)) {
        Node *k = p_node(p, N_KEYWORD, &t);
        if (!k || !(k->keyword.value = px_test(p))) return false;
        *state = KWUNPACK;
        return push(p, &call->call.kwargs, p_finish(p, k));
    }
    if (p_accept(p, T_STAR)) {
        Node *s = p_node(p, N_STARRED, &t);
        if (!s || !(s->starred.value = px_test(p))) return false;
        p_finish(p, s);
        if (*state == KWUNPACK) {
            p_error_node(p, s, "iterable argument unpacking follows keyword argument unpacking");
            return false;
        }
        return push(p, &call->call.args, s);
    }
    Node *e = px_test(p);
    if (!e) return false;
    if (p_check(p, T_EQUAL)) {
        if (e->kind != N_NAME || e->col != t.col || e->line != t.line ||
            p->prev.kind != T_NAME) {
            p_error_at(p, "SyntaxError", e->line, e->col, p->tok.end_line, p->tok.end_col,
                       "expression cannot contain assignment, perhaps you meant \"==\"?");
            return false;
        }
        p_advance(p);
        Node *k = p_node(p, N_KEYWORD, &t);
        if (!k) return false;
        k->keyword.name = e->name.id;
        if (!(k->keyword.value = px_test(p))) return false;
        if (p_check(p, T_FOR)) {
            p_error_at(p, "SyntaxError", t.line, t.col, p->prev.end_line, p->prev.end_col,
                       "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return false;
        }
        if (*state == POS) *state = KW;
        return push(p, &call->call.kwargs, p_finish(p, k));
    }
    if (p_check(p, T_FOR)) {
        e = call_genexp(p, call, e);
        if (!e) return false;
    }
    if (*state != POS) {   /* CPython points just after the argument */
        p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
                   "%s", *state == KW ? "positional argument follows keyword argument"
                                      : "positional argument follows keyword argument unpacking");
        return false;
    }
    return push(p, &call->call.args, e);
}

static Node *call_trailer(Parser *p, Node *func)
{
    p_advance(p);   /* ( */
    Node *c = span_node(p, N_CALL, func);
    if (!c) return NULL;
    c->call.func = func;
    int state = 0;
    while (!p_check(p, T_RPAR)) {
        if (!call_arg(p, c, &state)) return NULL;
        if (!p_accept(p, T_COMMA)) break;
    }
    if (!p_expect(p, T_RPAR)) return NULL;
    return p_finish(p, c);
}

/* ---- subscripts ---- */

/* One index item: an expression, a slice `a:b:c`, or `*x`. */
static Node *slice_item(Parser *p)
{
    Token t = p->tok;
    Node *lower = NULL;
    if (p_check(p, T_STAR)) return star_or_test(p);
    if (!p_check(p, T_COLON)) {
        lower = px_test(p);
        if (!lower || !p_check(p, T_COLON)) return lower;
    }
    Node *s = p_node(p, N_SLICE, &t);
    if (!s) return NULL;
    s->slice.lower = lower;
    p_advance(p);   /* : */
    if (!p_check(p, T_COLON) && !p_check(p, T_COMMA) && !p_check(p, T_RSQB))
        if (!(s->slice.upper = px_test(p))) return NULL;
    if (p_accept(p, T_COLON) && !p_check(p, T_COMMA) && !p_check(p, T_RSQB))
        if (!(s->slice.step = px_test(p))) return NULL;
    return p_finish(p, s);
}

static Node *subscript_trailer(Parser *p, Node *value)
{
    p_advance(p);   /* [ */
    Node *n = span_node(p, N_SUBSCRIPT, value);
    if (!n) return NULL;
    n->subscript.value = value;
    Node *first = slice_item(p);
    if (!first) return NULL;
    if (p_check(p, T_COMMA)) {
        Node *t = p_node(p, N_TUPLE, &p->tok);
        if (!t) return NULL;
        t->line = first->line; t->col = first->col;
        if (!push(p, &t->seq.items, first)) return NULL;
        while (p_accept(p, T_COMMA) && !p_check(p, T_RSQB))
            if (!push(p, &t->seq.items, slice_item(p))) return NULL;
        first = p_finish(p, t);
    }
    n->subscript.index = first;
    if (!p_expect(p, T_RSQB)) return NULL;
    return p_finish(p, n);
}

static Node *primary(Parser *p)
{
    Node *n = atom(p);
    while (n) {
        if (p_check(p, T_LPAR)) {
            n = call_trailer(p, n);
        } else if (p_check(p, T_LSQB)) {
            n = subscript_trailer(p, n);
        } else if (p_accept(p, T_DOT)) {
            if (!p_check(p, T_NAME)) { p_syntax_error(p); return NULL; }
            Node *a = span_node(p, N_ATTR, n);
            if (!a) return NULL;
            a->attr.value = n;
            if (!(a->attr.name = p_tok_text(p, &p->tok))) return NULL;
            p_advance(p);
            n = p_finish(p, a);
        } else {
            break;
        }
    }
    return n;
}

/* ---- operators ---- */

static Node *power(Parser *p)
{
    Node *base = primary(p);
    if (!base || !p_accept(p, T_DSTAR)) return base;
    if (!p_enter(p)) return NULL;
    Node *exp = factor(p);   /* right side: unary allowed, right-assoc */
    p_leave(p);
    return exp ? binop_node(p, OP_POW, base, exp) : NULL;
}

static Node *factor(Parser *p)
{
    int op;
    switch (p->tok.kind) {
    case T_MINUS: op = UOP_NEG; break;
    case T_PLUS: op = UOP_POS; break;
    case T_TILDE: op = UOP_INVERT; break;
    default: return power(p);
    }
    Token t = p->tok;
    p_advance(p);
    if (!p_enter(p)) return NULL;
    Node *operand = factor(p);
    p_leave(p);
    if (!operand) return NULL;
    Node *n = p_node(p, N_UNARY, &t);
    if (!n) return NULL;
    n->unary.op = op;
    n->unary.operand = operand;
    n->end_line = operand->end_line;
    n->end_col = operand->end_col;
    return n;
}

/* Binary operator table for precedence climbing: higher binds tighter. */
static int binary_prec(TokKind k, int *op)
{
    switch (k) {
    case T_VBAR: *op = OP_OR; return 1;
    case T_CIRCUMFLEX: *op = OP_XOR; return 2;
    case T_AMPER: *op = OP_AND; return 3;
    case T_LSHIFT: *op = OP_LSHIFT; return 4;
    case T_RSHIFT: *op = OP_RSHIFT; return 4;
    case T_PLUS: *op = OP_ADD; return 5;
    case T_MINUS: *op = OP_SUB; return 5;
    case T_STAR: *op = OP_MUL; return 6;
    case T_SLASH: *op = OP_TRUEDIV; return 6;
    case T_DSLASH: *op = OP_FLOORDIV; return 6;
    case T_PERCENT: *op = OP_MOD; return 6;
    case T_AT: *op = OP_MATMUL; return 6;
    default: return 0;
    }
}

/* Left-associative levels: parse operands that bind tighter than this
 * level, fold them left to right. */
static Node *binary(Parser *p, int minprec)
{
    Node *left = factor(p);
    int op, prec;
    while (left && (prec = binary_prec(p->tok.kind, &op)) >= minprec && prec > 0) {
        p_advance(p);
        Node *right = prec == 6 ? factor(p) : binary(p, prec + 1);
        if (!right) return NULL;
        left = binop_node(p, op, left, right);
    }
    return left;
}

Node *px_bitor(Parser *p) { return binary(p, 1); }

/* The comparison operator at tok (consuming it, and `not` of `not in` or
 * `is not`), or -1. */
static int comparison_op(Parser *p)
{
    CmpKind k;
    switch (p->tok.kind) {
    case T_LESS: k = CMP_K_LT; break;
    case T_LESSEQ: k = CMP_K_LE; break;
    case T_EQEQ: k = CMP_K_EQ; break;
    case T_NOTEQ: k = CMP_K_NE; break;
    case T_GREATER: k = CMP_K_GT; break;
    case T_GREATEREQ: k = CMP_K_GE; break;
    case T_IN: k = CMP_K_IN; break;
    case T_IS:
        p_advance(p);
        return p_accept(p, T_NOT) ? CMP_K_ISNOT : CMP_K_IS;
    case T_NOT:
        p_advance(p);
        if (!p_check(p, T_IN)) { p_syntax_error(p); return -2; }
        p_advance(p);
        return CMP_K_NOTIN;
    default: return -1;
    }
    p_advance(p);
    return (int)k;
}

static Node *comparison(Parser *p)
{
    Node *left = px_bitor(p);
    if (!left) return NULL;
    int op = comparison_op(p);
    if (op == -1) return left;
    Node *c = span_node(p, N_COMPARE, left);
    if (!c) return NULL;
    c->compare.left = left;
    CmpKind ops[64];
    CmpKind *heap = NULL;
    int n = 0, cap = 64;
    CmpKind *v = ops;
    while (op >= 0) {
        if (n == cap) {   /* long chains: move to the arena */
            CmpKind *nv = arena_alloc(p->arena, sizeof(CmpKind) * (size_t)cap * 2);
            if (!nv) { p_nomem(p); return NULL; }
            memcpy(nv, v, sizeof(CmpKind) * (size_t)n);
            v = heap = nv;
            cap *= 2;
        }
        v[n++] = (CmpKind)op;
        if (!push(p, &c->compare.rights, px_bitor(p))) return NULL;
        op = comparison_op(p);
    }
    if (op == -2) return NULL;
    c->compare.nops = n;
    c->compare.ops = heap ? heap : arena_alloc(p->arena, sizeof(CmpKind) * (size_t)n);
    if (!c->compare.ops) { p_nomem(p); return NULL; }
    if (!heap) memcpy(c->compare.ops, ops, sizeof(CmpKind) * (size_t)n);
    return p_finish(p, c);
}

static Node *not_test(Parser *p)
{
    if (!p_check(p, T_NOT)) return comparison(p);
    Token t = p->tok;
    p_advance(p);
    if (!p_enter(p)) return NULL;
    Node *operand = not_test(p);
    p_leave(p);
    if (!operand) return NULL;
    Node *n = p_node(p, N_UNARY, &t);
    if (!n) return NULL;
    n->unary.op = UOP_NOT;
    n->unary.operand = operand;
    return p_finish(p, n);
}

/* `a and b and c` / `a or b or c`: one node holding every operand. */
static Node *boolop(Parser *p, TokKind tok, NodeKind kind, Node *(*operand)(Parser *))
{
    Node *first = operand(p);
    if (!first || !p_check(p, tok)) return first;
    Node *n = span_node(p, kind, first);
    if (!n || !push(p, &n->boolop.values, first)) return NULL;
    while (p_accept(p, tok))
        if (!push(p, &n->boolop.values, operand(p))) return NULL;
    return p_finish(p, n);
}

static Node *and_test(Parser *p) { return boolop(p, T_AND, N_AND, not_test); }

Node *px_or_test(Parser *p)
{
    Node *n = boolop(p, T_OR, N_OR, and_test);
    if (n) {
        p->last_or_line = n->line;
        p->last_or_col = n->col;
        p->last_or_end_line = n->end_line;
        p->last_or_end_col = n->end_col;
    }
    return n;
}
Node *px_test_nocond(Parser *p) { return px_or_test(p); }

Node *px_test(Parser *p)
{
    if (p_check(p, T_LAMBDA)) return px_lambda(p);
    if (!p_enter(p)) return NULL;
    Node *body = px_or_test(p);
    if (body && p_check(p, T_IF)) {
        p_advance(p);
        Node *n = span_node(p, N_IFEXP, body);
        Node *test = n ? px_or_test(p) : NULL;
        if (test && !p_check(p, T_ELSE)) {
            p_error_at(p, "SyntaxError", body->line, body->col, p->prev.end_line,
                       p->prev.end_col, "expected 'else' after 'if' expression");
            test = NULL;
        }
        if (test) p_advance(p);
        Node *orelse = test ? px_test(p) : NULL;
        if (orelse) {
            n->ifexp.test = test;
            n->ifexp.body = body;
            n->ifexp.orelse = orelse;
            body = p_finish(p, n);
        } else {
            body = NULL;
        }
    }
    p_leave(p);
    return body;
}

/* ---- lambda, yield, lists of expressions ---- */

Node *px_lambda(Parser *p)
{
    Token t = p->tok;
    p_advance(p);
    Node *n = p_node(p, N_LAMBDA, &t);
    if (!n || !px_params(p, &n->func.params, T_COLON, false) || !p_expect(p, T_COLON))
        return NULL;
    n->func.name = "<lambda>";
    Node *saved = p->func;
    int saved_loop = p->loop_depth;
    p->func = n;
    p->loop_depth = 0;
    Token bt = p->tok;
    Node *body = px_test(p);
    p->func = saved;
    p->loop_depth = saved_loop;
    if (!body) return NULL;
    Node *ret = p_node(p, N_RETURN, &bt);
    if (!ret) return NULL;
    ret->ret.value = body;
    p_finish(p, ret);
    if (!push(p, &n->func.body, ret)) return NULL;
    return p_finish(p, n);
}

Node *px_yield(Parser *p)
{
    Token t = p->tok;
    p_advance(p);
    Node *y = p_node(p, N_YIELD, &t);
    if (!y) return NULL;
    if (p_check(p, T_FROM)) return not_supported(p, "'yield from'");
    if (!p_check(p, T_RPAR) && !p_check(p, T_NEWLINE) && !p_check(p, T_EQUAL) &&
        !p_check(p, T_SEMI) && !p_check(p, T_EOF))
        if (!(y->yield.value = px_star_exprs(p))) return NULL;
    p_finish(p, y);
    if (p->func) p->func->func.is_generator = true;
    else p_late_error_node(p, y, "'yield' outside function");
    return y;
}

/* `a, *b, c` (a tuple when there is a comma) or a single expression. */
Node *px_star_exprs(Parser *p)
{
    Node *first = star_or_test(p);
    if (!first || !p_check(p, T_COMMA)) return first;
    Node *t = span_node(p, N_TUPLE, first);
    if (!t || !push(p, &t->seq.items, first)) return NULL;
    while (p_accept(p, T_COMMA)) {
        TokKind k = p->tok.kind;
        if (k == T_NEWLINE || k == T_EQUAL || k == T_RPAR || k == T_SEMI || k == T_EOF ||
            k == T_COLON || (k >= T_PLUSEQ && k <= T_CIRCUMFLEXEQ) || k == T_QUESTION)
            break;
        if (!push(p, &t->seq.items, star_or_test(p))) return NULL;
    }
    return p_finish(p, t);
}

Node *px_yield_or_star_exprs(Parser *p)
{
    return p_check(p, T_YIELD) ? px_yield(p) : px_star_exprs(p);
}

/* Whether the token after a comma continues a target list. */
static bool starts_target(const Parser *p)
{
    switch (p->tok.kind) {
    case T_IN: case T_NEWLINE: case T_EQUAL: case T_SEMI: case T_EOF: case T_COLON:
    case T_RPAR: case T_RSQB:
        return false;
    default:
        return true;
    }
}

/* Targets of `for`/`del`/comprehensions: `*`? bitwise-or items, so that
 * the `in` after them is not read as a comparison. */
Node *px_target_list(Parser *p)
{
    Node *first = p_check(p, T_STAR) ? star_or_test(p) : px_bitor(p);
    if (!first || !p_check(p, T_COMMA)) return first;
    Node *t = span_node(p, N_TUPLE, first);
    if (!t || !push(p, &t->seq.items, first)) return NULL;
    while (p_accept(p, T_COMMA)) {
        if (!starts_target(p)) break;
        if (!push(p, &t->seq.items, p_check(p, T_STAR) ? star_or_test(p) : px_bitor(p)))
            return NULL;
    }
    return p_finish(p, t);
}
