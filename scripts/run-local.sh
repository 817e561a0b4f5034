#!/usr/bin/env bash
# Mezite's main job on one machine: a hub on SQLite and an agent joined to it with a one-time token, both in the
# background with their logs under run/, and an invite for you as the first user. Builds the archives first when they
# are missing (or with --build). Ctrl-C stops both.
#   scripts/run-local.sh            start (the hub keeps its state in run/mezhub/data between runs)
#   scripts/run-local.sh --build    rebuild the archives first
#   scripts/run-local.sh --fresh    forget the previous run's state
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN="$ROOT/run"
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
HUB_ARCHIVE="$ROOT/distribution/target/mezhub-$VERSION.tar.gz"
AGENT_ARCHIVE="$ROOT/agent/target/mezd-$VERSION.tar.gz"
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi

build=false
for arg in "$@"; do
    case "$arg" in
        --build) build=true ;;
        --fresh) rm -rf "$RUN" ;;
        *) echo "usage: $0 [--build] [--fresh]" >&2; exit 2 ;;
    esac
done
if $build || [ ! -f "$HUB_ARCHIVE" ] || [ ! -f "$AGENT_ARCHIVE" ]; then
    echo "== building Mezite (mvn install, tests skipped; the test command is in README.md)"
    (cd "$ROOT" && mvn -B -q -T 2 install -DskipTests)
fi

mkdir -p "$RUN"
HUB="$RUN/mezhub"
AGENT="$RUN/mezd"
if [ ! -d "$HUB" ]; then
    tar xzf "$HUB_ARCHIVE" -C "$RUN" && mv "$RUN/mezhub-$VERSION" "$HUB"
fi
rm -rf "$AGENT" && tar xzf "$AGENT_ARCHIVE" -C "$RUN" && mv "$RUN/mezd-$VERSION" "$AGENT"

pids=()
cleanup() {
    echo
    echo "== stopping"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 0' INT TERM

echo "== starting the hub (log: run/mezhub.log)"
"$HUB/bin/mezhub" >"$RUN/mezhub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
    if ! kill -0 "${pids[0]}" 2>/dev/null; then
        echo "the hub exited:" >&2; tail -n 20 "$RUN/mezhub.log" >&2; exit 1
    fi
    if [ -f "$HUB/etc/admin.key" ] && "$HUB/bin/client" -r 1 mezite:status </dev/null 2>/dev/null | grep -q "Status:    healthy"; then
        break
    fi
    sleep 1
done
"$HUB/bin/client" mezite:status </dev/null

echo "== starting the agent (log: run/mezd.log)"
node_name=$(hostname -s | tr -c 'A-Za-z0-9._\n-' '-')
if [ ! -f "$RUN/mezd.conf" ]; then
    # First run: a one-time join token, and the hub's CA pin so the agent can check it is talking to this hub.
    token_out=$("$HUB/bin/client" "mezite:token-add --labels env=dev" </dev/null)
    token=$(sed -n 's/^Join token: //p' <<<"$token_out")
    pin=$(sed -n 's/^ *ca_pin = //p' <<<"$token_out")
    [ -n "$token" ] && [ -n "$pin" ] || { echo "could not create a join token:" >&2; echo "$token_out" >&2; exit 1; }
    cat >"$RUN/mezd.conf" <<CONF
node_name = $node_name
hub = 127.0.0.1:3025
data_dir = $RUN/mezd-data
labels = env=dev
token = $token
ca_pin = $pin
CONF
fi
"$AGENT/bin/mezd" start --config "$RUN/mezd.conf" >"$RUN/mezd.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do grep -q "bundles active" "$RUN/mezd.log" 2>/dev/null && break; sleep 1; done
grep "bundles active" "$RUN/mezd.log" || { echo "the agent did not start:" >&2; tail -n 20 "$RUN/mezd.log" >&2; exit 1; }
for _ in $(seq 1 30); do
    "$HUB/bin/client" mezite:node-list </dev/null | grep -q "$node_name.*online.*up" && break
    sleep 1
done
"$HUB/bin/client" mezite:node-list </dev/null

me=$(id -un)
invite=""
if ! "$HUB/bin/client" mezite:user-list </dev/null | grep -q "^$me "; then
    echo "== inviting you ($me) as the first user"
    invite=$("$HUB/bin/client" "mezite:user-add $me --roles access,editor,auditor --logins $me" </dev/null)
fi

cat <<INFO

Mezite is running: hub on SQLite (run/mezhub/data/mezite.db), agent $node_name joined, its tunnel up.
$invite
Next, as $me:
  MSH=client/target/msh-$VERSION/bin/msh
  \$MSH signup --proxy 127.0.0.1:3080 --token TOKEN --ca-pin PIN      (the command printed above)
  \$MSH login --proxy 127.0.0.1:3080 --user $me --ca-pin PIN
  \$MSH status
  \$MSH ls
  \$MSH ssh $me@$node_name                   (a shell on this machine, through the proxy and the agent's tunnel)
  \$MSH config >> ~/.ssh/config; ssh $me@$node_name.mezite    (plain OpenSSH)

  Admin console:   run/mezhub/bin/client              (e.g. run/mezhub/bin/client mezite:node-list)
  Hub log:         tail -f run/mezhub.log
  Agent log:       tail -f run/mezd.log
  Client:          client/target/msh-$VERSION/bin/msh --help
Press Ctrl-C to stop both.
INFO
wait "${pids[0]}"
