/* set.c — the set type.
 *
 * The table mirrors CPython's layout choices (minimum size 8, a run of
 * linear probes before perturbed jumps, growth when 3/5 full to 4x the
 * live count, pop scanning from a finger) because that is what makes a set
 * of small ints print in CPython's order: {3, 1, 2} shows as {1, 2, 3}.
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"

#define IMMORTAL ((int64_t)1 << 60)
#define MIN_SIZE 8
#define LINEAR_PROBES 9
#define IS_DUMMY(v) ((v).tag == VT_ERR)

typedef struct SetEntry { int64_t hash; Value key; } SetEntry;
typedef struct SetObj {
    Obj hdr;
    int64_t fill, used, mask, finger;
    SetEntry *table;
} SetObj;

static inline SetObj *SO(Value v) { return (SetObj *)v.o; }

static bool item_hash(Value k, int64_t *h)
{
    if (IS_INT(k)) { *h = num_hash_int(k.i); return true; }
    if (IS_TYPE(k, &str_type)) {
        Str *s = (Str *)k.o;
        if (s->hash == -1) s->hash = str_hash_bytes(s->data, s->len);
        *h = s->hash;
        return true;
    }
    return v_hash(k, h);
}

static int items_equal(Value a, Value b)
{
    if (a.tag == b.tag) {
        if (a.tag == VT_INT) return a.i == b.i;
        if (a.tag == VT_OBJ && a.o == b.o) return 1;
        if (IS_TYPE(a, &str_type) && IS_TYPE(b, &str_type)) return str_eq(a, b);
    }
    return v_eq(a, b);
}

Value set_new(void)
{
    SetObj *s = obj_alloc(&set_type, sizeof *s);
    if (!s) return V_ERR;
    s->table = calloc(MIN_SIZE, sizeof(SetEntry));
    if (!s->table) {
        free(s);
        return rt_nomem();
    }
    for (int i = 0; i < MIN_SIZE; i++) s->table[i].key = V_UNBOUND;
    s->fill = s->used = s->finger = 0;
    s->mask = MIN_SIZE - 1;
    return v_obj(s);
}

/* Places an entry known to be absent into a table without dummies. */
static void insert_clean(SetEntry *table, int64_t mask, int64_t hash, Value key)
{
    uint64_t perturb = (uint64_t)hash;
    int64_t i = hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (IS_UNBOUND(e->key)) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (IS_UNBOUND(e->key)) goto found;
            }
        }
        perturb >>= 5;
        i = (int64_t)((uint64_t)i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->hash = hash;
        e->key = key;
        return;
    }
}

static bool set_resize(SetObj *s, int64_t minused)
{
    int64_t size = MIN_SIZE;
    while (size <= minused) size <<= 1;
    SetEntry *nt = malloc((size_t)size * sizeof *nt);
    if (!nt) {
        rt_nomem();
        return false;
    }
    for (int64_t i = 0; i < size; i++) nt[i].key = V_UNBOUND;
    for (int64_t i = 0; i <= s->mask; i++) {
        SetEntry *e = &s->table[i];
        if (!IS_UNBOUND(e->key) && !IS_DUMMY(e->key)) insert_clean(nt, size - 1, e->hash, e->key);
    }
    free(s->table);
    s->table = nt;
    s->mask = size - 1;
    s->fill = s->used;
    return true;
}

/* Finds key: its entry, or NULL (absent) with *err set on failure. */
static SetEntry *set_find(SetObj *s, Value key, int64_t hash, int *err)
{
    *err = 0;
    uint64_t perturb = (uint64_t)hash;
    int64_t i = hash & s->mask;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= s->mask) ? LINEAR_PROBES : 0;
        for (int j = 0; j <= probes; j++, e++) {
            if (IS_UNBOUND(e->key)) return NULL;
            if (!IS_DUMMY(e->key) && e->hash == hash) {
                int eq = items_equal(e->key, key);
                if (eq < 0) {
                    *err = 1;
                    return NULL;
                }
                if (eq) return e;
            }
        }
        perturb >>= 5;
        i = (int64_t)((uint64_t)i * 5 + 1 + perturb) & s->mask;
    }
}

