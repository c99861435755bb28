/* dict_impl.h — the dict's layout, shared by dict.c and the VM's global
 * variable cache (vm.c).  Everyone else uses the dict_* API of value.h.
 *
 * Layout (as in CPython 3.6+): a dense array of entries in insertion order
 * and a sparse power-of-two index table of entry positions.
 *
 * kver, the keys version, is a number unique across all dicts that changes
 * whenever the set of keys or their positions change (insertion of a new
 * key, deletion, resize, clear), but not when an existing key's value is
 * replaced.  While a dict's kver is unchanged, an entry position found for
 * a key stays valid, and the absence of a key stays true: the VM caches
 * global lookups under it (see vm_gcache.h).
 */
#ifndef RT_DICT_IMPL_H
#define RT_DICT_IMPL_H

#include "value.h"

typedef struct Entry { int64_t hash; Value key, val; } Entry;

struct Dict {
    Obj hdr;
    int64_t used;       /* live entries */
    int64_t nentries;   /* entries written (live + holes) */
    int64_t ecap;       /* capacity of entries */
    int64_t mask;       /* index size - 1 */
    int64_t *index;
    Entry *entries;
    uint64_t kver;      /* keys version: see above; never 0 */
};

/* The entry position of key in d, -1 if absent, -2 on error (raised). */
int64_t dict_find_index(Value d, Value key);

static inline uint64_t dict_kver(Value d) { return ((Dict *)d.o)->kver; }
static inline Value *dict_val_at(Value d, int64_t ix) { return &((Dict *)d.o)->entries[ix].val; }

#endif
