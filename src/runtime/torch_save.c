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
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "objects.h"
#include "torch_create.h"
#include "vm_internal.h"

/* ------------------------------------------------------------------ */
/* byte buffers                                                         */
/* ------------------------------------------------------------------ */

typedef struct Buf {
    unsigned char *p;
    size_t len, cap;
} Buf;

static bool buf_grow(Buf *b, size_t extra)
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

static bool buf_add(Buf *b, const void *p, size_t n)
{
    if (!buf_grow(b, n)) return false;
    if (n) memcpy(b->p + b->len, p, n);
    b->len += n;
    return true;
}

static bool buf_u8(Buf *b, unsigned v) { unsigned char c = (unsigned char)v; return buf_add(b, &c, 1); }

/* Little-endian integer of n bytes. */
static bool buf_le(Buf *b, uint64_t v, int n)
{
    unsigned char c[8];
    for (int i = 0; i < n; i++) c[i] = (unsigned char)(v >> (8 * i));
    return buf_add(b, c, (size_t)n);
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
    return buf_u8(&pk->out, 'c') && buf_add(&pk->out, full, strlen(full)) &&
           memo_put(pk, NULL, keep);
}

/* A str, memoised by `key` (an object or, when NULL, the text itself). */
static bool p_str(Pickler *pk, const char *s, size_t n, const void *key)
{
    int idx = key ? memo_find(pk, key, NULL) : -1;
    if (idx >= 0) return memo_get(pk, idx);
    return buf_u8(&pk->out, 'X') && buf_le(&pk->out, n, 4) && buf_add(&pk->out, s, n) &&
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
           buf_add(&pk->out, s, strlen(s)) && memo_put(pk, NULL, keep);
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
    return buf_u8(&pk->out, 'G') && buf_add(&pk->out, c, 8);
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
static void storage_class(TsDType dt, char *buf, size_t n)
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
    storage_class(t->dtype, cls, sizeof cls);
    snprintf(keystr, sizeof keystr, "%d", key);
    ts_device_name(t->device, loc, sizeof loc);
    int64_t numel = (int64_t)(t->storage->nbytes / ts_dtype_size(t->dtype));
    return buf_u8(&pk->out, '(') && p_const_str(pk, "storage") &&
           p_global(pk, "torch", cls) &&
           p_str(pk, keystr, strlen(keystr), (const char *)t->storage + 1) &&
           p_const_str(pk, loc) && p_int(pk, numel) && buf_u8(&pk->out, 't') &&
           memo_put(pk, NULL, NULL) && buf_u8(&pk->out, 'Q');
}

static bool p_tensor(Pickler *pk, Value v)
{
    TsTensor *t = torch_unwrap(v);
    Buf *b = &pk->out;
    return p_global(pk, "torch._utils", "_rebuild_tensor_v2") && buf_u8(b, '(') &&
           p_storage(pk, t) && p_int(pk, t->offset) && p_int_tuple(pk, t->ndim, t->sizes) &&
           p_int_tuple(pk, t->ndim, t->strides) &&
           buf_u8(b, tensor_requires_grad(v) ? 0x88 : 0x89) &&
           p_global(pk, "collections", "OrderedDict") && buf_u8(b, ')') && buf_u8(b, 'R') &&
           memo_put(pk, NULL, NULL) && buf_u8(b, 't') && memo_put(pk, NULL, NULL) &&
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
    else if (torch_is_tensor(v)) ok = p_tensor(pk, v);
    else if (IS_TYPE(v, &str_type)) ok = p_str(pk, str_cstr(v), (size_t)((Str *)v.o)->len, v.o);
    else if (IS_TYPE(v, &size_type)) ok = p_size(pk, v);
    else if (v_isinstance(v, &list_type)) ok = p_list(pk, v);
    else if (v_isinstance(v, &tuple_type)) ok = p_tuple(pk, v);
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
              buf_add(z, e->name, nl) && buf_add(z, "FB", 2) && buf_le(z, pad, 2) &&
              buf_grow(z, pad);
    if (!ok) return false;
    memset(z->p + z->len, 'Z', pad);
    z->len += pad;
    if (!buf_add(z, data, n)) return false;
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
              buf_add(z, e->name, nl)))
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
        if (s->s->device != TS_CPU) {
            rt_raise(&exc_NotImplementedError, "torch.save of a non-CPU tensor");
            ok = false;
            break;
        }
        ok = zip_entry(z, &es[i + 1], s->s->data, s->s->nbytes);
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

