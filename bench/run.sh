#!/usr/bin/env bash
# Builds the harness and runs it: bench/run.sh [appends-per-run]
# Prints a table (medians and ratios from this one run) and writes bench/target/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench -am package
exec java -Daxoniq.update-checker.disabled=true -jar bench/target/tandem-bench.jar "$@"
