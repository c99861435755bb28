/* symtable.c — the compiler's first pass: which scope owns each name.
 *
 * Walks the AST once and builds a tree of scopes (module, function/lambda/
 * comprehension, class body) recording for each name how it is used.  A
 * second step resolves free names to the enclosing function that binds
 * them (marking the binder's symbol a cell and every scope in between as
 * passing it through), then gives each function-scope symbol its slot.
 * Everything is allocated in the parse arena and dies with it.
 */
#include <string.h>
#include "symtable.h"
#include "vm_internal.h"

static Sym *sym_find(Scope *s, const char *name)
{
    for (int i = 0; i < s->nsyms; i++)
        if (!strcmp(s->syms[i].name, name)) return &s->syms[i];
    return NULL;
}

/* Arrays grow by allocating a bigger copy in the arena (old ones are simply
 * abandoned: the arena frees everything at once). */
static bool grow(Arena *a, void **arr, int *cap, int n, size_t elsize)
{
    if (n < *cap) return true;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = arena_alloc(a, (size_t)ncap * elsize);
    if (!p) return false;
    if (*arr) memcpy(p, *arr, (size_t)*cap * elsize);
    *arr = p;
    *cap = ncap;
    return true;
}

Sym *st_add(SymTable *st, Scope *s, const char *name, int flags)
{
    Sym *y = sym_find(s, name);
    if (!y) {
        if (!grow(st->arena, (void **)&s->syms, &s->capsyms, s->nsyms, sizeof(Sym))) {
            st->oom = true;
            return NULL;
        }
        y = &s->syms[s->nsyms++];
        memset(y, 0, sizeof *y);
        y->name = name;
        y->slot = y->cell = -1;
    }
    y->flags |= flags;
    return y;
}

Sym *st_lookup(Scope *s, const char *name) { return sym_find(s, name); }

static Scope *scope_new(SymTable *st, Scope *parent, ScopeKind kind, Node *node)
{
    Scope *s = arena_alloc(st->arena, sizeof(Scope));
    if (!s) {
        st->oom = true;
        return NULL;
    }
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    if (parent) {
        if (!grow(st->arena, (void **)&parent->kids, &parent->capkids, parent->nkids,
                  sizeof(Scope *))) {
            st->oom = true;
            return NULL;
        }
        parent->kids[parent->nkids++] = s;
    }
    return s;
}

Scope *st_child(Scope *s, const Node *node)
{
    for (int i = 0; i < s->nkids; i++)
        if (s->kids[i]->node == node) return s->kids[i];
    return NULL;
}

static void walk_expr(SymTable *st, Scope *s, Node *n);
static void walk_stmts(SymTable *st, Scope *s, NodeList *l);

static void walk_exprs(SymTable *st, Scope *s, NodeList *l)
{
    for (int i = 0; i < l->n; i++) walk_expr(st, s, l->items[i]);
}

/* An assignment target: names become bindings, the rest is evaluated. */
static void walk_target(SymTable *st, Scope *s, Node *t)
{
    if (!t) return;
    switch (t->kind) {
    case N_NAME: st_add(st, s, t->name.id, SF_ASSIGN); break;
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < t->seq.items.n; i++) walk_target(st, s, t->seq.items.items[i]);
        break;
    case N_STARRED: walk_target(st, s, t->starred.value); break;
    default: walk_expr(st, s, t); break;
    }
}

static void walk_params(SymTable *st, Scope *fs, Scope *outer, Params *p)
{
    for (int i = 0; i < p->ndefaults; i++) walk_expr(st, outer, p->defaults[i]);
    for (int i = 0; i < p->nkwonly; i++)
        if (p->kwdefaults && p->kwdefaults[i]) walk_expr(st, outer, p->kwdefaults[i]);
    for (int i = 0; i < p->n; i++) st_add(st, fs, p->names[i], SF_PARAM);
    for (int i = 0; i < p->nkwonly; i++) st_add(st, fs, p->kwonly[i], SF_PARAM);
    if (p->vararg) st_add(st, fs, p->vararg, SF_PARAM);
    if (p->kwarg) st_add(st, fs, p->kwarg, SF_PARAM);
}

