/* value.h — the runtime's value model.
 *
 * A Value is a 16-byte tagged union.  None, bools, ints (int64) and floats
 * (double) live unboxed in the Value itself, so arithmetic on them never
 * allocates; everything else is a reference-counted heap object (Obj) whose
 * first two fields are the reference count and its Type.
 *
 * Errors: a function that can fail returns V_ERR (tag VT_ERR) after raising
 * an exception with rt_raise*(); the pending exception lives in rt_exc until
 * an `except` clause or the prompt takes it.  Never longjmp across the
 * runtime: every caller checks IS_ERR() and releases what it holds.
 *
 * Ownership: a Value returned by a function is a NEW reference (the caller
 * owns it and must v_decref it) unless the function's comment says
 * "borrowed".  Arguments are BORROWED: a callee that keeps an argument must
 * v_incref it.  Containers own their elements.
 */
#ifndef RT_VALUE_H
#define RT_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    VT_NONE,
    VT_BOOL,
    VT_INT,
    VT_FLOAT,
    VT_OBJ,
    VT_ERR,      /* "an exception is pending": the failure return */
    VT_UNBOUND,  /* an empty local slot / missing value; never user-visible */
} VTag;

typedef struct Obj Obj;
typedef struct Type Type;

typedef struct Value {
    uint8_t tag;
    union {
        bool b;
        int64_t i;
        double f;
        Obj *o;
    };
} Value;

struct Obj {
    int64_t rc;
    Type *type;
};

/* ---- constructors and tests (all cheap, inline) ---- */
#define V_NONE ((Value){.tag = VT_NONE})
#define V_ERR ((Value){.tag = VT_ERR})
#define V_UNBOUND ((Value){.tag = VT_UNBOUND})
static inline Value v_bool(bool b) { return (Value){.tag = VT_BOOL, .b = b}; }
static inline Value v_int(int64_t i) { return (Value){.tag = VT_INT, .i = i}; }
static inline Value v_float(double f) { return (Value){.tag = VT_FLOAT, .f = f}; }
/* Wraps an object, taking over the caller's reference. */
static inline Value v_obj(void *o) { return (Value){.tag = VT_OBJ, .o = (Obj *)o}; }

#define IS_ERR(v) ((v).tag == VT_ERR)
#define IS_NONE(v) ((v).tag == VT_NONE)
#define IS_BOOL(v) ((v).tag == VT_BOOL)
#define IS_INT(v) ((v).tag == VT_INT)
#define IS_FLOAT(v) ((v).tag == VT_FLOAT)
#define IS_OBJ(v) ((v).tag == VT_OBJ)
#define IS_UNBOUND(v) ((v).tag == VT_UNBOUND)
/* True when v is an object whose type is exactly t (no subclasses). */
#define IS_TYPE(v, t) ((v).tag == VT_OBJ && (v).o->type == (t))

/* ---- reference counting ---- */
void obj_free(Obj *o); /* calls type->dealloc; never call directly */
static inline void obj_incref(Obj *o) { o->rc++; }
static inline void obj_decref(Obj *o) { if (--o->rc == 0) obj_free(o); }
static inline Value v_incref(Value v) { if (v.tag == VT_OBJ) v.o->rc++; return v; }
static inline void v_decref(Value v) { if (v.tag == VT_OBJ && --v.o->rc == 0) obj_free(v.o); }

/* ---- operator codes shared by the VM and the type slots ---- */
typedef enum {
    OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_MATMUL, OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR,
    OP__NBIN
} BinOp;
typedef enum { UOP_NEG, UOP_POS, UOP_INVERT, UOP_NOT } UnOp;
typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CmpOp;

/* Keyword arguments of a call: parallel arrays, names are interned Str. */
typedef struct KwArgs {
    int n;
    Obj **names;   /* Str objects */
    Value *vals;
} KwArgs;

/* The C calling convention of builtins, methods and type slots.  For a
 * method, args[0] is self.  kw may be NULL. */
typedef Value (*CFunc)(Value *args, int nargs, KwArgs *kw);

/* ---- types ----
 * A Type is an Obj (so `type(x)` can return it).  Builtin types are static
 * structs; user classes are allocated by the class statement and use the
 * instance slots in class.c, which call the class's dunder methods.
 * A NULL slot means "not supported" (the generic code raises TypeError with
 * Python's message) or, for getattr/setattr, "use the generic lookup". */
struct Type {
    Obj hdr;
    const char *name;          /* "int", "list", "Tensor", user class name */
    Type *base;                /* __base__ (the layout base); NULL only for object */
    Obj *dict;                 /* Dict: methods, class attributes, __doc__ */
    /* mro, bases: Tuples, set only for classes with several bases somewhere
     * in their ancestry (class.c); NULL: the MRO is the base chain. */
    Obj *mro, *bases;
    /* classes deriving from list or dict: offset of the instance dict after
     * the builtin's struct (0: Instance layout, or no instance dict) */
    size_t dictoffset;
    const char *doc;
    bool is_class;             /* created by a `class` statement */
    bool is_exception;         /* BaseException or a subclass */

