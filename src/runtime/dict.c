/* dict.c — the dict type: an insertion-ordered hash map.
 *
 * Layout (as in CPython 3.6+): a dense array of entries in insertion order
 * and a sparse power-of-two index table of entry positions, probed with a
 * perturbed sequence.  Deleted entries leave a hole (key UNBOUND) that the
 * next resize compacts, so iteration order is insertion order.  Keys that
 * are identical objects, interned strs, or equal ints compare without
 * calling into the generic equality.
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "dict_impl.h"
#include "vm_internal.h"   /* class_call_method, for __missing__ */

#define IMMORTAL ((int64_t)1 << 60)
#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define MIN_SIZE 8

/* The last keys version handed out (dict_impl.h); 64 bits never wrap. */
static uint64_t last_kver;

/* The keys moved, appeared or went: caches keyed on the old version die. */
static inline void keys_changed(Dict *d) { d->kver = ++last_kver; }

static inline Dict *D(Value v) { return (Dict *)v.o; }

/* ---- hashing and key equality ---- */

static bool key_hash(Value k, int64_t *h)
{
    if (IS_TYPE(k, &str_type)) {
        Str *s = (Str *)k.o;
        if (s->hash == -1) s->hash = str_hash_bytes(s->data, s->len);
        *h = s->hash;
        return true;
    }
    if (IS_INT(k)) {
        *h = num_hash_int(k.i);
        return true;
    }
    return v_hash(k, h);
}

/* 1 equal, 0 not, -1 error.  Hashes already matched. */
static int keys_equal(Value a, Value b)
{
    if (a.tag == b.tag) {
        switch (a.tag) {
        case VT_INT: return a.i == b.i;
        case VT_NONE: return 1;
        case VT_BOOL: return a.b == b.b;
        case VT_FLOAT: return a.f == b.f;
        default: break;
        }
        if (a.o == b.o) return 1;
        if (a.o->type == &str_type && b.o->type == &str_type) return str_eq(a, b);
    }
    if ((IS_TYPE(a, &str_type) && !IS_OBJ(b)) || (IS_TYPE(b, &str_type) && !IS_OBJ(a)))
        return 0;
    return v_eq(a, b);
}

/* ---- the index table ---- */

static bool dict_alloc_tables(Dict *d, int64_t size)
{
    int64_t *ix = malloc((size_t)size * sizeof *ix);
    int64_t ecap = size * 2 / 3;
    Entry *en = malloc((size_t)ecap * sizeof *en);
    if (!ix || !en) {
        free(ix);
        free(en);
        rt_nomem();
        return false;
    }
    memset(ix, 0xFF, (size_t)size * sizeof *ix);  /* all IX_EMPTY */
    d->index = ix;
    d->entries = en;
    d->mask = size - 1;
    d->ecap = ecap;
    keys_changed(d);
    return true;
}

static void index_insert(Dict *d, int64_t hash, int64_t pos)
{
    uint64_t perturb = (uint64_t)hash;
    int64_t i = hash & d->mask;
    while (d->index[i] != IX_EMPTY) {
        perturb >>= 5;
        i = (int64_t)((uint64_t)i * 5 + perturb + 1) & d->mask;
    }
    d->index[i] = pos;
}

/* Rebuilds the tables for at least `want` live entries, compacting holes. */
static bool dict_resize(Dict *d, int64_t want)
{
    int64_t size = MIN_SIZE;
    while (size * 2 / 3 < want) size <<= 1;
    int64_t *oix = d->index;
    Entry *oen = d->entries;
    int64_t on = d->nentries;
    if (!dict_alloc_tables(d, size)) {
        d->index = oix;
        d->entries = oen;
        return false;
    }
    int64_t k = 0;
    for (int64_t i = 0; i < on; i++) {
        if (IS_UNBOUND(oen[i].key)) continue;
        d->entries[k] = oen[i];
        index_insert(d, oen[i].hash, k);
        k++;
    }
    d->nentries = k;
    free(oix);
    free(oen);
    return true;
}

/* Finds key: returns its entry position or -1 (absent) / -2 (error); *slot
 * receives the index slot holding it. */
