/* fuzz_parse.c — libFuzzer harness over the lexer, the parser and a bounded
 * evaluation.
 *
 * Every input is parsed in the three modes the interpreter uses (a file, one
 * prompt entry, an expression).  Small inputs that cannot loop forever or
 * allocate without bound (see eval_is_safe) are also run by the VM with a
 * tiny recursion limit, in a fresh namespace, with stdout thrown away.  Any
 * crash, sanitizer report, leak-free timeout or out-of-memory is a bug:
 * bad source must end in a SyntaxError and bad programs in an exception.
 * Built and run by tests/fuzz/build.sh and tests/fuzz/run.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "runtime/vm.h"

enum { EVAL_MAX_BYTES = 96 };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static char *args[] = {"fuzz.tsc", NULL};
    (void)argc; (void)argv;
    vm_init(1, args);
    rt_recursion_limit = 40;
    /* programs print; the fuzzer's own report goes to stderr */
    if (!freopen("/dev/null", "w", stdout))
        return 0;
    return 0;
}

/* True when s contains a run of more than max digits. */
static bool long_digit_run(const char *s, size_t n, int max)
{
    int run = 0;
    for (size_t i = 0; i < n; i++) {
        run = (s[i] >= '0' && s[i] <= '9') ? run + 1 : 0;
        if (run > max)
            return true;
    }
    return false;
}

/* Running arbitrary code is only safe when it must terminate quickly and
 * stay small: no loops (while/for/comprehensions, iter(callable, sentinel)),
 * no repetition or power operators, no big literals, no I/O, no imports, no
 * prompt helpers that wait for a reader.  Short inputs bound the rest
 * (e.g. a = a + a doubles at most a dozen times). */
static bool eval_is_safe(const char *s, size_t n)
{
    static const char *const banned[] = {
        "while", "for", "iter", "range", "*", "<<", "pow", "import", "open",
        "input", "help", "exit", "quit", "breakpoint", "sys", "os", "time",
        "torch", "numpy", "0x", "0o", "0b", "ljust", "rjust",
        "center", "zfill", "join", "sleep", NULL,
    };
    if (n > EVAL_MAX_BYTES || memchr(s, '\0', n) || long_digit_run(s, n, 3))
        return false;
    for (int i = 0; banned[i]; i++)
        if (strstr(s, banned[i]))
            return false;
    for (size_t i = 0; i + 1 < n; i++)   /* float exponents: 9e9 */
        if (s[i] >= '0' && s[i] <= '9' && (s[i + 1] == 'e' || s[i + 1] == 'E'))
            return false;
    return true;
}

static void parse_in(const char *src, size_t n, ParseMode mode)
{
    ParseResult r = parse_source(src, n, "<fuzz>", mode);
    parse_free(&r);
}

static void run_bounded(const char *src, size_t n)
{
    Value g = dict_new();
    if (IS_ERR(g)) {
        rt_exc_clear();
        return;
    }
    Value name = str_from_cstr("__main__");
    if (!IS_ERR(name) && dict_set_cstr(g, "__name__", name) == 0) {
        Value r = vm_run_source(src, n, "<fuzz>", PARSE_FILE, g, false);
        if (IS_ERR(r))
            rt_exc_clear();
        else
            v_decref(r);
    }
    if (IS_ERR(name))
        rt_exc_clear();
    else
        v_decref(name);
    v_decref(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the interpreter hands the parser NUL-terminated text (files, -c,
     * stdin, prompt lines); give it the same, with nothing readable past */
    char *src = malloc(size + 1);
    if (!src)
        return 0;
    memcpy(src, data, size);
    src[size] = '\0';
    parse_in(src, size, PARSE_FILE);
    parse_in(src, size, PARSE_SINGLE);
    parse_in(src, size, PARSE_EVAL);
    if (eval_is_safe(src, size))
        run_bounded(src, size);
    free(src);
    return 0;
}
