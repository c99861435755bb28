/* objects.h — internals shared by the builtin data types (str, numbers,
 * list, tuple, dict, set, range, slice, exceptions, cfuncs, modules) and
 * the parts of the runtime that build or take them apart directly.
 *
 * value.h is the public contract; this header adds the helpers that the
 * VM, the builtins and the tensor bindings need beyond it.  Ownership
 * follows value.h: returned Values are new references, arguments are
 * borrowed unless a comment says "steals".
 */
#ifndef RT_OBJECTS_H
#define RT_OBJECTS_H

#include "value.h"

/* Fills the method dicts of every builtin data type; vm_init calls it
 * once, before any method lookup. */
void objects_init(void);

/* ---- types defined by the objects layer besides those of value.h ---- */
extern Type list_iter_type, tuple_iter_type, str_iter_type, range_iter_type,
    set_iter_type, dict_keyiter_type, dict_valiter_type, dict_itemiter_type,
    dict_keys_type, dict_values_type, dict_items_type, list_reviter_type;

/* ---- repr recursion guard ----
 * Containers call repr_enter before printing their elements: it returns 1
 * when o is already being printed further up (print "[...]" then), 0 when
 * entered (call repr_leave afterwards), -1 with RecursionError raised when
 * nesting is too deep for the C stack. */
int repr_enter(Obj *o);
void repr_leave(Obj *o);

/* ---- string building (str.c) ----
 * A growable byte buffer that becomes a Str without copying: sb_finish
 * hands the buffer over.  Functions return false after raising MemoryError;
 * sb_finish/sb_free always release the buffer. */
typedef struct StrBuf { Str *s; int64_t len, cap; } StrBuf;
bool sb_init(StrBuf *b, int64_t cap);
bool sb_grow(StrBuf *b, int64_t extra);
bool sb_add(StrBuf *b, const char *p, int64_t n);
bool sb_adds(StrBuf *b, const char *cstr);
bool sb_addc(StrBuf *b, char c);
bool sb_addv(StrBuf *b, Value strval);           /* appends a Str's bytes */
bool sb_addrepr(StrBuf *b, Value v);             /* appends repr(v) */
Value sb_finish(StrBuf *b);                      /* -> Str */
void sb_free(StrBuf *b);

/* ---- strings ---- */
int64_t str_hash_bytes(const char *p, int64_t n);
bool str_eq(Value a, Value b);                   /* both Str */
Value str_concat(Value a, Value b);              /* both Str */
/* a + b, STEALING the caller's reference to a: appends in place when that
 * was the only reference (for the VM's `s += t`, after clearing s's slot). */
Value str_append_steal(Value a, Value b);
Value str_repr_of(const char *p, int64_t n);     /* Python's repr of a str */
Value str_from_codepoint(uint32_t cp);
int64_t str_char_offset(const Str *s, int64_t index); /* byte offset of code point */
int utf8_encode(uint32_t cp, char *out);         /* bytes written (1..4) */
uint32_t utf8_decode(const char *p, int *len);   /* decodes one code point */
Value str_join(Value sep, Value iterable);

/* ---- numbers (numbers.c) ---- */
/* Arithmetic of int/float/bool operands, Python's rules; rt_notimpl() when
 * an operand is not a number.  The VM inlines the common int cases and
 * calls these for the rest (overflow, mixed types, division). */
Value num_binop(BinOp op, Value a, Value b);
Value num_compare(CmpOp op, Value a, Value b);
Value int_pow(int64_t a, int64_t b);             /* int ** int */
Value int_floordiv(int64_t a, int64_t b);
Value int_mod(int64_t a, int64_t b);
Value num_overflow(void);                        /* raises the 64-bit OverflowError */
Value num_round(Value x, Value ndigits);         /* round(); ndigits UNBOUND/None: to int */
int64_t num_hash_int(int64_t i);
int64_t num_hash_double(double d);
/* Converts an int/bool/float (and objects with __float__) to a double;
 * false with TypeError raised otherwise. */
bool num_to_double(Value v, double *out);
/* Converts an int/bool or an object with __index__ to int64 ("'float'
 * object cannot be interpreted as an integer"); false with TypeError. */
bool num_index(Value v, int64_t *out);
/* int(s, base) parsing; raises ValueError with Python's message. */
Value int_from_string(const char *s, int64_t n, int base);
Value float_from_string(const char *s, int64_t n);
Value int_repr(int64_t i);
/* Decimal text of an integer into out (24 bytes suffice), NUL-terminated;
 * returns its length.  No printf: these are hot (str(i), '%d', f'{i}'). */
int num_u64_dec(uint64_t m, char *out);
int num_i64_dec(int64_t i, char *out);
Value float_repr(double d);

/* ---- lists (list.c) ---- */
Value list_from_array(const Value *items, int64_t n);   /* borrows items */
Value list_from_iter(Value iterable);
int list_extend(Value list, Value iterable);
/* Stable sort in place: key may be V_NONE/V_UNBOUND; only `<` is used. */
int list_sort(Value list, Value key, bool reverse);
Value list_getslice(Value list, int64_t start, int64_t stop, int64_t step, int64_t n);
int list_insert(Value list, int64_t index, Value item);
Value list_pop_last(Value list);                        /* new ref */
Value list_reversed(Value list);                        /* reversed(list) iterator */

