/* mod_torch_stub.c — a placeholder `torch` module so that `import torch`
 * works before the tensor engineers land the real one.  The lead replaces
 * this file with the real module, which defines mod_torch_init (see
 * bi_private.h and the registry in modules.c). */
#include "bi_private.h"

bool mod_torch_init(Value m)
{
    (void)m;
    return true;
}
