# bench/run.sh streams: many long SSE streams held open at once, straight to the mock and then through the router.
# Sourced by run.sh after lib.sh. Knobs: BENCH_STREAMS, BENCH_STREAM_SECONDS, BENCH_RAMP_SECONDS, MOCK_EVENT_GAP_MS.
STREAMS=${BENCH_STREAMS:-1000}                 # streams open at once
STREAM_SECONDS=${BENCH_STREAM_SECONDS:-60}     # how long each stream lasts
RAMP=${BENCH_RAMP_SECONDS:-10}                 # the streams are opened evenly over this many seconds
EVENT_GAP=${MOCK_EVENT_GAP_MS:-100}            # the mock's gap between events
ROUTER_JAVA_OPTS=${ROUTER_JAVA_OPTS-$README_JAVA_OPTS}
DELTAS=$(( STREAM_SECONDS * 1000 / EVENT_GAP ))
TIMEOUT=$(( RAMP + STREAM_SECONDS + 60 ))       # a stream not ended by then counts as hung

# each stream through the router holds a client connection and a provider connection: raise the soft limit if needed
need=$(( 2 * STREAMS + 1000 ))
[ "$(ulimit -n)" -ge "$need" ] || ulimit -n "$need" 2>/dev/null || die "ulimit -n is $(ulimit -n), need $need"
write_env "streams=$STREAMS stream_s=$STREAM_SECONDS ramp_s=$RAMP event_gap_ms=$EVENT_GAP deltas=$DELTAS"
start_mock "$DELTAS"
start_router
sleep 2
IDLE=$(proc_usage "$ROUTER_PID")
log "router ready in $STARTUP_MS ms ($IDLE); $STREAMS streams of ${STREAM_SECONDS}s, one event per ${EVENT_GAP} ms"

# unmeasured warm-up of both sides (the router's JIT, the client's, the mock's). First short requests, half of them
# streamed (three deltas each), so that the request and relay paths are compiled as in a router that has served a few
# thousand (without it the JIT compiles them during the ramp of the measured phase, on one of the two cores); then a
# tenth of the streams. The cold side is measured by the latency scenario.
WARM_REQUESTS_PER_S=${BENCH_WARM_REQUESTS_PER_S:-200}
WARM_REQUEST_SECONDS=${BENCH_WARM_REQUEST_SECONDS:-20}
log "warm-up: $((WARM_REQUESTS_PER_S * WARM_REQUEST_SECONDS)) short requests to the mock and through the router (not measured)"
LOAD_MAX_TOKENS=3 load_client warmup-requests-direct mixed "$DIRECT" "$WARM_REQUESTS_PER_S" "$WARM_REQUEST_SECONDS" 50 "$TIMEOUT"
LOAD_MAX_TOKENS=3 load_client warmup-requests-router mixed "$ROUTER" "$WARM_REQUESTS_PER_S" "$WARM_REQUEST_SECONDS" 50 "$TIMEOUT"
# Then the measured phase's ramp once with short streams (20 deltas, 2 s): the code that accepts client connections
# and opens provider connections runs a thousand times, so the JIT compiles it here and not during the measured ramp
# (a profile showed C2 compiling connection setup there, a third of a core for its first 12 s). The provider
# connections it opens are idle for longer than the router's pool keeps them (timeouts.keep-alive, 50 s) by the measured phase, which
# therefore opens its own, as a burst of new sessions does.
log "warm-up: $STREAMS short streams (2 s) over ${RAMP}s to the mock and through the router (not measured)"
LOAD_MAX_TOKENS=20 load_client warmup-wave-direct streams "$DIRECT" "$STREAMS" "$RAMP" "$TIMEOUT"
LOAD_MAX_TOKENS=20 load_client warmup-wave-router streams "$ROUTER" "$STREAMS" "$RAMP" "$TIMEOUT"
WARM_STREAMS=$(( STREAMS / 10 > 10 ? STREAMS / 10 : 10 ))
log "warm-up: $WARM_STREAMS streams to the mock and through the router (not measured)"
load_client warmup-direct streams "$DIRECT" "$WARM_STREAMS" 1 "$TIMEOUT"
load_client warmup-router streams "$ROUTER" "$WARM_STREAMS" 1 "$TIMEOUT"
log "direct: $STREAMS streams to the mock"
MOCK0=$(cpu_ticks "$MOCK_PID")
load_client direct streams "$DIRECT" "$STREAMS" "$RAMP" "$TIMEOUT"
alive "direct streams"
MOCK1=$(cpu_ticks "$MOCK_PID")
CONTROL_EVERY=${BENCH_CONTROL_EVERY:-10}
log "router: $STREAMS streams through the router, and one control stream straight to the mock after every $CONTROL_EVERY"
sample_usage "$ROUTER_PID" "$OUT/usage-router.txt"
CPU0=$(cpu_ticks "$ROUTER_PID") MOCK2=$(cpu_ticks "$MOCK_PID")
# the control streams share the client, the mock and the machine with the router's streams at the same moments: what
# the router adds is judged against them, not against the direct phase, which ran a few minutes earlier on a machine
# whose other tenants come and go
LOAD_CONTROL_URL="$DIRECT" LOAD_CONTROL_EVERY="$CONTROL_EVERY" load_client router streams "$ROUTER" "$STREAMS" "$RAMP" "$TIMEOUT"
alive "router streams"
CPU1=$(cpu_ticks "$ROUTER_PID") MOCK3=$(cpu_ticks "$MOCK_PID")
AFTER=$(proc_usage "$ROUTER_PID")

