# bench/run.sh failover: the seeds' scenario (two CodeWhisperer accounts, default route weighted 70/30), each account
# on its own mock server in its own JVM (src/test/.../MockCodeWhispererProcess); the primary's is SIGKILLed when half
# of the non-streamed requests are answered, just after a few streams have started on both accounts.
# Sourced by run.sh after lib.sh. Knobs: BENCH_FAILOVER_* below.
REQUESTS=${BENCH_FAILOVER_REQUESTS:-2000}       # non-streamed requests
CONNS=${BENCH_FAILOVER_CONNECTIONS:-20}         # ... over this many connections
STREAMS=${BENCH_FAILOVER_STREAMS:-20}           # streams opened (on extra connections) just before the kill
PAUSE=${BENCH_FAILOVER_PAUSE_MS:-300}           # the mocks' pause between their 3 text frames: an answer takes ~3x this
LIMIT=${BENCH_FAILOVER_LIMIT:-64}               # each account's max-concurrent-requests (the seeds ship 8)
IDLE_TIMEOUT=${BENCH_FAILOVER_IDLE_TIMEOUT:-30s} # each account's idle timeout (longest gap between stream events)
TIMEOUT=${BENCH_FAILOVER_CLIENT_TIMEOUT:-90}    # a client that waited this many seconds counts its request as hung
ROUTER_JAVA_OPTS=${ROUTER_JAVA_OPTS-$README_JAVA_OPTS}
CP=target/test-classes:$JAR
[ -f target/test-classes/dev/ccr/testing/MockCodeWhispererProcess.class ] \
  || die "the mock CodeWhisperer server is a test class: run 'mvn -q -o test-compile' first"

start_account() { # account -> pid and port in ACCOUNT_PID / ACCOUNT_PORT
  java -Xmx64m -XX:+UseSerialGC -cp "$CP" dev.ccr.testing.MockCodeWhispererProcess "$1" "$PAUSE" \
    >"$OUT/mock-$1.out" 2>"$OUT/mock-$1.log" &
  ACCOUNT_PID=$!
  EXTRA_PIDS="$EXTRA_PIDS $ACCOUNT_PID"
  for _ in $(seq 1 300); do
    ACCOUNT_PORT=$(sed -n 's/^port //p' "$OUT/mock-$1.out")
    [ -z "$ACCOUNT_PORT" ] || return 0
    kill -0 "$ACCOUNT_PID" 2>/dev/null || break
    sleep 0.1
  done
  die "mock account $1 did not start, see $OUT/mock-$1.log"
}

write_env "requests=$REQUESTS conns=$CONNS streams=$STREAMS pause_ms=$PAUSE limit=$LIMIT idle_timeout=$IDLE_TIMEOUT"
mkdir -p "$OUT/tokens"
: >"$OUT/failover.properties"
for account in primary secondary; do
  start_account "$account"
  [ "$account" = primary ] && PRIMARY_PID=$ACCOUNT_PID
  token=$PWD/$OUT/tokens/kiro-auth-token-$account.json
  cat >"$token" <<JSON
{"accessToken":"access-$account-0123456789","refreshToken":"refresh-$account","expiresAt":"$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)","profileArn":"arn:aws:codewhisperer:us-east-1:111:profile/$account","region":"us-east-1","authMethod":"social"}
JSON
  p=ccr.providers.codewhisperer-$account
  # the scenario file replaces the account's whole block: the shipped one, with the bench's endpoints and limits
  grep "^$p\\." config/application.properties \
    | grep -v -e '\.base-url=' -e '\.token-path=' -e '\.refresh-url=' -e '\.max-concurrent-requests=' -e '\.timeouts\.idle=' \
    >>"$OUT/failover.properties"
  cat >>"$OUT/failover.properties" <<PROPS
