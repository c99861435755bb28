/* symtable.h — scopes and symbols, the compiler's first pass (st_ prefix). */
#ifndef RT_SYMTABLE_H
#define RT_SYMTABLE_H

#include <stdio.h>
#include "../parser/ast.h"

typedef enum { SK_MODULE, SK_FUNC, SK_CLASS } ScopeKind;

enum {
    SF_ASSIGN = 1,     /* bound here (assignment, def, import, for, ...) */
    SF_USE = 2,        /* read here */
    SF_PARAM = 4,
    SF_GLOBAL = 8,     /* `global` declaration */
    SF_NONLOCAL = 16,  /* `nonlocal` declaration */
    SF_CELL = 32,      /* local captured by an inner scope */
    SF_FREE = 64,      /* read/written through the closure */
    SF_PASS = 128,     /* class scope: passes an outer cell on to its methods */
};

typedef struct Sym {
    const char *name;
    int flags;
    int slot;          /* fast slot, or -1 */
    int cell;          /* cell index, or -1 */
    int freeidx;       /* free-variable index */
} Sym;

typedef struct Scope {
    ScopeKind kind;
    Node *node;
    struct Scope *parent;
    Sym *syms;
    int nsyms, capsyms;
    struct Scope **kids;
    int nkids, capkids;
    const char *name;
    bool generator, is_comp;
    int nlocals, ncells, nfree;
} Scope;

typedef struct SymTable {
    Arena *arena;
    bool oom;
    char errmsg[160];  /* a SyntaxError message when st_build fails */
} SymTable;

/* Builds and resolves the scope tree of a module; NULL on error (st->oom
 * or st->errmsg set). */
Scope *st_build(SymTable *st, Node *module);
Scope *st_child(Scope *s, const Node *node);
Sym *st_lookup(Scope *s, const char *name);
Sym *st_add(SymTable *st, Scope *s, const char *name, int flags);

#endif
