/* code.h — the bytecode: one X-macro opcode list and the Code object.
 *
 * An instruction is one 32-bit word: the opcode in the low 8 bits and its
 * argument in the upper 24.  A few instructions carry a second word (noted
 * "+w" below).  Jump arguments are absolute word indices.
 *
 * The VM is a stack machine.  A frame's slots are laid out as
 *   [0, nlocals)                 fast locals (parameters first)
 *   [nlocals, +ncells)           cells this frame creates (captured locals)
 *   [nlocals+ncells, +nfree)     cells received from the closure
 *   [nslots, nslots+stacksize)   the value stack
 * Calls use CPython 3.11's layout: [callable, self-or-UNBOUND, args...].
 */
#ifndef RT_CODE_H
#define RT_CODE_H

#include "value.h"

#define OPCODES(X)                                                           \
    X(NOP)                                                                   \
    X(POP)            /* drop TOS */                                         \
    X(DUP)                                                                   \
    X(DUP2)           /* a b -> a b a b */                                   \
    X(ROT2)           /* a b -> b a */                                       \
    X(ROT3)           /* a b c -> c a b */                                   \
    X(PUSH_UNBOUND)   /* the "no self" marker of a call */                   \
    X(LOAD_CONST)                                                            \
    X(LOAD_FAST)                                                             \
    X(STORE_FAST)                                                            \
    X(DELETE_FAST)                                                           \
    X(LOAD_DEREF)     /* arg: cell slot index relative to nlocals */         \
    X(STORE_DEREF)                                                           \
    X(DELETE_DEREF)                                                          \
    X(LOAD_CLOSURE)   /* push the cell itself */                             \
    X(LOAD_GLOBAL)    /* arg: name index; globals then builtins */           \
    X(STORE_GLOBAL)                                                          \
    X(DELETE_GLOBAL)                                                         \
    X(LOAD_NAME)      /* class bodies: ns, globals, builtins */              \
    X(STORE_NAME)                                                            \
    X(DELETE_NAME)                                                           \
    X(LOAD_ATTR)                                                             \
    X(LOAD_METHOD)    /* obj -> func self | attr UNBOUND */                  \
    X(STORE_ATTR)     /* obj val -> */                                       \
    X(DELETE_ATTR)                                                           \
    X(SUBSCR)                                                                \
    X(STORE_SUBSCR)   /* val obj key -> */                                   \
    X(DELETE_SUBSCR)                                                         \
    X(ADD)                                                                   \
    X(SUB)                                                                   \
    X(MUL)                                                                   \
    X(BINOP)          /* arg: BinOp */                                       \
    X(INPLACE)        /* arg: BinOp */                                       \
    X(UNOP)           /* arg: UnOp */                                        \
    X(NOT)                                                                   \
    X(COMPARE)        /* arg: CmpOp */                                       \
    X(IS)             /* arg 1: is not */                                    \
    X(CONTAINS)       /* item container -> bool; arg 1: not in */            \
    X(JUMP)                                                                  \
    X(JUMP_BACK)      /* polls Ctrl-C */                                     \
    X(JUMP_IF_FALSE)  /* pops */                                             \
    X(JUMP_IF_TRUE)   /* pops */                                             \
    X(JUMP_IF_FALSE_OR_POP)                                                  \
    X(JUMP_IF_TRUE_OR_POP)                                                   \
    X(GET_ITER)                                                              \
    X(FOR_ITER)       /* it -> it v, or pops it and jumps */                 \
    X(CALL)           /* arg: nargs */                                       \
    X(CALL_KW)        /* arg: nargs incl. kw values; +w: kwnames const */    \
    X(CALL_EX)        /* f self argstuple [kwdict]; arg 1: has kwdict */     \
    X(RETURN)                                                                \
    X(YIELD)                                                                 \
    X(BUILD_TUPLE)                                                           \
    X(BUILD_LIST)                                                            \
    X(BUILD_SET)                                                             \
    X(BUILD_DICT)     /* arg: pairs k v k v ... */                           \
    X(BUILD_SLICE)    /* arg: 2 or 3 */                                      \
    X(BUILD_STRING)   /* arg: n strs -> joined (f-strings) */                \
    X(FORMAT)         /* arg: conv | 4 if spec on stack */                   \
    X(LIST_APPEND)    /* arg: depth of the list below the popped item */     \
    X(SET_ADD)                                                               \
    X(MAP_ADD)                                                               \
    X(LIST_EXTEND)    /* list iterable -> list */                            \
    X(SET_UPDATE)                                                            \
    X(DICT_UPDATE)    /* dict mapping -> dict */                             \
    X(DICT_MERGE)     /* like DICT_UPDATE, for **kw in calls */              \
    X(LIST_TO_TUPLE)                                                         \
    X(UNPACK)         /* arg: n */                                           \
    X(UNPACK_EX)      /* arg: before | after << 12 */                        \
    X(MAKE_FUNCTION)  /* arg flags: 1 defaults 2 kwdefaults 4 closure */     \
    X(BUILD_CLASS)    /* bodyfunc name bases -> class */                     \
    X(LOAD_SUPER)     /* zero-argument super() */                            \
    X(SETUP_TRY)      /* arg: handler */                                     \
    X(POP_BLOCK)                                                             \
    X(POP_EXCEPT)     /* prev exc -> ; restores the handled exception */     \
    X(EXC_MATCH)      /* exc type -> exc bool */                             \
    X(RAISE)          /* arg: 0 re-raise, 1 exc, 2 exc cause */              \
    X(RERAISE)        /* prev exc -> re-raises exc (finally / no match) */   \
    X(CLEANUP_RERAISE)/* prev exc prev2 exc2 -> re-raises exc2 */            \
    X(WITH_ENTER)     /* ctx -> exit result */                               \
    X(WITH_EXIT)      /* exit -> ; calls exit(None, None, None) */           \
    X(WITH_EXCEPT)    /* exit prev exc -> ; arg: jump when suppressed */     \
    X(IMPORT_NAME)    /* arg: const dotted name; +w: 1 = bind top module */  \
    X(IMPORT_FROM)    /* module -> module attr; arg: name */                 \
    X(IMPORT_STAR)                                                           \
    X(PRINT_EXPR)     /* echo mode */                                        \
    X(ASSERT_FAIL)    /* [msg] -> raise AssertionError; arg: has msg */

