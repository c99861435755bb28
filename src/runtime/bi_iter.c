/* bi_iter.c — the lazy iterator builtins: enumerate, zip, map, filter,
 * reversed and iter(callable, sentinel).
 *
 * Each is a small Type whose next slot pulls from the underlying
 * iterators on demand, as in Python 3 (so map/zip over a generator or an
 * endless iterator work and nothing is materialised). */
#include <stdlib.h>
#include <string.h>

#include "bi_private.h"
#include "objects.h"

#define IMMORTAL ((int64_t)1 << 60)

static Value iter_self(Value self) { return v_incref(self); }

/* Python shows these as "<zip object at 0x7f...>". */
static Value iter_repr(Value self)
{
    return str_fmt("<%s object at %p>", self.o->type->name, (void *)self.o);
}

#define ITER_TYPE(var, NAME, STRUCT, NEXT, DEALLOC)                            \
    Type var = {                                                               \
        .hdr = {IMMORTAL, &type_type}, .name = NAME, .base = &object_type,     \
        .basicsize = sizeof(STRUCT), .dealloc = DEALLOC, .repr = iter_repr,    \
        .iter = iter_self, .next = NEXT,                                       \
    }

/* ------------------------------------------------------------ enumerate */

typedef struct { Obj hdr; Value it; int64_t count; } EnumObj;

static void enum_dealloc(Obj *o) { v_decref(((EnumObj *)o)->it); free(o); }

static Value enum_next(Value self)
{
    EnumObj *e = (EnumObj *)self.o;
    Value x = v_next(e->it);
    if (IS_UNBOUND(x) || IS_ERR(x)) return x;
    Value t = tuple_pack(2, v_int(e->count), x);
    v_decref(x);
    if (!IS_ERR(t)) e->count++;
    return t;
}

static ITER_TYPE(enum_type, "enumerate", EnumObj, enum_next, enum_dealloc);

