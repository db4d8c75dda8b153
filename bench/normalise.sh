#!/usr/bin/env bash
# Normalisation rate per indicator type on one core, beside bare libphonenumber (JMH).
# Usage: bench/normalise.sh   (from the repository root; takes about 6 minutes)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -q -P bench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.tipx.bench.NormaliseRun
