/* torch_create.h — helpers shared by BIND-B's binding files (creation,
 * random, indexing, numpy, save): the factory keywords every creation
 * function accepts and the small conversions they all need.
 *
 * Private to src/runtime/torch_*.c and mod_numpy*.c; the public contract
 * between the binding files is torch_obj.h.
 */
#ifndef RT_TORCH_CREATE_H
#define RT_TORCH_CREATE_H

#include "torch_obj.h"
#include "tensor/random.h"

/* The keyword arguments of a factory function (torch.zeros(..., dtype=,
 * device=, requires_grad=, out=, generator=, layout=, pin_memory=,
 * memory_format=)).  Absent keywords keep their defaults. */
typedef struct TorchFactory {
    TsDType dtype;       /* TS_UNDEF: infer / default */
    int device;          /* library device id; TS_CPU by default */
    bool device_given;
    bool requires_grad;
    Value out;           /* borrowed Tensor or UNBOUND */
    Value generator;     /* borrowed Generator or UNBOUND/None */
} TorchFactory;

/* Binds a call: positional args fill names[0..npos) in order, keywords
 * match names[] or a factory keyword; vals[] receives borrowed Values
 * (UNBOUND when absent).  nreq names are required.  When varargs is true
 * the positional args are not bound (the caller reads them as sizes).
 * False with TypeError raised. */
bool torch_bind(const char *fname, Value *args, int nargs, KwArgs *kw,
                const char *const *names, int nnames, int nreq, Value *vals,
                TorchFactory *f, bool varargs);

/* The factory keywords of a bound F_FACTORY row's call (its
 * `TensorOptions`, generator=, out=, names=); false with an error
 * raised for names= other than None (named tensors are not supported). */
bool torch_call_factory(const TorchCall *c, TorchFactory *f);

/* Turns a freshly made CPU tensor into the factory's result: moves it to
 * f->device, writes it into out= when given, sets requires_grad.  Takes
 * the reference to t (NULL: raises the tensor library's error). */
Value torch_factory_finish(TsTensor *t, const TorchFactory *f);

/* A Python number, or a one-element tensor, as a scalar; false with
 * TypeError "NAME(): argument 'ARG' must be Number, not str". */
bool torch_scalar_arg(Value v, TsScalar *out, const char *fname, const char *argname);
/* An int argument ("must be int, not float"). */
bool torch_int_arg(Value v, int64_t *out, const char *fname, const char *argname);
bool torch_float_arg(Value v, double *out, const char *fname, const char *argname);
/* A size given as one argument (tuple / list / Size / int). */
bool torch_size_arg(Value v, int64_t *sizes, int *n, const char *fname);

/* Subscripting on library tensors (torch_index.c), shared with ndarray:
 * t[key] (NULL with the exception raised) and t[key] = val (-1). */
TsTensor *torch_index_tensor(TsTensor *t, Value key);
int torch_index_put(TsTensor *t, Value key, Value val);
/* Tensor.index_put_ / index_put (torch_index.c), registered with the
 * creation methods. */
extern const MethodDef torch_index_methods[];

/* The generator behind a torch.Generator value (torch_random.c); NULL
 * for None/UNBOUND (the default generator).  Raises TypeError and sets
 * *ok false for another type. */
TsGenerator *torch_generator_arg(Value v, bool *ok);

/* numpy interop (mod_numpy.c) */
extern Type ndarray_type;
/* The tensor inside an ndarray (borrowed), or NULL. */
TsTensor *np_unwrap(Value v);
/* Wraps t (taking the reference) as an ndarray value. */
Value np_wrap(TsTensor *t);
/* Fills ndarray's method table (once): t.numpy() works before `import
 * numpy`. */
void np_types_init(void);
/* Adds numpy.random to the numpy module (mod_numpy_random.c). */
bool np_random_init(Value np);
/* torch.from_numpy / Tensor.numpy() (share memory). */
Value np_from_numpy(Value *args, int nargs, KwArgs *kw);
Value np_tensor_numpy(Value *args, int nargs, KwArgs *kw);

#endif