/* ---- tuples (tuple.c) ---- */
Value tuple_from_array(const Value *items, int64_t n);  /* borrows items */
Value tuple_from_iter(Value iterable);
int64_t tuple_hash_items(const Value *items, int64_t n, bool *ok);
/* Lexicographic comparison of two item arrays (lists and tuples). */
Value seq_compare(CmpOp op, const Value *a, int64_t na, const Value *b, int64_t nb);

/* ---- dicts (dict.c) ---- */
Value dict_copy(Value d);
int dict_update(Value d, Value other);     /* dict, or iterable of pairs */
int dict_merge_kwargs(Value d, KwArgs *kw);
void dict_clear(Value d);
Value dict_keys_list(Value d);
/* Like dict_get but with a precomputed hash (VM global caches). */
Value dict_get_hashed(Value d, Value key, int64_t hash);
Value dict_pop(Value d, Value key, Value dflt);   /* dflt UNBOUND: KeyError */
Value dict_setdefault(Value d, Value key, Value dflt);  /* borrowed result */
bool dict_contains(Value d, Value key, int *err);

/* ---- sets (set.c) ---- */
Value set_from_iter(Value iterable);
int set_contains(Value s, Value item);       /* -1 error */
int set_discard(Value s, Value item);        /* 1 removed, 0 absent, -1 error */
int64_t set_len(Value s);
bool set_next(Value s, int64_t *pos, Value *item);   /* borrowed */

/* ---- ranges and slices (range.c, slice.c) ---- */
typedef struct RangeObj { Obj hdr; int64_t start, stop, step, len; } RangeObj;
Value range_new(int64_t start, int64_t stop, int64_t step);
Value range_reversed(Value range);                      /* reversed(range) iterator */
typedef struct SliceObj { Obj hdr; Value start, stop, step; } SliceObj;
Value slice_new(Value start, Value stop, Value step);   /* borrows */
/* Reads a slice's fields as integers (None → defaults left to
 * slice_adjust): false with TypeError / "slice step cannot be zero". */
bool slice_unpack(Value slice, int64_t *start, int64_t *stop, int64_t *step);
/* Clamps start/stop to a sequence of length len like CPython and returns
 * the number of selected items. */
int64_t slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step);
/* Both in one: false on error. */
bool slice_indices(Value slice, int64_t len, int64_t *start, int64_t *stop,
                   int64_t *step, int64_t *count);
/* Normalises a sequence index (negative from the end); false when out of
 * range (no exception raised). */
static inline bool seq_index(int64_t *i, int64_t len)
{
    if (*i < 0) *i += len;
    return *i >= 0 && *i < len;
}

/* ---- exceptions (exc.c) ---- */
extern Type exc_Warning, exc_UserWarning, exc_DeprecationWarning,
    exc_RuntimeWarning, exc_StopAsyncIteration, exc_FloatingPointError,
    exc_FileExistsError, exc_PermissionError, exc_IsADirectoryError,
    exc_TabError, exc_UnicodeError, exc_UnicodeEncodeError;
/* Every builtin exception class, NULL-terminated (for the builtins dict). */
extern Type *const exc_all[];
/* Creates an exception instance of type t with args (a tuple, borrowed;
 * V_UNBOUND: no args). */
Value exc_new(Type *t, Value args);
Value exc_new_msg(Type *t, const char *msg);
/* Raises KeyError(key): its str shows repr(key) like Python. */
Value rt_raise_keyerror(Value key);
/* Raises StopIteration(value). */
Value rt_raise_stopiteration(Value value);
/* str(exc) and the "Name: msg" line of a traceback. */
Value exc_str(Value exc);

/* ---- argument checks for builtin methods (args.c) ----
 * args_count: nargs (excluding self when skip_self) within [min, max],
 * else TypeError "NAME expected at most 2 arguments, got 3"-style.
 * args_nokw: TypeError "NAME() takes no keyword arguments" when kw given. */
bool args_count(const char *name, int nargs, int min, int max);
bool args_nokw(const char *name, KwArgs *kw);
/* For METH_O-style methods: "list.append() takes exactly one argument (0 given)" */
bool args_one(const char *qualname, int nargs);

/* ---- builtin functions, methods, modules (cfunc.c) ----
 * type_add_methods stores each MethodDef row as a CFuncObj with self
 * UNBOUND in the type's dict.  The row's flags tell attribute lookup how
 * to bind it: none → bound method (cfunc_new(def, self)); METH_STATIC →
 * returned as is; METH_CLASS → bound to the type; METH_PROPERTY → called
 * at once with args[0] = self, the result is the attribute value. */
Value cfunc_call(Value self, Value *args, int nargs, KwArgs *kw);
/* Looks up a method row in a builtin type's dict and calls it with self
 * prepended (for code that calls a method by name). */
Value call_method(Value self, const char *name, Value *args, int nargs, KwArgs *kw);

/* ---- iteration helper ----
 * Collects any iterable into a borrowed array without copying when it is
 * a list or tuple (*tmp stays UNBOUND), otherwise into a new list held in
 * *tmp (release it with v_decref).  Returns false on error. */
bool seq_items(Value iterable, Value **items, int64_t *n, Value *tmp);

/* The shared empty tuple and str (borrowed, immortal). */
Value tuple_empty(void);
Value str_empty(void);

/* Type name for error messages ("int", "list", user class name). */
static inline const char *v_typename(Value v) { return v_type(v)->name; }

#endif
