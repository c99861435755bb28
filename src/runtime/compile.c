/* compile.c — code generation: AST + scopes (symtable.c) to bytecode.
 *
 * One Comp per code body being generated.  Expressions leave exactly one
 * value on the stack; statements leave the stack as they found it.  The
 * stack depth is tracked as instructions are emitted, which sizes the
 * frame.  try/finally, with, loops and except clauses are recorded on a
 * compile-time block stack (FBlock) so that return/break/continue can emit
 * the clean-up each enclosing block needs (finally bodies are inlined at
 * every exit, as CPython 3.9+ does).
 */
#include <stdlib.h>
#include <string.h>
#include "compile.h"
#include "objects.h"
#include "symtable.h"
#include "vm_internal.h"

const char *const opcode_names[] = {
#define OP_NAME(n) #n,
    OPCODES(OP_NAME)
#undef OP_NAME
};

typedef enum { FB_WHILE, FB_FOR, FB_TRY, FB_FINALLY_TRY, FB_HANDLER, FB_FINALLY_END, FB_WITH } FBKind;

typedef struct FBlock {
    FBKind kind;
    int brk, cont;            /* loop labels */
    NodeList *finalbody;      /* FB_FINALLY_TRY */
    const char *name;         /* FB_HANDLER: `as` name to clear */
} FBlock;

#define MAX_FBLOCKS 20

typedef struct Comp {
    SymTable *st;
    Scope *scope;
    struct Comp *up;
    const char *filename;
    Value source;
    const char *qualname;
    uint32_t *code;
    int *lines;
    int n, cap;
    Value *consts;
    int nconsts, capconsts;
    Obj **names;
    int nnames, capnames;
    int *labels;              /* label -> word index (-1 unbound) */
    int nlabels, caplabels;
    int *jumps;               /* word indices holding label args */
    int njumps, capjumps;
    int depth, maxdepth;
    int line;
    FBlock fb[MAX_FBLOCKS];
    int nfb;
    int retslot;
    bool echo, failed;
} Comp;

/* ---- errors ---- */

static bool comp_error(Comp *c, int line, const char *msg)
{
    if (!c->failed) {
        rt_raise(&exc_SyntaxError, "%s", msg);
        if (IS_OBJ(rt_exc) && IS_OBJ(((Instance *)rt_exc.o)->dict)) {
            Value d = ((Instance *)rt_exc.o)->dict;
            Value fn = str_from_cstr(c->filename);
            if (!IS_ERR(fn)) { dict_set_cstr(d, "filename", fn); v_decref(fn); }
            dict_set_cstr(d, "lineno", v_int(line));
            dict_set_cstr(d, "offset", v_int(1));
        }
    }
    c->failed = true;
    return false;
}

static bool oom(Comp *c)
{
    c->failed = true;
    return false;
}

/* ---- emission ---- */

static bool grow_array(void **p, int *cap, int n, size_t el)
{
    if (n < *cap) return true;
    int ncap = *cap ? *cap * 2 : 16;
    void *q = rt_realloc(*p, (size_t)ncap * el);
    if (!q) return false;
    *p = q;
    *cap = ncap;
    return true;
}

static int stack_effect(int op, int arg)
{
    switch (op) {
    case OPC_POP: case OPC_STORE_FAST: case OPC_STORE_DEREF: case OPC_STORE_GLOBAL:
    case OPC_STORE_NAME: case OPC_DELETE_ATTR: case OPC_SUBSCR: case OPC_ADD: case OPC_SUB:
    case OPC_MUL: case OPC_BINOP: case OPC_INPLACE: case OPC_COMPARE: case OPC_IS:
    case OPC_CONTAINS: case OPC_JUMP_IF_FALSE: case OPC_JUMP_IF_TRUE:
    case OPC_JUMP_IF_FALSE_OR_POP: case OPC_JUMP_IF_TRUE_OR_POP: case OPC_RETURN:
    case OPC_LIST_APPEND: case OPC_SET_ADD: case OPC_LIST_EXTEND: case OPC_SET_UPDATE:
    case OPC_DICT_UPDATE: case OPC_DICT_MERGE: case OPC_IMPORT_STAR: case OPC_PRINT_EXPR:
    case OPC_WITH_EXIT:
        return -1;
    case OPC_DUP: case OPC_PUSH_UNBOUND: case OPC_LOAD_CONST: case OPC_LOAD_FAST:
    case OPC_LOAD_DEREF: case OPC_LOAD_CLOSURE: case OPC_LOAD_GLOBAL: case OPC_LOAD_NAME:
    case OPC_LOAD_METHOD: case OPC_FOR_ITER: case OPC_LOAD_SUPER: case OPC_WITH_ENTER:
    case OPC_IMPORT_NAME: case OPC_IMPORT_FROM:
        return 1;
    case OPC_DUP2: return 2;
    case OPC_STORE_ATTR: case OPC_DELETE_SUBSCR: case OPC_MAP_ADD: case OPC_POP_EXCEPT:
    case OPC_BUILD_CLASS: case OPC_RERAISE:
        return -2;
    case OPC_STORE_SUBSCR: case OPC_WITH_EXCEPT: return -3;
    case OPC_CLEANUP_RERAISE: return -4;
    case OPC_CALL: case OPC_CALL_KW: return -(arg + 1);
    case OPC_CALL_EX: return -(2 + arg);
    case OPC_BUILD_TUPLE: case OPC_BUILD_LIST: case OPC_BUILD_SET: case OPC_BUILD_SLICE:
    case OPC_BUILD_STRING:
        return 1 - arg;
    case OPC_BUILD_DICT: return 1 - 2 * arg;
    case OPC_FORMAT: return (arg & 4) ? -1 : 0;
    case OPC_UNPACK: return arg - 1;
    case OPC_UNPACK_EX: return (arg & 0xfff) + (arg >> 12);
    case OPC_MAKE_FUNCTION: return -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1));
    case OPC_RAISE: case OPC_ASSERT_FAIL: return -arg;
    default: return 0;
    }
}

static bool emit_word(Comp *c, uint32_t w)
{
    if (c->n >= c->cap) {
        int cap = c->cap;
        if (!grow_array((void **)&c->code, &cap, c->n, sizeof(uint32_t))) return oom(c);
        if (!grow_array((void **)&c->lines, &c->cap, c->n, sizeof(int))) return oom(c);
    }
    c->code[c->n] = w;
    c->lines[c->n] = c->line;
    c->n++;
    return true;
}

static bool emit(Comp *c, int op, int arg)
{
    c->depth += stack_effect(op, arg);
    if (c->depth > c->maxdepth) c->maxdepth = c->depth;
    return emit_word(c, INS(op, arg));
}

static int new_label(Comp *c)
{
    if (!grow_array((void **)&c->labels, &c->caplabels, c->nlabels, sizeof(int))) {
        oom(c);
        return 0;
    }
    c->labels[c->nlabels] = -1;
    return c->nlabels++;
}

static void bind_label(Comp *c, int l) { if (l < c->nlabels) c->labels[l] = c->n; }

static bool emit_jump(Comp *c, int op, int label)
{
    if (!grow_array((void **)&c->jumps, &c->capjumps, c->njumps, sizeof(int))) return oom(c);
    c->jumps[c->njumps++] = c->n;
    return emit(c, op, label);
}

