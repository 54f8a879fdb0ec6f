#!/usr/bin/env bash
# Runs the numpy reference (bench/numpy_reference.py) and the studio's `bench` command one after
# the other, ROUNDS times (default 2), and prints the studio/numpy ratio of training samples/s
# at batch 2 (lr 0.05) and batch 100 (lr 0.5), from the best figure of each side.
# Absolute figures drift with the machine's load; the ratio of two runs made side by side is what
# to quote. Needs target/weight-studio.jar (mvn -B package) and python3 with numpy.
#
#   bench/compare.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-2}"
jar=target/weight-studio.jar
[[ -f "$jar" ]] || { echo "compare.sh: $jar missing; run 'mvn -B package -DskipTests' first" >&2; exit 66; }
python3 -c 'import numpy' 2>/dev/null || { echo "compare.sh: python3 has no numpy" >&2; exit 69; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
date -u '+# %Y-%m-%d %H:%M UTC' | tee -a "$log"
for ((r = 1; r <= rounds; r++)); do
  python3 bench/numpy_reference.py --runs 2:0.05,100:0.5 | tee -a "$log"
  java -jar "$jar" bench --only train --seconds 1 | grep -E '^train batch=(2|100) ' | tee -a "$log"
done

# best samples/s of a side at a batch size: "numpy" or "train" lines
best() { grep -E "^$1 batch=$2 " "$log" | sed -E 's/.*samples_per_s=([0-9]+).*/\1/' | sort -n | tail -1; }
echo
printf '%-8s %14s %14s %8s\n' batch numpy_samples/s studio_samples/s ratio
for b in 2 100; do
  n=$(best numpy "$b"); s=$(best train "$b")
  printf '%-8s %14s %14s %7.1fx\n' "$b" "$n" "$s" "$(awk -v s="$s" -v n="$n" 'BEGIN { print s / n }')"
done