static int set_add_hashed(SetObj *s, Value key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    int64_t i = hash & s->mask;
    SetEntry *freeslot = NULL;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= s->mask) ? LINEAR_PROBES : 0;
        for (int j = 0; j <= probes; j++, e++) {
            if (IS_UNBOUND(e->key)) {
                if (freeslot) {
                    freeslot->key = v_incref(key);
                    freeslot->hash = hash;
                    s->used++;
                    return 0;
                }
                e->key = v_incref(key);
                e->hash = hash;
                s->fill++;
                s->used++;
                if (s->fill * 5 < s->mask * 3) return 0;
                return set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4) ? 0 : -1;
            }
            if (IS_DUMMY(e->key)) {
                if (!freeslot) freeslot = e;
                continue;
            }
            if (e->hash == hash) {
                int eq = items_equal(e->key, key);
                if (eq < 0) return -1;
                if (eq) return 0;
            }
        }
        perturb >>= 5;
        i = (int64_t)((uint64_t)i * 5 + 1 + perturb) & s->mask;
    }
}

int set_add(Value s, Value item)
{
    int64_t h;
    if (!item_hash(item, &h)) return -1;
    return set_add_hashed(SO(s), item, h);
}

int set_contains(Value s, Value item)
{
    int64_t h;
    if (!item_hash(item, &h)) {
        /* `[] in set` raises like CPython: unhashable type */
        return -1;
    }
    int err;
    SetEntry *e = set_find(SO(s), item, h, &err);
    return err ? -1 : e != NULL;
}

int set_discard(Value sv, Value item)
{
    int64_t h;
    if (!item_hash(item, &h)) return -1;
    int err;
    SetObj *s = SO(sv);
    SetEntry *e = set_find(s, item, h, &err);
    if (err) return -1;
    if (!e) return 0;
    Value old = e->key;
    e->key = V_ERR;   /* dummy */
    e->hash = -1;
    s->used--;
    v_decref(old);
    return 1;
}

int64_t set_len(Value s) { return SO(s)->used; }

bool set_next(Value sv, int64_t *pos, Value *item)
{
    SetObj *s = SO(sv);
    while (*pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (!IS_UNBOUND(e->key) && !IS_DUMMY(e->key)) {
            *item = e->key;
            return true;
        }
    }
    return false;
}

/* Adds every element of another set, pre-sizing like CPython and copying
 * the table verbatim when the target is fresh and the same size. */
static int set_merge(SetObj *s, SetObj *o)
{
    if (o->used == 0) return 0;
    if ((s->fill + o->used) * 5 >= s->mask * 3 && !set_resize(s, (s->used + o->used) * 2))
        return -1;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        for (int64_t i = 0; i <= o->mask; i++) {
            s->table[i] = o->table[i];
            v_incref(s->table[i].key);
        }
        s->fill = s->used = o->used;
        return 0;
    }
    for (int64_t i = 0; i <= o->mask; i++) {
        SetEntry *e = &o->table[i];
        if (IS_UNBOUND(e->key) || IS_DUMMY(e->key)) continue;
        if (set_add_hashed(s, e->key, e->hash) < 0) return -1;
    }
    return 0;
}

static int set_update_iter(Value s, Value iterable)
{
    if (IS_TYPE(iterable, &set_type)) return set_merge(SO(s), SO(iterable));
    if (IS_TYPE(iterable, &dict_type)) {
        int64_t n = dict_len(iterable);
        SetObj *so = SO(s);
        if ((so->fill + n) * 5 >= so->mask * 3 && !set_resize(so, (so->used + n) * 2)) return -1;
        Value k;
        for (int64_t pos = 0; dict_next(iterable, &pos, &k, NULL);)
            if (set_add(s, k) < 0) return -1;
        return 0;
    }
    Value *items, tmp;
    int64_t n;
    if (IS_TYPE(iterable, &list_type) || IS_TYPE(iterable, &tuple_type)) {
        if (!seq_items(iterable, &items, &n, &tmp)) return -1;
        for (int64_t i = 0; i < n; i++)
            if (set_add(s, items[i]) < 0) return -1;
        return 0;
    }
    return v_foreach(iterable, set_add, s);
}

