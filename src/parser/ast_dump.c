/* ast_dump.c — a readable dump of a tree, for tests and debugging.
 *
 * Statements print one per line, indented by depth ("if (< x 1)",
 * "  expr (call print x)"); expressions print as compact s-expressions
 * with operators spelled as in Python, so a test can state the expected
 * tree of `-2**2` as "(neg (** 2 2))".  With indent < 0 a statement list
 * is printed on one line, separated by "; ".
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/ast.h"
#include "runtime/value.h"

typedef struct Dump { void (*emit)(void *ctx, const char *s); void *ctx; bool oneline; } Dump;

static void out(Dump *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out(Dump *d, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    d->emit(d->ctx, buf);
}

static void expr(Dump *d, const Node *n);
static void stmts(Dump *d, const NodeList *l, int indent);

static const char *binop_name(int op)
{
    static const char *const names[] = {
        [OP_ADD] = "+", [OP_SUB] = "-", [OP_MUL] = "*", [OP_TRUEDIV] = "/",
        [OP_FLOORDIV] = "//", [OP_MOD] = "%", [OP_POW] = "**", [OP_MATMUL] = "@",
        [OP_LSHIFT] = "<<", [OP_RSHIFT] = ">>", [OP_AND] = "&", [OP_OR] = "|", [OP_XOR] = "^",
    };
    return op >= 0 && op < OP__NBIN ? names[op] : "?";
}

static const char *unop_name(int op)
{
    static const char *const names[] = { [UOP_NEG] = "neg", [UOP_POS] = "pos",
                                         [UOP_INVERT] = "~", [UOP_NOT] = "not" };
    return op >= 0 && op <= UOP_NOT ? names[op] : "?";
}

static const char *cmp_name(CmpKind k)
{
    static const char *const names[] = { "<", "<=", "==", "!=", ">", ">=", "in", "not in",
                                         "is", "is not" };
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

/* A string in single quotes with Python-like escapes for control bytes. */
static void quoted(Dump *d, const char *s, size_t len)
{
    char buf[260];
    size_t n = 0;
    buf[n++] = '\'';
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (n > sizeof buf - 8) { buf[n] = '\0'; d->emit(d->ctx, buf); n = 0; }
        if (c == '\n') { buf[n++] = '\\'; buf[n++] = 'n'; }
        else if (c == '\t') { buf[n++] = '\\'; buf[n++] = 't'; }
        else if (c == '\\' || c == '\'') { buf[n++] = '\\'; buf[n++] = (char)c; }
        else if (c < 0x20 || c == 0x7f) n += (size_t)snprintf(buf + n, 6, "\\x%02x", c);
        else buf[n++] = (char)c;
    }
    buf[n++] = '\'';
    buf[n] = '\0';
    d->emit(d->ctx, buf);
}

/* Shortest %g form that reads back as the same double. */
static void number(Dump *d, double v)
{
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v) break;
    }
    if (!strpbrk(buf, ".eni")) strcat(buf, ".0");
    out(d, "%s", buf);
}

static void list(Dump *d, const NodeList *l)
{
    for (int i = 0; i < l->n; i++) {
        out(d, " ");
        expr(d, l->items[i]);
    }
}

static void opt(Dump *d, const Node *n)
{
    if (n) expr(d, n);
    else out(d, "_");
}

static void params(Dump *d, const Params *p)
{
    out(d, "(");
    int first_def = p->n - p->ndefaults;
    const char *sep = "";
    for (int i = 0; i < p->n; i++, sep = " ") {
        out(d, "%s%s", sep, p->names[i]);
        if (i >= first_def) { out(d, "="); expr(d, p->defaults[i - first_def]); }
    }
    if (p->vararg) { out(d, "%s*%s", sep, p->vararg); sep = " "; }
    else if (p->nkwonly) { out(d, "%s*", sep); sep = " "; }
    for (int i = 0; i < p->nkwonly; i++, sep = " ") {
        out(d, "%s%s", sep, p->kwonly[i]);
        if (p->kwdefaults[i]) { out(d, "="); expr(d, p->kwdefaults[i]); }
    }
    if (p->kwarg) out(d, "%s**%s", sep, p->kwarg);
    out(d, ")");
}

