/* range.c — the range type: an arithmetic progression computed on demand.
 * Length, indexing, slicing (which gives another range) and `in` for ints
 * are O(1); iteration allocates nothing per step.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "objects.h"

#define IMMORTAL ((int64_t)1 << 60)

static inline RangeObj *R(Value v) { return (RangeObj *)v.o; }

static int64_t range_length(int64_t start, int64_t stop, int64_t step)
{
    __int128 n;
    if (step > 0) n = start < stop ? ((__int128)stop - start - 1) / step + 1 : 0;
    else n = start > stop ? ((__int128)start - stop - 1) / (-(__int128)step) + 1 : 0;
    return n > INT64_MAX ? -1 : (int64_t)n;
}

Value range_new(int64_t start, int64_t stop, int64_t step)
{
    int64_t n = range_length(start, stop, step);
    if (n < 0) return rt_raise(&exc_OverflowError, "Python int too large to convert to C ssize_t");
    RangeObj *r = obj_alloc(&range_type, sizeof *r);
    if (!r) return V_ERR;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = n;
    return v_obj(r);
}

static Value range_new_slot(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    if (kw && kw->n) return rt_raise(&exc_TypeError, "range() takes no keyword arguments");
    if (nargs < 1) return rt_raise(&exc_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3) return rt_raise(&exc_TypeError, "range expected at most 3 arguments, got %d", nargs);
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!num_index(args[i], &v[i])) return V_ERR;
    if (nargs == 1) return range_new(0, v[0], 1);
    if (v[2] == 0) return rt_raise(&exc_ValueError, "range() arg 3 must not be zero");
    return range_new(v[0], v[1], v[2]);
}

static Value range_repr(Value self)
{
    RangeObj *r = R(self);
    if (r->step == 1) return str_fmt("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return str_fmt("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                   (long long)r->step);
}

static int64_t range_len(Value self) { return R(self)->len; }
static int range_truth(Value self) { return R(self)->len != 0; }

static inline int64_t range_at(RangeObj *r, int64_t i) { return r->start + i * r->step; }

static Value range_getitem(Value self, Value key)
{
    RangeObj *r = R(self);
    if (IS_TYPE(key, &slice_type)) {
        int64_t start, stop, step, n;
        if (!slice_indices(key, r->len, &start, &stop, &step, &n)) return V_ERR;
        int64_t ns = r->step * step, b = range_at(r, start);
        return range_new(b, b + n * ns, ns);
    }
    int64_t i;
    if (IS_FLOAT(key) || !num_index(key, &i)) {
        if (IS_OBJ(key)) rt_exc_clear();
        return rt_raise(&exc_TypeError, "range indices must be integers or slices, not %s",
                        v_typename(key));
    }
    if (!seq_index(&i, r->len)) return rt_raise(&exc_IndexError, "range object index out of range");
    return v_int(range_at(r, i));
}

static bool range_has_int(RangeObj *r, int64_t x)
{
    if (r->len == 0) return false;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
    return ((__int128)x - r->start) % r->step == 0;
}

static int range_contains(Value self, Value item)
{
    RangeObj *r = R(self);
    if (IS_INT(item) || IS_BOOL(item)) return range_has_int(r, IS_INT(item) ? item.i : item.b);
    if (IS_FLOAT(item)) {
        double d = item.f;
        if (!isfinite(d) || d != floor(d) || fabs(d) > 9e18) return 0;
        return range_has_int(r, (int64_t)d);
    }
    for (int64_t i = 0; i < r->len; i++) {
        int e = v_eq(v_int(range_at(r, i)), item);
        if (e) return e;
    }
    return 0;
}

/* Equal when they produce the same sequence: range(0) == range(2, 2). */
static Value range_compare(CmpOp op, Value a, Value b)
{
    if (!IS_TYPE(a, &range_type) || !IS_TYPE(b, &range_type) || (op != CMP_EQ && op != CMP_NE))
        return rt_notimpl();
    RangeObj *x = R(a), *y = R(b);
    bool eq = x->len == y->len &&
              (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
    return v_bool(op == CMP_EQ ? eq : !eq);
}

static bool range_hash(Value self, int64_t *out)
{
    RangeObj *r = R(self);
    Value items[3] = {v_int(r->len), r->len ? v_int(r->start) : V_NONE,
                      r->len > 1 ? v_int(r->step) : V_NONE};
    bool ok;
    *out = tuple_hash_items(items, 3, &ok);
    return ok;
}

static Value range_getattr(Value self, Obj *name)
{
    RangeObj *r = R(self);
    const char *n = ((Str *)name)->data;
    if (!strcmp(n, "start")) return v_int(r->start);
    if (!strcmp(n, "stop")) return v_int(r->stop);
    if (!strcmp(n, "step")) return v_int(r->step);
    return V_UNBOUND;
}

/* ---- iteration ---- */

typedef struct RangeIter { Obj hdr; int64_t next, step, left; } RangeIter;

static Value range_iter_make(int64_t first, int64_t step, int64_t n)
{
    RangeIter *it = obj_alloc(&range_iter_type, sizeof *it);
    if (!it) return V_ERR;
    it->next = first;
    it->step = step;
    it->left = n;
    return v_obj(it);
}

static Value range_iter(Value self)
{
    RangeObj *r = R(self);
    return range_iter_make(r->start, r->step, r->len);
}

/* reversed(range(...)) */
Value range_reversed(Value self)
{
    RangeObj *r = R(self);
    return range_iter_make(r->len ? range_at(r, r->len - 1) : 0, -r->step, r->len);
}

static Value range_iter_next(Value self)
{
    RangeIter *it = (RangeIter *)self.o;
    if (it->left <= 0) return V_UNBOUND;
    it->left--;
    int64_t v = it->next;
    it->next = (int64_t)((uint64_t)it->next + (uint64_t)it->step);
    return v_int(v);
}

static Value iter_self(Value self) { return v_incref(self); }

/* ---- methods ---- */

static Value m_index(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_one("range.index", nargs - 1)) return V_ERR;
    RangeObj *r = R(args[0]);
    int c = range_contains(args[0], args[1]);
    if (c < 0) return V_ERR;
    if (!c) {
        Value rep = v_repr(args[1]);
        if (IS_ERR(rep)) return rep;
        rt_raise(&exc_ValueError, "%s is not in range", str_cstr(rep));
        v_decref(rep);
        return V_ERR;
    }
    int64_t x;
    if (IS_FLOAT(args[1])) x = (int64_t)args[1].f;
    else if (!num_index(args[1], &x)) return V_ERR;
    return v_int((x - r->start) / r->step);
}

static Value m_count(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_one("range.count", nargs - 1)) return V_ERR;
    int c = range_contains(args[0], args[1]);
    return c < 0 ? V_ERR : v_int(c);
}

static const MethodDef range_methods[] = {
    {"index", m_index, "index(value)\n\nReturn index of value.\nRaise ValueError if the value is not present.", 0},
    {"count", m_count, "count(value)\n\nReturn number of occurrences of value.", 0},
    {NULL, NULL, NULL, 0},
};

void range_init_type(void) { type_add_methods(&range_type, range_methods); }

Type range_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "range", .base = &object_type,
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
           "Return an object that produces a sequence of integers from start (inclusive)\n"
           "to stop (exclusive) by step.",
    .basicsize = sizeof(RangeObj), .new = range_new_slot, .repr = range_repr,
    .hash = range_hash, .compare = range_compare, .truth = range_truth, .len = range_len,
    .iter = range_iter, .getitem = range_getitem, .contains = range_contains,
    .getattr = range_getattr,
};

Type range_iter_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "range_iterator", .base = &object_type,
    .basicsize = sizeof(RangeIter), .iter = iter_self, .next = range_iter_next,
};
