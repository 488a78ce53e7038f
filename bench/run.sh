#!/usr/bin/env bash
# Tierline benchmark on the local PostgreSQL: ticket creation at concurrency 8, then the agent
# queue over 1,000,000 tickets. Only 127.0.0.1 is contacted; everything it starts it stops.
#   bash bench/run.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18080}
DB_NAME=tierline_bench
source bench/lib.sh
start_tierline

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
