/* torch_types.c — the small value types of the torch module: dtype,
 * device, torch.Size and the named tuples of torch.return_types.
 *
 * dtypes are immortal singletons (one per TsDType) so `x.dtype is
 * torch.float32` holds as in PyTorch.  Size and the return types are tuple
 * subtypes laid out exactly as Tuple, so every tuple routine (iteration,
 * unpacking, len, hashing) works on them unchanged; they only add their
 * repr and, for return types, field names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_obj.h"

#define IMMORTAL ((int64_t)1 << 60)

/* ------------------------------------------------------------------ */
/* dtype                                                               */
/* ------------------------------------------------------------------ */

static DTypeObj dtype_objs[TS_NUM_DTYPES];

Value torch_dtype_value(TsDType dt)
{
    DTypeObj *d = &dtype_objs[dt];
    if (!d->hdr.type) {
        d->hdr.rc = IMMORTAL;
        d->hdr.type = &dtype_type;
        d->dt = dt;
    }
    return v_obj(d);
}

static Value dtype_repr(Value v) { return str_from_cstr(ts_dtype_name(((DTypeObj *)v.o)->dt)); }

static bool identity_hash(Value v, int64_t *out)
{
    *out = (int64_t)((uintptr_t)v.o >> 4);
    return true;
}

static Value dtype_getattr(Value v, Obj *name)
{
    TsDType dt = ((DTypeObj *)v.o)->dt;
    const char *n = ((Str *)name)->data;
    if (!strcmp(n, "is_floating_point")) return v_bool(ts_dtype_is_float(dt));
    if (!strcmp(n, "is_signed")) return v_bool(ts_dtype_is_signed(dt));
    if (!strcmp(n, "is_complex")) return v_bool(false);
    if (!strcmp(n, "itemsize")) return v_int((int64_t)ts_dtype_size(dt));
    return V_UNBOUND;
}

Type dtype_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "dtype", .base = &object_type,
    .basicsize = sizeof(DTypeObj), .repr = dtype_repr, .hash = identity_hash,
    .getattr = dtype_getattr,
};

/* ------------------------------------------------------------------ */
/* device                                                              */
/* ------------------------------------------------------------------ */

Value torch_device_value(const char *type, int index)
{
    DeviceObj *d = obj_alloc(&device_type, sizeof *d);
    if (!d) return V_ERR;
    snprintf(d->type, sizeof d->type, "%s", type);
    d->index = index;
    return v_obj(d);
}

Value torch_device_of(int device_id)
{
    const TsDevice *dev = ts_device_get(device_id);
    if (!dev) return torch_device_value("cpu", -1);
    return torch_device_value(dev->type, dev->index);
}

static Value device_repr(Value v)
{
    DeviceObj *d = (DeviceObj *)v.o;
    if (d->index < 0) return str_fmt("device(type='%s')", d->type);
    return str_fmt("device(type='%s', index=%d)", d->type, d->index);
}

static Value device_str(Value v)
{
    DeviceObj *d = (DeviceObj *)v.o;
    if (d->index < 0) return str_from_cstr(d->type);
    return str_fmt("%s:%d", d->type, d->index);
}

/* Parses 'cpu', 'cuda', 'cuda:1' with PyTorch's error for anything else. */
static bool parse_device_string(const char *s, char *type, int *index)
{
    const char *colon = strchr(s, ':');
    size_t tn = colon ? (size_t)(colon - s) : strlen(s);
    if ((tn == 3 && !strncmp(s, "cpu", 3)) || (tn == 4 && !strncmp(s, "cuda", 4))) {
        memcpy(type, s, tn);
        type[tn] = 0;
        *index = -1;
        if (!colon) return true;
        char *end;
        long i = strtol(colon + 1, &end, 10);
        if (*end == 0 && end != colon + 1 && i >= 0) {
            *index = (int)i;
            return true;
        }
        rt_raise(&exc_RuntimeError, "Invalid device string: '%s'", s);
        return false;
    }
    rt_raise(&exc_RuntimeError,
             "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, "
             "ort, xla, lazy, vulkan, mps, meta, hpu, privateuseone device type at start of "
             "device string: %s", s);
    return false;
}

