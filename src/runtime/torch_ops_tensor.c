/* torch_ops_tensor.c — impls of the rows about a tensor itself: its
 * metadata (size, stride, storage_offset, data_ptr, storage), copies
 * (contiguous, clone, detach, copy_, resize_), fills, and dtype/device
 * conversions (to, type, float(), long() ...), plus the storage object
 * that Tensor.storage() returns.
 *
 * Conversions that change nothing return the very same Tensor value, as
 * PyTorch does (`x.float() is x` for a float32 x).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "objects.h"
#include "torch_private.h"

#define IMMORTAL ((int64_t)1 << 60)

/* The value of c->a[0] when r is its tensor (retained), else a new one. */
static Value same_or_wrap(TorchCall *c, TsTensor *r)
{
    if (r && r == c->a[0].t) {
        ts_release(r);
        return v_incref(c->a[0].v);
    }
    return torch_wrap(r);
}

/* ---- metadata ---- */

Value impl_size(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    if (c->overload == 0) return torch_size_new(t->ndim, t->sizes);
    int d;
    if (ts_wrap_dim(c->a[1].i, t->ndim, &d) < 0) return torch_raise_ts();
    return v_int(t->ndim ? t->sizes[d] : 1);
}

Value impl_stride(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    if (c->overload == 1) {
        int d;
        if (ts_wrap_dim(c->a[1].i, t->ndim, &d) < 0) return torch_raise_ts();
        return v_int(t->ndim ? t->strides[d] : 1);
    }
    Value r = tuple_new(t->ndim);
    if (IS_ERR(r)) return r;
    for (int i = 0; i < t->ndim; i++) ((Tuple *)r.o)->items[i] = v_int(t->strides[i]);
    return r;
}

Value impl_storage_offset(TorchCall *c) { return v_int(c->a[0].t->offset); }
Value impl_is_contiguous(TorchCall *c) { return v_bool(ts_is_contiguous(c->a[0].t)); }
Value impl_is_floating_point(TorchCall *c) { return v_bool(ts_dtype_is_float(c->a[0].t->dtype)); }
Value impl_is_complex(TorchCall *c) { (void)c; return v_bool(false); }
Value impl_is_tensor(TorchCall *c) { return v_bool(torch_is_tensor(c->a[0].v)); }
Value impl_data_ptr(TorchCall *c) { return v_int((int64_t)(intptr_t)ts_data(c->a[0].t)); }
Value impl_dim(TorchCall *c) { return v_int(c->a[0].t->ndim); }
Value impl_numel(TorchCall *c) { return v_int(ts_numel(c->a[0].t)); }
Value impl_element_size(TorchCall *c) { return v_int((int64_t)ts_dtype_size(c->a[0].t->dtype)); }
Value impl_item(TorchCall *c) { return torch_item_value(c->a[0].t); }

Value torch_tolist(TsTensor *t) __attribute__((weak));
Value impl_tolist(TorchCall *c)
{
    if (!torch_tolist) return rt_raise(&exc_NotImplementedError, "tolist() is not available");
    return torch_tolist(c->a[0].t);
}

/* ---- storage objects ---- */

typedef struct StorageObj { Obj hdr; TsStorage *s; TsDType dt; } StorageObj;

/* Each t.storage() is a new object in PyTorch, and there two that live
 * one after the other never share an address: id(a.storage()) ==
 * id(b.storage()) is False.  Holding on to the last freed one (freeing the
 * one before) keeps malloc from handing its address straight back. */
static void storage_dealloc(Obj *o)
{
    static Obj *held;
    ts_storage_release(((StorageObj *)o)->s);
    free(held);
    held = o;
}

static int64_t storage_len(Value v)
{
    StorageObj *s = (StorageObj *)v.o;
    return (int64_t)(s->s->nbytes / ts_dtype_size(s->dt));
}

