/* list.c — the list type: a growable array of owned Values.
 *
 * Growth is geometric (amortised O(1) append).  Sorting is a stable merge
 * sort that only asks `<`, with type-specialised comparisons when every key
 * is an int, a float or a str (the common case in benchmarks), and writes
 * back only when the whole sort succeeded.
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "vm_internal.h"   /* type_add_slot_methods */

#define IMMORTAL ((int64_t)1 << 60)

Value seq_compare(CmpOp op, const Value *a, int64_t na, const Value *b, int64_t nb);

static inline List *L(Value v) { return (List *)v.o; }

/* ---- storage ---- */

static bool list_reserve(List *l, int64_t need)
{
    if (need <= l->cap) return true;
    int64_t ncap = l->cap + (l->cap >> 1) + 4;
    if (ncap < need) ncap = need;
    Value *p = rt_realloc(l->items, (size_t)ncap * sizeof(Value));
    if (!p) return false;
    l->items = p;
    l->cap = ncap;
    return true;
}

Value list_new(int64_t len)
{
    List *l = obj_alloc(&list_type, sizeof *l);
    if (!l) return V_ERR;
    l->len = l->cap = 0;
    l->items = NULL;
    if (len > 0 && !list_reserve(l, len)) {
        free(l);
        return V_ERR;
    }
    for (int64_t i = 0; i < len; i++) l->items[i] = V_NONE;
    l->len = len;
    return v_obj(l);
}

int list_append(Value list, Value item)
{
    List *l = L(list);
    if (l->len == l->cap && !list_reserve(l, l->len + 1)) return -1;
    l->items[l->len++] = v_incref(item);
    return 0;
}

Value list_from_array(const Value *items, int64_t n)
{
    Value r = list_new(0);
    if (IS_ERR(r) || n == 0) return r;
    if (!list_reserve(L(r), n)) {
        v_decref(r);
        return V_ERR;
    }
    for (int64_t i = 0; i < n; i++) L(r)->items[i] = v_incref(items[i]);
    L(r)->len = n;
    return r;
}

/* Appends every item of an iterable; a list or tuple is copied directly
 * (a list extended by itself included). */
int list_extend(Value list, Value iterable)
{
    if (IS_TYPE(iterable, &list_type) || IS_TYPE(iterable, &tuple_type)) {
        bool isl = IS_TYPE(iterable, &list_type);
        int64_t n = isl ? L(iterable)->len : ((Tuple *)iterable.o)->len;
        if (!list_reserve(L(list), L(list)->len + n)) return -1;
        Value *src = isl ? L(iterable)->items : ((Tuple *)iterable.o)->items;
        List *l = L(list);
        for (int64_t i = 0; i < n; i++) l->items[l->len + i] = v_incref(src[i]);
        l->len += n;
        return 0;
    }
    return v_foreach(iterable, list_append, list);
}

Value list_from_iter(Value iterable)
{
    Value r = list_new(0);
    if (IS_ERR(r)) return r;
    if (list_extend(r, iterable) < 0) {
        v_decref(r);
        return V_ERR;
    }
    return r;
}

bool seq_items(Value iterable, Value **items, int64_t *n, Value *tmp)
{
    *tmp = V_UNBOUND;
    if (IS_TYPE(iterable, &list_type)) {
        *items = L(iterable)->items;
        *n = L(iterable)->len;
        return true;
    }
    if (IS_TYPE(iterable, &tuple_type)) {
        *items = ((Tuple *)iterable.o)->items;
        *n = ((Tuple *)iterable.o)->len;
        return true;
    }
    Value l = list_from_iter(iterable);
    if (IS_ERR(l)) return false;
    *tmp = l;
    *items = L(l)->items;
    *n = L(l)->len;
    return true;
}

static void list_dealloc(Obj *o)
{
    List *l = (List *)o;
    for (int64_t i = 0; i < l->len; i++) v_decref(l->items[i]);
    free(l->items);
    free(o);
}

/* ---- repr and comparison ---- */