/* Constants are deduplicated by kind and value (small bodies: linear). */
static int add_const(Comp *c, Value v)
{
    for (int i = 0; i < c->nconsts; i++) {
        Value k = c->consts[i];
        if (k.tag != v.tag) continue;
        if ((IS_INT(k) && k.i == v.i) || IS_NONE(k) || (IS_BOOL(k) && k.b == v.b)) return i;
        if (IS_OBJ(k) && IS_TYPE(k, &str_type) && IS_TYPE(v, &str_type) && str_eq(k, v)) return i;
    }
    if (!grow_array((void **)&c->consts, &c->capconsts, c->nconsts, sizeof(Value))) {
        oom(c);
        return 0;
    }
    c->consts[c->nconsts] = v_incref(v);
    return c->nconsts++;
}

static bool emit_const(Comp *c, Value v)
{
    int i = add_const(c, v);
    return !c->failed && emit(c, OPC_LOAD_CONST, i);
}

/* Owned value: released after adding. */
static bool emit_const_owned(Comp *c, Value v)
{
    if (IS_ERR(v)) return oom(c);
    bool ok = emit_const(c, v);
    v_decref(v);
    return ok;
}

static bool emit_str_const(Comp *c, const char *s)
{
    return emit_const_owned(c, str_from_cstr(s));
}

static int add_name(Comp *c, const char *s)
{
    Obj *o = str_intern(s);
    if (!o) {
        oom(c);
        return 0;
    }
    for (int i = 0; i < c->nnames; i++)
        if (c->names[i] == o) return i;
    if (!grow_array((void **)&c->names, &c->capnames, c->nnames, sizeof(Obj *))) {
        oom(c);
        return 0;
    }
    c->names[c->nnames] = o;
    return c->nnames++;
}

static bool emit_name_op(Comp *c, int op, const char *name)
{
    int i = add_name(c, name);
    return !c->failed && emit(c, op, i);
}

/* ---- names ---- */

typedef enum { ACC_LOAD, ACC_STORE, ACC_DEL } Access;

static const int fast_ops[] = {OPC_LOAD_FAST, OPC_STORE_FAST, OPC_DELETE_FAST};
static const int deref_ops[] = {OPC_LOAD_DEREF, OPC_STORE_DEREF, OPC_DELETE_DEREF};
static const int global_ops[] = {OPC_LOAD_GLOBAL, OPC_STORE_GLOBAL, OPC_DELETE_GLOBAL};
static const int name_ops[] = {OPC_LOAD_NAME, OPC_STORE_NAME, OPC_DELETE_NAME};

static int deref_index(Scope *s, Sym *y)
{
    return (y->flags & SF_CELL) ? y->cell : s->ncells + y->freeidx;
}

static bool name_access(Comp *c, const char *name, Access acc)
{
    Scope *s = c->scope;
    Sym *y = st_lookup(s, name);
    if (s->kind == SK_MODULE || !y || (y->flags & SF_GLOBAL))
        return emit_name_op(c, s->kind == SK_CLASS ? name_ops[acc] : global_ops[acc], name);
    if (s->kind == SK_CLASS) {
        if ((y->flags & SF_FREE) && !(y->flags & SF_ASSIGN))
            return emit(c, deref_ops[acc], deref_index(s, y));
        return emit_name_op(c, name_ops[acc], name);
    }
    if (y->flags & (SF_CELL | SF_FREE)) return emit(c, deref_ops[acc], deref_index(s, y));
    if (y->slot >= 0) return emit(c, fast_ops[acc], y->slot);
    return emit_name_op(c, global_ops[acc], name);
}

/* ---- forward declarations ---- */
static bool expr(Comp *c, Node *n);
static bool stmt(Comp *c, Node *n);
static bool stmts(Comp *c, NodeList *l);
static Code *compile_body(Comp *up, Scope *s, Node *n, const char *qualname);

/* ---- code objects ---- */

static void code_dealloc(Obj *o)
{
    Code *co = (Code *)o;
    for (int i = 0; i < co->nconsts; i++) v_decref(co->consts[i]);
    free(co->consts);
    free(co->code);
    free(co->lines);
    free(co->names);
    free(co->slotnames);
    free(co->gcache);
    v_decref(co->name);
    v_decref(co->qualname);
    v_decref(co->filename);
    v_decref(co->source);
    v_decref(co->doc);
    free(o);
}

static Value code_repr(Value self)
{
    Code *co = (Code *)self.o;
    return str_fmt("<code object %s at %p, file \"%s\", line %d>", str_cstr(co->name),
                   (void *)co, str_cstr(co->filename), co->firstline);
}

Type code_type = {
    .hdr = {1, &type_type}, .name = "code", .base = &object_type,
    .basicsize = sizeof(Code), .dealloc = code_dealloc, .repr = code_repr,
};

static void comp_free(Comp *c)
{
    free(c->code);
    free(c->lines);
    for (int i = 0; i < c->nconsts; i++) v_decref(c->consts[i]);
    free(c->consts);
    free(c->names);
    free(c->labels);
    free(c->jumps);
}

static bool fill_slotnames(Code *co, Scope *s)
{
    int n = code_nslots(co);
    co->slotnames = rt_calloc((size_t)(n ? n : 1), sizeof(Obj *));
    if (!co->slotnames) return false;
    Obj *unknown = str_intern("?");
    for (int i = 0; i < n; i++) co->slotnames[i] = unknown;
    for (int i = 0; i < s->nsyms; i++) {
        Sym *y = &s->syms[i];
        Obj *nm = str_intern(y->name);
        if (!nm) return false;
        if (y->slot >= 0) co->slotnames[y->slot] = nm;
        if (y->flags & SF_CELL) co->slotnames[co->nlocals + y->cell] = nm;
        else if (y->flags & (SF_FREE | SF_PASS))
            co->slotnames[co->nlocals + co->ncells + y->freeidx] = nm;
    }
    return true;
}

/* Resolves jump labels and hands the buffers over to a new Code. */
static Code *comp_finish(Comp *c, Node *n)
{
    for (int i = 0; i < c->njumps; i++) {
        uint32_t w = c->code[c->jumps[i]];
        int target = c->labels[INS_ARG(w)];
        if (target < 0) target = c->n;
        c->code[c->jumps[i]] = INS(INS_OP(w), target);
    }
    Code *co = obj_alloc(&code_type, sizeof(Code));
    if (!co) return NULL;
    memset((char *)co + sizeof(Obj), 0, sizeof(Code) - sizeof(Obj));
    co->name = co->qualname = co->filename = co->source = co->doc = V_NONE;
    Scope *s = c->scope;
    co->code = c->code; co->lines = c->lines; co->ncode = c->n;
    co->consts = c->consts; co->nconsts = c->nconsts;
    co->names = c->names; co->nnames = c->nnames;
    c->code = NULL; c->lines = NULL; c->consts = NULL; c->names = NULL; c->nconsts = 0;
    co->nlocals = s->nlocals;
    co->ncells = s->ncells;
    co->nfree = s->nfree;
    co->stacksize = c->maxdepth + 6;
    co->flags = s->kind == SK_MODULE ? CO_MODULE : s->kind == SK_CLASS ? CO_CLASS : CO_FUNCTION;
    if (s->generator) co->flags |= CO_GENERATOR;
    if (s->kind == SK_FUNC && (n->kind == N_DEF || n->kind == N_LAMBDA)) {
        Params *p = &n->func.params;
        co->argcount = p->n;
        co->kwonlycount = p->nkwonly;
        co->has_varargs = p->vararg != NULL;
        co->has_varkw = p->kwarg != NULL;
    } else if (s->is_comp) {
        co->argcount = 1;
    }
    co->name = str_from_cstr(s->name);
    co->qualname = str_from_cstr(c->qualname ? c->qualname : s->name);
    co->filename = str_from_cstr(c->filename);
    co->source = v_incref(c->source);
    co->firstline = n->line;
    if (IS_ERR(co->name) || IS_ERR(co->qualname) || IS_ERR(co->filename) || !fill_slotnames(co, s)) {
        if (IS_ERR(co->name)) co->name = V_NONE;
        if (IS_ERR(co->qualname)) co->qualname = V_NONE;
        if (IS_ERR(co->filename)) co->filename = V_NONE;
        obj_decref(&co->hdr);
        return NULL;
    }
    return co;
}

