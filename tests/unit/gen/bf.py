import rng_ref as R, numpy as np, math, torch, itertools
f32=np.float32
bf=lambda v: float(R.to_bf16(f32(v)))
torch.manual_seed(0); want = torch.randn(16, dtype=torch.bfloat16).float().tolist()
g=R.Generator(0); d=[float(R.u_bf16_bits(g)) for _ in range(16)]
def run(rlog, rmul2, rsqrt, rcos, fused):
    out=[0]*16
    for j in range(8):
        u1=bf(1-d[j]); u2=d[j+8]
        l=float(R.logf(u1)); l = bf(l) if rlog else l
        m=float(f32(-2*l)); m = bf(m) if rmul2 else m
        rad=float(np.sqrt(f32(m))); rad = bf(rad) if rsqrt else rad
        th=bf(float(f32(2*math.pi*u2)))
        c=float(R.cosf(th)); s=float(R.sinf(th))
        if rcos: c=bf(c); s=bf(s)
        a=float(f32(rad*c)); b=float(f32(rad*s))
        if fused=='bfmul': a=bf(a); b=bf(b)
        out[j]=bf(a); out[j+8]=bf(b)
    return out
for combo in itertools.product([0,1],[0,1],[0,1],[0,1],['f','bfmul']):
    o=run(*combo)
    print(combo, sum(x==y for x,y in zip(o,want)))
