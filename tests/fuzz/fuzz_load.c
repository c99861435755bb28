/* fuzz_load.c — libFuzzer harness over torch.load's reader: the zip
 * container (local headers, central directory, stored entries) and the
 * pickle virtual machine that rebuilds tensors, storages, dicts and
 * Parameters from data.pkl.
 *
 * torch.load takes a path, so each input is written into an in-memory file
 * (memfd) and loaded through /proc/self/fd/N: the real entry point, with no
 * test-only hook in the library.  A damaged file must end in an exception
 * (RuntimeError, UnpicklingError, NotImplementedError, MemoryError...),
 * never in a crash or a sanitizer report.  Seeds: tests/fuzz/corpus_load/,
 * small .pt files written by real PyTorch.  Built and run by
 * tests/fuzz/build.sh and tests/fuzz/run.sh. */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "runtime/torch_save.h"
#include "runtime/vm.h"

static int memfd = -1;
static Value path;   /* "/proc/self/fd/N", made once */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static char *args[] = {"fuzz_load.tsc", NULL};
    (void)argc; (void)argv;
    vm_init(1, args);
    memfd = memfd_create("fuzz_load.pt", 0);
    if (memfd < 0) {
        perror("fuzz_load: memfd_create");
        return 0;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "/proc/self/fd/%d", memfd);
    path = str_from_cstr(buf);
    return 0;
}

/* Replaces the memfd's contents with data; false when that fails. */
static bool fill(const uint8_t *data, size_t size)
{
    if (ftruncate(memfd, 0) != 0) return false;
    size_t off = 0;
    while (off < size) {
        ssize_t w = pwrite(memfd, data + off, size - off, (off_t)off);
        if (w <= 0) return false;
        off += (size_t)w;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memfd < 0 || !IS_OBJ(path) || !fill(data, size))
        return 0;
    Value arg = path;
    Value r = torch_load_fn(&arg, 1, NULL);
    if (IS_ERR(r))
        rt_exc_clear();
    else
        v_decref(r);   /* frees the rebuilt objects: their dealloc is fuzzed too */
    return 0;
}
