#!/usr/bin/env bash
# Two Latchkey nodes, PostgreSQL 15 and HAProxy on one machine, with plain podman commands (host network).
#
#   deploy/compose/stack.sh build            # the three images (Latchkey, PostgreSQL, HAProxy)
#   deploy/compose/stack.sh up [--demo]      # start everything, node 1 first; --demo loads the demo data
#   deploy/compose/stack.sh ps | logs NAME   # NAME: postgres, node1, node2, lb
#   deploy/compose/stack.sh save-logs DIR    # every container's log into DIR/NAME.log
#   deploy/compose/stack.sh restart NODE     # drain in HAProxy, stop (SIGTERM), start, wait until ready
#   deploy/compose/stack.sh kill NODE | start NODE | wait NODE
#   deploy/compose/stack.sh down [--volumes] # remove the containers (and the data volumes)
#
# Settings come from the environment (defaults below). SPRING_MAIL_HOST is required: Latchkey sends its codes
# there. The database password and the encryption key are generated at the first `up` and kept in
# $STACK_DIR/secrets.env (mode 600): back up the encryption key with the database (docs/deploy.md).
# NODE_ENV_FILE names an optional file of further settings for both nodes (KEY=value lines, e.g.
# LATCHKEY_DELIVERY_CLAIM_TIMEOUT=PT15S).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/deploy/podman.sh"