static Value f_save(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"obj", "f", "pickle_module", "pickle_protocol",
                                        "_use_new_zipfile_serialization"};
    Value v[5];
    if (!args_parse("save", args, nargs, kw, names, 5, 2, v)) return V_ERR;
    if (!IS_TYPE(v[1], &str_type))
        return rt_raise(&exc_AttributeError, "'%s' object has no attribute 'write'",
                        v_typename(v[1]));
    Pickler pk = {0};
    Buf z = {0};
    char arch[256];
    archive_name(str_cstr(v[1]), arch, sizeof arch);
    bool ok = buf_add(&pk.out, "\x80\x02", 2) && p_value(&pk, v[0]) && buf_u8(&pk.out, '.') &&
              write_archive(&z, &pk, arch) && write_file(str_cstr(v[1]), &z);
    pickler_free(&pk);
    free(z.p);
    return ok ? V_NONE : V_ERR;
}

/* ------------------------------------------------------------------ */
/* zip reader                                                           */
/* ------------------------------------------------------------------ */

typedef struct Zip {
    const unsigned char *p;
    size_t n;
    char prefix[300];
    size_t nprefix;
    const unsigned char *cd;    /* central directory */
    uint64_t cdsize, count;
} Zip;

static uint64_t rd_le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

static Value corrupt(const char *what)
{
    return rt_raise(&exc_RuntimeError, "PytorchStreamReader failed reading zip archive: %s",
                    what);
}

/* Finds the end records and the central directory (ZIP64 aware). */
static bool zip_open(Zip *z)
{
    if (z->n < 22) return !IS_ERR(corrupt("failed finding central directory"));
    size_t e = z->n - 22;
    while (rd_le(z->p + e, 4) != 0x06054b50) {
        if (e == 0 || z->n - e > 22 + 65535) return !IS_ERR(corrupt("failed finding central directory"));
        e--;
    }
    uint64_t count = rd_le(z->p + e + 10, 2), size = rd_le(z->p + e + 12, 4),
             off = rd_le(z->p + e + 16, 4);
    if ((off == 0xFFFFFFFF || count == 0xFFFF || size == 0xFFFFFFFF) && e >= 20 &&
        rd_le(z->p + e - 20, 4) == 0x07064b50) {
        uint64_t z64 = rd_le(z->p + e - 12, 8);
        if (z64 > z->n - 56 || rd_le(z->p + z64, 4) != 0x06064b50)
            return !IS_ERR(corrupt("failed finding central directory"));
        count = rd_le(z->p + z64 + 32, 8);
        size = rd_le(z->p + z64 + 40, 8);
        off = rd_le(z->p + z64 + 48, 8);
    }
    if (off > z->n || size > z->n - off || count == 0)
        return !IS_ERR(corrupt("failed finding central directory"));
    z->cd = z->p + off;
    z->cdsize = size;
    z->count = count;
    return true;
}

/* Walks the central directory: finds `name` (after the prefix), or with
 * name NULL records the prefix of the first entry.  Returns the data and
 * its size in data / len; false (no exception) when absent. */
