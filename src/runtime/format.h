/* format.h — number and string formatting: float repr, the format-spec
 * mini-language (format(), f-strings, str.format) and %-formatting. */
#ifndef RT_FORMAT_H
#define RT_FORMAT_H

#include "value.h"

/* Shortest repr that round-trips, as CPython prints floats: '0.1',
 * '1e+16', '1e-05', 'inf', 'nan', '-0.0'.  buf needs 32 bytes. */
void fmt_float_repr(double d, char *buf);

/* format(v, spec) for int/float/bool/str/None, and for other values their
 * __format__ method or str() when spec is empty.  -> Str */
Value fmt_format_value(Value v, const char *spec);

/* fmt % args: the printf-style operator of str.  -> Str */
Value fmt_percent(Value fmt, Value args);

/* str.format(*args, **kw) with fmt a Str.  -> Str */
Value fmt_str_format(Value fmt, Value *args, int nargs, KwArgs *kw);

#endif
