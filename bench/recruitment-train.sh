#!/usr/bin/env bash
# Trains the recruitment text model with Tribuo on EMSCAD and prints stratified 5-fold CV figures (text only, and with
# field-emptiness features for comparison), beside the lexicon alone; writes src/main/resources/recruitment/model/
# text-model.tsv. Usage: bench/recruitment-train.sh [path/to/emscad_train.csv]  (about a minute on 2 cores)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -o -q -P bench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.tipx.bench.RecruitmentTraining "$@"
