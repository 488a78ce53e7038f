#!/usr/bin/env bash
# Knowledge base benchmark (issue 7) on the local PostgreSQL: a fresh demo database with 100,000
# seeded published articles (bench/knowledge-seed.sql), then bench/KnowledgeLoad.java: articles
# drafted and published through the API, list pages as an agent and as a requester (title filter
# and none), diagnostic tree steps. Only 127.0.0.1 is contacted; everything it starts it stops.
#   bash bench/knowledge.sh      (BENCH_NO_BUILD=1 reuses target/*.jar; BENCH_ARTICLES, BENCH_REQUESTS)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18087}
DB="knowledge_bench_$(date +%s)"
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
  java -Xmx1g -jar target/tierline-*.jar --spring.profiles.active=postgres > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/app.log"; exit 1; }

echo "== 1. seeding 100,000 published articles"
START=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -d "$DB" -q -f bench/knowledge-seed.sql
echo "   seeded in $(echo "$(date +%s.%N) - $START" | bc) s; $(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c 'select count(*) from articles') articles"

echo "== 2. API load"
java bench/KnowledgeLoad.java "$BASE" "${BENCH_ARTICLES:-1000}" 4 "${BENCH_REQUESTS:-1000}"
echo "== 3. versions and transitions kept: $(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c 'select count(*) from article_versions') versions, $(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c 'select count(*) from article_transitions') transitions"