typedef enum {
#define OP_ENUM(name) OPC_##name,
    OPCODES(OP_ENUM)
#undef OP_ENUM
    OPC__COUNT
} Opcode;

_Static_assert(OPC__COUNT <= 256, "opcodes must fit in 8 bits");

extern const char *const opcode_names[];

#define INS(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INS_OP(w) ((w) & 0xff)
#define INS_ARG(w) ((w) >> 8)

enum { CO_GENERATOR = 1, CO_FUNCTION = 2, CO_CLASS = 4, CO_MODULE = 8 };

/* A compiled body (module, function, lambda, comprehension, class body). */
typedef struct Code {
    Obj hdr;
    uint32_t *code;
    int *lines;            /* source line of each word */
    int ncode;
    Value *consts;
    int nconsts;
    Obj **names;           /* interned Str (immortal) */
    int nnames;
    Obj **slotnames;       /* names of the nlocals+ncells+nfree slots */
    int nlocals, ncells, nfree, stacksize;
    int argcount, kwonlycount;
    bool has_varargs, has_varkw;
    int flags;
    Value name, qualname;  /* Str */
    Value filename;        /* Str */
    Value source;          /* Str: the whole source text, for tracebacks */
    Value doc;             /* docstring or None */
    int firstline;
    void *gcache;          /* vm.c's global lookup cache, one entry per name; or NULL */
} Code;

extern Type code_type;

static inline int code_nslots(const Code *c) { return c->nlocals + c->ncells + c->nfree; }

#endif
