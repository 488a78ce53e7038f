#!/usr/bin/env bash
# Tier-0 self-service benchmark (issue 7 wiring) on the local PostgreSQL: a fresh demo database, the
# search index following the demo knowledge base, then bench/SelfServiceLoad.java: dana@customer.test
# starts sessions (hybrid search over Acme's public articles + re-contact check + session row).
# Only 127.0.0.1 is contacted; everything it starts it stops.
#   bash bench/selfservice.sh      (BENCH_NO_BUILD=1 reuses target/*.jar; BENCH_SESSIONS, BENCH_CONCURRENCY)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18097}
DB="wiring_selfservice_bench_$(date +%s)"
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
[ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -q -B -ntp -o -DskipTests package
psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
TIERLINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" TIERLINE_DB_USER=postgres TIERLINE_DEMO=true PORT=$PORT \
  TIERLINE_ATTACHMENTS_DIR="$WORK/attachments" \
  java -Xmx1g -jar target/tierline-*.jar --spring.profiles.active=postgres --tierline.search.dir="$WORK/search" \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
sleep 5 # the index follows the demo knowledge base
echo "== sessions"
java bench/SelfServiceLoad.java "$BASE" "${BENCH_SESSIONS:-300}" "${BENCH_CONCURRENCY:-2}"
