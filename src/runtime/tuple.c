/* tuple.c — the tuple type: an immutable array of Values stored inline.
 *
 * The empty tuple is a shared immortal object.  Hashing combines the
 * element hashes with the same xxHash-style mixing CPython uses, so that
 * dicts and sets keyed by tuples of ints lay out (and print) alike.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "objects.h"

#define IMMORTAL ((int64_t)1 << 60)

static Tuple empty_tuple = {.hdr = {IMMORTAL, &tuple_type}, .len = 0};

Value tuple_empty(void) { return v_obj(&empty_tuple); }

Value tuple_new(int64_t len)
{
    if (len == 0) return v_obj(&empty_tuple);
    Tuple *t = obj_alloc(&tuple_type, sizeof(Tuple) + (size_t)len * sizeof(Value));
    if (!t) return V_ERR;
    t->len = len;
    for (int64_t i = 0; i < len; i++) t->items[i] = V_NONE;
    return v_obj(t);
}

Value tuple_from_array(const Value *items, int64_t n)
{
    Value r = tuple_new(n);
    if (IS_ERR(r)) return r;
    Tuple *t = (Tuple *)r.o;
    for (int64_t i = 0; i < n; i++) t->items[i] = v_incref(items[i]);
    return r;
}

Value tuple_pack(int n, ...)
{
    Value r = tuple_new(n);
    if (IS_ERR(r)) return r;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) ((Tuple *)r.o)->items[i] = v_incref(va_arg(ap, Value));
    va_end(ap);
    return r;
}

Value tuple_from_iter(Value iterable)
{
    if (IS_TYPE(iterable, &tuple_type)) return v_incref(iterable);
    Value *items, tmp;
    int64_t n;
    if (!seq_items(iterable, &items, &n, &tmp)) return V_ERR;
    Value r = tuple_from_array(items, n);
    v_decref(tmp);
    return r;
}

static void tuple_dealloc(Obj *o)
{
    Tuple *t = (Tuple *)o;
    for (int64_t i = 0; i < t->len; i++) v_decref(t->items[i]);
    free(o);
}

/* ---- repr, hash, compare ---- */

