/* torch_save.c — torch.save / torch.load in PyTorch's own file format.
 *
 * A file is a ZIP archive (stored entries, 64-byte aligned data) holding
 * `<name>/data.pkl` (a protocol-2 pickle of the object where every tensor
 * is `_rebuild_tensor_v2(storage, offset, size, stride, requires_grad,
 * OrderedDict())` and each storage a persistent id), one `<name>/data/<key>`
 * entry of raw little-endian bytes per storage, and `<name>/version`.
 * The layout, byte for byte, is /work/shared/parity/serialization.md; the
 * writer reproduces torch 1.13's files (memo included) so real PyTorch
 * loads them with weights_only=True, and the reader accepts any stored ZIP
 * of that shape.  The reader checks every offset and length against the
 * file, so a truncated or corrupt file raises RuntimeError, never crashes.
 *
 * Objects: tensors, lists, tuples, dicts (and torch.Size), str, int,
 * float, bool, None.  Views sharing a storage share it again after load.
 * `f` is a path or a file object opened in binary mode (open(p, 'wb'):
 * the archive folder is then "archive", as PyTorch names it for any
 * file-like object).  This file is the writer (pickler, zip writer,
 * torch.save); torch_load.c is the reader.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bi_private.h"
#include "objects.h"
#include "torch_save.h"

/* ------------------------------------------------------------------ */
/* byte buffers                                                         */
/* ------------------------------------------------------------------ */

bool torch_buf_grow(Buf *b, size_t extra)
{
    if (b->len + extra <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra) cap *= 2;
    unsigned char *p = rt_realloc(b->p, cap);
    if (!p) return false;
    b->p = p;
    b->cap = cap;
    return true;
}

bool torch_buf_add(Buf *b, const void *p, size_t n)
{
    if (!torch_buf_grow(b, n)) return false;
    if (n) memcpy(b->p + b->len, p, n);
    b->len += n;
    return true;
}

static bool buf_u8(Buf *b, unsigned v) { unsigned char c = (unsigned char)v; return torch_buf_add(b, &c, 1); }

/* Little-endian integer of n bytes. */
static bool buf_le(Buf *b, uint64_t v, int n)
{
    unsigned char c[8];
    for (int i = 0; i < n; i++) c[i] = (unsigned char)(v >> (8 * i));
    return torch_buf_add(b, c, (size_t)n);
}

/* ------------------------------------------------------------------ */
/* CRC-32 (zip's polynomial)                                            */
/* ------------------------------------------------------------------ */

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    static uint32_t table[256];
    static bool ready;
    if (!ready) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        ready = true;
    }
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* ------------------------------------------------------------------ */
/* pickling (writer)                                                    */
/* ------------------------------------------------------------------ */

/* A storage met while pickling: its key is its index. */
typedef struct SavedStorage {
    TsStorage *s;
    TsDType dt;
} SavedStorage;

/* A memo entry: an object pointer (Obj, storage) or a constant name. */
typedef struct MemoEntry {
    const void *key;
    const char *name;
} MemoEntry;

typedef struct Pickler {
    Buf out;
    SavedStorage *st;
    int nst, capst;
    MemoEntry *memo;
    int nmemo, capmemo;
    int depth;
} Pickler;

/* Looks up a memo entry by pointer or by name; -1 if absent. */
static int memo_find(Pickler *pk, const void *key, const char *name)
{
    for (int i = 0; i < pk->nmemo; i++) {
        MemoEntry *m = &pk->memo[i];
        if (key ? m->key == key : (m->name && !strcmp(m->name, name))) return i;
    }
    return -1;
}

/* Records the object just written and emits BINPUT / LONG_BINPUT. */
static bool memo_put(Pickler *pk, const void *key, const char *name)
{
    if (pk->nmemo == pk->capmemo) {
        int cap = pk->capmemo ? 2 * pk->capmemo : 32;
        MemoEntry *m = rt_realloc(pk->memo, (size_t)cap * sizeof *m);
        if (!m) return false;
        pk->memo = m;
        pk->capmemo = cap;
    }
    int idx = pk->nmemo;
    pk->memo[pk->nmemo++] = (MemoEntry){key, name};
    if (idx < 256) return buf_u8(&pk->out, 'q') && buf_u8(&pk->out, (unsigned)idx);
    return buf_u8(&pk->out, 'r') && buf_le(&pk->out, (uint64_t)idx, 4);
}