Value set_from_iter(Value iterable)
{
    Value s = set_new();
    if (IS_ERR(s)) return s;
    if (set_update_iter(s, iterable) < 0) {
        v_decref(s);
        return V_ERR;
    }
    return s;
}

static Value set_copy(Value s) { return set_from_iter(s); }

/* ---- slots ---- */

static void set_dealloc(Obj *o)
{
    SetObj *s = (SetObj *)o;
    for (int64_t i = 0; i <= s->mask; i++)
        if (!IS_DUMMY(s->table[i].key)) v_decref(s->table[i].key);
    free(s->table);
    free(o);
}

static Value set_repr(Value self)
{
    SetObj *s = SO(self);
    if (s->used == 0) return str_from_cstr("set()");
    int g = repr_enter(self.o);
    if (g < 0) return V_ERR;
    if (g > 0) return str_from_cstr("set(...)");
    StrBuf b;
    bool ok = sb_init(&b, 2 + 4 * s->used) && sb_addc(&b, '{');
    bool first = true;
    Value x;
    for (int64_t pos = 0; ok && set_next(self, &pos, &x);) {
        if (!first) ok = sb_add(&b, ", ", 2);
        first = false;
        ok = ok && sb_addrepr(&b, x);
    }
    ok = ok && sb_addc(&b, '}');
    repr_leave(self.o);
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

static bool set_hash(Value self, int64_t *out)
{
    (void)self;
    (void)out;
    rt_raise(&exc_TypeError, "unhashable type: 'set'");
    return false;
}

static int64_t set_len_slot(Value self) { return SO(self)->used; }
static int set_truth(Value self) { return SO(self)->used != 0; }
static int set_contains_slot(Value self, Value item) { return set_contains(self, item); }

/* a is a subset of b: -1 on error. */
static int is_subset(Value a, Value b)
{
    if (SO(a)->used > SO(b)->used) return 0;
    Value x;
    for (int64_t pos = 0; set_next(a, &pos, &x);) {
        int c = set_contains(b, x);
        if (c <= 0) return c;
    }
    return 1;
}

static Value set_compare(CmpOp op, Value a, Value b)
{
    if (!IS_TYPE(a, &set_type) || !IS_TYPE(b, &set_type)) return rt_notimpl();
    int64_t na = SO(a)->used, nb = SO(b)->used;
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        r = na == nb ? is_subset(a, b) : 0;
        if (r < 0) return V_ERR;
        return v_bool(op == CMP_EQ ? r : !r);
    case CMP_LE: r = is_subset(a, b); break;
    case CMP_LT: r = na < nb ? is_subset(a, b) : 0; break;
    case CMP_GE: r = is_subset(b, a); break;
    default: r = na > nb ? is_subset(b, a) : 0; break;
    }
    return r < 0 ? V_ERR : v_bool(r);
}

/* ---- the algebra ---- */

static Value set_intersection2(Value a, Value b)
{
    Value r = set_new();
    if (IS_ERR(r)) return r;
    if (IS_TYPE(b, &set_type) && SO(b)->used < SO(a)->used) {
        Value t = a;
        a = b;
        b = t;
    }
    Value src = IS_TYPE(a, &set_type) ? v_incref(a) : set_from_iter(a);
    if (IS_ERR(src)) goto fail;
    Value x;
    for (int64_t pos = 0; set_next(src, &pos, &x);) {
        int c = IS_TYPE(b, &set_type) ? set_contains(b, x) : v_contains(b, x);
        if (c < 0 || (c && set_add(r, x) < 0)) {
            v_decref(src);
            goto fail;
        }
    }
    v_decref(src);
    return r;
fail:
    v_decref(r);
    return V_ERR;
}

