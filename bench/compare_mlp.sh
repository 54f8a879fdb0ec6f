#!/usr/bin/env bash
# Runs the PyTorch reference (bench/torch_mlp_reference.py: 784-H-10 ReLU, plain SGD, one thread)
# and the studio's `bench --arch mlp` one right after the other, ROUNDS times (default 3), each
# side training about --seconds per batch size, and prints the studio/PyTorch ratio of samples/s
# (wall) and samples per CPU-second at batch 2 and 64, per round and their median. On a busy
# machine only ratios of runs made side by side mean anything.
# CPU time: PyTorch's is its process's (time.process_time, one compute thread); the studio's is
# its training thread's (ThreadMXBean). Both are measured inside the process, after warm-up.
# Needs target/weight-studio.jar (mvn -B package -DskipTests) and a python with torch
# (PYTHON, default /work/venv/bin/python).
#
#   bench/compare_mlp.sh [ROUNDS] [HIDDEN]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
hidden="${2:-64}"
python="${PYTHON:-/work/venv/bin/python}"
jar=target/weight-studio.jar
[[ -f "$jar" ]] || { echo "compare_mlp.sh: $jar missing; run 'mvn -B package -DskipTests' first" >&2; exit 66; }
"$python" -c 'import torch' 2>/dev/null || { echo "compare_mlp.sh: $python has no torch" >&2; exit 69; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
date -u '+# %Y-%m-%d %H:%M UTC'
for ((r = 1; r <= rounds; r++)); do
  "$python" bench/torch_mlp_reference.py --runs 2,64 --hidden "$hidden" --lr 0.1 --min-seconds 2 \
    | sed "s/^/round=$r /" | tee -a "$log"
  java -jar "$jar" bench --only train --arch mlp --hidden "$hidden" --batches 2,64 --seconds 2 \
    | grep -E '^train batch=' | sed "s/^/round=$r /" | tee -a "$log"
done

echo
awk '
  function median(v, n,    i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  { round = $1; sub("round=", "", round); side = $2; batch = $3; sub("batch=", "", batch)
    for (i = 4; i <= NF; i++) {
      if ($i ~ /^samples_per_s=/) { v = $i; sub("samples_per_s=", "", v); wall[side, batch, round] = v }
      if ($i ~ /^samples_per_cpu_s=/) { v = $i; sub("samples_per_cpu_s=", "", v); cpu[side, batch, round] = v }
    }
    rounds[round] = 1 }
  END {
    printf "%-6s %-7s %10s %10s %7s   %10s %10s %7s\n", "batch", "round", "torch/s", "studio/s", "ratio",
      "torch/cpu", "studio/cpu", "ratio"
    split("2 64", bs, " ")
    for (k = 1; k <= 2; k++) {
      b = bs[k]; n = 0
      for (r = 1; (r in rounds); r++) {
        rw = wall["train", b, r] / wall["torch", b, r]
        rc = cpu["train", b, r] / cpu["torch", b, r]
        printf "%-6d %-7s %10d %10d %6.2fx   %10d %10d %6.2fx\n", b, r, wall["torch", b, r], wall["train", b, r], rw,
          cpu["torch", b, r], cpu["train", b, r], rc
        n++; ws[n] = rw; cs[n] = rc
      }
      printf "%-6d %-7s %10s %10s %6.2fx   %10s %10s %6.2fx\n", b, "median", "", "", median(ws, n), "", "", median(cs, n)
    }
    print "(samples/s of wall time, and per second of CPU time: the second is the steadier on a busy machine)"
  }' "$log"
