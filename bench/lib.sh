# Shared by bench/run.sh and bench/scenarios/*.sh (sourced, not run): output folder, ports, the mock and router
# processes, /proc readings. Everything listens on and talks to 127.0.0.1 only.

JAR=target/camel-code-router.jar
# The JVM flags of the README's start command; the capacity scenarios use them unless ROUTER_JAVA_OPTS is set.
README_JAVA_OPTS="-XX:+UseSerialGC -Xms256m -Xmx512m"
OUT=${BENCH_OUT:-bench/out/$(date +%Y%m%d-%H%M%S)${SCENARIO:+-$SCENARIO}}
mkdir -p "$OUT"
ln -sfn "$(basename "$OUT")" bench/out/latest 2>/dev/null || true

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

command -v curl >/dev/null 2>&1 || die "curl is missing (apt-get install -y curl)"
command -v java >/dev/null 2>&1 || die "java (17+) is missing"
if [ ! -f "$JAR" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  log "building $JAR (mvn -q -o package -DskipTests)"
  mvn -q -o package -DskipTests >"$OUT/build.log" 2>&1 || die "build failed, see $OUT/build.log"
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if port_free "$p"; then echo "$p"; return; fi
  done
  die "no free port found"
}
MOCK_PORT=${MOCK_PORT:-$(pick_port)}
ROUTER_PORT=${ROUTER_PORT:-$(pick_port)}
[ "$MOCK_PORT" != "$ROUTER_PORT" ] || ROUTER_PORT=$(pick_port)
port_free "$MOCK_PORT" || die "port $MOCK_PORT (mock) is in use"
port_free "$ROUTER_PORT" || die "port $ROUTER_PORT (router) is in use"
DIRECT=http://127.0.0.1:$MOCK_PORT
ROUTER=http://127.0.0.1:$ROUTER_PORT

