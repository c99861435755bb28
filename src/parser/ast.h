/* ast.h — the syntax tree the parser builds and the compiler walks.
 *
 * Every node is a Node with a kind, a source position and a union of the
 * fields that kind uses.  Lists of nodes are NodeList.  Nodes are allocated
 * from an Arena owned by the parse result and freed all at once, so neither
 * the parser nor the compiler frees individual nodes.  The AST knows
 * nothing of evaluation: constants are kept as text/int64/double, names as
 * plain C strings (arena-owned, NUL-terminated, UTF-8).
 */
#ifndef AST_H
#define AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Node Node;
typedef struct NodeList { int n, cap; Node **items; } NodeList;

typedef enum {
    /* ---- expressions ---- */
    N_NAME,        /* name.id */
    N_INT,         /* num.i (fits int64; larger literals: OverflowError at parse) */
    N_FLOAT,       /* num.f */
    N_STR,         /* str.s, str.len (escapes already decoded, UTF-8) */
    N_FSTRING,     /* fstr.parts: N_STR pieces and N_FMTVALUE items, in order */
    N_FMTVALUE,    /* fmtv.value, fmtv.conv ('r','s','a' or 0), fmtv.spec (an N_FSTRING or NULL) */
    N_NONE, N_TRUE, N_FALSE, N_ELLIPSIS,
    N_BINOP,       /* binop.op (BinOp of value.h), binop.left, binop.right */
    N_UNARY,       /* unary.op (UnOp of value.h), unary.operand */
    N_AND, N_OR,   /* boolop.values (2 or more) */
    N_COMPARE,     /* compare.left, compare.ops[i] (CmpKind), compare.rights */
    N_IFEXP,       /* ifexp.test, ifexp.body, ifexp.orelse */
    N_LAMBDA,      /* func.params, func.body (one N_RETURN statement) */
    N_CALL,        /* call.func, call.args (may hold N_STARRED), call.kwargs (N_KEYWORD) */
    N_KEYWORD,     /* keyword.name (NULL for **expr), keyword.value */
    N_ATTR,        /* attr.value, attr.name */
    N_SUBSCRIPT,   /* subscript.value, subscript.index (a N_TUPLE for a[i, j]) */
    N_SLICE,       /* slice.lower, slice.upper, slice.step (each may be NULL) */
    N_TUPLE, N_LIST, N_SET,  /* seq.items (may hold N_STARRED) */
    N_DICT,        /* dict.keys, dict.values; a NULL key means **value */
    N_LISTCOMP, N_SETCOMP, N_GENEXP,  /* comp.elt, comp.gens (N_COMPFOR) */
    N_DICTCOMP,    /* comp.key, comp.elt (the value), comp.gens */
    N_COMPFOR,     /* compfor.target, compfor.iter, compfor.ifs */
    N_STARRED,     /* starred.value: *x in a call, display or target */
    N_DOUBLESTAR,  /* starred.value: **x in a call */
    N_YIELD,       /* yield.value (may be NULL) */

    /* ---- statements ---- */
    N_EXPR,        /* expr.value */
    N_ASSIGN,      /* assign.targets (chained a = b = v), assign.value */
    N_AUGASSIGN,   /* aug.target, aug.op (BinOp), aug.value */
    N_ANNASSIGN,   /* ann.target, ann.annotation, ann.value (may be NULL) */
    N_IF,          /* if_.test, if_.body, if_.orelse (elif is a nested N_IF) */
    N_WHILE,       /* loop.test, loop.body, loop.orelse */
    N_FOR,         /* loop.target, loop.iter, loop.body, loop.orelse */
    N_BREAK, N_CONTINUE, N_PASS,
    N_RETURN,      /* ret.value (may be NULL) */
    N_DEF,         /* func.name, func.params, func.body, func.decorators */
    N_CLASS,       /* cls.name, cls.bases, cls.body, cls.decorators */
    N_WITH,        /* with.items (N_WITHITEM), with.body */
    N_WITHITEM,    /* withitem.ctx, withitem.target (may be NULL) */
    N_TRY,         /* try_.body, try_.handlers (N_HANDLER), try_.orelse, try_.finalbody */
    N_HANDLER,     /* handler.type (NULL: bare except), handler.name (NULL or id), handler.body */
    N_RAISE,       /* raise.exc (NULL: re-raise), raise.cause */
    N_ASSERT,      /* assert_.test, assert_.msg */
    N_IMPORT,      /* import.names: N_ALIAS list */
    N_IMPORTFROM,  /* import.module (dotted string), import.names: N_ALIAS list ("*" allowed) */
    N_ALIAS,       /* alias.name (dotted), alias.asname (NULL if none) */
    N_GLOBAL, N_NONLOCAL,  /* names.ids, names.n */
    N_DEL,         /* del.targets */
    N_MAGIC,       /* magic.cmd ("timeit", "time", "matplotlib"), magic.arg (text),
                      magic.stmt (parsed statement for timeit/time, else NULL) */
    N_MODULE,      /* module.body */
} NodeKind;

