import torch
def t(s):
    try:
        r = eval(s); print(s, '->', r if not isinstance(r, torch.Tensor) else r.tolist())
    except Exception as e: print(s, '!!', type(e).__name__, str(e).splitlines()[0])
for s in ["torch.empty(3).uniform_(5, 2)", "torch.empty(3).uniform_(2, 2)", "torch.empty(3, dtype=torch.int64).uniform_()",
 "torch.empty(3).normal_(0, -1)", "torch.empty(3).normal_(0, -1.5)", "torch.empty(3, dtype=torch.int64).normal_()",
 "torch.randint(5, 5, (3,))", "torch.randint(0, 300, (3,), dtype=torch.uint8)", "torch.randint(-1, 3, (3,), dtype=torch.uint8)",
 "torch.randint(0, 2**40, (3,), dtype=torch.int32)", "torch.randint(0, 3, (3,), dtype=torch.bool)","torch.randint(0, 2, (3,), dtype=torch.bool)",
 "torch.empty(3).bernoulli_(1.5)", "torch.empty(3).bernoulli_(-0.5)", "torch.bernoulli(torch.tensor([0.5], dtype=torch.float16))",
 "torch.bernoulli(torch.tensor([1, 0]))", "torch.bernoulli(torch.tensor([1.5, 0]))",
 "torch.empty(3).exponential_(0)", "torch.empty(3).exponential_(-1)", "torch.empty(3, dtype=torch.int64).exponential_()",
 "torch.randperm(-1)", "torch.multinomial(torch.tensor([0.1, 0.2]), 3)", "torch.multinomial(torch.tensor([0., 0.]), 1)",
 "torch.multinomial(torch.tensor([-0.1, 0.2]), 1)", "torch.multinomial(torch.tensor([[[0.1]]]), 1)", "torch.multinomial(torch.tensor([0.1, float('nan')]), 1)",
 "torch.multinomial(torch.tensor([1, 2]), 1)", "torch.multinomial(torch.tensor([0.1, 0.2]), 0)", "torch.multinomial(torch.tensor([0.1, 0., 0.]), 2)",
 "torch.nn.functional.dropout(torch.ones(3), 1.5)", "torch.nn.functional.dropout(torch.ones(3), 1.0)",
 "torch.empty(3, dtype=torch.int64).random_(-3, 10)", "torch.empty(3, dtype=torch.uint8).random_(0, 256)", "torch.empty(3, dtype=torch.uint8).random_(0, 257)",
 "torch.empty(3, dtype=torch.float32).random_(0, 2**25)", "torch.empty(3, dtype=torch.float32).random_(0, 2**24)", "torch.empty(3, dtype=torch.float16).random_(0, 2**12)",
 "torch.empty(3, dtype=torch.int8).random_(-129, 0)", "torch.empty(3, dtype=torch.int8).random_(5)", "torch.empty(3, dtype=torch.int8).random_(5, None)",
 "torch.empty(3, dtype=torch.bool).random_()", "torch.manual_seed(2**64)", "torch.manual_seed(-2**63-1)",
 "torch.normal(torch.zeros(3), torch.ones(2))", "torch.normal(torch.zeros(3), -1.0)", "torch.normal(0.0, torch.tensor([-1.0]))", "torch.normal(torch.zeros(3), torch.tensor([-1.0,1.,1.]))",
 "torch.empty(3, dtype=torch.bfloat16).normal_()","torch.rand(3, dtype=torch.int64)", "torch.randn(3, dtype=torch.int64)",
]: t(s)
