/* torch_save.h — what torch_save.c (the writer) and torch_load.c (the
 * reader) share: a growable byte buffer and the storage class names.
 * Private to those two files. */
#ifndef RT_TORCH_SAVE_H
#define RT_TORCH_SAVE_H

#include "torch_create.h"

typedef struct Buf {
    unsigned char *p;
    size_t len, cap;
} Buf;

/* Both return false after raising MemoryError. */
bool torch_buf_grow(Buf *b, size_t extra);
bool torch_buf_add(Buf *b, const void *p, size_t n);

/* "FloatStorage" for float32 (torch.<Kind>Storage, the pickled class). */
void torch_storage_class(TsDType dt, char *buf, size_t n);

/* torch.load (torch_load.c), registered by torch_save_init. */
Value torch_load_fn(Value *args, int nargs, KwArgs *kw);

#endif
