#!/usr/bin/env bash
# Two builds of the window side by side, as bench/window_share.sh measures one: per round the
# headless run (1 and N steps, with JAR_A) and then each build's window under Xvfb (1 and N steps,
# --autostart --pace unlimited --refresh R), whole-process wall times, start-up subtracted. Builds
# in the same round see the same load, so their training times compare even on a shared machine
# where single shares swing by 20%.
#
#   bench/window_ab.sh ROUNDS STEPS REFRESH JAR_A JAR_B
#
# Prints one line per round: headless training seconds, then each build's window training seconds
# and share; then each build's median training time and median share.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -eq 5 ]] || { echo "usage: bench/window_ab.sh ROUNDS STEPS REFRESH JAR_A JAR_B" >&2; exit 64; }
rounds=$1 steps=$2 refresh=$3 a=$4 b=$5
for j in "$a" "$b"; do [[ -f "$j" ]] || { echo "window_ab.sh: $j missing" >&2; exit 66; }; done
command -v xvfb-run >/dev/null || { echo "window_ab.sh: xvfb-run not found" >&2; exit 69; }
# timed (wall and CPU seconds of a command with a fresh HOME) and median
source bench/window_lib.sh
wall() { timed "$@" | cut -d' ' -f1; }
window() { wall xvfb-run -a -s "-screen 0 1600x1000x24" java -jar "$1" --autostart --pace unlimited --refresh "$refresh" --quit-after-steps "$2"; }
date -u '+# %Y-%m-%d %H:%M UTC'
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); steps=$steps refresh=$refresh A=$a B=$b"
declare -A times shares
for ((i = 1; i <= rounds; i++)); do
  h1=$(wall java -jar "$a" train --steps 1 --eval-every 1000000000)
  hn=$(wall java -jar "$a" train --steps "$steps" --eval-every 1000000000)
  h=$(awk -v x="$hn" -v y="$h1" 'BEGIN { printf "%.2f", x - y }')
  line="round $i headless $h s"
  for side in A B; do
    jar=$a
    [[ $side == B ]] && jar=$b
    w1=$(window "$jar" 1)
    wn=$(window "$jar" "$steps")
    w=$(awk -v x="$wn" -v y="$w1" 'BEGIN { printf "%.2f", x - y }')
    s=$(awk -v h="$h" -v w="$w" 'BEGIN { printf "%.0f", 100 * h / w }')
    times[$side]+="$w "
    shares[$side]+="$s "
    line+="   $side $w s share=$s%"
  done
  echo "$line"
done
for side in A B; do
  echo "$side: median window training $(median "${times[$side]}" %.2f) s, median share $(median "${shares[$side]}" %.0f)%"
done
