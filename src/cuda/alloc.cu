/* alloc.cu — a caching allocator for GPU memory (the device row's
 * alloc/free hooks).
 *
 * cudaFree waits for the whole GPU to go idle and cudaMalloc is slow, so a
 * training loop that creates and drops temporaries would stall on every
 * step.  As PyTorch's caching allocator does, freed blocks are kept per
 * GPU and handed out again for a request of about the same size.  Reuse
 * needs no synchronisation: every kernel and copy runs on the legacy
 * default stream, so work queued on a reused block runs after the work
 * that used it before.  When cudaMalloc fails, the cache is given back
 * and the allocation tried once more, before the table reports OOM.
 *
 * Sizes are rounded up (512 bytes, 2 MiB above 1 MiB) so blocks fall into
 * few classes; a cached block serves a request that wastes at most 1/8 of
 * it.  The host keeps the size of each live block (the free hook gets
 * only the pointer).
 */
#include "cuda/cuda_internal.h"

#include <map>
#include <new>
#include <pthread.h>
#include <unordered_map>

#define CU_MAX_GPUS (TS_MAX_DEVICES - 1)

namespace {

struct Pool {
    std::unordered_map<void *, size_t> live; /* pointer -> rounded size */
    std::multimap<size_t, void *> cached;    /* freed blocks by size */
    size_t cached_bytes = 0;
};

Pool pools[CU_MAX_GPUS];
pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;

size_t round_size(size_t n)
{
    const size_t small = 512, large = (size_t)2 << 20;
    size_t unit = n < ((size_t)1 << 20) ? small : large;
    return n + (unit - n % unit) % unit;
}

/* A cached block for n bytes (no more than 1/8 wasted), or NULL. */
void *take_cached(Pool &P, size_t n)
{
    auto it = P.cached.lower_bound(n);
    if (it == P.cached.end() || it->first - n > it->first / 8)
        return NULL;
    void *p = it->second;
    P.cached_bytes -= it->first;
    P.live[p] = it->first; /* may throw: the caller catches */
    P.cached.erase(it);
    return p;
}

/* Gives every cached block of GPU i back to CUDA. */
void release_cached(int i)
{
    Pool &P = pools[i];
    for (auto &b : P.cached)
        (void)cudaFree(b.second);
    P.cached.clear();
    P.cached_bytes = 0;
    (void)cudaGetLastError();
}

void *fresh_block(int i, size_t n)
{
    void *p = NULL;
    if (cudaMalloc(&p, n) == cudaSuccess)
        return p;
    (void)cudaGetLastError();
    release_cached(i); /* out of memory: try again without the cache */
    if (cudaMalloc(&p, n) == cudaSuccess)
        return p;
    (void)cudaGetLastError();
    return NULL;
}

} // namespace

void *cu_pool_alloc(int i, size_t nbytes)
{
    size_t n = round_size(nbytes ? nbytes : 1);
    void *p = NULL;
    pthread_mutex_lock(&pool_mu);
    try {
        if (cudaSetDevice(i) == cudaSuccess && !(p = take_cached(pools[i], n)) &&
            (p = fresh_block(i, n)))
            pools[i].live[p] = n;
    } catch (const std::bad_alloc &) { /* host table full: give the block back */
        if (p)
            (void)cudaFree(p);
        p = NULL;
    }
    pthread_mutex_unlock(&pool_mu);
    return p;
}

void cu_pool_free(int i, void *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&pool_mu);
    Pool &P = pools[i];
    auto it = P.live.find(p);
    bool kept = false;
    if (it != P.live.end()) {
        size_t n = it->second;
        P.live.erase(it);
        try {
            P.cached.emplace(n, p);
            P.cached_bytes += n;
            kept = true;
        } catch (const std::bad_alloc &) {
        }
    }
    if (!kept && cudaSetDevice(i) == cudaSuccess)
        (void)cudaFree(p);
    (void)cudaGetLastError();
    pthread_mutex_unlock(&pool_mu);
}

extern "C" void cuda_empty_cache(void)
{
    pthread_mutex_lock(&pool_mu);
    for (int i = 0; i < cuda_backend_device_count(); i++)
        if (cudaSetDevice(i) == cudaSuccess)
            release_cached(i);
    pthread_mutex_unlock(&pool_mu);
}

extern "C" size_t cuda_memory_cached(int index)
{
    if (index < 0 || index >= CU_MAX_GPUS)
        return 0;
    pthread_mutex_lock(&pool_mu);
    size_t n = pools[index].cached_bytes;
    pthread_mutex_unlock(&pool_mu);
    return n;
}