static bool zip_find(Zip *z, const char *name, const unsigned char **data, size_t *len,
                     bool *bad)
{
    size_t pos = 0;
    *bad = false;
    for (uint64_t i = 0; i < z->count; i++) {
        if (pos + 46 > z->cdsize || rd_le(z->cd + pos, 4) != 0x02014b50) break;
        const unsigned char *c = z->cd + pos;
        size_t nl = rd_le(c + 28, 2), xl = rd_le(c + 30, 2), cl = rd_le(c + 32, 2);
        if (pos + 46 + nl > z->cdsize) break;
        const char *nm = (const char *)c + 46;
        if (!name) {
            const char *slash = memchr(nm, '/', nl);
            if (!slash || (size_t)(slash - nm) + 1 >= sizeof z->prefix) { *bad = true; return false; }
            z->nprefix = (size_t)(slash - nm) + 1;
            memcpy(z->prefix, nm, z->nprefix);
            return true;
        }
        size_t want = strlen(name);
        if (nl == z->nprefix + want && !memcmp(nm, z->prefix, z->nprefix) &&
            !memcmp(nm + z->nprefix, name, want)) {
            uint64_t method = rd_le(c + 10, 2), csize = rd_le(c + 20, 4), lho = rd_le(c + 42, 4);
            if (method != 0 || lho + 30 > z->n) { *bad = true; return false; }
            const unsigned char *l = z->p + lho;
            uint64_t start = lho + 30 + rd_le(l + 26, 2) + rd_le(l + 28, 2);
            if (rd_le(l, 4) != 0x04034b50 || start > z->n || csize > z->n - start) {
                *bad = true;
                return false;
            }
            *data = z->p + start;
            *len = csize;
            return true;
        }
        pos += 46 + nl + xl + cl;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* unpickling (reader)                                                  */
/* ------------------------------------------------------------------ */

/* A GLOBAL on the stack: which callable it names. */
typedef enum { G_REBUILD_TENSOR, G_REBUILD_PARAM, G_ORDERED_DICT, G_SIZE, G_STORAGE,
               G_OTHER } GlobalKind;

typedef struct GlobalObj { Obj hdr; GlobalKind kind; TsDType dt; } GlobalObj;
#define IMMORTAL ((int64_t)1 << 60)
static Type pk_global_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "pickle_global", .base = &object_type,
    .basicsize = sizeof(GlobalObj),
};
/* A MARK on the stack. */
static Type pk_mark_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "pickle_mark", .base = &object_type,
    .basicsize = sizeof(Obj),
};
static Obj pk_mark = {IMMORTAL, &pk_mark_type};

typedef struct Unpickler {
    const unsigned char *p, *end;
    Zip *zip;
    Value *stack;
    int64_t sp, cap;
    Value *memo;
    int64_t nmemo;
    Value storages;       /* dict key -> Tensor over the whole storage */
} Unpickler;

static Value bad_pickle(const char *what)
{
    return rt_raise(&exc_RuntimeError, "torch.load: corrupt pickle data (%s)", what);
}

static bool push(Unpickler *u, Value v)
{
    if (IS_ERR(v)) return false;
    if (u->sp == u->cap) {
        int64_t cap = u->cap ? 2 * u->cap : 64;
        Value *s = rt_realloc(u->stack, (size_t)cap * sizeof(Value));
        if (!s) {
            v_decref(v);
            return false;
        }
        u->stack = s;
        u->cap = cap;
    }
    u->stack[u->sp++] = v;
    return true;
}

static Value pop(Unpickler *u)
{
    if (u->sp == 0 || IS_TYPE(u->stack[u->sp - 1], &pk_mark_type)) {
        bad_pickle("stack underflow");
        return V_ERR;
    }
    return u->stack[--u->sp];
}

/* Index of the topmost MARK, or -1 after raising. */
static int64_t find_mark(Unpickler *u)
{
    for (int64_t i = u->sp - 1; i >= 0; i--)
        if (IS_TYPE(u->stack[i], &pk_mark_type)) return i;
    bad_pickle("no MARK");
    return -1;
}

static bool need(Unpickler *u, size_t n)
{
    if ((size_t)(u->end - u->p) >= n) return true;
    bad_pickle("truncated");
    return false;
}