static void comp_gens(Dump *d, const NodeList *gens)
{
    for (int i = 0; i < gens->n; i++) {
        const Node *g = gens->items[i];
        out(d, " (for ");
        expr(d, g->compfor.target);
        out(d, " ");
        expr(d, g->compfor.iter);
        for (int j = 0; j < g->compfor.ifs.n; j++) {
            out(d, " (if ");
            expr(d, g->compfor.ifs.items[j]);
            out(d, ")");
        }
        out(d, ")");
    }
}

static void fstring(Dump *d, const Node *n)
{
    out(d, "(f");
    for (int i = 0; i < n->fstr.parts.n; i++) {
        const Node *part = n->fstr.parts.items[i];
        out(d, " ");
        if (part->kind == N_STR) { quoted(d, part->str.s, part->str.len); continue; }
        out(d, "{");
        expr(d, part->fmtv.value);
        if (part->fmtv.conv) out(d, " !%c", part->fmtv.conv);
        if (part->fmtv.spec) { out(d, " :"); expr(d, part->fmtv.spec); }
        out(d, "}");
    }
    out(d, ")");
}

static void expr(Dump *d, const Node *n)
{
    if (!n) { out(d, "<null>"); return; }
    switch (n->kind) {
    case N_NAME: out(d, "%s", n->name.id); break;
    case N_INT: out(d, "%lld", (long long)n->num.i); break;
    case N_FLOAT: number(d, n->num.f); break;
    case N_STR: quoted(d, n->str.s, n->str.len); break;
    case N_FSTRING: fstring(d, n); break;
    case N_NONE: out(d, "None"); break;
    case N_TRUE: out(d, "True"); break;
    case N_FALSE: out(d, "False"); break;
    case N_ELLIPSIS: out(d, "..."); break;
    case N_BINOP:
        out(d, "(%s ", binop_name(n->binop.op));
        expr(d, n->binop.left); out(d, " "); expr(d, n->binop.right); out(d, ")");
        break;
    case N_UNARY:
        out(d, "(%s ", unop_name(n->unary.op)); expr(d, n->unary.operand); out(d, ")");
        break;
    case N_AND: case N_OR:
        out(d, "(%s", n->kind == N_AND ? "and" : "or"); list(d, &n->boolop.values); out(d, ")");
        break;
    case N_COMPARE:
        out(d, "(cmp ");
        expr(d, n->compare.left);
        for (int i = 0; i < n->compare.nops; i++) {
            out(d, " %s ", cmp_name(n->compare.ops[i]));
            expr(d, n->compare.rights.items[i]);
        }
        out(d, ")");
        break;
    case N_IFEXP:
        out(d, "(ifexp "); expr(d, n->ifexp.test); out(d, " "); expr(d, n->ifexp.body);
        out(d, " "); expr(d, n->ifexp.orelse); out(d, ")");
        break;
    case N_LAMBDA:
        out(d, "(lambda ");
        params(d, &n->func.params);
        out(d, " ");
        expr(d, n->func.body.items[0]->ret.value);
        out(d, n->func.is_generator ? " gen)" : ")");
        break;
    case N_CALL:
        out(d, "(call "); expr(d, n->call.func); list(d, &n->call.args); list(d, &n->call.kwargs);
        out(d, ")");
        break;
    case N_KEYWORD:
        if (n->keyword.name) out(d, "%s=", n->keyword.name);
        else out(d, "**");
        expr(d, n->keyword.value);
        break;
    case N_ATTR: out(d, "(. "); expr(d, n->attr.value); out(d, " %s)", n->attr.name); break;
    case N_SUBSCRIPT:
        out(d, "([] "); expr(d, n->subscript.value); out(d, " "); expr(d, n->subscript.index);
        out(d, ")");
        break;
    case N_SLICE:
        out(d, "(slice "); opt(d, n->slice.lower); out(d, " "); opt(d, n->slice.upper);
        out(d, " "); opt(d, n->slice.step); out(d, ")");
        break;
    case N_TUPLE: out(d, "(tuple"); list(d, &n->seq.items); out(d, ")"); break;
    case N_LIST: out(d, "(list"); list(d, &n->seq.items); out(d, ")"); break;
    case N_SET: out(d, "(set"); list(d, &n->seq.items); out(d, ")"); break;
    case N_DICT:
        out(d, "(dict");
        for (int i = 0; i < n->dict.values.n; i++) {
            out(d, " ");
            if (n->dict.keys.items[i]) { expr(d, n->dict.keys.items[i]); out(d, ":"); }
            else out(d, "**");
            expr(d, n->dict.values.items[i]);
        }
        out(d, ")");
        break;
    case N_LISTCOMP: case N_SETCOMP: case N_GENEXP:
        out(d, "(%s ", n->kind == N_LISTCOMP ? "listcomp" : n->kind == N_SETCOMP ? "setcomp" : "genexp");
        expr(d, n->comp.elt); comp_gens(d, &n->comp.gens); out(d, ")");
        break;
    case N_DICTCOMP:
        out(d, "(dictcomp "); expr(d, n->comp.key); out(d, " "); expr(d, n->comp.elt);
        comp_gens(d, &n->comp.gens); out(d, ")");
        break;
    case N_STARRED: out(d, "*"); expr(d, n->starred.value); break;
    case N_DOUBLESTAR: out(d, "**"); expr(d, n->starred.value); break;
    case N_YIELD:
        out(d, "(yield");
        if (n->yield.value) { out(d, " "); expr(d, n->yield.value); }
        out(d, ")");
        break;
    default: out(d, "<stmt %d>", (int)n->kind); break;
    }
}