static bool memo_get(Pickler *pk, int idx)
{
    if (idx < 256) return buf_u8(&pk->out, 'h') && buf_u8(&pk->out, (unsigned)idx);
    return buf_u8(&pk->out, 'j') && buf_le(&pk->out, (uint64_t)idx, 4);
}

/* GLOBAL module\nname\n, memoised by its full name. */
static bool p_global(Pickler *pk, const char *module, const char *name)
{
    char full[128];
    snprintf(full, sizeof full, "%s\n%s\n", module, name);
    int idx = memo_find(pk, NULL, full);
    if (idx >= 0) return memo_get(pk, idx);
    char *keep = strdup(full);
    if (!keep) return !IS_ERR(rt_nomem());
    return buf_u8(&pk->out, 'c') && torch_buf_add(&pk->out, full, strlen(full)) &&
           memo_put(pk, NULL, keep);
}

/* A str, memoised by `key` (an object or, when NULL, the text itself). */
static bool p_str(Pickler *pk, const char *s, size_t n, const void *key)
{
    int idx = key ? memo_find(pk, key, NULL) : -1;
    if (idx >= 0) return memo_get(pk, idx);
    return buf_u8(&pk->out, 'X') && buf_le(&pk->out, n, 4) && torch_buf_add(&pk->out, s, n) &&
           memo_put(pk, key, NULL);
}

/* A constant string ('storage', 'cpu'), memoised by name. */
static bool p_const_str(Pickler *pk, const char *s)
{
    char tag[64];
    snprintf(tag, sizeof tag, "\x01%s", s);
    int idx = memo_find(pk, NULL, tag);
    if (idx >= 0) return memo_get(pk, idx);
    char *keep = strdup(tag);
    if (!keep) return !IS_ERR(rt_nomem());
    return buf_u8(&pk->out, 'X') && buf_le(&pk->out, strlen(s), 4) &&
           torch_buf_add(&pk->out, s, strlen(s)) && memo_put(pk, NULL, keep);
}

/* Ints as CPython's protocol-2 pickler writes them. */
static bool p_int(Pickler *pk, int64_t v)
{
    Buf *b = &pk->out;
    if (v >= 0 && v < 256) return buf_u8(b, 'K') && buf_u8(b, (unsigned)v);
    if (v >= 0 && v < 65536) return buf_u8(b, 'M') && buf_le(b, (uint64_t)v, 2);
    if (v >= INT32_MIN && v <= INT32_MAX) return buf_u8(b, 'J') && buf_le(b, (uint64_t)v, 4);
    int n = 1; /* LONG1: shortest two's complement */
    while (n < 8 && !(v >= -(INT64_C(1) << (8 * n - 1)) && v < (INT64_C(1) << (8 * n - 1)))) n++;
    return buf_u8(b, 0x8a) && buf_u8(b, (unsigned)n) && buf_le(b, (uint64_t)v, n);
}

static bool p_float(Pickler *pk, double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    unsigned char c[8];
    for (int i = 0; i < 8; i++) c[i] = (unsigned char)(u >> (56 - 8 * i));
    return buf_u8(&pk->out, 'G') && torch_buf_add(&pk->out, c, 8);
}

/* A tuple of ints (size, stride): () is not memoised. */
static bool p_int_tuple(Pickler *pk, int n, const int64_t *v)
{
    if (n == 0) return buf_u8(&pk->out, ')');
    if (n > 3 && !buf_u8(&pk->out, '(')) return false;
    for (int i = 0; i < n; i++)
        if (!p_int(pk, v[i])) return false;
    unsigned op = n == 1 ? 0x85 : n == 2 ? 0x86 : n == 3 ? 0x87 : 't';
    return buf_u8(&pk->out, op) && memo_put(pk, NULL, NULL);
}