static Value make_global(const char *module, const char *name)
{
    GlobalObj *g = obj_alloc(&pk_global_type, sizeof(GlobalObj));
    if (!g) return V_ERR;
    g->kind = G_OTHER;
    g->dt = TS_UNDEF;
    if (!strcmp(module, "torch._utils") && !strcmp(name, "_rebuild_tensor_v2")) g->kind = G_REBUILD_TENSOR;
    else if (!strcmp(module, "torch._utils") && !strcmp(name, "_rebuild_parameter")) g->kind = G_REBUILD_PARAM;
    else if (!strcmp(module, "collections") && !strcmp(name, "OrderedDict")) g->kind = G_ORDERED_DICT;
    else if (!strcmp(module, "torch") && !strcmp(name, "Size")) g->kind = G_SIZE;
    else if (!strcmp(module, "torch")) {
        for (int d = 0; d < TS_NUM_DTYPES; d++) {
            char cls[32];
            storage_class((TsDType)d, cls, sizeof cls);
            if (!strcmp(cls, name)) {
                g->kind = G_STORAGE;
                g->dt = (TsDType)d;
            }
        }
    }
    if (g->kind == G_OTHER) {
        free(g);
        return rt_raise(&exc_NotImplementedError, "torch.load: unsupported class %s.%s", module,
                        name);
    }
    return v_obj(g);
}

static bool op_global(Unpickler *u)
{
    const unsigned char *nl1 = memchr(u->p, '\n', (size_t)(u->end - u->p));
    const unsigned char *nl2 = nl1 ? memchr(nl1 + 1, '\n', (size_t)(u->end - nl1 - 1)) : NULL;
    if (!nl2 || nl1 - u->p > 100 || nl2 - nl1 > 100) return !IS_ERR(bad_pickle("GLOBAL"));
    char mod[104], name[104];
    memcpy(mod, u->p, (size_t)(nl1 - u->p));
    mod[nl1 - u->p] = 0;
    memcpy(name, nl1 + 1, (size_t)(nl2 - nl1 - 1));
    name[nl2 - nl1 - 1] = 0;
    u->p = nl2 + 1;
    return push(u, make_global(mod, name));
}

/* BINPERSID: ('storage', cls, key, location, numel) -> a 1-D tensor over
 * the storage entry (shared between tensors naming the same key). */
static bool op_persid(Unpickler *u)
{
    Value pid = pop(u);
    if (IS_ERR(pid)) return false;
    bool ok = false;
    Tuple *t = IS_TYPE(pid, &tuple_type) ? (Tuple *)pid.o : NULL;
    if (!t || t->len != 5 || !IS_TYPE(t->items[1], &pk_global_type) ||
        ((GlobalObj *)t->items[1].o)->kind != G_STORAGE || !IS_TYPE(t->items[2], &str_type) ||
        !IS_INT(t->items[4]) || t->items[4].i < 0) {
        bad_pickle("persistent id");
        v_decref(pid);
        return false;
    }
    Value cached = dict_get(u->storages, t->items[2]);
    if (!IS_UNBOUND(cached) && !IS_ERR(cached)) {
        ok = push(u, v_incref(cached));
        v_decref(pid);
        return ok;
    }
    TsDType dt = ((GlobalObj *)t->items[1].o)->dt;
    int64_t numel = t->items[4].i;
    char name[64];
    snprintf(name, sizeof name, "data/%s", str_cstr(t->items[2]));
    const unsigned char *data;
    size_t len;
    bool bad;
    if (!zip_find(u->zip, name, &data, &len, &bad) ||
        (uint64_t)numel > len / ts_dtype_size(dt)) {
        rt_raise(&exc_RuntimeError, "PytorchStreamReader failed locating file %s: file not found",
                 name);
    } else {
        TsTensor *s = ts_from_buffer(data, dt, 1, &numel, dt, TS_CPU);
        Value sv = torch_wrap(s);
        ok = !IS_ERR(sv) && dict_set(u->storages, t->items[2], sv) >= 0 && push(u, sv);
    }
    v_decref(pid);
    return ok;
}

