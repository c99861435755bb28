/* parallel.c — a small pthread pool for ts_parallel_for.
 *
 * The caller thread and (nthreads - 1) workers share one job at a time:
 * the range is cut into up to CHUNKS_PER_THREAD chunks per thread, each of
 * at least `grain` elements, and every thread grabs chunks until none are
 * left (so a worker that wakes late costs little).  Small ranges never
 * touch the pool (per-op overhead matters more than cores for them).
 * Workers are started lazily on the first parallel job and live for the
 * rest of the process.  A job from inside a worker, or while another job
 * runs, is simply executed serially.
 *
 * Waking a sleeping thread through a condition variable costs tens of
 * microseconds, as much as a 200k-element add itself, so a worker that
 * finished a job polls for the next one for SPIN_NS before it sleeps, and
 * the caller polls for the workers' last chunks the same way.  The polls
 * yield the core (sched_yield), so OpenBLAS's threads, which share the
 * cores, still run.
 */
#include "tensor/tensor.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define CHUNKS_PER_THREAD 4
#define SPIN_NS 100000

#define MAX_THREADS 64

typedef struct Job {
    TsRangeFn fn;
    void *ctx;
    int64_t begin, end, chunk;
    int nchunks, next;
    _Atomic int done; /* written under mu, polled without it */
    bool failed;
    TsErrKind kind;
    char msg[1024];
} Job;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t busy = PTHREAD_MUTEX_INITIALIZER; /* one job at a time */
static pthread_cond_t cv_work = PTHREAD_COND_INITIALIZER;
static pthread_cond_t cv_done = PTHREAD_COND_INITIALIZER;
static Job job;
static _Atomic uint64_t generation; /* bumped under mu, polled without it */
static int nthreads;  /* 0: not chosen yet -> number of cores */
static int nstarted;  /* workers running */
static _Thread_local bool in_worker;

int ts_get_num_threads(void)
{
    if (nthreads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        nthreads = n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
    }
    return nthreads;
}

void ts_set_num_threads(int n)
{
    nthreads = n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : n;
}

/* Runs chunks of the current job until none are left (mu held on entry
 * and exit). */
static void run_chunks(void)
{
    while (job.next < job.nchunks) {
        int c = job.next++;
        int64_t b = job.begin + c * job.chunk;
        int64_t e = b + job.chunk < job.end ? b + job.chunk : job.end;
        pthread_mutex_unlock(&mu);
        int rc = job.fn(b, e, job.ctx);
        pthread_mutex_lock(&mu);
        if (rc < 0 && !job.failed) {
            job.failed = true;
            job.kind = ts_error_kind();
            snprintf(job.msg, sizeof job.msg, "%s", ts_error_msg());
        }
        if (++job.done == job.nchunks)
            pthread_cond_broadcast(&cv_done);
    }
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Polls busy(arg) for up to SPIN_NS, yielding the core between polls. */
static void spin_while(bool (*busy)(const void *), const void *arg)
{
    int64_t t0 = now_ns();
    while (busy(arg) && now_ns() - t0 < SPIN_NS)
        sched_yield();
}

/* No job posted since generation *seen (read without mu). */
static bool no_new_job(const void *seen)
{
    return atomic_load_explicit(&generation, memory_order_acquire) == *(const uint64_t *)seen;
}

/* Some chunk of the current job not finished (read without mu). */
static bool chunks_pending(const void *unused)
{
    (void)unused;
    return atomic_load_explicit(&job.done, memory_order_acquire) < job.nchunks;
}

static void *worker_main(void *arg)
{
    (void)arg;
    in_worker = true;
    uint64_t seen = 0;
    for (;;) {
        spin_while(no_new_job, &seen);
        pthread_mutex_lock(&mu);
        while (generation == seen)
            pthread_cond_wait(&cv_work, &mu);
        seen = generation;
        run_chunks();
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

/* The caller's wait for the workers' chunks (mu held on entry and exit). */
static void wait_done(void)
{
    if (job.done < job.nchunks) {
        pthread_mutex_unlock(&mu);
        spin_while(chunks_pending, NULL);
        pthread_mutex_lock(&mu);
    }
    while (job.done < job.nchunks)
        pthread_cond_wait(&cv_done, &mu);
}

/* Starts workers up to want; returns how many run (creation may fail,
 * which only costs parallelism). */
static int start_workers(int want)
{
    while (nstarted < want && nstarted < MAX_THREADS - 1) {
        pthread_t th;
        if (pthread_create(&th, NULL, worker_main, NULL) != 0)
            break;
        pthread_detach(th);
        nstarted++;
    }
    return nstarted;
}

static int run_serial(int64_t begin, int64_t end, TsRangeFn fn, void *ctx)
{
    return begin < end ? fn(begin, end, ctx) : 0;
}

int ts_parallel_for(int64_t begin, int64_t end, int64_t grain, TsRangeFn fn, void *ctx)
{
    int64_t n = end - begin;
    int nt = ts_get_num_threads();
    if (grain < 1)
        grain = 1;
    if (nt <= 1 || n < 2 * grain || in_worker || pthread_mutex_trylock(&busy) != 0)
        return run_serial(begin, end, fn, ctx);
    int64_t most = (int64_t)nt * CHUNKS_PER_THREAD;
    int64_t nchunks = n / grain < most ? n / grain : most;
    pthread_mutex_lock(&mu);
    start_workers(nt - 1);
    job = (Job){.fn = fn, .ctx = ctx, .begin = begin, .end = end,
                .chunk = (n + nchunks - 1) / nchunks, .nchunks = (int)nchunks};
    job.nchunks = (int)((n + job.chunk - 1) / job.chunk);
    generation++;
    pthread_cond_broadcast(&cv_work);
    run_chunks();
    wait_done();
    bool failed = job.failed;
    TsErrKind kind = job.kind;
    char msg[1024];
    memcpy(msg, job.msg, sizeof msg);
    pthread_mutex_unlock(&mu);
    pthread_mutex_unlock(&busy);
    if (failed)
        return ts_error(kind, "%s", msg);
    return 0;
}