static Value set_difference2(Value a, Value b)
{
    Value r = set_new();
    if (IS_ERR(r)) return r;
    Value other = IS_TYPE(b, &set_type) ? v_incref(b) : set_from_iter(b);
    if (IS_ERR(other)) {
        v_decref(r);
        return other;
    }
    Value x;
    for (int64_t pos = 0; set_next(a, &pos, &x);) {
        int c = set_contains(other, x);
        if (c < 0 || (!c && set_add(r, x) < 0)) {
            v_decref(other);
            v_decref(r);
            return V_ERR;
        }
    }
    v_decref(other);
    return r;
}

static Value set_symdiff2(Value a, Value b)
{
    Value r = set_copy(a);
    if (IS_ERR(r)) return r;
    Value other = IS_TYPE(b, &set_type) ? v_incref(b) : set_from_iter(b);
    if (IS_ERR(other)) {
        v_decref(r);
        return other;
    }
    Value x;
    for (int64_t pos = 0; set_next(other, &pos, &x);) {
        int d = set_discard(r, x);
        if (d < 0 || (d == 0 && set_add(r, x) < 0)) {
            v_decref(other);
            v_decref(r);
            return V_ERR;
        }
    }
    v_decref(other);
    return r;
}

static Value set_union2(Value a, Value b)
{
    Value r = set_copy(a);
    if (IS_ERR(r) || set_update_iter(r, b) < 0) {
        v_decref(r);
        return V_ERR;
    }
    return r;
}

static Value set_binop(BinOp op, Value a, Value b)
{
    if (!IS_TYPE(a, &set_type) || !IS_TYPE(b, &set_type)) return rt_notimpl();
    switch (op) {
    case OP_AND: return set_intersection2(a, b);
    case OP_OR: return set_union2(a, b);
    case OP_SUB: return set_difference2(a, b);
    case OP_XOR: return set_symdiff2(a, b);
    default: return rt_notimpl();
    }
}

/* Replaces a's contents with r's (steals r). */
static Value set_assign(Value a, Value r)
{
    if (IS_ERR(r)) return r;
    SetObj *x = SO(a), *y = SO(r);
    SetEntry *t = x->table;
    int64_t m = x->mask;
    x->table = y->table;
    x->mask = y->mask;
    x->fill = y->fill;
    x->used = y->used;
    y->table = t;
    y->mask = m;
    v_decref(r);
    return v_incref(a);
}

static Value set_inplace(BinOp op, Value a, Value b)
{
    if (!IS_TYPE(a, &set_type) || !IS_TYPE(b, &set_type)) return rt_notimpl();
    if (op == OP_OR) {
        if (set_update_iter(a, b) < 0) return V_ERR;
        return v_incref(a);
    }
    if (op == OP_AND || op == OP_SUB || op == OP_XOR) return set_assign(a, set_binop(op, a, b));
    return rt_notimpl();
}

/* ---- iteration ---- */

typedef struct SetIter { Obj hdr; Value s; int64_t pos, used; } SetIter;

static Value set_iter(Value self)
{
    SetIter *it = obj_alloc(&set_iter_type, sizeof *it);
    if (!it) return V_ERR;
    it->s = v_incref(self);
    it->pos = 0;
    it->used = SO(self)->used;
    return v_obj(it);
}

static Value set_iter_next(Value self)
{
    SetIter *it = (SetIter *)self.o;
    if (SO(it->s)->used != it->used) {
        it->used = -1;
        return rt_raise(&exc_RuntimeError, "Set changed size during iteration");
    }
    Value x;
    if (!set_next(it->s, &it->pos, &x)) return V_UNBOUND;
    return v_incref(x);
}

