#!/usr/bin/env bash
# Tierline benchmark on the local PostgreSQL: ticket creation at concurrency 8, then the agent
# queue over 1,000,000 tickets. Only 127.0.0.1 is contacted; everything it starts it stops.
#   bash bench/run.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18080}
DB="tierline_bench_$(date +%s)"
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -B -ntp -DskipTests package
psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
TIERLINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" TIERLINE_DB_USER=postgres TIERLINE_DEMO=true PORT=$PORT \
  TIERLINE_ATTACHMENTS_DIR="$WORK/attachments" \
  java -Xmx1g -jar target/tierline-*.jar --spring.profiles.active=postgres > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/app.log"; exit 1; }

echo "== 1. ticket creation through the API, concurrency 8"
( sleep $(( ${BENCH_WARMUP:-10} + 15 )); echo "CPU during the measurement (top, 10 s):";
  top -b -d 10 -n 2 | awk '/^top -/{n++} n==2' | grep -E "java|postgres|Cpu" | head -12 ) &
TOP_PID=$!
java bench/LoadGenerator.java create "$BASE" 8 ${BENCH_WARMUP:-10} ${BENCH_SECONDS:-30}
wait "$TOP_PID"  # not the app, which runs until cleanup
[ "${BENCH_ONLY:-}" = "create" ] && exit 0

echo "== 2. seeding 1,000,000 tickets"
time psql -h 127.0.0.1 -U postgres -d "$DB" -q -f bench/seed-1m.sql
echo "== 3. the agent queue over $(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc 'select count(*) from tickets') tickets, concurrency 4"
java bench/LoadGenerator.java queue "$BASE" 4 ${BENCH_REQUESTS:-2000}
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