/* ---- functions ---- */

static const char *make_qualname(Comp *c, Scope *s)
{
    const char *outer = c->qualname;
    Scope *cs = c->scope;
    char buf[512];
    if (cs->kind == SK_MODULE) return s->name;
    if (cs->kind == SK_CLASS) snprintf(buf, sizeof buf, "%s.%s", outer, s->name);
    else snprintf(buf, sizeof buf, "%s.<locals>.%s", outer, s->name);
    return arena_strdup(c->st->arena, buf, strlen(buf));
}

/* Pushes the cells a child scope closes over, in its free-variable order. */
static bool emit_closure(Comp *c, Scope *child, int *flags)
{
    if (child->nfree == 0) return true;
    for (int k = 0; k < child->nfree; k++) {
        for (int i = 0; i < child->nsyms; i++) {
            Sym *y = &child->syms[i];
            if (!(y->flags & (SF_FREE | SF_PASS)) || (y->flags & SF_CELL) || y->freeidx != k) continue;
            Sym *mine = st_lookup(c->scope, y->name);
            if (!mine || !(mine->flags & (SF_CELL | SF_FREE | SF_PASS)))
                return comp_error(c, c->line, "internal error: closure variable not found");
            if (!emit(c, OPC_LOAD_CLOSURE, deref_index(c->scope, mine))) return false;
        }
    }
    *flags |= 4;
    return emit(c, OPC_BUILD_TUPLE, child->nfree);
}

/* Compiles the child scope of node n and emits MAKE_FUNCTION for it
 * (with defaults when params is given). */
static bool make_function(Comp *c, Node *n, Params *params)
{
    Scope *s = st_child(c->scope, n);
    if (!s) return comp_error(c, n->line, "internal error: scope not found");
    int flags = 0;
    if (params && params->ndefaults) {
        for (int i = 0; i < params->ndefaults; i++)
            if (!expr(c, params->defaults[i])) return false;
        if (!emit(c, OPC_BUILD_TUPLE, params->ndefaults)) return false;
        flags |= 1;
    }
    if (params && params->nkwonly && params->kwdefaults) {
        int nkw = 0;
        for (int i = 0; i < params->nkwonly; i++) {
            if (!params->kwdefaults[i]) continue;
            if (!emit_str_const(c, params->kwonly[i]) || !expr(c, params->kwdefaults[i])) return false;
            nkw++;
        }
        if (nkw) {
            if (!emit(c, OPC_BUILD_DICT, nkw)) return false;
            flags |= 2;
        }
    }
    if (!emit_closure(c, s, &flags)) return false;
    Code *co = compile_body(c, s, n, make_qualname(c, s));
    if (!co) return oom(c);
    bool ok = emit_const_owned(c, v_obj(co));
    return ok && emit(c, OPC_MAKE_FUNCTION, flags);
}

/* ---- expressions ---- */

static bool exprs(Comp *c, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (!expr(c, l->items[i])) return false;
    return true;
}

static bool has_starred(NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i]->kind == N_STARRED) return true;
    return false;
}

/* A display (tuple/list/set) with *items: built incrementally. */
static bool display(Comp *c, Node *n)
{
    NodeList *l = &n->seq.items;
    bool set = n->kind == N_SET;
    if (!has_starred(l)) {
        if (!exprs(c, l)) return false;
        return emit(c, set ? OPC_BUILD_SET : n->kind == N_LIST ? OPC_BUILD_LIST : OPC_BUILD_TUPLE, l->n);
    }
    if (!emit(c, set ? OPC_BUILD_SET : OPC_BUILD_LIST, 0)) return false;
    for (int i = 0; i < l->n; i++) {
        Node *it = l->items[i];
        if (it->kind == N_STARRED) {
            if (!expr(c, it->starred.value) || !emit(c, set ? OPC_SET_UPDATE : OPC_LIST_EXTEND, 0))
                return false;
        } else if (!expr(c, it) || !emit(c, set ? OPC_SET_ADD : OPC_LIST_APPEND, 1)) {
            return false;
        }
    }
    return n->kind == N_TUPLE ? emit(c, OPC_LIST_TO_TUPLE, 0) : true;
}

static bool dict_display(Comp *c, Node *n)
{
    int np = n->dict.values.n;
    bool star = false;
    for (int i = 0; i < np; i++)
        if (!n->dict.keys.items[i]) star = true;
    if (!star) {
        for (int i = 0; i < np; i++)
            if (!expr(c, n->dict.keys.items[i]) || !expr(c, n->dict.values.items[i])) return false;
        return emit(c, OPC_BUILD_DICT, np);
    }
    if (!emit(c, OPC_BUILD_DICT, 0)) return false;
    for (int i = 0; i < np; i++) {
        Node *k = n->dict.keys.items[i];
        if (!k) {
            if (!expr(c, n->dict.values.items[i]) || !emit(c, OPC_DICT_UPDATE, 0)) return false;
        } else if (!expr(c, k) || !expr(c, n->dict.values.items[i]) || !emit(c, OPC_MAP_ADD, 1)) {
            return false;
        }
    }
    return true;
}

static bool compare(Comp *c, int kind)
{
    switch (kind) {
    case CMP_K_IN: return emit(c, OPC_CONTAINS, 0);
    case CMP_K_NOTIN: return emit(c, OPC_CONTAINS, 1);
    case CMP_K_IS: return emit(c, OPC_IS, 0);
    case CMP_K_ISNOT: return emit(c, OPC_IS, 1);
    default: return emit(c, OPC_COMPARE, kind);   /* CmpKind LT..GE == CmpOp */
    }
}

/* a < b < c: b is evaluated once; the chain stops at the first false. */
static bool compare_chain(Comp *c, Node *n)
{
    if (!expr(c, n->compare.left)) return false;
    int nops = n->compare.nops;
    if (nops == 1)
        return expr(c, n->compare.rights.items[0]) && compare(c, n->compare.ops[0]);
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < nops - 1; i++) {
        if (!expr(c, n->compare.rights.items[i]) || !emit(c, OPC_DUP, 0) || !emit(c, OPC_ROT3, 0) ||
            !compare(c, n->compare.ops[i]) || !emit_jump(c, OPC_JUMP_IF_FALSE_OR_POP, cleanup))
            return false;
    }
    if (!expr(c, n->compare.rights.items[nops - 1]) || !compare(c, n->compare.ops[nops - 1]) ||
        !emit_jump(c, OPC_JUMP, end))
        return false;
    bind_label(c, cleanup);
    c->depth++;                       /* the kept operand under the result */
    if (!emit(c, OPC_ROT2, 0) || !emit(c, OPC_POP, 0)) return false;
    bind_label(c, end);
    return true;
}