static Value device_new(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    static const char *const names[] = {"type", "index"};
    Value a[2];
    if (!args_parse("device", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    if (IS_TYPE(a[0], &device_type)) return v_incref(a[0]);
    if (IS_INT(a[0])) return torch_device_value("cuda", (int)a[0].i);
    if (!IS_TYPE(a[0], &str_type))
        return rt_raise(&exc_TypeError, "device() received an invalid combination of arguments");
    char type[8];
    int index;
    if (!parse_device_string(str_cstr(a[0]), type, &index)) return V_ERR;
    if (!IS_UNBOUND(a[1]) && !IS_NONE(a[1])) {
        if (!IS_INT(a[1])) return rt_raise(&exc_TypeError, "device(): index must be int");
        index = (int)a[1].i;
    }
    return torch_device_value(type, index);
}

static Value device_getattr(Value v, Obj *name)
{
    DeviceObj *d = (DeviceObj *)v.o;
    const char *n = ((Str *)name)->data;
    if (!strcmp(n, "type")) return str_from_cstr(d->type);
    if (!strcmp(n, "index")) return d->index < 0 ? V_NONE : v_int(d->index);
    return V_UNBOUND;
}

/* Devices compare equal to devices only: PyTorch answers False for
 * torch.device('cpu') == 'cpu'. */
static Value device_compare(CmpOp op, Value a, Value b)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_TYPE(a, &device_type) || !IS_TYPE(b, &device_type))
        return rt_notimpl();
    DeviceObj *x = (DeviceObj *)a.o, *y = (DeviceObj *)b.o;
    bool eq = !strcmp(x->type, y->type) && x->index == y->index;
    return v_bool(op == CMP_EQ ? eq : !eq);
}

static bool device_hash(Value v, int64_t *out)
{
    DeviceObj *d = (DeviceObj *)v.o;
    *out = str_hash_bytes(d->type, (int64_t)strlen(d->type)) ^ (d->index + 1);
    return true;
}

Type device_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "device", .base = &object_type,
    .basicsize = sizeof(DeviceObj), .new = device_new, .repr = device_repr, .str = device_str,
    .hash = device_hash, .compare = device_compare, .getattr = device_getattr,
};

/* ------------------------------------------------------------------ */
/* layout: torch.strided (dense) and torch.sparse_coo                  */
/* ------------------------------------------------------------------ */

typedef struct LayoutObj { Obj hdr; const char *name; } LayoutObj;

static Value layout_repr(Value v) { return str_from_cstr(((LayoutObj *)v.o)->name); }

Type layout_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "layout", .base = &object_type,
    .basicsize = sizeof(LayoutObj), .repr = layout_repr, .hash = identity_hash,
};

static LayoutObj layouts[2] = {
    {{IMMORTAL, &layout_type}, "torch.strided"},
    {{IMMORTAL, &layout_type}, "torch.sparse_coo"},
};

Value torch_layout_value(bool sparse) { return v_obj(&layouts[sparse]); }

/* ------------------------------------------------------------------ */
/* torch.Size                                                          */
/* ------------------------------------------------------------------ */

Value torch_size_new(int n, const int64_t *sizes)
{
    Tuple *t = obj_alloc(&size_type, sizeof(Tuple) + (size_t)n * sizeof(Value));
    if (!t) return V_ERR;
    t->len = n;
    for (int i = 0; i < n; i++) t->items[i] = v_int(sizes[i]);
    return v_obj(t);
}

static bool is_tuple_like(Value v)
{
    return IS_OBJ(v) && (v.o->type == &tuple_type || v.o->type == &size_type);
}

static Value size_repr(Value v)
{
    Tuple *t = (Tuple *)v.o;
    StrBuf b;
    if (!sb_init(&b, 32) || !sb_adds(&b, "torch.Size([")) return V_ERR;
    for (int64_t i = 0; i < t->len; i++) {
        if ((i && !sb_adds(&b, ", ")) || !sb_addrepr(&b, t->items[i])) {
            sb_free(&b);
            return V_ERR;
        }
    }
    if (!sb_adds(&b, "])")) return V_ERR;
    return sb_finish(&b);
}

