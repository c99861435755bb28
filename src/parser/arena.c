/* arena.c — bump allocation for AST nodes.
 *
 * A parse allocates many small nodes that all die together, so they come
 * from large chunks freed in one sweep (parse_free).  Allocation failure
 * returns NULL; the parser turns it into a MemoryError.
 */
#include <stdlib.h>
#include <string.h>

#include "parser/ast.h"

#define ARENA_CHUNK 65536

typedef struct Chunk {
    struct Chunk *next;
    size_t used, size;
    max_align_t data[];
} Chunk;

struct Arena { Chunk *head; };

Arena *arena_new(void)
{
    return calloc(1, sizeof(Arena));
}

/* A request bigger than a chunk gets a chunk of its own. */
static Chunk *chunk_new(size_t need)
{
    size_t size = need > ARENA_CHUNK ? need : ARENA_CHUNK;
    Chunk *c = malloc(sizeof(Chunk) + size);
    if (!c) return NULL;
    c->next = NULL;
    c->used = 0;
    c->size = size;
    return c;
}

void *arena_alloc(Arena *a, size_t n)
{
    if (!a) return NULL;
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (n == 0) n = sizeof(max_align_t);
    Chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        Chunk *nc = chunk_new(n);
        if (!nc) return NULL;
        nc->next = a->head;
        a->head = nc;
        c = nc;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

const char *arena_strdup(Arena *a, const char *s, size_t len)
{
    char *d = arena_alloc(a, len + 1);
    if (!d) return NULL;
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

void arena_free(Arena *a)
{
    if (!a) return;
    for (Chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

/* Doubles the list's array inside the arena (the old one is simply left
 * behind: the arena frees everything at once). */
bool nodelist_push(Arena *a, NodeList *l, Node *n)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        Node **items = arena_alloc(a, (size_t)cap * sizeof(Node *));
        if (!items) return false;
        if (l->n) memcpy(items, l->items, (size_t)l->n * sizeof(Node *));
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = n;
    return true;
}
