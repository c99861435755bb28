/* bi_magic.c — the notebook magics the prompt and scripts accept:
 * `%timeit STMT`, `%time STMT` and `%matplotlib ...`.
 *
 * The compiler turns `%cmd STMT` into a call __magic__(cmd, fn, argtext)
 * where fn is a function of no arguments running STMT (None when the
 * magic has no statement).  Output follows IPython's format exactly:
 * its loop-count calibration (powers of ten until one batch takes 0.2 s),
 * 7 runs, mean ± population std. dev. per loop, 3 significant digits. */
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bi_private.h"
#include "objects.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* IPython's _format_time: "1.23 µs", or "1min 3s" past a minute. */
void bi_format_time(double t, char *buf, size_t n)
{
    if (t >= 60.0) {
        static const char *const suffix[] = {"d", "h", "min", "s"};
        static const double length[] = {86400, 3600, 60, 1};
        double left = t;
        size_t k = 0;
        buf[0] = 0;
        for (int i = 0; i < 4 && k < n; i++) {
            int64_t v = (int64_t)(left / length[i]);
            if (v > 0) {
                left = fmod(left, length[i]);
                k += (size_t)snprintf(buf + k, n - k, "%s%lld%s", k ? " " : "", (long long)v, suffix[i]);
            }
            if (left < 1) break;
        }
        return;
    }
    static const char *const units[] = {"s", "ms", "\xc2\xb5s", "ns"};
    static const double scale[] = {1, 1e3, 1e6, 1e9};
    int order = 3;
    if (t > 0.0) {
        int e = (int)floor(log10(t));
        int q = e >= 0 ? e / 3 : -((-e + 2) / 3);   /* floor division by 3 */
        order = -q < 3 ? -q : 3;
    }
    snprintf(buf, n, "%.*g %s", 3, t * scale[order], units[order]);
}

/* Runs fn `loops` times; false with the exception pending on error. */
static bool run_loops(Value fn, int64_t loops, double *secs)
{
    double t0 = now();
    for (int64_t i = 0; i < loops; i++) {
        Value r = bi_call0(fn);
        if (IS_ERR(r)) return false;
        v_decref(r);
    }
    *secs = now() - t0;
    return true;
}

/* 1000000 -> "1,000,000" ({loops:,} in IPython). */
static void thousands(int64_t v, char *buf, size_t n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%lld", (long long)v), k = 0;
    for (int i = 0; i < len && (size_t)k + 2 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0) buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = 0;
}

static Value magic_timeit(Value fn)
{
    enum { REPEAT = 7 };
    int64_t loops = 1;
    double t = 0, runs[REPEAT];
    for (int i = 0; i < 10; i++) {
        loops = 1;
        for (int k = 0; k < i; k++) loops *= 10;
        if (!run_loops(fn, loops, &t)) return V_ERR;
        if (t >= 0.2) break;
    }
    double best = INFINITY, worst = 0, mean = 0, var = 0;
    for (int r = 0; r < REPEAT; r++) {
        if (!run_loops(fn, loops, &runs[r])) return V_ERR;
        runs[r] /= (double)loops;
        best = fmin(best, runs[r]), worst = fmax(worst, runs[r]);
        mean += runs[r] / REPEAT;
    }
    for (int r = 0; r < REPEAT; r++) var += (runs[r] - mean) * (runs[r] - mean);
    if (worst > 4 * best && best > 0 && worst > 1e-6)
        printf("The slowest run took %0.2f times longer than the fastest. This could mean that an "
               "intermediate result is being cached.\n", worst / best);
    char m[64], s[64], l[32];
    bi_format_time(mean, m, sizeof m);
    bi_format_time(sqrt(var / REPEAT), s, sizeof s);
    thousands(loops, l, sizeof l);
    printf("%s \xc2\xb1 %s per loop (mean \xc2\xb1 std. dev. of %d runs, %s loop%s each)\n", m, s, REPEAT, l,
           loops == 1 ? "" : "s");
    return V_NONE;
}

static double tv_secs(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6; }

/* %time: one run, CPU (user/sys) and wall time; the value is returned so
 * the prompt echoes it, and an exception propagates after the report. */
static Value magic_time(Value fn)
{
    struct rusage r0, r1;
    getrusage(RUSAGE_SELF, &r0);
    double w0 = now();
    Value out = bi_call0(fn);
    double wall = now() - w0;
    getrusage(RUSAGE_SELF, &r1);
    double user = tv_secs(r1.ru_utime) - tv_secs(r0.ru_utime);
    double sys = tv_secs(r1.ru_stime) - tv_secs(r0.ru_stime);
    char u[64], s[64], t[64], w[64];
    bi_format_time(user, u, sizeof u);
    bi_format_time(sys, s, sizeof s);
    bi_format_time(user + sys, t, sizeof t);
    bi_format_time(wall, w, sizeof w);
    printf("CPU times: user %s, sys: %s, total: %s\nWall time: %s\n", u, s, t, w);
    return out;
}

Value bi_magic(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("__magic__", kw) || !args_count("__magic__", nargs, 2, 3)) return V_ERR;
    if (!v_isinstance(args[0], &str_type))
        return rt_raise(&exc_TypeError, "__magic__() argument 1 must be str, not %s", v_typename(args[0]));
    const char *cmd = str_cstr(args[0]);
    if (strcmp(cmd, "matplotlib") == 0) return V_NONE;   /* plots are not drawn; accepted */
    bool need_fn = strcmp(cmd, "timeit") == 0 || strcmp(cmd, "time") == 0;
    if (need_fn && IS_NONE(args[1])) {
        fflush(stdout);
        fprintf(stderr, "UsageError: %%%s needs a statement to run\n", cmd);
        return V_NONE;
    }
    if (strcmp(cmd, "timeit") == 0) return magic_timeit(args[1]);
    if (strcmp(cmd, "time") == 0) return magic_time(args[1]);
    fflush(stdout);
    fprintf(stderr, "UsageError: Line magic function `%%%s` not found.\n", cmd);
    return V_NONE;
}
