/* main.c — the tsc command line.
 *
 *   tsc                     the prompt (a terminal) or stdin as a script
 *   tsc FILE.tsc [ARGS...]  run a script; sys.argv = [FILE.tsc, ARGS...]
 *   tsc -c CODE [ARGS...]   run CODE; sys.argv = ['-c', ARGS...]
 *   tsc - [ARGS...]         run the program on stdin, no prompts
 *   tsc -i ...              then open the prompt with the script's variables
 *   tsc --echo ...          echo top-level expression values, as the prompt
 *   tsc --version, --help
 *
 * Exit status as CPython: 0, 1 for an uncaught exception, 2 for a usage
 * error or an unreadable script, SystemExit's code.  stdout is fully
 * buffered when it is not a terminal; it is flushed before anything goes
 * to stderr, so the two streams stay in order. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/bi_private.h"
#include "runtime/vm.h"

#define TSC_VERSION "TensorScript 0.1.0"

static const char usage_line[] = "usage: tsc [option] ... [-c cmd | file | -] [arg] ...\n";

static const char help_text[] =
    "Options:\n"
    "-c cmd   : program passed in as string (terminates option list)\n"
    "-i       : open the interactive prompt after running the script or command\n"
    "--echo   : notebook style: print the value of each top-level expression\n"
    "-h, --help : print this help message and exit\n"
    "-V, --version : print the TensorScript version number and exit\n"
    "file     : program read from script file (a .tsc file)\n"
    "-        : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...  : arguments passed to program in sys.argv[1:]\n";

typedef struct {
    const char *code;      /* -c */
    const char *file;      /* script path, "-" for stdin, NULL: none */
    bool interactive, echo;
    int argc;              /* sys.argv */
    char **argv;
} Options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fputs(usage_line, stderr);
    fputs("Try `tsc -h' for more information.\n", stderr);
    return 2;
}

/* Parses the options; returns -1 to go on, else an exit status. */
static int parse_options(int argc, char **argv, Options *o)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-c") == 0) {
            if (i + 1 >= argc) return usage_error("Argument expected for the %s option\n", "-c");
            o->code = argv[i + 1];
            argv[i + 1] = "-c";           /* sys.argv[0] is '-c', as in Python */
            o->argc = argc - (i + 1), o->argv = argv + i + 1;
            return -1;
        }
        if (strcmp(a, "-i") == 0) { o->interactive = true; continue; }
        if (strcmp(a, "--echo") == 0) { o->echo = true; continue; }
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) { puts(TSC_VERSION); return 0; }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_line, stdout);
            fputs(help_text, stdout);
            return 0;
        }
        if (strcmp(a, "--") == 0) { i++; break; }
        if (a[0] == '-' && a[1] == '-') return usage_error("unknown option %s\n", a);
        if (a[0] == '-' && a[1]) return usage_error("Unknown option: %.2s\n", a);
        break;
    }
    if (i < argc) {
        o->file = argv[i];
        o->argc = argc - i, o->argv = argv + i;
    } else if (o->echo) {
        return usage_error("%s needs a script: tsc --echo FILE.tsc\n", "--echo");
    }
    return -1;
}

/* Reads all of f; NULL with errno set on failure. */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *p = realloc(buf, cap * 2);
            if (!p) { free(buf); return NULL; }
            buf = p, cap *= 2;
        }
    }
    if (ferror(f)) { free(buf); return NULL; }
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Reports a pending exception as the top level does; returns the status. */
static int report_exception(void)
{
    int status;
    if (bi_take_system_exit(&status)) return status;
    bool interrupt = rt_exc_matches(&exc_KeyboardInterrupt);
    fflush(stdout);
    vm_print_exception(stderr);
    fflush(stderr);
    return interrupt ? 130 : 1;
}

static int run_text(const char *src, size_t len, const char *filename, bool echo, bool *exited)
{
    Value r = vm_run_source(src, len, filename, PARSE_FILE, vm_main_globals(), echo);
    if (!IS_ERR(r)) { v_decref(r); return 0; }
    *exited = rt_exc_matches(&exc_SystemExit);
    return report_exception();
}

/* Runs the script file (or stdin for "-"); 2 when it cannot be read. */
static int run_file(const char *path, bool echo, bool *exited)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    size_t len = 0;
    char *src = f ? slurp(f, &len) : NULL;
    int err = errno;
    if (f && !is_stdin) fclose(f);
    if (!src) {
        fprintf(stderr, "tsc: can't open file '%s': [Errno %d] %s\n", path, err, strerror(err));
        return 2;
    }
    int status = run_text(src, len, is_stdin ? "<stdin>" : path, echo, exited);
    free(src);
    return status;
}

int main(int argc, char **argv)
{
    Options o = {0};
    int st = parse_options(argc, argv, &o);
    if (st >= 0) return st;
    if (!isatty(STDOUT_FILENO)) setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    sig_install();
    bool tty = isatty(STDIN_FILENO);
    mod_sys_set_argv(o.argc, o.argv);
    vm_init(o.argc, o.argv);
    mod_sys_set_argv(o.argc, o.argv);

    int status = 0;
    bool exited = false;
    if (o.code) status = run_text(o.code, strlen(o.code), "<string>", o.echo, &exited);
    else if (o.file) status = run_file(o.file, o.echo, &exited);
    else if (!tty && !o.interactive) status = run_file("-", o.echo, &exited);

    bool prompt = !exited && (o.interactive || (!o.code && !o.file && tty));
    if (prompt) {
        if (!o.code && !o.file && tty) {
            fprintf(stderr, "TensorScript 0.1.0 (Python %s syntax, PyTorch-compatible tensors)\n"
                   "Type \"help\", \"help(obj)\" or \"obj?\" for more information.\n", "3.11");
        }
        status = repl_run(vm_main_globals());
    }
    fflush(stdout);
    vm_shutdown();
    return status;
}