typedef enum { CMP_K_LT, CMP_K_LE, CMP_K_EQ, CMP_K_NE, CMP_K_GT, CMP_K_GE,
               CMP_K_IN, CMP_K_NOTIN, CMP_K_IS, CMP_K_ISNOT } CmpKind;

/* A function's parameter list: positional params first, then *args, then
 * keyword-only params, then **kwargs.  defaults[i] belongs to params
 * items[n - ndefaults + i]; kwdefaults[i] (may be NULL) to kwonly[i]. */
typedef struct Params {
    int n;               /* positional-or-keyword parameters */
    const char **names;
    Node **defaults; int ndefaults;
    const char *vararg;  /* NULL if none */
    int nkwonly;
    const char **kwonly;
    Node **kwdefaults;
    const char *kwarg;   /* NULL if none */
} Params;

struct Node {
    NodeKind kind;
    int line, col;          /* 1-based line, 0-based column (bytes) of the first token */
    int end_line, end_col;  /* position just past the last token */
    union {
        struct { const char *id; } name;
        struct { int64_t i; double f; } num;
        struct { const char *s; size_t len; } str;
        struct { NodeList parts; } fstr;
        struct { Node *value; char conv; Node *spec; } fmtv;
        struct { int op; Node *left, *right; } binop;
        struct { int op; Node *operand; } unary;
        struct { NodeList values; } boolop;
        struct { Node *left; int nops; CmpKind *ops; NodeList rights; } compare;
        struct { Node *test, *body, *orelse; } ifexp;
        struct { Node *func; NodeList args, kwargs; } call;
        struct { const char *name; Node *value; } keyword;
        struct { Node *value; const char *name; } attr;
        struct { Node *value, *index; } subscript;
        struct { Node *lower, *upper, *step; } slice;
        struct { NodeList items; } seq;
        struct { NodeList keys, values; } dict;
        struct { Node *key, *elt; NodeList gens; } comp;
        struct { Node *target, *iter; NodeList ifs; } compfor;
        struct { Node *value; } starred;
        struct { Node *value; } yield;
        struct { Node *value; } expr;
        struct { NodeList targets; Node *value; } assign;
        struct { Node *target; int op; Node *value; } aug;
        struct { Node *target, *annotation, *value; } ann;
        struct { Node *test; NodeList body, orelse; } if_;
        struct { Node *target, *test, *iter; NodeList body, orelse; } loop;
        struct { Node *value; } ret;
        struct { const char *name; Params params; NodeList body, decorators;
                 bool is_generator; /* set by the parser when body has yield */ } func;
        struct { const char *name; NodeList bases, body, decorators; } cls;
        struct { NodeList items, body; } with;
        struct { Node *ctx, *target; } withitem;
        struct { NodeList body, handlers, orelse, finalbody; } try_;
        struct { Node *type; const char *name; NodeList body; } handler;
        struct { Node *exc, *cause; } raise;
        struct { Node *test, *msg; } assert_;
        struct { const char *module; NodeList names; int level; } import;
        struct { const char *name, *asname; } alias;
        struct { int n; const char **ids; } names;
        struct { NodeList targets; } del;
        struct { const char *cmd, *arg; Node *stmt; } magic;
        struct { NodeList body; } module;
    };
};

/* ---- arena ---- */
typedef struct Arena Arena;
Arena *arena_new(void);
void *arena_alloc(Arena *a, size_t n);          /* zeroed; aborts never: NULL on OOM */
const char *arena_strdup(Arena *a, const char *s, size_t len);
void arena_free(Arena *a);
bool nodelist_push(Arena *a, NodeList *l, Node *n);

/* Debug dump of a tree (used by the parser's unit tests). */
void ast_dump(const Node *n, int indent, void (*emit)(void *ctx, const char *s), void *ctx);

#endif
