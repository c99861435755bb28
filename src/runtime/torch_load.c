/* torch_load.c — torch.load: the reader of PyTorch's zip + pickle files
 * (/work/shared/parity/serialization.md; torch_save.c is the writer).
 *
 * The zip's central directory is parsed (ZIP64 aware) and each stored
 * entry found by name under the folder of the first entry; data.pkl runs
 * through a small pickle machine (stack, marks, memo) that knows only the
 * globals a tensor file needs (_rebuild_tensor_v2, _rebuild_parameter,
 * OrderedDict, torch.Size, the storage classes).  Every length and offset
 * is checked against the file first: a truncated or corrupt file raises
 * RuntimeError (or _pickle.UnpicklingError for a file that is not a zip,
 * as PyTorch's legacy loader does), never reads out of bounds.  `f` is a
 * path or a file object opened in binary mode, read from its position.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "bi_private.h"
#include "builtins.h"
#include "objects.h"
#include "torch_save.h"
#include "vm_internal.h"

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
        if (z->n < 56 || z64 > z->n - 56 || rd_le(z->p + z64, 4) != 0x06064b50)
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
    int map_device;       /* map_location's device id, or -1: as saved */
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
            torch_storage_class((TsDType)d, cls, sizeof cls);
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

/* The device a storage was saved on ('cpu', 'cuda:0'), as PyTorch's
 * default_restore_location finds it. */
static bool storage_device(Value loc, int *dev)
{
    *dev = TS_CPU;
    if (!IS_TYPE(loc, &str_type)) return !IS_ERR(bad_pickle("storage location"));
    const char *s = str_cstr(loc);
    if (!strncmp(s, "cpu", 3)) return true;
    if (strncmp(s, "cuda", 4)) return !IS_ERR(bad_pickle("storage location"));
    int idx = s[4] == ':' ? atoi(s + 5) : 0;
    *dev = ts_device_find("cuda", idx);
    if (*dev >= 0) return true;
    rt_raise(&exc_RuntimeError,
             "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() "
             "is False. If you are running on a CPU-only machine, please use torch.load with "
             "map_location=torch.device('cpu') to map your storages to the CPU.");
    return false;
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
    int dev = u->map_device;
    if (dev < 0 && !storage_device(t->items[3], &dev)) {
        v_decref(pid);
        return false;
    }
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
        TsTensor *s = ts_from_buffer(data, dt, 1, &numel, dt, dev);
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

/* module.name(*args) for the classes a file rebuilds (nn.Parameter,
 * OrderedDict); a plain tensor / dict when the module is absent. */
static Value call_attr(const char *module, const char *name, Value *args, int nargs)
{
    Value m = rt_import(module);
    Value f = IS_ERR(m) ? V_ERR : v_getattr_cstr(m, name);
    v_decref(m);
    if (IS_ERR(f)) {
        rt_exc_clear();
        return nargs ? v_incref(args[0]) : dict_new();
    }
    Value none[1] = {V_NONE}; /* never NULL, even with no arguments */
    Value r = v_call(f, nargs ? args : none, nargs, NULL);
    v_decref(f);
    return r;
}

static Value call_global(GlobalObj *g, Value args)
{
    if (!IS_TYPE(args, &tuple_type)) return bad_pickle("REDUCE arguments");
    Tuple *a = (Tuple *)args.o;
    switch (g->kind) {
    case G_REBUILD_TENSOR: return rebuild_tensor(a);
    case G_REBUILD_PARAM: /* (tensor, requires_grad, hooks) */
        if (a->len < 2 || !torch_is_tensor(a->items[0]) || !IS_BOOL(a->items[1]))
            return bad_pickle("parameter");
        return call_attr("torch.nn", "Parameter", a->items, 2);
    case G_ORDERED_DICT: return call_attr("collections", "OrderedDict", NULL, 0);
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
    } else if (dict && IS_OBJ(c) && !strcmp(v_typename(c), "OrderedDict") &&
               (u->sp - first) % 2 == 0) {
        for (int64_t i = first; ok && i < u->sp; i += 2)
            ok = v_setitem(c, u->stack[i], u->stack[i + 1]) >= 0;
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

static Value unpickle(Zip *z, const unsigned char *p, size_t n, int map_device)
{
    Unpickler u = {.p = p, .end = p + n, .zip = z, .map_device = map_device,
                   .storages = dict_new()};
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

/* The rest of an open stream, from its position. */
static bool read_stream(FILE *f, Buf *b)
{
    unsigned char chunk[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0) ok = torch_buf_add(b, chunk, n);
    if (ok && ferror(f)) {
        rt_raise(&exc_OSError, "[Errno %d] %s", errno, strerror(errno));
        ok = false;
    }
    return ok;
}

static bool read_file(const char *path, Buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        rt_raise(&exc_FileNotFoundError, "[Errno %d] %s: '%s'", errno, strerror(errno), path);
        return false;
    }
    bool ok = read_stream(f, b);
    fclose(f);
    return ok;
}

static Value load_zip(Zip *z, int map_device)
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
    return unpickle(z, data, len, map_device);
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

Value torch_load_fn(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"f", "map_location", "pickle_module", "weights_only"};
    Value v[4];
    if (!args_parse("load", args, nargs, kw, names, 4, 1, v)) return V_ERR;
    FILE *stream = NULL;
    if (!IS_TYPE(v[0], &str_type)) {
        if (IS_TYPE(v[0], &bi_file_type)) {
            if (!(stream = bi_file_binary(v[0], false))) return V_ERR;
        } else { /* PyTorch first checks f.seek: its AttributeError, extended */
            Value m = v_getattr_cstr(v[0], "seek");
            if (IS_ERR(m))
                return rt_raise(&exc_AttributeError,
                                "'%s' object has no attribute 'seek'. You can only torch.load "
                                "from a file that is seekable. Please pre-load the data into a "
                                "buffer like io.BytesIO and try to load from it instead.",
                                v_typename(v[0]));
            v_decref(m);
            return rt_raise(&exc_NotImplementedError,
                            "torch.load: only a path or a file opened in binary mode ('rb') "
                            "is supported, not %s", v_typename(v[0]));
        }
    }
    int dev = -1; /* map_location: a device or a string ('cpu', 'cuda:0') */
    /* a dict or a function (lambda storage, loc: storage) remaps saved
     * locations; every storage is loaded where it was saved then */
    bool remap = IS_TYPE(v[1], &dict_type) || (!IS_UNBOUND(v[1]) && v_type(v[1])->call);
    if (!IS_UNBOUND(v[1]) && !IS_NONE(v[1]) && !remap && !torch_to_device(v[1], &dev))
        return V_ERR;
    Buf b = {0};
    if (stream ? !read_stream(stream, &b) : !read_file(str_cstr(v[0]), &b)) {
        free(b.p);
        return V_ERR;
    }
    Value r;
    if (b.len < 4 || memcmp(b.p, "PK\3\4", 4))
        r = unpickling_error(b.p, b.len);
    else {
        Zip z = {.p = b.p, .n = b.len};
        r = load_zip(&z, dev);
    }
    free(b.p);
    return r;
}