static int storage_key(Pickler *pk, TsTensor *t, bool *fresh)
{
    for (int i = 0; i < pk->nst; i++)
        if (pk->st[i].s == t->storage) {
            *fresh = false;
            return i;
        }
    if (pk->nst == pk->capst) {
        int cap = pk->capst ? 2 * pk->capst : 8;
        SavedStorage *s = rt_realloc(pk->st, (size_t)cap * sizeof *s);
        if (!s) return -1;
        pk->st = s;
        pk->capst = cap;
    }
    ts_storage_retain(t->storage);
    pk->st[pk->nst] = (SavedStorage){t->storage, t->dtype};
    *fresh = true;
    return pk->nst++;
}

/* "torch.FloatTensor" -> "FloatStorage" */
void torch_storage_class(TsDType dt, char *buf, size_t n)
{
    const char *legacy = ts_dtype_legacy(dt) + 6;
    size_t len = strlen(legacy) - 6;
    snprintf(buf, n, "%.*sStorage", (int)len, legacy);
}

static bool tensor_requires_grad(Value v)
{
    if (!((TensorObj *)v.o)->ag) return false;
    Value rg = v_getattr_cstr(v, "requires_grad");
    int b = IS_ERR(rg) ? 0 : v_truth(rg);
    if (IS_ERR(rg) || b < 0) rt_exc_clear();
    v_decref(rg);
    return b > 0;
}

/* The persistent id tuple of t's storage, then BINPERSID. */
static bool p_storage(Pickler *pk, TsTensor *t)
{
    bool fresh;
    int key = storage_key(pk, t, &fresh);
    if (key < 0) return false;
    char cls[32], keystr[16], loc[16];
    torch_storage_class(t->dtype, cls, sizeof cls);
    snprintf(keystr, sizeof keystr, "%d", key);
    ts_device_name(t->device, loc, sizeof loc);
    int64_t numel = (int64_t)(t->storage->nbytes / ts_dtype_size(t->dtype));
    return buf_u8(&pk->out, '(') && p_const_str(pk, "storage") &&
           p_global(pk, "torch", cls) &&
           p_str(pk, keystr, strlen(keystr), (const char *)t->storage + 1) &&
           p_const_str(pk, loc) && p_int(pk, numel) && buf_u8(&pk->out, 't') &&
           memo_put(pk, NULL, NULL) && buf_u8(&pk->out, 'Q');
}

/* _rebuild_tensor_v2(storage, offset, size, stride, requires_grad,
 * OrderedDict()); memoised under key (NULL: a temporary, never shared). */
static bool p_tensor_as(Pickler *pk, TsTensor *t, bool requires_grad, const void *key)
{
    Buf *b = &pk->out;
    return p_global(pk, "torch._utils", "_rebuild_tensor_v2") && buf_u8(b, '(') &&
           p_storage(pk, t) && p_int(pk, t->offset) && p_int_tuple(pk, t->ndim, t->sizes) &&
           p_int_tuple(pk, t->ndim, t->strides) && buf_u8(b, requires_grad ? 0x88 : 0x89) &&
           p_global(pk, "collections", "OrderedDict") && buf_u8(b, ')') && buf_u8(b, 'R') &&
           memo_put(pk, NULL, NULL) && buf_u8(b, 't') && memo_put(pk, NULL, NULL) &&
           buf_u8(b, 'R') && memo_put(pk, key, NULL);
}

static bool p_tensor(Pickler *pk, Value v)
{
    return p_tensor_as(pk, torch_unwrap(v), tensor_requires_grad(v), v.o);
}

/* nn.Parameter: _rebuild_parameter(param.data, requires_grad, OrderedDict()),
 * the 3-tuple written with TUPLE3 as Parameter.__reduce_ex__ gives it. */
static bool p_parameter(Pickler *pk, Value v)
{
    Buf *b = &pk->out;
    return p_global(pk, "torch._utils", "_rebuild_parameter") &&
           p_tensor_as(pk, torch_unwrap(v), false, NULL) &&
           buf_u8(b, tensor_requires_grad(v) ? 0x88 : 0x89) &&
           p_global(pk, "collections", "OrderedDict") && buf_u8(b, ')') && buf_u8(b, 'R') &&
           memo_put(pk, NULL, NULL) && buf_u8(b, 0x87) && memo_put(pk, NULL, NULL) &&
           buf_u8(b, 'R') && memo_put(pk, v.o, NULL);
}

