#!/bin/bash
# The AOT cache's training run, inside the image build: Latchkey with the demo data on an in-memory H2 (no network
# but loopback), started fully, its sign-in page and readiness fetched once, then stopped with SIGTERM. At exit the
# JVM writes the classes it loaded and linked, and the method profiles it gathered, to the AOT cache.
set -euo pipefail
port=$1 management=$((port + 1)) out=$2
cd /tmp
/opt/latchkey/jre/bin/java -XX:+UseSerialGC -Xss512k -XX:MaxRAM=1g -XX:-UsePerfData -XX:AOTCacheOutput="$out" \
  -Djava.io.tmpdir=/tmp -jar /opt/latchkey/app/latchkey.jar --spring.profiles.active=demo \
  --spring.datasource.url='jdbc:h2:mem:training;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH' \
  --spring.mail.host=127.0.0.1 --spring.mail.port=25 --server.port="$port" --management.server.port="$management" \
  --latchkey.encryption-key="$(head -c 32 /dev/urandom | base64)" --logging.level.root=warn &
pid=$!

# status line of GET path on a port, through bash's /dev/tcp (the image has no curl)
status() {
  local line=""
  if exec 3<>"/dev/tcp/127.0.0.1/$1"; then
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nAccept: */*\r\n\r\n' "$2" >&3
    read -r line <&3 || true
    exec 3<&-
  fi
  echo "$line"
}

ready=""
for _ in $(seq 1 600); do
  kill -0 "$pid" 2>/dev/null || { echo "training run ended early" >&2; exit 1; }
  case "$(status "$management" /actuator/health/readiness 2>/dev/null)" in *" 200"*) ready=1; break ;; esac
  sleep 0.5
done
[ -n "$ready" ] || { echo "training run not ready within 5 minutes" >&2; kill -KILL "$pid"; exit 1; }
for path in /sites/acme/login /sites/acme/login /admin/login /sites/; do status "$port" "$path" >/dev/null; done
kill -TERM "$pid"
wait "$pid" || true
test -s "$out"
