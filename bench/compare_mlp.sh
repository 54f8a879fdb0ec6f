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
jar="${JAR:-target/weight-studio.jar}"
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
awk -v ref=torch -v batches="2 64" -f bench/ratios.awk "$log"
