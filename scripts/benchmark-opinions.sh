#!/usr/bin/env bash
# Benchmarks for the opinions module, run by hand (not in CI); results go to docs/benchmarks.md.
#  1. Public submissions per second and latency through the JSON API (wrk, loopback only, bounded).
#  2. A 100,000-row ledger export to Excel with a 256 MB heap (proves the export streams).
# Needs: a built jar (./mvnw -q -DskipTests package), wrk and psql (apt-get install -y wrk postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8099}
DURATION=${DURATION:-30s}
DATA=$(mktemp -d /tmp/civicloop-bench.XXXXXX)
JAR=target/civicloop.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package"; exit 1; }
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk"; exit 1; }

start_app() {
  java "$@" -jar "$JAR" --server.port="$PORT" --civicloop.data-dir="$DATA" --civicloop.demo=true \
    --civicloop.opinions.submissions-per-ip-per-hour=100000000 --civicloop.opinions.submissions-per-phone-per-day=100000000 \
    --civicloop.opinions.lookups-per-ip-per-minute=100000000 > "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 240); do
    # readiness turns UP only after the start-up runners (demo data) have finished
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && return 0
    sleep 0.5
  done
  echo "the app did not start; see $DATA/app.log"; exit 1
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; }
trap 'kill $APP 2>/dev/null || true' EXIT

echo "== 1. public submissions (wrk, 2 threads, 16 connections, $DURATION)"
start_app -Xmx1g
VILLAGE=520111101001  # 青岩镇, first village in demo/guiyang-regions.csv
cat > "$DATA/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"category":"URBAN","content":"基准测试意见 %d：小区路灯不亮，晚上出行不便","placeCode":"$VILLAGE","consent":false}', counter)
  return wrk.format(nil, "/public/api/opinions", nil, body)
end
LUA
BEFORE=$(psql -At "postgresql://postgres@127.0.0.1:$(sed -n 4p "$DATA/pgdata/postmaster.pid")/civicloop" -c "select count(*) from opinion")
wrk -t2 -c16 -d"$DURATION" --latency -s "$DATA/post.lua" "http://127.0.0.1:$PORT" | tee "$DATA/wrk.txt"
# a refused request must never pass for throughput: every response must be a 201
if grep -q "Non-2xx" "$DATA/wrk.txt"; then echo "FAILED: some submissions were refused; see $DATA/app.log"; exit 1; fi
PG_PORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
AFTER=$(psql -At "postgresql://postgres@127.0.0.1:$PG_PORT/civicloop" -c "select count(*) from opinion")
echo "opinions stored during the run: $((AFTER - BEFORE)) (wrk counted $(grep -o '[0-9]* requests in' "$DATA/wrk.txt"))"
stop_app

echo "== 2. 100,000-row ledger export with -Xmx256m"
start_app -Xmx256m
PG_PORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
psql -q "postgresql://postgres@127.0.0.1:$PG_PORT/civicloop" <<SQL
insert into opinion (receipt_code, channel, category, content, place_code, district_code, status, submitted_at, updated_at)
select 'B' || lpad(to_hex(g), 4, '0') || '-' || lpad(to_hex(g * 7919 % 1048576), 5, '0'), 'HOTLINE', 'URBAN',
       '批量生成的台账测试意见第 ' || g || ' 条：路面坑洼，雨天积水严重，希望尽快修补。', '$VILLAGE', '520111', 'SUBMITTED',
       now() - (g || ' seconds')::interval, now()
from generate_series(1, 100000) g;
SQL
echo "opinions now: $(psql -At "postgresql://postgres@127.0.0.1:$PG_PORT/civicloop" -c "select count(*) from opinion")"
COOKIES="$DATA/cookies.txt"
curl -s -c "$COOKIES" -o "$DATA/login.html" "http://127.0.0.1:$PORT/login"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$DATA/login.html" | head -1 | sed 's/.*value="//; s/"//')
curl -s -b "$COOKIES" -c "$COOKIES" -o /dev/null -d "username=office&password=Huaxi@2026&_csrf=$CSRF" "http://127.0.0.1:$PORT/login"
/usr/bin/time -f "export wall %e s, curl max RSS %M KB" curl -s -b "$COOKIES" -o "$DATA/ledger.xlsx" \
  -w "HTTP %{http_code}, %{size_download} bytes, first byte after %{time_starttransfer} s\n" \
  "http://127.0.0.1:$PORT/opinions/ledger.xlsx"
echo "app heap after export: $(jcmd "$APP" GC.heap_info 2>/dev/null | grep -E 'garbage-first heap|total' | head -1)"
grep -c "OutOfMemoryError" "$DATA/app.log" | sed 's/^/OutOfMemoryError lines in the log: /' || true
stop_app
echo "data left in $DATA"