/* Reads a tuple of non-negative ints (sizes, strides) into out. */
static bool int_tuple(Value v, int64_t *out, int *n)
{
    if (!IS_OBJ(v) || !v_isinstance(v, &tuple_type)) return false;
    Tuple *t = (Tuple *)v.o;
    if (t->len > TS_MAX_DIMS) return false;
    for (int64_t i = 0; i < t->len; i++) {
        if (!IS_INT(t->items[i]) || t->items[i].i < 0) return false;
        out[i] = t->items[i].i;
    }
    *n = (int)t->len;
    return true;
}

/* _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks) */
static Value rebuild_tensor(Tuple *a)
{
    int64_t sizes[TS_MAX_DIMS], strides[TS_MAX_DIMS];
    int ns, nt;
    TsTensor *st = a->len >= 4 ? torch_unwrap(a->items[0]) : NULL;
    if (!st || !IS_INT(a->items[1]) || a->items[1].i < 0 || !int_tuple(a->items[2], sizes, &ns) ||
        !int_tuple(a->items[3], strides, &nt) || ns != nt)
        return bad_pickle("tensor arguments");
    /* the furthest element must lie inside the storage */
    int64_t last = a->items[1].i, numel = 1;
    for (int i = 0; i < ns; i++) {
        numel *= sizes[i];
        if (sizes[i] && strides[i] > (INT64_MAX - last) / sizes[i]) return bad_pickle("strides");
        if (sizes[i]) last += (sizes[i] - 1) * strides[i];
    }
    if (numel > 0 && last >= st->sizes[0]) return bad_pickle("view outside its storage");
    TsTensor *t = ts_as_strided(st, ns, sizes, strides, a->items[1].i);
    Value r = torch_wrap(t);
    if (!IS_ERR(r) && a->len >= 5 && IS_BOOL(a->items[4]) && a->items[4].b &&
        v_setattr(r, str_intern("requires_grad"), v_bool(true)) < 0) {
        v_decref(r);
        return V_ERR;
    }
    return r;
}

static Value call_global(GlobalObj *g, Value args)
{
    if (!IS_TYPE(args, &tuple_type)) return bad_pickle("REDUCE arguments");
    Tuple *a = (Tuple *)args.o;
    switch (g->kind) {
    case G_REBUILD_TENSOR: return rebuild_tensor(a);
    case G_REBUILD_PARAM:
        if (a->len < 1 || !torch_is_tensor(a->items[0])) return bad_pickle("parameter");
        return v_incref(a->items[0]);
    case G_ORDERED_DICT: return dict_new();
    case G_SIZE: {
        int64_t s[TS_MAX_DIMS];
        int n;
        if (a->len != 1 || !int_tuple(a->items[0], s, &n)) return bad_pickle("Size");
        return torch_size_new(n, s);
    }
    default: return bad_pickle("REDUCE of a non-callable");
    }
}

static bool op_reduce(Unpickler *u)
{
    Value args = pop(u);
    if (IS_ERR(args)) return false;
    Value f = pop(u);
    if (IS_ERR(f)) {
        v_decref(args);
        return false;
    }
    Value r = IS_TYPE(f, &pk_global_type) ? call_global((GlobalObj *)f.o, args)
                                          : bad_pickle("REDUCE of a non-callable");
    v_decref(args);
    v_decref(f);
    return push(u, r);
}

/* Pops the items [first, sp) and leaves the stack at newsp. */
static void drop_items(Unpickler *u, int64_t first, int64_t newsp)
{
    for (int64_t i = first; i < u->sp; i++) v_decref(u->stack[i]);
    u->sp = newsp;
}

/* TUPLE / TUPLE1-3: the top n items (n < 0: down to the MARK). */
static bool op_tuple(Unpickler *u, int64_t n)
{
    int64_t first, newsp;
    if (n < 0) {
        int64_t m = find_mark(u);
        if (m < 0) return false;
        first = m + 1;
        newsp = m;
    } else {
        first = newsp = u->sp - n;
        if (first < 0) return !IS_ERR(bad_pickle("stack underflow"));
        for (int64_t i = first; i < u->sp; i++)
            if (IS_TYPE(u->stack[i], &pk_mark_type)) return !IS_ERR(bad_pickle("MARK in tuple"));
    }
    Value t = tuple_from_array(u->stack + first, u->sp - first);
    drop_items(u, first, newsp);
    return push(u, t);
}

