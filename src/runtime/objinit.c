/* objinit.c — start-up of the builtin data types and the guard that keeps
 * repr() of self-containing containers finite ("[[...]]"). */
#include "objects.h"

void exc_init_types(void);
void numbers_init_types(void);
void tuple_init_type(void);
void list_init_type(void);
void dict_init_type(void);
void set_init_type(void);
void range_init_type(void);
void slice_init_type(void);
void str_init_type(void);

void objects_init(void)
{
    str_empty();
    exc_init_types();
    numbers_init_types();
    str_init_type();
    tuple_init_type();
    list_init_type();
    dict_init_type();
    set_init_type();
    range_init_type();
    slice_init_type();
}

/* The containers being printed right now, innermost last.  Depth doubles
 * as the C-recursion guard for deeply nested data. */
#define REPR_MAX_DEPTH 800
static Obj *repr_stack[REPR_MAX_DEPTH];
static int repr_depth;

int repr_enter(Obj *o)
{
    for (int i = 0; i < repr_depth; i++)
        if (repr_stack[i] == o) return 1;
    if (repr_depth >= REPR_MAX_DEPTH) {
        rt_raise(&exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    repr_stack[repr_depth++] = o;
    return 0;
}

void repr_leave(Obj *o)
{
    if (repr_depth > 0 && repr_stack[repr_depth - 1] == o) repr_depth--;
}