static Value tuple_repr(Value self)
{
    Tuple *t = (Tuple *)self.o;
    if (t->len == 0) return str_from_cstr("()");
    int g = repr_enter(self.o);
    if (g < 0) return V_ERR;
    if (g > 0) return str_from_cstr("(...)");
    StrBuf b;
    bool ok = sb_init(&b, 2 + 4 * t->len) && sb_addc(&b, '(');
    for (int64_t i = 0; ok && i < t->len; i++) {
        if (i) ok = sb_add(&b, ", ", 2);
        ok = ok && sb_addrepr(&b, t->items[i]);
    }
    if (ok && t->len == 1) ok = sb_addc(&b, ',');
    ok = ok && sb_addc(&b, ')');
    repr_leave(self.o);
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

int64_t tuple_hash_items(const Value *items, int64_t n, bool *ok)
{
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < n; i++) {
        int64_t h;
        if (!v_hash(items[i], &h)) {
            *ok = false;
            return -1;
        }
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    *ok = true;
    return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
}

static bool tuple_hash(Value self, int64_t *out)
{
    bool ok;
    Tuple *t = (Tuple *)self.o;
    *out = tuple_hash_items(t->items, t->len, &ok);
    return ok;
}

/* Lexicographic comparison shared with lists: the first unequal pair
 * decides, else the lengths do. */
Value seq_compare(CmpOp op, const Value *a, int64_t na, const Value *b, int64_t nb)
{
    if ((op == CMP_EQ || op == CMP_NE) && na != nb) return v_bool(op == CMP_NE);
    int64_t n = na < nb ? na : nb, i = 0;
    for (; i < n; i++) {
        if (a[i].tag == VT_OBJ && b[i].tag == VT_OBJ && a[i].o == b[i].o) continue;
        int e = v_eq(a[i], b[i]);
        if (e < 0) return V_ERR;
        if (!e) break;
    }
    if (i >= n) {
        switch (op) {
        case CMP_LT: return v_bool(na < nb);
        case CMP_LE: return v_bool(na <= nb);
        case CMP_EQ: return v_bool(na == nb);
        case CMP_NE: return v_bool(na != nb);
        case CMP_GT: return v_bool(na > nb);
        default: return v_bool(na >= nb);
        }
    }
    if (op == CMP_EQ) return v_bool(false);
    if (op == CMP_NE) return v_bool(true);
    return v_compare(op, a[i], b[i]);
}

static Value tuple_compare(CmpOp op, Value a, Value b)
{
    if (!IS_TYPE(a, &tuple_type) || !IS_TYPE(b, &tuple_type)) return rt_notimpl();
    Tuple *x = (Tuple *)a.o, *y = (Tuple *)b.o;
    return seq_compare(op, x->items, x->len, y->items, y->len);
}

/* ---- sequence protocol ---- */

static int64_t tuple_len(Value self) { return ((Tuple *)self.o)->len; }
static int tuple_truth(Value self) { return ((Tuple *)self.o)->len != 0; }

static Value tuple_slice(Tuple *t, Value key)
{
    int64_t start, stop, step, n;
    if (!slice_indices(key, t->len, &start, &stop, &step, &n)) return V_ERR;
    if (step == 1 && n == t->len) return v_incref(v_obj(t));
    Value r = tuple_new(n);
    if (IS_ERR(r)) return r;
    for (int64_t k = 0, i = start; k < n; k++, i += step)
        ((Tuple *)r.o)->items[k] = v_incref(t->items[i]);
    return r;
}

static Value tuple_getitem(Value self, Value key)
{
    Tuple *t = (Tuple *)self.o;
    int64_t i;
    if (IS_INT(key)) i = key.i;
    else if (IS_TYPE(key, &slice_type)) return tuple_slice(t, key);
    else if (IS_BOOL(key)) i = key.b;
    else if (IS_FLOAT(key) || IS_TYPE(key, &str_type) || !num_index(key, &i)) {
        if (IS_OBJ(key)) rt_exc_clear();
        return rt_raise(&exc_TypeError, "tuple indices must be integers or slices, not %s",
                        v_typename(key));
    }
    if (!seq_index(&i, t->len)) return rt_raise(&exc_IndexError, "tuple index out of range");
    return v_incref(t->items[i]);
}

static int tuple_contains(Value self, Value item)
{
    Tuple *t = (Tuple *)self.o;
    for (int64_t i = 0; i < t->len; i++) {
        int e = v_eq(t->items[i], item);
        if (e) return e;
    }
    return 0;
}

static Value tuple_binop(BinOp op, Value a, Value b)
{
    if (op == OP_ADD) {
        if (!IS_TYPE(a, &tuple_type)) return rt_notimpl();
        if (!IS_TYPE(b, &tuple_type))
            return rt_raise(&exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                            v_typename(b));
        Tuple *x = (Tuple *)a.o, *y = (Tuple *)b.o;
        if (y->len == 0) return v_incref(a);
        if (x->len == 0) return v_incref(b);
        Value r = tuple_new(x->len + y->len);
        if (IS_ERR(r)) return r;
        Tuple *t = (Tuple *)r.o;
        for (int64_t i = 0; i < x->len; i++) t->items[i] = v_incref(x->items[i]);
        for (int64_t i = 0; i < y->len; i++) t->items[x->len + i] = v_incref(y->items[i]);
        return r;
    }
    if (op == OP_MUL) {
        bool at = IS_TYPE(a, &tuple_type);
        Value n = at ? b : a;
        Tuple *x = (Tuple *)(at ? a : b).o;
        if (!IS_INT(n) && !IS_BOOL(n)) {
            if (!at && !IS_FLOAT(n)) return rt_notimpl();
            return rt_raise(&exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                            v_typename(n));
        }
        int64_t k = IS_INT(n) ? n.i : n.b;
        if (k <= 0 || x->len == 0) return tuple_empty();
        if (k == 1) return v_incref(v_obj(x));
        if (x->len > INT64_MAX / 16 / k) return rt_nomem();
        Value r = tuple_new(x->len * k);
        if (IS_ERR(r)) return r;
        Tuple *t = (Tuple *)r.o;
        for (int64_t j = 0; j < k; j++)
            for (int64_t i = 0; i < x->len; i++) t->items[j * x->len + i] = v_incref(x->items[i]);
        return r;
    }
    return rt_notimpl();
}

/* ---- iteration (shared layout with the list iterator) ---- */

typedef struct SeqIter { Obj hdr; Value seq; int64_t i; } SeqIter;

static Value tuple_iter(Value self)
{
    SeqIter *it = obj_alloc(&tuple_iter_type, sizeof *it);
    if (!it) return V_ERR;
    it->seq = v_incref(self);
    it->i = 0;
    return v_obj(it);
}

static Value tuple_iter_next(Value self)
{
    SeqIter *it = (SeqIter *)self.o;
    Tuple *t = (Tuple *)it->seq.o;
    if (it->i >= t->len) return V_UNBOUND;
    return v_incref(t->items[it->i++]);
}

static void seq_iter_dealloc(Obj *o)
{
    v_decref(((SeqIter *)o)->seq);
    free(o);
}

static Value iter_self(Value self) { return v_incref(self); }

/* ---- construction and methods ---- */

static Value tuple_new_slot(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    if (kw && kw->n) return rt_raise(&exc_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1) return rt_raise(&exc_TypeError, "tuple expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return tuple_empty();
    return tuple_from_iter(args[0]);
}

static Value tuple_m_count(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_one("tuple.count", nargs - 1)) return V_ERR;
    Tuple *t = (Tuple *)args[0].o;
    int64_t c = 0;
    for (int64_t i = 0; i < t->len; i++) {
        int e = v_eq(t->items[i], args[1]);
        if (e < 0) return V_ERR;
        c += e;
    }
    return v_int(c);
}

static Value tuple_m_index(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_count("index", nargs - 1, 1, 3)) return V_ERR;
    Tuple *t = (Tuple *)args[0].o;
    int64_t start = 0, stop = t->len;
    if (nargs > 2 && !num_index(args[2], &start)) return V_ERR;
    if (nargs > 3 && !num_index(args[3], &stop)) return V_ERR;
    slice_adjust(t->len, &start, &stop, 1);
    for (int64_t i = start; i < stop; i++) {
        int e = v_eq(t->items[i], args[1]);
        if (e < 0) return V_ERR;
        if (e) return v_int(i);
    }
    return rt_raise(&exc_ValueError, "tuple.index(x): x not in tuple");
}

static const MethodDef tuple_methods[] = {
    {"count", tuple_m_count, "count(value, /)\n\nReturn number of occurrences of value.", 0},
    {"index", tuple_m_index,
     "index(value, start=0, stop=sys.maxsize, /)\n\nReturn first index of value.\n"
     "Raises ValueError if the value is not present.", 0},
    {NULL, NULL, NULL, 0},
};

void tuple_init_type(void) { type_add_methods(&tuple_type, tuple_methods); }

Type tuple_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "tuple", .base = &object_type,
    .doc = "tuple(iterable=(), /)\n\nBuilt-in immutable sequence.",
    .basicsize = sizeof(Tuple), .new = tuple_new_slot, .dealloc = tuple_dealloc,
    .repr = tuple_repr, .hash = tuple_hash, .compare = tuple_compare, .truth = tuple_truth,
    .len = tuple_len, .binop = tuple_binop, .iter = tuple_iter, .getitem = tuple_getitem,
    .contains = tuple_contains,
};

Type tuple_iter_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "tuple_iterator", .base = &object_type,
    .basicsize = sizeof(SeqIter), .dealloc = seq_iter_dealloc, .iter = iter_self,
    .next = tuple_iter_next,
};
