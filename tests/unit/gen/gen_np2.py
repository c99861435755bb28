import numpy as np
DT={np.dtype('float64'):'TS_FLOAT64',np.dtype('float32'):'TS_FLOAT32',np.dtype('int64'):'TS_INT64',np.dtype('int32'):'TS_INT32',np.dtype('bool'):'TS_BOOL',np.dtype('uint8'):'TS_UINT8'}
cases=[np.array([1.,2.5]), np.array([1.,2.]), np.arange(12.).reshape(3,4)/7, np.array([1e-5,1.]), np.array([1e10,1.,np.nan]),
 np.arange(100), np.arange(30.)/7, np.array([1.5,2],dtype=np.float32), np.arange(24).reshape(2,3,4), np.array([True,False]),
 np.arange(2000).reshape(40,50), np.array(1.5), np.array(1.0), np.zeros((0,3)), np.zeros(0,dtype=np.int32), np.array([0.1,0.2,0.3],dtype=np.float32),
 np.array([-np.inf, 1.25, np.nan]), np.arange(1001.)/3, np.array([[1,-20],[300,4]],dtype=np.int32), np.array(3), np.array(1e-7)]
def c(s): return '"'+s.replace('\\','\\\\').replace('"','\\"').replace('\n','\\n')+'"'
out=['/* numpy ndarray repr/str (ts_format_numpy) against numpy 1.24. */','static void run_numpy(void)','{']
for k,a in enumerate(cases):
    flat=a.flatten().astype(np.float64).tolist()
    vals=", ".join(float(v).hex() if v==v and abs(v)!=float('inf') else ('NAN' if v!=v else ('INFINITY' if v>0 else '-INFINITY')) for v in flat) or "0"
    sz=", ".join(str(s) for s in a.shape) or "0"
    out.append(f'{{ static const double v[]={{{vals}}}; int64_t sz[]={{{sz}}}; TsTensor *t=ts_empty({a.ndim}, sz, {DT[a.dtype]}, 0);')
    out.append(f'  for (int i=0;i<{a.size};i++) ts_store_f64((char*)ts_data(t)+i*ts_dtype_size(t->dtype), t->dtype, v[i]);')
    for rep,want in ((1,repr(a)),(0,str(a))):
        out.append(f'  {{ char *s=ts_format_numpy(t,{rep}); if(!s || strcmp(s,{c(want)})){{failed++;printf("FAIL %d/{rep}\\n--got:\\n%s\\n--want:\\n%s\\n",{k},s,{c(want)});}} else passed++; free(s);}}')
    out.append('  ts_release(t);}')
out.append('}')
src=open('/work/main/tests/unit/test_tensor_print.c').read()
if 'run_numpy' not in src:
    src=src.replace('int main(void)\n{', "\n".join(out)+'\n\nint main(void)\n{')
    src=src.replace('    run_misc();\n', '    run_misc();\n    run_numpy();\n')
    open('/work/main/tests/unit/test_tensor_print.c','w').write(src)