/* ---- statements ---- */

static void line_start(Dump *d, int indent, bool *first)
{
    if (d->oneline) { if (!*first) out(d, "; "); }
    else for (int i = 0; i < indent; i++) out(d, " ");
    *first = false;
}

static void line_end(Dump *d) { if (!d->oneline) out(d, "\n"); }

static void stmt(Dump *d, const Node *n, int indent, bool *first);

/* A nested body: its own lines, or { a; b } when on one line. */
static void body(Dump *d, const NodeList *l, int indent)
{
    if (d->oneline) out(d, " {");
    line_end(d);
    stmts(d, l, indent + 2);
    if (d->oneline) out(d, "}");
}

static void clause(Dump *d, const char *name, const NodeList *l, int indent, bool *first)
{
    if (!l->n) return;
    if (d->oneline) out(d, " %s", name);
    else { line_start(d, indent, first); out(d, "%s", name); }
    body(d, l, indent);
}

static void decorators(Dump *d, const NodeList *l, int indent, bool *first)
{
    for (int i = 0; i < l->n; i++) {
        line_start(d, indent, first);
        out(d, "@");
        expr(d, l->items[i]);
        line_end(d);
    }
}

static void simple_stmt(Dump *d, const Node *n)
{
    switch (n->kind) {
    case N_EXPR: out(d, "expr "); expr(d, n->expr.value); break;
    case N_ASSIGN:
        out(d, "=");
        list(d, &n->assign.targets);
        out(d, " "); expr(d, n->assign.value);
        break;
    case N_AUGASSIGN:
        out(d, "%s= ", binop_name(n->aug.op)); expr(d, n->aug.target);
        out(d, " "); expr(d, n->aug.value);
        break;
    case N_ANNASSIGN:
        out(d, "ann "); expr(d, n->ann.target); out(d, " "); expr(d, n->ann.annotation);
        out(d, " "); opt(d, n->ann.value);
        break;
    case N_BREAK: out(d, "break"); break;
    case N_CONTINUE: out(d, "continue"); break;
    case N_PASS: out(d, "pass"); break;
    case N_RETURN: out(d, "return "); opt(d, n->ret.value); break;
    case N_RAISE:
        out(d, "raise "); opt(d, n->raise.exc);
        if (n->raise.cause) { out(d, " from "); expr(d, n->raise.cause); }
        break;
    case N_ASSERT: out(d, "assert "); expr(d, n->assert_.test); out(d, " "); opt(d, n->assert_.msg); break;
    case N_IMPORT: case N_IMPORTFROM:
        if (n->kind == N_IMPORT) out(d, "import");
        else out(d, "from %.*s%s import", n->import.level, "..........", n->import.module);
        for (int i = 0; i < n->import.names.n; i++) {
            const Node *a = n->import.names.items[i];
            out(d, " %s", a->alias.name);
            if (a->alias.asname) out(d, " as %s", a->alias.asname);
        }
        break;
    case N_GLOBAL: case N_NONLOCAL:
        out(d, "%s", n->kind == N_GLOBAL ? "global" : "nonlocal");
        for (int i = 0; i < n->names.n; i++) out(d, " %s", n->names.ids[i]);
        break;
    case N_DEL: out(d, "del"); list(d, &n->del.targets); break;
    default: out(d, "<kind %d>", (int)n->kind); break;
    }
}

