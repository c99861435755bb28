/* strbuf.c — the printers' growable string (see strbuf.h). */
#include "tensor/strbuf.h"

#include <stdlib.h>
#include <string.h>

void ts_buf_put(TsBuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            b->oom_bytes = cap;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void ts_buf_puts(TsBuf *b, const char *s) { ts_buf_put(b, s, strlen(s)); }

void ts_buf_spaces(TsBuf *b, int n)
{
    static const char sp[] = "                                ";
    while (n > 0) {
        int k = n < 32 ? n : 32;
        ts_buf_put(b, sp, (size_t)k);
        n -= k;
    }
}
