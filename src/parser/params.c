/* params.c — parameter lists of `def` and `lambda`.
 *
 * Order: positional parameters (with defaults at the end), then `*args`
 * or a bare `*`, then keyword-only parameters, then `**kwargs`.  A `/`
 * (positional-only marker) is accepted and ignored.  Annotations are
 * parsed and dropped: TensorScript does not evaluate them.
 */
#include <string.h>

#include "parser/parse_internal.h"

typedef struct ParamAcc {
    NodeList names, defaults, kwnames, kwdefaults;
    bool star_seen, bare_star;
    Token star_tok;
} ParamAcc;

static bool param_name(Parser *p, const char **out, bool annotations)
{
    if (!p_check(p, T_NAME)) { p_syntax_error(p); return false; }
    if (!(*out = p_tok_text(p, &p->tok))) return false;
    p_advance(p);
    if (annotations && p_accept(p, T_COLON)) return px_test(p) != NULL;
    return true;
}

/* Arena array of the names held in a NodeList of N_NAME nodes. */
static const char **names_of(Parser *p, const NodeList *l)
{
    if (l->n == 0) return NULL;
    const char **v = arena_alloc(p->arena, sizeof(char *) * (size_t)l->n);
    if (!v) { p_nomem(p); return NULL; }
    for (int i = 0; i < l->n; i++) v[i] = l->items[i]->name.id;
    return v;
}

static bool check_duplicate(Parser *p, ParamAcc *a, Params *out, const char *name,
                            const Token *at)
{
    bool dup = (out->vararg && strcmp(out->vararg, name) == 0);
    for (int i = 0; !dup && i < a->names.n; i++) dup = strcmp(a->names.items[i]->name.id, name) == 0;
    for (int i = 0; !dup && i < a->kwnames.n; i++) dup = strcmp(a->kwnames.items[i]->name.id, name) == 0;
    if (dup) {
        Node tmp = { .line = at->line, .col = at->col, .end_line = at->end_line, .end_col = at->end_col };
        p_late_error_node(p, &tmp, "duplicate argument '%s' in function definition", name);
    }
    return true;
}

/* A plain `name[: ann][= default]` parameter. */
static bool plain_param(Parser *p, ParamAcc *a, Params *out, bool annotations)
{
    Token t = p->tok;
    const char *name;
    if (!param_name(p, &name, annotations)) return false;
    check_duplicate(p, a, out, name, &t);
    Node *nm = p_name_node(p, name, &t);
    Node *def = NULL;
    if (!nm) return false;
    if (p_accept(p, T_EQUAL) && !(def = px_test(p))) return false;
    if (a->star_seen) {
        a->bare_star = false;
        return (nodelist_push(p->arena, &a->kwnames, nm) &&
                nodelist_push(p->arena, &a->kwdefaults, def)) || p_nomem(p);
    }
    if (!def && a->defaults.n) {
        p_error_at(p, "SyntaxError", t.line, t.col, t.end_line, t.end_col,
                   "non-default argument follows default argument");
        return false;
    }
    if (!nodelist_push(p->arena, &a->names, nm)) return p_nomem(p);
    return !def || nodelist_push(p->arena, &a->defaults, def) || p_nomem(p);
}

static bool star_param(Parser *p, ParamAcc *a, Params *out, bool annotations)
{
    a->star_tok = p->tok;
    if (a->star_seen) {
        p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
                   "* argument may appear only once");
        return false;
    }
    p_advance(p);
    a->star_seen = true;
    if (!p_check(p, T_NAME)) { a->bare_star = true; return true; }
    Token t = p->tok;
    if (!param_name(p, &out->vararg, annotations)) return false;
    out->vararg = NULL;   /* so the duplicate check does not see itself */
    const char *name = arena_strdup(p->arena, t.start, t.len);
    if (!name) return p_nomem(p);
    check_duplicate(p, a, out, name, &t);
    out->vararg = name;
    return true;
}

static bool finish_params(Parser *p, ParamAcc *a, Params *out)
{
    if (a->bare_star) {
        p_error_at(p, "SyntaxError", a->star_tok.line, a->star_tok.col, a->star_tok.end_line,
                   a->star_tok.end_col, "named arguments must follow bare *");
        return false;
    }
    out->n = a->names.n;
    out->names = names_of(p, &a->names);
    out->ndefaults = a->defaults.n;
    out->defaults = a->defaults.items;
    out->nkwonly = a->kwnames.n;
    out->kwonly = names_of(p, &a->kwnames);
    out->kwdefaults = a->kwdefaults.items;
    return !p->failed;
}

bool px_params(Parser *p, Params *out, TokKind close, bool annotations)
{
    ParamAcc a;
    memset(&a, 0, sizeof a);
    memset(out, 0, sizeof *out);
    while (!p_check(p, close)) {
        if (out->kwarg) {
            p_error_at(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.end_line,
                       p->tok.end_col, "arguments cannot follow var-keyword argument");
            return false;
        }
        if (p_check(p, T_SLASH) && !a.star_seen && a.names.n) {
            p_advance(p);
        } else if (p_check(p, T_STAR)) {
            if (!star_param(p, &a, out, annotations)) return false;
        } else if (p_accept(p, T_DSTAR)) {
            Token t = p->tok;
            if (!param_name(p, &out->kwarg, annotations)) return false;
            check_duplicate(p, &a, out, out->kwarg, &t);
        } else if (!plain_param(p, &a, out, annotations)) {
            return false;
        }
        if (!p_accept(p, T_COMMA)) break;
    }
    return finish_params(p, &a, out);
}