static void walk_func(SymTable *st, Scope *s, Node *n, bool lambda)
{
    walk_exprs(st, s, &n->func.decorators);
    Scope *fs = scope_new(st, s, SK_FUNC, n);
    if (!fs) return;
    fs->name = lambda ? "<lambda>" : n->func.name;
    fs->generator = n->func.is_generator;
    walk_params(st, fs, s, &n->func.params);
    walk_stmts(st, fs, &n->func.body);
}

/* A comprehension is a function of one argument (".0", the first
 * iterator, evaluated outside); everything else is evaluated inside. */
static void walk_comp(SymTable *st, Scope *s, Node *n)
{
    NodeList *gens = &n->comp.gens;
    walk_expr(st, s, gens->items[0]->compfor.iter);
    Scope *cs = scope_new(st, s, SK_FUNC, n);
    if (!cs) return;
    cs->name = n->kind == N_LISTCOMP ? "<listcomp>" : n->kind == N_SETCOMP ? "<setcomp>"
             : n->kind == N_DICTCOMP ? "<dictcomp>" : "<genexpr>";
    cs->generator = n->kind == N_GENEXP;
    cs->is_comp = true;
    st_add(st, cs, ".0", SF_PARAM);
    for (int i = 0; i < gens->n; i++) {
        Node *g = gens->items[i];
        if (i > 0) walk_expr(st, cs, g->compfor.iter);
        walk_target(st, cs, g->compfor.target);
        walk_exprs(st, cs, &g->compfor.ifs);
    }
    if (n->comp.key) walk_expr(st, cs, n->comp.key);
    walk_expr(st, cs, n->comp.elt);
}

static void walk_expr(SymTable *st, Scope *s, Node *n)
{
    if (!n || st->oom) return;
    switch (n->kind) {
    case N_NAME: st_add(st, s, n->name.id, SF_USE); break;
    case N_FSTRING: walk_exprs(st, s, &n->fstr.parts); break;
    case N_FMTVALUE: walk_expr(st, s, n->fmtv.value); walk_expr(st, s, n->fmtv.spec); break;
    case N_BINOP: walk_expr(st, s, n->binop.left); walk_expr(st, s, n->binop.right); break;
    case N_UNARY: walk_expr(st, s, n->unary.operand); break;
    case N_AND: case N_OR: walk_exprs(st, s, &n->boolop.values); break;
    case N_COMPARE: walk_expr(st, s, n->compare.left); walk_exprs(st, s, &n->compare.rights); break;
    case N_IFEXP:
        walk_expr(st, s, n->ifexp.test); walk_expr(st, s, n->ifexp.body);
        walk_expr(st, s, n->ifexp.orelse);
        break;
    case N_LAMBDA: walk_func(st, s, n, true); break;
    case N_CALL:
        walk_expr(st, s, n->call.func);
        walk_exprs(st, s, &n->call.args);
        walk_exprs(st, s, &n->call.kwargs);
        break;
    case N_KEYWORD: walk_expr(st, s, n->keyword.value); break;
    case N_ATTR: walk_expr(st, s, n->attr.value); break;
    case N_SUBSCRIPT: walk_expr(st, s, n->subscript.value); walk_expr(st, s, n->subscript.index); break;
    case N_SLICE:
        walk_expr(st, s, n->slice.lower); walk_expr(st, s, n->slice.upper);
        walk_expr(st, s, n->slice.step);
        break;
    case N_TUPLE: case N_LIST: case N_SET: walk_exprs(st, s, &n->seq.items); break;
    case N_DICT:
        for (int i = 0; i < n->dict.values.n; i++) {
            walk_expr(st, s, n->dict.keys.items[i]);
            walk_expr(st, s, n->dict.values.items[i]);
        }
        break;
    case N_LISTCOMP: case N_SETCOMP: case N_GENEXP: case N_DICTCOMP: walk_comp(st, s, n); break;
    case N_STARRED: case N_DOUBLESTAR: walk_expr(st, s, n->starred.value); break;
    case N_YIELD: s->generator = true; walk_expr(st, s, n->yield.value); break;
    default: break;
    }
}

static void walk_decl(SymTable *st, Scope *s, Node *n, int flag)
{
    for (int i = 0; i < n->names.n; i++) st_add(st, s, n->names.ids[i], flag);
}

