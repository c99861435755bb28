# Generates tests/unit/test_tensor_ops.c: expected values computed by real PyTorch.
import torch, math
T = torch
def lcg_floats(n, seed, scale):
    out=[]; s=seed
    for i in range(n):
        s=(s*6364136223846793005+1442695040888963407) % (1<<64)
        out.append(((s>>40) / float(1<<24) - 0.5) * scale)
    return out
inputs = {}   # name -> (torch tensor, C dtype)
def inp(name, t, cdt):
    inputs[name]=(t,cdt)
inp('a23', T.tensor([[1.5,-2.,3.],[4.,0.5,-6.]]), 'TS_FLOAT32')
inp('i23', T.tensor([[3,1,2],[1,3,3]]), 'TS_INT64')
inp('b4', T.tensor([True,False,True,True]), 'TS_BOOL')
inp('v7', T.tensor([2.,1.,1.,2.,1.,2.,float('nan')]), 'TS_FLOAT32')
inp('r345', T.tensor(lcg_floats(60, 7, 20.0), dtype=T.float32).reshape(3,4,5), 'TS_FLOAT32')
inp('m33', T.tensor([[4.,1,2],[1,5,3],[2,3,6]], dtype=T.float64), 'TS_FLOAT64')
inp('m34', T.tensor(lcg_floats(12, 3, 4.0), dtype=T.float32).reshape(3,4), 'TS_FLOAT32')
inp('m42', T.tensor(lcg_floats(8, 5, 4.0), dtype=T.float32).reshape(4,2), 'TS_FLOAT32')
inp('b234', T.tensor(lcg_floats(24, 9, 4.0), dtype=T.float32).reshape(2,3,4), 'TS_FLOAT32')
inp('i8', T.tensor([5,3,5,1,3,5,0,3]), 'TS_INT64')
inp('x10', T.arange(10.).reshape(2,5), 'TS_FLOAT32')
inp('ix', T.tensor([1,0,1]), 'TS_INT64')
inp('gidx', T.tensor([[0,4],[3,3]]), 'TS_INT64')
inp('mask25', T.tensor([[True,False,True,False,False],[False,True,True,True,False]]), 'TS_BOOL')
inp('v3', T.tensor([1.,2.,3.]), 'TS_FLOAT32')
inp('w3', T.tensor([4.,5.,6.]), 'TS_FLOAT32')
inp('i22', T.tensor([[1,2],[3,4]]), 'TS_INT64')

