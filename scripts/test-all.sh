#!/usr/bin/env bash
# The whole test suite, as CI runs it: types, lint, formatting, unit tests, a production build, end-to-end tests
# in Debian's chromium against the bundled sample, then the shared contract check.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint .
echo "== format"; npx prettier --check . > /dev/null || { npx prettier --list-different .; echo "files are not formatted: run npm run format"; exit 1; }
echo "== unit tests"; npx vitest run
echo "== build"; npx next build
echo "== end-to-end"; npx playwright test

CHECK=../shared/contract/check.mjs
if [ -f "$CHECK" ]; then
  echo "== contract check"
  # The contract speaks of WildChat-shaped data: it is asked of the sample's WildChat dataset (the
  # end-to-end run above generated the sample).
  PORT=3211 WILDSCOPE_DATA=data/sample/wildchat WILDSCOPE_CACHE=.cache/contract-index node --import tsx scripts/start.ts > .cache/contract-server.log 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf http://127.0.0.1:3211/api/health > /dev/null && break; sleep 1; done
  node "$CHECK" --url http://127.0.0.1:3211 --data data/sample/wildchat
else
  echo "== contract check skipped: $CHECK not found (the clone is not beside ../shared)"
fi

# The benchmark at a small size, so it cannot rot (it fails on any request error).
echo "== benchmark (20k conversations)"
npm run bench:ci