STACK=${STACK:-latchkey}
STACK_DIR=${STACK_DIR:-$LATCHKEY_CACHE/stack-$STACK}
LB_ADDRESS=${LB_ADDRESS:-0.0.0.0}
LB_PORT=${LB_PORT:-18080}
LB_ADMIN_PORT=${LB_ADMIN_PORT:-18089}
NODE1_PORT=${NODE1_PORT:-18081}
NODE2_PORT=${NODE2_PORT:-18082}
NODE1_MANAGEMENT_PORT=${NODE1_MANAGEMENT_PORT:-19081}
NODE2_MANAGEMENT_PORT=${NODE2_MANAGEMENT_PORT:-19082}
PG_PORT=${PG_PORT:-15432}
IMAGE=${IMAGE:-localhost/latchkey:latest}
BASE_URL=${LATCHKEY_BASE_URL:-http://localhost:$LB_PORT}
# readiness of a node: the actuator's readiness group on its management port (up after migrations and demo data)
CHECK_PATH=${CHECK_PATH:-/actuator/health/readiness}
CHECK_ON_MANAGEMENT_PORT=${CHECK_ON_MANAGEMENT_PORT:-1}
READY_TIMEOUT=${READY_TIMEOUT:-180}

mkdir -p "$STACK_DIR"
chmod 700 "$STACK_DIR"

secrets() {
  if [ ! -s "$STACK_DIR/secrets.env" ]; then
    umask 077
    {
      echo "POSTGRES_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
      echo "LATCHKEY_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)"
    } > "$STACK_DIR/secrets.env"
  fi
  # shellcheck disable=SC1091
  . "$STACK_DIR/secrets.env"
  # secrets go to the containers in files, never on a command line (ps, shell history)
  (umask 077
   echo "POSTGRES_PASSWORD=$POSTGRES_PASSWORD" > "$STACK_DIR/postgres.env"
   { echo "SPRING_DATASOURCE_PASSWORD=$POSTGRES_PASSWORD"; echo "LATCHKEY_ENCRYPTION_KEY=$LATCHKEY_ENCRYPTION_KEY"; } \
     > "$STACK_DIR/node.env")
}

node_port() { [ "$1" = node1 ] && echo "$NODE1_PORT" || echo "$NODE2_PORT"; }
node_management_port() { [ "$1" = node1 ] && echo "$NODE1_MANAGEMENT_PORT" || echo "$NODE2_MANAGEMENT_PORT"; }
check_port() { if [ "$CHECK_ON_MANAGEMENT_PORT" = 1 ]; then node_management_port "$1"; else node_port "$1"; fi; }

build() {
  "$root/deploy/image/build.sh"
  debian_image latchkey-postgres-base postgresql-15
  pm build --network host --quiet --file "$here/postgres.Containerfile" --tag "localhost/latchkey-postgres:15" "$here" >/dev/null
  debian_image latchkey-haproxy-base haproxy
  pm build --network host --quiet --file "$here/haproxy.Containerfile" --tag "localhost/latchkey-haproxy:latest" "$here" >/dev/null
  echo "built $IMAGE, localhost/latchkey-postgres:15, localhost/latchkey-haproxy:latest"
}

start_postgres() {
  # read-only but for the data volume and podman's tmpfs on /run (the socket), /tmp and /var/tmp
  pm run --detach --name "$STACK-postgres" --network host --read-only \
    --volume "$STACK-pgdata:/var/lib/postgresql/data" \
    --env PGPORT="$PG_PORT" --env POSTGRES_USER=latchkey --env POSTGRES_DB=latchkey \
    --env-file "$STACK_DIR/postgres.env" "localhost/latchkey-postgres:15" >/dev/null
  local deadline=$((SECONDS + 60))
  until pm exec "$STACK-postgres" /usr/lib/postgresql/15/bin/pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; do
    if [ "$(pm inspect --format '{{.State.Running}}' "$STACK-postgres" 2>/dev/null)" != true ]; then
      echo "PostgreSQL stopped while starting:" >&2; pm logs --tail 40 "$STACK-postgres" >&2; exit 1
    fi
    [ $SECONDS -lt $deadline ] || { echo "PostgreSQL not ready within 60 s" >&2; pm logs "$STACK-postgres" >&2; exit 1; }
    sleep 0.5
  done
}

# start_node NAME [ARGS...]: a Latchkey node, read-only but for its data volume
start_node() {
  local name=$1; shift
  local extra=()
  [ -n "${NODE_ENV_FILE:-}" ] && extra+=(--env-file "$NODE_ENV_FILE")
  pm run --detach --name "$STACK-$name" --network host --read-only --read-only-tmpfs=false \
    --stop-timeout 60 --volume "$STACK-$name-data:/data" "${extra[@]}" \
    --env SERVER_PORT="$(node_port "$name")" --env MANAGEMENT_SERVER_PORT="$(node_management_port "$name")" \
    --env SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/latchkey" \
    --env SPRING_DATASOURCE_USERNAME=latchkey --env-file "$STACK_DIR/node.env" \
    --env SERVER_FORWARD_HEADERS_STRATEGY=native --env 'SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES=127\.0\.0\.1' \
    --env SPRING_MAIL_HOST="${SPRING_MAIL_HOST:?set SPRING_MAIL_HOST (and SPRING_MAIL_PORT): the nodes send codes there}" \
    --env SPRING_MAIL_PORT="${SPRING_MAIL_PORT:-25}" \
    --env LATCHKEY_BASE_URL="$BASE_URL" \
    ${LATCHKEY_BOOTSTRAP_ADMIN_EMAIL:+--env LATCHKEY_BOOTSTRAP_ADMIN_EMAIL="$LATCHKEY_BOOTSTRAP_ADMIN_EMAIL"} \
    ${LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD:+--env LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD="$LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD"} \
    "$IMAGE" "$@" >/dev/null
}

wait_node() {
  local name=$1 url
  url="http://127.0.0.1:$(check_port "$name")$CHECK_PATH"
  local deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [ "$(pm inspect --format '{{.State.Running}}' "$STACK-$name" 2>/dev/null)" != true ]; then
      echo "$name stopped while starting:" >&2; pm logs --tail 40 "$STACK-$name" >&2; exit 1
    fi
    [ $SECONDS -lt $deadline ] || { echo "$name not ready within $READY_TIMEOUT s" >&2; exit 1; }
    sleep 0.25
  done
}

start_lb() {
  pm run --detach --name "$STACK-lb" --network host --read-only \
    --volume "$here/haproxy.cfg:/etc/haproxy/haproxy.cfg:ro" \
    --env LB_ADDRESS="$LB_ADDRESS" --env LB_PORT="$LB_PORT" --env LB_ADMIN_PORT="$LB_ADMIN_PORT" \
    --env CHECK_PATH="$CHECK_PATH" \
    --env NODE1_PORT="$NODE1_PORT" --env NODE2_PORT="$NODE2_PORT" \
    --env NODE1_CHECK_PORT="$(check_port node1)" --env NODE2_CHECK_PORT="$(check_port node2)" \
    "localhost/latchkey-haproxy:latest" >/dev/null
}

up() {
  secrets
  local args=()
  # the demo profile (demo data, dev inbox for loopback clients); the settings above still choose database and mail
  [ "${1:-}" = --demo ] && args=(--spring.profiles.active=demo)
  start_postgres
  # node 1 alone first: it migrates the schema (and loads the demo data) before node 2 starts
  start_node node1 "${args[@]}"
  wait_node node1
  start_node node2 "${args[@]}"
  wait_node node2
  start_lb
  echo "up: http://localhost:$LB_PORT (nodes on $NODE1_PORT and $NODE2_PORT)"
}

# lb COMMAND: one command to HAProxy's runtime API; answers its reply (empty when HAProxy is not running)
lb() {
  local reply=""
  if exec 3<>"/dev/tcp/127.0.0.1/$LB_ADMIN_PORT"; then
    printf '%s\n' "$1" >&3
    reply=$(cat <&3)
    exec 3<&-
  fi 2>/dev/null
  printf '%s' "$reply"
}

# restart NODE: drain it in HAProxy (no new requests, those in flight finish), stop it with SIGTERM, start it,
# wait until it is ready, give it traffic again, and wait until HAProxy counts it in service
restart() {
  local name=$1
  lb "set server nodes/$name state drain" >/dev/null
  local deadline=$((SECONDS + 15)) serving
  # field 5 of "show stat" is scur: the requests the node is serving now (nothing when HAProxy is not running)
  while [ $SECONDS -lt $deadline ]; do
    serving=$(lb "show stat" | awk -F, -v n="$name" '$1 == "nodes" && $2 == n { print $5 }')
    [ -z "$serving" ] || [ "$serving" = 0 ] && break
    sleep 0.2
  done
  pm stop --time 60 "$STACK-$name" >/dev/null
  pm start "$STACK-$name" >/dev/null
  wait_node "$name"
  lb "set server nodes/$name state ready" >/dev/null
  # return only when HAProxy sends it traffic again (its health check must pass twice after the stop took it down):
  # a restart of the other node started sooner would leave no node in service. Field 18 of "show stat" is status.
  local status
  deadline=$((SECONDS + 30))
  while [ $SECONDS -lt $deadline ]; do
    status=$(lb "show stat" | awk -F, -v n="$name" '$1 == "nodes" && $2 == n { print $18 }')
    [ -z "$status" ] || [ "${status%% *}" = UP ] && break
    sleep 0.2
  done
}

down() {
  pm rm --force --ignore --time 60 "$STACK-lb" "$STACK-node1" "$STACK-node2" "$STACK-postgres" >/dev/null
  if [ "${1:-}" = --volumes ]; then
    pm volume rm --force "$STACK-pgdata" "$STACK-node1-data" "$STACK-node2-data" >/dev/null 2>&1 || true
    rm -f "$STACK_DIR/secrets.env" "$STACK_DIR/postgres.env" "$STACK_DIR/node.env"
  fi
}

node_arg() {
  case "${1:-}" in node1|node2) ;; *) echo "name a node: node1 or node2" >&2; exit 2;; esac
}

case "${1:-}" in
  build) build ;;
  up) shift; up "$@" ;;
  down) shift; down "$@" ;;
  ps) pm ps --all --filter "name=^$STACK-" ;;
  logs) pm logs "$STACK-${2:?name: postgres, node1, node2 or lb}" ;;
  save-logs)
    mkdir -p "${2:?directory}"
    for name in postgres node1 node2 lb; do pm logs "$STACK-$name" > "$2/$name.log" 2>&1 || true; done ;;
  kill) node_arg "${2:-}"; pm kill "$STACK-$2" >/dev/null ;;
  start) node_arg "${2:-}"; pm start "$STACK-$2" >/dev/null; wait_node "$2" ;;
  wait) node_arg "${2:-}"; wait_node "$2" ;;
  restart) node_arg "${2:-}"; restart "$2" ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
