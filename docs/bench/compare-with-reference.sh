#!/usr/bin/env bash
# musai's training and RNN benchmark beside the PyTorch reference (shared/bench/rwkv4_ref.py) at the same shape, on
# the same machine, alternating the two sides ROUNDS times (ours first in odd rounds, the reference first in even
# ones) and recording the load average before each run; prints every run's JSON and the median ratios with their
# range. Training: the reference's chunked WKV and its sequential one, each where it fits in memory (the better one
# counts; REFERENCE_WKV=sequential skips the chunked one, which needs 19-22 GiB at the desktop shape). RNN: both
# timed after a warm-up, stepping through fixed tokens without sampling (docs/bench/reference_rnn.py).
# Shapes: SHAPES="small desktop" (small: vocab 560, embed 256, 4 layers, ctx 256, batch 8; desktop: embed 512,
# 8 layers, ctx 512, batch 8), or VOCAB/EMBED/LAYERS/CTX/BATCH for one of your own with SHAPES=custom.
# Needs: a built checkout (mvn -B package -DskipTests) and the reference's torch
# (pip install --no-deps --no-index --find-links "$PIP_FIND_LINKS" torch).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
reference="${REFERENCE:-$here/../shared/bench/rwkv4_ref.py}"
rounds="${ROUNDS:-3}"
steps="${STEPS:-5}"
gen="${GEN:-256}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

shape_of() {
  case "$1" in
    small) echo "560 256 4 256 8" ;;
    desktop) echo "560 512 8 512 8" ;;
    custom) echo "${VOCAB:-560} ${EMBED:-256} ${LAYERS:-4} ${CTX:-256} ${BATCH:-8}" ;;
    *) echo "unknown shape $1 (small, desktop or custom)" >&2; exit 2 ;;
  esac
}

record() { # side shape round json...
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  echo "{\"side\": \"$1\", \"shape\": \"$2\", \"round\": $3, \"load_before\": $load, \"figures\": $4}" | tee -a "$log"
}

ours() {
  record musai "$1" "$2" "$("$here/musai" bench train --json --vocab "$3" --embed "$4" --layers "$5" --ctx "$6" \
    --batch "$7" --steps "$steps" --gen "$gen" 2>/dev/null)"
}

theirs() {
  local wkv out
  for wkv in ${REFERENCE_WKV:-chunked sequential}; do
    if out=$(python3 "$reference" --wkv "$wkv" --vocab "$3" --embed "$4" --layers "$5" --ctx "$6" --batch "$7" \
        --steps "$steps" --gen 1 2>/dev/null); then
      record "reference-$wkv" "$1" "$2" "$out"
    else
      record "reference-$wkv" "$1" "$2" '{"failed": "out of memory or error"}'
    fi
  done
  record reference-rnn "$1" "$2" "$(python3 "$here/docs/bench/reference_rnn.py" --reference "$reference" \
    --vocab "$3" --embed "$4" --layers "$5" --gen "$gen")"
}

for shape in ${SHAPES:-small desktop}; do
  read -r vocab embed layers ctx batch <<<"$(shape_of "$shape")"
  for round in $(seq 1 "$rounds"); do
    if (( round % 2 == 1 )); then
      ours "$shape" "$round" "$vocab" "$embed" "$layers" "$ctx" "$batch"
      theirs "$shape" "$round" "$vocab" "$embed" "$layers" "$ctx" "$batch"
    else
      theirs "$shape" "$round" "$vocab" "$embed" "$layers" "$ctx" "$batch"
      ours "$shape" "$round" "$vocab" "$embed" "$layers" "$ctx" "$batch"
    fi
  done
done

python3 - "$log" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
for shape in dict.fromkeys(r["shape"] for r in runs):
    train, rnn, loads = [], [], []
    for rnd in sorted({r["round"] for r in runs if r["shape"] == shape}):
        side = {r["side"]: r for r in runs if r["shape"] == shape and r["round"] == rnd}
        loads += [r["load_before"] for r in side.values()]
        ours = side["musai"]["figures"]
        best = max((side[k]["figures"].get("train_tokens_per_s", 0), k) for k in side if k.startswith("reference-") and k != "reference-rnn")
        train.append((ours["tokens_per_s"] / best[0], best[1]) if best[0] else (float("nan"), "none fitted"))
        rnn.append(ours["rnn_tokens_per_s"] / side["reference-rnn"]["figures"]["rnn_tokens_per_s"])
    ratios = [t[0] for t in train]
    print(json.dumps({"shape": shape, "rounds": len(train),
                      "train_ratio_median": round(statistics.median(ratios), 2),
                      "train_ratio_range": [round(min(ratios), 2), round(max(ratios), 2)],
                      "reference_best_wkv": sorted({t[1] for t in train}),
                      "rnn_ratio_median": round(statistics.median(rnn), 2),
                      "rnn_ratio_range": [round(min(rnn), 2), round(max(rnn), 2)],
                      "load_before_range": [min(loads), max(loads)]}))
PY
