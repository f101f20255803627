# Sourced by scripts that need a PostgreSQL server they may throw away.
# throwaway_postgres DIR: starts a cluster in DIR/pgdata (initdb, pg_ctl; as the postgres user when
# run as root) on a free loopback port, stopped when the calling shell exits; sets $postgres to its
# administrator URL (role sipas_admin, trusted on loopback).
throwaway_postgres() {
  local dir=$1 bin port
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_run=(); [ "$(id -u)" = 0 ] && { chown postgres "$dir"; pg_run=(runuser -u postgres --); }
  port=$((20000 + RANDOM % 20000))
  rm -rf "$dir/pgdata"
  "${pg_run[@]}" "$bin/initdb" -D "$dir/pgdata" -A trust -U sipas_admin -E UTF8 >/dev/null
  "${pg_run[@]}" "$bin/pg_ctl" -D "$dir/pgdata" -l "$dir/pg.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_wal_size=4GB" start >/dev/null
  pg_stop="\"\${pg_run[@]}\" $bin/pg_ctl -D $dir/pgdata -m fast stop >/dev/null"
  trap "$pg_stop" EXIT
  postgres="postgres://sipas_admin@127.0.0.1:$port/postgres"
}