static bool boolop(Comp *c, Node *n)
{
    int end = new_label(c);
    int op = n->kind == N_AND ? OPC_JUMP_IF_FALSE_OR_POP : OPC_JUMP_IF_TRUE_OR_POP;
    NodeList *l = &n->boolop.values;
    for (int i = 0; i < l->n - 1; i++)
        if (!expr(c, l->items[i]) || !emit_jump(c, op, end)) return false;
    if (!expr(c, l->items[l->n - 1])) return false;
    bind_label(c, end);
    return true;
}

static bool is_zero_arg_super(Comp *c, Node *n)
{
    Node *f = n->call.func;
    if (f->kind != N_NAME || strcmp(f->name.id, "super") || n->call.args.n || n->call.kwargs.n)
        return false;
    Sym *y = st_lookup(c->scope, "super");
    return c->scope->kind == SK_FUNC && (!y || !(y->flags & (SF_ASSIGN | SF_PARAM | SF_FREE)));
}

static bool call_ex(Comp *c, Node *n)
{
    NodeList *a = &n->call.args, *k = &n->call.kwargs;
    if (a->n == 1 && a->items[0]->kind == N_STARRED) {
        if (!expr(c, a->items[0]->starred.value)) return false;
    } else {
        if (!emit(c, OPC_BUILD_LIST, 0)) return false;
        for (int i = 0; i < a->n; i++) {
            Node *it = a->items[i];
            if (it->kind == N_STARRED) {
                if (!expr(c, it->starred.value) || !emit(c, OPC_LIST_EXTEND, 0)) return false;
            } else if (!expr(c, it) || !emit(c, OPC_LIST_APPEND, 1)) {
                return false;
            }
        }
    }
    if (k->n) {
        if (!emit(c, OPC_BUILD_DICT, 0)) return false;
        for (int i = 0; i < k->n; i++) {
            Node *kw = k->items[i];
            if (!kw->keyword.name) {
                if (!expr(c, kw->keyword.value) || !emit(c, OPC_DICT_MERGE, 0)) return false;
            } else if (!emit_str_const(c, kw->keyword.name) || !expr(c, kw->keyword.value) ||
                       !emit(c, OPC_MAP_ADD, 1)) {
                return false;
            }
        }
    }
    return emit(c, OPC_CALL_EX, k->n ? 1 : 0);
}

static bool call(Comp *c, Node *n)
{
    if (is_zero_arg_super(c, n)) return emit(c, OPC_LOAD_SUPER, 0);
    Node *f = n->call.func;
    if (f->kind == N_ATTR) {
        if (!expr(c, f->attr.value) || !emit_name_op(c, OPC_LOAD_METHOD, f->attr.name)) return false;
    } else if (!expr(c, f) || !emit(c, OPC_PUSH_UNBOUND, 0)) {
        return false;
    }
    NodeList *a = &n->call.args, *k = &n->call.kwargs;
    bool ex = has_starred(a);
    for (int i = 0; i < k->n; i++)
        if (!k->items[i]->keyword.name) ex = true;
    if (ex) return call_ex(c, n);
    if (!exprs(c, a)) return false;
    if (!k->n) return emit(c, OPC_CALL, a->n);
    Value names = tuple_new(k->n);
    if (IS_ERR(names)) return oom(c);
    for (int i = 0; i < k->n; i++) {
        Value s = str_from_cstr(k->items[i]->keyword.name);
        if (IS_ERR(s)) { v_decref(names); return oom(c); }
        ((Tuple *)names.o)->items[i] = s;
        if (!expr(c, k->items[i]->keyword.value)) { v_decref(names); return false; }
    }
    int ci = add_const(c, names);
    v_decref(names);
    if (c->failed || !emit(c, OPC_CALL_KW, a->n + k->n)) return false;
    return emit_word(c, (uint32_t)ci);
}

static bool comprehension(Comp *c, Node *n)
{
    if (!make_function(c, n, NULL) || !emit(c, OPC_PUSH_UNBOUND, 0)) return false;
    if (!expr(c, n->comp.gens.items[0]->compfor.iter) || !emit(c, OPC_GET_ITER, 0)) return false;
    return emit(c, OPC_CALL, 1);
}

static bool fstring(Comp *c, Node *n)
{
    NodeList *l = &n->fstr.parts;
    if (l->n == 0) return emit_str_const(c, "");
    for (int i = 0; i < l->n; i++) {
        Node *p = l->items[i];
        if (p->kind != N_FMTVALUE) {
            if (!expr(c, p)) return false;
            continue;
        }
        int conv = p->fmtv.conv == 'r' ? 1 : p->fmtv.conv == 's' ? 2 : p->fmtv.conv == 'a' ? 3 : 0;
        if (!expr(c, p->fmtv.value)) return false;
        if (p->fmtv.spec) {
            if (!expr(c, p->fmtv.spec)) return false;
            conv |= 4;
        }
        if (!emit(c, OPC_FORMAT, conv)) return false;
    }
    return l->n == 1 ? true : emit(c, OPC_BUILD_STRING, l->n);
}

static bool expr_inner(Comp *c, Node *n)
{
    switch (n->kind) {
    case N_NAME: return name_access(c, n->name.id, ACC_LOAD);
    case N_INT: return emit_const(c, v_int(n->num.i));
    case N_FLOAT: return emit_const(c, v_float(n->num.f));
    case N_STR: return emit_const_owned(c, str_new(n->str.s, (int64_t)n->str.len));
    case N_FSTRING: return fstring(c, n);
    case N_NONE: return emit_const(c, V_NONE);
    case N_TRUE: return emit_const(c, v_bool(true));
    case N_FALSE: return emit_const(c, v_bool(false));
    case N_ELLIPSIS: return emit_const(c, v_ellipsis());
    case N_BINOP:
        if (!expr(c, n->binop.left) || !expr(c, n->binop.right)) return false;
        switch (n->binop.op) {
        case OP_ADD: return emit(c, OPC_ADD, 0);
        case OP_SUB: return emit(c, OPC_SUB, 0);
        case OP_MUL: return emit(c, OPC_MUL, 0);
        default: return emit(c, OPC_BINOP, n->binop.op);
        }
    case N_UNARY: {
        Node *o = n->unary.operand;
        if (n->unary.op == UOP_NEG && o->kind == N_INT) return emit_const(c, v_int(-o->num.i));
        if (n->unary.op == UOP_NEG && o->kind == N_FLOAT) return emit_const(c, v_float(-o->num.f));
        if (!expr(c, o)) return false;
        return n->unary.op == UOP_NOT ? emit(c, OPC_NOT, 0) : emit(c, OPC_UNOP, n->unary.op);
    }
    case N_AND: case N_OR: return boolop(c, n);
    case N_COMPARE: return compare_chain(c, n);
    case N_IFEXP: {
        int els = new_label(c), end = new_label(c);
        if (!expr(c, n->ifexp.test) || !emit_jump(c, OPC_JUMP_IF_FALSE, els)) return false;
        if (!expr(c, n->ifexp.body) || !emit_jump(c, OPC_JUMP, end)) return false;
        c->depth--;
        bind_label(c, els);
        if (!expr(c, n->ifexp.orelse)) return false;
        bind_label(c, end);
        return true;
    }
    case N_LAMBDA: return make_function(c, n, &n->func.params);
    case N_CALL: return call(c, n);
    case N_ATTR: return expr(c, n->attr.value) && emit_name_op(c, OPC_LOAD_ATTR, n->attr.name);
    case N_SUBSCRIPT:
        return expr(c, n->subscript.value) && expr(c, n->subscript.index) && emit(c, OPC_SUBSCR, 0);
    case N_SLICE: {
        Node *parts[3] = {n->slice.lower, n->slice.upper, n->slice.step};
        int k = n->slice.step ? 3 : 2;
        for (int i = 0; i < k; i++)
            if (!(parts[i] ? expr(c, parts[i]) : emit_const(c, V_NONE))) return false;
        return emit(c, OPC_BUILD_SLICE, k);
    }
    case N_TUPLE: case N_LIST: case N_SET: return display(c, n);
    case N_DICT: return dict_display(c, n);
    case N_LISTCOMP: case N_SETCOMP: case N_GENEXP: case N_DICTCOMP: return comprehension(c, n);
    case N_YIELD:
        if (!(n->yield.value ? expr(c, n->yield.value) : emit_const(c, V_NONE))) return false;
        return emit(c, OPC_YIELD, 0);
    case N_STARRED: return comp_error(c, n->line, "can't use starred expression here");
    default: return comp_error(c, n->line, "invalid syntax");
    }
}

