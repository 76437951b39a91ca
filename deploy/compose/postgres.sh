#!/bin/sh
# First start: initdb with password authentication and one database owned by POSTGRES_USER.
# Every start: run the server in the foreground on PGPORT.
set -eu
bin=/usr/lib/postgresql/15/bin
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_USER:?set POSTGRES_USER}" "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}" "${POSTGRES_DB:=$POSTGRES_USER}"
  printf '%s\n' "$POSTGRES_PASSWORD" | "$bin/initdb" --pgdata="$PGDATA" --username=postgres --pwfile=/dev/stdin \
    --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  echo "listen_addresses = '${POSTGRES_LISTEN:-127.0.0.1}'" >> "$PGDATA/postgresql.conf"
  "$bin/pg_ctl" --pgdata="$PGDATA" --options="-c listen_addresses='' -p $PGPORT" --wait start >/dev/null
  psql -v ON_ERROR_STOP=1 --port="$PGPORT" --dbname=postgres --quiet \
    --set=user="$POSTGRES_USER" --set=password="$POSTGRES_PASSWORD" --set=db="$POSTGRES_DB" <<'SQL'
create role :"user" login password :'password';
create database :"db" owner :"user";
SQL
  "$bin/pg_ctl" --pgdata="$PGDATA" --mode=fast --wait stop >/dev/null
fi
exec "$bin/postgres" -D "$PGDATA" -p "$PGPORT"
