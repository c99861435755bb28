/* torch_autograd_warn.c — the UserWarning PyTorch prints when .grad of a
 * non-leaf tensor is read, written to stderr the way Python's warnings
 * module shows it ("file:line: UserWarning: message" then the source
 * line, indented), once per location like the default warning filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"
#include "vm_internal.h"

static const char nonleaf_msg[] =
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad field "
    "to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you "
    "access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
    "github.com/pytorch/pytorch/pull/30531 for more informations. (Triggered internally at  "
    "./build/aten/src/ATen/core/TensorBody.h:480.)";

/* The locations already warned about (code object, line). */
typedef struct Seen { const Code *code; int line; } Seen;
static Seen *seen;
static int n_seen, cap_seen;

static bool first_time(const Code *co, int line)
{
    for (int i = 0; i < n_seen; i++)
        if (seen[i].code == co && seen[i].line == line) return false;
    if (n_seen == cap_seen) {
        int cap = cap_seen ? cap_seen * 2 : 16;
        Seen *s = realloc(seen, sizeof *s * (size_t)cap);
        if (!s) return true; /* cannot remember: warn again rather than fail */
        seen = s;
        cap_seen = cap;
    }
    seen[n_seen++] = (Seen){co, line};
    return true;
}

void tag_warn_nonleaf_grad(void)
{
    Frame *f = vm_frame;
    if (!f || !f->code) return;
    int line = vm_frame_line(f);
    if (!first_time(f->code, line)) return;
    const char *file = IS_TYPE(f->code->filename, &str_type) ? str_cstr(f->code->filename) : "<unknown>";
    Value text = tb_source_line(f->code->source, line);
    fprintf(stderr, "%s:%d: UserWarning: %s\n", file, line, nonleaf_msg);
    if (!IS_ERR(text) && ((Str *)text.o)->len) fprintf(stderr, "  %s\n", str_cstr(text));
    if (!IS_ERR(text)) v_decref(text);
}
