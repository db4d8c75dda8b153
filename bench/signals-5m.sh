#!/usr/bin/env bash
# Signal exchange at work (issue 4): generates REPORTS reports x 5 indicators (default 1,000,000 / 5,000,000) as a CSV
# under target/signals-bench, then measures (a) a plain COPY of the same rows, (b) import and correlation end to end
# through POST /api/v1/signals/imports, (c) lookup latency through the Lookups service beside the bare indexed query,
# (d) memory; checks the planted networks. Usage: bench/signals-5m.sh [REPORTS (a multiple of 100)] [LOOKUPS]
# Needs about 15 GB free disk (CSV + throw-away PostgreSQL cluster); at the default size it runs for tens of minutes.
# DURABLE=1 runs the whole bench on a kept cluster (fsync, full_page_writes, synchronous_commit on), as production
# runs, instead of the throw-away test cluster (fsync off); its data directory is left under java.io.tmpdir.
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS="${1:-1000000}"
LOOKUPS="${2:-10000}"
KEPT=()
if [ "${DURABLE:-0}" = 1 ]; then KEPT=(-Dtipx.db.ephemeral=false); fi
mkdir -p target
./mvnw -B -o -q test-compile
./mvnw -B -o failsafe:integration-test failsafe:verify -Dit.test=SignalsBench -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.reports="$REPORTS" -Dbench.lookups="$LOOKUPS" "${KEPT[@]}" -DargLine="-Xmx4g" \
  | tee "target/signals-bench-$REPORTS.log" | sed -n '/==== signals bench ====/,/=======================/p'
grep -q "Tests run: 1, Failures: 0, Errors: 0" "target/signals-bench-$REPORTS.log"