static void walk_import(SymTable *st, Scope *s, Node *n)
{
    for (int i = 0; i < n->import.names.n; i++) {
        Node *a = n->import.names.items[i];
        const char *nm = a->alias.asname ? a->alias.asname : a->alias.name;
        if (!strcmp(nm, "*")) continue;
        if (n->kind == N_IMPORT && !a->alias.asname) {
            const char *dot = strchr(nm, '.');
            if (dot) nm = arena_strdup(st->arena, nm, (size_t)(dot - nm));
            if (!nm) { st->oom = true; return; }
        }
        st_add(st, s, nm, SF_ASSIGN);
    }
}

/* `%time x = 1` at the top level binds x in the module, as IPython does:
 * the magic's statement runs in a function of its own (so that it can be
 * called repeatedly), whose bindings are therefore declared global. */
static void magic_globals(SymTable *st, Scope *outer, Scope *ms)
{
    if (outer->kind != SK_MODULE) return;
    for (int i = 0; i < ms->nsyms; i++) {
        if (!(ms->syms[i].flags & SF_ASSIGN)) continue;
        ms->syms[i].flags |= SF_GLOBAL;
        st_add(st, outer, ms->syms[i].name, SF_ASSIGN);
    }
}

static void walk_stmt(SymTable *st, Scope *s, Node *n)
{
    if (!n || st->oom) return;
    switch (n->kind) {
    case N_EXPR: walk_expr(st, s, n->expr.value); break;
    case N_ASSIGN:
        walk_expr(st, s, n->assign.value);
        for (int i = 0; i < n->assign.targets.n; i++) walk_target(st, s, n->assign.targets.items[i]);
        break;
    case N_AUGASSIGN:
        walk_expr(st, s, n->aug.value);
        if (n->aug.target->kind == N_NAME) st_add(st, s, n->aug.target->name.id, SF_USE | SF_ASSIGN);
        else walk_target(st, s, n->aug.target);
        break;
    case N_ANNASSIGN:
        walk_expr(st, s, n->ann.value);
        walk_target(st, s, n->ann.target);
        break;
    case N_IF:
        walk_expr(st, s, n->if_.test); walk_stmts(st, s, &n->if_.body);
        walk_stmts(st, s, &n->if_.orelse);
        break;
    case N_WHILE:
        walk_expr(st, s, n->loop.test); walk_stmts(st, s, &n->loop.body);
        walk_stmts(st, s, &n->loop.orelse);
        break;
    case N_FOR:
        walk_expr(st, s, n->loop.iter); walk_target(st, s, n->loop.target);
        walk_stmts(st, s, &n->loop.body); walk_stmts(st, s, &n->loop.orelse);
        break;
    case N_RETURN: walk_expr(st, s, n->ret.value); break;
    case N_DEF: walk_func(st, s, n, false); st_add(st, s, n->func.name, SF_ASSIGN); break;
    case N_CLASS: {
        walk_exprs(st, s, &n->cls.decorators);
        walk_exprs(st, s, &n->cls.bases);
        Scope *cs = scope_new(st, s, SK_CLASS, n);
        if (!cs) return;
        cs->name = n->cls.name;
        walk_stmts(st, cs, &n->cls.body);
        st_add(st, s, n->cls.name, SF_ASSIGN);
        break;
    }
    case N_WITH:
        for (int i = 0; i < n->with.items.n; i++) {
            Node *w = n->with.items.items[i];
            walk_expr(st, s, w->withitem.ctx);
            walk_target(st, s, w->withitem.target);
        }
        walk_stmts(st, s, &n->with.body);
        break;
    case N_TRY:
        walk_stmts(st, s, &n->try_.body);
        for (int i = 0; i < n->try_.handlers.n; i++) {
            Node *h = n->try_.handlers.items[i];
            walk_expr(st, s, h->handler.type);
            if (h->handler.name) st_add(st, s, h->handler.name, SF_ASSIGN);
            walk_stmts(st, s, &h->handler.body);
        }
        walk_stmts(st, s, &n->try_.orelse);
        walk_stmts(st, s, &n->try_.finalbody);
        break;
    case N_RAISE: walk_expr(st, s, n->raise.exc); walk_expr(st, s, n->raise.cause); break;
    case N_ASSERT: walk_expr(st, s, n->assert_.test); walk_expr(st, s, n->assert_.msg); break;
    case N_IMPORT: case N_IMPORTFROM: walk_import(st, s, n); break;
    case N_GLOBAL: walk_decl(st, s, n, SF_GLOBAL); break;
    case N_NONLOCAL: walk_decl(st, s, n, SF_NONLOCAL); break;
    case N_DEL:
        for (int i = 0; i < n->del.targets.n; i++) walk_target(st, s, n->del.targets.items[i]);
        break;
    case N_MAGIC:
        if (n->magic.stmt) {
            Scope *ms = scope_new(st, s, SK_FUNC, n);
            if (!ms) return;
            ms->name = "<magic>";
            walk_stmt(st, ms, n->magic.stmt);
            magic_globals(st, s, ms);
        }
        break;
    default: break;
    }
}