static Value list_repr(Value self)
{
    List *l = L(self);
    if (l->len == 0) return str_from_cstr("[]");
    int g = repr_enter(self.o);
    if (g < 0) return V_ERR;
    if (g > 0) return str_from_cstr("[...]");
    StrBuf b;
    bool ok = sb_init(&b, 2 + 4 * l->len) && sb_addc(&b, '[');
    /* l->len is re-read: a __repr__ may shrink the list */
    for (int64_t i = 0; ok && i < l->len; i++) {
        if (i) ok = sb_add(&b, ", ", 2);
        Value x = v_incref(l->items[i]);
        ok = ok && sb_addrepr(&b, x);
        v_decref(x);
    }
    ok = ok && sb_addc(&b, ']');
    repr_leave(self.o);
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

/* A list or an instance of a class deriving from list. */
#define IS_LIST(v) (IS_TYPE(v, &list_type) || v_isinstance(v, &list_type))

static Value list_compare(CmpOp op, Value a, Value b)
{
    if (!IS_LIST(a) || !IS_LIST(b)) return rt_notimpl();
    return seq_compare(op, L(a)->items, L(a)->len, L(b)->items, L(b)->len);
}

static bool list_hash(Value self, int64_t *out)
{
    (void)out;
    rt_raise(&exc_TypeError, "unhashable type: '%s'", v_typename(self));
    return false;
}

static int64_t list_len(Value self) { return L(self)->len; }
static int list_truth(Value self) { return L(self)->len != 0; }

static int list_contains(Value self, Value item)
{
    List *l = L(self);
    for (int64_t i = 0; i < l->len; i++) {
        if (IS_OBJ(item) && IS_OBJ(l->items[i]) && item.o == l->items[i].o) return 1;
        Value x = v_incref(l->items[i]);
        int e = v_eq(x, item);
        v_decref(x);
        if (e) return e;
    }
    return 0;
}

/* ---- indexing, slicing, slice assignment ---- */

static bool list_index_arg(Value key, int64_t *i)
{
    if (IS_INT(key)) { *i = key.i; return true; }
    if (IS_BOOL(key)) { *i = key.b; return true; }
    if (!IS_FLOAT(key) && !IS_TYPE(key, &str_type) && !IS_TYPE(key, &tuple_type) &&
        !IS_TYPE(key, &list_type) && !IS_NONE(key) && num_index(key, i))
        return true;
    if (IS_OBJ(key)) rt_exc_clear();
    rt_raise(&exc_TypeError, "list indices must be integers or slices, not %s", v_typename(key));
    return false;
}

Value list_getslice(Value list, int64_t start, int64_t stop, int64_t step, int64_t n)
{
    (void)stop;
    Value r = list_new(0);
    if (IS_ERR(r) || n == 0) return r;
    if (!list_reserve(L(r), n)) {
        v_decref(r);
        return V_ERR;
    }
    List *l = L(list), *d = L(r);
    for (int64_t k = 0, i = start; k < n; k++, i += step) d->items[k] = v_incref(l->items[i]);
    d->len = n;
    return r;
}

static Value list_getitem(Value self, Value key)
{
    List *l = L(self);
    if (IS_TYPE(key, &slice_type)) {
        int64_t start, stop, step, n;
        if (!slice_indices(key, l->len, &start, &stop, &step, &n)) return V_ERR;
        return list_getslice(self, start, stop, step, n);
    }
    int64_t i;
    if (!list_index_arg(key, &i)) return V_ERR;
    if (!seq_index(&i, l->len)) return rt_raise(&exc_IndexError, "list index out of range");
    return v_incref(l->items[i]);
}

/* del l[slice]: compacts the survivors in one pass. */
static int list_delslice(List *l, int64_t start, int64_t step, int64_t n)
{
    if (n == 0) return 0;
    if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
    }
    Value *dead = rt_alloc((size_t)n * sizeof(Value));
    if (!dead) return -1;
    int64_t w = start, k = 0;
    for (int64_t r = start; r < l->len; r++) {
        if (k < n && r == start + k * step) dead[k++] = l->items[r];
        else l->items[w++] = l->items[r];
    }
    l->len = w;
    for (int64_t i = 0; i < n; i++) v_decref(dead[i]);
    free(dead);
    return 0;
}

