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
jar=target/weight-studio.jar
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
    printf "%-6s %-7s %10s %10s %7s   %10s %10s %7s\n", "batch", "round", "numpy/s", "studio/s", "ratio",
      "numpy/cpu", "studio/cpu", "ratio"
    for (b = 2; b <= 100; b += 98) {
      n = 0
      for (r = 1; (r in rounds); r++) {
        rw = wall["train", b, r] / wall["numpy", b, r]
        rc = cpu["train", b, r] / cpu["numpy", b, r]
        printf "%-6d %-7s %10d %10d %6.2fx   %10d %10d %6.2fx\n", b, r, wall["numpy", b, r], wall["train", b, r], rw,
          cpu["numpy", b, r], cpu["train", b, r], rc
        n++; ws[n] = rw; cs[n] = rc
      }
      printf "%-6d %-7s %10s %10s %6.2fx   %10s %10s %6.2fx\n", b, "median", "", "", median(ws, n), "", "", median(cs, n)
    }
    print "(samples/s of wall time, and per second of CPU time: the second is the steadier on a busy machine)"
  }' "$log"