static bool p_value(Pickler *pk, Value v);

/* Items of a list/dict in batches of 1000 (APPENDS / SETITEMS). */
static bool p_batched(Pickler *pk, const Value *items, int64_t n, int per, unsigned one,
                      unsigned many)
{
    int64_t count = n / per;
    for (int64_t i = 0; i < count;) {
        int64_t chunk = count - i < 1000 ? count - i : 1000;
        if (chunk > 1 && !buf_u8(&pk->out, '(')) return false;
        for (int64_t k = 0; k < chunk * per; k++)
            if (!p_value(pk, items[i * per + k])) return false;
        if (!buf_u8(&pk->out, chunk > 1 ? many : one)) return false;
        i += chunk;
    }
    return true;
}

static bool p_list(Pickler *pk, Value v)
{
    List *l = (List *)v.o;
    return buf_u8(&pk->out, ']') && memo_put(pk, v.o, NULL) &&
           p_batched(pk, l->items, l->len, 1, 'a', 'e');
}

static bool p_dict(Pickler *pk, Value v)
{
    int64_t n = dict_len(v), i = 0, pos = 0;
    Value *kv = rt_calloc((size_t)(2 * n + 1), sizeof(Value)), k, val;
    if (!kv) return false;
    while (dict_next(v, &pos, &k, &val)) {
        kv[i++] = k;
        kv[i++] = val;
    }
    bool ok = buf_u8(&pk->out, '}') && memo_put(pk, v.o, NULL) &&
              p_batched(pk, kv, 2 * n, 2, 's', 'u');
    free(kv);
    return ok;
}

/* obj.name() for a Python-level object. */
static Value call_method_by_name(Value obj, const char *name)
{
    Value f = v_getattr_cstr(obj, name);
    if (IS_ERR(f)) return f;
    Value none[1] = {V_NONE}; /* never NULL, even with no arguments */
    Value r = v_call(f, none, 0, NULL);
    v_decref(f);
    return r;
}

/* collections.OrderedDict (what state_dict() returns): rebuilt by calling
 * its class, then SETITEMS with the pairs its items() gives. */
static bool p_ordered_dict(Pickler *pk, Value v)
{
    Value items = call_method_by_name(v, "items");
    Value list = IS_ERR(items) ? V_ERR : list_from_iter(items);
    v_decref(items);
    if (IS_ERR(list)) return false;
    List *l = (List *)list.o;
    Value *kv = rt_calloc((size_t)(2 * l->len + 1), sizeof(Value));
    bool ok = kv != NULL;
    for (int64_t i = 0; ok && i < l->len; i++) {
        Value pair = l->items[i];
        ok = IS_TYPE(pair, &tuple_type) && ((Tuple *)pair.o)->len == 2;
        if (ok) {
            kv[2 * i] = ((Tuple *)pair.o)->items[0];
            kv[2 * i + 1] = ((Tuple *)pair.o)->items[1];
        }
    }
    if (kv && !ok) rt_raise(&exc_TypeError, "torch.save: OrderedDict.items() gave a non-pair");
    ok = ok && p_global(pk, "collections", "OrderedDict") && buf_u8(&pk->out, ')') &&
         buf_u8(&pk->out, 'R') && memo_put(pk, v.o, NULL) &&
         p_batched(pk, kv, 2 * l->len, 2, 's', 'u');
    free(kv);
    v_decref(list);
    return ok;
}

static bool p_tuple(Pickler *pk, Value v)
{
    Tuple *t = (Tuple *)v.o;
    if (t->len == 0) return buf_u8(&pk->out, ')');
    if (t->len > 3 && !buf_u8(&pk->out, '(')) return false;
    for (int64_t i = 0; i < t->len; i++)
        if (!p_value(pk, t->items[i])) return false;
    unsigned op = t->len == 1 ? 0x85 : t->len == 2 ? 0x86 : t->len == 3 ? 0x87 : 't';
    return buf_u8(&pk->out, op) && memo_put(pk, v.o, NULL);
}

