import rng_ref as R, numpy as np, math, torch, itertools
f32=np.float32
bf=lambda v: float(R.to_bf16(f32(v)))
N=320; M=1.0; S=3.0
torch.manual_seed(0); want = torch.empty(N, dtype=torch.bfloat16).normal_(M, S).float().tolist()
g=R.Generator(0); d=[float(R.u_bf16_bits(g)) for _ in range(N)]
def blk(d, mode):
    out=list(d)
    for j in range(8):
        u1=bf(1-d[j]); u2=d[j+8]
        l=bf(float(R.logf(u1))); m=bf(-2*l); rad=bf(float(np.sqrt(f32(m))))
        th=bf(float(f32(2*math.pi*u2)))
        c=bf(float(R.cosf(th))); s=bf(float(R.sinf(th)))
        for k,t in ((j,c),(j+8,s)):
            a=bf(rad*t)
            if mode==0: out[k]=bf(bf(a*S)+M)
            elif mode==1: out[k]=bf(float(R.fma32(a,S,M)))
            else: out[k]=bf(float(f32(f32(a*S)+M)))
    return out
for mode in range(3):
    o=[]
    dd=list(d)
    for i in range(0,N,16): dd[i:i+16]=blk(dd[i:i+16],mode)
    print(mode, sum(x==y for x,y in zip(dd,want)))
