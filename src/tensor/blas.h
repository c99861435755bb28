/* blas.h — BLAS and LAPACK, loaded on first use.
 *
 * tsc does not link OpenBLAS: its constructor would start a thread pool in
 * every process, and most sessions never multiply matrices.  The first
 * caller of ts_blas() loads the library with dlopen (once, thread-safe)
 * and gets a table of function pointers.  Each pointer has the type of
 * the prototype it stands for (cblas.h's, or ours below for the Fortran
 * LAPACK routines), so the compiler still checks every call.
 *
 * Library search: $TSC_BLAS_LIB alone when set (tests point it at a bogus
 * path), else libopenblas.so.0, libopenblas.so, then the Debian
 * alternatives pair libblas.so.3 + liblapack.so.3.
 */
#ifndef TS_BLAS_H
#define TS_BLAS_H

#include <cblas.h>
#include <stddef.h>

/* LAPACK, Fortran ABI: everything by pointer, hidden string lengths last.
 * Declared only for their types: nothing links against them. */
typedef int lp_int;
void dgetrf_(lp_int *m, lp_int *n, double *a, lp_int *lda, lp_int *ipiv, lp_int *info);
void dgetrs_(const char *trans, lp_int *n, lp_int *nrhs, double *a, lp_int *lda, lp_int *ipiv,
             double *b, lp_int *ldb, lp_int *info, size_t trans_len);
void dgesdd_(const char *jobz, lp_int *m, lp_int *n, double *a, lp_int *lda, double *s,
             double *u, lp_int *ldu, double *vt, lp_int *ldvt, double *work, lp_int *lwork,
             lp_int *iwork, lp_int *info, size_t jobz_len);
void dpotrf_(const char *uplo, lp_int *n, double *a, lp_int *lda, lp_int *info, size_t len);
void dgeqrf_(lp_int *m, lp_int *n, double *a, lp_int *lda, double *tau, double *work,
             lp_int *lwork, lp_int *info);
void dorgqr_(lp_int *m, lp_int *n, lp_int *k, double *a, lp_int *lda, double *tau,
             double *work, lp_int *lwork, lp_int *info);

/* OpenBLAS's thread control (also in its cblas.h; repeated here so a
 * reference cblas.h builds too). */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);

/* One row per routine: the field is named like the symbol without its
 * cblas_ prefix or trailing underscore. */
#define TS_BLAS_ROUTINES(X)                                                                  \
    X(sgemm, cblas_sgemm)                                                                    \
    X(dgemm, cblas_dgemm)                                                                    \
    X(sgemv, cblas_sgemv)                                                                    \
    X(dgemv, cblas_dgemv)                                                                    \
    X(sdot, cblas_sdot)                                                                      \
    X(ddot, cblas_ddot)                                                                      \
    X(dgetrf, dgetrf_)                                                                       \
    X(dgetrs, dgetrs_)                                                                       \
    X(dgesdd, dgesdd_)                                                                       \
    X(dpotrf, dpotrf_)                                                                       \
    X(dgeqrf, dgeqrf_)                                                                       \
    X(dorgqr, dorgqr_)

typedef struct TsBlas {
#define TS_BLAS_FIELD(name, sym) __typeof__(&sym) name;
    TS_BLAS_ROUTINES(TS_BLAS_FIELD)
#undef TS_BLAS_FIELD
    /* OpenBLAS extensions: NULL with another BLAS */
    __typeof__(&openblas_set_num_threads) set_num_threads;
    __typeof__(&openblas_get_num_threads) get_num_threads;
} TsBlas;

/* The loaded table; NULL with a TS_ERR_RUNTIME ts_error ("OpenBLAS could
 * not be loaded: ...") when the library or one of its routines is
 * missing (every call fails the same way, none crashes). */
const TsBlas *ts_blas(void);

/* BLAS's own thread count.  Before the library is loaded the count is
 * kept and applied on load (nothing is loaded for it); get returns the
 * library's count once loaded, else the count set so far (0 if none). */
void ts_blas_set_threads(int n);
int ts_blas_get_threads(void);

#endif
