# bench/run.sh latency: the latency the router adds at one connection, cold (the first requests after start, as a
# single Claude Code user sees them) and warm (after a warm-up), straight to the mock and through the router.
# Sourced by run.sh after lib.sh. Knobs: BENCH_COLD_REQUESTS, BENCH_LATENCY_WARMUP, BENCH_LATENCY_SECONDS.
COLD=${BENCH_COLD_REQUESTS:-500}            # cold: the first this many streamed requests after start
WARMUP=${BENCH_LATENCY_WARMUP:-30}          # seconds of unmeasured sequential requests before the warm phases
SECONDS_PER_PHASE=${BENCH_LATENCY_SECONDS:-15}
EVENT_GAP=${MOCK_EVENT_GAP_MS:-0}
ROUTER_JAVA_OPTS=${ROUTER_JAVA_OPTS-$README_JAVA_OPTS}

probe() { # name port seconds warmup_requests mode [max_requests]: bench/Ttfb.java, one connection, sequential
  java -XX:+UseSerialGC "$HERE/Ttfb.java" 127.0.0.1 "$2" "$3" "$4" '' "$5" ${6:+"$6"} >"$OUT/ttfb-$1.txt" 2>&1 \
    || die "probe $1 failed, see $OUT/ttfb-$1.txt"
  log "$1: $(cat "$OUT/ttfb-$1.txt")"
}

write_env "cold_requests=$COLD warmup_s=$WARMUP seconds=$SECONDS_PER_PHASE event_gap_ms=$EVENT_GAP"
start_mock
start_router
log "router ready in $STARTUP_MS ms"
# cold: both processes have answered only their readiness checks; the probe's own JVM is cold on both sides alike
probe cold-direct "$MOCK_PORT" 600 0 stream "$COLD"
probe cold-router "$ROUTER_PORT" 600 0 stream "$COLD"
log "warm-up: ${WARMUP}s streamed + $(( WARMUP / 3 ))s non-streamed through the router (the mock gets a third)"
probe warmup-router-stream "$ROUTER_PORT" "$WARMUP" 0 stream
probe warmup-router-plain "$ROUTER_PORT" $(( WARMUP / 3 )) 0 plain
probe warmup-direct "$MOCK_PORT" $(( WARMUP / 3 )) 0 stream
for mode in plain stream; do
  for target in direct router; do
    port=$MOCK_PORT; [ "$target" = router ] && port=$ROUTER_PORT
    probe "warm-$target-$mode" "$port" "$SECONDS_PER_PHASE" 300 "$mode"   # 300 requests warm the probe's JVM
  done
done
alive "latency"

row() { # label phase key
  local d=$OUT/ttfb-$2-direct${3:+-$3}.txt r=$OUT/ttfb-$2-router${3:+-$3}.txt
  printf '| %s | %s | %s / %s | %s / %s | %s / %s |\n' "$1" "$(kv "$r" n)" \
    "$(ms "$(kv "$d" "$4_p50_us")")" "$(ms "$(kv "$d" "$4_p99_us")")" \
    "$(ms "$(kv "$r" "$4_p50_us")")" "$(ms "$(kv "$r" "$4_p99_us")")" \
    "$(diff_ms "$(kv "$d" "$4_p50_us")" "$(kv "$r" "$4_p50_us")")" \
    "$(diff_ms "$(kv "$d" "$4_p99_us")" "$(kv "$r" "$4_p99_us")")"
}
{
  echo "### Added latency at one connection, cold and warm"
  echo
  machine_line
  echo "One keep-alive connection, one request at a time (bench/Ttfb.java); ms, p50 / p99. Cold = the first $COLD streamed"
  echo "requests after start; warm = ${SECONDS_PER_PHASE} s after ${WARMUP} s of warm-up."
  echo
  echo "| Phase | Requests (router) | Direct (mock) | Via router | Router adds |"
  echo "|---|---:|---:|---:|---:|"
  row "Cold: streamed, first event" cold "" first_event
  row "Cold: streamed, whole stream" cold "" full
  row "Warm: non-streamed, whole answer" warm plain full
  row "Warm: streamed, first event" warm stream first_event
  row "Warm: streamed, whole stream" warm stream full
} >"$OUT/results.md"
finish