static int64_t lookup(Dict *d, Value key, int64_t hash, int64_t *slot)
{
    if (!d->index) return -1;
    uint64_t perturb = (uint64_t)hash;
    int64_t i = hash & d->mask;
    for (;;) {
        int64_t ix = d->index[i];
        if (ix == IX_EMPTY) return -1;
        if (ix >= 0) {
            Entry *e = &d->entries[ix];
            if (e->hash == hash) {
                int eq = keys_equal(key, e->key);
                if (eq < 0) return -2;
                if (eq) {
                    if (slot) *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= 5;
        i = (int64_t)((uint64_t)i * 5 + perturb + 1) & d->mask;
    }
}

/* ---- the C API of value.h ---- */

/* An empty table in freshly allocated d. */
static void dict_init_empty(Dict *d)
{
    d->used = d->nentries = d->ecap = 0;
    d->mask = -1;
    d->index = NULL;
    d->entries = NULL;
    keys_changed(d);
}

Value dict_new(void)
{
    Dict *d = obj_alloc(&dict_type, sizeof *d);
    if (!d) return V_ERR;
    dict_init_empty(d);
    return v_obj(d);
}

int64_t dict_find_index(Value dv, Value key)
{
    int64_t h;
    if (!key_hash(key, &h)) return -2;
    return lookup(D(dv), key, h, NULL);
}

Value dict_get_hashed(Value dv, Value key, int64_t hash)
{
    Dict *d = D(dv);
    int64_t ix = lookup(d, key, hash, NULL);
    if (ix == -2) return V_ERR;
    return ix < 0 ? V_UNBOUND : d->entries[ix].val;
}

Value dict_get(Value d, Value key)
{
    int64_t h;
    if (!key_hash(key, &h)) return V_ERR;
    return dict_get_hashed(d, key, h);
}

/* Looks a C string up without making a Str: str keys compare by bytes. */
Value dict_get_cstr(Value dv, const char *key)
{
    Dict *d = D(dv);
    if (!d->index) return V_UNBOUND;
    int64_t n = (int64_t)strlen(key), hash = str_hash_bytes(key, n);
    uint64_t perturb = (uint64_t)hash;
    int64_t i = hash & d->mask;
    for (;;) {
        int64_t ix = d->index[i];
        if (ix == IX_EMPTY) return V_UNBOUND;
        if (ix >= 0) {
            Entry *e = &d->entries[ix];
            if (e->hash == hash && IS_TYPE(e->key, &str_type)) {
                Str *s = (Str *)e->key.o;
                if (s->len == n && !memcmp(s->data, key, (size_t)n)) return e->val;
            }
        }
        perturb >>= 5;
        i = (int64_t)((uint64_t)i * 5 + perturb + 1) & d->mask;
    }
}

static int dict_set_hashed(Dict *d, Value key, int64_t hash, Value val)
{
    int64_t ix = lookup(d, key, hash, NULL);
    if (ix == -2) return -1;
    if (ix >= 0) {
        Value old = d->entries[ix].val;
        d->entries[ix].val = v_incref(val);
        v_decref(old);
        return 0;
    }
    if (d->nentries >= d->ecap && !dict_resize(d, d->used < 5 ? 5 : d->used * 3 / 2 + 1))
        return -1;
    Entry *e = &d->entries[d->nentries];
    e->hash = hash;
    e->key = v_incref(key);
    e->val = v_incref(val);
    index_insert(d, hash, d->nentries);
    d->nentries++;
    d->used++;
    keys_changed(d);
    return 0;
}

int dict_set(Value d, Value key, Value val)
{
    int64_t h;
    if (!key_hash(key, &h)) return -1;
    return dict_set_hashed(D(d), key, h, val);
}

int dict_set_cstr(Value d, const char *key, Value val)
{
    Obj *k = str_intern(key);
    if (!k) return -1;
    return dict_set(d, v_obj(k), val);
}

static void remove_at(Dict *d, int64_t slot, int64_t ix)
{
    Entry *e = &d->entries[ix];
    Value k = e->key, v = e->val;
    d->index[slot] = IX_DUMMY;
    e->key = e->val = V_UNBOUND;
    d->used--;
    keys_changed(d);
    v_decref(k);
    v_decref(v);
}

int dict_del(Value dv, Value key)
{
    Dict *d = D(dv);
    int64_t h, slot;
    if (!key_hash(key, &h)) return -1;
    int64_t ix = lookup(d, key, h, &slot);
    if (ix == -2) return -1;
    if (ix < 0) {
        rt_raise_keyerror(key);
        return -1;
    }
    remove_at(d, slot, ix);
    return 0;
}

int64_t dict_len(Value d) { return D(d)->used; }

bool dict_next(Value dv, int64_t *pos, Value *key, Value *val)
{
    Dict *d = D(dv);
    while (*pos < d->nentries) {
        Entry *e = &d->entries[(*pos)++];
        if (IS_UNBOUND(e->key)) continue;
        if (key) *key = e->key;
        if (val) *val = e->val;
        return true;
    }
    return false;
}

bool dict_contains(Value d, Value key, int *err)
{
    Value v = dict_get(d, key);
    *err = IS_ERR(v);
    return !IS_ERR(v) && !IS_UNBOUND(v);
}

void dict_clear(Value dv)
{
    Dict *d = D(dv);
    Entry *en = d->entries;
    int64_t n = d->nentries;
    free(d->index);
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->ecap = 0;
    d->mask = -1;
    keys_changed(d);
    for (int64_t i = 0; i < n; i++) {
        v_decref(en[i].key);
        v_decref(en[i].val);
    }
    free(en);
}

Value dict_copy(Value dv)
{
    Value r = dict_new();
    if (IS_ERR(r)) return r;
    Dict *d = D(dv), *c = D(r);
    if (d->used == 0) return r;
    if (!dict_resize(c, d->used)) {
        v_decref(r);
        return V_ERR;
    }
    for (int64_t i = 0; i < d->nentries; i++) {
        Entry *e = &d->entries[i];
        if (IS_UNBOUND(e->key)) continue;
        c->entries[c->nentries] = (Entry){e->hash, v_incref(e->key), v_incref(e->val)};
        index_insert(c, e->hash, c->nentries++);
    }
    c->used = c->nentries;
    return r;
}

Value dict_keys_list(Value dv)
{
    Dict *d = D(dv);
    Value r = list_new(d->used);
    if (IS_ERR(r)) return r;
    List *l = (List *)r.o;
    int64_t k = 0;
    for (int64_t i = 0; i < d->nentries; i++)
        if (!IS_UNBOUND(d->entries[i].key)) l->items[k++] = v_incref(d->entries[i].key);
    return r;
}

/* update from a dict, or from an iterable of key/value pairs with
 * CPython's messages for malformed elements. */
static int update_from_pairs(Value d, Value seq)
{
    Value it = v_iter(seq);
    if (IS_ERR(it)) return -1;
    int64_t n = 0;
    for (;; n++) {
        Value x = v_next(it);
        if (IS_UNBOUND(x)) break;
        if (IS_ERR(x)) goto fail;
        Value *kv, tmp;
        int64_t len;
        if (!seq_items(x, &kv, &len, &tmp)) {
            v_decref(x);
            if (rt_exc_matches(&exc_TypeError)) {
                rt_exc_clear();
                rt_raise(&exc_TypeError,
                         "cannot convert dictionary update sequence element #%lld to a sequence",
                         (long long)n);
            }
            goto fail;
        }
        int rc = 0;
        if (len != 2) {
            rt_raise(&exc_ValueError,
                     "dictionary update sequence element #%lld has length %lld; 2 is required",
                     (long long)n, (long long)len);
            rc = -1;
        } else {
            rc = dict_set(d, kv[0], kv[1]);
        }
        v_decref(tmp);
        v_decref(x);
        if (rc < 0) goto fail;
    }
    v_decref(it);
    return 0;
fail:
    v_decref(it);
    return -1;
}

int dict_update(Value d, Value other)
{
    if (IS_TYPE(other, &dict_type) || (v_isinstance(other, &dict_type) && v_type(other)->iter == dict_type.iter)) {
        Dict *o = D(other);
        for (int64_t i = 0; i < o->nentries; i++) {
            Entry *e = &o->entries[i];
            if (IS_UNBOUND(e->key)) continue;
            if (dict_set_hashed(D(d), e->key, e->hash, e->val) < 0) return -1;
        }
        return 0;
    }
    /* a mapping with keys(): use it like CPython does */
    if (IS_OBJ(other) && !IS_TYPE(other, &list_type) && !IS_TYPE(other, &tuple_type)) {
        Value keys = v_getattr_cstr(other, "keys");
        if (IS_ERR(keys)) {
            if (!rt_exc_matches(&exc_AttributeError)) return -1;
            rt_exc_clear();
        } else {
            Value ks = v_call(keys, NULL, 0, NULL);
            v_decref(keys);
            if (IS_ERR(ks)) return -1;
            Value *items, tmp;
            int64_t n;
            bool ok = seq_items(ks, &items, &n, &tmp);
            for (int64_t i = 0; ok && i < n; i++) {
                Value v = v_getitem(other, items[i]);
                ok = !IS_ERR(v) && dict_set(d, items[i], v) == 0;
                v_decref(v);
            }
            v_decref(tmp);
            v_decref(ks);
            return ok ? 0 : -1;
        }
    }
    return update_from_pairs(d, other);
}

int dict_merge_kwargs(Value d, KwArgs *kw)
{
    for (int i = 0; kw && i < kw->n; i++)
        if (dict_set(d, v_obj(kw->names[i]), kw->vals[i]) < 0) return -1;
    return 0;
}

Value dict_pop(Value dv, Value key, Value dflt)
{
    Dict *d = D(dv);
    int64_t h, slot;
    if (!key_hash(key, &h)) return V_ERR;
    int64_t ix = lookup(d, key, h, &slot);
    if (ix == -2) return V_ERR;
    if (ix < 0) return IS_UNBOUND(dflt) ? rt_raise_keyerror(key) : v_incref(dflt);
    Value v = v_incref(d->entries[ix].val);
    remove_at(d, slot, ix);
    return v;
}

Value dict_setdefault(Value dv, Value key, Value dflt)
{
    int64_t h;
    if (!key_hash(key, &h)) return V_ERR;
    Value v = dict_get_hashed(dv, key, h);
    if (!IS_UNBOUND(v)) return v;
    if (dict_set_hashed(D(dv), key, h, dflt) < 0) return V_ERR;
    return dflt;
}

/* ---- type slots ---- */

static void dict_dealloc(Obj *o)
{
    Dict *d = (Dict *)o;
    for (int64_t i = 0; i < d->nentries; i++) {
        v_decref(d->entries[i].key);
        v_decref(d->entries[i].val);
    }
    free(d->entries);
    free(d->index);
    free(o);
}

static Value dict_repr(Value self)
{
    Dict *d = D(self);
    if (d->used == 0) return str_from_cstr("{}");
    int g = repr_enter(self.o);
    if (g < 0) return V_ERR;
    if (g > 0) return str_from_cstr("{...}");
    StrBuf b;
    bool ok = sb_init(&b, 2 + 8 * d->used) && sb_addc(&b, '{');
    bool first = true;
    for (int64_t i = 0; ok && i < d->nentries; i++) {
        Entry *e = &d->entries[i];
        if (IS_UNBOUND(e->key)) continue;
        if (!first) ok = sb_add(&b, ", ", 2);
        first = false;
        Value k = v_incref(e->key), v = v_incref(e->val);
        ok = ok && sb_addrepr(&b, k) && sb_add(&b, ": ", 2) && sb_addrepr(&b, v);
        v_decref(k);
        v_decref(v);
    }
    ok = ok && sb_addc(&b, '}');
    repr_leave(self.o);
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

/* A dict or an instance of a class deriving from dict. */
#define IS_DICT(v) (IS_TYPE(v, &dict_type) || v_isinstance(v, &dict_type))

static Value dict_compare(CmpOp op, Value a, Value b)
{
    if (!IS_DICT(a) || !IS_DICT(b) || (op != CMP_EQ && op != CMP_NE))
        return rt_notimpl();
    Dict *x = D(a);
    bool eq = x->used == D(b)->used;
    for (int64_t i = 0; eq && i < x->nentries; i++) {
        Entry *e = &x->entries[i];
        if (IS_UNBOUND(e->key)) continue;
        Value ov = dict_get_hashed(b, e->key, e->hash);
        if (IS_ERR(ov)) return ov;
        if (IS_UNBOUND(ov)) {
            eq = false;
            break;
        }
        Value mine = v_incref(e->val);
        v_incref(ov);
        int r = v_eq(mine, ov);
        v_decref(mine);
        v_decref(ov);
        if (r < 0) return V_ERR;
        eq = r;
    }
    return v_bool(op == CMP_EQ ? eq : !eq);
}

static bool dict_hash(Value self, int64_t *out)
{
    (void)out;
    (void)self;
    rt_raise(&exc_TypeError, "unhashable type: 'dict'");
    return false;
}

static int64_t dict_len_slot(Value self) { return D(self)->used; }
static int dict_truth(Value self) { return D(self)->used != 0; }

static Value dict_getitem(Value self, Value key)
{
    Value v = dict_get(self, key);
    if (IS_ERR(v)) return v;
    if (IS_UNBOUND(v) && v_type(self)->is_class) {
        bool found;   /* a subclass's __missing__(key) answers for an absent key */
        Value r = class_call_method(self, "__missing__", &key, 1, &found);
        if (found || IS_ERR(r)) return r;
    }
    if (IS_UNBOUND(v)) return rt_raise_keyerror(key);
    return v_incref(v);
}

static int dict_setitem(Value self, Value key, Value val)
{
    if (IS_UNBOUND(val)) return dict_del(self, key);
    return dict_set(self, key, val);
}

static int dict_contains_slot(Value self, Value key)
{
    Value v = dict_get(self, key);
    if (IS_ERR(v)) return -1;
    return !IS_UNBOUND(v);
}

/* d | other → merged copy; d |= other updates in place. */
static Value dict_binop(BinOp op, Value a, Value b)
{
    if (op != OP_OR || !IS_DICT(a) || !IS_DICT(b)) return rt_notimpl();
    Value r = dict_copy(a);
    if (IS_ERR(r) || dict_update(r, b) < 0) {
        v_decref(r);
        return V_ERR;
    }
    return r;
}

static Value dict_inplace(BinOp op, Value a, Value b)
{
    if (op != OP_OR || !IS_DICT(a)) return rt_notimpl();
    if (dict_update(a, b) < 0) return V_ERR;
    return v_incref(a);
}

/* ---- iterators over keys, values, items ---- */

typedef struct DictIter { Obj hdr; Value d; int64_t pos, used; } DictIter;

static Value dict_iter_make(Value d, Type *t)
{
    DictIter *it = obj_alloc(t, sizeof *it);
    if (!it) return V_ERR;
    it->d = v_incref(d);
    it->pos = 0;
    it->used = D(d)->used;
    return v_obj(it);
}

static Value dict_iter(Value self) { return dict_iter_make(self, &dict_keyiter_type); }

static Entry *dict_iter_step(DictIter *it)
{
    Dict *d = D(it->d);
    if (d->used != it->used) {
        it->used = -1;   /* stays broken, like CPython */
        rt_raise(&exc_RuntimeError, "dictionary changed size during iteration");
        return NULL;
    }
    while (it->pos < d->nentries) {
        Entry *e = &d->entries[it->pos++];
        if (!IS_UNBOUND(e->key)) return e;
    }
    return (Entry *)&it->pos;   /* end marker: not NULL, not an entry */
}

#define ITER_NEXT(fname, expr)                                                \
    static Value fname(Value self)                                            \
    {                                                                         \
        DictIter *it = (DictIter *)self.o;                                    \
        Entry *e = dict_iter_step(it);                                        \
        if (!e) return V_ERR;                                                 \
        if ((void *)e == (void *)&it->pos) return V_UNBOUND;                  \
        return expr;                                                          \
    }
ITER_NEXT(keyiter_next, v_incref(e->key))
ITER_NEXT(valiter_next, v_incref(e->val))
ITER_NEXT(itemiter_next, tuple_pack(2, e->key, e->val))

static void dict_iter_dealloc(Obj *o)
{
    v_decref(((DictIter *)o)->d);
    free(o);
}

static Value iter_self(Value self) { return v_incref(self); }

/* ---- views: d.keys(), d.values(), d.items() ---- */

typedef struct DictView { Obj hdr; Value d; } DictView;

static Value view_make(Value d, Type *t)
{
    DictView *v = obj_alloc(t, sizeof *v);
    if (!v) return V_ERR;
    v->d = v_incref(d);
    return v_obj(v);
}

static void view_dealloc(Obj *o)
{
    v_decref(((DictView *)o)->d);
    free(o);
}

static int64_t view_len(Value self) { return D(((DictView *)self.o)->d)->used; }

static Value view_iter(Value self)
{
    Value d = ((DictView *)self.o)->d;
    Type *t = self.o->type == &dict_keys_type     ? &dict_keyiter_type
              : self.o->type == &dict_values_type ? &dict_valiter_type
                                                  : &dict_itemiter_type;
    return dict_iter_make(d, t);
}

/* dict_keys(['a', 'b']) */
static Value view_repr(Value self)
{
    Value l = list_from_iter(self);
    if (IS_ERR(l)) return l;
    Value r = v_repr(l);
    v_decref(l);
    if (IS_ERR(r)) return r;
    Value s = str_fmt("%s(%s)", self.o->type->name, str_cstr(r));
    v_decref(r);
    return s;
}

static int view_contains(Value self, Value item)
{
    Value d = ((DictView *)self.o)->d;
    if (self.o->type == &dict_keys_type) return dict_contains_slot(d, item);
    if (self.o->type == &dict_items_type) {
        if (!IS_TYPE(item, &tuple_type) || ((Tuple *)item.o)->len != 2) return 0;
        Value v = dict_get(d, ((Tuple *)item.o)->items[0]);
        if (IS_ERR(v)) return -1;
        if (IS_UNBOUND(v)) return 0;
        return v_eq(v, ((Tuple *)item.o)->items[1]);
    }
    Dict *dd = D(d);
    for (int64_t i = 0; i < dd->nentries; i++) {
        if (IS_UNBOUND(dd->entries[i].key)) continue;
        int e = v_eq(dd->entries[i].val, item);
        if (e) return e;
    }
    return 0;
}

/* keys() & other, |, -, ^ give sets, as in Python. */
static Value view_binop(BinOp op, Value a, Value b)
{
    if (op != OP_AND && op != OP_OR && op != OP_SUB && op != OP_XOR) return rt_notimpl();
    Value sa = set_from_iter(a);
    if (IS_ERR(sa)) return sa;
    Value sb = set_from_iter(b);
    if (IS_ERR(sb)) {
        v_decref(sa);
        return sb;
    }
    Value r = v_binop(op, sa, sb);
    v_decref(sa);
    v_decref(sb);
    return r;
}

static Value view_compare(CmpOp op, Value a, Value b)
{
    if (op != CMP_EQ && op != CMP_NE) return rt_notimpl();
    if (a.o->type == &dict_values_type) return rt_notimpl();
    Value sa = set_from_iter(a), sb = IS_ERR(sa) ? V_ERR : set_from_iter(b);
    if (IS_ERR(sb)) {
        v_decref(sa);
        return V_ERR;
    }
    Value r = v_compare(op, sa, sb);
    v_decref(sa);
    v_decref(sb);
    return r;
}

/* ---- methods ---- */

#define SELF_DICT(name)                                                        \
    if (nargs < 1 || !(IS_TYPE(args[0], &dict_type) || v_isinstance(args[0], &dict_type))) \
        return rt_raise(&exc_TypeError, "descriptor '" name "' requires a 'dict' object");

static Value m_get(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("get");
    if (!args_nokw("get", kw) || !args_count("get", nargs - 1, 1, 2)) return V_ERR;
    Value v = dict_get(args[0], args[1]);
    if (IS_ERR(v)) return v;
    if (IS_UNBOUND(v)) return nargs > 2 ? v_incref(args[2]) : V_NONE;
    return v_incref(v);
}

static Value m_setdefault(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("setdefault");
    if (!args_nokw("setdefault", kw) || !args_count("setdefault", nargs - 1, 1, 2)) return V_ERR;
    Value v = dict_setdefault(args[0], args[1], nargs > 2 ? args[2] : V_NONE);
    return IS_ERR(v) ? v : v_incref(v);
}

static Value m_pop(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("pop");
    if (!args_nokw("pop", kw) || !args_count("pop", nargs - 1, 1, 2)) return V_ERR;
    return dict_pop(args[0], args[1], nargs > 2 ? args[2] : V_UNBOUND);
}

static Value m_popitem(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("popitem");
    if (!args_nokw("popitem", kw) || !args_count("popitem", nargs - 1, 0, 0)) return V_ERR;
    Dict *d = D(args[0]);
    if (d->used == 0) return rt_raise_keyerror(v_obj(str_intern("popitem(): dictionary is empty")));
    int64_t i = d->nentries - 1;
    while (IS_UNBOUND(d->entries[i].key)) i--;
    Entry *e = &d->entries[i];
    Value r = tuple_pack(2, e->key, e->val);
    if (IS_ERR(r)) return r;
    Value k = e->key;
    if (dict_del(args[0], k) < 0) {
        v_decref(r);
        return V_ERR;
    }
    d->nentries = i;   /* drop the trailing hole so popitem stays O(1) */
    keys_changed(d);
    return r;
}

static Value m_update(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("update");
    if (!args_count("update", nargs - 1, 0, 1)) return V_ERR;
    if (nargs > 1 && dict_update(args[0], args[1]) < 0) return V_ERR;
    if (dict_merge_kwargs(args[0], kw) < 0) return V_ERR;
    return V_NONE;
}

static Value m_keys(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("keys");
    (void)kw;
    return view_make(args[0], &dict_keys_type);
}

static Value m_values(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("values");
    (void)kw;
    return view_make(args[0], &dict_values_type);
}

static Value m_items(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("items");
    (void)kw;
    return view_make(args[0], &dict_items_type);
}

static Value m_clear(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("clear");
    (void)kw;
    dict_clear(args[0]);
    return V_NONE;
}

static Value m_copy(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("copy");
    (void)kw;
    return dict_copy(args[0]);
}

/* dict.fromkeys(iterable, value=None): a classmethod, args[0] is the type. */
static Value m_fromkeys(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("fromkeys", kw) || !args_count("fromkeys", nargs - 1, 1, 2)) return V_ERR;
    Value d = dict_new();
    if (IS_ERR(d)) return d;
    Value *items, tmp;
    int64_t n;
    if (!seq_items(args[1], &items, &n, &tmp)) {
        v_decref(d);
        return V_ERR;
    }
    Value val = nargs > 2 ? args[2] : V_NONE;
    for (int64_t i = 0; i < n; i++) {
        if (dict_set(d, items[i], val) < 0) {
            v_decref(tmp);
            v_decref(d);
            return V_ERR;
        }
    }
    v_decref(tmp);
    return d;
}

static Value m_contains(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("__contains__");
    (void)kw;
    if (!args_one("dict.__contains__", nargs - 1)) return V_ERR;
    int r = dict_contains_slot(args[0], args[1]);
    return r < 0 ? V_ERR : v_bool(r);
}

static Value m_getitem(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("__getitem__");
    (void)kw;
    if (!args_one("dict.__getitem__", nargs - 1)) return V_ERR;
    return dict_getitem(args[0], args[1]);
}

/* dict.__init__(self, *args, **kwargs): what a subclass's
 * super().__init__ reaches; updates self. */
static Value m_init(Value *args, int nargs, KwArgs *kw)
{
    SELF_DICT("__init__");
    if (nargs > 2) return rt_raise(&exc_TypeError, "dict expected at most 1 argument, got %d", nargs - 1);
    if (nargs > 1 && dict_update(args[0], args[1]) < 0) return V_ERR;
    if (dict_merge_kwargs(args[0], kw) < 0) return V_ERR;
    return V_NONE;
}

static const MethodDef dict_methods[] = {
    {"__init__", m_init, "__init__(self, /, *args, **kwargs)\n\nInitialize self.", 0},
    {"get", m_get, "get(key, default=None, /)\n\nReturn the value for key if key is in the dictionary, else default.", 0},
    {"setdefault", m_setdefault, "setdefault(key, default=None, /)\n\nInsert key with a value of default if key is not in the dictionary.\nReturn the value for key if key is in the dictionary, else default.", 0},
    {"pop", m_pop, "pop(key[, default])\n\nRemove specified key and return the corresponding value.\nIf the key is not found, return the default if given; otherwise, raise a KeyError.", 0},
    {"popitem", m_popitem, "popitem()\n\nRemove and return a (key, value) pair as a 2-tuple, in LIFO order.\nRaises KeyError if the dict is empty.", 0},
    {"update", m_update, "update([E, ]**F)\n\nUpdate the dict from dict/iterable E and keyword arguments F.", 0},
    {"keys", m_keys, "keys()\n\nA set-like object providing a view on the dict's keys.", 0},
    {"values", m_values, "values()\n\nAn object providing a view on the dict's values.", 0},
    {"items", m_items, "items()\n\nA set-like object providing a view on the dict's items.", 0},
    {"clear", m_clear, "clear()\n\nRemove all items from the dict.", 0},
    {"copy", m_copy, "copy()\n\nA shallow copy of the dict.", 0},
    {"fromkeys", m_fromkeys, "fromkeys(iterable, value=None, /)\n\nCreate a new dictionary with keys from iterable and values set to value.", METH_CLASS},
    {"__contains__", m_contains, "__contains__(key, /)\n\nTrue if the dictionary has the specified key, else False.", 0},
    {"__getitem__", m_getitem, "__getitem__(key, /)\n\nReturn self[key].", 0},
    {NULL, NULL, NULL, 0},
};

/* An empty instance of t, a class deriving from dict: its __init__ fills
 * it, class.c puts the instance dict at t->dictoffset. */
static Value dict_new_sub(Type *t)
{
    Dict *d = obj_alloc(t, t->dictoffset + sizeof(Value));
    if (!d) return V_ERR;
    dict_init_empty(d);
    *(Value *)((char *)d + t->dictoffset) = V_NONE;
    return v_obj(d);
}

static Value dict_new_slot(Type *t, Value *args, int nargs, KwArgs *kw)
{
    if (t != &dict_type) return dict_new_sub(t);
    if (nargs > 1) return rt_raise(&exc_TypeError, "dict expected at most 1 argument, got %d", nargs);
    Value d = dict_new();
    if (IS_ERR(d)) return d;
    if ((nargs == 1 && dict_update(d, args[0]) < 0) || dict_merge_kwargs(d, kw) < 0) {
        v_decref(d);
        return V_ERR;
    }
    return d;
}

void dict_init_type(void)
{
    type_add_methods(&dict_type, dict_methods);
    type_add_slot_methods(&dict_type);
}

Type dict_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "dict", .base = &object_type,
    .doc = "dict(**kwargs) / dict(mapping) / dict(iterable)\n\nBuilt-in insertion-ordered mapping.",
    .basicsize = sizeof(Dict), .new = dict_new_slot, .dealloc = dict_dealloc,
    .repr = dict_repr, .hash = dict_hash, .compare = dict_compare, .truth = dict_truth,
    .len = dict_len_slot, .binop = dict_binop, .inplace = dict_inplace, .iter = dict_iter,
    .getitem = dict_getitem, .setitem = dict_setitem, .contains = dict_contains_slot,
};

#define DICT_ITER_TYPE(var, NAME, NEXT)                                        \
    Type var = {.hdr = {IMMORTAL, &type_type}, .name = NAME, .base = &object_type, \
                .basicsize = sizeof(DictIter), .dealloc = dict_iter_dealloc,   \
                .iter = iter_self, .next = NEXT}
DICT_ITER_TYPE(dict_keyiter_type, "dict_keyiterator", keyiter_next);
DICT_ITER_TYPE(dict_valiter_type, "dict_valueiterator", valiter_next);
DICT_ITER_TYPE(dict_itemiter_type, "dict_itemiterator", itemiter_next);

#define DICT_VIEW_TYPE(var, NAME)                                              \
    Type var = {.hdr = {IMMORTAL, &type_type}, .name = NAME, .base = &object_type, \
                .basicsize = sizeof(DictView), .dealloc = view_dealloc,        \
                .repr = view_repr, .len = view_len, .iter = view_iter,         \
                .contains = view_contains, .binop = view_binop,                \
                .compare = view_compare}
DICT_VIEW_TYPE(dict_keys_type, "dict_keys");
DICT_VIEW_TYPE(dict_values_type, "dict_values");
DICT_VIEW_TYPE(dict_items_type, "dict_items");
