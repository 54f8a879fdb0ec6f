#!/usr/bin/env bash
# Launch-to-first-picture time of the studio window, measured from outside: the wall time from
# just before the launch to the moment the process prints "first picture drawn" (window start,
# MNIST load, first frame of the grid), and the CPU time the process had used by then (which
# it prints itself, all threads). Each launch then quits after one update.
#
#   bench/first_picture.sh [RUNS] [jar|image|javafx-run ...]     (default: 5 jar image)
#
# jar: java -jar target/weight-studio.jar (mvn -B -q package); image: the app image
# target/dist/weight-studio/bin/weight-studio (mvn -B -Pdist package); javafx-run: mvn -q
# javafx:run on a warm Maven cache. Runs the kinds interleaved, so that they share the moment's
# load; prints each launch and the median per kind. Needs a display: starts one Xvfb for all
# runs when DISPLAY is unset.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(jar image)

xvfb_pid=
err=$(mktemp)
cleanup() { rm -f "$err"; [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=$display
  sleep 1
fi

args=(--report-first-picture --autostart --quit-after-steps 1)
command_of() {
  case "$1" in
    jar) echo java -jar target/weight-studio.jar "${args[@]}" ;;
    image) echo target/dist/weight-studio/bin/weight-studio "${args[@]}" ;;
    javafx-run) echo mvn -q -o javafx:run "-Djavafx.args=${args[*]}" ;;
    *) echo "unknown kind $1 (jar, image, javafx-run)" >&2; exit 64 ;;
  esac
}

declare -A walls cpus
for ((r = 1; r <= runs; r++)); do
  for kind in "${kinds[@]}"; do
    read -r -a cmd <<<"$(command_of "$kind")"
    start=$(date +%s%N)
    # stamp the line the moment it arrives (the process then quits on its own)
    stamped=$("${cmd[@]}" 2>"$err" | while IFS= read -r l; do
      [[ $l == *"first picture drawn"* ]] && echo "$(date +%s%N) $l"
    done || true)
    end=${stamped%% *}
    line=${stamped#* }
    if [ -z "$stamped" ]; then
      echo "$kind: no first picture; stderr:" >&2; cat "$err" >&2; exit 70
    fi
    wall=$(( (end - start) / 1000000 ))
    cpu=$(sed -E 's/.*, ([0-9?]+) ms CPU.*/\1/' <<<"$line")
    printf '%-11s run %d: %5d ms wall to first picture, %5s ms CPU\n' "$kind" "$r" "$wall" "$cpu"
    walls[$kind]+="$wall "
    cpus[$kind]+="$cpu "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for kind in "${kinds[@]}"; do
  printf '%-11s median of %d: %5d ms wall, %5d ms CPU\n' "$kind" "$runs" \
    "$(median <<<"${walls[$kind]}")" "$(median <<<"${cpus[$kind]}")"
done
