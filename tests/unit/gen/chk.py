import torch
torch.manual_seed(0); print(torch.randn(20, dtype=torch.bfloat16).tolist())
torch.manual_seed(0); print(torch.randn(20, dtype=torch.float16).tolist())
torch.manual_seed(0); print(torch.rand(5, dtype=torch.bfloat16).tolist())
torch.manual_seed(0); print(torch.multinomial(torch.tensor([0.1,0.2,0.3,0.4],dtype=torch.float64), 10, True).tolist())
torch.manual_seed(0); print(torch.empty(3, dtype=torch.int64).random_().tolist(), torch.empty(3, dtype=torch.float32).random_().tolist())
g = torch.Generator(); print(g.initial_seed()); s = g.get_state(); print(s.shape, s[:40].tolist(), s[-20:].tolist())
torch.manual_seed(3); torch.randn(1); s = torch.get_rng_state(); print(s[:24].tolist(), s[-20:].tolist())