$p.base-url=http://127.0.0.1:$ACCOUNT_PORT
$p.option.token-path=$token
$p.option.refresh-url=http://127.0.0.1:$ACCOUNT_PORT/refreshToken
$p.limits.max-concurrent-requests=$LIMIT
$p.timeouts.idle=$IDLE_TIMEOUT
PROPS
  log "mock account $account: pid $ACCOUNT_PID, http://127.0.0.1:$ACCOUNT_PORT, ${PAUSE} ms between frames"
done
start_router CCR_SCENARIO=kiro-seeds CCR_SCENARIO_PROPERTIES="$PWD/$OUT/failover.properties"
log "router ready in $STARTUP_MS ms; $REQUESTS requests at $CONNS connections, SIGKILL to the primary at half"

load_client failover failover "$ROUTER" "$REQUESTS" "$CONNS" "$STREAMS" "$PRIMARY_PID" "$TIMEOUT"
kill -0 "$ROUTER_PID" 2>/dev/null || die "the router is gone, see $OUT/router.log"
curl -s --max-time 5 "$ROUTER/stats" >"$OUT/stats.json" || true
STATS_TOTAL=$(grep -o '"total":{"sinceStart":{[^}]*' "$OUT/stats.json" | head -1)
STATS_REQUESTS=$(grep -o '"requests":[0-9]*' <<<"$STATS_TOTAL" | head -1 | cut -d: -f2)
STATS_ERRORS=$(grep -o '"errors":[0-9]*' <<<"$STATS_TOTAL" | head -1 | cut -d: -f2)
# stop the router as an operator would (SIGTERM) and see whether exchanges were still in flight
t0=$(date +%s%N); stop_pid "$ROUTER_PID"; STOP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
FORCED=$(grep -c 'Forcing shutdown' "$OUT/router.log" || true)
NO_ROUTE=$(grep -c 'Cannot determine current route' "$OUT/router.log" || true)

f=$OUT/load-failover.txt
FAILED=$(kv "$f" failed)
{
  echo "### Failover under load: the primary account's server SIGKILLed after $(( REQUESTS / 2 )) of $REQUESTS requests"
  echo
  machine_line
  echo "Seeds' scenario (kiro-seeds, default route 70/30), each account's mock in its own JVM answering in 3 frames ${PAUSE} ms apart;"
  echo "each account's \`limits.max-concurrent-requests\` raised from the seeds' 8 to $LIMIT so the survivor can take all $CONNS connections, \`timeouts.idle\` $IDLE_TIMEOUT."
  echo
  echo "| Metric | Value |"
  echo "|---|---|"
  echo "| Non-streamed requests: answered / 200 / failed | $(kv "$f" answered) / $(kv "$f" ok) / $FAILED |"
  echo "| Answers by status and provider | $(sed -n 's/^OUTCOMES //p' "$f") |"
  echo "| Streams opened just before the kill, by provider and end | $(sed -n 's/^STREAM_OUTCOMES //p' "$f") |"
  echo "| Slowest stream end after the kill | $(kv "$f" stream_end_after_kill_max_ms) ms (idle timeout $IDLE_TIMEOUT) |"
  echo "| /stats total requests / errors | ${STATS_REQUESTS:-?} / ${STATS_ERRORS:-?} |"
  echo "| Router stop (SIGTERM) after the run; 'Forcing shutdown' / 'Cannot determine current route' log lines | $STOP_MS ms; $FORCED / $NO_ROUTE |"
  echo
  echo "| Target | | Measured | |"
  echo "|---|---:|---:|---|"
  echo "| Failed requests | 0 | $FAILED | $([ "$FAILED" = 0 ] && echo met || echo '**missed**') |"
  hung=$(sed -n 's/^STREAM_OUTCOMES //p' "$f" | { grep -o 'hung=[0-9]*' || true; } | awk -F= '{n += $2} END {print n + 0}')
  echo "| Streams hung | 0 | ${hung:-0} | $([ "${hung:-0}" = 0 ] && echo met || echo '**missed**') |"
} >"$OUT/results.md"
finish
