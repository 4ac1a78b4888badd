"""RNN-mode tokens/s of the PyTorch reference, timed as `musai bench train` times ours: after a warm-up of 64
tokens, batch 1, stepping through fixed random tokens without sampling (rwkv4_ref.py's own figure includes a cold
start and multinomial sampling, ours neither). Uses the reference's model class as it is."""
import argparse, importlib.util, json, sys, time

ap = argparse.ArgumentParser()
ap.add_argument('--reference', required=True)
ap.add_argument('--vocab', type=int, default=560); ap.add_argument('--embed', type=int, default=256)
ap.add_argument('--layers', type=int, default=4); ap.add_argument('--gen', type=int, default=256)
a = ap.parse_args()
spec = importlib.util.spec_from_file_location('rwkv4_ref', a.reference)
ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)
torch = ref.torch
torch.manual_seed(0)
m = ref.RWKV(a.vocab, a.embed, a.layers)
tokens = torch.randint(0, a.vocab, (a.gen,)).tolist()
st = [[torch.zeros(a.embed), torch.zeros(a.embed), torch.zeros(a.embed), torch.full((a.embed,), -1e38),
       torch.zeros(a.embed)] for _ in range(a.layers)]
with torch.no_grad():
    for t in range(64):
        m.step(t % a.vocab, st)
    t0 = time.perf_counter()
    for t in tokens:
        m.step(t, st)
    seconds = time.perf_counter() - t0
print(json.dumps({'rnn_tokens_per_s': round(a.gen / seconds, 1), 'threads': torch.get_num_threads()}))
