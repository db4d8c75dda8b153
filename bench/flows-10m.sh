#!/usr/bin/env bash
# Flow tracing at scale (issue 15 item 6): a synthetic Tron-like graph of TRANSFERS USDT transfers (default 10,000,000)
# with fan-in/fan-out, layering and exchanges, loaded into the compact graph (org.tipx.flows.graph) and into a JGraphT
# graph in the same run; a 7-hop haircut trace from 100 seed transfers over each; load time, bytes per transfer and
# the time and memory ratios. Goals: <= 40 B/transfer, trace < 1 s, >= 5x faster and smaller than JGraphT.
# Usage: bench/flows-10m.sh [TRANSFERS] (HEAP=12g by default; 1,000,000 needs about 2g). Loads from generated arrays,
# not from PostgreSQL. Compiled with javac (the bench profile's JMH is not needed here).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TRANSFERS="${1:-10000000}"
HEAP="${HEAP:-12g}"
./mvnw -B -o -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/flows-bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:$(cat target/flows-bench-classpath.txt)"
mkdir -p target/flows-bench-classes
javac -d target/flows-bench-classes -cp "$CP" bench/src/main/java/org/tipx/bench/FlowsRun.java
java -Xmx"$HEAP" -cp "target/flows-bench-classes:$CP" org.tipx.bench.FlowsRun "$TRANSFERS" \
  | tee "target/flows-bench-$TRANSFERS.log"
