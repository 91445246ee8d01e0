#!/usr/bin/env bash
# The project's one test command on a fresh machine: installs what the tests need when it is missing, then runs
# every test with Maven. Installing needs root (as on the project's machines); otherwise it only says what is missing,
# and the tests that need it skip themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/redis-server ] || missing+=(redis-server) # shared state between router instances
[ -x /usr/bin/chromium ] || missing+=(chromium)     # the control panel's browser test
command -v promtool >/dev/null || missing+=(prometheus) # promtool checks the metrics output
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "test.sh: not root, not installing: ${missing[*]}" >&2
  fi
fi

# npm packages of the tests: playwright-core drives Debian's chromium (it downloads no browser of its own), and the
# official Anthropic SDK is checked against the router
for dir in src/test/browser src/test/sdk; do
  if [ ! -d "$dir/node_modules" ] && command -v npm >/dev/null; then
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
done

exec mvn -B verify
