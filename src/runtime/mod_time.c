/* mod_time.c — the time module: clocks, sleep and strftime.
 *
 * sleep() waits in slices so that Ctrl-C (rt_interrupted, set by the
 * SIGINT handler) interrupts it with KeyboardInterrupt, as in Python. */
#include <errno.h>
#include <math.h>
#include <time.h>

#include "bi_private.h"
#include "objects.h"

static double clock_secs(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The no-argument clocks share one shape; q names them in errors. */
static bool no_args(const char *q, int nargs, KwArgs *kw)
{
    return args_nokw(q, kw) && args_count(q, nargs, 0, 0);
}

/* time.NAME(): the clock ID read as float seconds (SECS) or int ns (NANOS). */
#define CLOCK_FN(NAME, ID, AS)                                     \
    static Value t_##NAME(Value *a, int n, KwArgs *kw)             \
    {                                                              \
        (void)a;                                                   \
        return no_args(#NAME, n, kw) ? AS(ID) : V_ERR;             \
    }
#define SECS(id) v_float(clock_secs(id))
#define NANOS(id) v_int(clock_ns(id))
CLOCK_FN(time, CLOCK_REALTIME, SECS)
CLOCK_FN(time_ns, CLOCK_REALTIME, NANOS)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC, SECS)
CLOCK_FN(perf_counter_ns, CLOCK_MONOTONIC, NANOS)
CLOCK_FN(monotonic, CLOCK_MONOTONIC, SECS)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID, SECS)

static Value t_sleep(Value *args, int nargs, KwArgs *kw)
{
    double secs;
    if (!args_nokw("sleep", kw) || !args_one("time.sleep", nargs)) return V_ERR;
    if (IS_FLOAT(args[0])) secs = args[0].f;
    else if (IS_INT(args[0]) || IS_BOOL(args[0])) secs = IS_INT(args[0]) ? (double)args[0].i : args[0].b;
    else return rt_raise(&exc_TypeError, "'%s' object cannot be interpreted as an integer", v_typename(args[0]));
    if (isnan(secs)) return rt_raise(&exc_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return rt_raise(&exc_ValueError, "sleep length must be non-negative");
    double end = clock_secs(CLOCK_MONOTONIC) + secs;
    for (;;) {
        if (!rt_check_interrupt()) return V_ERR;
        double left = end - clock_secs(CLOCK_MONOTONIC);
        if (left <= 0) break;
        if (left > 0.05) left = 0.05;   /* wake often enough to see Ctrl-C */
        struct timespec ts = {(time_t)left, (long)((left - floor(left)) * 1e9)};
        nanosleep(&ts, NULL);
    }
    return V_NONE;
}

static Value t_strftime(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("strftime", kw) || !args_count("strftime", nargs, 1, 2)) return V_ERR;
    if (!v_isinstance(args[0], &str_type))
        return rt_raise(&exc_TypeError, "strftime() argument 1 must be str, not %s", v_typename(args[0]));
    if (nargs == 2)
        return rt_raise(&exc_NotImplementedError, "time.strftime() with a time tuple is not supported");
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char buf[1024];
    size_t n = strftime(buf, sizeof buf, str_cstr(args[0]), &tm);
    return str_new(buf, (int64_t)n);
}

static const MethodDef time_functions[] = {
    {"time", t_time, "time() -> floating point number\n\nReturn the current time in seconds since the Epoch.\n"
     "Fractions of a second may be present if the system clock provides them.", 0},
    {"time_ns", t_time_ns, "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch.", 0},
    {"perf_counter", t_perf_counter, "perf_counter() -> float\n\nPerformance counter for benchmarking.", 0},
    {"perf_counter_ns", t_perf_counter_ns, "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds.", 0},
    {"monotonic", t_monotonic, "monotonic() -> float\n\nMonotonic clock, cannot go backward.", 0},
    {"process_time", t_process_time, "process_time() -> float\n\n"
     "Process time for profiling: sum of the kernel and user-space CPU time.", 0},
    {"sleep", t_sleep, "sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\n"
     "a floating point number for subsecond precision.  Ctrl-C interrupts it.", 0},
    {"strftime", t_strftime, "strftime(format[, tuple]) -> string\n\n"
     "Convert the current local time to a string according to a format specification\n"
     "(%Y-%m-%d %H:%M:%S and the other directives of the C library).", 0},
    {NULL, NULL, NULL, 0},
};

bool mod_time_init(Value m)
{
    module_add_functions(m, time_functions);
    return true;
}
