/* device.cu — finding the GPUs and registering them in the device table.
 *
 * One row per visible GPU, named "cuda" with its ordinal.  The table's
 * memory hooks take no device argument, so each GPU gets its own
 * instantiation of them (gpu_alloc<0>, gpu_alloc<1>, ...) over the
 * caching allocator (alloc.cu).  Everything runs on the legacy default stream, so
 * kernels and copies are ordered without explicit events, and cudaMemcpy
 * to the host waits for the kernels that wrote the source: reading a value
 * (print, item) is always up to date.
 *
 * With no usable GPU nothing is registered and the reason is kept in
 * PyTorch's words (c10/cuda's device-count diagnostics) for
 * cuda_backend_unavailable().
 */
#include "cuda/cuda_internal.h"

#include <stdio.h>
#include <string.h>

#define CU_MAX_GPUS (TS_MAX_DEVICES - 1)

static int ngpus = -1; /* -1 until cuda_backend_init has run */
static int table_id[CU_MAX_GPUS];
static char unavailable[512];

int cu_ok(cudaError_t e)
{
    if (e == cudaSuccess)
        return 0;
    (void)cudaGetLastError(); /* clear a non-sticky error for the next call */
    return ts_error(TS_ERR_RUNTIME, "CUDA error: %s", cudaGetErrorString(e));
}

int cu_launched(void)
{
    if (cu_ok(cudaGetLastError()) < 0)
        return -1;
#ifdef TSC_CUDA_SYNC_DEBUG
    return cu_ok(cudaDeviceSynchronize());
#else
    return 0;
#endif
}

/* ---- memory hooks, one instantiation per GPU ---------------------------- */

template <int I> static void *gpu_alloc(size_t n) { return cu_pool_alloc(I, n); }
template <int I> static void gpu_free(void *p) { cu_pool_free(I, p); }

/* With unified addressing cudaMemcpyDefault finds each side's device. */
static int gpu_to_host(void *dst, const void *src, size_t n)
{
    return cu_ok(cudaMemcpy(dst, src, n, cudaMemcpyDeviceToHost));
}

static int gpu_from_host(void *dst, const void *src, size_t n)
{
    return cu_ok(cudaMemcpy(dst, src, n, cudaMemcpyHostToDevice));
}

static int gpu_copy(void *dst, const void *src, size_t n)
{
    return cu_ok(cudaMemcpy(dst, src, n, cudaMemcpyDefault));
}

void cuda_synchronize(void) { (void)cu_ok(cudaDeviceSynchronize()); }

typedef void *(*AllocFn)(size_t);
typedef void (*FreeFn)(void *);

#define CU_HOOKS(I) {gpu_alloc<I>, gpu_free<I>}
static const struct {
    AllocFn alloc;
    FreeFn free;
} hooks[CU_MAX_GPUS] = {
    CU_HOOKS(0),  CU_HOOKS(1),  CU_HOOKS(2),  CU_HOOKS(3),  CU_HOOKS(4),  CU_HOOKS(5),
    CU_HOOKS(6),  CU_HOOKS(7),  CU_HOOKS(8),  CU_HOOKS(9),  CU_HOOKS(10), CU_HOOKS(11),
    CU_HOOKS(12), CU_HOOKS(13), CU_HOOKS(14), CU_HOOKS(15),
};

/* ---- why there is no GPU ------------------------------------------------ */

static const char *const NVIDIA_URL = "http://www.nvidia.com/Download/index.aspx";

/* PyTorch's texts for a failed cudaGetDeviceCount. */
static void note_unavailable(cudaError_t e)
{
    int driver = 0;
    (void)cudaDriverGetVersion(&driver);
    if (e == cudaErrorNoDevice || e == cudaSuccess) {
        snprintf(unavailable, sizeof unavailable, "No CUDA GPUs are available");
    } else if (e == cudaErrorInsufficientDriver && driver == 0) {
        snprintf(unavailable, sizeof unavailable,
                 "Found no NVIDIA driver on your system. Please check that you have an "
                 "NVIDIA GPU and installed a driver from %s", NVIDIA_URL);
    } else if (e == cudaErrorInsufficientDriver) {
        snprintf(unavailable, sizeof unavailable,
                 "The NVIDIA driver on your system is too old (found version %d). Please "
                 "update your GPU driver by downloading and installing a new version from "
                 "the URL: %s Alternatively, go to: https://pytorch.org to install a PyTorch "
                 "version that has been compiled with your version of the CUDA driver.",
                 driver, NVIDIA_URL);
    } else if (e == cudaErrorInitializationError) {
        snprintf(unavailable, sizeof unavailable,
                 "CUDA driver initialization failed, you might not have a CUDA gpu.");
    } else {
        snprintf(unavailable, sizeof unavailable,
                 "Unexpected error from cudaGetDeviceCount(). Did you run some cuda "
                 "functions before calling NumCudaDevices() that might have already set an "
                 "error? Error %d: %s", (int)e, cudaGetErrorString(e));
    }
    (void)cudaGetLastError();
}

/* ---- registration ------------------------------------------------------- */

static int register_gpu(int i)
{
    TsDevice d;
    memset(&d, 0, sizeof d);
    d.type = "cuda";
    d.index = i;
    d.alloc = hooks[i].alloc;
    d.free = hooks[i].free;
    d.to_host = gpu_to_host;
    d.from_host = gpu_from_host;
    d.copy = gpu_copy;
    d.synchronize = cuda_synchronize;
    d.unary = cuda_unary;
    d.binary = cuda_binary;
    d.fill = cuda_fill;
    d.copy_strided = cuda_copy_strided;
    return ts_device_register(&d);
}

int cuda_backend_init(void)
{
    if (ngpus >= 0)
        return ngpus;
    ngpus = 0;
    int n = 0;
    cudaError_t e = cudaGetDeviceCount(&n);
    if (e != cudaSuccess || n <= 0) {
        note_unavailable(e);
        return 0;
    }
    if (n > CU_MAX_GPUS)
        n = CU_MAX_GPUS;
    for (int i = 0; i < n; i++) {
        int id = register_gpu(i);
        if (id < 0) { /* table full: keep the GPUs registered so far */
            ts_error_clear();
            break;
        }
        table_id[ngpus++] = id;
    }
    if (ngpus == 0)
        snprintf(unavailable, sizeof unavailable, "No CUDA GPUs are available");
    return ngpus;
}

int cuda_backend_device_count(void) { return ngpus < 0 ? 0 : ngpus; }

const char *cuda_backend_unavailable(void)
{
    if (ngpus < 0)
        cuda_backend_init();
    return ngpus > 0 ? NULL : unavailable;
}

int cuda_backend_device_id(int index)
{
    return index >= 0 && index < cuda_backend_device_count() ? table_id[index] : -1;
}

/* ---- helpers the kernels share ------------------------------------------ */

bool cu_on_gpu(const TsTensor *t)
{
    const TsDevice *d = ts_device_get(t->device);
    return d && d->index >= 0 && strcmp(d->type, "cuda") == 0;
}

int cu_use(const TsTensor *t)
{
    return cu_ok(cudaSetDevice(ts_device_get(t->device)->index));
}

dim3 cu_grid(int64_t n)
{
    int64_t blocks = (n + CU_BLOCK - 1) / CU_BLOCK;
    if (blocks < 1)
        blocks = 1;
    if (blocks > 8192) /* grid-stride loops cover the rest */
        blocks = 8192;
    return dim3((unsigned)blocks);
}
