#!/usr/bin/env bash
# Stops what scripts/cluster-up.sh DIR started (Solr nodes, ZooKeeper, PostgreSQL); data and logs stay in
# DIR, so cluster-up.sh DIR starts the same cluster again.
set -euo pipefail

if [[ $# -ne 1 || "$1" == -* ]]; then
  echo "usage: scripts/cluster-down.sh DIR" >&2
  exit 2
fi
[[ -d "$1" ]] || { echo "cluster-down: $1: no such folder" >&2; exit 1; }
dir="$(cd "$1" && pwd)"
run="$dir/run"

stop() {
  local name="$1" pidfile="$run/$1.pid"
  [[ -f "$pidfile" ]] || return 0
  local pid
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    echo "cluster-down: stopping $name (pid $pid)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "cluster-down: $name did not stop within 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pidfile"
}

# Solr before ZooKeeper, so that the nodes leave the cluster cleanly.
stop solr2
stop solr1
stop zookeeper

pg="$dir/postgresql"
if [[ -f "$pg/data/postmaster.pid" ]]; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  echo "cluster-down: stopping PostgreSQL" >&2
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null
  else
    "$pg_bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null
  fi
fi
echo "cluster-down: stopped; data and logs remain in $dir" >&2
