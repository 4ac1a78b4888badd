#!/usr/bin/env bash
# Runs musai's training/RNN benchmark and the PyTorch reference (shared/bench/rwkv4_ref.py) at the same shape, one
# after the other on the same machine, and prints both JSON lines and the ratios.
# Needs: a built checkout (mvn -B package -DskipTests) and the reference's torch
# (pip install --no-deps --no-index --find-links "$PIP_FIND_LINKS" torch).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
reference="${REFERENCE:-$here/../shared/bench/rwkv4_ref.py}"
shape=(--vocab "${VOCAB:-560}" --embed "${EMBED:-256}" --layers "${LAYERS:-4}" --ctx "${CTX:-256}" --batch "${BATCH:-8}" --steps "${STEPS:-10}")
ours=$("$here/musai" bench train --json "${shape[@]}" --gen 256)
theirs=$(python3 "$reference" "${shape[@]}" --gen 256)
echo "musai:     $ours"
echo "reference: $theirs"
python3 - "$ours" "$theirs" <<'PY'
import json, sys
o, t = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({"train_ratio": round(o["tokens_per_s"] / t["train_tokens_per_s"], 2),
                  "rnn_ratio": round(o["rnn_tokens_per_s"] / t["gen_tokens_per_s"], 2),
                  "same_params": o["params"] == t["params"]}))
PY
