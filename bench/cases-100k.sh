#!/usr/bin/env bash
# The case list at size (issue 12 item 8): generates CASES cases (default 100,000) in 50 organisations with their
# consent, about 1.5 referrals and 2 tasks a case (personal fields and task titles sealed), then measures QUERIES
# (default 2,000) first pages per scenario through Cases.list beside the bare indexed query returning the same rows,
# in the same run: list with and without a status filter, overdue tasks, referral state, a name word, a reference
# prefix, and a receiving organisation's list. Goal: p95 <= 200 ms and within 5x the bare query.
# Usage: bench/cases-100k.sh [CASES] [QUERIES]. PLANS=1 prints the plan of every bare query, not only of a miss.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-100000}"
QUERIES="${2:-2000}"
mkdir -p target
./mvnw -B -o -q test-compile
./mvnw -B -o failsafe:integration-test failsafe:verify -Dit.test=CasesBench -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.cases="$CASES" -Dbench.queries="$QUERIES" -Dbench.plans="${PLANS:-false}" -DargLine="-Xmx2g" \
  | tee "target/cases-bench-$CASES.log" | sed -n '/==== cases bench ====/,/=====================/p'
grep -q "Tests run: 1, Failures: 0, Errors: 0" "target/cases-bench-$CASES.log"