# (name, C expression yielding TsTensor*, torch expression)
cases = [
 ('sum_all', 'ts_sum(a23, 0, NULL, false, TS_UNDEF)', 'a23.sum()'),
 ('sum_dim0', 'ts_sum(a23, 1, D(0), false, TS_UNDEF)', 'a23.sum(0)'),
 ('sum_dim1_keep', 'ts_sum(a23, 1, D(-1), true, TS_UNDEF)', 'a23.sum(-1, keepdim=True)'),
 ('sum_int', 'ts_sum(i23, 1, D(1), false, TS_UNDEF)', 'i23.sum(1)'),
 ('sum_bool', 'ts_sum(b4, 0, NULL, false, TS_UNDEF)', 'b4.sum()'),
 ('sum_big_cascade', 'ts_sum(big, 0, NULL, false, TS_UNDEF)', 'big.sum()'),
 ('sum_r345_d1', 'ts_sum(r345, 1, D(1), false, TS_UNDEF)', 'r345.sum(1)'),
 ('sum_r345_d02', 'ts_sum(r345, 2, D2(0, 2), false, TS_UNDEF)', 'r345.sum((0,2))'),
 ('sum_perm', 'ts_sum(r345t, 1, D(0), false, TS_UNDEF)', 'r345.transpose(0,2).sum(0)'),
 ('mean_all', 'ts_mean(r345, 0, NULL, false, TS_UNDEF)', 'r345.mean()'),
 ('mean_d2', 'ts_mean(r345, 1, D(2), false, TS_UNDEF)', 'r345.mean(2)'),
 ('prod_d1', 'ts_prod(a23, D(1), false, TS_UNDEF)', 'a23.prod(1)'),
 ('prod_int', 'ts_prod(i23, NULL, false, TS_UNDEF)', 'i23.prod()'),
 ('max_all', 'ts_max_all(a23)', 'a23.max()'),
 ('min_all_int', 'ts_min_all(i23)', 'i23.min()'),
 ('max_nan', 'ts_max_all(v7)', 'v7.max()'),
 ('amax_d0', 'ts_amax(a23, 1, D(0), false)', 'a23.amax(0)'),
 ('amin_d1k', 'ts_amin(r345, 1, D(1), true)', 'r345.amin(1, keepdim=True)'),
 ('argmax_all', 'ts_argmax(i23, NULL, false)', 'i23.argmax()'),
 ('argmax_d1', 'ts_argmax(i23, D(1), false)', 'i23.argmax(1)'),
 ('argmin_d0', 'ts_argmin(a23, D(0), true)', 'a23.argmin(0, keepdim=True)'),
 ('maxdim_v', 'PICK0(ts_max_dim(i23, 1, false, &V, &I))', 'i23.max(1).values'),
 ('maxdim_i', 'PICK1(ts_max_dim(i23, 1, false, &V, &I))', 'i23.max(1).indices'),
 ('mindim_i', 'PICK1(ts_min_dim(i23, 0, true, &V, &I))', 'i23.min(0, keepdim=True).indices'),
 ('var_all', 'ts_var(r345, 0, NULL, 1, false)', 'r345.var()'),
 ('std_all', 'ts_std(r345, 0, NULL, 1, false)', 'r345.std()'),
 ('var_d1', 'ts_var(r345, 1, D(1), 1, false)', 'r345.var(1)'),
 ('std_d2_biased', 'ts_std(r345, 1, D(2), 0, true)', 'r345.std(2, unbiased=False, keepdim=True)'),
 ('norm_2', 'ts_norm(r345, 2, 0, NULL, false, TS_UNDEF)', 'r345.norm()'),
 ('norm_1_d1', 'ts_norm(r345, 1, 1, D(1), false, TS_UNDEF)', 'r345.norm(p=1, dim=1)'),
 ('norm_inf', 'ts_norm(a23, INFINITY, 0, NULL, false, TS_UNDEF)', 'a23.norm(p=float("inf"))'),
 ('norm_3_d0', 'ts_norm(a23, 3, 1, D(0), false, TS_UNDEF)', 'a23.norm(p=3, dim=0)'),
 ('norm_2_lastdim', 'ts_norm(r345, 2, 1, D(2), false, TS_UNDEF)', 'r345.norm(dim=2)'),
 ('all_d1', 'ts_all(i23, 1, D(1), false)', 'i23.bool().all(1)'),
 ('any_all', 'ts_any(b4, 0, NULL, false)', 'b4.any()'),
 ('count_nz', 'ts_count_nonzero(a23, 1, D(0))', 'a23.count_nonzero(0)'),
 ('median_all', 'ts_median_all(v7f)', 'v7[:6].median()'),
 ('median_d', 'PICK1(ts_median_dim(v7f, 0, false, &V, &I))', 'v7[:6].median(0).indices'),
 ('median_nan_i', 'PICK1(ts_median_dim(v7, 0, false, &V, &I))', 'v7.median(0).indices'),
 ('mode_v', 'PICK0(ts_mode(i8, 0, false, &V, &I))', 'i8.mode(0).values'),
 ('mode_i', 'PICK1(ts_mode(i8, 0, false, &V, &I))', 'i8.mode(0).indices'),
 ('logsumexp_d1', 'ts_logsumexp(a23, 1, D(1), false)', 'a23.logsumexp(1)'),
 ('cumsum_d1', 'ts_cumsum(a23, 1, TS_UNDEF)', 'a23.cumsum(1)'),
 ('cumsum_int', 'ts_cumsum(i23, 0, TS_UNDEF)', 'i23.cumsum(0)'),
 ('cumprod_d0', 'ts_cumprod(a23, 0, TS_UNDEF)', 'a23.cumprod(0)'),
 ('cummax_i', 'PICK1(ts_cummax(i8, 0, &V, &I))', 'i8.cummax(0).indices'),
 ('sort_v', 'PICK0(ts_sort(i8, 0, false, false, &V, &I))', 'i8.sort().values'),
 ('sort_i', 'PICK1(ts_sort(i8, 0, false, false, &V, &I))', 'i8.sort().indices'),
 ('sort_desc_i', 'PICK1(ts_sort(i8, 0, true, false, &V, &I))', 'i8.sort(descending=True).indices'),
 ('sort_stable_i', 'PICK1(ts_sort(i8, 0, true, true, &V, &I))', 'i8.sort(descending=True, stable=True).indices'),
 ('sort_nan', 'PICK1(ts_sort(v7, 0, false, false, &V, &I))', 'v7.sort().indices'),
 ('sort_big_i', 'PICK1(ts_sort(rint, 0, false, false, &V, &I))', 'rint.sort().indices'),
 ('argsort_d1', 'ts_argsort(r345, 1, false, false)', 'r345.argsort(1)'),
 ('topk_v', 'PICK0(ts_topk(i8, 3, 0, true, true, &V, &I))', 'i8.topk(3).values'),
 ('topk_i', 'PICK1(ts_topk(i8, 3, 0, true, true, &V, &I))', 'i8.topk(3).indices'),
 ('topk_small_i', 'PICK1(ts_topk(rint, 2, 0, false, true, &V, &I))', 'rint.topk(2, largest=False).indices'),
 ('kth_i', 'PICK1(ts_kthvalue(i8, 4, 0, false, &V, &I))', 'i8.kthvalue(4).indices'),
 ('unique_v', 'PICK0(ts_unique(i8, true, &V, &I, NULL))', 'i8.unique()'),
 ('unique_inv', 'PICK1(ts_unique(i8, true, &V, &I, NULL))', 'i8.unique(return_inverse=True)[1]'),
 ('unique_unsorted', 'PICK0(ts_unique(i8, false, &V, &I, NULL))', 'i8.unique(sorted=False)'),
 ('unique_unsorted_inv', 'PICK1(ts_unique(i8, false, &V, &I, NULL))', 'i8.unique(sorted=False, return_inverse=True)[1]'),
 ('unique_counts', 'PICK1(ts_unique(i8, true, &V, NULL, &I))', 'i8.unique(return_counts=True)[1]'),
 ('sum_0d', 'ts_sum(s0, 0, NULL, false, TS_UNDEF)', 'T.tensor(2.5).sum()'),
 ('sum_0d_dim', 'ts_sum(s0, 1, D(-1), true, TS_UNDEF)', 'T.tensor(2.5).sum(-1, keepdim=True)'),
 ('mean_empty', 'ts_mean(empty0, 0, NULL, false, TS_UNDEF)', 'T.tensor([]).mean()'),
 ('sum_empty_d0', 'ts_sum(e03, 1, D(0), false, TS_UNDEF)', 'T.ones(0,3).sum(0)'),
 ('max_0d', 'ts_max_all(s0)', 'T.tensor(2.5).max()'),
 ('argmax_0d', 'ts_argmax(s0, NULL, false)', 'T.tensor(2.5).argmax()'),
 ('sort_0d', 'PICK1(ts_sort(s0, 0, false, false, &V, &I))', 'T.tensor(2.5).sort().indices'),
 ('topk_0', 'PICK0(ts_topk(v3, 0, 0, true, true, &V, &I))', 'v3.topk(0).values'),
 ('median_0d', 'ts_median_all(s0)', 'T.tensor(2.5).median()'),
 ('nonzero_0d', 'ts_nonzero(s0)', 'T.tensor(2.5).nonzero()'),
 ('index_0d_none', 'IDX(s0, 1, NONE_)', 'T.tensor(2.5)[None]'),
 ('dot_int', 'ts_matmul(i8, i8)', 'i8 @ i8'),
 ('cumsum_0d', 'ts_cumsum(s0, 0, TS_UNDEF)', 'T.tensor(2.5).cumsum(0)'),
 ('var_empty_dim', 'ts_var(e03, 1, D(0), 1, false)', 'T.ones(0,3).var(0)'),
 ('amax_empty_ok', 'ts_amax(e03, 1, D(1), false)', 'T.ones(0,3).amax(1)'),
 ('any_empty', 'ts_any(empty0, 0, NULL, false)', 'T.tensor([]).any()'),
 ('all_empty', 'ts_all(empty0, 0, NULL, false)', 'T.tensor([]).all()'),
 ('prod_empty', 'ts_prod(empty0, NULL, false, TS_UNDEF)', 'T.tensor([]).prod()'),
 ('index_int', 'IDX(x10, 1, II(1))', 'x10[1]'),
 ('index_int_slice', 'IDX(x10, 2, II(1), SL(1, 4, 2))', 'x10[1, 1:4:2]'),
 ('index_none_ell', 'IDX(x10, 2, NONE_, ELL_)', 'x10[None, ...]'),
 ('index_tensor', 'IDX(x10, 2, SL(N_, N_, N_), TI(ix))', 'x10[:, ix]'),
 ('index_two_tensors', 'IDX(x10, 2, TI(ix), TI(ix2))', 'x10[ix, T.tensor([4,0,2])]'),
 ('index_mask', 'IDX(x10, 1, TI(mask25))', 'x10[mask25]'),
 ('index_sep', 'IDX(r345, 3, TI(ix), SL(N_, N_, N_), TI(ix))', 'r345[ix, :, ix]'),
 ('index_adj', 'IDX(r345, 3, SL(N_, N_, N_), TI(ix), TI(ix))', 'r345[:, ix, ix]'),
 ('index_bool', 'IDX(x10, 1, BOOL_(true))', 'x10[True]'),
 ('index_neg', 'IDX(x10, 2, II(-1), II(-2))', 'x10[-1, -2]'),
 ('index_mix1', 'IDX(r345, 3, TI(ix), SL(N_, N_, N_), II(0))', 'r345[ix, :, 0]'),
 ('index_mix2', 'IDX(r345, 3, II(1), SL(N_, N_, N_), TI(ix))', 'r345[1, :, ix]'),
 ('index_ell_t', 'IDX(r345, 2, ELL_, TI(ix))', 'r345[..., ix]'),
 ('index_2d_idx', 'IDX(x10, 1, TI(ix22))', 'x10[T.tensor([[0,1],[1,0]])]'),
 ('index_false', 'IDX(x10, 1, BOOL_(false))', 'x10[False]'),
 ('index_none_t', 'IDX(x10, 3, NONE_, TI(ix), NONE_)', 'x10[None, ix, None]'),
 ('index_step', 'IDX(x10, 2, SL(N_, N_, N_), SL(N_, N_, 2))', 'x10[:, ::2]'),
 ('index_negslice', 'IDX(x10, 2, SL(N_, N_, N_), SL(-3, N_, N_))', 'x10[:, -3:]'),
 ('index_0d_tensor', 'IDX(x10, 1, TI(i0))', 'x10[T.tensor(1)]'),
 ('index_mask2_sep', 'IDX(r345, 3, TI(ix), SL(N_, N_, N_), TI(m5))', 'r345[ix, :, T.tensor([False,True,False,True,True])]'),
 ('put_basic', 'PUT(x10c, ARGS(7), 2, II(0), SL(1, 3, N_))', 'put_basic()'),
 ('put_two', 'PUT(x10c, ARGT(w3), 2, TI(ix), TI(ix2))', 'put_two()'),
 ('put_adv', 'PUT(x10c, ARGT(w5), 2, TI(ix), SL(N_, N_, N_))', 'put_adv()'),
 ('put_acc', 'PUTACC(x10c, ARGS(1.5), 1, TI(ix3))', 'put_acc()'),
 ('put_mask', 'PUT(x10c, ARGS(-1), 1, TI(mask25))', 'put_mask()'),
 ('index_select', 'ts_index_select(x10, 1, ix)', 'x10.index_select(1, ix)'),
 ('gather', 'ts_gather(x10, 1, gidx)', 'x10.gather(1, gidx)'),
 ('scatter', 'ts_scatter(zz, 1, gidx, ts_arg(x10), NULL, NULL)', 'T.zeros(2,5).scatter(1, gidx, x10)'),
 ('scatter_add', 'ts_scatter_add(zz, 1, gidx, x10, NULL)', 'T.zeros(2,5).scatter_add(1, gidx, x10)'),
 ('scatter_val', 'ts_scatter(zz, 1, gidx, ts_arg_s(ts_scalar_f(2.5)), NULL, NULL)', 'T.zeros(2,5).scatter(1, gidx, 2.5)'),
 ('masked_select', 'ts_masked_select(x10, mask25)', 'x10.masked_select(mask25)'),
 ('take', 'ts_take(x10, gidx)', 'x10.take(gidx)'),
 ('nonzero', 'ts_nonzero(mask25)', 'mask25.nonzero()'),
 ('index_add', 'ts_index_add(zz, 1, ix, m23, ts_scalar_i(2), NULL)', 'T.zeros(2,5).index_add(1, ix, a23, alpha=2)'),
 ('mm', 'ts_mm(m34, m42b)', 'm34 @ m42.reshape(2,4).t()'),
 ('mm_tt', 'ts_mm(m34t, m34)', 'm34.t() @ m34'),
 ('mm_int', 'ts_mm(i22, i22)', 'i22 @ i22'),
 ('mv', 'ts_mv(m34, w4)', 'm34.mv(T.tensor([1.,-1.,2.,.5]))'),
 ('dot', 'ts_dot(v3, w3)', 'v3.dot(w3)'),
 ('matmul_1d2d', 'ts_matmul(v3, m34)', 'v3 @ m34'),
 ('matmul_3d2d', 'ts_matmul(b234, m42)', 'b234 @ m42'),
 ('matmul_bcast', 'ts_matmul(b234, b243n)', 'b234 @ b234.transpose(1,2)[:1]'),
 ('matmul_1d3d', 'ts_matmul(w4, b243)', 'T.tensor([1.,-1.,2.,.5]) @ b234.transpose(1,2)'),
 ('bmm', 'ts_bmm(b234, b243)', 'T.bmm(b234, b234.transpose(1,2))'),
 ('addmm', 'ts_addmm(w4, m34t, m34, ts_scalar_f(0.5), ts_scalar_i(2))', 'T.addmm(T.tensor([1.,-1.,2.,.5]), m34.t(), m34, beta=0.5, alpha=2)'),
 ('outer', 'ts_outer(v3, w3)', 'T.outer(v3, w3)'),
 ('trace', 'ts_trace(m33)', 'm33.trace()'),
 ('cross', 'ts_cross(v3, w3, NULL)', 'T.cross(v3, w3)'),
 ('inverse', 'ts_inverse(m33)', 'T.inverse(m33)'),
 ('det', 'ts_det(m33)', 'T.det(m33)'),
 ('solve', 'ts_solve(m33, w3d)', 'T.linalg.solve(m33, T.tensor([4.,5.,6.],dtype=T.float64))'),
 ('svd_s', 'PICK1(ts_svd(m33, false, &U_, &I, &V))', 'T.linalg.svd(m33)[1]'),
 ('cholesky', 'ts_cholesky(m33, false)', 'T.linalg.cholesky(m33)'),
]
def put_adv():
    x=x10.clone(); x[ix, :] = T.tensor([9.,8.,7.,6.,5.]); return x
