#!/usr/bin/env bash
# Starts a local Herald cluster under DIR without Docker: ZooKeeper and two SolrCloud nodes, each its own
# JVM run from the Maven artifacts, and a PostgreSQL from the Debian package. Creates the Solr collection
# and writes DIR/herald.yaml, a Herald config that uses them (pass it with --config). Data, logs and pid
# files stay under DIR; scripts/cluster-down.sh DIR stops everything.
#
# Settings (environment): HERALD_ZK_PORT, HERALD_SOLR_PORTS ("P1 P2"), HERALD_PG_PORT (free ports by
# default), HERALD_SOLR_SHARDS (2), HERALD_SOLR_REPLICAS (1), HERALD_SOLR_HEAP (512m).
set -euo pipefail

if [[ $# -ne 1 || "$1" == -* ]]; then
  echo "usage: scripts/cluster-up.sh DIR   (then: ./herald ask \"...\" --config DIR/herald.yaml; scripts/cluster-down.sh DIR)" >&2
  exit 2
fi
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
dir="$(cd "$1" && pwd)"
run="$dir/run"
logs="$dir/logs"
mkdir -p "$run" "$logs"

say() { echo "cluster-up: $*" >&2; }
die() { echo "cluster-up: $*" >&2; exit 1; }

alive() { [[ -f "$run/$1.pid" ]] && kill -0 "$(cat "$run/$1.pid")" 2>/dev/null; }
for p in zookeeper solr1 solr2; do
  if alive "$p"; then die "$p is already running under $dir (pid $(cat "$run/$p.pid")); run scripts/cluster-down.sh $dir first"; fi
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Ports are chosen once and kept, so that a restarted cluster finds its data where ZooKeeper says it is.
if [[ -f "$run/ports.env" ]]; then
  # shellcheck disable=SC1091
  source "$run/ports.env"
else
  ZK_PORT="${HERALD_ZK_PORT:-$(free_port)}"
  read -r SOLR1_PORT SOLR2_PORT <<<"${HERALD_SOLR_PORTS:-$(free_port) $(free_port)}"
  PG_PORT="${HERALD_PG_PORT:-$(free_port)}"
  printf 'ZK_PORT=%s\nSOLR1_PORT=%s\nSOLR2_PORT=%s\nPG_PORT=%s\n' "$ZK_PORT" "$SOLR1_PORT" "$SOLR2_PORT" "$PG_PORT" >"$run/ports.env"
fi
shards="${HERALD_SOLR_SHARDS:-2}"
replicas="${HERALD_SOLR_REPLICAS:-1}"
heap="${HERALD_SOLR_HEAP:-512m}"

# 1. Herald's classes and the class path of the Solr artifacts (test scope: solr-test-framework runs the nodes).
say "building Herald and resolving the Solr artifacts (Maven)..."
mvn_opts=(-q -B)
if ! (cd "$home" && mvn "${mvn_opts[@]}" -o test-compile >"$logs/build.log" 2>&1); then
  (cd "$home" && mvn "${mvn_opts[@]}" test-compile >"$logs/build.log" 2>&1) || { cat "$logs/build.log" >&2; die "build failed"; }
fi
(cd "$home" && mvn "${mvn_opts[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$run/classpath.txt" \
  >>"$logs/build.log" 2>&1) || { cat "$logs/build.log" >&2; die "resolving the class path failed"; }
cp="$home/target/test-classes:$home/target/classes:$(cat "$run/classpath.txt")"

# One log file per process, rolled by logback (the test logging config would silence Solr).
cat >"$run/logback.xml" <<'XML'
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>${herald.log}</file>
    <encoder><pattern>%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
XML

# 2. ZooKeeper (standalone), data under DIR/zookeeper.
mkdir -p "$dir/zookeeper/data"
cat >"$dir/zookeeper/zoo.cfg" <<CFG
tickTime=2000
dataDir=$dir/zookeeper/data
clientPort=$ZK_PORT
clientPortAddress=127.0.0.1
admin.enableServer=false
4lw.commands.whitelist=ruok,mntr,conf,srvr
CFG
say "starting ZooKeeper on 127.0.0.1:$ZK_PORT"
nohup java -Xmx128m -cp "$cp" -Dlogback.configurationFile="$run/logback.xml" -Dherald.log="$logs/zookeeper.log" \
  org.apache.zookeeper.server.quorum.QuorumPeerMain "$dir/zookeeper/zoo.cfg" >"$logs/zookeeper.out" 2>&1 &
echo $! >"$run/zookeeper.pid"
for _ in $(seq 1 60); do port_open "$ZK_PORT" && break; sleep 0.5; done
port_open "$ZK_PORT" || die "ZooKeeper did not open port $ZK_PORT (see $logs/zookeeper.log)"

# 3. Two Solr nodes, each its own JVM, cores under DIR/solr1 and DIR/solr2.
for n in 1 2; do
  port_var="SOLR${n}_PORT"
  port="${!port_var}"
  say "starting Solr node $n on 127.0.0.1:$port"
  nohup java "-Xmx$heap" -cp "$cp" -Dlogback.configurationFile="$run/logback.xml" -Dherald.log="$logs/solr$n.log" \
    -Dsolr.log.dir="$logs" dev.herald.index.SolrNodeMain "$dir/solr$n" "$port" "127.0.0.1:$ZK_PORT" >"$logs/solr$n.out" 2>&1 &
  echo $! >"$run/solr$n.pid"
done
for n in 1 2; do
  port_var="SOLR${n}_PORT"
  port="${!port_var}"
  ok=
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$port/solr/admin/info/system?wt=json" >/dev/null 2>&1; then ok=1; break; fi
    alive "solr$n" || die "Solr node $n exited (see $logs/solr$n.out and $logs/solr$n.log)"
    sleep 0.5
  done
  [[ -n "$ok" ]] || die "Solr node $n did not answer within 2 minutes (see $logs/solr$n.log)"
done

# 4. PostgreSQL from the Debian package, cluster under DIR/postgresql, run as the postgres user when we are root.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [[ -z "$pg_bin" ]]; then
  [[ $(id -u) -eq 0 ]] || die "PostgreSQL is not installed; run: sudo apt-get install -y postgresql"
  say "installing PostgreSQL (apt-get install postgresql)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >"$logs/apt.log" 2>&1 \
    || { apt-get update -q >>"$logs/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >>"$logs/apt.log" 2>&1; } \
    || die "apt-get install postgresql failed (see $logs/apt.log)"
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
pg="$dir/postgresql"
mkdir -p "$pg/sock"
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [[ $(id -u) -eq 0 ]]; then chown postgres "$pg" "$pg/sock"; touch "$logs/postgresql.log"; chown postgres "$logs/postgresql.log"; fi
if [[ ! -f "$pg/data/PG_VERSION" ]]; then
  say "creating a PostgreSQL cluster in $pg/data"
  as_pg "$pg_bin/initdb" -D "$pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >"$logs/initdb.log" 2>&1 \
    || die "initdb failed (see $logs/initdb.log)"
fi
say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
as_pg "$pg_bin/pg_ctl" -D "$pg/data" -l "$logs/postgresql.log" -w -t 60 \
  -o "-p $PG_PORT -k $pg/sock -c listen_addresses=127.0.0.1" start >/dev/null \
  || die "PostgreSQL did not start (see $logs/postgresql.log)"
pw_file="$pg/herald.password"
if [[ ! -f "$pw_file" ]]; then
  (umask 077; python3 -c 'import secrets; print(secrets.token_urlsafe(24))' >"$pw_file")
fi
pw="$(cat "$pw_file")"
psql_pg() { as_pg "$pg_bin/psql" -h "$pg/sock" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [[ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = 'herald'")" != "1" ]]; then
  psql_pg -c "CREATE ROLE herald LOGIN PASSWORD '$pw'" >/dev/null
fi
if [[ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = 'herald'")" != "1" ]]; then
  psql_pg -c "CREATE DATABASE herald OWNER herald" >/dev/null
fi

# 5. The Herald config that uses all of it (it holds the database password: readable by its owner only).
(umask 077; cat >"$dir/herald.yaml" <<YAML
# Written by scripts/cluster-up.sh: a Herald that uses the local cluster under $dir.
# Pass it with --config $dir/herald.yaml; stop the cluster with scripts/cluster-down.sh $dir.
data: $dir/herald-data
index:
  backend: solr
  solr:
    zk-hosts: [127.0.0.1:$ZK_PORT]
    collection: herald
    shards: $shards
    replicas: $replicas
state:
  url: jdbc:postgresql://127.0.0.1:$PG_PORT/herald?user=herald&password=$pw
YAML
)

# 6. The collection: configset config/solr/ uploaded, shards x replicas created.
say "creating the Solr collection (herald solr init)"
"$home/herald" solr init --config "$dir/herald.yaml" >&2 || die "herald solr init failed"

cat <<DONE
Cluster up under $dir:
  ZooKeeper   127.0.0.1:$ZK_PORT                    pid $(cat "$run/zookeeper.pid")
  Solr node 1 http://127.0.0.1:$SOLR1_PORT/solr     pid $(cat "$run/solr1.pid")
  Solr node 2 http://127.0.0.1:$SOLR2_PORT/solr     pid $(cat "$run/solr2.pid")
  PostgreSQL  127.0.0.1:$PG_PORT database herald, user herald
  Logs        $logs
Use it:  ./herald index --config $dir/herald.yaml && ./herald ask "Where did Trump and Putin meet?" --config $dir/herald.yaml
Stop it: scripts/cluster-down.sh $dir
DONE
