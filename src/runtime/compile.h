/* compile.h — AST to bytecode (comp_ prefix).
 *
 * Scoping is resolved at compile time, as CPython does: a symbol-table pass
 * decides for every name in every scope whether it is a fast local (a frame
 * slot), a cell (captured by an inner function), a free variable (received
 * through the closure), a class-body name or a global.  Code generation
 * then emits the matching LOAD_/STORE_ instruction.
 */
#ifndef RT_COMPILE_H
#define RT_COMPILE_H

#include "code.h"
#include "../parser/parser.h"

/* Compiles a parsed module.  echo: top-level expression statements print
 * their repr (the prompt).  Returns a new Code, or NULL with a SyntaxError
 * (or MemoryError) raised.  source: the text, kept for tracebacks. */
Code *comp_module(Arena *arena, Node *module, const char *filename,
                  Value source, bool echo);

#endif