/* APPEND(S) / SETITEM(S) into the container below the items. */
static bool op_fill(Unpickler *u, bool marked, bool dict)
{
    int64_t first, newsp;
    if (marked) {
        int64_t m = find_mark(u);
        if (m < 0) return false;
        first = m + 1;
        newsp = m;
    } else {
        first = newsp = u->sp - (dict ? 2 : 1);
        for (int64_t i = first > 0 ? first : 0; i < u->sp; i++)
            if (IS_TYPE(u->stack[i], &pk_mark_type)) return !IS_ERR(bad_pickle("MARK"));
    }
    if (newsp < 1) return !IS_ERR(bad_pickle("stack underflow"));
    Value c = u->stack[newsp - 1];
    bool ok = true;
    if (dict && IS_TYPE(c, &dict_type) && (u->sp - first) % 2 == 0) {
        for (int64_t i = first; ok && i < u->sp; i += 2)
            ok = dict_set(c, u->stack[i], u->stack[i + 1]) >= 0;
    } else if (!dict && IS_TYPE(c, &list_type)) {
        for (int64_t i = first; ok && i < u->sp; i++) ok = list_append(c, u->stack[i]) >= 0;
    } else {
        ok = !IS_ERR(bad_pickle("container"));
    }
    drop_items(u, first, newsp);
    return ok;
}

static bool memo_store(Unpickler *u, uint64_t idx)
{
    if (u->sp == 0 || idx > 10000000) return !IS_ERR(bad_pickle("memo"));
    if ((int64_t)idx >= u->nmemo) {
        int64_t n = (int64_t)idx + 64;
        Value *m = rt_realloc(u->memo, (size_t)n * sizeof(Value));
        if (!m) return false;
        for (int64_t i = u->nmemo; i < n; i++) m[i] = V_UNBOUND;
        u->memo = m;
        u->nmemo = n;
    }
    v_decref(u->memo[idx]);
    u->memo[idx] = v_incref(u->stack[u->sp - 1]);
    return true;
}

static bool memo_load(Unpickler *u, uint64_t idx)
{
    if ((int64_t)idx >= u->nmemo || IS_UNBOUND(u->memo[idx])) return !IS_ERR(bad_pickle("memo"));
    return push(u, v_incref(u->memo[idx]));
}

static bool op_string(Unpickler *u, size_t lenbytes)
{
    if (!need(u, lenbytes)) return false;
    uint64_t n = rd_le(u->p, (int)lenbytes);
    u->p += lenbytes;
    if (!need(u, n)) return false;
    Value s = str_new((const char *)u->p, (int64_t)n);
    u->p += n;
    return push(u, s);
}

static bool op_long1(Unpickler *u)
{
    if (!need(u, 1)) return false;
    int n = *u->p++;
    if (n > 8 || !need(u, (size_t)n)) return !IS_ERR(bad_pickle("LONG1"));
    uint64_t v = rd_le(u->p, n);
    if (n > 0 && n < 8 && (u->p[n - 1] & 0x80)) v |= ~UINT64_C(0) << (8 * n);
    u->p += n;
    return push(u, v_int((int64_t)v));
}

static bool op_int(Unpickler *u, int n, bool sign)
{
    if (!need(u, (size_t)n)) return false;
    uint64_t v = rd_le(u->p, n);
    u->p += n;
    int64_t i = sign ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v;
    return push(u, v_int(i));
}

static bool op_float(Unpickler *u)
{
    if (!need(u, 8)) return false;
    uint64_t b = 0;
    for (int i = 0; i < 8; i++) b = (b << 8) | u->p[i];
    u->p += 8;
    double d;
    memcpy(&d, &b, 8);
    return push(u, v_float(d));
}