static bool expr(Comp *c, Node *n)
{
    if (c->failed) return false;
    int saved = c->line;
    c->line = n->line;
    bool ok = expr_inner(c, n);
    c->line = saved;
    return ok;
}

/* ---- assignment targets ---- */

static bool store(Comp *c, Node *t);

static bool store_seq(Comp *c, Node *t)
{
    NodeList *l = &t->seq.items;
    int star = -1;
    for (int i = 0; i < l->n; i++) {
        if (l->items[i]->kind != N_STARRED) continue;
        if (star >= 0) return comp_error(c, t->line, "multiple starred expressions in assignment");
        star = i;
    }
    if (star < 0) {
        if (!emit(c, OPC_UNPACK, l->n)) return false;
    } else if (!emit(c, OPC_UNPACK_EX, star | ((l->n - star - 1) << 12))) {
        return false;
    }
    for (int i = 0; i < l->n; i++) {
        Node *it = l->items[i];
        if (!store(c, it->kind == N_STARRED ? it->starred.value : it)) return false;
    }
    return true;
}

static bool store(Comp *c, Node *t)
{
    switch (t->kind) {
    case N_NAME: return name_access(c, t->name.id, ACC_STORE);
    case N_ATTR: return expr(c, t->attr.value) && emit_name_op(c, OPC_STORE_ATTR, t->attr.name);
    case N_SUBSCRIPT:
        return expr(c, t->subscript.value) && expr(c, t->subscript.index) && emit(c, OPC_STORE_SUBSCR, 0);
    case N_TUPLE: case N_LIST: return store_seq(c, t);
    case N_STARRED: return comp_error(c, t->line, "starred assignment target must be in a list or tuple");
    default: return comp_error(c, t->line, "cannot assign to expression");
    }
}

static bool del_target(Comp *c, Node *t)
{
    switch (t->kind) {
    case N_NAME: return name_access(c, t->name.id, ACC_DEL);
    case N_ATTR: return expr(c, t->attr.value) && emit_name_op(c, OPC_DELETE_ATTR, t->attr.name);
    case N_SUBSCRIPT:
        return expr(c, t->subscript.value) && expr(c, t->subscript.index) && emit(c, OPC_DELETE_SUBSCR, 0);
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < t->seq.items.n; i++)
            if (!del_target(c, t->seq.items.items[i])) return false;
        return true;
    default: return comp_error(c, t->line, "cannot delete expression");
    }
}

static bool augassign(Comp *c, Node *n)
{
    Node *t = n->aug.target;
    int op = n->aug.op;
    switch (t->kind) {
    case N_NAME:
        return name_access(c, t->name.id, ACC_LOAD) && expr(c, n->aug.value) &&
               emit(c, OPC_INPLACE, op) && name_access(c, t->name.id, ACC_STORE);
    case N_ATTR: {
        int ni = add_name(c, t->attr.name);
        return expr(c, t->attr.value) && emit(c, OPC_DUP, 0) && emit(c, OPC_LOAD_ATTR, ni) &&
               expr(c, n->aug.value) && emit(c, OPC_INPLACE, op) && emit(c, OPC_ROT2, 0) &&
               emit(c, OPC_STORE_ATTR, ni);
    }
    case N_SUBSCRIPT:
        return expr(c, t->subscript.value) && expr(c, t->subscript.index) && emit(c, OPC_DUP2, 0) &&
               emit(c, OPC_SUBSCR, 0) && expr(c, n->aug.value) && emit(c, OPC_INPLACE, op) &&
               emit(c, OPC_ROT3, 0) && emit(c, OPC_STORE_SUBSCR, 0);
    default: return comp_error(c, n->line, "'expression' is an illegal expression for augmented assignment");
    }
}

/* ---- blocks and unwinding ---- */

static bool push_fb(Comp *c, FBKind kind, int line)
{
    if (c->nfb >= MAX_FBLOCKS) return comp_error(c, line, "too many statically nested blocks");
    memset(&c->fb[c->nfb], 0, sizeof(FBlock));
    c->fb[c->nfb++].kind = kind;
    return true;
}

static bool clear_handler_name(Comp *c, const char *name)
{
    if (!name) return true;
    return emit_const(c, V_NONE) && name_access(c, name, ACC_STORE) && name_access(c, name, ACC_DEL);
}

/* Emits the clean-up of block i when leaving it by return/break/continue.
 * For a finally, the body is compiled inline with the blocks above it
 * hidden (so a return inside it unwinds only the outer ones). */
static bool unwind_block(Comp *c, int i, bool for_return)
{
    FBlock *b = &c->fb[i];
    switch (b->kind) {
    case FB_WHILE: return true;
    case FB_FOR: return for_return ? emit(c, OPC_POP, 0) : true;
    case FB_TRY: return emit(c, OPC_POP_BLOCK, 0);
    case FB_WITH: return emit(c, OPC_POP_BLOCK, 0) && emit(c, OPC_WITH_EXIT, 0);
    case FB_HANDLER:
        if (!emit(c, OPC_POP_BLOCK, 0) || !emit(c, OPC_POP_EXCEPT, 0)) return false;
        return clear_handler_name(c, b->name);
    case FB_FINALLY_END:
        return emit(c, OPC_POP_BLOCK, 0) && emit(c, OPC_POP_EXCEPT, 0);
    case FB_FINALLY_TRY: {
        if (!emit(c, OPC_POP_BLOCK, 0)) return false;
        FBlock saved[MAX_FBLOCKS];
        int nsaved = c->nfb;
        memcpy(saved, c->fb, sizeof saved);
        c->nfb = i;
        bool ok = stmts(c, b->finalbody);
        memcpy(c->fb, saved, sizeof saved);
        c->nfb = nsaved;
        return ok;
    }
    }
    return true;
}