Value bi_enumerate(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"iterable", "start"};
    Value a[2];
    int64_t start = 0;
    /* CPython 3.11's enumerate names the argument without its position */
    if (nargs == 0 && (!kw || kw->n == 0))
        return rt_raise(&exc_TypeError, "enumerate() missing required argument 'iterable'");
    if (!args_parse("enumerate", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    if (!IS_UNBOUND(a[1]) && !num_index(a[1], &start)) return V_ERR;
    Value it = v_iter(a[0]);
    if (IS_ERR(it)) return it;
    EnumObj *e = obj_alloc(&enum_type, sizeof *e);
    if (!e) { v_decref(it); return V_ERR; }
    e->it = it;
    e->count = start;
    return v_obj(e);
}

/* ------------------------------------------------------------------ zip */

typedef struct { Obj hdr; int n; bool strict; Value its[]; } ZipObj;

static void zip_dealloc(Obj *o)
{
    ZipObj *z = (ZipObj *)o;
    for (int i = 0; i < z->n; i++) v_decref(z->its[i]);
    free(o);
}

/* zip(strict=True): the first iterator to end must end them all. */
static Value zip_strict_check(ZipObj *z, int ended)
{
    if (ended > 0)
        return rt_raise(&exc_ValueError, "zip() argument %d is shorter than argument%s%d",
                        ended + 1, ended == 1 ? " " : "s 1-", ended);
    for (int i = 1; i < z->n; i++) {
        Value x = v_next(z->its[i]);
        if (IS_ERR(x)) return x;
        if (!IS_UNBOUND(x)) {
            v_decref(x);
            return rt_raise(&exc_ValueError, "zip() argument %d is longer than argument%s%d",
                            i + 1, i == 1 ? " " : "s 1-", i);
        }
    }
    return V_UNBOUND;
}

static Value zip_next(Value self)
{
    ZipObj *z = (ZipObj *)self.o;
    if (z->n == 0) return V_UNBOUND;
    Value t = tuple_new(z->n);
    if (IS_ERR(t)) return t;
    for (int i = 0; i < z->n; i++) {
        Value x = v_next(z->its[i]);
        if (IS_UNBOUND(x) || IS_ERR(x)) {
            v_decref(t);
            return IS_UNBOUND(x) && z->strict ? zip_strict_check(z, i) : x;
        }
        ((Tuple *)t.o)->items[i] = x;
    }
    return t;
}

static ITER_TYPE(zip_type, "zip", ZipObj, zip_next, zip_dealloc);

/* Makes the iterators of args[0..n) into a fresh ZipObj-like array. */
static bool iter_all(Value *args, int n, Value *out)
{
    for (int i = 0; i < n; i++) {
        out[i] = v_iter(args[i]);
        if (IS_ERR(out[i])) {
            while (i-- > 0) v_decref(out[i]);
            return false;
        }
    }
    return true;
}

Value bi_zip(Value *args, int nargs, KwArgs *kw)
{
    bool strict = false;
    for (int i = 0; kw && i < kw->n; i++) {
        if (strcmp(((Str *)kw->names[i])->data, "strict") != 0)
            return rt_raise(&exc_TypeError, "'%s' is an invalid keyword argument for zip()",
                            ((Str *)kw->names[i])->data);
        int t = v_truth(kw->vals[i]);
        if (t < 0) return V_ERR;
        strict = t;
    }
    ZipObj *z = obj_alloc(&zip_type, sizeof *z + (size_t)nargs * sizeof(Value));
    if (!z) return V_ERR;
    z->n = 0;
    z->strict = strict;
    if (!iter_all(args, nargs, z->its)) { free(z); return V_ERR; }
    z->n = nargs;
    return v_obj(z);
}

/* ------------------------------------------------------------------ map */

typedef struct { Obj hdr; Value fn; int n; Value its[]; } MapObj;

static void map_dealloc(Obj *o)
{
    MapObj *m = (MapObj *)o;
    v_decref(m->fn);
    for (int i = 0; i < m->n; i++) v_decref(m->its[i]);
    free(o);
}

static Value map_next(Value self)
{
    MapObj *m = (MapObj *)self.o;
    Value argv[8], *a = m->n <= 8 ? argv : rt_alloc((size_t)m->n * sizeof(Value));
    if (!a) return V_ERR;
    int got = 0;
    Value r = V_UNBOUND;
    for (; got < m->n; got++) {
        a[got] = v_next(m->its[got]);
        if (IS_UNBOUND(a[got]) || IS_ERR(a[got])) { r = a[got]; break; }
    }
    if (got == m->n) r = v_call(m->fn, a, m->n, NULL);
    for (int i = 0; i < got; i++) v_decref(a[i]);
    if (a != argv) free(a);
    return r;
}

static ITER_TYPE(map_type, "map", MapObj, map_next, map_dealloc);

Value bi_map(Value *args, int nargs, KwArgs *kw)
{
    if (kw && kw->n) return rt_raise(&exc_TypeError, "map() takes no keyword arguments");
    if (nargs < 2) return rt_raise(&exc_TypeError, "map() must have at least two arguments.");
    MapObj *m = obj_alloc(&map_type, sizeof *m + (size_t)(nargs - 1) * sizeof(Value));
    if (!m) return V_ERR;
    if (!iter_all(args + 1, nargs - 1, m->its)) { free(m); return V_ERR; }
    m->fn = v_incref(args[0]);
    m->n = nargs - 1;
    return v_obj(m);
}

/* --------------------------------------------------------------- filter */

typedef struct { Obj hdr; Value fn, it; } FilterObj;

static void filter_dealloc(Obj *o)
{
    v_decref(((FilterObj *)o)->fn);
    v_decref(((FilterObj *)o)->it);
    free(o);
}

/* Truth of fn(x), or of x itself when fn is None (-1 on error). */
static int filter_keep(Value fn, Value x)
{
    if (IS_NONE(fn)) return v_truth(x);
    Value r = bi_call1(fn, x);
    if (IS_ERR(r)) return -1;
    int t = v_truth(r);
    v_decref(r);
    return t;
}

static Value filter_next(Value self)
{
    FilterObj *f = (FilterObj *)self.o;
    for (;;) {
        Value x = v_next(f->it);
        if (IS_UNBOUND(x) || IS_ERR(x)) return x;
        int t = filter_keep(f->fn, x);
        if (t > 0) return x;
        v_decref(x);
        if (t < 0) return V_ERR;
        if (!rt_check_interrupt()) return V_ERR;
    }
}

static ITER_TYPE(filter_type, "filter", FilterObj, filter_next, filter_dealloc);

Value bi_filter(Value *args, int nargs, KwArgs *kw)
{
    if (kw && kw->n) return rt_raise(&exc_TypeError, "filter() takes no keyword arguments");
    if (nargs != 2) return rt_raise(&exc_TypeError, "filter expected 2 arguments, got %d", nargs);
    Value it = v_iter(args[1]);
    if (IS_ERR(it)) return it;
    FilterObj *f = obj_alloc(&filter_type, sizeof *f);
    if (!f) { v_decref(it); return V_ERR; }
    f->fn = v_incref(args[0]);
    f->it = it;
    return v_obj(f);
}

/* ------------------------------------------------------------- reversed */

/* Walks a sequence backwards by index: seq[len-1], ..., seq[0]. */
typedef struct { Obj hdr; Value seq; int64_t i; } RevObj;

static void rev_dealloc(Obj *o) { v_decref(((RevObj *)o)->seq); free(o); }

static Value rev_next(Value self)
{
    RevObj *r = (RevObj *)self.o;
    if (r->i < 0) return V_UNBOUND;
    Value x = v_getitem(r->seq, v_int(r->i--));
    if (IS_ERR(x) && (rt_exc_matches(&exc_IndexError) || rt_exc_matches(&exc_StopIteration))) {
        rt_exc_clear();
        r->i = -1;
        return V_UNBOUND;
    }
    return x;
}

static ITER_TYPE(rev_type, "reversed", RevObj, rev_next, rev_dealloc);

static Value rev_of(Value seq)
{
    int64_t n = v_len(seq);
    if (n < 0) return V_ERR;
    RevObj *r = obj_alloc(&rev_type, sizeof *r);
    if (!r) return V_ERR;
    r->seq = v_incref(seq);
    r->i = n - 1;
    return v_obj(r);
}

Value bi_reversed(Value *args, int nargs, KwArgs *kw)
{
    if (kw && kw->n) return rt_raise(&exc_TypeError, "reversed() takes no keyword arguments");
    if (nargs != 1) return rt_raise(&exc_TypeError, "reversed expected 1 argument, got %d", nargs);
    Value seq = args[0];
    Type *t = v_type(seq);
    if (!IS_UNBOUND(bi_type_lookup(t, "__reversed__"))) {
        Value m = v_getattr_cstr(seq, "__reversed__");
        if (IS_ERR(m)) return m;
        Value r = bi_call0(m);
        v_decref(m);
        return r;
    }
    if (v_isinstance(seq, &dict_type)) {
        /* dicts reverse their keys (insertion order, newest first) */
        Value keys = dict_keys_list(seq);
        if (IS_ERR(keys)) return keys;
        Value r = rev_of(keys);
        v_decref(keys);
        return r;
    }
    if (!t->len || !t->getitem || v_isinstance(seq, &set_type))
        return rt_raise(&exc_TypeError, "'%s' object is not reversible", t->name);
    return rev_of(seq);
}

/* ---------------------------------------------------- iter(fn, sentinel) */

typedef struct { Obj hdr; Value fn, sentinel; } CallIterObj;

static void calliter_dealloc(Obj *o)
{
    v_decref(((CallIterObj *)o)->fn);
    v_decref(((CallIterObj *)o)->sentinel);
    free(o);
}

static Value calliter_next(Value self)
{
    CallIterObj *c = (CallIterObj *)self.o;
    if (IS_UNBOUND(c->fn)) return V_UNBOUND;
    Value x = bi_call0(c->fn);
    if (IS_ERR(x)) {
        if (!rt_exc_matches(&exc_StopIteration)) return x;
        rt_exc_clear();
        x = V_UNBOUND;
    } else {
        int eq = v_eq(x, c->sentinel);
        if (eq < 0) { v_decref(x); return V_ERR; }
        if (!eq) return x;
        v_decref(x);
    }
    v_decref(c->fn);   /* exhausted for good, as in Python */
    c->fn = V_UNBOUND;
    return V_UNBOUND;
}

static ITER_TYPE(calliter_type, "callable_iterator", CallIterObj, calliter_next, calliter_dealloc);

Value bi_callable_iter(Value fn, Value sentinel)
{
    CallIterObj *c = obj_alloc(&calliter_type, sizeof *c);
    if (!c) return V_ERR;
    c->fn = v_incref(fn);
    c->sentinel = v_incref(sentinel);
    return v_obj(c);
}