/* torch.Size: GLOBAL torch Size, ((sizes),), REDUCE. */
static bool p_size(Pickler *pk, Value v)
{
    Tuple *t = (Tuple *)v.o;
    int64_t s[TS_MAX_DIMS];
    int n = (int)(t->len < TS_MAX_DIMS ? t->len : TS_MAX_DIMS);
    for (int i = 0; i < n; i++) s[i] = IS_INT(t->items[i]) ? t->items[i].i : 0;
    return p_global(pk, "torch", "Size") && p_int_tuple(pk, n, s) && buf_u8(&pk->out, 0x85) &&
           memo_put(pk, NULL, NULL) && buf_u8(&pk->out, 'R') && memo_put(pk, v.o, NULL);
}

static bool p_value(Pickler *pk, Value v)
{
    if (IS_OBJ(v)) {
        int idx = memo_find(pk, v.o, NULL);
        if (idx >= 0) return memo_get(pk, idx);
    }
    if (++pk->depth > 200) {
        rt_raise(&exc_RecursionError, "maximum recursion depth exceeded while pickling an object");
        return false;
    }
    bool ok;
    if (IS_NONE(v)) ok = buf_u8(&pk->out, 'N');
    else if (IS_BOOL(v)) ok = buf_u8(&pk->out, v.b ? 0x88 : 0x89);
    else if (IS_INT(v)) ok = p_int(pk, v.i);
    else if (IS_FLOAT(v)) ok = p_float(pk, v.f);
    else if (torch_is_tensor(v) && !strcmp(v_typename(v), "Parameter")) ok = p_parameter(pk, v);
    else if (torch_is_tensor(v)) ok = p_tensor(pk, v);
    else if (IS_TYPE(v, &str_type)) ok = p_str(pk, str_cstr(v), (size_t)((Str *)v.o)->len, v.o);
    else if (IS_TYPE(v, &size_type)) ok = p_size(pk, v);
    else if (v_isinstance(v, &list_type)) ok = p_list(pk, v);
    else if (v_isinstance(v, &tuple_type)) ok = p_tuple(pk, v);
    else if (!strcmp(v_typename(v), "OrderedDict")) ok = p_ordered_dict(pk, v);
    else if (v_isinstance(v, &dict_type)) ok = p_dict(pk, v);
    else {
        rt_raise(&exc_NotImplementedError, "torch.save: cannot save an object of type %s",
                 v_typename(v));
        ok = false;
    }
    pk->depth--;
    return ok;
}

static void pickler_free(Pickler *pk)
{
    for (int i = 0; i < pk->nst; i++) ts_storage_release(pk->st[i].s);
    for (int i = 0; i < pk->nmemo; i++) free((char *)pk->memo[i].name);
    free(pk->st);
    free(pk->memo);
    free(pk->out.p);
}

/* ------------------------------------------------------------------ */
/* zip writer                                                           */
/* ------------------------------------------------------------------ */

typedef struct ZipEntry {
    char name[300];
    uint32_t crc;
    uint64_t size, offset;
} ZipEntry;

/* One stored entry, its data 64-byte aligned by an "FB" extra field. */
static bool zip_entry(Buf *z, ZipEntry *e, const void *data, size_t n)
{
    size_t nl = strlen(e->name);
    e->offset = z->len;
    e->size = n;
    e->crc = n ? crc32_of(data, n) : 0;
    size_t pad = (64 - (z->len + 30 + nl + 4) % 64) % 64;
    unsigned flags = n ? 0x0808 : 0x0800;
    bool ok = buf_le(z, 0x04034b50, 4) && buf_le(z, 0, 2) && buf_le(z, flags, 2) &&
              buf_le(z, 0, 2) && buf_le(z, 0, 4) && buf_le(z, 0, 4) && buf_le(z, 0, 4) &&
              buf_le(z, 0, 4) && buf_le(z, nl, 2) && buf_le(z, 4 + pad, 2) &&
              torch_buf_add(z, e->name, nl) && torch_buf_add(z, "FB", 2) && buf_le(z, pad, 2) &&
              torch_buf_grow(z, pad);
    if (!ok) return false;
    memset(z->p + z->len, 'Z', pad);
    z->len += pad;
    if (!torch_buf_add(z, data, n)) return false;
    if (n == 0) return true;
    return buf_le(z, 0x08074b50, 4) && buf_le(z, e->crc, 4) && buf_le(z, n, 4) &&
           buf_le(z, n, 4);
}

