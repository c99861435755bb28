/* vm_internal.h — what the compiler, the VM, functions, classes,
 * generators, the generic operations and tracebacks share.
 *
 * Private to compile.c, vm.c, func.c, class.c, gen.c, object.c,
 * traceback.c and run.c.  Other parts of the runtime use value.h / vm.h.
 */
#ifndef RT_VM_INTERNAL_H
#define RT_VM_INTERNAL_H

#include "code.h"
#include "vm.h"

/* ---- functions and cells (func.c) ---- */
typedef struct Cell { Obj hdr; Value v; /* UNBOUND when empty */ } Cell;

typedef struct FuncObj {
    Obj hdr;
    Code *code;
    Value globals;      /* Dict */
    Value defaults;     /* Tuple or None */
    Value kwdefaults;   /* Dict or None */
    Value closure;      /* Tuple of Cells or None */
    Value name, qualname, doc;
    Value dict;         /* attributes set on the function, or None */
    Type *klass;        /* the class whose body defined it (zero-arg super); borrowed */
} FuncObj;

Value cell_new(Value v);                 /* borrows v */
Value func_new(Code *code, Value globals);
/* Binds args into slots (nlocals of them, pre-set to UNBOUND); raises
 * CPython's TypeErrors.  Returns false on error (slots hold what was bound). */
bool func_bind(FuncObj *f, Value *slots, Value *args, int nargs, KwArgs *kw);
Value func_call(FuncObj *f, Value *args, int nargs, KwArgs *kw);

/* ---- frames and the interpreter (vm.c) ---- */
#define VM_MAX_BLOCKS 24

typedef struct Frame {
    Code *code;
    FuncObj *func;         /* NULL for module code */
    Value globals;         /* borrowed */
    Value ns;              /* borrowed: class/module namespace (LOAD_NAME) */
    uint32_t *pc;
    Value *sp;
    Value *slots;
    struct Frame *back;
    int nblocks;
    struct { uint32_t handler; int depth; } blocks[VM_MAX_BLOCKS];
    bool heap;             /* slots owned by a generator */
} Frame;

extern Frame *vm_frame;    /* the innermost running frame */
extern Value vm_handled;   /* the exception being handled (except clause), or None */
extern int vm_depth;

/* Runs f until it returns (the value), yields (the value, f->pc set to
 * resume) or fails (V_ERR).  *yielded tells which of the first two. */
Value vm_exec(Frame *f, bool *yielded);
/* Runs a module/class body code in a namespace. */
Value vm_run_code(Code *code, Value globals, Value ns, Value closure);
/* Releases every slot and stack value of a finished frame. */
void vm_frame_clear(Frame *f);
/* RecursionError past the limit or when the C stack runs low. */
bool vm_enter_call(void);
static inline void vm_leave_call(void) { vm_depth--; }
bool vm_cstack_ok(void);
Value vm_builtins(void);   /* borrowed */
/* The line the frame is executing. */
int vm_frame_line(Frame *f);
void vm_init_cstack(void);

/* ---- compiler (compile.h) ---- */
#include "compile.h"

/* ---- generators (gen.c) ---- */
typedef struct GenObj {
    Obj hdr;
    Frame frame;
    Value *mem;            /* slots + stack */
    FuncObj *func;
    Value handled;         /* its own exception being handled while suspended, or None */
    bool running, finished;
} GenObj;
Value gen_new(FuncObj *f, Value *args, int nargs, KwArgs *kw);
void gen_init_type(void);

/* ---- classes (class.c) ---- */
Value class_new(Value name, Value bases, Value ns);
/* object.__new__(t): a new instance of class t, __init__ not called. */
Value class_alloc(Type *t, Value *args, int nargs, KwArgs *kw);
/* The function of t's own __new__ (UNBOUND when it inherits object's). */
Value class_user_new(Type *t);
/* Adds __repr__, __len__, __getitem__ ... rows calling t's slots to a
 * builtin container type's dict (bi_slots.c), for super() in subclasses. */
void type_add_slot_methods(Type *t);
/* The instance dict of an instance of a class (borrowed; None or
 * UNBOUND when it has none): after the builtin's struct for classes
 * deriving from list/dict (Type.dictoffset), else Instance's. */
static inline Value class_inst_dict(Obj *o)
{
    Type *t = o->type;
    if (t->dictoffset) return *(Value *)((char *)o + t->dictoffset);
    return (t->is_class || t->is_exception || t == &object_type) ? ((Instance *)o)->dict : V_UNBOUND;
}
/* Looks name up along t's MRO (borrowed; UNBOUND if absent). */
Value type_lookup(Type *t, Obj *name);
Value type_lookup_cstr(Type *t, const char *name);
/* The binop slot of classes, and one side of it (a.__add__(b) or, with
 * right, b.__radd__(a)); rt_notimpl() when the class has no such method. */
Value class_binop(BinOp op, Value a, Value b);
Value class_binop_side(BinOp op, Value a, Value b, bool right);
/* __getattr__ fallback for instances of classes (UNBOUND if none). */
Value class_getattr_hook(Value o, Obj *name);
/* Calls the method name of self's class; *found false (and UNBOUND
 * returned) when the class chain has no such attribute. */
Value class_call_method(Value self, const char *name, Value *args, int nargs, bool *found);
/* Suggestion for an AttributeError on obj (CPython 3.11's "Did you mean"). */
const char *suggest_attr(Value obj, const char *name, Value *keep);

/* ---- object.c helpers ---- */
typedef struct PropertyObj { Obj hdr; Value fget, fset, fdel, doc; } PropertyObj;
typedef struct WrapObj { Obj hdr; Value func; } WrapObj;   /* static/classmethod */
typedef struct SuperObj { Obj hdr; Type *type; Value obj; } SuperObj;
extern Type super_type, code_type;
Value method_new(Value func, Value self);
Value super_new(Type *t, Value obj);
void object_init_types(void);
/* Binds an attribute found in a type dict to obj (functions → methods). */
Value object_bind(Value attr, Value obj, Type *t);
Value object_generic_getattr(Value o, Obj *name);
int object_generic_setattr(Value o, Obj *name, Value val);
Value attr_error(Value o, Obj *name);
Value v_ellipsis(void);
/* CPython 3.11's "Did you mean" suggestion for name among the keys of
 * dicts/lists; NULL if none.  Returns a borrowed C string from a key. */
const char *suggest_name(const char *name, Value *cands, int ncands);

/* ---- tracebacks (traceback.c) ---- */
/* Adds the frame's current line to the pending exception's traceback. */
void tb_add(Frame *f);
/* The text of line `line` (1-based) of src (a str; anything else gives
 * ""), stripped of surrounding whitespace: a new str. */
Value tb_source_line(Value src, int line);
Value syntax_error_from_parse(const ParseError *e, const char *filename);

#endif
