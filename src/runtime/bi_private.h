/* bi_private.h — what the builtins, module and prompt files share.
 *
 * Private to src/runtime/builtins.c, bi_*.c, help.c, modules.c, mod_*.c,
 * repl.c, signals.c and src/main.c; the rest of the runtime sees only
 * builtins.h.  Prefixes: bi_ (builtins), mod_ (modules), repl_, sig_.
 * A new builtin module is one registry row in modules.c plus a
 * `bool mod_NAME_init(Value module)` that fills its dict.
 */
#ifndef RT_BI_PRIVATE_H
#define RT_BI_PRIVATE_H

#include <stdio.h>
#include "value.h"
#include "builtins.h"

/* ---- builtins.c helpers shared with the other files ---- */
/* Looks name up along t's base chain; borrowed, V_UNBOUND if absent. */
Value bi_type_lookup(Type *t, const char *name);
/* Calls callable f with n positional args, raising like v_call. */
Value bi_call0(Value f);
Value bi_call1(Value f, Value a);
/* True for a value that is a type object (builtin type or class). */
bool bi_is_type(Value v);
/* Raises an exception instance of type t built from args (like raise t(*args)). */
Value bi_raise_args(Type *t, Value *args, int nargs);
/* The sorted attribute names of obj, as dir(obj) returns them (a list). */
Value bi_dir_list(Value obj);
/* The builtin function rows (for help and completion). */
extern const MethodDef bi_functions[];

/* ---- bi_iter.c: enumerate, zip, map, filter, reversed, iter(f, sentinel) ---- */
Value bi_enumerate(Value *args, int nargs, KwArgs *kw);
Value bi_zip(Value *args, int nargs, KwArgs *kw);
Value bi_map(Value *args, int nargs, KwArgs *kw);
Value bi_filter(Value *args, int nargs, KwArgs *kw);
Value bi_reversed(Value *args, int nargs, KwArgs *kw);
Value bi_callable_iter(Value fn, Value sentinel);

/* ---- bi_file.c: open() and the text-file object (also sys.stdout) ---- */
extern Type bi_file_type;
Value bi_open(Value *args, int nargs, KwArgs *kw);
/* Wraps an already open FILE; owned: close it when the object dies. */
Value bi_file_wrap(FILE *f, const char *name, const char *mode, bool owned);
/* The FILE of a file object open for writing, or NULL (not a file object). */
FILE *bi_file_stream(Value v);
/* The FILE of an open binary-mode file object (torch.save / torch.load),
 * or NULL after raising (not a binary file, closed, wrong direction). */
FILE *bi_file_binary(Value v, bool write);
/* Writes bytes to a file-like value: a file object directly, else .write(). */
bool bi_file_write(Value file, const char *s, size_t n);

/* ---- bi_magic.c: %timeit, %time, %matplotlib ---- */
Value bi_magic(Value *args, int nargs, KwArgs *kw);
/* IPython's time format: "1.23 µs" (precision 3). Writes into buf. */
void bi_format_time(double seconds, char *buf, size_t n);

/* ---- help.c ---- */
Value bi_help(Value *args, int nargs, KwArgs *kw);
/* Writes help for obj to f; false with an exception raised on error. */
bool help_write(FILE *f, Value obj);

/* ---- modules.c and the mod_*.c fillers ---- */
bool mod_math_init(Value m);
bool mod_time_init(Value m);
bool mod_random_init(Value m);
bool mod_sys_init(Value m);
bool mod_os_init(Value m);
bool mod_os_path_init(Value m);
bool mod_torch_init(Value m);   /* mod_torch_stub.c until the real torch lands */
/* sys.modules (a dict; borrowed), created on first use. */
Value mod_sys_modules(void);
/* Records the script's argv (sys.argv) before or after sys is imported. */
void mod_sys_set_argv(int argc, char **argv);
/* Sets name = val in a module's dict (borrows val); false on error. */
bool mod_set(Value m, const char *name, Value val);
/* The loaded module called name, or V_UNBOUND (borrowed). */
Value mod_loaded(const char *name);

/* ---- signals.c: Ctrl-C ---- */
/* Installs the SIGINT handler that sets rt_interrupted (no SA_RESTART, so
 * a blocking read returns EINTR). */
void sig_install(void);

/* ---- repl.c ---- */
/* Runs the interactive prompt in globals until EOF or SystemExit; returns
 * the process exit status. */
int repl_run(Value globals);

/* ---- builtins.c: SystemExit at the top level (main and the prompt) ---- */
/* If the pending exception is SystemExit, clears it, stores the exit status
 * in *status and returns true. */
bool bi_take_system_exit(int *status);

#endif
