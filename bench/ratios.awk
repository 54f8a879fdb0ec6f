# Studio/reference ratios of training speed from lines tagged "round=R SIDE batch=B ...
# samples_per_s=X samples_per_cpu_s=Y", SIDE being the reference's name or "train" (the studio's
# `bench` command). One row per round and batch size, then the median over the rounds.
#
#   awk -v ref=numpy -v batches="2 100" -f bench/ratios.awk LOG
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
  printf "%-6s %-7s %10s %10s %7s   %10s %10s %7s\n", "batch", "round", ref "/s", "studio/s", "ratio",
    ref "/cpu", "studio/cpu", "ratio"
  nb = split(batches, bs, " ")
  for (k = 1; k <= nb; k++) {
    b = bs[k]; n = 0
    for (r = 1; (r in rounds); r++) {
      rw = wall["train", b, r] / wall[ref, b, r]
      rc = cpu["train", b, r] / cpu[ref, b, r]
      printf "%-6d %-7s %10d %10d %6.2fx   %10d %10d %6.2fx\n", b, r, wall[ref, b, r], wall["train", b, r], rw,
        cpu[ref, b, r], cpu["train", b, r], rc
      n++; ws[n] = rw; cs[n] = rc
    }
    printf "%-6d %-7s %10s %10s %6.2fx   %10s %10s %6.2fx\n", b, "median", "", "", median(ws, n), "", "", median(cs, n)
  }
  print "(samples/s of wall time, and per second of CPU time: the second is the steadier on a busy machine)"
}
