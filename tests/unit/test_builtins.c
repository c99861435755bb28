/* test_builtins.c — the builtins, modules and command-line helpers,
 * checked against outputs produced by CPython 3.11 (the expected texts
 * below were printed by python3 for the same snippets).
 *
 * Each case runs a snippet through vm_run_source with stdout captured in
 * a temporary file; a few C-level checks cover what scripts cannot see.
 * The last line is "N passed, M failed"; the exit status is 0 only when
 * everything passed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/bi_private.h"
#include "runtime/vm.h"

static int passed, failed;

static void check(bool ok, const char *what, const char *got, const char *want)
{
    if (ok) { passed++; return; }
    failed++;
    fprintf(stderr, "FAIL: %s\n  got:  %s\n  want: %s\n", what, got ? got : "(null)", want ? want : "");
}

/* Runs src in a fresh namespace, returning what it printed (malloc'd). */
static char *run_capture(const char *src)
{
    fflush(stdout);
    FILE *tmp = tmpfile();
    if (!tmp) return NULL;
    int saved = dup(STDOUT_FILENO);
    dup2(fileno(tmp), STDOUT_FILENO);
    Value g = vm_main_globals();
    Value r = vm_run_source(src, strlen(src), "<test>", PARSE_FILE, g, false);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    if (IS_ERR(r)) {
        fprintf(stderr, "exception in: %s\n", src);
        vm_print_exception(stderr);
    }
    v_decref(r);
    long n = ftell(tmp);
    char *out = calloc(1, (size_t)(n > 0 ? n : 0) + 1);
    rewind(tmp);
    if (out && n > 0 && fread(out, 1, (size_t)n, tmp) != (size_t)n) out[0] = 0;
    fclose(tmp);
    return out;
}

static const struct { const char *src, *want; } cases[] = {
    {"print(1, 2, sep='-', end='!\\n')",
     "1-2!\n"},
    {"print(len('héllo'), len([1,2,3]))",
     "5 3\n"},
    {"print(list(enumerate('ab', start=5)))",
     "[(5, 'a'), (6, 'b')]\n"},
    {"print(list(zip([1,2,3], 'ab')), list(zip()))",
     "[(1, 'a'), (2, 'b')] []\n"},
    {"print(list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))",
     "[11, 22]\n"},
    {"print(list(filter(None, [0, 1, '', 'x'])), list(filter(lambda v: v > 1, [1, 2, 3])))",
     "[1, 'x'] [2, 3]\n"},
    {"print(sorted([3, 1, 2], reverse=True), sorted(['bb', 'a', 'ccc'], key=len))",
     "[3, 2, 1] ['a', 'bb', 'ccc']\n"},
    {"print(list(reversed([1, 2, 3])), list(reversed(range(3))), list(reversed({'a': 1, 'b': 2})))",
     "[3, 2, 1] [2, 1, 0] ['b', 'a']\n"},
    {"print(isinstance(1, (str, int)), issubclass(bool, int), isinstance(True, int))",
     "True True True\n"},
    {"print(min(3, 1, 2), max([1, 5, 2]), max('a', 'bb', key=len), min([], default=7))",
     "1 5 bb 7\n"},
    {"print(sum([1, 2, 3]), sum([0.5, 0.25], 1), sum([[1], [2]], []))",
     "6 1.75 [1, 2]\n"},
    {"print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5, -2), round(1250, -2))",
     "2 4 0 2.67 1200.0 1200\n"},
    {"print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), divmod(7, -2), divmod(-7.5, 2))",
     "1024 24 5 (-4, -1) (-4.0, 0.5)\n"},
    {"print(abs(-3), abs(-2.5), chr(0x4e2d), ord('中'), hex(255), oct(8), bin(-5))",
     "3 2.5 中 20013 0xff 0o10 -0b101\n"},
    {"print(any([0, 0, 1]), all([]), any([]), all([1, 0]))",
     "True True False False\n"},
    {"print(getattr([], 'nope', 'dflt'), hasattr('', 'upper'), callable(print), callable(3))",
     "dflt True True False\n"},
    {"print(format(3.14159, '.2f'), format(42, '>5'), repr('a'), ascii('中'))",
     "3.14    42 'a' '\\u4e2d'\n"},
    {"it = iter([1]); print(next(it), next(it, 'done'))",
     "1 done\n"},
    {"import math; print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.factorial(10), math.gcd(12, 18), math.comb(10, 3), math.perm(5, 2))",
     "4.0 -3 3 3.141592653589793 3628800 6 120 20\n"},
    {"import math; print(math.log(8, 2), math.log10(1000), math.isclose(1.0, 1.0 + 1e-10), math.fsum([0.1] * 10), math.hypot(3, 4), math.prod([1, 2, 3, 4]))",
     "3.0 3.0 True 1.0 5.0 24\n"},
    {"import math; print(math.degrees(math.pi), math.trunc(-3.7), math.copysign(1, -0.0), math.fmod(7, 3), math.isnan(math.nan), math.isinf(math.inf))",
     "180.0 -3 -1.0 1.0 True True\n"},
    {"import random; random.seed(42); print(random.random(), random.randint(1, 100), random.randrange(0, 100, 5), random.uniform(1, 2))",
     "0.6394267984578837 4 40 1.2448918538034763\n"},
    {"import random; random.seed(1); l = list(range(10)); random.shuffle(l); print(l, random.choice('abcdef'), random.sample(range(100), 5))",
     "[6, 8, 9, 7, 5, 3, 0, 4, 1, 2] b [12, 62, 3, 49, 55]\n"},
    {"import random; random.seed(3); print(random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(5, 2))",
     "0.09470803828730423 1.2500243810835503 3.873482403245701\n"},
    {"import random; random.seed(7); print(random.sample(range(1000), 30)[:5], random.choices([1, 2, 3], k=4), random.choices('ab', weights=[1, 3], k=5))",
     "[331, 970, 154, 404, 666] [2, 2, 1, 2] ['a', 'a', 'b', 'a', 'b']\n"},
    {"import random; random.seed(2**40 + 5); print(random.getrandbits(40), random.randrange(10**12))",
     "569101979940 727003120297\n"},
    {"import os.path; print(os.path.join('a', 'b', 'c.txt'), os.path.join('a/', '/abs', 'x'), os.path.basename('/x/y.tsc'), os.path.dirname('/x/y.tsc'), os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'))",
     "a/b/c.txt /abs/x y.tsc /x ('a/b.tar', '.gz') ('.bashrc', '')\n"},
    {"import os; print(os.sep, os.path.normpath('a//b/./c/../d'), os.path.split('/a/b/'), os.path.dirname('a'), os.path.exists('/nonexistent'))",
     "/ a/b/d ('/a/b', '')  False\n"},
    {"import sys; print(sys.maxsize, sys.platform, type(sys.argv).__name__)",
     "9223372036854775807 linux list\n"},
    {"print(dir(3)[:0], sorted(set('abca')), list(iter(lambda: 1, 1)))",
     "[] ['a', 'b', 'c'] []\n"},
    {"try:\n    max([])\nexcept ValueError as e:\n    print(e)",
     "max() arg is an empty sequence\n"},
    {"try:\n    open('no_such_file.txt')\nexcept FileNotFoundError as e:\n    print(e)",
     "[Errno 2] No such file or directory: 'no_such_file.txt'\n"},
    {"try:\n    import nosuchmod\nexcept ImportError as e:\n    print(type(e).__name__, e)",
     "ModuleNotFoundError No module named 'nosuchmod'\n"},
    {"try:\n    ord('ab')\nexcept TypeError as e:\n    print(e)",
     "ord() expected a character, but string of length 2 found\n"},
    {"try:\n    import math; math.sqrt(-1)\nexcept ValueError as e:\n    print(e)",
     "math domain error\n"},
    {"try:\n    list(zip([1], [1, 2], strict=True))\nexcept ValueError as e:\n    print(e)",
     "zip() argument 2 is longer than argument 1\n"},
    {"print(vars(type('X', (), {})()) if False else 'ok', globals()['__name__'])",
     "ok __main__\n"},
};

