#!/usr/bin/env bash
# SLA engine benchmark on the local PostgreSQL (issue 4):
#   1. the cost of starting a ticket's clocks inside POST /api/v1/tickets (Micrometer timer
#      tierline.sla.clock.start, read from /actuator/metrics after a creation run),
#   2. 1,000,000 open tickets with running clocks (2,000,000 timers),
#   3. drain: 100,000 breach timers due at once — how many per second the engine fires,
#   4. steady rate: 150,000 breach timers falling due at BENCH_RATE per second (default 5,000)
#      — the lag from each due instant to its breach event.
# Only 127.0.0.1 is contacted; everything it starts it stops.
#   bash bench/sla.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18081}
DB="tierline_slabench_$(date +%s)"
BASE="http://127.0.0.1:$PORT"
RATE=${BENCH_RATE:-5000}
WORK=$(mktemp -d)
APP_PID=""
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1"
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -q -B -ntp -DskipTests package
psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
TIERLINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" TIERLINE_DB_USER=postgres TIERLINE_DEMO=true PORT=$PORT \
  TIERLINE_ATTACHMENTS_DIR="$WORK/attachments" \
  java -Xmx1g -jar target/tierline-*.jar --spring.profiles.active=postgres \
  --management.endpoints.web.exposure.include=health,info,metrics > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/app.log"; exit 1; }

# the metrics endpoint is behind the web sign-in: a session via the login form
jar="$WORK/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin@northwind.test" \
  --data-urlencode "password=demo" --data-urlencode "_csrf=$csrf" "$BASE/login"
# prints "count total_seconds max_seconds" of the timer around starting a new ticket's clocks
clock_metric() {
  curl -sf -b "$jar" "$BASE/actuator/metrics/tierline.sla.clock.start" | python3 -c '
import json, sys
m = {s["statistic"]: s["value"] for s in json.load(sys.stdin)["measurements"]}
print(int(m["COUNT"]), m["TOTAL_TIME"], m["MAX"])'
}
report_clock() { # before after label
  python3 -c "
b = '$1'.split(); a = '$2'.split()
n = int(a[0]) - int(b[0]); t = float(a[1]) - float(b[1])
print('clock start inside creation ($3): %d tickets, mean %.3f ms per ticket, max (recent) %.2f ms' % (n, 1000 * t / n, 1000 * float(a[2])))"
}

echo "== 1. ticket creation with its clocks: one client at a time, then concurrency 8"
before=$(clock_metric 2>/dev/null || echo "0 0 0")
java bench/LoadGenerator.java create "$BASE" 1 5 ${BENCH_SECONDS:-20}
after=$(clock_metric); report_clock "$before" "$after" "concurrency 1, warm-up included"
before=$after
java bench/LoadGenerator.java create "$BASE" 8 5 ${BENCH_SECONDS:-20}
after=$(clock_metric); report_clock "$before" "$after" "concurrency 8, warm-up included"

echo "== 2. seeding 1,000,000 open tickets with running clocks"
time $PSQL -q -f bench/sla-seed.sql

echo "== 3. drain: 100,000 breach timers due at once"
start=$(date +%s)
$PSQL -q -v from=0 -v to=100000 -v start=$((start - 1)) -v rate=1000000 -f bench/sla-due.sql
t0=$(date +%s.%N)
while [ "$($PSQL -tAc "select count(*) from sla_timers where due_at <= now() and kind = 'BREACH'")" != "0" ]; do sleep 0.5; done
t1=$(date +%s.%N)
python3 -c "print(f'drained 100,000 due timers in {$t1 - $t0:.1f} s wall clock: {100000 / ($t1 - $t0):,.0f} timers/s (polled every 0.5 s)')"
$PSQL -v from=0 -v to=100000 -f bench/sla-lag.sql

echo "== 4. steady: 150,000 breach timers falling due at $RATE per second"
start=$(( $(date +%s) + 20 ))
$PSQL -q -v from=100000 -v to=250000 -v start=$start -v rate=$RATE -f bench/sla-due.sql
( sleep $(( start - $(date +%s) + 10 )); echo "CPU during the steady phase (top, 10 s):";
  top -b -d 10 -n 2 | awk '/^top -/{n++} n==2' | grep -E "java|postgres|Cpu" | head -8 ) &
TOP_PID=$!
end=$(( start + 150000 / RATE + 5 ))
while [ "$(date +%s)" -lt "$end" ] || [ "$($PSQL -tAc "select count(*) from sla_timers where due_at <= now() and kind = 'BREACH'")" != "0" ]; do sleep 1; done
wait "$TOP_PID"  # not the app, which runs until cleanup
$PSQL -v from=100000 -v to=250000 -f bench/sla-lag.sql
echo "duplicates (clocks with more than one breach event): $($PSQL -tAc "select count(*) from (select clock_id from sla_events where type = 'BREACHED' group by clock_id having count(*) > 1) d")"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
