/* signals.c — Ctrl-C.
 *
 * The handler only sets rt_interrupted; the VM, long kernels, sleep() and
 * the prompt poll it and raise KeyboardInterrupt where allocating is safe.
 * No SA_RESTART: a blocking read or select returns EINTR at once, so the
 * prompt and input() notice the key immediately. */
#include <signal.h>
#include <string.h>

#include "bi_private.h"

static void on_sigint(int sig)
{
    (void)sig;
    rt_interrupted = 1;
}

void sig_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, NULL);
}
