#!/usr/bin/env bash
# Bulk import streams in constant memory: a 100 MB and a 1 GB CSV file, generated on the fly, go through the whole
# first pass (decode, parse, check, stage with COPY, consistency check) with the heap capped at 256 MB; then the
# filing pass against the report API as baseline. Prints its figures between "==== import streaming bench ====" lines.
# Takes a few minutes on 2 cores; needs about 3 GB free in java.io.tmpdir for the throw-away PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test-compile
./mvnw -B -o failsafe:integration-test failsafe:verify -Dit.test=ImportStreamingBench -DargLine="-Xmx256m" \
  -Dfailsafe.failIfNoSpecifiedTests=false | tee target/import-streaming-bench.log \
  | sed -n '/==== import streaming bench ====/,/================================/p'
grep -q "Tests run: 1, Failures: 0, Errors: 0" target/import-streaming-bench.log