static void set_iter_dealloc(Obj *o)
{
    v_decref(((SetIter *)o)->s);
    free(o);
}

static Value iter_self(Value self) { return v_incref(self); }

/* ---- methods ---- */

#define SELF_SET(name)                                                        \
    if (nargs < 1 || !IS_TYPE(args[0], &set_type))                            \
        return rt_raise(&exc_TypeError, "descriptor '" name "' requires a 'set' object"); \
    if (!args_nokw(name, kw)) return V_ERR;

static Value m_add(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("add");
    if (!args_one("set.add", nargs - 1)) return V_ERR;
    return set_add(args[0], args[1]) < 0 ? V_ERR : V_NONE;
}

static Value m_remove(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("remove");
    if (!args_one("set.remove", nargs - 1)) return V_ERR;
    int r = set_discard(args[0], args[1]);
    if (r < 0) return V_ERR;
    return r ? V_NONE : rt_raise_keyerror(args[1]);
}

static Value m_discard(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("discard");
    if (!args_one("set.discard", nargs - 1)) return V_ERR;
    return set_discard(args[0], args[1]) < 0 ? V_ERR : V_NONE;
}

static Value m_pop(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("pop");
    if (!args_count("pop", nargs - 1, 0, 0)) return V_ERR;
    SetObj *s = SO(args[0]);
    if (s->used == 0) return rt_raise_keyerror(v_obj(str_intern("pop from an empty set")));
    int64_t i = s->finger & s->mask;
    while (IS_UNBOUND(s->table[i].key) || IS_DUMMY(s->table[i].key)) i = (i + 1) & s->mask;
    Value k = s->table[i].key;
    s->table[i].key = V_ERR;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return k;
}

static Value m_clear(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("clear");
    Value fresh = set_new();
    if (IS_ERR(fresh)) return fresh;
    Value r = set_assign(args[0], fresh);
    v_decref(r);
    return IS_ERR(r) ? r : V_NONE;
}

static Value m_copy(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("copy");
    return set_copy(args[0]);
}

static Value m_update(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("update");
    for (int i = 1; i < nargs; i++)
        if (set_update_iter(args[0], args[i]) < 0) return V_ERR;
    return V_NONE;
}

/* union/intersection/difference take any number of iterables. */
static Value fold(Value *args, int nargs, Value (*op)(Value, Value))
{
    Value acc = set_copy(args[0]);
    for (int i = 1; i < nargs && !IS_ERR(acc); i++) {
        Value n = op(acc, args[i]);
        v_decref(acc);
        acc = n;
    }
    return acc;
}

static Value m_union(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("union");
    return fold(args, nargs, set_union2);
}

static Value m_intersection(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("intersection");
    return fold(args, nargs, set_intersection2);
}

static Value m_difference(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("difference");
    return fold(args, nargs, set_difference2);
}

static Value m_symmetric_difference(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("symmetric_difference");
    if (!args_one("set.symmetric_difference", nargs - 1)) return V_ERR;
    return set_symdiff2(args[0], args[1]);
}

static Value update_with(Value *args, int nargs, Value (*op)(Value, Value))
{
    Value r = fold(args, nargs, op);
    Value a = set_assign(args[0], r);
    if (IS_ERR(a)) return a;
    v_decref(a);
    return V_NONE;
}

static Value m_intersection_update(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("intersection_update");
    return update_with(args, nargs, set_intersection2);
}

static Value m_difference_update(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("difference_update");
    return update_with(args, nargs, set_difference2);
}

static Value m_symmetric_difference_update(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("symmetric_difference_update");
    if (!args_one("set.symmetric_difference_update", nargs - 1)) return V_ERR;
    return update_with(args, nargs, set_symdiff2);
}

static Value subset_test(Value *args, bool super)
{
    Value other = IS_TYPE(args[1], &set_type) ? v_incref(args[1]) : set_from_iter(args[1]);
    if (IS_ERR(other)) return other;
    int r = super ? is_subset(other, args[0]) : is_subset(args[0], other);
    v_decref(other);
    return r < 0 ? V_ERR : v_bool(r);
}

