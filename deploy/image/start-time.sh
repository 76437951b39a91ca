#!/usr/bin/env bash
# Measures the image's start: from `podman run` to the first 200 of the sign-in page /sites/acme/login, RUNS times,
# with and without the AOT cache. Needs a running stack with the demo data (deploy/compose/stack.sh up --demo) for
# its PostgreSQL; the measured node runs in production mode (no demo profile) on PORT.
#
#   STACK=latchkey RUNS=5 deploy/image/start-time.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/deploy/podman.sh"
STACK=${STACK:-latchkey}
STACK_DIR=${STACK_DIR:-$LATCHKEY_CACHE/stack-$STACK}
RUNS=${RUNS:-5}
PORT=${PORT:-18091}
PG_PORT=${PG_PORT:-15432}
IMAGE=${IMAGE:-localhost/latchkey:latest}
. "$STACK_DIR/secrets.env"

measure() {
  local aot=$1 start end data
  data=$(mktemp -d) && chown 10001:10001 "$data"
  start=$(date +%s%N)
  pm run --detach --name "$STACK-start-time" --network host --read-only --read-only-tmpfs=false \
    --volume "$data:/data" --env LATCHKEY_AOT="$aot" \
    --env SERVER_PORT="$PORT" --env MANAGEMENT_SERVER_PORT=$((PORT + 1)) \
    --env SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/latchkey" \
    --env SPRING_DATASOURCE_USERNAME=latchkey --env SPRING_DATASOURCE_PASSWORD="$POSTGRES_PASSWORD" \
    --env LATCHKEY_ENCRYPTION_KEY="$LATCHKEY_ENCRYPTION_KEY" --env SPRING_MAIL_HOST=127.0.0.1 \
    --env LATCHKEY_BASE_URL="http://localhost:$PORT" "$IMAGE" >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/sites/acme/login")" = 200 ]; do
    [ "$(pm inspect --format '{{.State.Running}}' "$STACK-start-time" 2>/dev/null)" = true ] \
      || { echo "the node stopped" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  pm rm --force --time 10 "$STACK-start-time" >/dev/null
  rm -rf "$data"
  echo "$(( (end - start) / 1000000 ))"
}

for aot in on off; do
  times=()
  for _ in $(seq "$RUNS"); do times+=("$(measure "$aot")"); done
  echo "AOT cache $aot: ${times[*]} ms (load average $(cut -d' ' -f1 /proc/loadavg))"
done