static void walk_stmts(SymTable *st, Scope *s, NodeList *l)
{
    for (int i = 0; i < l->n; i++) walk_stmt(st, s, l->items[i]);
}

static bool is_local(const Sym *y)
{
    return (y->flags & (SF_PARAM | SF_ASSIGN)) && !(y->flags & (SF_GLOBAL | SF_NONLOCAL));
}

/* Resolves name, free in s, to the nearest enclosing function binding it. */
static bool resolve_free(SymTable *st, Scope *s, Sym *y)
{
    for (Scope *p = s->parent; p && p->kind != SK_MODULE; p = p->parent) {
        if (p->kind == SK_CLASS) continue;
        Sym *b = sym_find(p, y->name);
        if (!b) continue;
        if (b->flags & SF_GLOBAL) break;
        if (!is_local(b)) continue;
        b->flags |= SF_CELL;
        y->flags |= (s->kind == SK_CLASS && is_local(y)) ? SF_PASS : SF_FREE;
        for (Scope *q = s->parent; q != p; q = q->parent)
            if (!st_add(st, q, y->name, q->kind == SK_CLASS ? SF_PASS : SF_FREE)) return false;
        return true;
    }
    if (y->flags & SF_NONLOCAL) {
        snprintf(st->errmsg, sizeof st->errmsg, "no binding for nonlocal '%s' found", y->name);
        return false;
    }
    return true;
}

static bool resolve_scope(SymTable *st, Scope *s)
{
    if (s->kind != SK_MODULE) {
        for (int i = 0; i < s->nsyms; i++) {
            Sym *y = &s->syms[i];
            if (y->flags & SF_GLOBAL) continue;
            bool free = (y->flags & SF_NONLOCAL) || !is_local(y);
            if (free && !resolve_free(st, s, y)) return false;
        }
    }
    for (int i = 0; i < s->nkids; i++)
        if (!resolve_scope(st, s->kids[i])) return false;
    return true;
}

/* Slots: parameters first, in declaration order (the binder relies on it),
 * then the other fast locals; cells and free variables are numbered in
 * their own spaces (cells first, then free). */
static void assign_slots(Scope *s)
{
    if (s->kind == SK_FUNC) {
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].flags & SF_PARAM) s->syms[i].slot = s->nlocals++;
        for (int i = 0; i < s->nsyms; i++) {
            Sym *y = &s->syms[i];
            if (y->flags & SF_CELL) y->cell = s->ncells++;
            else if (y->slot < 0 && is_local(y)) y->slot = s->nlocals++;
        }
    }
    for (int i = 0; i < s->nsyms; i++) {
        Sym *y = &s->syms[i];
        if ((y->flags & (SF_FREE | SF_PASS)) && !(y->flags & SF_CELL)) y->freeidx = s->nfree++;
    }
    for (int i = 0; i < s->nkids; i++) assign_slots(s->kids[i]);
}

Scope *st_build(SymTable *st, Node *module)
{
    Scope *m = scope_new(st, NULL, SK_MODULE, module);
    if (!m) return NULL;
    m->name = "<module>";
    walk_stmts(st, m, &module->module.body);
    if (st->oom) return NULL;
    if (!resolve_scope(st, m)) return NULL;
    assign_slots(m);
    return m;
}
