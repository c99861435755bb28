/* error.c — how the tensor library reports failures.
 *
 * One thread-local slot holds the last error's kind and message, in the
 * style of errno: the library never unwinds, it returns NULL / -1 and the
 * layer above (the runtime) reads the slot and raises the matching Python
 * exception.  Thread-local so pool threads cannot clobber the caller's
 * error; parallel.c copies a worker's error back to the caller.
 */
#include "tensor/tensor.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local TsErrKind err_kind = TS_OK;
static _Thread_local char err_msg[1024];

volatile int *ts_interrupt_flag = NULL;

int ts_error(TsErrKind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err_msg, sizeof err_msg, fmt, ap);
    va_end(ap);
    err_kind = kind;
    return -1;
}

TsErrKind ts_error_kind(void) { return err_kind; }
const char *ts_error_msg(void) { return err_msg; }

void ts_error_clear(void)
{
    err_kind = TS_OK;
    err_msg[0] = '\0';
}

/* PyTorch's CPU allocator text (c10/core/impl/alloc_cpu.cpp), so a
 * learner who asks for too much sees what PyTorch would print. */
int ts_error_oom(size_t nbytes)
{
    return ts_error(TS_ERR_MEMORY,
                    "[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: "
                    "can't allocate memory: you tried to allocate %zu bytes. "
                    "Error code 12 (Cannot allocate memory)",
                    nbytes);
}

const char *ts_shape_str(char *buf, size_t cap, int n, const int64_t *sizes)
{
    size_t k = (size_t)snprintf(buf, cap, "[");
    for (int i = 0; i < n && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s%lld", i ? ", " : "", (long long)sizes[i]);
    if (k < cap)
        snprintf(buf + k, cap - k, "]");
    return buf;
}

int ts_check_interrupt(void)
{
    if (ts_interrupt_flag && *ts_interrupt_flag)
        return ts_error(TS_ERR_INTERRUPT, "%s", "");
    return 0;
}

bool ts_mul_checked(int64_t a, int64_t b, int64_t *out)
{
    return !__builtin_mul_overflow(a, b, out);
}