d=$OUT/load-direct.txt r=$OUT/load-router.txt u=$OUT/usage-router.txt c=$OUT/load-control.txt
grep '^CONTROL' "$r" | sed 's/^CONTROL_\{0,1\}//' >"$c"   # the control streams' lines, without their prefix
row() { # label key
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$(ms "$(kv "$d" "$2")")" "$(ms "$(kv "$c" "$2")")" \
    "$(ms "$(kv "$r" "$2")")" "$(diff_ms "$(kv "$c" "$2")" "$(kv "$r" "$2")")"
}
ADDED_P99=$(diff_ms "$(kv "$c" event_p99_us)" "$(kv "$r" event_p99_us)")
RSS_PEAK=$(peak "$u" rss_mb)
ERRORS=$(( $(kv "$r" errors) + $(kv "$r" hung) ))
{
  echo "### $STREAMS concurrent streams (${STREAM_SECONDS} s each, an event every ${EVENT_GAP} ms)"
  echo
  machine_line
  echo "Event latency = client's nanoTime when the event's line arrives − the mock's nanoTime just before writing it (ms)."
  echo "Control = one stream in $CONTROL_EVERY opened straight to the mock during the router phase, at the same moments;"
  echo "\"router adds\" = via router − control."
  echo
  echo "| Metric | Direct (mock alone, before) | Control (direct, during) | Via router | Router adds |"
  echo "|---|---:|---:|---:|---:|"
  echo "| Streams ok / errors / hung | $(kv "$d" ok) / $(kv "$d" errors) / $(kv "$d" hung) | $(kv "$c" ok) / $(kv "$c" errors) / $(kv "$c" hung) | $(kv "$r" ok) / $(kv "$r" errors) / $(kv "$r" hung) | |"
  echo "| Streams open at once in the client (peak; via router: with the control streams) | $(kv "$d" peak_open) | | $(kv "$r" peak_open) | |"
  echo "| Events received | $(kv "$d" events) | $(kv "$c" events) | $(kv "$r" events) | |"
  row "Event latency p50" event_p50_us
  row "Event latency p90" event_p90_us
  row "Event latency p99" event_p99_us
  row "Event latency p99.9" event_p999_us
  row "Event latency max" event_max_us
  # how much of the 2 cores each side of the measurement itself used: client, mock and router share them
  cores() { awk -v t="$1" -v hz="$CLK_TCK" -v ms="$2" 'BEGIN{printf "%.2f", (ms > 0) ? t / hz / (ms / 1000) : 0}'; }
  echo "| CPU used during the phase, in cores: client / mock / router | $(cores "$(( $(kv "$d" client_cpu_ms) * CLK_TCK / 1000 ))" "$(kv "$d" duration_ms)") / $(cores $((MOCK1 - MOCK0)) "$(kv "$d" duration_ms)") / – | | $(cores "$(( $(kv "$r" client_cpu_ms) * CLK_TCK / 1000 ))" "$(kv "$r" duration_ms)") / $(cores $((MOCK3 - MOCK2)) "$(kv "$r" duration_ms)") / $(cores $((CPU1 - CPU0)) "$(kv "$r" duration_ms)") | |"
  # CPU per event does not depend on how busy the machine is: what the router would need on free cores
  echo "| Router CPU per 1000 events (ms; the whole router phase ÷ events) | | | $(awk -v t="$((CPU1 - CPU0))" -v hz="$CLK_TCK" -v n="$(kv "$r" events)" 'BEGIN{printf "%.1f", (n > 0) ? t / hz / n * 1e6 : 0}') | |"
  echo "| Router RSS MB: idle / peak / after | | | $(kv <(echo "$IDLE") rss_mb) / $RSS_PEAK / $(kv <(echo "$AFTER") rss_mb) | |"
  echo "| Router threads: idle / peak / after | | | $(kv <(echo "$IDLE") threads) / $(peak "$u" threads) / $(kv <(echo "$AFTER") threads) | |"
  echo "| Router open files: idle / peak / after | | | $(kv <(echo "$IDLE") fds) / $(peak "$u" fds) / $(kv <(echo "$AFTER") fds) | |"
  echo
  echo "| Target | | Measured | |"
  echo "|---|---:|---:|---|"
  echo "| Errors (failed or hung streams) through the router | 0 | $ERRORS | $(verdict "$ERRORS" 0 le) |"
  echo "| Router RSS (peak) | ≤ 512 MB | $RSS_PEAK MB | $(verdict "$RSS_PEAK" 512 le) |"
  echo "| Added event latency p99 (via router − control) | ≤ 5 ms | $ADDED_P99 ms | $(verdict "$ADDED_P99" 5 le) |"
  echo "| (for comparison with runs before 2026-11-30: via router − the direct phase before it) | | $(diff_ms "$(kv "$d" event_p99_us)" "$(kv "$r" event_p99_us)") ms | |"
  echo
  echo "Event latency p99 (ms) of each 5 s of the phase, by when the mock sent the event (t0 = the first stream opened):"
  echo
  echo "- direct: $(sed -n 's/^TIMELINE bucket_s=5 //p' "$d")"
  echo "- control: $(sed -n 's/^TIMELINE bucket_s=5 //p' "$c")"
  echo "- router: $(sed -n 's/^TIMELINE bucket_s=5 //p' "$r")"
} >"$OUT/results.md"
finish