static Value size_compare(CmpOp op, Value a, Value b)
{
    if (!is_tuple_like(a) || !is_tuple_like(b)) return rt_notimpl();
    Tuple *x = (Tuple *)a.o, *y = (Tuple *)b.o;
    return seq_compare(op, x->items, x->len, y->items, y->len);
}

/* Slicing a Size gives a Size; an int gives the int. */
static Value size_getitem(Value self, Value key)
{
    if (!IS_TYPE(key, &slice_type)) return tuple_type.getitem(self, key);
    Tuple *t = (Tuple *)self.o;
    int64_t start, stop, step, n;
    if (!slice_indices(key, t->len, &start, &stop, &step, &n)) return V_ERR;
    int64_t sz[TS_MAX_DIMS];
    for (int64_t k = 0; k < n && k < TS_MAX_DIMS; k++) sz[k] = t->items[start + k * step].i;
    return torch_size_new((int)n, sz);
}

/* Size + tuple stays a Size (x.shape[:1] + (4,)). */
static Value size_binop(BinOp op, Value a, Value b)
{
    if (op != OP_ADD || !is_tuple_like(a) || !is_tuple_like(b)) return tuple_type.binop(op, a, b);
    Tuple *x = (Tuple *)a.o, *y = (Tuple *)b.o;
    int64_t sz[2 * TS_MAX_DIMS];
    int64_t n = 0;
    for (int64_t i = 0; i < x->len && n < 2 * TS_MAX_DIMS; i++) sz[n++] = x->items[i].i;
    for (int64_t i = 0; i < y->len && n < 2 * TS_MAX_DIMS; i++) {
        if (!IS_INT(y->items[i])) return tuple_type.binop(op, a, b);
        sz[n++] = y->items[i].i;
    }
    return torch_size_new((int)n, sz);
}

static Value size_numel(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("numel", kw) || !args_count("numel", nargs - 1, 0, 0)) return V_ERR;
    Tuple *t = (Tuple *)args[0].o;
    int64_t n = 1;
    for (int64_t i = 0; i < t->len; i++) n *= t->items[i].i;
    return v_int(n);
}

static Value size_new_slot(Type *tp, Value *args, int nargs, KwArgs *kw)
{
    (void)tp;
    int64_t sz[TS_MAX_DIMS] = {0};  /* zeroed: gcc -O1 maybe-uninitialized */
    int n = 0;
    if (nargs == 0) return torch_size_new(0, sz);
    if (!args_nokw("Size", kw) || !torch_to_sizes(args, 1, sz, &n, "Size")) return V_ERR;
    return torch_size_new(n, sz);
}

static const MethodDef size_methods[] = {
    {"numel", size_numel, "numel() -> int\n\nThe number of elements of a tensor of this shape.", 0},
    {NULL, NULL, NULL, 0},
};

Type size_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "Size", .base = &tuple_type,
    .basicsize = sizeof(Tuple), .new = size_new_slot, .repr = size_repr,
    .compare = size_compare, .getitem = size_getitem, .binop = size_binop,
};

/* Copies the tuple slots Size does not override (done once at start-up:
 * tuple_type's slots are static functions of tuple.c). */
static void size_type_init(void)
{
    size_type.dealloc = tuple_type.dealloc;
    size_type.hash = tuple_type.hash;
    size_type.truth = tuple_type.truth;
    size_type.len = tuple_type.len;
    size_type.iter = tuple_type.iter;
    size_type.contains = tuple_type.contains;
    type_add_methods(&size_type, size_methods);
}

/* ------------------------------------------------------------------ */
/* torch.return_types                                                  */
/* ------------------------------------------------------------------ */

/* One row per named tuple: its short name and field names. */
typedef struct RetDef { const char *name; const char *fields[3]; Type type; } RetDef;

