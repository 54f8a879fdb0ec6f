# Helpers shared by bench/window_share.sh and bench/window_ab.sh (sourced, not run).

# Prints "WALL CPU" seconds of one command, run with a fresh empty HOME (no settings file); exits
# the calling script if the command fails.
timed() {
  local home out
  home=$(mktemp -d)
  out=$(mktemp)
  if ! HOME="$home" /usr/bin/time -f '%e %U %S' -o "$out" "$@" >/dev/null 2>&1; then
    rm -rf "$home" "$out"
    echo "failed: $*" >&2
    exit 70
  fi
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$out"
  rm -rf "$home" "$out"
}

# The median of a list of numbers separated by spaces, printed with FORMAT (default %.3f).
median() {
  tr ' ' '\n' <<< "$1" | grep -v '^$' | sort -n \
    | awk -v f="${2:-%.3f}" '{ v[NR] = $1 } END { printf f, NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