/* l[a:b] = seq (any length) or l[a:b:c] = seq (same length). */
static int list_setslice(List *l, Value key, Value val)
{
    int64_t start, stop, step, n;
    if (!slice_indices(key, l->len, &start, &stop, &step, &n)) return -1;
    if (IS_UNBOUND(val)) return list_delslice(l, start, step, n);
    Value src = (IS_OBJ(val) && val.o == &l->hdr) ? list_from_array(l->items, l->len)
                                                 : list_from_iter(val);
    if (IS_ERR(src)) {
        if (rt_exc_matches(&exc_TypeError) && !IS_TYPE(val, &list_type)) {
            rt_exc_clear();
            rt_raise(&exc_TypeError, "must assign iterable to extended slice");
        }
        return -1;
    }
    List *s = L(src);
    int rc = 0;
    if (step != 1) {
        if (s->len != n) {
            rt_raise(&exc_ValueError,
                     "attempt to assign sequence of size %lld to extended slice of size %lld",
                     (long long)s->len, (long long)n);
            rc = -1;
        } else {
            for (int64_t k = 0, i = start; k < n; k++, i += step) {
                Value old = l->items[i];
                l->items[i] = v_incref(s->items[k]);
                v_decref(old);
            }
        }
    } else {
        if (stop < start) stop = start;
        int64_t delta = s->len - (stop - start);
        if (!list_reserve(l, l->len + delta)) {
            rc = -1;
        } else {
            Value *old = rt_alloc((size_t)(stop - start + 1) * sizeof(Value));
            if (!old) {
                rc = -1;
            } else {
                memcpy(old, l->items + start, (size_t)(stop - start) * sizeof(Value));
                memmove(l->items + start + s->len, l->items + stop,
                        (size_t)(l->len - stop) * sizeof(Value));
                for (int64_t k = 0; k < s->len; k++) l->items[start + k] = v_incref(s->items[k]);
                l->len += delta;
                for (int64_t k = 0; k < stop - start; k++) v_decref(old[k]);
                free(old);
            }
        }
    }
    v_decref(src);
    return rc;
}

static int list_setitem(Value self, Value key, Value val)
{
    List *l = L(self);
    if (IS_TYPE(key, &slice_type)) return list_setslice(l, key, val);
    int64_t i;
    if (!list_index_arg(key, &i)) return -1;
    if (!seq_index(&i, l->len)) {
        rt_raise(&exc_IndexError, IS_UNBOUND(val) ? "list assignment index out of range"
                                                  : "list assignment index out of range");
        return -1;
    }
    Value old = l->items[i];
    if (IS_UNBOUND(val)) {
        memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
        l->len--;
    } else {
        l->items[i] = v_incref(val);
    }
    v_decref(old);
    return 0;
}

/* ---- operators ---- */

static Value list_repeat(List *l, Value n, bool reflected)
{
    if (!IS_INT(n) && !IS_BOOL(n)) {
        if (reflected && !IS_FLOAT(n)) return rt_notimpl();
        return rt_raise(&exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                        v_typename(n));
    }
    int64_t k = IS_INT(n) ? n.i : n.b;
    if (k <= 0 || l->len == 0) return list_new(0);
    if (l->len > INT64_MAX / 16 / k) return rt_nomem();
    Value r = list_new(0);
    if (IS_ERR(r) || !list_reserve(L(r), l->len * k)) {
        v_decref(r);
        return V_ERR;
    }
    List *d = L(r);
    for (int64_t j = 0; j < k; j++)
        for (int64_t i = 0; i < l->len; i++) d->items[d->len++] = v_incref(l->items[i]);
    return r;
}

static Value list_binop(BinOp op, Value a, Value b)
{
    bool al = IS_LIST(a);
    if (op == OP_ADD) {
        if (!al) return rt_notimpl();
        if (!IS_LIST(b))
            return rt_raise(&exc_TypeError, "can only concatenate list (not \"%s\") to list",
                            v_typename(b));
        Value r = list_from_array(L(a)->items, L(a)->len);
        if (IS_ERR(r) || list_extend(r, b) < 0) {
            v_decref(r);
            return V_ERR;
        }
        return r;
    }
    if (op == OP_MUL) return al ? list_repeat(L(a), b, false) : list_repeat(L(b), a, true);
    return rt_notimpl();
}