# ---------------------------------------------------------------------------------------------------- processes
MOCK_PID=""
ROUTER_PID=""
EXTRA_PIDS=""   # further processes a scenario started (e.g. the failover scenario's mock providers)
stop_pid() {
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  for pid in $ROUTER_PID $MOCK_PID $EXTRA_PIDS; do stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
http_code() { curl -s -o /dev/null --max-time 1 -w '%{http_code}' "$1" 2>/dev/null || true; }
wait_ready() { # url pid timeout_s -> prints ns timestamp of the first 200
  local url=$1 pid=$2 deadline=$(( $(date +%s) + $3 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    if [ "$(http_code "$url")" = 200 ]; then now_ns; return 0; fi
    sleep 0.02
  done
  return 1
}
alive() { # fail loudly if the mock or the router is gone (e.g. killed from outside by a broad pkill)
  kill -0 "$MOCK_PID" 2>/dev/null || die "the mock (pid $MOCK_PID) is gone during $1; see $OUT/mock.log"
  kill -0 "$ROUTER_PID" 2>/dev/null || die "the router (pid $ROUTER_PID) is gone during $1; see $OUT/router.log (SIGTERM from outside?)"
}
cpu_ticks() { # utime+stime of a pid, in clock ticks
  local stat; stat=$(cat "/proc/$1/stat"); stat=${stat##*) }
  awk '{print $12 + $13}' <<<"$stat"
}
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }
open_files() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
proc_usage() { # pid -> "rss_mb=… threads=… fds=…"
  echo "rss_mb=$(rss_mb "$1") threads=$(threads "$1") fds=$(open_files "$1")"
}
CLK_TCK=$(getconf CLK_TCK)
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

start_mock() { # [stream deltas]: the fast mock on MOCK_PORT with MOCK_EVENT_GAP_MS between events
  log "starting mock (java bench/MockAnthropic.java $MOCK_PORT ${EVENT_GAP:-0} ${1:-})"
  java -XX:+UseSerialGC -Xms64m -Xmx256m "$HERE/MockAnthropic.java" "$MOCK_PORT" "${EVENT_GAP:-0}" ${1:+"$1"} \
    >"$OUT/mock.log" 2>&1 &
  MOCK_PID=$!
  wait_ready "$DIRECT/health" "$MOCK_PID" 30 >/dev/null || die "mock did not become ready, see $OUT/mock.log"
}

start_router() { # [VAR=value ...]: the router as users start it (java -jar), forwarding to the mock unless told otherwise
  log "starting router (java ${ROUTER_JAVA_OPTS:+$ROUTER_JAVA_OPTS }-jar $JAR)"
  local t0 t1
  t0=$(now_ns)
  # shellcheck disable=SC2086
  env CCR_PORT="$ROUTER_PORT" ANTHROPIC_UPSTREAM_URL="$DIRECT" ANTHROPIC_API_KEY=dummy "$@" \
    java $ROUTER_JAVA_OPTS -jar "$JAR" >"$OUT/router.log" 2>&1 &
  ROUTER_PID=$!
  t1=$(wait_ready "$ROUTER/health" "$ROUTER_PID" 60) || die "router did not become ready, see $OUT/router.log"
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
}

write_env() { # the machine, the JDK and the knobs of this run, into $OUT/env.txt
  {
    echo "date=$(date -Iseconds)"
    echo "scenario=${SCENARIO:-compare}"
    echo "host_cpus=$(nproc)"
    echo "java=$(java -version 2>&1 | head -1)"
    echo "ulimit_n=$(ulimit -n)"
    echo "uptime_start=$(uptime)"
    echo "loadavg_start=$(loadavg)"
    echo "router_java_opts=${ROUTER_JAVA_OPTS:-none}"
    echo "$*"
  } >"$OUT/env.txt"
}

kv() { # file key -> the value of the first key=value in the file's machine-readable lines
  grep -o "\b$2=[^ ;]*" "$1" | head -1 | cut -d= -f2
}
sample_usage() { # pid file: /proc readings every second while the pid lives (background; stopped by cleanup)
  ( while kill -0 "$1" 2>/dev/null; do echo "t=$(date +%s) $(proc_usage "$1")"; sleep 1; done ) >"$2" 2>/dev/null &
  EXTRA_PIDS="$EXTRA_PIDS $!"
}
peak() { # usage file key -> the largest value sampled
  grep -o "\b$2=[0-9]*" "$1" | cut -d= -f2 | sort -n | tail -1
}
load_client() { # name args...: bench/Load.java, output to $OUT/load-<name>.txt
  local name=$1; shift
  java -XX:+UseSerialGC -Xmx512m "$HERE/Load.java" "$@" >"$OUT/load-$name.txt" 2>"$OUT/load-$name.err" \
    || die "load client failed, see $OUT/load-$name.err"
  cat "$OUT/load-$name.txt" >&2
}
ms() { awk -v u="$1" 'BEGIN{printf "%.2f", u / 1000}'; }          # µs -> ms
diff_ms() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%+.2f", (b - a) / 1000}'; }   # µs, µs -> signed ms
verdict() { # value limit le|ge
  awk -v v="$1" -v lim="$2" -v dir="$3" 'BEGIN{ ok = (dir == "le") ? (v <= lim) : (v >= lim); print ok ? "met" : "**missed**"}'
}
machine_line() { # the line under a scenario's heading: machine, flags, load before and after
  echo "$(nproc) CPUs shared with other developers' builds, router flags \`${ROUTER_JAVA_OPTS:-none}\`;" \
    "$(sed -n 's/^uptime_start=.*load average/load average/p' "$OUT/env.txt") at start," \
    "$(uptime | sed 's/.*load average/load average/') at end."
}
finish() { # results.md already written: add the load after the run, print it
  echo "uptime_end=$(uptime)" >>"$OUT/env.txt"
  log "raw outputs in $OUT"
  cat "$OUT/results.md"
}