static void stmt(Dump *d, const Node *n, int indent, bool *first)
{
    switch (n->kind) {
    case N_IF:
        line_start(d, indent, first);
        out(d, "if "); expr(d, n->if_.test); body(d, &n->if_.body, indent);
        clause(d, "else", &n->if_.orelse, indent, first);
        return;
    case N_WHILE: case N_FOR:
        line_start(d, indent, first);
        if (n->kind == N_WHILE) { out(d, "while "); expr(d, n->loop.test); }
        else { out(d, "for "); expr(d, n->loop.target); out(d, " in "); expr(d, n->loop.iter); }
        body(d, &n->loop.body, indent);
        clause(d, "else", &n->loop.orelse, indent, first);
        return;
    case N_DEF:
        decorators(d, &n->func.decorators, indent, first);
        line_start(d, indent, first);
        out(d, "def %s", n->func.name);
        params(d, &n->func.params);
        if (n->func.is_generator) out(d, " gen");
        body(d, &n->func.body, indent);
        return;
    case N_CLASS:
        decorators(d, &n->cls.decorators, indent, first);
        line_start(d, indent, first);
        out(d, "class %s(", n->cls.name);
        for (int i = 0; i < n->cls.bases.n; i++) {
            if (i) out(d, " ");
            expr(d, n->cls.bases.items[i]);
        }
        out(d, ")");
        body(d, &n->cls.body, indent);
        return;
    case N_WITH:
        line_start(d, indent, first);
        out(d, "with");
        for (int i = 0; i < n->with.items.n; i++) {
            const Node *it = n->with.items.items[i];
            out(d, i ? ", " : " ");
            expr(d, it->withitem.ctx);
            if (it->withitem.target) { out(d, " as "); expr(d, it->withitem.target); }
        }
        body(d, &n->with.body, indent);
        return;
    case N_TRY:
        line_start(d, indent, first);
        out(d, "try");
        body(d, &n->try_.body, indent);
        for (int i = 0; i < n->try_.handlers.n; i++) {
            const Node *h = n->try_.handlers.items[i];
            if (d->oneline) out(d, " ");
            else line_start(d, indent, first);
            out(d, "except");
            if (h->handler.type) { out(d, " "); expr(d, h->handler.type); }
            if (h->handler.name) out(d, " as %s", h->handler.name);
            body(d, &h->handler.body, indent);
        }
        clause(d, "else", &n->try_.orelse, indent, first);
        clause(d, "finally", &n->try_.finalbody, indent, first);
        return;
    case N_MAGIC:
        line_start(d, indent, first);
        out(d, "magic %s ", n->magic.cmd);
        quoted(d, n->magic.arg, strlen(n->magic.arg));
        if (n->magic.stmt) {
            NodeList one = { 1, 1, (Node **)&n->magic.stmt };
            body(d, n->magic.stmt->kind == N_MODULE ? &n->magic.stmt->module.body : &one, indent);
        } else {
            line_end(d);
        }
        return;
    case N_MODULE:
        stmts(d, &n->module.body, indent);
        return;
    default:
        line_start(d, indent, first);
        simple_stmt(d, n);
        line_end(d);
        return;
    }
}

static void stmts(Dump *d, const NodeList *l, int indent)
{
    bool first = true;
    for (int i = 0; i < l->n; i++) stmt(d, l->items[i], indent, &first);
}

void ast_dump(const Node *n, int indent, void (*emit)(void *ctx, const char *s), void *ctx)
{
    Dump d = { emit, ctx, indent < 0 };
    if (!n) { emit(ctx, "<null>"); return; }
    if (n->kind >= N_EXPR) {
        bool first = true;
        stmt(&d, n, indent < 0 ? 0 : indent, &first);
    } else {
        expr(&d, n);
    }
}