/* One opcode; *done set at STOP. */
static bool step(Unpickler *u, bool *done)
{
    if (!need(u, 1)) return false;
    unsigned op = *u->p++;
    switch (op) {
    case 0x80: if (!need(u, 1)) return false; u->p++; return true;  /* PROTO */
    case 0x95: if (!need(u, 8)) return false; u->p += 8; return true; /* FRAME */
    case '.': *done = true; return true;
    case 'c': return op_global(u);
    case '(': return push(u, v_obj(&pk_mark));
    case 't': return op_tuple(u, -1);
    case 0x85: return op_tuple(u, 1);
    case 0x86: return op_tuple(u, 2);
    case 0x87: return op_tuple(u, 3);
    case ')': return push(u, tuple_new(0));
    case ']': return push(u, list_new(0));
    case '}': return push(u, dict_new());
    case 'N': return push(u, V_NONE);
    case 0x88: return push(u, v_bool(true));
    case 0x89: return push(u, v_bool(false));
    case 'K': return op_int(u, 1, false);
    case 'M': return op_int(u, 2, false);
    case 'J': return op_int(u, 4, true);
    case 0x8a: return op_long1(u);
    case 'G': return op_float(u);
    case 'X': return op_string(u, 4);
    case 0x8c: return op_string(u, 1);                    /* SHORT_BINUNICODE */
    case 'q': if (!need(u, 1)) return false; return memo_store(u, *u->p++);
    case 'r': if (!need(u, 4)) return false; u->p += 4; return memo_store(u, rd_le(u->p - 4, 4));
    case 0x94: return memo_store(u, (uint64_t)u->nmemo);  /* MEMOIZE (approximate) */
    case 'h': if (!need(u, 1)) return false; return memo_load(u, *u->p++);
    case 'j': if (!need(u, 4)) return false; u->p += 4; return memo_load(u, rd_le(u->p - 4, 4));
    case 'a': return op_fill(u, false, false);
    case 'e': return op_fill(u, true, false);
    case 's': return op_fill(u, false, true);
    case 'u': return op_fill(u, true, true);
    case 'R': return op_reduce(u);
    case 'Q': return op_persid(u);
    case 'b': { Value st = pop(u); v_decref(st); return !IS_ERR(st); } /* BUILD: state ignored */
    default:
        rt_raise(&exc_RuntimeError, "torch.load: unsupported pickle opcode 0x%02x", op);
        return false;
    }
}

static void unpickler_free(Unpickler *u)
{
    for (int64_t i = 0; i < u->sp; i++) v_decref(u->stack[i]);
    for (int64_t i = 0; i < u->nmemo; i++) v_decref(u->memo[i]);
    free(u->stack);
    free(u->memo);
    v_decref(u->storages);
}

static Value unpickle(Zip *z, const unsigned char *p, size_t n)
{
    Unpickler u = {.p = p, .end = p + n, .zip = z, .storages = dict_new()};
    if (IS_ERR(u.storages)) return V_ERR;
    bool done = false, ok = true;
    while (ok && !done) {
        ok = step(&u, &done);
        if (ok && !rt_check_interrupt()) ok = false;
    }
    Value r = V_ERR;
    if (ok && u.sp >= 1) r = pop(&u);
    else if (ok) bad_pickle("empty stack at STOP");
    unpickler_free(&u);
    return r;
}

/* ------------------------------------------------------------------ */
/* torch.load                                                           */
/* ------------------------------------------------------------------ */

static bool read_file(const char *path, Buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        rt_raise(&exc_FileNotFoundError, "[Errno %d] %s: '%s'", errno, strerror(errno), path);
        return false;
    }
    unsigned char chunk[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0) ok = buf_add(b, chunk, n);
    fclose(f);
    return ok;
}