static bool loop_exit(Comp *c, Node *n, bool is_break)
{
    for (int i = c->nfb - 1; i >= 0; i--) {
        FBlock *b = &c->fb[i];
        if (b->kind == FB_WHILE || b->kind == FB_FOR) {
            int depth = c->depth;
            if (is_break && b->kind == FB_FOR && !emit(c, OPC_POP, 0)) return false;
            if (!emit_jump(c, is_break ? OPC_JUMP : OPC_JUMP_BACK, is_break ? b->brk : b->cont))
                return false;
            c->depth = depth;
            return true;
        }
        int depth = c->depth;
        if (!unwind_block(c, i, false)) return false;
        c->depth = depth;
    }
    return comp_error(c, n->line, is_break ? "'break' outside loop" : "'continue' not properly in loop");
}

static bool return_stmt(Comp *c, Node *n)
{
    if (c->scope->kind != SK_FUNC) return comp_error(c, n->line, "'return' outside function");
    if (!(n->ret.value ? expr(c, n->ret.value) : emit_const(c, V_NONE))) return false;
    if (c->nfb == 0) return emit(c, OPC_RETURN, 0);
    if (c->retslot < 0) c->retslot = c->scope->nlocals++;
    if (!emit(c, OPC_STORE_FAST, c->retslot)) return false;
    int depth = c->depth;
    for (int i = c->nfb - 1; i >= 0; i--)
        if (!unwind_block(c, i, true)) return false;
    c->depth = depth;
    return emit(c, OPC_LOAD_FAST, c->retslot) && emit(c, OPC_RETURN, 0);
}

/* ---- compound statements ---- */

static bool if_stmt(Comp *c, Node *n)
{
    int els = new_label(c), end = new_label(c);
    if (!expr(c, n->if_.test) || !emit_jump(c, OPC_JUMP_IF_FALSE, els)) return false;
    if (!stmts(c, &n->if_.body)) return false;
    if (n->if_.orelse.n && !emit_jump(c, OPC_JUMP, end)) return false;
    bind_label(c, els);
    if (!stmts(c, &n->if_.orelse)) return false;
    bind_label(c, end);
    return true;
}

/* The body of a while / for loop that starts at label top: continue goes
 * back to top, break to brk (past the else clause). */
static bool loop_body(Comp *c, Node *n, FBKind kind, int top, int brk)
{
    if (!push_fb(c, kind, n->line)) return false;
    c->fb[c->nfb - 1].brk = brk;
    c->fb[c->nfb - 1].cont = top;
    if (!stmts(c, &n->loop.body)) return false;
    c->nfb--;
    return emit_jump(c, OPC_JUMP_BACK, top);
}

static bool while_stmt(Comp *c, Node *n)
{
    int top = new_label(c), exit = new_label(c), brk = new_label(c);
    bind_label(c, top);
    Node *t = n->loop.test;
    bool forever = t->kind == N_TRUE || (t->kind == N_INT && t->num.i);
    if (!forever && (!expr(c, t) || !emit_jump(c, OPC_JUMP_IF_FALSE, exit))) return false;
    if (!loop_body(c, n, FB_WHILE, top, brk)) return false;
    bind_label(c, exit);
    if (!stmts(c, &n->loop.orelse)) return false;
    bind_label(c, brk);
    return true;
}

static bool for_stmt(Comp *c, Node *n)
{
    int top = new_label(c), exit = new_label(c), brk = new_label(c);
    if (!expr(c, n->loop.iter) || !emit(c, OPC_GET_ITER, 0)) return false;
    int depth = c->depth;
    bind_label(c, top);
    if (!emit_jump(c, OPC_FOR_ITER, exit) || !store(c, n->loop.target)) return false;
    if (!loop_body(c, n, FB_FOR, top, brk)) return false;
    bind_label(c, exit);
    c->depth = depth - 1;
    if (!stmts(c, &n->loop.orelse)) return false;
    bind_label(c, brk);
    return true;
}

/* try/except[/else]: the handler entry finds [prev_handled, exc] pushed. */
static bool try_except(Comp *c, Node *n)
{
    int handler = new_label(c), end = new_label(c), cleanup = new_label(c);
    int depth = c->depth;
    if (!emit_jump(c, OPC_SETUP_TRY, handler) || !push_fb(c, FB_TRY, n->line)) return false;
    if (!stmts(c, &n->try_.body)) return false;
    c->nfb--;
    if (!emit(c, OPC_POP_BLOCK, 0) || !stmts(c, &n->try_.orelse) || !emit_jump(c, OPC_JUMP, end))
        return false;
    bind_label(c, handler);
    c->depth = depth + 2;
    if (!emit_jump(c, OPC_SETUP_TRY, cleanup)) return false;
    for (int i = 0; i < n->try_.handlers.n; i++) {
        Node *h = n->try_.handlers.items[i];
        int next = new_label(c);
        c->line = h->line;
        if (h->handler.type) {
            if (!expr(c, h->handler.type) || !emit(c, OPC_EXC_MATCH, 0) ||
                !emit_jump(c, OPC_JUMP_IF_FALSE, next))
                return false;
        }
        if (h->handler.name) {
            if (!emit(c, OPC_DUP, 0) || !name_access(c, h->handler.name, ACC_STORE)) return false;
        }
        if (!push_fb(c, FB_HANDLER, h->line)) return false;
        c->fb[c->nfb - 1].name = h->handler.name;
        if (!stmts(c, &h->handler.body)) return false;
        c->nfb--;
        if (!emit(c, OPC_POP_BLOCK, 0) || !emit(c, OPC_POP_EXCEPT, 0)) return false;
        if (!clear_handler_name(c, h->handler.name) || !emit_jump(c, OPC_JUMP, end)) return false;
        c->depth = depth + 2;
        bind_label(c, next);
    }
    if (!emit(c, OPC_POP_BLOCK, 0) || !emit(c, OPC_RERAISE, 0)) return false;
    bind_label(c, cleanup);
    c->depth = depth + 4;
    if (!emit(c, OPC_CLEANUP_RERAISE, 0)) return false;
    c->depth = depth;
    bind_label(c, end);
    return true;
}

static bool try_body(Comp *c, Node *n)
{
    if (n->try_.handlers.n) return try_except(c, n);
    return stmts(c, &n->try_.body) && stmts(c, &n->try_.orelse);
}

static bool try_stmt(Comp *c, Node *n)
{
    if (!n->try_.finalbody.n) return try_body(c, n);
    int handler = new_label(c), end = new_label(c), cleanup = new_label(c);
    int depth = c->depth;
    if (!emit_jump(c, OPC_SETUP_TRY, handler) || !push_fb(c, FB_FINALLY_TRY, n->line)) return false;
    c->fb[c->nfb - 1].finalbody = &n->try_.finalbody;
    if (!try_body(c, n)) return false;
    c->nfb--;
    if (!emit(c, OPC_POP_BLOCK, 0) || !stmts(c, &n->try_.finalbody) || !emit_jump(c, OPC_JUMP, end))
        return false;
    bind_label(c, handler);
    c->depth = depth + 2;
    if (!emit_jump(c, OPC_SETUP_TRY, cleanup) || !push_fb(c, FB_FINALLY_END, n->line)) return false;
    if (!stmts(c, &n->try_.finalbody)) return false;
    c->nfb--;
    if (!emit(c, OPC_POP_BLOCK, 0) || !emit(c, OPC_RERAISE, 0)) return false;
    bind_label(c, cleanup);
    c->depth = depth + 4;
    if (!emit(c, OPC_CLEANUP_RERAISE, 0)) return false;
    c->depth = depth;
    bind_label(c, end);
    return true;
}

