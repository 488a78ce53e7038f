#!/usr/bin/env bash
# Knowledge base benchmark (issue 7) on the local PostgreSQL: a fresh demo database with 100,000
# seeded published articles (bench/knowledge-seed.sql), then bench/KnowledgeLoad.java: articles
# drafted and published through the API, list pages as an agent and as a requester (title filter
# and none), diagnostic tree steps. Only 127.0.0.1 is contacted; everything it starts it stops.
#   bash bench/knowledge.sh      (BENCH_NO_BUILD=1 reuses target/*.jar; BENCH_ARTICLES, BENCH_REQUESTS)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18087}
DB_NAME=knowledge_bench
source bench/lib.sh
start_tierline

echo "== 1. seeding 100,000 published articles"
START=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -d "$DB" -q -f bench/knowledge-seed.sql
echo "   seeded in $(echo "$(date +%s.%N) - $START" | bc) s; $(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c 'select count(*) from articles') articles"

echo "== 2. API load"
java bench/KnowledgeLoad.java "$BASE" "${BENCH_ARTICLES:-1000}" 4 "${BENCH_REQUESTS:-1000}"
echo "== 3. versions and transitions kept: $(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c 'select count(*) from article_versions') versions, $(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c 'select count(*) from article_transitions') transitions"
