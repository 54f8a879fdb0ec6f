#!/usr/bin/env bash
# Soak benchmark (not part of `mvn verify`): the studio window trains at refresh interval 1 and
# unlimited pace under Xvfb for DURATION seconds (default 1800), and the java process's resident
# set size (VmRSS from /proc/PID/status) is sampled every INTERVAL seconds (default 30).
# The history is given 100,000 frames so that its memory budget (historyHeapPercent of -Xmx),
# not its frame count, is what bounds it. Prints one CSV line per sample and a summary:
# RSS at the end of the first third, at the end, and the growth over the last 20 minutes
# (or the last two thirds, for a shorter run). Target: growth <= 5% once the budget is full.
#
# Needs target/weight-studio.jar (mvn -B package -DskipTests), Xvfb.
#   nice -n 10 bench/soak.sh [DURATION] [INTERVAL] > soak.csv
# Environment: SOAK_JAVA_OPTS (default -Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-1800}"
interval="${2:-30}"
jar=target/weight-studio.jar
[[ -f "$jar" ]] || { echo "soak.sh: $jar missing; run 'mvn -B package -DskipTests' first" >&2; exit 66; }
command -v Xvfb >/dev/null || { echo "soak.sh: Xvfb is not installed" >&2; exit 69; }

work=$(mktemp -d)
xvfb_pid=""
java_pid=""
cleanup() {
  [[ -n "$java_pid" ]] && kill "$java_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# a copy of the jar: a rebuild during the run must not change the classes under the JVM
cp "$jar" "$work/studio.jar"
cat > "$work/settings.json" <<JSON
{"refreshInterval": 1, "pace": 0, "historyFrames": 100000, "historyHeapPercent": 25}
JSON

# a display nobody uses
display=90
while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 2

# shellcheck disable=SC2086
DISPLAY=":$display" java ${SOAK_JAVA_OPTS:--Xmx512m} -Dweightstudio.settings="$work/settings.json" \
  -jar "$work/studio.jar" --autostart >"$work/studio.log" 2>&1 &
java_pid=$!

date -u '+# soak started %Y-%m-%d %H:%M:%S UTC'
echo "# duration=${duration}s interval=${interval}s java_opts=${SOAK_JAVA_OPTS:--Xmx512m} cores=$(nproc)"
echo "elapsed_s,rss_mb,cpu_s"
start=$(date +%s)
ticks=$(getconf CLK_TCK)
samples=()
while :; do
  sleep "$interval"
  kill -0 "$java_pid" 2>/dev/null || { echo "soak.sh: the studio exited early:" >&2; tail -5 "$work/studio.log" >&2; exit 70; }
  elapsed=$(( $(date +%s) - start ))
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$java_pid/status")
  cpu=$(awk -v t="$ticks" '{printf "%.0f", ($14 + $15) / t}' "/proc/$java_pid/stat")
  rss_mb=$(( rss_kb / 1024 ))
  samples+=("$elapsed:$rss_mb")
  echo "$elapsed,$rss_mb,$cpu"
  (( elapsed >= duration )) && break
done

# summary: RSS at one third of the run, at the end, growth over the last 20 minutes
awk -v d="$duration" -v list="${samples[*]}" 'BEGIN {
  n = split(list, s, " ")
  window = d >= 1800 ? 1200 : 2 * d / 3
  for (i = 1; i <= n; i++) { split(s[i], p, ":"); t[i] = p[1]; r[i] = p[2]; if (r[i] > peak) peak = r[i] }
  from = 1; while (from < n && t[from] < t[n] - window) from++
  printf "# rss_mb at %ds: %d, at %ds: %d, at end (%ds): %d, peak: %d\n", t[int(n/3)], r[int(n/3)], t[from], r[from], t[n], r[n], peak
  printf "# growth over the last %ds: %+.1f%%\n", t[n] - t[from], 100 * (r[n] - r[from]) / r[from]
}'
grep -v '^$' "$work/studio.log" | tail -3 | sed 's/^/# studio: /' || true
