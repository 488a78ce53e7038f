#!/usr/bin/env bash
# E-mail intake benchmark (issue 5): a real IMAP mailbox (Dovecot, installed with apt when missing,
# run from a throw-away configuration) holding BENCH_MAILS messages (default 10,000, from 500
# senders) is read by Tierline on a fresh PostgreSQL database; its acknowledgements go to a GreenMail
# SMTP server. The rate is messages stored per second from the moment the mailbox is configured,
# and the result is checked for loss and duplication. Only 127.0.0.1 (and apt) is contacted;
# everything it starts it stops. GreenMail's own IMAP server is not used here: its STORE and FETCH
# walk the whole folder per message, so over 10,000 messages it, not Tierline, would be measured.
#   bash bench/mail.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18082}
SMTP=${BENCH_SMTP:-13025}
IMAP=${BENCH_IMAP:-13143}
N=${BENCH_MAILS:-10000}
ADDRESS=support-bench@acme.test
DB="tierline_mailbench_$(date +%s)"
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
APP_PID=""; MAIL_PID=""; DOVECOT_CONF=""
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -tA"
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$MAIL_PID" ] && kill "$MAIL_PID" 2>/dev/null && wait "$MAIL_PID" 2>/dev/null || true
  [ -n "$DOVECOT_CONF" ] && dovecot -c "$DOVECOT_CONF" stop 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -q -B -ntp -DskipTests package
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
java -cp "$(cat "$WORK/cp.txt")" bench/MailServer.java $SMTP $((IMAP + 1)) $ADDRESS bench-secret > "$WORK/mail.log" 2>&1 &
MAIL_PID=$!
for _ in $(seq 1 60); do grep -q "GreenMail up" "$WORK/mail.log" && break; sleep 1; done

command -v dovecot >/dev/null || apt-get install -y -q dovecot-imapd >/dev/null
mkdir -p "$WORK/dovecot/run" "$WORK/dovecot/mail"
chmod 755 "$WORK" "$WORK/dovecot" "$WORK/dovecot/run"
DOVECOT_CONF="$WORK/dovecot/dovecot.conf"
cat > "$DOVECOT_CONF" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $WORK/dovecot/run
state_dir = $WORK/dovecot/run
log_path = $WORK/dovecot/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 100
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:$WORK/dovecot/mail/%u
passdb {
  driver = static
  args = password=bench-secret
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=$WORK/dovecot/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP
  }
  inet_listener imaps {
    port = 0
  }
}
CONF

echo "== 1. filling the mailbox with $N messages (Maildir, as the delivery agent would)"
java bench/MailLoad.java maildir "$WORK/dovecot/mail/$ADDRESS" $ADDRESS $N 500
chown -R dovecot:dovecot "$WORK/dovecot/mail"
dovecot -c "$DOVECOT_CONF"

psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
TIERLINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" TIERLINE_DB_USER=postgres TIERLINE_DEMO=true PORT=$PORT \
  TIERLINE_ATTACHMENTS_DIR="$WORK/attachments" \
  java -Xmx1g -jar target/tierline-*.jar --spring.profiles.active=postgres --tierline.mail.poll-ms=1000 > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/app.log"; exit 1; }

echo "== 2. configuring the mailbox; Tierline reads it (ingest threads: ${BENCH_THREADS:-4} default)"
t0=$(date +%s.%N)
curl -sf -u admin@acme.test:demo -H 'Content-Type: application/json' "$BASE/api/v1/mailboxes" -d "{\"client\":\"acme\",
  \"address\":\"$ADDRESS\",\"imapHost\":\"127.0.0.1\",\"imapPort\":$IMAP,\"imapTls\":false,\"smtpHost\":\"127.0.0.1\",
  \"smtpPort\":$SMTP,\"smtpTls\":false,\"password\":\"bench-secret\",\"senderHourlyLimit\":10000}" > /dev/null
( sleep 15; echo "CPU while ingesting (top, 10 s):"; top -b -d 10 -n 2 | awk '/^top -/{n++} n==2' | grep -E "java|postgres|Cpu" | head -8 ) &
TOP_PID=$!
while [ "$($PSQL -c "select coalesce(max(last_uid), 0) from mailboxes")" -lt "$N" ]; do
  sleep 0.5
  [ "$(echo "$(date +%s.%N) - $t0 > 600" | bc)" = 1 ] && { echo "not done after 10 minutes"; tail -30 "$WORK/app.log"; exit 1; }
done
t1=$(date +%s.%N)
wait "$TOP_PID"
python3 -c "print('ingested $N messages in %.1f s: %.0f messages/s (from configuring the mailbox to its position past the last UID, polled every 0.5 s)' % ($t1 - $t0, $N / ($t1 - $t0)))"

echo "== 3. nothing lost, nothing twice"
$PSQL -c "select 'stored (IN)', count(*) from email_messages where direction = 'IN'
  union all select 'distinct Message-IDs', count(distinct message_key) from email_messages where direction = 'IN'
  union all select 'tickets from the mailbox', count(distinct ticket_id) from email_messages where direction = 'IN'
  union all select 'quarantined', count(*) from email_quarantine
  union all select 'acknowledgements queued', count(*) from email_outbound
  union all select 'attachments', count(*) from attachments a join email_messages e on e.ticket_id = a.ticket_id and e.direction = 'IN'" \
  | sed 's/|/: /'
missing=$($PSQL -c "select count(*) from generate_series(1, $N) g where not exists (select 1 from email_messages
  where message_id = '<bench-' || g || '@bench-customer.test>')")
echo "Message-IDs delivered but not stored: $missing"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
