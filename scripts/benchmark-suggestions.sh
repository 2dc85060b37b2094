#!/usr/bin/env bash
# Benchmark for the suggestions module, run by hand (not in CI); results go to docs/benchmarks.md.
# Generates 50,000 suggestions (scripts/generate-suggestions.sql) on a fresh embedded database and
# times the office's ledger, a unit's inbox and the statistics dashboard over HTTP: 5 warm-up
# requests, then ROUNDS timed ones per page (curl's total time, loopback).
# Needs: a built jar (./mvnw -q -DskipTests package) and psql (apt-get install -y postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8098}
N=${N:-50000}
ROUNDS=${ROUNDS:-30}
DATA=$(mktemp -d /tmp/civicloop-bench.XXXXXX)
JAR=target/civicloop.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package"; exit 1; }
command -v psql >/dev/null || { echo "install psql: apt-get install -y postgresql-client"; exit 1; }

java -Xmx1g -jar "$JAR" --server.port="$PORT" --civicloop.data-dir="$DATA" --civicloop.demo=true > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && break
  sleep 0.5
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" || { echo "the app did not start; see $DATA/app.log"; exit 1; }
PG="postgresql://postgres@127.0.0.1:$(sed -n 4p "$DATA/pgdata/postmaster.pid")/civicloop"

echo "== generating $N suggestions"
/usr/bin/time -f "generated in %e s" psql -q -v n="$N" "$PG" -f scripts/generate-suggestions.sql
psql -At "$PG" -c "select 'suggestions ' || (select count(*) from suggestion) || ', assignments ' || (select count(*) from suggestion_assignment) || ', replies ' || (select count(*) from suggestion_reply) || ', contacts ' || (select count(*) from suggestion_contact)"
UNIT_ID=$(psql -At "$PG" -c "select unit_id from account where username = 'unit'")
psql -At "$PG" -c "select 'active assignments of the unit account''s unit: ' || count(*) from suggestion_assignment where unit_id = $UNIT_ID and status in ('ASSIGNED','SIGNED','RETURN_REQUESTED','EXTENSION_REQUESTED')"

login() { # $1 user, $2 cookie jar
  curl -s -c "$2" -o "$DATA/login.html" "http://127.0.0.1:$PORT/login"
  local csrf
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$DATA/login.html" | head -1 | sed 's/.*value="//; s/"//')
  curl -s -b "$2" -c "$2" -o /dev/null -d "username=$1&password=Huaxi@2026&_csrf=$csrf" "http://127.0.0.1:$PORT/login"
}
login office "$DATA/office.txt"
login unit "$DATA/unit.txt"

measure() { # $1 label, $2 cookie jar, $3 path
  local url="http://127.0.0.1:$PORT$3" code
  code=$(curl -s -b "$2" -o "$DATA/page.html" -w "%{http_code}" "$url")
  [ "$code" = 200 ] || { echo "FAILED: $3 answered $code"; exit 1; }
  for _ in 1 2 3 4 5; do curl -s -b "$2" -o /dev/null "$url"; done
  for _ in $(seq 1 "$ROUNDS"); do curl -s -b "$2" -o /dev/null -w "%{time_total}\n" "$url"; done | sort -n | awk -v label="$1" -v bytes="$(wc -c < "$DATA/page.html")" '
    { t[NR] = $1 * 1000 }
    END { printf "%-44s median %6.1f ms  p90 %6.1f ms  max %6.1f ms  (%d requests, %d bytes)\n", label, t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], t[NR], NR, bytes }'
}

echo "== pages (office unless noted; $ROUNDS timed requests each after 5 warm-up)"
measure "ledger, first page, no filter" "$DATA/office.txt" "/suggestions/ledger"
measure "ledger, 2026, overdue only" "$DATA/office.txt" "/suggestions/ledger?year=2026&overdueOnly=true"
measure "ledger, one unit, class B" "$DATA/office.txt" "/suggestions/ledger?unitId=$UNIT_ID&resultClass=B"
measure "office list (/suggestions)" "$DATA/office.txt" "/suggestions"
measure "unit inbox (unit account)" "$DATA/unit.txt" "/suggestions/inbox"
measure "dashboard, 2026 (year)" "$DATA/office.txt" "/suggestions/dashboard?period=2026"
measure "dashboard, 2026-Q3 (quarter)" "$DATA/office.txt" "/suggestions/dashboard?period=2026-Q3"
measure "dashboard, 2026-11 (month)" "$DATA/office.txt" "/suggestions/dashboard?period=2026-11"
kill "$APP"; wait "$APP" 2>/dev/null || true
echo "data left in $DATA"