static bool zip_central(Buf *z, const ZipEntry *es, int n)
{
    uint64_t cd = z->len;
    for (int i = 0; i < n; i++) {
        const ZipEntry *e = &es[i];
        size_t nl = strlen(e->name);
        unsigned flags = e->size ? 0x0808 : 0x0800;
        if (!(buf_le(z, 0x02014b50, 4) && buf_le(z, 0, 2) && buf_le(z, 0, 2) &&
              buf_le(z, flags, 2) && buf_le(z, 0, 2) && buf_le(z, 0, 4) &&
              buf_le(z, e->crc, 4) && buf_le(z, e->size, 4) && buf_le(z, e->size, 4) &&
              buf_le(z, nl, 2) && buf_le(z, 0, 2) && buf_le(z, 0, 2) && buf_le(z, 0, 2) &&
              buf_le(z, 0, 2) && buf_le(z, 0, 4) && buf_le(z, e->offset, 4) &&
              torch_buf_add(z, e->name, nl)))
            return false;
    }
    uint64_t cdsize = z->len - cd, z64 = z->len;
    return buf_le(z, 0x06064b50, 4) && buf_le(z, 44, 8) && buf_le(z, 0x031E, 2) &&
           buf_le(z, 0x002D, 2) && buf_le(z, 0, 4) && buf_le(z, 0, 4) && buf_le(z, n, 8) &&
           buf_le(z, n, 8) && buf_le(z, cdsize, 8) && buf_le(z, cd, 8) &&
           buf_le(z, 0x07064b50, 4) && buf_le(z, 0, 4) && buf_le(z, z64, 8) &&
           buf_le(z, 1, 4) && buf_le(z, 0x06054b50, 4) && buf_le(z, 0, 2) &&
           buf_le(z, 0, 2) && buf_le(z, n, 2) && buf_le(z, n, 2) && buf_le(z, cdsize, 4) &&
           buf_le(z, cd, 4) && buf_le(z, 0, 2);
}

/* The archive folder: the file name without directory and last extension. */
static void archive_name(const char *path, char *out, size_t n)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (len >= n) len = n - 1;
    memcpy(out, base, len);
    out[len] = 0;
    if (len == 0) snprintf(out, n, "archive");
}

/* Storage keys written sorted as strings ("0", "1", "10", "2"). */
static int key_cmp(const void *a, const void *b)
{
    char x[16], y[16];
    snprintf(x, sizeof x, "%d", *(const int *)a);
    snprintf(y, sizeof y, "%d", *(const int *)b);
    return strcmp(x, y);
}

/* A storage's bytes as an entry (a GPU storage is copied to the host). */
static bool storage_entry(Buf *z, ZipEntry *e, TsStorage *s)
{
    if (s->device == TS_CPU) return zip_entry(z, e, s->data, s->nbytes);
    void *host = rt_alloc(s->nbytes ? s->nbytes : 1);
    if (!host) return false;
    const TsDevice *d = ts_device_get(s->device);
    bool ok = d && d->to_host(host, s->data, s->nbytes) == 0;
    if (!ok) torch_raise_ts();
    ok = ok && zip_entry(z, e, host, s->nbytes);
    free(host);
    return ok;
}

