/* vm.h — compiling and running source: the interface main and the prompt use. */
#ifndef RT_VM_H
#define RT_VM_H

#include <stdio.h>
#include "value.h"
#include "../parser/parser.h"

/* Sets up the builtin types, exceptions, builtins and module registry.
 * argv becomes sys.argv. */
void vm_init(int argc, char **argv);
void vm_shutdown(void);

/* Compiles and runs src in the namespace `globals` (a module's dict).
 * echo: print the repr of each top-level expression statement whose value is
 * not None and store it in builtins `_` (the prompt and --echo).
 * Returns None, or V_ERR with the exception pending (a SyntaxError for bad
 * source, carrying filename/line/column/text). */
Value vm_run_source(const char *src, size_t len, const char *filename,
                    ParseMode mode, Value globals, bool echo);

/* Prints the pending exception as CPython does (Traceback + frames + the
 * source lines, or the SyntaxError block with the caret) to f, and clears it. */
void vm_print_exception(FILE *f);

/* The __main__ module's dict. */
Value vm_main_globals(void);

/* Nesting depth of Python-level calls; RecursionError past rt_recursion_limit. */
extern int rt_recursion_limit;

#endif