/* PyTorch prints each element on its own line, then a summary line. */
static Value storage_repr(Value v)
{
    StorageObj *s = (StorageObj *)v.o;
    int64_t n = storage_len(v);
    size_t sz = ts_dtype_size(s->dt);
    StrBuf b;
    if (!sb_init(&b, 64)) return V_ERR;
    bool ok = true;
    for (int64_t i = 0; ok && i < n && s->s->device == TS_CPU; i++) {
        TsScalar x = ts_load_scalar((char *)s->s->data + (size_t)i * sz, s->dt);
        ok = sb_addc(&b, ' ') && sb_addrepr(&b, torch_from_scalar(x)) && sb_addc(&b, '\n');
    }
    char dev[32], tail[160];
    ts_device_name(s->s->device, dev, sizeof dev);
    snprintf(tail, sizeof tail, "[torch.storage.TypedStorage(dtype=%s, device=%s) of size %lld]",
             ts_dtype_name(s->dt), dev, (long long)n);
    if (!ok || !sb_adds(&b, tail)) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

static Value storage_data_ptr(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    return v_int((int64_t)(intptr_t)((StorageObj *)args[0].o)->s->data);
}

static Value storage_size(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    return v_int(storage_len(args[0]));
}

static Value storage_element_size(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    return v_int((int64_t)ts_dtype_size(((StorageObj *)args[0].o)->dt));
}

static Value storage_getitem(Value v, Value key)
{
    StorageObj *s = (StorageObj *)v.o;
    if (!IS_INT(key)) return rt_raise(&exc_TypeError, "storage indices must be integers");
    int64_t i = key.i;
    if (!seq_index(&i, storage_len(v))) return rt_raise(&exc_IndexError, "index %lld out of range", (long long)key.i);
    size_t sz = ts_dtype_size(s->dt);
    return torch_from_scalar(ts_load_scalar((char *)s->s->data + (size_t)i * sz, s->dt));
}

/* storage().tolist(): every element of the storage, in order. */
static Value storage_tolist(Value *args, int nargs, KwArgs *kw)
{
    if (!args_count("tolist", nargs - 1, 0, 0) || !args_nokw("tolist", kw)) return V_ERR;
    int64_t n = storage_len(args[0]);
    Value l = list_new(0);
    if (IS_ERR(l)) return l;
    for (int64_t i = 0; i < n; i++) {
        Value x = storage_getitem(args[0], v_int(i));
        if (IS_ERR(x) || list_append(l, x) < 0) {
            if (!IS_ERR(x)) v_decref(x);
            v_decref(l);
            return V_ERR;
        }
        v_decref(x);
    }
    return l;
}

static const MethodDef storage_methods[] = {
    {"data_ptr", storage_data_ptr, "data_ptr() -> int\n\nAddress of the storage's memory.", 0},
    {"size", storage_size, "size() -> int\n\nNumber of elements.", 0},
    {"element_size", storage_element_size, "element_size() -> int\n\nBytes per element.", 0},
    {"tolist", storage_tolist, "tolist() -> list\n\nThe elements of the storage as a list.", 0},
    {NULL, NULL, NULL, 0},
};

static Type storage_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "TypedStorage", .base = &object_type,
    .basicsize = sizeof(StorageObj), .dealloc = storage_dealloc, .repr = storage_repr,
    .len = storage_len, .getitem = storage_getitem,
};

bool torch_storage_of(Value v, TsStorage **s, TsDType *dt)
{
    if (!IS_TYPE(v, &storage_type)) return false;
    *s = ((StorageObj *)v.o)->s;
    *dt = ((StorageObj *)v.o)->dt;
    return true;
}

Value impl_storage(TorchCall *c)
{
    if (!storage_type.dict) type_add_methods(&storage_type, storage_methods);
    StorageObj *s = obj_alloc(&storage_type, sizeof *s);
    if (!s) return V_ERR;
    s->s = c->a[0].t->storage;
    s->dt = c->a[0].t->dtype;
    ts_storage_retain(s->s);
    return v_obj(s);
}

/* ---- copies ---- */

Value impl_contiguous(TorchCall *c) { return same_or_wrap(c, ts_contiguous(c->a[0].t)); }
Value impl_clone(TorchCall *c) { return torch_wrap(ts_clone(c->a[0].t)); }

/* detach: a new Tensor over the same view; detach_() only drops autograd
 * state, which this wave has none of. */
Value impl_detach(TorchCall *c)
{
    if (c->inplace) return v_incref(c->self);
    return torch_wrap(ts_alias(c->a[0].t));
}

Value impl_resize_(TorchCall *c)
{
    if (ts_resize_(c->a[0].t, c->a[1].n, c->a[1].list) < 0) return torch_raise_ts();
    return v_incref(c->a[0].v);
}

Value impl_resize_as_(TorchCall *c)
{
    if (ts_resize_(c->a[0].t, c->a[1].t->ndim, c->a[1].t->sizes) < 0) return torch_raise_ts();
    return v_incref(c->a[0].v);
}

static Value inplace_done(TorchCall *c, int rc)
{
    if (rc < 0) return torch_raise_ts();
    return v_incref(c->a[0].v);   /* the library bumped the version */
}

Value impl_copy_(TorchCall *c) { return inplace_done(c, ts_copy_(c->a[0].t, c->a[1].t)); }
Value impl_zero_(TorchCall *c) { return inplace_done(c, ts_zero_(c->a[0].t)); }
Value impl_fill_(TorchCall *c) { return inplace_done(c, ts_fill_(c->a[0].t, c->a[1].s)); }

