/* blas.c — loads BLAS/LAPACK on the first call that needs it (blas.h).
 *
 * pthread_once runs the loader exactly once; a failure is remembered with
 * its text, so every later call fails with the same clear error instead of
 * retrying.  A library that opened but lacks a routine is left open (its
 * constructor has run; closing it again buys nothing) and the next
 * candidate is tried.  The thread count lives behind a mutex shared with
 * the loader so a count set during the load is never lost.
 */
#include "tensor/blas.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "tensor/tensor.h"

/* Candidate libraries, in order: one file, or BLAS + LAPACK as two. */
static const char *const candidates[][2] = {
    {"libopenblas.so.0", NULL},
    {"libopenblas.so", NULL},
    {"libblas.so.3", "liblapack.so.3"},
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static TsBlas table;
static char why[512]; /* the first failure's text, when nothing loaded */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER; /* guards the two below */
static const TsBlas *loaded; /* &table once every routine was found */
static int threads_wanted;   /* set before the load; 0 = the library's default */

static void note_failure(const char *what)
{
    if (!why[0])
        snprintf(why, sizeof why, "%s", what ? what : "unknown error");
}

static void *lookup(void *const *h, const char *sym)
{
    for (int i = 0; i < 2 && h[i]; i++) {
        void *p = dlsym(h[i], sym);
        if (p)
            return p;
    }
    char msg[128];
    snprintf(msg, sizeof msg, "undefined symbol: %s", sym);
    note_failure(msg);
    return NULL;
}

/* Opens one candidate and fills the table; false when a file or a
 * required routine is missing. */
static bool try_load(const char *blas, const char *lapack)
{
    void *h[2] = {dlopen(blas, RTLD_NOW | RTLD_LOCAL), NULL};
    if (!h[0]) {
        note_failure(dlerror());
        return false;
    }
    if (lapack && !(h[1] = dlopen(lapack, RTLD_NOW | RTLD_LOCAL))) {
        note_failure(dlerror());
        return false;
    }
    /* dlsym's void * to the table's function pointer type (POSIX makes
     * the conversion valid). */
#define TS_BLAS_RESOLVE(name, sym)                                                           \
    if (!(table.name = (__typeof__(table.name))lookup(h, #sym)))                             \
        return false;
    TS_BLAS_ROUTINES(TS_BLAS_RESOLVE)
#undef TS_BLAS_RESOLVE
    table.set_num_threads =
        (__typeof__(table.set_num_threads))dlsym(h[0], "openblas_set_num_threads");
    table.get_num_threads =
        (__typeof__(table.get_num_threads))dlsym(h[0], "openblas_get_num_threads");
    return true;
}

static void load(void)
{
    const char *env = getenv("TSC_BLAS_LIB");
    bool ok = false;
    if (env && env[0])
        ok = try_load(env, NULL);
    else
        for (size_t i = 0; !ok && i < sizeof candidates / sizeof candidates[0]; i++)
            ok = try_load(candidates[i][0], candidates[i][1]);
    if (!ok)
        return;
    pthread_mutex_lock(&mu);
    loaded = &table;
    if (threads_wanted > 0 && table.set_num_threads)
        table.set_num_threads(threads_wanted);
    pthread_mutex_unlock(&mu);
}

const TsBlas *ts_blas(void)
{
    pthread_once(&once, load);
    if (!loaded) {
        ts_error(TS_ERR_RUNTIME, "OpenBLAS could not be loaded: %s", why);
        return NULL;
    }
    return &table;
}

void ts_blas_set_threads(int n)
{
    pthread_mutex_lock(&mu);
    threads_wanted = n;
    if (loaded && loaded->set_num_threads)
        loaded->set_num_threads(n);
    pthread_mutex_unlock(&mu);
}

int ts_blas_get_threads(void)
{
    pthread_mutex_lock(&mu);
    int n = loaded && loaded->get_num_threads ? loaded->get_num_threads() : threads_wanted;
    pthread_mutex_unlock(&mu);
    return n;
}