static Value m_issubset(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("issubset");
    if (!args_one("set.issubset", nargs - 1)) return V_ERR;
    return subset_test(args, false);
}

static Value m_issuperset(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("issuperset");
    if (!args_one("set.issuperset", nargs - 1)) return V_ERR;
    return subset_test(args, true);
}

static Value m_isdisjoint(Value *args, int nargs, KwArgs *kw)
{
    SELF_SET("isdisjoint");
    if (!args_one("set.isdisjoint", nargs - 1)) return V_ERR;
    Value i = set_intersection2(args[0], args[1]);
    if (IS_ERR(i)) return i;
    bool r = SO(i)->used == 0;
    v_decref(i);
    return v_bool(r);
}

static const MethodDef set_methods[] = {
    {"add", m_add, "add(elem)\n\nAdd an element to a set.", 0},
    {"remove", m_remove, "remove(elem)\n\nRemove an element from a set; it must be a member.\nIf the element is not a member, raise a KeyError.", 0},
    {"discard", m_discard, "discard(elem)\n\nRemove an element from a set if it is a member.", 0},
    {"pop", m_pop, "pop()\n\nRemove and return an arbitrary set element.\nRaises KeyError if the set is empty.", 0},
    {"clear", m_clear, "clear()\n\nRemove all elements from this set.", 0},
    {"copy", m_copy, "copy()\n\nReturn a shallow copy of a set.", 0},
    {"update", m_update, "update(*others)\n\nUpdate a set with the union of itself and others.", 0},
    {"union", m_union, "union(*others)\n\nReturn the union of sets as a new set.", 0},
    {"intersection", m_intersection, "intersection(*others)\n\nReturn the intersection of two or more sets as a new set.", 0},
    {"difference", m_difference, "difference(*others)\n\nReturn the difference of two or more sets as a new set.", 0},
    {"symmetric_difference", m_symmetric_difference, "symmetric_difference(other)\n\nReturn the symmetric difference of two sets as a new set.", 0},
    {"intersection_update", m_intersection_update, "intersection_update(*others)\n\nUpdate a set with the intersection of itself and another.", 0},
    {"difference_update", m_difference_update, "difference_update(*others)\n\nRemove all elements of another set from this set.", 0},
    {"symmetric_difference_update", m_symmetric_difference_update, "symmetric_difference_update(other)\n\nUpdate a set with the symmetric difference of itself and another.", 0},
    {"issubset", m_issubset, "issubset(other)\n\nReport whether another set contains this set.", 0},
    {"issuperset", m_issuperset, "issuperset(other)\n\nReport whether this set contains another set.", 0},
    {"isdisjoint", m_isdisjoint, "isdisjoint(other)\n\nReturn True if two sets have a null intersection.", 0},
    {NULL, NULL, NULL, 0},
};

static Value set_new_slot(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    if (kw && kw->n) return rt_raise(&exc_TypeError, "set() takes no keyword arguments");
    if (nargs > 1) return rt_raise(&exc_TypeError, "set expected at most 1 argument, got %d", nargs);
    return nargs ? set_from_iter(args[0]) : set_new();
}

void set_init_type(void) { type_add_methods(&set_type, set_methods); }

Type set_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "set", .base = &object_type,
    .doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.",
    .basicsize = sizeof(SetObj), .new = set_new_slot, .dealloc = set_dealloc, .repr = set_repr,
    .hash = set_hash, .compare = set_compare, .truth = set_truth, .len = set_len_slot,
    .binop = set_binop, .inplace = set_inplace, .iter = set_iter, .contains = set_contains_slot,
};

Type set_iter_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "set_iterator", .base = &object_type,
    .basicsize = sizeof(SetIter), .dealloc = set_iter_dealloc, .iter = iter_self,
    .next = set_iter_next,
};
