/* builtins.h — the builtins namespace and the builtin module registry. */
#ifndef RT_BUILTINS_H
#define RT_BUILTINS_H

#include "value.h"

/* The builtins dict (print, len, range, exception classes, ...). */
Value builtins_dict(void);
void builtins_init(void);

/* import: returns the module (new reference) for a dotted name, creating
 * builtin modules (math, time, random, sys, os, os.path, torch, ...) on first
 * use and caching them in sys.modules.  ModuleNotFoundError otherwise. */
Value rt_import(const char *dotted_name);

/* A builtin module: a name and a function that fills its dict. */
typedef struct ModuleDef {
    const char *name;
    bool (*init)(Value module);
} ModuleDef;

#endif
