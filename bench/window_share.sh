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
# A single round swings by 10-30% on this shared 2-core machine (the window's 1-step start-up
# alone varies from 3.8 to 4.6 s against about 4.5 s of training), so ROUNDS rounds (default 3) run
# one after the other, and two estimates are printed last for each refresh interval:
#
#   share_of_medians = (median headless(N) - median headless(1)) / (median window(N) - median window(1))
#   median_share     = the median of the rounds' shares
#
# The first takes the median of each of the four times before dividing, so one slow start-up does
# not make one round's share 150% or 70%; it is the steadier of the two. Both are reported.
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

# timed (wall and CPU seconds of a command with a fresh HOME) and median
source bench/window_lib.sh
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
declare -A shares walls
for ((round = 1; round <= rounds; round++)); do
  read -r h1 h1c < <(headless 1)
  read -r hn hnc < <(headless "$steps")
  walls[h1]+="$h1 "
  walls[hn]+="$hn "
  printf 'round %d headless     1 step: %6.2f s wall %6.2f s cpu   %s steps: %6.2f s wall %6.2f s cpu\n' "$round" "$h1" "$h1c" "$steps" "$hn" "$hnc"
  for r in "${refreshes[@]}"; do
    read -r w1 w1c < <(window 1 "$r")
    read -r wn wnc < <(window "$steps" "$r")
    walls[w1_$r]+="$w1 "
    walls[wn_$r]+="$wn "
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
  h=$(awk -v a="$(median "${walls[hn]}")" -v b="$(median "${walls[h1]}")" 'BEGIN { print a - b }')
  w=$(awk -v a="$(median "${walls[wn_$r]}")" -v b="$(median "${walls[w1_$r]}")" 'BEGIN { print a - b }')
  m=$(median "$(tr -d '%' <<< "${shares[$r]}")")
  awk -v r="$r" -v h="$h" -v w="$w" -v m="$m" -v n="$rounds" 'BEGIN {
    printf "refresh=%s share_of_medians=%.0f%% (headless %.2f s, window %.2f s of training) median_share=%.0f%% (rounds: %d)\n",
      r, 100 * h / w, h, w, m, n }'
done
