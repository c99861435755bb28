/* device.c — the device table.
 *
 * Row 0 is the CPU, filled in statically.  A GPU backend (src/cuda, built
 * only with TSC_CUDA) adds its rows at start-up through
 * ts_device_register; the CPU build never sees a CUDA header.
 */
#include "tensor/tensor.h"

#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* 64-byte alignment lets the compiler's vector loads run unaligned-free
 * and matches PyTorch's CPU allocator. */
static void *aligned_alloc64(size_t rounded)
{
    void *p = NULL;
    return posix_memalign(&p, 64, rounded) == 0 ? p : NULL;
}

/* ---- a small cache of freed LARGE blocks --------------------------------
 * glibc serves blocks past its mmap threshold (32 MiB at most) with a fresh
 * mmap and gives them back on free, so `c = a + b` on 10M floats paid for
 * ~10000 page faults (the kernel zeroing every page) on every iteration:
 * more than the add itself.  Freed blocks of at least CACHE_MIN bytes are
 * kept (a few, bounded in bytes) and handed out again to a request of about
 * the same size, pages already mapped.  Small blocks never come here:
 * malloc recycles those well by itself.  The size of a freed block comes
 * from malloc_usable_size, so no header is needed. */
#define CACHE_MIN ((size_t)1 << 20)
#define CACHE_SLOTS 8
#define CACHE_MAX_BYTES ((size_t)256 << 20)

static struct {
    void *p;
    size_t size;
} cache[CACHE_SLOTS];
static size_t cache_bytes;
static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;

/* The best-fitting cached block for n bytes (no more than 1/4 wasted). */
static void *cache_take(size_t n)
{
    int best = -1;
    pthread_mutex_lock(&cache_mu);
    for (int i = 0; i < CACHE_SLOTS; i++)
        if (cache[i].p && cache[i].size >= n && cache[i].size - n <= n / 4 &&
            (best < 0 || cache[i].size < cache[best].size))
            best = i;
    void *p = NULL;
    if (best >= 0) {
        p = cache[best].p;
        cache_bytes -= cache[best].size;
        cache[best].p = NULL;
    }
    pthread_mutex_unlock(&cache_mu);
    return p;
}

/* Keeps p when there is room; otherwise evicts the smallest blocks first
 * (the big ones are the expensive ones to fault in again). */
static bool cache_put(void *p, size_t size)
{
    if (size > CACHE_MAX_BYTES)
        return false;
    void *evict[CACHE_SLOTS];
    int nevict = 0;
    bool kept = false;
    pthread_mutex_lock(&cache_mu);
    for (;;) {
        int slot = -1, smallest = -1;
        for (int i = 0; i < CACHE_SLOTS; i++) {
            if (!cache[i].p && slot < 0)
                slot = i;
            if (cache[i].p && (smallest < 0 || cache[i].size < cache[smallest].size))
                smallest = i;
        }
        if (slot >= 0 && cache_bytes + size <= CACHE_MAX_BYTES) {
            cache[slot].p = p;
            cache[slot].size = size;
            cache_bytes += size;
            kept = true;
            break;
        }
        if (smallest < 0)
            break;
        evict[nevict++] = cache[smallest].p;
        cache_bytes -= cache[smallest].size;
        cache[smallest].p = NULL;
    }
    pthread_mutex_unlock(&cache_mu);
    for (int i = 0; i < nevict; i++)
        free(evict[i]);
    return kept;
}

static void *cpu_alloc(size_t n)
{
    size_t rounded = (n + 63) & ~(size_t)63;
    if (rounded < n)
        return NULL;
    if (rounded >= CACHE_MIN) {
        void *p = cache_take(rounded);
        if (p)
            return p;
    }
    return aligned_alloc64(rounded);
}

static void cpu_free(void *p)
{
    if (!p)
        return;
    size_t size = malloc_usable_size(p);
    if (size >= CACHE_MIN && cache_put(p, size))
        return;
    free(p);
}

static int cpu_copy(void *dst, const void *src, size_t n)
{
    memmove(dst, src, n);
    return 0;
}

static void cpu_sync(void) {}

static TsDevice devices[TS_MAX_DEVICES] = {
    {.type = "cpu", .index = -1, .alloc = cpu_alloc, .free = cpu_free,
     .to_host = cpu_copy, .from_host = cpu_copy, .copy = cpu_copy, .synchronize = cpu_sync},
};
static int ndevices = 1;

int ts_device_register(const TsDevice *dev)
{
    if (ndevices >= TS_MAX_DEVICES)
        return ts_error(TS_ERR_RUNTIME, "too many devices");
    devices[ndevices] = *dev;
    return ndevices++;
}

const TsDevice *ts_device_get(int id)
{
    return id >= 0 && id < ndevices ? &devices[id] : NULL;
}

int ts_device_count(void) { return ndevices; }

int ts_device_find(const char *type, int index)
{
    for (int i = 0; i < ndevices; i++)
        if (strcmp(devices[i].type, type) == 0 && (i == 0 || devices[i].index == index))
            return i;
    return -1;
}

const char *ts_device_name(int id, char *buf, size_t n)
{
    const TsDevice *d = ts_device_get(id);
    if (!d)
        snprintf(buf, n, "?");
    else if (d->index < 0)
        snprintf(buf, n, "%s", d->type);
    else
        snprintf(buf, n, "%s:%d", d->type, d->index);
    return buf;
}

/* PyTorch names the accelerator first ("cuda:0 and cpu"). */
int ts_check_same_device(int a, int b)
{
    if (a == b)
        return 0;
    char na[32], nb[32];
    if (a == TS_CPU) {
        int t = a;
        a = b;
        b = t;
    }
    return ts_error(TS_ERR_RUNTIME,
                    "Expected all tensors to be on the same device, but found at least two "
                    "devices, %s and %s!",
                    ts_device_name(a, na, sizeof na), ts_device_name(b, nb, sizeof nb));
}
