# Shared by the bench scripts: Tierline built (unless BENCH_NO_BUILD=1) and started on a fresh
# PostgreSQL database with the demo data, its files (attachments, search index, log) in a temporary
# directory; on exit the app stops and the database and directory are dropped.
# Source it after setting PORT and DB_NAME; then call start_tierline [extra application arguments]
# (JVM options in BENCH_JAVA_OPTS; JDBC URL parameters, e.g. ?options=-c%20log_min_duration_statement%3D100 to log
# slow statements in the PostgreSQL server log, in BENCH_PG_URL_PARAMS).
# Gives BASE, DB, WORK, APP_PID and PSQL ("psql … -d $DB").
BASE="http://127.0.0.1:$PORT"
DB="${DB_NAME}_$(date +%s)"
WORK=$(mktemp -d)
APP_PID=""
PSQL="psql -h 127.0.0.1 -U postgres -d $DB"

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_tierline() {
  echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  [ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -q -B -ntp -DskipTests package
  psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
  TIERLINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB${BENCH_PG_URL_PARAMS:-}" TIERLINE_DB_USER=postgres TIERLINE_DEMO=true PORT=$PORT \
    TIERLINE_ATTACHMENTS_DIR="$WORK/attachments" \
    java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar target/tierline-*.jar --spring.profiles.active=postgres \
      --tierline.search.dir="$WORK/search" "$@" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
}
