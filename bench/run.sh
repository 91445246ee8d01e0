#!/usr/bin/env bash
# Camel Code Router benchmark: direct-to-mock vs through-the-router, side by side, in one run.
# Usage: bench/run.sh [compare]   (from anywhere; see bench/README.md for the knobs)
#        bench/run.sh streams|soak|failover|latency   the capacity scenarios, one at a time (bench/scenarios/)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
cd "$ROOT"

SCENARIO=${1:-compare}
case "$SCENARIO" in
  compare) ;;
  streams|soak|failover|latency)
    # shellcheck source=bench/lib.sh
    . "$HERE/lib.sh"
    # shellcheck source=/dev/null
    . "$HERE/scenarios/$SCENARIO.sh"
    exit 0 ;;
  *) echo "usage: bench/run.sh [compare|streams|soak|failover|latency]" >&2; exit 2 ;;
esac

DURATION=${BENCH_DURATION:-10}          # seconds per wrk phase
WARMUP=${BENCH_WARMUP:-10}              # seconds of unmeasured load on the router per mode before measuring
WARMUP_DIRECT=$(( (WARMUP + 2) / 3 ))   # the mock warms up much faster
CONNS=${BENCH_CONNECTIONS:-20}          # the "loaded" connection count
TTFB_SECONDS=${BENCH_TTFB_SECONDS:-5}   # seconds of sequential streaming requests for the TTFB probe
EVENT_GAP=${MOCK_EVENT_GAP_MS:-0}       # mock's gap between SSE events (ms)
BODY_FILE=${BENCH_BODY_FILE:-}          # optional request body (JSON file); default is a tiny "hi"
ROUTER_JAVA_OPTS=${ROUTER_JAVA_OPTS:-}  # extra JVM options for the router (default: plain java -jar)
JFR=${BENCH_JFR:-0}                     # 1: record the router with JFR (profile settings) into $OUT/router.jfr
SCENARIO=""                             # compare: output folder without a suffix, as before
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"

# ---------------------------------------------------------------------------------------------------- prerequisites
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "wrk missing: installing it (apt-get install -y wrk)"
    apt-get update -qq >"$OUT/apt.log" 2>&1 && apt-get install -y -qq wrk >>"$OUT/apt.log" 2>&1 \
      || die "could not install wrk, see $OUT/apt.log"
  else
    die "wrk is missing: run 'sudo apt-get update && sudo apt-get install -y wrk' (Debian/Ubuntu) and retry"
  fi
fi
[ -z "$BODY_FILE" ] || [ -f "$BODY_FILE" ] || die "BENCH_BODY_FILE=$BODY_FILE does not exist"
if [ -n "$BODY_FILE" ]; then BODY_FILE=$(cd "$(dirname "$BODY_FILE")" && pwd)/$(basename "$BODY_FILE"); fi

if [ "$JFR" = 1 ]; then
  ROUTER_JAVA_OPTS="$ROUTER_JAVA_OPTS -XX:StartFlightRecording=name=bench,settings=profile"