static bool with_items(Comp *c, Node *n, int i)
{
    if (i == n->with.items.n) return stmts(c, &n->with.body);
    Node *item = n->with.items.items[i];
    int handler = new_label(c), end = new_label(c);
    if (!expr(c, item->withitem.ctx) || !emit(c, OPC_WITH_ENTER, 0)) return false;
    if (item->withitem.target) {
        if (!store(c, item->withitem.target)) return false;
    } else if (!emit(c, OPC_POP, 0)) {
        return false;
    }
    int depth = c->depth;
    if (!emit_jump(c, OPC_SETUP_TRY, handler) || !push_fb(c, FB_WITH, n->line)) return false;
    if (!with_items(c, n, i + 1)) return false;
    c->nfb--;
    if (!emit(c, OPC_POP_BLOCK, 0) || !emit(c, OPC_WITH_EXIT, 0) || !emit_jump(c, OPC_JUMP, end))
        return false;
    bind_label(c, handler);
    c->depth = depth + 2;
    if (!emit_jump(c, OPC_WITH_EXCEPT, end)) return false;
    bind_label(c, end);
    return true;
}

static bool def_stmt(Comp *c, Node *n)
{
    NodeList *decs = &n->func.decorators;
    for (int i = 0; i < decs->n; i++)
        if (!expr(c, decs->items[i]) || !emit(c, OPC_PUSH_UNBOUND, 0)) return false;
    if (!make_function(c, n, &n->func.params)) return false;
    for (int i = 0; i < decs->n; i++)
        if (!emit(c, OPC_CALL, 1)) return false;
    return name_access(c, n->func.name, ACC_STORE);
}

static bool class_stmt(Comp *c, Node *n)
{
    NodeList *decs = &n->cls.decorators;
    for (int i = 0; i < decs->n; i++)
        if (!expr(c, decs->items[i]) || !emit(c, OPC_PUSH_UNBOUND, 0)) return false;
    if (!make_function(c, n, NULL) || !emit_str_const(c, n->cls.name)) return false;
    if (!exprs(c, &n->cls.bases) || !emit(c, OPC_BUILD_TUPLE, n->cls.bases.n)) return false;
    if (!emit(c, OPC_BUILD_CLASS, 0)) return false;
    for (int i = 0; i < decs->n; i++)
        if (!emit(c, OPC_CALL, 1)) return false;
    return name_access(c, n->cls.name, ACC_STORE);
}

static bool import_stmt(Comp *c, Node *n)
{
    for (int i = 0; i < n->import.names.n; i++) {
        Node *a = n->import.names.items[i];
        const char *nm = a->alias.name;
        const char *dot = strchr(nm, '.');
        bool top = !a->alias.asname && dot;
        if (!emit_str_const(c, nm)) return false;
        c->depth--;
        c->code[c->n - 1] = INS(OPC_IMPORT_NAME, INS_ARG(c->code[c->n - 1]));
        c->depth++;
        if (!emit_word(c, top ? 1 : 0)) return false;
        const char *bind = a->alias.asname;
        if (!bind) bind = dot ? arena_strdup(c->st->arena, nm, (size_t)(dot - nm)) : nm;
        if (!bind) return oom(c);
        if (!name_access(c, bind, ACC_STORE)) return false;
    }
    return true;
}

static bool importfrom_stmt(Comp *c, Node *n)
{
    if (n->import.level > 0)
        return comp_error(c, n->line, "attempted relative import with no known parent package");
    if (!emit_str_const(c, n->import.module)) return false;
    c->code[c->n - 1] = INS(OPC_IMPORT_NAME, INS_ARG(c->code[c->n - 1]));
    if (!emit_word(c, 0)) return false;
    for (int i = 0; i < n->import.names.n; i++) {
        Node *a = n->import.names.items[i];
        if (!strcmp(a->alias.name, "*")) {
            if (c->scope->kind != SK_MODULE)
                return comp_error(c, n->line, "import * only allowed at module level");
            return emit(c, OPC_IMPORT_STAR, 0);
        }
        if (!emit_name_op(c, OPC_IMPORT_FROM, a->alias.name)) return false;
        if (!name_access(c, a->alias.asname ? a->alias.asname : a->alias.name, ACC_STORE)) return false;
    }
    return emit(c, OPC_POP, 0);
}

static bool magic_stmt(Comp *c, Node *n)
{
    if (!emit_name_op(c, OPC_LOAD_GLOBAL, "__magic__") || !emit(c, OPC_PUSH_UNBOUND, 0)) return false;
    if (!emit_str_const(c, n->magic.cmd)) return false;
    if (n->magic.stmt) {
        if (!make_function(c, n, NULL)) return false;
    } else if (!emit_const(c, V_NONE)) {
        return false;
    }
    if (!emit_str_const(c, n->magic.arg ? n->magic.arg : "")) return false;
    /* `%time EXPR` returns EXPR's value: the prompt echoes it (IPython's Out) */
    return emit(c, OPC_CALL, 3) &&
           emit(c, c->echo && c->scope->kind == SK_MODULE ? OPC_PRINT_EXPR : OPC_POP, 0);
}

static bool assign_stmt(Comp *c, Node *n)
{
    if (!expr(c, n->assign.value)) return false;
    NodeList *t = &n->assign.targets;
    for (int i = 0; i < t->n; i++) {
        if (i < t->n - 1 && !emit(c, OPC_DUP, 0)) return false;
        if (!store(c, t->items[i])) return false;
    }
    return true;
}

static bool stmt_inner(Comp *c, Node *n)
{
    switch (n->kind) {
    case N_EXPR:
        if (!expr(c, n->expr.value)) return false;
        return emit(c, c->echo && c->scope->kind == SK_MODULE ? OPC_PRINT_EXPR : OPC_POP, 0);
    case N_ASSIGN: return assign_stmt(c, n);
    case N_AUGASSIGN: return augassign(c, n);
    case N_ANNASSIGN:
        if (!n->ann.value) return true;
        return expr(c, n->ann.value) && store(c, n->ann.target);
    case N_IF: return if_stmt(c, n);
    case N_WHILE: return while_stmt(c, n);
    case N_FOR: return for_stmt(c, n);
    case N_BREAK: return loop_exit(c, n, true);
    case N_CONTINUE: return loop_exit(c, n, false);
    case N_PASS: case N_GLOBAL: case N_NONLOCAL: return true;
    case N_RETURN: return return_stmt(c, n);
    case N_DEF: return def_stmt(c, n);
    case N_CLASS: return class_stmt(c, n);
    case N_WITH: return with_items(c, n, 0);
    case N_TRY: return try_stmt(c, n);
    case N_RAISE: {
        int argc = 0;
        if (n->raise.exc) {
            if (!expr(c, n->raise.exc)) return false;
            argc = 1;
            if (n->raise.cause) {
                if (!expr(c, n->raise.cause)) return false;
                argc = 2;
            }
        }
        return emit(c, OPC_RAISE, argc);
    }
    case N_ASSERT: {
        int end = new_label(c);
        if (!expr(c, n->assert_.test) || !emit_jump(c, OPC_JUMP_IF_TRUE, end)) return false;
        if (n->assert_.msg && !expr(c, n->assert_.msg)) return false;
        if (!emit(c, OPC_ASSERT_FAIL, n->assert_.msg ? 1 : 0)) return false;
        bind_label(c, end);
        return true;
    }
    case N_IMPORT: return import_stmt(c, n);
    case N_IMPORTFROM: return importfrom_stmt(c, n);
    case N_DEL:
        for (int i = 0; i < n->del.targets.n; i++)
            if (!del_target(c, n->del.targets.items[i])) return false;
        return true;
    case N_MAGIC: return magic_stmt(c, n);
    default: return expr(c, n) && emit(c, OPC_POP, 0);
    }
}