/* l += iterable extends in place (any iterable, unlike +); l *= n. */
static Value list_inplace(BinOp op, Value a, Value b)
{
    if (!IS_LIST(a)) return list_binop(op, a, b);
    if (op == OP_ADD) {
        if (list_extend(a, b) < 0) return V_ERR;
        return v_incref(a);
    }
    if (op == OP_MUL) {
        if (!IS_INT(b) && !IS_BOOL(b)) return list_repeat(L(a), b, false);
        int64_t k = IS_INT(b) ? b.i : b.b;
        List *l = L(a);
        if (k <= 0) {
            Value *old = l->items;
            int64_t n = l->len;
            l->items = NULL;
            l->len = l->cap = 0;
            for (int64_t i = 0; i < n; i++) v_decref(old[i]);
            free(old);
        } else if (k > 1 && l->len) {
            int64_t n = l->len;
            if (n > INT64_MAX / 16 / k || !list_reserve(l, n * k)) return rt_nomem();
            for (int64_t j = 1; j < k; j++)
                for (int64_t i = 0; i < n; i++) l->items[l->len++] = v_incref(l->items[i]);
        }
        return v_incref(a);
    }
    return rt_notimpl();
}

/* ---- iteration ---- */

typedef struct SeqIter { Obj hdr; Value seq; int64_t i; } SeqIter;

static Value list_iter(Value self)
{
    SeqIter *it = obj_alloc(&list_iter_type, sizeof *it);
    if (!it) return V_ERR;
    it->seq = v_incref(self);
    it->i = 0;
    return v_obj(it);
}

static Value list_iter_next(Value self)
{
    SeqIter *it = (SeqIter *)self.o;
    List *l = L(it->seq);
    if (it->i >= l->len) return V_UNBOUND;
    return v_incref(l->items[it->i++]);
}

/* reversed(list): walks from the end, stopping if the list shrank. */
Value list_reversed(Value self)
{
    SeqIter *it = obj_alloc(&list_reviter_type, sizeof *it);
    if (!it) return V_ERR;
    it->seq = v_incref(self);
    it->i = L(self)->len - 1;
    return v_obj(it);
}

static Value list_reviter_next(Value self)
{
    SeqIter *it = (SeqIter *)self.o;
    List *l = L(it->seq);
    if (it->i < 0 || it->i >= l->len) return V_UNBOUND;
    return v_incref(l->items[it->i--]);
}

static void seq_iter_dealloc(Obj *o)
{
    v_decref(((SeqIter *)o)->seq);
    free(o);
}

static Value iter_self(Value self) { return v_incref(self); }

/* ---- construction ---- */

/* An empty instance of t, a class deriving from list: its __init__ fills
 * it, class.c puts the instance dict at t->dictoffset. */
static Value list_new_sub(Type *t)
{
    List *l = obj_alloc(t, t->dictoffset + sizeof(Value));
    if (!l) return V_ERR;
    l->len = l->cap = 0;
    l->items = NULL;
    *(Value *)((char *)l + t->dictoffset) = V_NONE;
    return v_obj(l);
}

static Value list_new_slot(Type *t, Value *args, int nargs, KwArgs *kw)
{
    if (t != &list_type) return list_new_sub(t);
    if (kw && kw->n) return rt_raise(&exc_TypeError, "list() takes no keyword arguments");
    if (nargs > 1) return rt_raise(&exc_TypeError, "list expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return list_new(0);
    return list_from_iter(args[0]);
}

Type list_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "list", .base = &object_type,
    .doc = "list(iterable=(), /)\n\nBuilt-in mutable sequence.",
    .basicsize = sizeof(List), .new = list_new_slot, .dealloc = list_dealloc,
    .repr = list_repr, .hash = list_hash, .compare = list_compare, .truth = list_truth,
    .len = list_len, .binop = list_binop, .inplace = list_inplace, .iter = list_iter,
    .getitem = list_getitem, .setitem = list_setitem, .contains = list_contains,
};

Type list_iter_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "list_iterator", .base = &object_type,
    .basicsize = sizeof(SeqIter), .dealloc = seq_iter_dealloc, .iter = iter_self,
    .next = list_iter_next,
};

Type list_reviter_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "list_reverseiterator", .base = &object_type,
    .basicsize = sizeof(SeqIter), .dealloc = seq_iter_dealloc, .iter = iter_self,
    .next = list_reviter_next,
};