fi
log "output: $OUT   mock: $DIRECT   router: $ROUTER   phases: ${DURATION}s, warmup ${WARMUP}s, ${CONNS} connections"
{
  echo "date=$(date -Iseconds)"
  echo "host_cpus=$(nproc)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "wrk=$(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
  echo "loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "duration_s=$DURATION warmup_s=$WARMUP conns=$CONNS ttfb_s=$TTFB_SECONDS event_gap_ms=$EVENT_GAP"
  echo "body_file=${BODY_FILE:-default} router_java_opts=${ROUTER_JAVA_OPTS:-none}"
} >"$OUT/env.txt"

start_mock
start_router
STARTUP_CPU=$(awk -v t="$(cpu_ticks "$ROUTER_PID")" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", t / hz}')
CAMEL_START=$(grep -o 'started in [^)]*)' "$OUT/router.log" | tail -1 || true)
log "router ready in ${STARTUP_MS} ms, ${STARTUP_CPU} CPU s (pid $ROUTER_PID; Camel: $CAMEL_START)"
sleep 2
RSS_IDLE_ROUTER=$(rss_mb "$ROUTER_PID")
RSS_IDLE_MOCK=$(rss_mb "$MOCK_PID")

# sanity: both answer both kinds of request with 200 and the router relays the stream to the end
small='{"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}'
for base in "$DIRECT" "$ROUTER"; do
  for body in "$small" "${small%\}},\"stream\":true}"; do
    resp=$(curl -s --max-time 10 -w '\n%{http_code}' -H 'content-type: application/json' -H 'x-api-key: dummy' \
      -H 'anthropic-version: 2023-06-01' -d "$body" "$base/v1/messages") || die "request to $base failed"
    [ "${resp##*$'\n'}" = 200 ] || die "$base/v1/messages answered ${resp##*$'\n'}: ${resp%$'\n'*}"
    case "$body" in *stream*) grep -q message_stop <<<"$resp" || die "$base: stream without message_stop";; esac
  done
done

# ---------------------------------------------------------------------------------------------------- load phases
declare -A M   # metrics
run_wrk() { # name url conns seconds stream -> fills M[name.*]
  local name=$1 url=$2 conns=$3 secs=$4 stream=$5 line
  local r0 m0 r1 m1
  alive "$name"
  r0=$(cpu_ticks "$ROUTER_PID"); m0=$(cpu_ticks "$MOCK_PID")
  BENCH_STREAM=$stream BENCH_BODY_FILE=$BODY_FILE \
    wrk -t1 -c"$conns" -d"${secs}s" --timeout 10s -s "$HERE/post.lua" "$url" >"$OUT/wrk-$name.txt" 2>&1 \
    || die "wrk failed, see $OUT/wrk-$name.txt"
  alive "$name"
  r1=$(cpu_ticks "$ROUTER_PID"); m1=$(cpu_ticks "$MOCK_PID")
  line=$(grep '^BENCH ' "$OUT/wrk-$name.txt") || die "no BENCH line in $OUT/wrk-$name.txt"
  local kv
  for kv in ${line#BENCH }; do M[$name.${kv%%=*}]=${kv#*=}; done
  M[$name.rps]=$(awk -v n="${M[$name.requests]}" -v d="${M[$name.duration_us]}" 'BEGIN{printf "%.0f", n / (d / 1e6)}')
  M[$name.router_cpu_ticks]=$((r1 - r0))
  M[$name.mock_cpu_ticks]=$((m1 - m0))
  M[$name.errors]=$(( M[$name.err_connect] + M[$name.err_read] + M[$name.err_write] + M[$name.err_status] + M[$name.err_timeout] ))
  log "$(printf '%-16s %7s req/s  p50 %7s us  p99 %8s us  errors %s' "$name" "${M[$name.rps]}" \
    "${M[$name.p50_us]}" "${M[$name.p99_us]}" "${M[$name.errors]}")"
}

log "warm-up per mode at $CONNS connections (not measured): router ${WARMUP}s, mock ${WARMUP_DIRECT}s"
for stream in 0 1; do
  run_wrk "warmup-direct-s$stream" "$DIRECT" "$CONNS" "$WARMUP_DIRECT" "$stream"
  run_wrk "warmup-router-s$stream" "$ROUTER" "$CONNS" "$WARMUP" "$stream"
done

# measured phases, direct and router alternating so background noise hits both alike
for stream in 0 1; do
  for conns in 1 "$CONNS"; do
    for target in direct router; do
      url=$DIRECT; [ "$target" = router ] && url=$ROUTER
      mode=ns; [ "$stream" = 1 ] && mode=st
      run_wrk "$target-$mode-c$conns" "$url" "$conns" "$DURATION" "$stream"
    done
  done
done

log "streaming first-byte probe: ${TTFB_SECONDS}s sequential per target"
for target in direct router; do
  port=$MOCK_PORT; [ "$target" = router ] && port=$ROUTER_PORT
  java -XX:+UseSerialGC "$HERE/Ttfb.java" 127.0.0.1 "$port" "$TTFB_SECONDS" 300 "$BODY_FILE" \
    >"$OUT/ttfb-$target.txt" 2>&1 || { alive "ttfb-$target"; die "TTFB probe failed, see $OUT/ttfb-$target.txt"; }
  alive "ttfb-$target"
  line=$(grep '^TTFB ' "$OUT/ttfb-$target.txt")
  for kv in ${line#TTFB }; do M[ttfb-$target.${kv%%=*}]=${kv#*=}; done
  log "ttfb-$target: $line"
done

RSS_LOAD_ROUTER=$(rss_mb "$ROUTER_PID")
if [ "$JFR" = 1 ]; then
  jcmd "$ROUTER_PID" JFR.dump name=bench filename="$PWD/$OUT/router.jfr" >"$OUT/jfr-dump.txt" 2>&1 \
    && "$HERE/jfr-summary.sh" "$OUT/router.jfr" >"$OUT/jfr-summary.txt" 2>&1 \
    && log "JFR recording: $OUT/router.jfr, summary: $OUT/jfr-summary.txt" || log "JFR dump failed, see $OUT/jfr-dump.txt"
fi
RSS_LOAD_MOCK=$(rss_mb "$MOCK_PID")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
echo "loadavg_end=$LOAD_END" >>"$OUT/env.txt"
for k in "${!M[@]}"; do echo "$k=${M[$k]}"; done | sort >"$OUT/metrics.txt"
{
  echo "startup_ms=$STARTUP_MS startup_cpu_s=$STARTUP_CPU"
  echo "camel_start=\"$CAMEL_START\""
  echo "rss_idle_router_mb=$RSS_IDLE_ROUTER rss_load_router_mb=$RSS_LOAD_ROUTER"
  echo "rss_idle_mock_mb=$RSS_IDLE_MOCK rss_load_mock_mb=$RSS_LOAD_MOCK"
} >>"$OUT/metrics.txt"

# ---------------------------------------------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a > 0) printf "%.1f %%", 100 * b / a; else print "n/a"}'; }
cpu_per_k() { # ticks requests
  awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN{ if (n > 0) printf "%.3f", (t / hz) / n * 1000; else print "n/a"}'; }
lat_row() { # label phase
  local d=direct-$2 r=router-$2
  printf '| %s | %s / %s | %s / %s | %s / %s |\n' "$1" \
    "$(ms "${M[$d.p50_us]}")" "$(ms "${M[$d.p99_us]}")" "$(ms "${M[$r.p50_us]}")" "$(ms "${M[$r.p99_us]}")" \
    "$(diff_ms "${M[$d.p50_us]}" "${M[$r.p50_us]}")" "$(diff_ms "${M[$d.p99_us]}" "${M[$r.p99_us]}")"
}
rps_row() { # label phase
  printf '| %s | %s | %s | %s of direct |\n' "$1" "${M[direct-$2.rps]}" "${M[router-$2.rps]}" \
    "$(ratio "${M[direct-$2.rps]}" "${M[router-$2.rps]}")"
}
cpu_row() { # label phase
  local d=direct-$1 r=router-$1
  printf '| CPU s / 1000 req, %s (mock / router process) | %s | %s | mock under router: %s |\n' "$2" \
    "$(cpu_per_k "${M[$d.mock_cpu_ticks]}" "${M[$d.requests]}")" \
    "$(cpu_per_k "${M[$r.router_cpu_ticks]}" "${M[$r.requests]}")" \
    "$(cpu_per_k "${M[$r.mock_cpu_ticks]}" "${M[$r.requests]}")"
}

ADD_P50=$(awk -v a="${M[direct-ns-c1.p50_us]}" -v b="${M[router-ns-c1.p50_us]}" 'BEGIN{printf "%.2f", (b - a) / 1000}')
ADD_FIRST=$(awk -v a="${M[ttfb-direct.first_event_p50_us]}" -v b="${M[ttfb-router.first_event_p50_us]}" 'BEGIN{printf "%.2f", (b - a) / 1000}')
TPUT=$(awk -v a="${M[direct-ns-c$CONNS.rps]}" -v b="${M[router-ns-c$CONNS.rps]}" 'BEGIN{printf "%.1f", (a > 0) ? (100 * b / a) : 0}')
TOTAL_ERRORS=0
for k in "${!M[@]}"; do case "$k" in *.errors) TOTAL_ERRORS=$((TOTAL_ERRORS + M[$k]));; esac; done

{
  echo "### Direct to mock vs through the router"
  echo
  echo "$(nproc) CPUs, $(java -version 2>&1 | head -1), ${DURATION}s per phase, load average $(sed -n 's/^loadavg_start=//p' "$OUT/env.txt") at start, $LOAD_END at end."
  echo "Latencies in ms (p50 / p99, wrk, whole response); streaming = until the last SSE event."
  echo
  echo "| Metric | Direct (mock) | Via router | Router adds |"
  echo "|---|---:|---:|---:|"
  echo "| Startup: JVM launch → first 200 on /health (ms) | — | $STARTUP_MS | |"
  echo "| Startup: router CPU time until ready (s) | — | $STARTUP_CPU | Camel: ${CAMEL_START:-?} |"
  lat_row "Non-streaming latency, 1 conn" ns-c1
  lat_row "Non-streaming latency, $CONNS conns" "ns-c$CONNS"
  lat_row "Streaming latency, 1 conn" st-c1
  lat_row "Streaming latency, $CONNS conns" "st-c$CONNS"
  printf '| Stream time to first byte, 1 conn (headers) | %s / %s | %s / %s | %s / %s |\n' \
    "$(ms "${M[ttfb-direct.ttfb_p50_us]}")" "$(ms "${M[ttfb-direct.ttfb_p99_us]}")" \
    "$(ms "${M[ttfb-router.ttfb_p50_us]}")" "$(ms "${M[ttfb-router.ttfb_p99_us]}")" \
    "$(diff_ms "${M[ttfb-direct.ttfb_p50_us]}" "${M[ttfb-router.ttfb_p50_us]}")" \
    "$(diff_ms "${M[ttfb-direct.ttfb_p99_us]}" "${M[ttfb-router.ttfb_p99_us]}")"
  printf '| Stream time to first event (message_start), 1 conn | %s / %s | %s / %s | %s / %s |\n' \
    "$(ms "${M[ttfb-direct.first_event_p50_us]}")" "$(ms "${M[ttfb-direct.first_event_p99_us]}")" \
    "$(ms "${M[ttfb-router.first_event_p50_us]}")" "$(ms "${M[ttfb-router.first_event_p99_us]}")" \
    "$(diff_ms "${M[ttfb-direct.first_event_p50_us]}" "${M[ttfb-router.first_event_p50_us]}")" \
    "$(diff_ms "${M[ttfb-direct.first_event_p99_us]}" "${M[ttfb-router.first_event_p99_us]}")"
  rps_row "Non-streaming requests/s, 1 conn" ns-c1
  rps_row "Non-streaming requests/s, $CONNS conns" "ns-c$CONNS"
  rps_row "Streaming requests/s, 1 conn" st-c1
  rps_row "Streaming requests/s, $CONNS conns" "st-c$CONNS"
  cpu_row "ns-c$CONNS" "non-streaming @$CONNS"
  cpu_row "st-c$CONNS" "streaming @$CONNS"
  echo "| RSS idle (MB; router: 2 s after ready, before traffic) | $RSS_IDLE_MOCK | $RSS_IDLE_ROUTER | |"
  echo "| RSS after load (MB) | $RSS_LOAD_MOCK | $RSS_LOAD_ROUTER | |"
  echo
  echo "| Budget (2 cores) | Target | Measured | |"
  echo "|---|---:|---:|---|"
  echo "| Added p50 latency, unloaded (non-streaming, 1 conn) | ≤ 0.5 ms | $ADD_P50 ms | $(verdict "$ADD_P50" 0.5 le) |"
  echo "| Added time to first streamed event (p50) | ≤ 1 ms | $ADD_FIRST ms | $(verdict "$ADD_FIRST" 1 le) |"
  echo "| Throughput at $CONNS conns vs direct (non-streaming) | ≥ 50 % | $TPUT % | $(verdict "$TPUT" 50 ge) |"
  echo "| Idle RSS | ≤ 200 MB | $RSS_IDLE_ROUTER MB | $(verdict "$RSS_IDLE_ROUTER" 200 le) |"
  echo "| Startup | ≤ 3 s | $STARTUP_MS ms | $(verdict "$STARTUP_MS" 3000 le) |"
  if [ "$TOTAL_ERRORS" -gt 0 ]; then
    echo
    echo "**Warning:** wrk counted $TOTAL_ERRORS errors (socket errors or non-2xx answers); see $OUT/wrk-*.txt."
  fi
} | tee "$OUT/results.md"
log "raw outputs in $OUT (wrk-*.txt, ttfb-*.txt, metrics.txt, router.log, mock.log)"
