/* device.c — the device table.
 *
 * Row 0 is the CPU, filled in statically.  A GPU backend (src/cuda, built
 * only with TSC_CUDA) adds its rows at start-up through
 * ts_device_register; the CPU build never sees a CUDA header.
 */
#include "tensor/tensor.h"

#include <stdio.h>
#include <stdlib.h>

/* 64-byte alignment lets the compiler's vector loads run unaligned-free
 * and matches PyTorch's CPU allocator. */
static void *cpu_alloc(size_t n)
{
    void *p = NULL;
    size_t rounded = (n + 63) & ~(size_t)63;
    if (rounded < n || posix_memalign(&p, 64, rounded) != 0)
        return NULL;
    return p;
}

static void cpu_free(void *p) { free(p); }

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
