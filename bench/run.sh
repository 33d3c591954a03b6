#!/usr/bin/env bash
# Builds the harness (and the store and services it starts) and runs it:
#   bench/run.sh all                    every benchmark below with its defaults, one table (about 45 minutes)
#   bench/run.sh [appends-per-run]      durability of appends on the embedded H2 store (default 3000)
#   bench/run.sh history [sizes...]     history queries on products of those sizes (default 10000 100000; each at
#                                       least 5000, one sync meeting per 5000 events)
#   bench/run.sh store [appends [levels...]]  single-event commits, ours vs the raw driver vs axon-mongo's engine, at
#                                       each stored-events level (default 2000 appends; 10000 100000 200000), then
#                                       a no-op tracking replay of ours and of the peer
#   bench/run.sh commands [sizes...]    end-to-end HTTP commands (mix of reprioritize, reschedule, feedback, triage)
#                                       from 8 threads on 100 products, command side alone and with the query side,
#                                       on a store preloaded with each size (default 10000 200000)
#   bench/run.sh push [sessions [rate]] command-to-frame latency of live dashboard pushes (default 500 sessions,
#                                       50 commands/s)
#   bench/run.sh fanout [max [step]]    STOMP sessions one query-side node (-Xmx512m) holds with a dashboard a
#                                       second each and p99 < 1 s (default up to 5000 in steps of 500)
#   bench/run.sh startup [launches]     launch to ready of the store, the command side, the query side and ./run.sh
#                                       (default 3 launches each)
# commands/push/fanout also read BENCH_PRODUCTS (100; fanout 50), BENCH_SECONDS (measured run: 30, 60, 20 a step)
# and BENCH_WARMUP (10; the commands benchmark's first phase BENCH_CLIENT_WARMUP more, 20); a smoke run:
# BENCH_PRODUCTS=5 BENCH_SECONDS=10 BENCH_WARMUP=3 bench/run.sh push 20 10.
# Services' logs: bench/target/<mode>-<service>.log. BENCH_JVM_OPTIONS adds JVM options to every process it launches
# ({name} = the process), e.g. BENCH_JVM_OPTIONS='-XX:StartFlightRecording=filename=bench/target/{name}.jfr,settings=profile'.
# Prints a table (medians and ratios from this one run) and writes bench/target/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench,event-store,command-side,query-side -am package
exec java -Daxoniq.update-checker.disabled=true -Xmx2g -jar bench/target/tandem-bench.jar "$@"
