#!/usr/bin/env bash
# Summarise a JFR recording of the router: where threads are started, which methods are on CPU (inclusive and
# self), and per-thread-group CPU. Usage: bench/jfr-summary.sh bench/out/latest/router.jfr [TOP]
set -eu  # no pipefail: "| head" closes pipes early
JFR_FILE=${1:?usage: $0 recording.jfr [top]}
TOP=${2:-40}
command -v jfr >/dev/null 2>&1 || { echo "jfr (from the JDK) is not on PATH" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

jfr print --stack-depth 96 --events jdk.ExecutionSample "$JFR_FILE" >"$TMP/samples.txt"

echo "## Threads started (by name, digits folded)"
jfr print --events jdk.ThreadStart "$JFR_FILE" | grep -E '^  thread = ' | sed -E 's/[0-9]+/N/g; s/^ *thread = //' \
  | sort | uniq -c | sort -rn | head -10
echo
echo "## CPU by thread group (sum of jdk.ThreadCPULoad samples, % of one machine)"
jfr print --events jdk.ThreadCPULoad "$JFR_FILE" | awk '
  /eventThread/ { t = $0; sub(/.*eventThread = "/, "", t); sub(/".*/, "", t); gsub(/[0-9]+/, "N", t) }
  /user =/      { u = $3; sub("%", "", u) }
  /system =/    { s = $3; sub("%", "", s); U[t] += u; S[t] += s }
  END { for (k in U) printf "%8.1f user %8.1f sys  %s\n", U[k], S[k], k }' | sort -rn | head -15
echo
echo "## Top $TOP methods, inclusive (share of CPU samples whose stack contains the method)"
awk '/jdk.ExecutionSample/ { n++; delete seen }
     /line:/ { f = $0; sub(/^ */, "", f); sub(/ line:.*/, "", f); if (!(f in seen)) { seen[f] = 1; C[f]++ } }
     END { printf "%d samples\n", n; for (k in C) printf "%6d %5.1f%%  %s\n", C[k], 100 * C[k] / n, k }' \
  "$TMP/samples.txt" | sort -rn | head -$((TOP + 1))
echo
echo "## Top $TOP methods, self (leaf frame)"
awk '/stackTrace = \[/ { getline; f = $0; sub(/^ */, "", f); sub(/ line:.*/, "", f); C[f]++; n++ }
     END { for (k in C) printf "%6d %5.1f%%  %s\n", C[k], 100 * C[k] / n, k }' "$TMP/samples.txt" | sort -rn | head -"$TOP"
