/* random.h — PyTorch's CPU random generator, bit for bit (torch 1.13, AVX2).
 *
 * A TsGenerator is the 32-bit Mersenne Twister MT19937 laid out exactly as
 * at::mt19937 keeps it (seed, left, next, 624 words), plus the Box–Muller
 * cache of the scalar normal path.  The layout matters because
 * torch.get_rng_state() exposes it as 5056 bytes (see ts_generator_get_state).
 *
 * Every sampling kernel fills a tensor IN PLACE, one element after the other
 * in memory order (TensorIterator order: the dimension with the largest
 * stride outermost), and draws from `g`, or from the process-global default
 * generator when `g` is NULL.  Full algorithms: /work/shared/parity/rng.md.
 *
 * Errors follow the tensor library's convention: -1 / NULL after ts_error().
 */
#ifndef TS_RANDOM_H
#define TS_RANDOM_H

#include <stdbool.h>
#include <stdint.h>

#include "tensor/tensor.h"

#define TS_MT_N 624
/* Seed of a fresh torch.Generator() (c10's default_rng_seed_val). */
#define TS_DEFAULT_RNG_SEED 67280421310721ULL
/* Size of torch.get_rng_state()'s ByteTensor (THGeneratorStateNew). */
#define TS_RNG_STATE_SIZE 5056
#define TS_RNG_LEGACY_STATE_SIZE 5048

typedef struct TsGenerator {
    uint64_t seed;             /* initial_seed(): the full 64-bit value */
    int left;                  /* draws left before the next twist, +1 */
    uint32_t next;             /* index of the next word in state[] */
    uint32_t state[TS_MT_N];
    bool has_normal;           /* the cached sine of the scalar Box–Muller */
    double next_normal;
    bool has_float_normal;     /* kept only to round-trip get/set_state */
    float next_float_normal;
} TsGenerator;

/* ---- generators and seeding ---- */
/* The process-global generator; seeded non-deterministically on first use. */
TsGenerator *ts_default_generator(void);
/* Initialises a new generator with the seed of torch.Generator(). */
void ts_generator_init(TsGenerator *g);
/* torch.manual_seed: only the low 32 bits feed the engine; clears caches. */
void ts_manual_seed(TsGenerator *g, uint64_t seed);
uint64_t ts_initial_seed(const TsGenerator *g);
/* torch.seed(): re-seeds with a fresh non-deterministic 53-bit value. */
uint64_t ts_seed(TsGenerator *g);
/* torch.get_rng_state / set_rng_state, byte-compatible with PyTorch. */
void ts_generator_get_state(const TsGenerator *g, uint8_t out[TS_RNG_STATE_SIZE]);
int ts_generator_set_state(TsGenerator *g, const uint8_t *bytes, int64_t n);

/* Raw draws: next tempered 32-bit output; 64-bit = (first << 32) | second. */
uint32_t ts_random32(TsGenerator *g);
uint64_t ts_random64(TsGenerator *g);

/* ---- in-place sampling kernels (g may be NULL: default generator) ---- */
/* Tensor.uniform_(a, b); torch.rand/rand_like are uniform_(0, 1). */
int ts_uniform_(TsTensor *t, double a, double b, TsGenerator *g);
/* Tensor.normal_(mean, std); torch.randn/randn_like are normal_(0, 1). */
int ts_normal_(TsTensor *t, double mean, double std, TsGenerator *g);
/* Tensor.random_() without bounds (dtype-dependent range). */
int ts_random_(TsTensor *t, TsGenerator *g);
/* Tensor.random_(from, to) and torch.randint: values in [from, to). */
int ts_random_range_(TsTensor *t, int64_t from, int64_t to, TsGenerator *g);
/* Tensor.random_(from, None): values in [from, largest value of dtype]. */
int ts_random_from_(TsTensor *t, int64_t from, TsGenerator *g);
/* Tensor.bernoulli_(p) with a Python float p; also the dropout mask. */
int ts_bernoulli_scalar_(TsTensor *t, double p, TsGenerator *g);
/* Tensor.exponential_(lambd). */
int ts_exponential_(TsTensor *t, double lambd, TsGenerator *g);
/* Tensor.cauchy_(median, sigma), log_normal_(mean, std), geometric_(p). */
int ts_cauchy_(TsTensor *t, double median, double sigma, TsGenerator *g);
int ts_log_normal_(TsTensor *t, double mean, double std, TsGenerator *g);
int ts_geometric_(TsTensor *t, double p, TsGenerator *g);

/* ---- functions returning new tensors ---- */
/* torch.bernoulli(p): 0/1 in p's dtype, shaped like p. */
TsTensor *ts_bernoulli(const TsTensor *p, TsGenerator *g);
/* torch.randperm(n, dtype=...). */
TsTensor *ts_randperm(int64_t n, TsDType dtype, TsGenerator *g);
/* torch.multinomial(probs, n, replacement): int64, 1-D or 2-D probs. */
TsTensor *ts_multinomial(const TsTensor *probs, int64_t n, bool replacement,
                         TsGenerator *g);

/* torch.normal with tensor arguments (float32/float64), section 5 of
 * rng.md.  `mean` / `std` are the tensors; the _tf/_ft forms take one scalar.
 * Broadcasting follows PyTorch; the result is a new contiguous tensor. */
TsTensor *ts_normal_tt(const TsTensor *mean, const TsTensor *std, TsGenerator *g);
TsTensor *ts_normal_tf(const TsTensor *mean, double std, TsGenerator *g);
TsTensor *ts_normal_ft(double mean, const TsTensor *std, TsGenerator *g);

/* F.dropout(x, p, training=True) on CPU: x * (bernoulli_(1-p) / (1-p)).
 * Returns a new contiguous tensor with x's shape and dtype.  The caller
 * handles training=False (identity) and p == 1 (all zeros) as PyTorch does;
 * p outside [0, 1] is an error here. */
TsTensor *ts_dropout(const TsTensor *x, double p, TsGenerator *g);

#endif
