#!/usr/bin/env bash
# KPI benchmark (issue 6, SPEC §7): 1,000,000 solved tickets of one client over 2025 with their
# KPI facts (bench/kpi-seed.sql), the projection sums them per day (KpiRollup), then GET /api/v1/kpis
# over the whole year for every grouping,
# each 7 times (the first is reported apart as cold), as a client admin. Target: < 1 s each.
# Only 127.0.0.1 is contacted; everything it starts it stops.
#   bash bench/kpi.sh            (from the repository root; BENCH_NO_BUILD=1 to reuse target/*.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18084}
DB_NAME=tierline_kpibench
source bench/lib.sh
start_tierline
# each statement over 50 ms goes to the server log, to see which KPI query costs what
psql -h 127.0.0.1 -U postgres -q -c "alter database $DB set log_min_duration_statement = 50"

echo "== 1. seeding 1,000,000 solved tickets with their KPI facts"
$PSQL -q -f bench/kpi-seed.sql

echo "== 1b. the projection sums the days (kpi_daily_*)"
t0=$(date +%s)
until [ "$($PSQL -At -c "select rollup_ready and not exists (select 1 from kpi_daily_days where dirty and solved_on < current_date - 1) from kpi_state")" = t ]; do sleep 2; done
echo "   $($PSQL -At -c "select count(*) from kpi_daily_days") days summed in $(( $(date +%s) - t0 )) s ($($PSQL -At -c "select count(*) from kpi_daily_tickets") + $($PSQL -At -c "select count(*) from kpi_daily_items") rows)"

echo "== 2. GET /api/v1/kpis?client=acme&from=2025-01-01&to=2026-01-01 as admin@acme.test, 7 times per grouping"
query() {
  curl -s -o "$WORK/out.json" -w '%{http_code} %{time_total}\n' -u admin@acme.test:demo "$BASE/api/v1/kpis?$1"
}
for g in none client team internal tier agent channel category queue; do
  q="client=acme&from=2025-01-01&to=2026-01-01&groupBy=$g"
  times=()
  for i in 1 2 3 4 5 6 7; do
    read -r code t < <(query "$q")
    [ "$code" = 200 ] || { echo "HTTP $code"; cat "$WORK/out.json"; exit 1; }
    times+=("$t")
  done
  printf "   groupBy=%-9s cold %5.0f ms, then %s ms (max %.0f)\n" "$g" "$(echo "${times[0]} * 1000" | bc -l)" \
    "$(printf '%s\n' "${times[@]:1}" | awk '{printf "%.0f ", $1 * 1000}')" \
    "$(printf '%s\n' "${times[@]:1}" | sort -n | tail -1 | awk '{print $1 * 1000}')"
done
echo "   fcr over the year: $(grep -o '{[^{}]*"kpi":"fcr"[^{}]*}' "$WORK/out.json" | head -1)"
q="client=acme&from=2025-03-01&to=2025-04-01&asOf=2025-03-20T00:00:00Z&groupBy=agent"
read -r code t < <(query "$q"); printf "   one month, asOf inside it, groupBy=agent: %.0f ms\n" "$(echo "$t * 1000" | bc -l)"
echo "== 3. the plans: the daily sums of the year by team, and the facts of the days they do not answer"
$PSQL -c "explain (analyze, buffers off, timing off) select grp, sum(tickets) from kpi_daily_tickets where client_id = (select id from organizations where slug='acme') and dimension = 'team' and solved_on >= '2025-01-01' and solved_on < '2026-01-01' group by grp" | grep -E "Scan|Gather|Workers|Execution"
$PSQL -c "explain (analyze, buffers off, timing off) select team_id, count(*) from kpi_tickets where client_id = (select id from organizations where slug='acme') and first_solved_at >= '2025-12-25' and first_solved_at < '2026-01-01' group by team_id" | grep -E "Scan|Gather|Workers|Execution"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
