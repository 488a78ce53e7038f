#!/usr/bin/env bash
# Routing benchmark on the local PostgreSQL (issue 9): the time an assignment decision adds to
# ticket creation with 500 agents and 50 routed queues (target < 5 ms p99).
#   1. seeds 500 agents, 10 teams, 50 routed queues and 25,000 assigned open tickets (bench/routing-seed.sql),
#   2. opens tickets in random bench queues at concurrency 1 and 4 (bench/RoutingLoad.java) and reads
#      the decision time the app measures around each decision (GET /api/v1/routing/decision-times:
#      candidate query with loads, skills, strategy, row lock and load re-read),
#   3. opens tickets without a queue (nothing to route) for the creation latency with routing off.
# Only 127.0.0.1 is contacted; everything it starts it stops.
#   bash bench/routing.sh            (from the repository root; BENCH_NO_BUILD=1 reuses target/*.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18089}
SECONDS_EACH=${BENCH_SECONDS:-30}
DB_NAME=routing_bench
source bench/lib.sh
PSQL="$PSQL -v ON_ERROR_STOP=1"
start_tierline --tierline.routing.worker=false
sleep 5 # demo data

echo "== seeding 500 agents, 50 routed queues, 25,000 assigned open tickets"
time $PSQL -q -f bench/routing-seed.sql
ADMIN=(-s -u admin@northwind.test:demo)
# adding a queue through the API refreshes every node's catalogue cache, so the seeded queues are known
curl "${ADMIN[@]}" -o /dev/null -H 'Content-Type: application/json' -d '{"slug":"bench-refresh","name":"Bench refresh"}' \
  "$BASE/api/v1/routing/clients/acme/queues"
times() { curl "${ADMIN[@]}" "$BASE/api/v1/routing/decision-times"; echo; }

echo "== warm-up (not counted)"
java bench/RoutingLoad.java "$BASE" routed 2 "${BENCH_WARMUP:-20}"
for c in 1 4; do
  curl "${ADMIN[@]}" -X DELETE "$BASE/api/v1/routing/decision-times"
  echo "== routed creations, concurrency $c, ${SECONDS_EACH}s"
  java bench/RoutingLoad.java "$BASE" routed $c "$SECONDS_EACH"
  echo -n "decision times (µs): "; times
done
echo "== unrouted creations (no queue, nothing to assign), concurrency 1, ${SECONDS_EACH}s"
java bench/RoutingLoad.java "$BASE" unrouted 1 "$SECONDS_EACH"
echo "== check: every routed bench ticket got an agent"
$PSQL -tAc "select count(*) from tickets t join queues q on q.id = t.queue_id where q.slug like 'bq-%' and t.assignee_id is null and t.status in ('NEW','OPEN')" \
  | sed 's/^/unassigned routed tickets: /'