/* ---- sorting ----
 * Stable merge sort over (key, value) pairs.  `less` is chosen once: when
 * every key is an int, a float or a str the comparison is inlined;
 * otherwise it goes through v_compare(CMP_LT) and may raise. */

typedef struct SortItem { Value key, val; } SortItem;
typedef int (*LessFn)(Value a, Value b);   /* 1, 0 or -1 on error */

static int less_int(Value a, Value b) { return a.i < b.i; }
static int less_float(Value a, Value b) { return a.f < b.f; }
static int less_str(Value a, Value b)
{
    Str *x = (Str *)a.o, *y = (Str *)b.o;
    int64_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, (size_t)n);
    return c ? c < 0 : x->len < y->len;
}
static int less_generic(Value a, Value b)
{
    Value r = v_compare(CMP_LT, a, b);
    if (IS_ERR(r)) return -1;
    int t = v_truth(r);
    v_decref(r);
    return t;
}

static LessFn choose_less(SortItem *it, int64_t n)
{
    bool ints = true, floats = true, strs = true;
    for (int64_t i = 0; i < n; i++) {
        Value k = it[i].key;
        ints = ints && IS_INT(k);
        floats = floats && IS_FLOAT(k);
        strs = strs && IS_TYPE(k, &str_type);
    }
    return ints ? less_int : floats ? less_float : strs ? less_str : less_generic;
}

/* "a goes after b" in the requested order; stability keeps ties in place. */
static inline int after(LessFn less, bool rev, SortItem *a, SortItem *b)
{
    return rev ? less(a->key, b->key) : less(b->key, a->key);
}

