/* print.h — tensor repr/str exactly as PyTorch prints them.
 *
 * ts_format_tensor builds the whole "tensor([...], dtype=..., ...)" text
 * of torch/_tensor_str.py: one formatter (integer / fixed / scientific
 * mode and a column width) chosen from the elements that will be shown,
 * nested brackets, rows wrapped at the line width, summarisation with
 * "..." beyond `threshold` elements, and the suffix list with its own
 * wrapping rule.  The rules are in /work/shared/parity/printing.md.
 */
#ifndef TS_PRINT_H
#define TS_PRINT_H

#include <stdbool.h>

#include "tensor/tensor.h"

/* torch.set_printoptions' fields.  threshold is a double so that
 * profile='full' (threshold=inf) needs no special case. */
typedef struct TsPrintOptions {
    int precision;   /* digits after the point: 4 */
    double threshold; /* summarise when numel > threshold: 1000 */
    int edgeitems;   /* items shown at each end when summarising: 3 */
    int linewidth;   /* characters per line: 80 */
    int sci_mode;    /* -1 = None (automatic), 0 = False, 1 = True */
} TsPrintOptions;

/* The current options (what torch.set_printoptions changes). */
extern TsPrintOptions ts_print_options;

/* Resets *o to a named profile: "default", "short" (precision 2,
 * edgeitems 2) or "full" (threshold inf).  Returns -1 for another name
 * (PyTorch silently ignores it; the caller may do the same). */
int ts_print_profile(TsPrintOptions *o, const char *profile);

/* What the tensor itself does not know: autograd state and the prefix. */
typedef struct TsFormatExtras {
    const char *prefix;  /* NULL: "tensor(" (a subclass: "ClassName(") */
    const char *grad_fn; /* node class name ("AddBackward0") or NULL */
    bool requires_grad;  /* shown only when grad_fn is NULL */
} TsFormatExtras;

/* The full repr of t (CPU tensors or host copies), malloc'ed; NULL after
 * ts_error on out-of-memory.  opt NULL: ts_print_options; ex NULL: none.
 * The dtype suffix follows ts_default_float(); a non-CPU device adds
 * device='cuda:0'. */
char *ts_format_tensor(const TsTensor *t, const TsPrintOptions *opt, const TsFormatExtras *ex);

/* np.set_printoptions' fields (numpy 1.24 defaults: 8, 1000, 3, 75, False).
 * threshold is a double so that threshold=np.inf needs no special case. */
typedef struct TsNpPrintOptions {
    int precision;    /* at most this many digits after the point */
    double threshold; /* summarise when size > threshold */
    int edgeitems;    /* items shown at each end when summarising */
    int linewidth;    /* characters per line */
    bool suppress;    /* no scientific notation for small values */
} TsNpPrintOptions;

/* The current numpy options (what np.set_printoptions changes). */
extern TsNpPrintOptions ts_np_print_options;

/* numpy's ndarray printing (print_numpy.c), under ts_np_print_options:
 * repr ("array([1. , 2.5], dtype=float32)") when `repr`, else str
 * ("[1.  2.5]"; a 0-d array prints as its scalar).  Malloc'ed; NULL after
 * ts_error on out-of-memory. */
char *ts_format_numpy(const TsTensor *t, bool repr);

#endif