def put_basic():
    x=x10.clone(); x[0, 1:3] = 7.; return x
def put_two():
    x=x10.clone(); x[ix, T.tensor([4,0,2])] = T.tensor([4.,5.,6.]); return x
def put_acc():
    x=x10.clone(); x.index_put_((T.tensor([1,1,0]),), T.tensor(1.5), accumulate=True); return x
def put_mask():
    x=x10.clone(); x[mask25] = -1; return x
errors = [
 ('err_mean_int', 'ts_mean(i23, 0, NULL, false, TS_UNDEF)', 'TS_ERR_RUNTIME', 'i23.mean()'),
 ('err_sum_dim', 'ts_sum(a23, 1, D(2), false, TS_UNDEF)', 'TS_ERR_INDEX', 'a23.sum(2)'),
 ('err_max_empty', 'ts_max_all(empty0)', 'TS_ERR_RUNTIME', 'T.tensor([]).max()'),
 ('err_argmax_empty', 'ts_argmax(empty0, NULL, false)', 'TS_ERR_INDEX', 'T.tensor([]).argmax()'),
 ('err_std_int', 'ts_std(i23, 0, NULL, 1, false)', 'TS_ERR_RUNTIME', 'i23.std()'),
 ('err_topk', 'OK1(ts_topk(v3, 5, 0, true, true, &V, &I))', 'TS_ERR_RUNTIME', 'v3.topk(5)'),
 ('err_index_oob', 'IDX(v3, 1, II(5))', 'TS_ERR_INDEX', 'v3[5]'),
 ('err_too_many', 'IDX(v3, 2, II(1), II(2))', 'TS_ERR_INDEX', 'v3[1, 2]'),
 ('err_mask_shape', 'IDX(x10, 1, TI(b2))', 'TS_ERR_INDEX', 'x10[T.tensor([True,False,True])]'),
 ('err_tensor_oob', 'IDX(v3, 1, TI(ix5))', 'TS_ERR_INDEX', 'v3[T.tensor([5])]'),
 ('err_index_0d', 'IDX(i0, 1, II(0))', 'TS_ERR_INDEX', 'T.tensor(1)[0]'),
 ('err_index_i32', 'IDX(x10, 2, SL(N_, N_, N_), TI(ix32))', 'TS_ERR_INDEX', 'x10[:, ix.int()]'),
 ('err_index_f32', 'IDX(x10, 1, TI(v3))', 'TS_ERR_INDEX', 'x10[v3]'),
 ('err_mm', 'ts_mm(a23, a23)', 'TS_ERR_RUNTIME', 'T.mm(a23, a23)'),
 ('err_mm_dtype', 'ts_mm(i22, m22f)', 'TS_ERR_RUNTIME', 'T.mm(i22, T.ones(2,2))'),
 ('err_dot_2d', 'ts_dot(a23, a23)', 'TS_ERR_RUNTIME', 'T.dot(a23, a23)'),
 ('err_dot_size', 'ts_dot(v3, w4)', 'TS_ERR_RUNTIME', 'T.dot(v3, T.ones(4))'),
 ('err_mv', 'ts_matmul(a23, w4)', 'TS_ERR_RUNTIME', 'a23 @ T.ones(4)'),
 ('err_bmm', 'ts_bmm(b234, b234)', 'TS_ERR_RUNTIME', 'T.bmm(b234, b234)'),
 ('err_gather_dtype', 'ts_gather(x10, 1, gidxf)', 'TS_ERR_RUNTIME', 'x10.gather(1, gidx.float())'),
 ('err_inv_singular', 'ts_inverse(z22)', 'TS_ERR_RUNTIME', 'T.linalg.inv(T.zeros(2,2))'),
 ('err_put_shape', 'PUT(x10c, ARGT(v3), 2, TI(ix), SL(N_, N_, N_))', 'TS_ERR_RUNTIME', 'x10.clone().__setitem__((ix, slice(None)), v3)'),
]
g = {k: v[0] for k, v in inputs.items()}
g.update(T=T, put_adv=put_adv, put_acc=put_acc, put_mask=put_mask, put_basic=put_basic, put_two=put_two)
g['big'] = T.tensor(lcg_floats(100003, 1, 200.0), dtype=T.float32)
g['rint'] = T.tensor([int(v) for v in lcg_floats(100, 11, 8.0)])
x10 = g['x10']; ix = g['ix']; mask25 = g['mask25']
def cnum(v):
    if isinstance(v, bool): return '1' if v else '0'
    if isinstance(v, int): return str(v)
    if math.isnan(v): return 'NAN'
    if math.isinf(v): return 'INFINITY' if v > 0 else '-INFINITY'
    return repr(float(v))