    size_t basicsize;          /* instance size (for classes: of the nearest builtin base) */
    /* new: constructs an instance when the type is called (int("3"), list(x),
     * a user class: allocate, then __init__).  NULL: "cannot create" */
    Value (*new)(Type *t, Value *args, int nargs, KwArgs *kw);
    void (*dealloc)(Obj *self);
    Value (*repr)(Value self);            /* -> Str */
    Value (*str)(Value self);             /* -> Str; NULL: use repr */
    /* hash: returns false with an exception raised if unhashable */
    bool (*hash)(Value self, int64_t *out);
    /* compare: returns a Value (usually bool) or the NotImplemented value */
    Value (*compare)(CmpOp op, Value a, Value b);
    /* truth: -1 on error */
    int (*truth)(Value self);
    /* len: -1 on error */
    int64_t (*len)(Value self);
    /* binop/unop: self's type is a's or b's; return rt_notimpl() to defer
     * to the other operand (for binop) exactly like Python's __radd__ rule */
    Value (*binop)(BinOp op, Value a, Value b);
    Value (*inplace)(BinOp op, Value a, Value b);   /* a op= b; NULL: binop */
    Value (*unop)(UnOp op, Value a);
    Value (*call)(Value self, Value *args, int nargs, KwArgs *kw);
    Value (*iter)(Value self);            /* -> iterator */
    /* next: V_UNBOUND when exhausted (no StopIteration raised), V_ERR on error */
    Value (*next)(Value self);
    Value (*getitem)(Value self, Value key);
    int (*setitem)(Value self, Value key, Value val);   /* val UNBOUND: del */
    int (*contains)(Value self, Value item);            /* -1 error, 0/1 */
    /* getattr: return V_UNBOUND (no exception) to fall back to the generic
     * lookup in the type dicts */
    Value (*getattr)(Value self, Obj *name);
    int (*setattr)(Value self, Obj *name, Value val);   /* val UNBOUND: del */
    /* dir: extra attribute names for dir() and tab completion (a list) */
    Value (*dir)(Value self);
    /* gc_clear: optional; breaks reference cycles at exit */
};

/* A row of a builtin method/function table (one list drives each registry). */
typedef struct MethodDef {
    const char *name;
    CFunc fn;
    const char *doc;   /* "sig\n\ndescription"; first line is the signature */
    int flags;         /* METH_STATIC, METH_CLASS, METH_PROPERTY */
} MethodDef;
enum { METH_STATIC = 1, METH_CLASS = 2, METH_PROPERTY = 4 };

/* ---- the builtin types (defined in the runtime/ .c files) ---- */
extern Type type_type, object_type, none_type, bool_type, int_type, float_type;
extern Type str_type, list_type, tuple_type, dict_type, set_type, range_type,
    slice_type, func_type, cfunc_type, method_type, module_type, cell_type,
    gen_type, property_type, staticmethod_type, classmethod_type,
    ellipsis_type, notimpl_type;

/* The Type of any value, unboxed ones included. */
Type *v_type(Value v);
bool type_is_subtype(Type *t, Type *base);
bool v_isinstance(Value v, Type *t);

/* ---- generic operations (object.c): the VM and builtins use only these ---- */
Value v_repr(Value v);                 /* -> Str */
Value v_str(Value v);                  /* -> Str */
int v_truth(Value v);                  /* -1 on error */
bool v_hash(Value v, int64_t *out);
Value v_compare(CmpOp op, Value a, Value b);
int v_eq(Value a, Value b);            /* -1 on error */
Value v_binop(BinOp op, Value a, Value b);
Value v_inplace(BinOp op, Value a, Value b);
Value v_unop(UnOp op, Value a);
Value v_call(Value f, Value *args, int nargs, KwArgs *kw);
Value v_getattr(Value o, Obj *name);   /* name: interned Str */
Value v_getattr_cstr(Value o, const char *name);
int v_setattr(Value o, Obj *name, Value val);
Value v_getitem(Value o, Value key);
int v_setitem(Value o, Value key, Value val);
int v_delitem(Value o, Value key);
int v_contains(Value container, Value item);
int64_t v_len(Value v);
Value v_iter(Value v);
Value v_next(Value it);                /* V_UNBOUND at the end */
bool v_is(Value a, Value b);           /* Python's `is` */
/* Calls add(target, item) for each item of iterable (borrowed items);
 * -1 on the first error.  list.extend, set.update and the like. */
int v_foreach(Value iterable, int (*add)(Value target, Value item), Value target);

/* ---- strings (str.c) ---- UTF-8 bytes, with the code-point count cached */
typedef struct Str {
    Obj hdr;
    int64_t len;       /* bytes */
    int64_t nchars;    /* code points */
    int64_t hash;      /* -1: not yet computed */
    bool interned;
    char data[];       /* NUL-terminated */
} Str;
Value str_new(const char *s, int64_t len);
Value str_from_cstr(const char *s);
Value str_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
Obj *str_intern(const char *s);        /* borrowed; lives forever */
static inline const char *str_cstr(Value v) { return ((Str *)v.o)->data; }