static bool insertion_sort(SortItem *a, int64_t n, LessFn less, bool rev)
{
    for (int64_t i = 1; i < n; i++) {
        SortItem x = a[i];
        int64_t j = i;
        while (j > 0) {
            int c = after(less, rev, &a[j - 1], &x);
            if (c < 0) { a[j] = x; return false; }
            if (!c) break;
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
    return true;
}

static bool merge_sort(SortItem *a, SortItem *tmp, int64_t n, LessFn less, bool rev)
{
    if (n <= 12) return insertion_sort(a, n, less, rev);
    int64_t h = n / 2;
    if (!merge_sort(a, tmp, h, less, rev) || !merge_sort(a + h, tmp, n - h, less, rev))
        return false;
    int c = after(less, rev, &a[h - 1], &a[h]);
    if (c < 0) return false;
    if (!c) return true;   /* already in order */
    memcpy(tmp, a, (size_t)h * sizeof *tmp);
    int64_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        c = after(less, rev, &tmp[i], &a[j]);
        if (c < 0) {
            while (i < h) a[k++] = tmp[i++];   /* keep every item in the array */
            return false;
        }
        a[k++] = c ? a[j++] : tmp[i++];
    }
    while (i < h) a[k++] = tmp[i++];
    return true;
}

int list_sort(Value list, Value key, bool reverse)
{
    List *l = L(list);
    int64_t n = l->len;
    if (n < 2 && (IS_NONE(key) || IS_UNBOUND(key))) return 0;
    SortItem *it = rt_alloc((size_t)(n ? n : 1) * sizeof *it);
    SortItem *tmp = rt_alloc((size_t)(n / 2 + 1) * sizeof *tmp);
    if (!it || !tmp) {
        free(it);
        free(tmp);
        return -1;
    }
    bool has_key = !IS_NONE(key) && !IS_UNBOUND(key);
    int64_t made = 0;
    int rc = 0;
    for (; made < n; made++) {
        it[made].val = v_incref(l->items[made]);
        it[made].key = has_key ? v_call(key, &l->items[made], 1, NULL) : it[made].val;
        if (IS_ERR(it[made].key)) {
            v_decref(it[made].val);
            rc = -1;
            break;
        }
    }
    if (rc == 0 && !merge_sort(it, tmp, n, choose_less(it, n), reverse)) rc = -1;
    /* write back only a complete sort of an unchanged list */
    if (rc == 0 && l->len == n) {
        for (int64_t i = 0; i < n; i++) {
            v_decref(l->items[i]);
            l->items[i] = it[i].val;
        }
    } else {
        if (rc == 0) {
            rt_raise(&exc_ValueError, "list modified during sort");
            rc = -1;
        }
        for (int64_t i = 0; i < made; i++) v_decref(it[i].val);
    }
    if (has_key)
        for (int64_t i = 0; i < made; i++) v_decref(it[i].key);
    free(it);
    free(tmp);
    return rc;
}

/* ---- methods ---- */

#define SELF_LIST(name)                                                        \
    if (nargs < 1 || !(IS_TYPE(args[0], &list_type) || v_isinstance(args[0], &list_type))) \
        return rt_raise(&exc_TypeError, "descriptor '" name "' for 'list' objects doesn't apply to this object");

int list_insert(Value list, int64_t i, Value item)
{
    List *l = L(list);
    if (i < 0) {
        i += l->len;
        if (i < 0) i = 0;
    }
    if (i > l->len) i = l->len;
    if (l->len == l->cap && !list_reserve(l, l->len + 1)) return -1;
    memmove(l->items + i + 1, l->items + i, (size_t)(l->len - i) * sizeof(Value));
    l->items[i] = v_incref(item);
    l->len++;
    return 0;
}

Value list_pop_last(Value list)
{
    List *l = L(list);
    if (l->len == 0) return rt_raise(&exc_IndexError, "pop from empty list");
    return l->items[--l->len];
}

static Value m_append(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("append");
    (void)kw;
    if (!args_one("list.append", nargs - 1)) return V_ERR;
    return list_append(args[0], args[1]) < 0 ? V_ERR : V_NONE;
}

static Value m_extend(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("extend");
    (void)kw;
    if (!args_one("list.extend", nargs - 1)) return V_ERR;
    return list_extend(args[0], args[1]) < 0 ? V_ERR : V_NONE;
}

static Value m_insert(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("insert");
    if (!args_nokw("insert", kw) || !args_count("insert", nargs - 1, 2, 2)) return V_ERR;
    int64_t i;
    if (!num_index(args[1], &i)) return V_ERR;
    return list_insert(args[0], i, args[2]) < 0 ? V_ERR : V_NONE;
}

static Value m_pop(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("pop");
    if (!args_nokw("pop", kw) || !args_count("pop", nargs - 1, 0, 1)) return V_ERR;
    List *l = L(args[0]);
    if (nargs == 1) return list_pop_last(args[0]);
    int64_t i;
    if (!num_index(args[1], &i)) return V_ERR;
    if (l->len == 0) return rt_raise(&exc_IndexError, "pop from empty list");
    if (!seq_index(&i, l->len)) return rt_raise(&exc_IndexError, "pop index out of range");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
    l->len--;
    return v;
}

/* Position of the first item equal to x in [start, stop), -1 if none,
 * -2 on error. */
static int64_t find_item(List *l, Value x, int64_t start, int64_t stop)
{
    for (int64_t i = start; i < stop && i < l->len; i++) {
        Value it = v_incref(l->items[i]);
        int e = v_eq(it, x);
        v_decref(it);
        if (e < 0) return -2;
        if (e) return i;
    }
    return -1;
}

static Value m_remove(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("remove");
    (void)kw;
    if (!args_one("list.remove", nargs - 1)) return V_ERR;
    List *l = L(args[0]);
    int64_t i = find_item(l, args[1], 0, l->len);
    if (i == -2) return V_ERR;
    if (i < 0) return rt_raise(&exc_ValueError, "list.remove(x): x not in list");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
    l->len--;
    v_decref(v);
    return V_NONE;
}

static Value m_index(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("index");
    if (!args_nokw("index", kw) || !args_count("index", nargs - 1, 1, 3)) return V_ERR;
    List *l = L(args[0]);
    int64_t start = 0, stop = l->len;
    if (nargs > 2 && !num_index(args[2], &start)) return V_ERR;
    if (nargs > 3 && !num_index(args[3], &stop)) return V_ERR;
    slice_adjust(l->len, &start, &stop, 1);
    int64_t i = find_item(l, args[1], start, stop);
    if (i == -2) return V_ERR;
    if (i >= 0) return v_int(i);
    Value r = v_repr(args[1]);
    if (IS_ERR(r)) return r;
    rt_raise(&exc_ValueError, "%s is not in list", str_cstr(r));
    v_decref(r);
    return V_ERR;
}

static Value m_count(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("count");
    (void)kw;
    if (!args_one("list.count", nargs - 1)) return V_ERR;
    List *l = L(args[0]);
    int64_t c = 0;
    for (int64_t i = 0; i < l->len; i++) {
        Value it = v_incref(l->items[i]);
        int e = v_eq(it, args[1]);
        v_decref(it);
        if (e < 0) return V_ERR;
        c += e;
    }
    return v_int(c);
}

static Value m_sort(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("sort");
    if (nargs > 1) return rt_raise(&exc_TypeError, "sort() takes no positional arguments");
    static const char *const names[] = {"key", "reverse"};
    Value a[2];
    if (!args_parse("sort", NULL, 0, kw, names, 2, 0, a)) return V_ERR;
    int rev = 0;
    if (!IS_UNBOUND(a[1]) && (rev = v_truth(a[1])) < 0) return V_ERR;
    return list_sort(args[0], a[0], rev) < 0 ? V_ERR : V_NONE;
}

static Value m_reverse(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("reverse");
    (void)kw;
    if (!args_count("reverse", nargs - 1, 0, 0)) return V_ERR;
    List *l = L(args[0]);
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return V_NONE;
}

static Value m_clear(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("clear");
    (void)kw;
    if (!args_count("clear", nargs - 1, 0, 0)) return V_ERR;
    List *l = L(args[0]);
    Value *old = l->items;
    int64_t n = l->len;
    l->items = NULL;
    l->len = l->cap = 0;
    for (int64_t i = 0; i < n; i++) v_decref(old[i]);
    free(old);
    return V_NONE;
}

static Value m_copy(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("copy");
    (void)kw;
    if (!args_count("copy", nargs - 1, 0, 0)) return V_ERR;
    return list_from_array(L(args[0])->items, L(args[0])->len);
}

/* list.__init__(self, iterable=()): what a subclass's super().__init__
 * reaches; refills self. */
static Value m_init(Value *args, int nargs, KwArgs *kw)
{
    SELF_LIST("__init__");
    if (kw && kw->n) return rt_raise(&exc_TypeError, "list() takes no keyword arguments");
    if (nargs > 2) return rt_raise(&exc_TypeError, "list expected at most 1 argument, got %d", nargs - 1);
    Value r = m_clear(args, 1, NULL);
    if (IS_ERR(r) || nargs == 1) return r;
    return list_extend(args[0], args[1]) < 0 ? V_ERR : V_NONE;
}

static const MethodDef list_methods[] = {
    {"__init__", m_init, "__init__(self, iterable=(), /)\n\nInitialize self.", 0},
    {"append", m_append, "append(object, /)\n\nAppend object to the end of the list.", 0},
    {"extend", m_extend, "extend(iterable, /)\n\nExtend list by appending elements from the iterable.", 0},
    {"insert", m_insert, "insert(index, object, /)\n\nInsert object before index.", 0},
    {"pop", m_pop, "pop(index=-1, /)\n\nRemove and return item at index (default last).\nRaises IndexError if list is empty or index is out of range.", 0},
    {"remove", m_remove, "remove(value, /)\n\nRemove first occurrence of value.\nRaises ValueError if the value is not present.", 0},
    {"index", m_index, "index(value, start=0, stop=sys.maxsize, /)\n\nReturn first index of value.\nRaises ValueError if the value is not present.", 0},
    {"count", m_count, "count(value, /)\n\nReturn number of occurrences of value.", 0},
    {"sort", m_sort, "sort(*, key=None, reverse=False)\n\nSort the list in ascending order and return None.\nThe sort is stable; key is applied to each item once.", 0},
    {"reverse", m_reverse, "reverse()\n\nReverse *IN PLACE*.", 0},
    {"clear", m_clear, "clear()\n\nRemove all items from list.", 0},
    {"copy", m_copy, "copy()\n\nReturn a shallow copy of the list.", 0},
    {NULL, NULL, NULL, 0},
};

void list_init_type(void)
{
    type_add_methods(&list_type, list_methods);
    type_add_slot_methods(&list_type);
}
