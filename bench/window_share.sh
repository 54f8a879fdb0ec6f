#!/usr/bin/env bash
# The window's training rate as a share of the headless rate, measured from outside as a user
# would: whole-process wall time of `train --steps N` (headless) against the window under Xvfb
# with `--autostart --pace unlimited --refresh R --quit-after-steps N`, each with its start-up
# (JVM, data loading, window, evaluation at the end) subtracted by also timing the same command
# with 1 step. Fresh settings (HOME is a new empty folder). Runs are interleaved, so that both
# sides see the same load on a shared machine.
#
#   share = (headless(N) - headless(1)) / (window(N) - window(1))     (wall times)
#
# Needs target/weight-studio.jar (mvn -B package -DskipTests; JAR=FILE for another), xvfb-run and
# /usr/bin/time.
#
# A single round swings by about 10% on a quiet machine (the 1-step start-up alone varies by
# 0.5 s against about 5 s of training), so ROUNDS rounds (default 3) run one after the other and
# the median share per refresh interval is printed last.
#
#   [ROUNDS=R] bench/window_share.sh [STEPS] [REFRESH...]        defaults: 900000 1 10
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${1:-900000}"
shift || true
refreshes=("${@:-}")
rounds="${ROUNDS:-3}"
[[ -n "${refreshes[0]}" ]] || refreshes=(1 10)
jar="${JAR:-target/weight-studio.jar}"
[[ -f "$jar" ]] || { echo "window_share.sh: $jar missing; run 'mvn -B package -DskipTests' first" >&2; exit 66; }
command -v xvfb-run >/dev/null || { echo "window_share.sh: xvfb-run not found" >&2; exit 69; }

home=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$home" "$out"' EXIT

# Prints "WALL CPU" seconds of one command run with a fresh HOME.
timed() {
  HOME="$home" /usr/bin/time -f '%e %U %S' -o "$out" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 70; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$out"
}
# ARCH="--arch mlp" (or cnn, with its options) measures another network; BATCH is its batch size
# (for the samples/s printed; the share does not depend on it).
read -r -a arch <<< "${ARCH:-}"
batch="${BATCH:-2}"
# Headless evaluates the test set only at the end (--eval-every past the last step), as the
# window's evaluations run on another thread: a CNN's evaluation costs seconds.
headless() { timed java -jar "$jar" train --steps "$1" --eval-every 1000000000 "${arch[@]}"; }
window() {
  timed xvfb-run -a -s "-screen 0 1600x1000x24" java -jar "$jar" --autostart --pace unlimited \
    --refresh "$2" --quit-after-steps "$1" "${arch[@]}"
}

date -u '+# %Y-%m-%d %H:%M UTC'
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# steps=$steps rounds=$rounds ${ARCH:-}: wall and CPU seconds of whole processes, start-up (1-step run) subtracted"
declare -A shares
for ((round = 1; round <= rounds; round++)); do
  read -r h1 h1c < <(headless 1)
  read -r hn hnc < <(headless "$steps")
  printf 'round %d headless     1 step: %6.2f s wall %6.2f s cpu   %s steps: %6.2f s wall %6.2f s cpu\n' "$round" "$h1" "$h1c" "$steps" "$hn" "$hnc"
  for r in "${refreshes[@]}"; do
    read -r w1 w1c < <(window 1 "$r")
    read -r wn wnc < <(window "$steps" "$r")
    printf 'round %d window r=%-4s 1 step: %6.2f s wall %6.2f s cpu   %s steps: %6.2f s wall %6.2f s cpu\n' "$round" "$r" "$w1" "$w1c" "$steps" "$wn" "$wnc"
    line=$(awk -v h1="$h1" -v hn="$hn" -v w1="$w1" -v wn="$wn" -v r="$r" -v n="$steps" -v round="$round" -v b="$batch" 'BEGIN {
      h = hn - h1; w = wn - w1
      printf "round=%d refresh=%s headless_train_s=%.2f window_train_s=%.2f headless_samples_per_s=%.0f window_samples_per_s=%.0f share=%.0f%%\n",
        round, r, h, w, b * n / h, b * n / w, 100 * h / w }')
    echo "$line"
    shares[$r]+="${line##*share=} "
  done
done
for r in "${refreshes[@]}"; do
  # the median of the rounds' shares
  echo "${shares[$r]}" | tr -d '%' | tr ' ' '\n' | grep -v '^$' | sort -n \
    | awk -v r="$r" '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "refresh=%s median_share=%.0f%% (rounds: %d)\n", r, m, NR }'
done
