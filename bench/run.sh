#!/usr/bin/env bash
# Builds the harness (and the query side it starts) and runs it:
#   bench/run.sh [appends-per-run]      durability of appends on the embedded H2 store (default 3000)
#   bench/run.sh history [sizes...]     history queries on products of those sizes (default 10000 100000)
# Prints a table (medians and ratios from this one run) and writes bench/target/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench,query-side -am package
exec java -Daxoniq.update-checker.disabled=true -Xmx2g -jar bench/target/tandem-bench.jar "$@"
