#!/usr/bin/env bash
# Tandem, zero setup: builds what is missing, starts the embedded store (data in ./data), the command side and the
# query side, seeds a demo product on the first start, prints the dashboard URL and the demo users. Ctrl-C stops all.
# Needs JDK 17 and Maven. Settings: TANDEM_DATA_DIR (./data), TANDEM_STORE_PORT (27018), COMMAND_PORT (8081),
# QUERY_PORT (8080).
set -euo pipefail
cd "$(dirname "$0")"

VERSION=0.1.0-SNAPSHOT
DATA_DIR="${TANDEM_DATA_DIR:-data}"
STORE_PORT="${TANDEM_STORE_PORT:-27018}"
COMMAND_PORT="${COMMAND_PORT:-8081}"
QUERY_PORT="${QUERY_PORT:-8080}"
LOGS="$DATA_DIR/logs"
STORE_JAR="event-store/target/event-store-$VERSION-exec.jar"
COMMAND_JAR="command-side/target/command-side-$VERSION.jar"
QUERY_JAR="query-side/target/query-side-$VERSION.jar"
# MaxGCPauseMillis=20: G1's default goal (200 ms) let young collections of the store take 30-135 ms under load.
# The store itself runs ZGC, whose pauses stay under a millisecond, with 2 GB so that it can collect concurrently
# even under heavy load (with 1 GB it stalled allocations). See README, design decisions.
JAVA_OPTS=(-Daxoniq.update-checker.disabled=true -XX:TieredStopAtLevel=1 -Xmx512m -XX:MaxGCPauseMillis=20)
STORE_JAVA_OPTS=(-Daxoniq.update-checker.disabled=true -XX:TieredStopAtLevel=1 -Xmx2g -XX:+UseZGC)

needs_build() {
  for jar in "$STORE_JAR" "$COMMAND_JAR" "$QUERY_JAR"; do
    [ -f "$jar" ] || return 0
    # Only what the three jars are built from (not bench/ or system-tests/, not build output).
    if [ -n "$(find pom.xml shared-events event-store service-support command-side query-side \
               -path '*/target' -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.js' -o -name '*.html' \
               -o -name '*.css' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  echo "Building Tandem (first run or sources changed)..."
  mvn -B -q -DskipTests package -pl event-store,command-side,query-side -am
fi

mkdir -p "$LOGS"
PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping Tandem..."
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped. Data kept in $DATA_DIR."
}
trap stop_all INT TERM EXIT

wait_for() { # name, url-or-file, pattern
  local name=$1 what=$2
  for _ in $(seq 1 180); do
    if [[ "$what" == http* ]]; then
      curl -fs -o /dev/null "$what" && return 0
    else
      grep -q "^READY" "$what" 2>/dev/null && return 0
    fi
    for pid in "${PIDS[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "$name failed to start; see $LOGS"; exit 1; }
    done
    sleep 1
  done
  echo "$name did not become ready in time; see $LOGS"; exit 1
}

echo "Starting the embedded store on 127.0.0.1:$STORE_PORT (data in $DATA_DIR)..."
java "${STORE_JAVA_OPTS[@]}" -jar "$STORE_JAR" --data-dir="$DATA_DIR" --port="$STORE_PORT" > "$LOGS/store.log" 2>&1 &
PIDS+=($!)
wait_for store "$LOGS/store.log"

COMMON=(--spring.profiles.active=demo --tandem.store.embedded.enabled=false
        --tandem.store.uri="mongodb://127.0.0.1:$STORE_PORT")
echo "Starting the command side on :$COMMAND_PORT (seeds the demo product when the store is empty)..."
java "${JAVA_OPTS[@]}" -jar "$COMMAND_JAR" --server.port="$COMMAND_PORT" "${COMMON[@]}" > "$LOGS/command-side.log" 2>&1 &
PIDS+=($!)
echo "Starting the query side on :$QUERY_PORT..."
java "${JAVA_OPTS[@]}" -jar "$QUERY_JAR" --server.port="$QUERY_PORT" \
     --tandem.live.allowed-origins="http://localhost:$QUERY_PORT,http://127.0.0.1:$QUERY_PORT" \
     "${COMMON[@]}" > "$LOGS/query-side.log" 2>&1 &
PIDS+=($!)
wait_for command-side "http://127.0.0.1:$COMMAND_PORT/actuator/health/readiness"
wait_for query-side "http://127.0.0.1:$QUERY_PORT/actuator/health/readiness"

cat <<INFO

  Tandem is running.
    Dashboard:    http://localhost:$QUERY_PORT/
    Command API:  http://localhost:$COMMAND_PORT/swagger-ui.html
    Query API:    http://localhost:$QUERY_PORT/swagger-ui.html
    Demo users (password "demo"): pm (Product Manager), po (Product Owner), contributor, viewer
    Logs: $LOGS/    Data: $DATA_DIR/ (kept between runs; delete it to start over)
  Press Ctrl-C to stop.

INFO
wait
