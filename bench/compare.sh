#!/usr/bin/env bash
# Runs the numpy reference (bench/numpy_reference.py) and the studio's `bench` command one right
# after the other, ROUNDS times (default 3), each side training for about a second per figure,
# and prints the studio/numpy ratio of training samples/s at batch 2 (lr 0.05) and batch 100
# (lr 0.5) for every round and their median. On a busy machine absolute figures swing from run
# to run; the ratio of two runs made side by side is what to quote.
# Needs target/weight-studio.jar (mvn -B package -DskipTests) and python3 with numpy.
#
#   bench/compare.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
jar="${JAR:-target/weight-studio.jar}"
[[ -f "$jar" ]] || { echo "compare.sh: $jar missing; run 'mvn -B package -DskipTests' first" >&2; exit 66; }
python3 -c 'import numpy' 2>/dev/null || { echo "compare.sh: python3 has no numpy" >&2; exit 69; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
date -u '+# %Y-%m-%d %H:%M UTC'
for ((r = 1; r <= rounds; r++)); do
  python3 bench/numpy_reference.py --runs 2:0.05,100:0.5 --min-seconds 1 | sed "s/^/round=$r /" | tee -a "$log"
  java -jar "$jar" bench --only train --seconds 1 | grep -E '^train batch=(2|100) ' | sed "s/^/round=$r /" | tee -a "$log"
done

echo
awk -v ref=numpy -v batches="2 100" -f bench/ratios.awk "$log"
