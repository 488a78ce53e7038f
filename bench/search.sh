#!/usr/bin/env bash
# Search latency and indexing throughput on the real engine, in process (no HTTP, no database):
#   bash bench/search.sh                 (100,000 articles, 200,000 solved tickets, 1,000 queries each)
#   ARTICLES=20000 TICKETS=40000 bash bench/search.sh   (a quicker run)
#   KEEP=/var/tmp/tl-search bash bench/search.sh   (keeps the built indexes there; a second run only measures the queries)
# Writes its index into a temporary directory and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/search-bench.cp >/dev/null  # online: a fresh machine fetches the plugin once
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp -r target/classes "$TMP/classes"   # a rebuild of the work tree during the run does not disturb it
echo "== $(date -u +%FT%TZ) articles=${ARTICLES:-100000} tickets=${TICKETS:-200000} queries=${QUERIES:-1000}"
java -Xmx4g -Djava.io.tmpdir="$TMP" -Dkeep="${KEEP:-}" -Darticles="${ARTICLES:-100000}" -Dtickets="${TICKETS:-200000}" -Dqueries="${QUERIES:-1000}" -Dwarmup="${WARMUP:-500}" \
  -cp "$TMP/classes:$(cat target/search-bench.cp)" bench/SearchBench.java 2>&1 | grep -v "^SLF4J\|WARNING\|ai.djl"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