static bool stmt(Comp *c, Node *n)
{
    if (c->failed) return false;
    c->line = n->line;
    return stmt_inner(c, n);
}

static bool stmts(Comp *c, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (!stmt(c, l->items[i])) return false;
    return true;
}

/* ---- bodies ---- */

/* Captured parameters start life in a fast slot (the binder fills those);
 * copy them into their cells first. */
static bool cell_params(Comp *c)
{
    Scope *s = c->scope;
    for (int i = 0; i < s->nsyms; i++) {
        Sym *y = &s->syms[i];
        if ((y->flags & SF_PARAM) && (y->flags & SF_CELL))
            if (!emit(c, OPC_LOAD_FAST, y->slot) || !emit(c, OPC_STORE_DEREF, y->cell)) return false;
    }
    return true;
}

/* Body of a comprehension: the loops nest, the innermost adds the element
 * to the result that sits under all the iterators. */
static bool comp_loops(Comp *c, Node *n, int g, int ngens)
{
    Node *gen = n->comp.gens.items[g];
    int top = new_label(c), exit = new_label(c);
    if (g == 0) {
        if (!emit(c, OPC_LOAD_FAST, 0)) return false;
    } else if (!expr(c, gen->compfor.iter) || !emit(c, OPC_GET_ITER, 0)) {
        return false;
    }
    int depth = c->depth;
    bind_label(c, top);
    if (!emit_jump(c, OPC_FOR_ITER, exit) || !store(c, gen->compfor.target)) return false;
    for (int i = 0; i < gen->compfor.ifs.n; i++)
        if (!expr(c, gen->compfor.ifs.items[i]) || !emit_jump(c, OPC_JUMP_IF_FALSE, top)) return false;
    if (g + 1 < ngens) {
        if (!comp_loops(c, n, g + 1, ngens)) return false;
    } else {
        switch (n->kind) {
        case N_LISTCOMP:
            if (!expr(c, n->comp.elt) || !emit(c, OPC_LIST_APPEND, ngens + 1)) return false;
            break;
        case N_SETCOMP:
            if (!expr(c, n->comp.elt) || !emit(c, OPC_SET_ADD, ngens + 1)) return false;
            break;
        case N_DICTCOMP:
            if (!expr(c, n->comp.key) || !expr(c, n->comp.elt) || !emit(c, OPC_MAP_ADD, ngens + 1))
                return false;
            break;
        default:
            if (!expr(c, n->comp.elt) || !emit(c, OPC_YIELD, 0) || !emit(c, OPC_POP, 0)) return false;
            break;
        }
    }
    if (!emit_jump(c, OPC_JUMP_BACK, top)) return false;
    bind_label(c, exit);
    c->depth = depth - 1;
    return true;
}

static bool comp_body(Comp *c, Node *n)
{
    int ngens = n->comp.gens.n;
    if (n->kind == N_LISTCOMP && !emit(c, OPC_BUILD_LIST, 0)) return false;
    if (n->kind == N_SETCOMP && !emit(c, OPC_BUILD_SET, 0)) return false;
    if (n->kind == N_DICTCOMP && !emit(c, OPC_BUILD_DICT, 0)) return false;
    if (n->kind == N_GENEXP) ngens--;   /* no result under the iterators */
    if (!comp_loops(c, n, 0, n->comp.gens.n)) return false;
    (void)ngens;
    if (n->kind == N_GENEXP && !emit_const(c, V_NONE)) return false;
    return emit(c, OPC_RETURN, 0);
}

static bool func_body(Comp *c, Node *n)
{
    if (!cell_params(c)) return false;
    switch (n->kind) {
    case N_DEF: case N_LAMBDA:
        if (!stmts(c, &n->func.body)) return false;
        break;
    case N_CLASS:
        if (!stmts(c, &n->cls.body)) return false;
        break;
    case N_MAGIC:
        /* an expression statement's value is the function's result */
        if (n->magic.stmt->kind == N_EXPR)
            return expr(c, n->magic.stmt->expr.value) && emit(c, OPC_RETURN, 0);
        if (!stmt(c, n->magic.stmt)) return false;
        break;
    default:
        return comp_body(c, n);
    }
    return emit_const(c, V_NONE) && emit(c, OPC_RETURN, 0);
}

/* A function's or class's docstring: its first statement, when that is a
 * string literal. */
static Value docstring_of(Node *n)
{
    NodeList *body = n->kind == N_DEF ? &n->func.body : n->kind == N_CLASS ? &n->cls.body : NULL;
    if (!body || !body->n) return V_NONE;
    Node *first = body->items[0];
    if (first->kind != N_EXPR || first->expr.value->kind != N_STR) return V_NONE;
    Value s = str_new(first->expr.value->str.s, (int64_t)first->expr.value->str.len);
    return IS_ERR(s) ? V_NONE : s;
}

static Code *compile_body(Comp *up, Scope *s, Node *n, const char *qualname)
{
    Comp c;
    memset(&c, 0, sizeof c);
    c.st = up->st;
    c.scope = s;
    c.up = up;
    c.filename = up->filename;
    c.source = up->source;
    c.qualname = qualname;
    c.retslot = -1;
    c.line = n->line;
    Code *co = NULL;
    if (func_body(&c, n)) co = comp_finish(&c, n);
    if (co) co->doc = docstring_of(n);
    if (c.failed) up->failed = true;
    comp_free(&c);
    return co;
}

Code *comp_module(Arena *arena, Node *module, const char *filename, Value source, bool echo)
{
    SymTable st = {.arena = arena};
    Scope *m = st_build(&st, module);
    if (!m) {
        if (st.oom) {
            rt_nomem();
            return NULL;
        }
        rt_raise(&exc_SyntaxError, "%s", st.errmsg);
        return NULL;
    }
    Comp c;
    memset(&c, 0, sizeof c);
    c.st = &st;
    c.scope = m;
    c.filename = filename;
    c.source = source;
    c.retslot = -1;
    c.echo = echo;
    c.line = 1;
    Code *co = NULL;
    if (stmts(&c, &module->module.body) && emit_const(&c, V_NONE) && emit(&c, OPC_RETURN, 0))
        co = comp_finish(&c, module);
    comp_free(&c);
    if (!co && IS_NONE(rt_exc)) rt_nomem();
    return co;
}