static Value load_zip(Zip *z)
{
    const unsigned char *data;
    size_t len;
    bool bad;
    if (!zip_open(z)) return V_ERR;
    if (!zip_find(z, NULL, &data, &len, &bad))
        return bad ? rt_raise(&exc_RuntimeError, "[enforce fail at inline_container.cc:129] . "
                                                 "file in archive is not in a subdirectory")
                   : corrupt("failed finding central directory");
    if (!zip_find(z, "version", &data, &len, &bad))
        return rt_raise(&exc_RuntimeError,
                        "Expected hasRecord(\"version\") to be true, but got false.  (Could "
                        "this error message be improved?  If so, please report an enhancement "
                        "request to PyTorch.)");
    int ver = len >= 1 && data[0] >= '1' && data[0] <= '9' ? data[0] - '0' : -1;
    if (len >= 2 && data[1] >= '0' && data[1] <= '9') ver = ver * 10 + (data[1] - '0');
    if (ver < 1 || ver > 10)
        return rt_raise(&exc_RuntimeError,
                        "Attempted to read a PyTorch file with version %d, but the maximum "
                        "supported version for reading is 10. Your PyTorch installation may be "
                        "too old.", ver);
    if (!zip_find(z, "data.pkl", &data, &len, &bad))
        return rt_raise(&exc_RuntimeError,
                        "PytorchStreamReader failed locating file data.pkl: file not found");
    return unpickle(z, data, len);
}

/* _pickle.UnpicklingError: what PyTorch's legacy loader raises for a file
 * that is not a zip archive (it reads it as a pickle).  A class made once,
 * as a `class` statement would make it, so tracebacks name its module. */
static Value unpickling_error(const unsigned char *p, size_t n)
{
    static Value cls;
    if (!IS_OBJ(cls)) {
        Value name = str_from_cstr("UnpicklingError"), ns = dict_new();
        Value bases = tuple_pack(1, v_obj(&exc_Exception)), mod = str_from_cstr("_pickle");
        if (!IS_ERR(name) && !IS_ERR(ns) && !IS_ERR(bases) && !IS_ERR(mod) &&
            dict_set_cstr(ns, "__module__", mod) >= 0)
            cls = class_new(name, bases, ns);
        v_decref(name);
        v_decref(ns);
        v_decref(bases);
        v_decref(mod);
        if (!IS_OBJ(cls)) {
            cls = V_NONE;
            return V_ERR;
        }
    }
    Value msg = n == 0 ? str_from_cstr("Ran out of input")
                       : p[0] >= 0x20 && p[0] < 0x7f ? str_fmt("invalid load key, '%c'.", p[0])
                                                      : str_fmt("invalid load key, '\\x%02x'.", p[0]);
    if (IS_ERR(msg)) return msg;
    Value args = tuple_pack(1, msg);
    Value e = IS_ERR(args) ? args : v_call(cls, ((Tuple *)args.o)->items, 1, NULL);
    v_decref(args);
    v_decref(msg);
    if (IS_ERR(e)) return e;
    rt_raise_value(e);
    v_decref(e);
    return V_ERR;
}

static Value f_load(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"f", "map_location", "pickle_module", "weights_only"};
    Value v[4];
    if (!args_parse("load", args, nargs, kw, names, 4, 1, v)) return V_ERR;
    if (!IS_TYPE(v[0], &str_type))
        return rt_raise(&exc_AttributeError, "'%s' object has no attribute 'read'",
                        v_typename(v[0]));
    if (!IS_UNBOUND(v[1]) && !IS_NONE(v[1])) {
        int dev;
        if (!torch_to_device(v[1], &dev)) return V_ERR;
    }
    Buf b = {0};
    if (!read_file(str_cstr(v[0]), &b)) {
        free(b.p);
        return V_ERR;
    }
    Value r;
    if (b.len < 4 || memcmp(b.p, "PK\3\4", 4))
        r = unpickling_error(b.p, b.len);
    else {
        Zip z = {.p = b.p, .n = b.len};
        r = load_zip(&z);
    }
    free(b.p);
    return r;
}

static const MethodDef save_functions[] = {
    {"save", f_save,
     "save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True)\n\n"
     "Saves an object to a disk file (PyTorch's zip format).", 0},
    {"load", f_load,
     "load(f, map_location=None, pickle_module=pickle, *, weights_only=False)\n\n"
     "Loads an object saved with torch.save() from a file.", 0},
    {NULL, NULL, NULL, 0},
};

bool torch_save_init(Value torch)
{
    module_add_functions(torch, save_functions);
    return true;
}
