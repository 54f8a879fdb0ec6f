#!/usr/bin/env bash
# The CNN's training speed side by side with PyTorch (bench/torch_cnn_reference.py, one thread,
# plain SGD, the same architecture, batch size and learning rate), one right after the other for
# each batch size, and the studio/PyTorch ratios of samples per second of wall time and per second
# of process CPU time. On a shared, busy machine absolute figures swing; quote the CPU ratio.
# Each side reports its own training time (loading and PyTorch's import left out; the studio's
# JIT warm-up included); /usr/bin/time's whole-process wall and CPU are printed beside them.
# Needs target/weight-studio.jar (mvn -B package -DskipTests) and a python with torch.
#
#   bench/compare_cnn.sh [FILTERS [HIDDEN]]      default: 16,32 128 (the issue's bigger CNN)
#   PYTHON=/work/venv/bin/python STEPS64=30 STEPS2=400 bench/compare_cnn.sh 8,16 ""
#   JAR=old.jar bench/compare_cnn.sh             another build of the studio (before/after)
#   THREADS=2 bench/compare_cnn.sh               the studio with train --threads 2 (batch 64 only)
# The studio's steps default to 100 at batch 64 and 1500 at batch 2, about PyTorch's 10 s of
# training, so that the studio's JIT warm-up (counted; PyTorch's warm-up is not) weighs as little.
set -euo pipefail
cd "$(dirname "$0")/.."
filters="${1:-16,32}"
hidden="${2-128}"
python="${PYTHON:-/work/venv/bin/python}"
jar="${JAR:-target/weight-studio.jar}"
[[ -f "$jar" ]] || { echo "compare_cnn.sh: $jar missing; run 'mvn -B package -DskipTests' first" >&2; exit 66; }
"$python" -c 'import torch' 2>/dev/null || { echo "compare_cnn.sh: $python has no torch" >&2; exit 69; }
hidden_opt=()
[[ -n "$hidden" ]] && hidden_opt=(--hidden "$hidden")

log=$(mktemp)
trap 'rm -f "$log"' EXIT
date -u '+# %Y-%m-%d %H:%M UTC'
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); studio: $jar"
for batch in 64 2; do
  if [[ $batch == 64 ]]; then steps="${STEPS64:-100}"; else steps="${STEPS2:-1500}"; fi
  threads_opt=()
  [[ $batch == 64 && "${THREADS:-1}" != 1 ]] && threads_opt=(--threads "$THREADS")
  /usr/bin/time -f "torch_process batch=$batch %e s wall %U+%S s cpu" "$python" bench/torch_cnn_reference.py \
    --filters "$filters" --hidden "$hidden" --batch "$batch" --lr 0.05 --seconds 10 --warmup 1 2>&1 \
    | sed "s/^torch /torch batch=$batch /" | tee -a "$log"
  /usr/bin/time -f "studio_process batch=$batch %e s wall %U+%S s cpu" java -jar "$jar" train --arch cnn \
    --filters "$filters" "${hidden_opt[@]}" --batch "$batch" --lr 0.05 --steps "$steps" --eval-every "$steps" "${threads_opt[@]}" 2>&1 \
    | grep -E '^done|_process' | sed "s/^done /studio batch=$batch /" | tee -a "$log"
done

echo
awk '
  { side = $1; batch = $2; sub("batch=", "", batch)
    for (i = 3; i <= NF; i++) {
      if ($i ~ /^samples_per_s=/) { v = $i; sub("samples_per_s=", "", v); wall[side, batch] = v }
      if ($i ~ /^samples_per_cpu_s=/) { v = $i; sub("samples_per_cpu_s=", "", v); cpu[side, batch] = v }
    } }
  END {
    printf "%-6s %10s %10s %7s   %10s %10s %7s\n", "batch", "torch/s", "studio/s", "ratio", "torch/cpu", "studio/cpu", "ratio"
    for (b = 64; b >= 2; b -= 62) {
      printf "%-6d %10d %10d %6.2fx   %10d %10d %6.2fx\n", b, wall["torch", b], wall["studio", b],
        wall["studio", b] / wall["torch", b], cpu["torch", b], cpu["studio", b], cpu["studio", b] / cpu["torch", b]
    }
    print "(training samples per second of wall time, and per second of process CPU time)"
  }' "$log"
