#!/usr/bin/env bash
# Recruitment scoring quality on the multilingual set (scorer vs lexicon alone) and throughput on one thread
# (full scoring incl. normalisation vs model alone vs lexicon alone), same run. Usage: bench/recruitment-bench.sh [SECONDS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -o -q -P bench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx1g -XX:ActiveProcessorCount=1 -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.tipx.bench.RecruitmentBench "$@"