/* ---- containers ---- */
typedef struct List { Obj hdr; int64_t len, cap; Value *items; } List;
typedef struct Tuple { Obj hdr; int64_t len; Value items[]; } Tuple;
Value list_new(int64_t len);                  /* items set to None */
int list_append(Value list, Value item);      /* borrows item */
Value tuple_new(int64_t len);                 /* items set to None */
Value tuple_pack(int n, ...);                 /* borrows the Values */

typedef struct Dict Dict;                     /* insertion-ordered hash map */
Value dict_new(void);
Value dict_get(Value d, Value key);           /* borrowed; V_UNBOUND if absent, V_ERR on hash error */
Value dict_get_cstr(Value d, const char *key);/* borrowed */
int dict_set(Value d, Value key, Value val);  /* borrows both */
int dict_set_cstr(Value d, const char *key, Value val);
int dict_del(Value d, Value key);             /* KeyError if absent */
int64_t dict_len(Value d);
/* iteration: for (int64_t i = 0; dict_next(d, &i, &k, &v);) — borrowed */
bool dict_next(Value d, int64_t *pos, Value *key, Value *val);

Value set_new(void);
int set_add(Value s, Value item);

/* Instances of user classes; exceptions extend them, so a user class may
 * derive from Exception and still hold attributes. dict is a Dict. */
typedef struct Instance { Obj hdr; Value dict; } Instance;
typedef struct ExcObj {
    Instance inst;
    Value args;        /* tuple */
    Value traceback;   /* list of (filename, line, funcname, source line) tuples, innermost last */
    Value cause, context;
} ExcObj;

/* Bound method: a function with its self. */
typedef struct MethodObj { Obj hdr; Value func, self; } MethodObj;

/* ---- functions, methods, modules ---- */
typedef struct CFuncObj {
    Obj hdr;
    const MethodDef *def;
    Value self;        /* bound self or V_UNBOUND */
} CFuncObj;
Value cfunc_new(const MethodDef *def, Value self);

typedef struct Module { Obj hdr; Obj *name; Value dict; } Module;
Value module_new(const char *name);
/* Adds every row of defs (terminated by a {NULL} row) to a type or module dict */
void type_add_methods(Type *t, const MethodDef *defs);
void module_add_functions(Value module, const MethodDef *defs);

/* ---- argument parsing for builtins (args.c) ----
 * Parses positional + keyword args against a signature, raising Python's
 * TypeError texts ("f() missing 1 required positional argument: 'x'").
 * names: parameter names; nreq: how many are required; out: receives
 * borrowed Values, V_UNBOUND for absent optional ones. Returns false on error. */
bool args_parse(const char *fname, Value *args, int nargs, KwArgs *kw,
                const char *const *names, int nparams, int nreq, Value *out);

/* ---- exceptions (exc.c) ---- */
extern Type exc_BaseException, exc_Exception, exc_TypeError, exc_ValueError,
    exc_IndexError, exc_KeyError, exc_AttributeError, exc_NameError,
    exc_UnboundLocalError, exc_ZeroDivisionError, exc_OverflowError,
    exc_RuntimeError, exc_NotImplementedError, exc_RecursionError,
    exc_StopIteration, exc_AssertionError, exc_ImportError,
    exc_ModuleNotFoundError, exc_MemoryError, exc_KeyboardInterrupt,
    exc_SyntaxError, exc_IndentationError, exc_LookupError,
    exc_ArithmeticError, exc_FileNotFoundError, exc_OSError, exc_SystemExit,
    exc_GeneratorExit, exc_UnicodeDecodeError, exc_EOFError;

extern Value rt_exc;   /* the pending exception instance, or V_NONE */
Value rt_raise(Type *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Value rt_raise_value(Value exc);       /* borrows exc; returns V_ERR */
Value rt_nomem(void);                  /* raises MemoryError, returns V_ERR */
bool rt_exc_matches(Type *t);          /* pending exception is a t? */
Value rt_exc_take(void);               /* clears and returns (owned) */
void rt_exc_clear(void);
Value rt_notimpl(void);                /* the NotImplemented singleton (new ref) */
bool v_is_notimpl(Value v);

/* Checked allocation: NULL after raising MemoryError. */
void *rt_alloc(size_t n);
void *rt_calloc(size_t n, size_t size);
void *rt_realloc(void *p, size_t n);
/* Allocates and initialises an object header (rc = 1). */
void *obj_alloc(Type *t, size_t size);

/* Ctrl-C: set by the SIGINT handler, polled by the VM and long kernels. */
extern volatile int rt_interrupted;
/* Raises KeyboardInterrupt if Ctrl-C was pressed; returns false then. */
bool rt_check_interrupt(void);

#endif
