# bench/run.sh soak: a steady rate of streamed and non-streamed requests through the router for a long time; the
# router's RSS, threads and open files before and after, to show nothing grows.
# Sourced by run.sh after lib.sh. Knobs: BENCH_SOAK_SECONDS, BENCH_SOAK_RATE, BENCH_SOAK_STREAM_PERCENT,
# BENCH_SOAK_STREAM_EVENTS, BENCH_SOAK_SETTLE, MOCK_EVENT_GAP_MS.
SOAK_SECONDS=${BENCH_SOAK_SECONDS:-600}
RATE=${BENCH_SOAK_RATE:-20}                       # requests per second, open loop
STREAM_PERCENT=${BENCH_SOAK_STREAM_PERCENT:-25}   # of them streamed
STREAM_EVENTS=${BENCH_SOAK_STREAM_EVENTS:-50}     # text events per stream (x the gap: 5 s streams by default)
EVENT_GAP=${MOCK_EVENT_GAP_MS:-100}
WARM=${BENCH_SOAK_WARM:-60}                       # the "before" reading is taken this many seconds into the load
SETTLE=${BENCH_SOAK_SETTLE:-70}                   # the "after" reading: this long after the load (threads above
                                                  # core end after 60 s idle)
ROUTER_JAVA_OPTS=${ROUTER_JAVA_OPTS-$README_JAVA_OPTS}

heap_after_gc_mb() { # a full GC, then the Java heap in use: what is left is what the router keeps
  jcmd "$1" GC.run >/dev/null 2>&1 || { echo "?"; return; }
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/generation|heap/ && /used/ {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/[K,]+$/, "", v); kb += v } }
    END { if (kb) printf "%.0f", kb / 1024; else print "?" }'
}
reading() { # label -> one line in $OUT/readings.txt
  echo "$1 t=$(date +%s) $(proc_usage "$ROUTER_PID") heap_after_gc_mb=$(heap_after_gc_mb "$ROUTER_PID")" >>"$OUT/readings.txt"
  log "$(tail -1 "$OUT/readings.txt")"
}

write_env "soak_s=$SOAK_SECONDS rate=$RATE stream_percent=$STREAM_PERCENT stream_events=$STREAM_EVENTS event_gap_ms=$EVENT_GAP"
start_mock "$STREAM_EVENTS"
start_router
sleep 2
: >"$OUT/readings.txt"
reading idle
sample_usage "$ROUTER_PID" "$OUT/usage-router.txt"
log "soak: ${SOAK_SECONDS}s at $RATE requests/s, $STREAM_PERCENT % streamed ($STREAM_EVENTS events, ${EVENT_GAP} ms apart)"
java -XX:+UseSerialGC -Xmx512m "$HERE/Load.java" mixed "$ROUTER" "$RATE" "$SOAK_SECONDS" "$STREAM_PERCENT" 60 \
  >"$OUT/load-soak.txt" 2>"$OUT/load-soak.err" &
LOAD_PID=$!
EXTRA_PIDS="$EXTRA_PIDS $LOAD_PID"
sleep "$WARM"
reading before
wait "$LOAD_PID" || die "load client failed, see $OUT/load-soak.err"
cat "$OUT/load-soak.txt" >&2
alive "soak"
reading end-of-load
log "settling ${SETTLE}s without traffic"
sleep "$SETTLE"
reading after

grep '^MIXED ' "$OUT/load-soak.txt" >"$OUT/mixed.txt" || die "no MIXED line in $OUT/load-soak.txt"
s=$OUT/mixed.txt   # the summary line alone: the progress lines have keys of the same names
col() { kv <(grep "^$1 " "$OUT/readings.txt") "$2"; }
line() { # label key unit
  printf '| %s | %s | %s | %s | %s | %+d |\n' "$1" "$(col idle "$2")" "$(col before "$2")" "$(col end-of-load "$2")" \
    "$(col after "$2")" "$(( $(col after "$2") - $(col before "$2") ))"
}
FAILED=$(( $(kv "$s" errors) + $(kv "$s" hung) ))
{
  echo "### Soak: ${SOAK_SECONDS} s at $RATE requests/s, $STREAM_PERCENT % streamed"
  echo
  machine_line
  echo "Streams: $STREAM_EVENTS text events ${EVENT_GAP} ms apart; non-streamed: the mock's small message."
  echo "Readings: idle (2 s after start), before (${WARM} s into the load), end of load, after (${SETTLE} s later)."
  echo
  echo "| Requests | sent | ok | errors | hung | non-streamed p50 / p99 ms | event latency p50 / p99 ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '| %s streams + %s non-streamed | %s | %s | %s | %s | %s / %s | %s / %s |\n' "$(kv "$s" streams)" "$(kv "$s" plain)" \
    "$(kv "$s" sent)" "$(kv "$s" ok)" "$(kv "$s" errors)" "$(kv "$s" hung)" \
    "$(ms "$(kv "$s" plain_p50_us)")" \
    "$(ms "$(kv "$s" plain_p99_us)")" \
    "$(ms "$(kv "$s" event_p50_us)")" \
    "$(ms "$(kv "$s" event_p99_us)")"
  echo
  echo "| Router | idle | before | end of load | after | after − before |"
  echo "|---|---:|---:|---:|---:|---:|"
  line "RSS (MB)" rss_mb
  line "Threads" threads
  line "Open files" fds
  line "Java heap in use after a full GC (MB)" heap_after_gc_mb
  echo
  echo "Peaks during the soak: RSS $(peak "$OUT/usage-router.txt" rss_mb) MB, $(peak "$OUT/usage-router.txt" threads) threads, $(peak "$OUT/usage-router.txt" fds) open files; failed or hung requests: $FAILED."
} >"$OUT/results.md"
finish