/* ---- dtype and device conversions ---- */

static Value convert(TorchCall *c, TsDType dt, int device, bool copy)
{
    return same_or_wrap(c, ts_to(c->a[0].t, dt, device, copy));
}

/* to(dtype, ...) | to(device, dtype, ...) | to(other, ...) */
Value impl_to(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    switch (c->overload) {
    case 0: return convert(c, (TsDType)c->a[1].i, t->device, c->a[3].i);
    case 1: {
        TsDType dt = torch_has(&c->a[2]) ? (TsDType)c->a[2].i : TS_UNDEF;
        int dev = torch_has(&c->a[1]) ? (int)c->a[1].i : t->device;
        return convert(c, dt, dev, c->a[4].i);
    }
    default: return convert(c, c->a[1].t->dtype, c->a[1].t->device, c->a[3].i);
    }
}

/* type(): the legacy name "torch.FloatTensor"; type(dtype or name): a
 * converted tensor. */
Value impl_type(TorchCall *c)
{
    TsTensor *t = c->a[0].t;
    Value d = c->a[1].v;
    if (!torch_has(&c->a[1])) {
        const char *n = ts_dtype_legacy(t->dtype);
        if (t->device == TS_CPU) return str_from_cstr(n);
        return str_fmt("torch.cuda.%s", n + 6);
    }
    /* a legacy type name or class: 'torch.FloatTensor', torch.cuda.LongTensor */
    const char *want = IS_TYPE(d, &str_type) ? str_cstr(d)
                       : IS_OBJ(d) && d.o->type == &type_type ? ((Type *)d.o)->name : NULL;
    if (want) {
        bool cuda = !strncmp(want, "torch.cuda.", 11);
        int dev = t->device;
        if (cuda) {
            Value s = str_from_cstr("cuda");
            bool ok = !IS_ERR(s) && torch_to_device(s, &dev);
            v_decref(s);
            if (!ok) return V_ERR;
        } else if (!strncmp(want, "torch.", 6)) {
            dev = TS_CPU;
        }
        for (int dt = 0; dt < TS_NUM_DTYPES; dt++)
            if (!strcmp(ts_dtype_legacy((TsDType)dt) + 6, want + (cuda ? 11 : 6)))
                return convert(c, (TsDType)dt, dev, false);
        return rt_raise(&exc_ValueError, "invalid type: '%s'", want);
    }
    TsDType dt;
    if (!torch_to_dtype(d, &dt)) return V_ERR;
    return convert(c, dt, t->device, false);
}

Value impl_type_as(TorchCall *c) { return convert(c, c->a[1].t->dtype, c->a[0].t->device, false); }
Value impl_cpu(TorchCall *c) { return convert(c, TS_UNDEF, TS_CPU, false); }

Value impl_cuda(TorchCall *c)
{
    int dev;
    if (torch_has(&c->a[1])) dev = (int)c->a[1].i;
    else {
        Value s = str_from_cstr("cuda");
        if (IS_ERR(s)) return s;
        bool ok = torch_to_device(s, &dev);
        v_decref(s);
        if (!ok) return V_ERR;
    }
    return convert(c, TS_UNDEF, dev, false);
}

#define CONV(fn, DT) \
    Value impl_##fn(TorchCall *c) { return convert(c, DT, c->a[0].t->device, false); }
CONV(float, TS_FLOAT32)
CONV(double, TS_FLOAT64)
CONV(half, TS_FLOAT16)
CONV(bfloat16, TS_BFLOAT16)
CONV(int, TS_INT32)
CONV(long, TS_INT64)
CONV(short, TS_INT16)
CONV(char, TS_INT8)
CONV(byte, TS_UINT8)
CONV(bool, TS_BOOL)
#undef CONV

/* ---- dtype arithmetic ---- */

Value impl_result_type(TorchCall *c)
{
    TsTensor *ts[2];
    TsScalar ss[2];
    int nt = 0, ns = 0;
    for (int i = 0; i < 2; i++) {
        if (c->a[i].is_tensor) ts[nt++] = c->a[i].t;
        else ss[ns++] = c->a[i].s;
    }
    return torch_dtype_value(ts_result_type(ts, nt, ss, ns));
}

Value impl_promote_types(TorchCall *c)
{
    return torch_dtype_value(ts_promote_types((TsDType)c->a[0].i, (TsDType)c->a[1].i));
}

Value impl_can_cast(TorchCall *c)
{
    return v_bool(ts_can_cast((TsDType)c->a[0].i, (TsDType)c->a[1].i));
}