static bool write_archive(Buf *z, Pickler *pk, const char *arch)
{
    int n = pk->nst + 2, *order = rt_calloc((size_t)pk->nst + 1, sizeof(int));
    ZipEntry *es = rt_calloc((size_t)n, sizeof(ZipEntry));
    bool ok = order && es;
    if (ok) {
        snprintf(es[0].name, sizeof es[0].name, "%s/data.pkl", arch);
        ok = zip_entry(z, &es[0], pk->out.p, pk->out.len);
        for (int i = 0; i < pk->nst; i++) order[i] = i;
        qsort(order, (size_t)pk->nst, sizeof(int), key_cmp);
    }
    for (int i = 0; ok && i < pk->nst; i++) {
        SavedStorage *s = &pk->st[order[i]];
        snprintf(es[i + 1].name, sizeof es[i + 1].name, "%s/data/%d", arch, order[i]);
        ok = storage_entry(z, &es[i + 1], s->s);
    }
    if (ok) {
        snprintf(es[n - 1].name, sizeof es[n - 1].name, "%s/version", arch);
        ok = zip_entry(z, &es[n - 1], "3\n", 2) && zip_central(z, es, n);
    }
    free(order);
    free(es);
    return ok;
}

/* PyTorch checks the folder first: "Parent directory X does not exist." */
static bool parent_exists(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) return true;
    char dir[4096];
    size_t n = (size_t)(slash - path);
    if (n >= sizeof dir) return true;
    memcpy(dir, path, n);
    dir[n] = 0;
    struct stat st;
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) return true;
    rt_raise(&exc_RuntimeError, "Parent directory %s does not exist.", dir);
    return false;
}

static bool write_file(const char *path, const Buf *z)
{
    if (!parent_exists(path)) return false;
    FILE *f = fopen(path, "wb");
    if (!f) {
        rt_raise(&exc_FileNotFoundError, "[Errno %d] %s: '%s'", errno, strerror(errno), path);
        return false;
    }
    bool ok = fwrite(z->p, 1, z->len, f) == z->len;
    ok = fclose(f) == 0 && ok;
    if (!ok) rt_raise(&exc_OSError, "torch.save: could not write '%s'", path);
    return ok;
}

/* torch.save into an open binary file object: at its position, archive
 * folder "archive" (PyTorch's name for anything that is not a path). */
static bool write_stream(FILE *f, const Buf *z)
{
    /* PyTorch flushes the file object when the archive is complete */
    if (fwrite(z->p, 1, z->len, f) == z->len && fflush(f) == 0) return true;
    rt_raise(&exc_OSError, "[Errno %d] %s", errno, strerror(errno));
    return false;
}

static Value f_save(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"obj", "f", "pickle_module", "pickle_protocol",
                                        "_use_new_zipfile_serialization"};
    Value v[5];
    if (!args_parse("save", args, nargs, kw, names, 5, 2, v)) return V_ERR;
    FILE *stream = NULL;
    if (!IS_TYPE(v[1], &str_type)) {
        if (IS_TYPE(v[1], &bi_file_type)) {
            if (!(stream = bi_file_binary(v[1], true))) return V_ERR;
        } else { /* no write(): AttributeError, as PyTorch; a file-like: unsupported */
            Value m = v_getattr_cstr(v[1], "write");
            if (IS_ERR(m)) return m;
            v_decref(m);
            return rt_raise(&exc_NotImplementedError,
                            "torch.save: only a path or a file opened in binary mode ('wb') "
                            "is supported, not %s", v_typename(v[1]));
        }
    }
    Pickler pk = {0};
    Buf z = {0};
    char arch[256];
    if (stream) snprintf(arch, sizeof arch, "archive");
    else archive_name(str_cstr(v[1]), arch, sizeof arch);
    bool ok = torch_buf_add(&pk.out, "\x80\x02", 2) && p_value(&pk, v[0]) && buf_u8(&pk.out, '.') &&
              write_archive(&z, &pk, arch) &&
              (stream ? write_stream(stream, &z) : write_file(str_cstr(v[1]), &z));
    pickler_free(&pk);
    free(z.p);
    return ok ? V_NONE : V_ERR;
}

/* ------------------------------------------------------------------ */
static const MethodDef save_functions[] = {
    {"save", f_save,
     "save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True)\n\n"
     "Saves an object to a disk file (PyTorch's zip format).", 0},
    {"load", torch_load_fn,
     "load(f, map_location=None, pickle_module=pickle, *, weights_only=False)\n\n"
     "Loads an object saved with torch.save() from a file.", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_save_init(Value torch)
{
    module_add_functions(torch, save_functions);
    return true;
}