DT = {T.float32:'TS_FLOAT32', T.float64:'TS_FLOAT64', T.int64:'TS_INT64', T.bool:'TS_BOOL', T.uint8:'TS_UINT8'}
out = []
for name, cexpr, pyexpr in cases:
    r = eval(pyexpr, g)
    shape = list(r.shape); vals = r.double().flatten().tolist() if r.dtype != T.int64 else r.flatten().tolist()
    tol = '0' if name not in ('inverse','solve','svd_s','cholesky','det','logsumexp_d1','norm_3_d0','mm','mm_tt','mv','matmul_1d2d','matmul_3d2d','matmul_bcast','matmul_1d3d','bmm','addmm','dot') else '1e-5'
    out.append('    CHECK("%s", %s, %s, %d, ((int64_t[]){%s}), ((double[]){%s}), %s);' % (
        name, cexpr, DT[r.dtype], len(shape), ', '.join(map(str, shape)) or '0', ', '.join(cnum(v) for v in vals) or '0', tol))
for name, cexpr, kind, pyexpr in errors:
    try:
        eval(pyexpr, g); msg = None
    except Exception as e:
        msg = str(e)
    assert msg is not None, name
    out.append('    CHECK_ERR("%s", %s, %s, "%s");' % (name, cexpr, kind, msg.replace('\\','\\\\').replace('"','\\"')))
ins = []
for k, (t, cdt) in inputs.items():
    ins.append('    TsTensor *%s = MK(%s, %d, ((int64_t[]){%s}), ((double[]){%s}));' % (
        k, cdt, t.dim(), ', '.join(map(str, t.shape)) or '0', ', '.join(cnum(v) for v in (t.double().flatten().tolist() if t.dtype!=T.int64 else t.flatten().tolist()))))
ins.append('    TsTensor *rint = MK(TS_INT64, 1, ((int64_t[]){100}), ((double[]){%s}));' % ', '.join(map(str, g['rint'].tolist())))
src = open('/tmp/ops/test_template.c').read()
src = src.replace('@INPUTS@', '\n'.join(ins)).replace('@CASES@', '\n'.join(out))
open('/work/main/tests/unit/test_tensor_ops.c', 'w').write(src)
print(len(cases), 'cases', len(errors), 'errors')
