/* storage.c — reference-counted buffers on a device.
 *
 * The buffer's memory comes from the device table's allocator, or from
 * somebody else (numpy) with a release callback.  Allocation failures are
 * reported with PyTorch's allocator text.
 */
#include "tensor/tensor.h"

#include <stdlib.h>

static TsStorage *storage_header(void)
{
    TsStorage *s = calloc(1, sizeof *s);
    if (!s)
        ts_error_oom(sizeof *s);
    return s;
}

/* Small CPU buffers (a 1-element result, a scalar) live in the same block
 * as their header, right after it: one plain malloc and one free per
 * tensor instead of a calloc plus a posix_memalign (glibc's memalign path
 * splits chunks and was ~15% of a 1-element op).  Such data is 16-byte
 * aligned only (malloc's guarantee); every kernel loads unaligned, and
 * buffers past INLINE_MAX keep the device allocator's 64 bytes. */
#define HEADER_SPAN 64
#define INLINE_MAX 64
_Static_assert(sizeof(TsStorage) <= HEADER_SPAN, "the header fits its span");

static bool is_inline(const TsStorage *s)
{
    return s->data == (const char *)s + HEADER_SPAN;
}

static TsStorage *storage_new_inline(size_t nbytes)
{
    void *p = malloc(HEADER_SPAN + INLINE_MAX);
    if (!p) {
        ts_error_oom(HEADER_SPAN + INLINE_MAX);
        return NULL;
    }
    TsStorage *s = p;
    memset(s, 0, sizeof *s);
    s->data = (char *)p + HEADER_SPAN;
    s->rc = 1;
    s->nbytes = nbytes;
    s->device = TS_CPU;
    return s;
}

TsStorage *ts_storage_new(size_t nbytes, int device)
{
    if (device == TS_CPU && nbytes <= INLINE_MAX)
        return storage_new_inline(nbytes);
    const TsDevice *dev = ts_device_get(device);
    if (!dev) {
        ts_error(TS_ERR_RUNTIME, "invalid device id %d", device);
        return NULL;
    }
    TsStorage *s = storage_header();
    if (!s)
        return NULL;
    /* Always allocate at least one byte so data != NULL for empty tensors. */
    s->data = dev->alloc(nbytes ? nbytes : 1);
    if (!s->data) {
        free(s);
        ts_error_oom(nbytes);
        return NULL;
    }
    s->rc = 1;
    s->nbytes = nbytes;
    s->device = device;
    return s;
}

TsStorage *ts_storage_borrow(void *data, size_t nbytes, int device,
                             void (*release)(void *ctx, void *data), void *ctx)
{
    TsStorage *s = storage_header();
    if (!s)
        return NULL;
    s->rc = 1;
    s->data = data;
    s->nbytes = nbytes;
    s->device = device;
    s->release = release;
    s->release_ctx = ctx;
    s->borrowed = true;
    return s;
}

void ts_storage_retain(TsStorage *s) { s->rc++; }

void ts_storage_release(TsStorage *s)
{
    if (!s || --s->rc > 0)
        return;
    if (s->release)
        s->release(s->release_ctx, s->data);
    else if (!s->borrowed && !is_inline(s))
        ts_device_get(s->device)->free(s->data);
    free(s);
}

/* resize_ never shrinks (PyTorch keeps the old buffer when it is big
 * enough); growing copies the old bytes into fresh memory. */
int ts_storage_resize(TsStorage *s, size_t nbytes)
{
    if (nbytes <= s->nbytes)
        return 0;
    if (s->borrowed)
        return ts_error(TS_ERR_RUNTIME,
                        "Trying to resize storage that is not resizable");
    const TsDevice *dev = ts_device_get(s->device);
    void *p = dev->alloc(nbytes);
    if (!p)
        return ts_error_oom(nbytes);
    if (s->nbytes && dev->copy(p, s->data, s->nbytes) < 0) {
        dev->free(p);
        return -1;
    }
    if (!is_inline(s))
        dev->free(s->data);
    s->data = p;
    s->nbytes = nbytes;
    return 0;
}
