/* cuda.h — the GPU backend's C-callable API (prefix cuda_).
 *
 * Built only with `make CUDA=1` (TSC_CUDA defined): the implementation is
 * in the .cu files of src/cuda, compiled by nvcc.  This header includes no
 * CUDA header, so plain C files (the runtime, the unit tests) may include
 * it; they call it only under #ifdef TSC_CUDA.
 *
 * HOW IT PLUGS IN.  cuda_backend_init() adds one row per visible GPU to the
 * tensor library's device table (tensor/tensor.h, TsDevice): memory hooks
 * (cudaMalloc/cudaFree/cudaMemcpy) and the element-wise kernel hooks
 * (unary, binary, fill, copy_strided).  Every kernel hook follows the
 * table's contract: 0 = done, -1 = failed after ts_error, 1 = "not
 * handled here, use the host path" (so an op the GPU lacks still works,
 * only slower).  Operands reaching a hook are already on its device.
 *
 * HOW THE TENSOR LIBRARY USES THE HOOKS.  fill and copy_strided are called
 * by ts_fill_ / ts_copy_ already.  For unary/binary, the element-wise
 * engine allocates the result on the device (result dtype, broadcast
 * shape), passes Python scalars as 0-dim CPU tensors, and falls back to
 * its host path when the hook answers 1.
 *
 * WITHOUT A GPU (no device, no driver) init registers nothing and
 * cuda_backend_unavailable() returns PyTorch's message for that case, so
 * torch.cuda.is_available() is False and device='cuda' fails as PyTorch
 * built with CUDA does on such a machine.
 */
#ifndef TSC_CUDA_H
#define TSC_CUDA_H

#ifdef __cplusplus
extern "C" {
#endif

#include "tensor/tensor.h"

/* Registers every visible GPU (idempotent).  Returns the number of GPUs
 * registered (0 when none is usable; never an error: no GPU is a normal
 * condition, recorded for cuda_backend_unavailable()). */
int cuda_backend_init(void);

/* Number of GPUs registered by cuda_backend_init (0 before it). */
int cuda_backend_device_count(void);

/* NULL when at least one GPU is usable; otherwise the RuntimeError text
 * PyTorch (a CUDA build) gives on this machine, e.g. "Found no NVIDIA
 * driver on your system. ..." or "No CUDA GPUs are available". */
const char *cuda_backend_unavailable(void);

/* The device-table id of cuda:index, or -1. */
int cuda_backend_device_id(int index);

/* ---- kernel hooks (also installed in the device rows) ---------------- */

/* Element-wise ops: `out` has the result dtype and the broadcast shape;
 * operands broadcast to it.  op is a TsUnaryOp / TsBinaryOp.  alpha scales
 * b for add/sub (a + alpha*b; a zeroed TsScalar means 1) and is ignored
 * by the other ops.  A 0-dim CPU
 * operand of a binary op is taken as a scalar (PyTorch's CPU scalars). */
int cuda_unary(int op, TsTensor *out, TsTensor *a);
int cuda_binary(int op, TsTensor *out, TsTensor *a, TsTensor *b, TsScalar alpha);
int cuda_fill(TsTensor *out, TsScalar v);
/* dst[...] = src broadcast to dst's shape, converting dtype as ts_copy_. */
int cuda_copy_strided(TsTensor *dst, TsTensor *src);

/* out = beta*out + alpha * (a @ b) with cuBLAS, float32/float64.
 *   2-D: a (M,K), b (K,N), out (M,N)
 *   3-D: a (B,M,K), b (B,K,N), out (B,M,N); a batch stride may be 0.
 * Operands may be transposed views; other layouts are copied first.
 * beta == 0 ignores out's old contents (NaN included), as BLAS does.
 * Returns 1 (host path) for other dtypes or devices.  The device table has
 * no gemm slot yet (the tensor library must not call src/cuda directly):
 * the intended wiring is a TsDevice member with this very signature, set
 * by register_gpu (device.cu), tried by mm/bmm/addmm before the host path. */
int cuda_gemm(TsTensor *out, TsTensor *a, TsTensor *b, TsScalar alpha, TsScalar beta);

/* uniform_(from, to) / normal_(mean, std) of a floating GPU tensor, drawn
 * as PyTorch's CUDA generator draws them (Philox, cuda/philox.h).  seed
 * and *offset are the generator's state (torch.cuda.manual_seed sets
 * seed, offset 0); *offset advances as PyTorch's does.  1 for other
 * dtypes or devices. */
int cuda_uniform_(TsTensor *t, double from, double to, uint64_t seed, uint64_t *offset);
int cuda_normal_(TsTensor *t, double mean, double std, uint64_t seed, uint64_t *offset);

/* torch.cuda.empty_cache(): gives the allocator's cached blocks back to
 * CUDA; cuda_memory_cached(i) is what it holds for cuda:i, in bytes. */
void cuda_empty_cache(void);
size_t cuda_memory_cached(int index);

/* Waits for every kernel on the current device (torch.cuda.synchronize). */
void cuda_synchronize(void);

#ifdef __cplusplus
}
#endif

#endif