static void test_snippets(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = run_capture(cases[i].src);
        check(got && strcmp(got, cases[i].want) == 0, cases[i].src, got, cases[i].want);
        free(got);
    }
}

/* IPython's time format, on the values IPython itself prints. */
static void test_format_time(void)
{
    static const struct { double t; const char *want; } rows[] = {
        {1.234e-6, "1.23 \xc2\xb5s"}, {4.56e-9, "4.56 ns"}, {0.0123, "12.3 ms"},
        {2.5, "2.5 s"}, {0.0, "0 ns"}, {75.5, "1min 15s"}, {3725.0, "1h 2min 5s"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char buf[64];
        bi_format_time(rows[i].t, buf, sizeof buf);
        check(strcmp(buf, rows[i].want) == 0, "bi_format_time", buf, rows[i].want);
    }
}

/* import caches modules in sys.modules and resolves dotted names. */
static void test_import(void)
{
    Value a = rt_import("math"), b = rt_import("math");
    check(!IS_ERR(a) && IS_OBJ(a) && a.o == b.o, "import math twice gives one module", NULL, NULL);
    v_decref(a);
    v_decref(b);
    Value p = rt_import("os.path");
    check(!IS_ERR(p) && !IS_UNBOUND(mod_loaded("os")), "import os.path loads os", NULL, NULL);
    v_decref(p);
    Value bad = rt_import("no_such_module");
    check(IS_ERR(bad) && rt_exc_matches(&exc_ModuleNotFoundError), "ModuleNotFoundError", NULL, NULL);
    rt_exc_clear();
    Value t = rt_import("torch");
    check(!IS_ERR(t), "import torch", NULL, NULL);
    v_decref(t);
}

/* every builtin has a doc whose first line is a signature naming it */
static void test_docs(void)
{
    for (const MethodDef *d = bi_functions; d->name; d++) {
        bool ok = d->doc && strncmp(d->doc, d->name, strlen(d->name)) == 0 && strstr(d->doc, "\n\n");
        check(ok, "builtin doc", d->name, "signature line + blank line + description");
    }
}

int main(int argc, char **argv)
{
    vm_init(argc, argv);
    test_snippets();
    test_format_time();
    test_import();
    test_docs();
    printf("%d passed, %d failed\n", passed, failed);
    vm_shutdown();
    return failed != 0;
}