#define RET(n, a, b, c) {n, {a, b, c}, {.hdr = {0, NULL}}}
static RetDef ret_defs[] = {
    RET("max", "values", "indices", NULL),      RET("min", "values", "indices", NULL),
    RET("sort", "values", "indices", NULL),     RET("topk", "values", "indices", NULL),
    RET("median", "values", "indices", NULL),   RET("mode", "values", "indices", NULL),
    RET("kthvalue", "values", "indices", NULL), RET("cummax", "values", "indices", NULL),
    RET("cummin", "values", "indices", NULL),   RET("nanmedian", "values", "indices", NULL),
    RET("aminmax", "min", "max", NULL),         RET("svd", "U", "S", "V"),
    RET("linalg_svd", "U", "S", "Vh"),          RET("slogdet", "sign", "logabsdet", NULL),
    RET("linalg_slogdet", "sign", "logabsdet", NULL), RET("qr", "Q", "R", NULL),
    RET("linalg_qr", "Q", "R", NULL),           RET("var_mean", NULL, NULL, NULL),
};
#undef RET

static RetDef *ret_of(Value v)
{
    for (size_t i = 0; i < sizeof ret_defs / sizeof *ret_defs; i++)
        if (v.o->type == &ret_defs[i].type) return &ret_defs[i];
    return NULL;
}

/* PyTorch prints each field on its own line:
 *   torch.return_types.max(\nvalues=tensor([...]),\nindices=tensor([...])) */
static Value ret_repr(Value v)
{
    RetDef *d = ret_of(v);
    Tuple *t = (Tuple *)v.o;
    StrBuf b;
    if (!sb_init(&b, 64)) return V_ERR;
    bool ok = sb_adds(&b, "torch.return_types.") && sb_adds(&b, d->name) && sb_adds(&b, "(");
    for (int64_t i = 0; ok && i < t->len; i++) {
        ok = sb_adds(&b, i ? ",\n" : "\n") && sb_adds(&b, d->fields[i] ? d->fields[i] : "?") &&
             sb_addc(&b, '=') && sb_addrepr(&b, t->items[i]);
    }
    if (!ok || !sb_adds(&b, ")")) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

static Value ret_getattr(Value v, Obj *name)
{
    RetDef *d = ret_of(v);
    Tuple *t = (Tuple *)v.o;
    for (int64_t i = 0; i < t->len && i < 3; i++)
        if (d->fields[i] && !strcmp(d->fields[i], ((Str *)name)->data))
            return v_incref(t->items[i]);
    return V_UNBOUND;
}

static void ret_types_init(void)
{
    for (size_t i = 0; i < sizeof ret_defs / sizeof *ret_defs; i++) {
        Type *t = &ret_defs[i].type;
        t->hdr.rc = IMMORTAL;
        t->hdr.type = &type_type;
        t->name = ret_defs[i].name;
        t->base = &tuple_type;
        t->basicsize = sizeof(Tuple);
        t->dealloc = tuple_type.dealloc;
        t->repr = ret_repr;
        t->hash = tuple_type.hash;
        t->compare = tuple_type.compare;
        t->truth = tuple_type.truth;
        t->len = tuple_type.len;
        t->iter = tuple_type.iter;
        t->getitem = tuple_type.getitem;
        t->contains = tuple_type.contains;
        t->getattr = ret_getattr;
    }
}

Value torch_return_tuple(const char *name, int n, Value *items)
{
    RetDef *d = NULL;
    for (size_t i = 0; i < sizeof ret_defs / sizeof *ret_defs; i++)
        if (!strcmp(ret_defs[i].name, name)) d = &ret_defs[i];
    Tuple *t = obj_alloc(d ? &d->type : &tuple_type, sizeof(Tuple) + (size_t)n * sizeof(Value));
    if (!t) {
        for (int i = 0; i < n; i++) v_decref(items[i]);
        return V_ERR;
    }
    t->len = n;
    for (int i = 0; i < n; i++) t->items[i] = items[i];
    return v_obj(t);
}

Value torch_return_pair(const char *name, TsTensor *a, TsTensor *b)
{
    if (!a || !b) {
        ts_release(a);
        ts_release(b);
        return torch_raise_ts();
    }
    Value items[2] = {torch_wrap(a), torch_wrap(b)};
    if (IS_ERR(items[0]) || IS_ERR(items[1])) {
        v_decref(items[0]);
        v_decref(items[1]);
        return V_ERR;
    }
    return torch_return_tuple(name, 2, items);
}

/* Called once by mod_torch_init before any of these types is used. */
void torch_types_init(void)
{
    static bool done;
    if (done) return;
    done = true;
    size_type_init();
    ret_types_init();
}
