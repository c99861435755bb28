/* targets.c — what may stand left of `=`, after `for`, `as` and `del`.
 *
 * The parser reads a target as an ordinary expression and checks it here
 * afterwards, so the messages can name what was found, as CPython's do
 * ("cannot assign to function call").
 */
#include "parser/parse_internal.h"

/* CPython's name for an expression kind in these messages. */
static const char *expr_name(const Node *n)
{
    switch (n->kind) {
    case N_ATTR: return "attribute";
    case N_SUBSCRIPT: return "subscript";
    case N_STARRED: return "starred";
    case N_NAME: return "name";
    case N_LIST: return "list";
    case N_TUPLE: return "tuple";
    case N_LAMBDA: return "lambda";
    case N_CALL: return "function call";
    case N_AND: case N_OR: case N_BINOP: case N_UNARY: return "expression";
    case N_GENEXP: return "generator expression";
    case N_YIELD: return "yield expression";
    case N_LISTCOMP: return "list comprehension";
    case N_SETCOMP: return "set comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_FSTRING: case N_FMTVALUE: return "f-string expression";
    case N_NONE: return "None";
    case N_TRUE: return "True";
    case N_FALSE: return "False";
    case N_ELLIPSIS: return "ellipsis";
    case N_COMPARE: return "comparison";
    case N_IFEXP: return "conditional expression";
    default: return "literal";
    }
}

/* The first sub-expression that cannot be a target, or NULL if t is a
 * valid target. */
static const Node *invalid_target(const Node *t, bool del)
{
    switch (t->kind) {
    case N_NAME: case N_ATTR: case N_SUBSCRIPT:
        return NULL;
    case N_STARRED:
        return del ? t : invalid_target(t->starred.value, del);
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < t->seq.items.n; i++) {
            const Node *bad = invalid_target(t->seq.items.items[i], del);
            if (bad) return bad;
        }
        return NULL;
    default:
        return t;
    }
}

/* Starred targets: at most one per tuple/list, never bare. */
static void check_starred(Parser *p, const Node *t, bool top)
{
    if (t->kind == N_STARRED) {
        if (top) p_late_error_node(p, t, "starred assignment target must be in a list or tuple");
        check_starred(p, t->starred.value, false);
        return;
    }
    if (t->kind != N_TUPLE && t->kind != N_LIST) return;
    int stars = 0;
    for (int i = 0; i < t->seq.items.n; i++) {
        const Node *it = t->seq.items.items[i];
        if (it->kind == N_STARRED) stars++;
        check_starred(p, it, false);
    }
    if (stars > 1) p_late_error_node(p, t, "multiple starred expressions in assignment");
}

static bool report_invalid(Parser *p, const Node *bad, const char *verb)
{
    if (bad->kind == N_YIELD && verb[0] == 'a')
        p_error_node(p, bad, "assignment to yield expression not possible");
    else
        p_error_node(p, bad, "cannot %s %s", verb, expr_name(bad));
    return false;
}

/* Kinds that CPython's bitwise_or rule can produce (its "here. Maybe you
 * meant '=='" hint only fires for those). */
static bool bitwise_level(const Node *n)
{
    switch (n->kind) {
    case N_COMPARE: case N_AND: case N_OR: case N_IFEXP: case N_LAMBDA:
    case N_STARRED: case N_YIELD: case N_TUPLE:
        return false;
    case N_UNARY:
        return n->unary.op != UOP_NOT;
    default:
        return true;
    }
}

bool pt_check_assign(Parser *p, Node *t, bool first_of_chain, bool here_ok)
{
    const Node *bad = invalid_target(t, false);
    if (!bad) {
        check_starred(p, t, true);
        return true;
    }
    /* CPython reads `f() = 1` as a mistyped comparison when the bad part
     * ends right at the `=` */
    const Node *last = t;
    if (t->kind == N_TUPLE && t->seq.items.n) last = t->seq.items.items[t->seq.items.n - 1];
    if (first_of_chain && here_ok && bad == last && bitwise_level(bad) &&
        bad->kind != N_LIST && bad->kind != N_GENEXP && bad->kind != N_TRUE &&
        bad->kind != N_FALSE && bad->kind != N_NONE) {
        p_error_node(p, bad, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                     expr_name(bad));
        return false;
    }
    return report_invalid(p, bad, "assign to");
}

/* here_ok for pt_check_assign: the expression after the `=` is not itself
 * followed by another `=` at the bitwise-or level. */
bool pt_here_ok(const Node *next, bool next_is_value)
{
    return next_is_value || !bitwise_level(next);
}

bool pt_check_aug(Parser *p, Node *t)
{
    if (t->kind == N_NAME || t->kind == N_ATTR || t->kind == N_SUBSCRIPT) return true;
    p_error_node(p, t, "'%s' is an illegal expression for augmented assignment", expr_name(t));
    return false;
}

bool pt_check_del(Parser *p, Node *t)
{
    const Node *bad = invalid_target(t, true);
    return bad ? report_invalid(p, bad, "delete") : true;
}

bool pt_check_target(Parser *p, Node *t)
{
    const Node *bad = invalid_target(t, false);
    if (bad) return report_invalid(p, bad, "assign to");
    check_starred(p, t, true);
    return true;
}

void pt_check_starred_expr(Parser *p, Node *value)
{
    if (value && value->kind == N_STARRED)
        p_late_error_node(p, value, "can't use starred expression here");
}
