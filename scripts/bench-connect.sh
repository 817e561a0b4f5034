#!/usr/bin/env bash
# Mezite's connect path against an OpenSSH bastion, side by side, in one run on this machine (docs/benchmarks.md):
#   (a) sequential new sessions `exec true`: stock `ssh -J` through each jump host, and the same from inside one
#       warmed-up JVM (bench/, MINA SSHD), with the time split into phases;
#   (b) msh's start-up time;
#   (c) bulk throughput both ways, checked with sha256 on both ends;
#   (d) interactive sessions (pty + shell) held open at once, with the servers' memory before and after.
# Everything runs on loopback from a work directory under /tmp: a bastion sshd and a node sshd (Debian's sshd, with a
# user CA and a host CA), and a hub (mezhub) with one joined agent (mezd) from this checkout's archives
# (distribution/target, agent/target; build them first with `mvn install -DskipTests`). It prints a markdown table.
#
#   scripts/bench-connect.sh [--quick] [-n N] [--size MiB] [-k K] [--openssh-only] [--keep] [--out FILE]
#     --quick          N=30 sessions, 64 MiB, K=100 held sessions (default N=200, 1024 MiB, K=1000)
#     -n N             sequential sessions per measurement (a)
#     --warmup W       untimed sessions before each measurement (default 10; 3 with --quick)
#     --size MiB       bulk transfer size (c)
#     -k K             sessions held open (d)
#     --parallel P     held sessions being opened at a time (default 8)
#     --openssh-only   leave Mezite out (e.g. while its archives are not built)
#     --skip-bulk, --skip-hold, --skip-msh
#     --keep           keep the work directory (logs, keys) after a successful run; a failed run always keeps it
#     --setup-only     start both sides, print how to reach them, and wait (Ctrl-C stops all); to look closer
#     --out FILE       also write the results (markdown) to FILE
# Environment: JAVA_HOME (default /usr/lib/jvm/java-17-openjdk-amd64 when present), MSH (an msh to time instead of the
# one in client/target). Run it as root: the sessions log in as root on both nodes, and sshd's privilege separation
# needs root. Needs: ssh, sshd (openssh-server), ssh-keygen, java 17, mvn (to build bench/ once), sha256sum, ss,
# openssl and base32 (the TOTP codes of msh's login); hyperfine if present; msh from client/target/msh-*.tar.gz.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

N=200; WARMUP=10; SIZE_MIB=1024; K=1000; PARALLEL=8
mezite=true; bulk=true; hold=true; msh_bench=true; keep=false; out=""; setup_only=false
while [ $# -gt 0 ]; do
    case "$1" in
        -n|--warmup|--size|-k|--parallel|--out)
            [ $# -ge 2 ] || { echo "bench-connect.sh: $1 needs a value" >&2; exit 2; } ;;
    esac
    case "$1" in
        --quick) N=30; WARMUP=3; SIZE_MIB=64; K=100 ;;
        -n) N=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --size) SIZE_MIB=$2; shift ;;
        -k) K=$2; shift ;;
        --parallel) PARALLEL=$2; shift ;;
        --openssh-only) mezite=false ;;
        --skip-bulk) bulk=false ;;
        --skip-hold) hold=false ;;
        --skip-msh) msh_bench=false ;;
        --keep) keep=true ;;
        --setup-only) setup_only=true ;;
        --out) out=$2; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-connect.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
for v in N WARMUP SIZE_MIB K PARALLEL; do
    [[ ${!v} =~ ^[0-9]+$ ]] || { echo "bench-connect.sh: $v must be a whole number, not \"${!v}\"" >&2; exit 2; }
done
for tool in ssh ssh-keygen /usr/sbin/sshd sha256sum ss awk sort od base32 openssl "$JAVA"; do
    command -v "$tool" >/dev/null || { echo "bench-connect.sh: $tool is missing (apt-get install openssh-server openssh-client iproute2)" >&2; exit 1; }
done
if [ "$(id -u)" != 0 ]; then
    echo "bench-connect.sh: run as root (sshd's privilege separation, and the sessions log in as root)" >&2
    exit 1
fi
LOGIN=root

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d /tmp/mezite-bench.XXXXXX)
chmod 700 "$WORK"
RESULTS=$WORK/results
mkdir -p "$RESULTS"
pids=()
succeeded=false

log() { printf '\n== %s\n' "$*" >&2; }
note() { printf '   %s\n' "$*" >&2; }

cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 30); do
        local alive=false
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
        $alive || break
        sleep 0.5
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    rm -f "$WORK/data.bin"
    if $succeeded && ! $keep; then
        rm -rf "$WORK"
    else
        echo "bench-connect.sh: logs and keys kept in $WORK" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# More sessions than the default 1024 descriptors; everything started from here inherits it.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# ---------------------------------------------------------------------------------------------------------- helpers

port_free() { [ -z "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }
# pick_port VAR PORT: sets VAR to PORT if it is free, else to the next free one from 20000 up (and never to one
# handed out already; so not called in a subshell)
taken=" "
pick_port() {
    local p=$2
    if ! port_free "$p" || [[ $taken == *" $p "* ]]; then
        p=20000
        while ! port_free "$p" || [[ $taken == *" $p "* ]]; do p=$((p + 1)); done
    fi
    taken="$taken$p "
    printf -v "$1" '%s' "$p"
}

# Milliseconds since the epoch, with microseconds, without forking.
now_ms() { local t=${EPOCHREALTIME/./}; echo "$((t / 1000)).$(printf '%03d' $((t % 1000)))"; }

# stats FILE -> "n p50 p99 mean" (nearest-rank percentiles) of the numbers in FILE, one a line
stats() {
    sort -g "$1" | awk '{ v[NR] = $1; s += $1 }
        END { if (NR == 0) { print "0 nan nan nan"; exit }
              r50 = int(NR * 0.50 + 0.999999); r99 = int(NR * 0.99 + 0.999999)
              printf "%d %.1f %.1f %.1f\n", NR, v[r50], v[r99], s / NR }'
}

# totp SECRET STEP -> the 6-digit RFC 6238 code (HMAC-SHA1, 30 s steps) an authenticator app shows for that step
totp() {
    local key msg hash offset
    local secret=${1^^}
    while [ $((${#secret} % 8)) != 0 ]; do secret="$secret="; done
    key=$(printf '%s' "$secret" | base32 -d | od -An -v -tx1 | tr -d ' \n')
    msg=$(printf '%016x' "$2" | sed 's/../\\x&/g')
    # shellcheck disable=SC2059
    hash=$(printf "$msg" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$key" -binary | od -An -v -tx1 | tr -d ' \n')
    offset=$((16#${hash:39:1} * 2))
    printf '%06d\n' $(((16#${hash:offset:8} & 0x7fffffff) % 1000000))
}

# msh_login: signs up as "bench" with the invite from mezite:user-add, then logs in (MSH_HOME is msh's own)
msh_login() {
    local signup password secret line step
    signup=$(sed -n 's/^ *msh signup //p' "$M/user-add.txt" | head -n 1)
    [ -n "$signup" ] || { echo "mezite:user-add printed no msh signup line"; return 1; }
    password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    local rd wr pid
    # shellcheck disable=SC2086
    coproc SIGNUP { "$MSH" signup $signup 2>&1; }
    pid=$SIGNUP_PID
    exec {rd}<&"${SIGNUP[0]}" {wr}>&"${SIGNUP[1]}"
    eval "exec ${SIGNUP[0]}<&- ${SIGNUP[1]}>&-"
    secret=""
    while IFS= read -r line <&"$rd"; do
        echo "$line"
        if [[ $line == "  Secret: "* ]]; then secret=${line#  Secret: }; break; fi
    done
    [ -n "$secret" ] || { echo "msh signup showed no secret"; return 1; }
    step=$(($(date +%s) / 30))
    printf '%s\n%s\n%s\n' "$password" "$password" "$(totp "$secret" "$step")" >&"$wr"
    exec {wr}>&-
    cat <&"$rd"
    exec {rd}<&-
    wait "$pid" || return 1
    # a code of a later step than signup's (the hub takes each code once, and one step ahead)
    local proxy pin
    proxy=$(sed -n 's/.*--proxy \([^ ]*\).*/\1/p' <<<"$signup")
    pin=$(sed -n 's/.*--ca-pin \([^ ]*\).*/\1/p' <<<"$signup")
    step=$((step + 1))
    printf '%s\n%s\n' "$password" "$(totp "$secret" "$step")" | "$MSH" login --proxy "$proxy" --user bench --ca-pin "$pin"
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { n = "^[0-9]+([.][0-9]+)?$"
        if (a ~ n && b ~ n && a > 0) printf "%.2f\n", b / a; else print "n/a" }'
}

wait_port() {
    for _ in $(seq 1 100); do port_free "$1" || return 0; sleep 0.1; done
    return 1
}

# ------------------------------------------------------------------------------------------------ the harness (bench/)

HARNESS=$ROOT/bench/target/mezite-bench.jar
if [ ! -f "$HARNESS" ] || [ -n "$(find "$ROOT/bench/src" "$ROOT/bench/pom.xml" -newer "$HARNESS" 2>/dev/null | head -n 1)" ]; then
    log "building the benchmark harness (mvn -f bench/pom.xml package)"
    (cd "$ROOT" && mvn -q -B -f bench/pom.xml package -DskipTests) >&2
fi
harness() { "$JAVA" -Xmx2g -XX:+UseParallelGC -jar "$HARNESS" "$@"; }

# ------------------------------------------------------------------------------------------------- OpenSSH: two sshd

log "OpenSSH: a bastion sshd and a node sshd on loopback ($(ssh -V 2>&1))"
O=$WORK/openssh
mkdir -p "$O" /run/sshd
chmod 755 /run/sshd
pick_port NODE_PORT 2222
pick_port BASTION_PORT 2223
# The same key types as Mezite's: Ed25519 CAs and host keys, an ECDSA P-256 user key (what mezite:cert-sign makes).
ssh-keygen -q -t ed25519 -N '' -C bench-user-ca -f "$O/user_ca"
ssh-keygen -q -t ed25519 -N '' -C bench-host-ca -f "$O/host_ca"
ssh-keygen -q -t ecdsa -b 256 -N '' -C bench -f "$O/bench"
ssh-keygen -q -s "$O/user_ca" -I bench -n "$LOGIN" -V -5m:+1d "$O/bench.pub"
for name in node bastion; do
    port=$NODE_PORT; [ $name = bastion ] && port=$BASTION_PORT
    ssh-keygen -q -t ed25519 -N '' -C "host-$name" -f "$O/host_$name"
    ssh-keygen -q -s "$O/host_ca" -h -I "host-$name" -n "127.0.0.1,localhost,$name" -V -5m:+1d "$O/host_$name.pub"
    # Debian's defaults, plus: certificates only, and enough room for the held sessions (d)
    cat >"$O/sshd_$name.conf" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $O/host_$name
HostCertificate $O/host_$name-cert.pub
TrustedUserCAKeys $O/user_ca.pub
AuthorizedKeysFile none
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
AllowTcpForwarding yes
StrictModes no
MaxStartups 100000
PidFile $O/$name.pid
LogLevel ERROR
CONF
    /usr/sbin/sshd -t -f "$O/sshd_$name.conf"
    /usr/sbin/sshd -D -e -f "$O/sshd_$name.conf" >"$O/$name.log" 2>&1 &
    pids+=($!)
    eval "${name^^}_PID=$!"
done
wait_port "$NODE_PORT" && wait_port "$BASTION_PORT" || { echo "sshd did not start:" >&2; cat "$O"/*.log >&2; exit 1; }
echo "@cert-authority * $(cat "$O/host_ca.pub")" >"$O/known_hosts"
cat >"$O/ssh_config" <<CONF
Host *
  IdentityFile $O/bench
  CertificateFile $O/bench-cert.pub
  IdentitiesOnly yes
  UserKnownHostsFile $O/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  BatchMode yes
  LogLevel ERROR
Host bastion
  HostName 127.0.0.1
  Port $BASTION_PORT
  User $LOGIN
Host node
  HostName 127.0.0.1
  Port $NODE_PORT
  User $LOGIN
CONF
ssh_o() { ssh -F "$O/ssh_config" "$@"; }
ssh_o -J bastion node true || { echo "ssh -J bastion node failed:" >&2; ssh -v -F "$O/ssh_config" -J bastion node true; exit 1; }
note "bastion 127.0.0.1:$BASTION_PORT, node 127.0.0.1:$NODE_PORT: ssh -F $O/ssh_config -J bastion node works"

# --------------------------------------------------------------------------------- Mezite: a hub and a joined agent

mezite_reason=""
NODE_NAME=node-01
M=$WORK/mezite
start_mezite() {
    local hub_archive=$ROOT/distribution/target/mezhub-$VERSION.tar.gz
    local agent_archive=$ROOT/agent/target/mezd-$VERSION.tar.gz
    if [ ! -f "$hub_archive" ] || [ ! -f "$agent_archive" ]; then
        mezite_reason="no archives ($hub_archive, $agent_archive): build them with mvn install -DskipTests"
        return 1
    fi
    log "Mezite: a hub and an agent from $(basename "$hub_archive") and $(basename "$agent_archive")"
    mkdir -p "$M"
    tar xzf "$hub_archive" -C "$M" && mv "$M/mezhub-$VERSION" "$M/hub"
    tar xzf "$agent_archive" -C "$M" && mv "$M/mezd-$VERSION" "$M/agent"
    pick_port PROXY_SSH_PORT 3023
    pick_port TUNNEL_PORT 3024
    pick_port AUTH_PORT 3025
    pick_port WEB_PORT 3080
    pick_port CONSOLE_PORT 8101
    cat >>"$M/hub/etc/org.mezite.hub.cfg" <<CONF

# bench-connect.sh
auth.listen = 127.0.0.1:$AUTH_PORT
proxy.web.listen = 127.0.0.1:$WEB_PORT
proxy.ssh.listen = 127.0.0.1:$PROXY_SSH_PORT
proxy.tunnel.listen = 127.0.0.1:$TUNNEL_PORT
CONF
    sed -i "s/^sshPort *=.*/sshPort = $CONSOLE_PORT/" "$M/hub/etc/org.apache.karaf.shell.cfg"
    "$M/hub/bin/mezhub" >"$M/hub.log" 2>&1 &
    HUB_PID=$!
    pids+=("$HUB_PID")
    local client="$M/hub/bin/client -a $CONSOLE_PORT"
    for _ in $(seq 1 180); do
        kill -0 "$HUB_PID" 2>/dev/null || { mezite_reason="the hub exited (log: $M/hub.log)"; return 1; }
        if [ -f "$M/hub/etc/admin.key" ] && $client -r 1 mezite:status </dev/null 2>/dev/null | grep -q "Status:    healthy"; then
            break
        fi
        sleep 1
    done
    $client mezite:status </dev/null >"$M/status.txt" 2>&1 || { mezite_reason="the hub did not become healthy (log: $M/hub.log)"; return 1; }
    local token_out token pin
    token_out=$($client "mezite:token-add --labels env=bench" </dev/null)
    token=$(sed -n 's/^Join token: //p' <<<"$token_out")
    pin=$(sed -n 's/^ *ca_pin = //p' <<<"$token_out")
    [ -n "$token" ] && [ -n "$pin" ] || { mezite_reason="mezite:token-add printed no token: $token_out"; return 1; }
    cat >"$M/mezd.conf" <<CONF
node_name = $NODE_NAME
hub = 127.0.0.1:$AUTH_PORT
proxy = 127.0.0.1:$TUNNEL_PORT
data_dir = $M/mezd-data
labels = env=bench
token = $token
ca_pin = $pin
CONF
    "$M/agent/bin/mezd" start --config "$M/mezd.conf" >"$M/agent.log" 2>&1 &
    AGENT_PID=$!
    pids+=("$AGENT_PID")
    for _ in $(seq 1 60); do grep -q "bundles active" "$M/agent.log" 2>/dev/null && break; sleep 1; done
    grep -q "bundles active" "$M/agent.log" || { mezite_reason="the agent did not start (log: $M/agent.log)"; return 1; }
    local online=false
    for _ in $(seq 1 60); do
        if $client mezite:node-list </dev/null 2>/dev/null | grep -q "$NODE_NAME.*online"; then online=true; break; fi
        sleep 1
    done
    local offline_note=""
    $online || { offline_note=" (the agent never showed as online in mezite:node-list)"; note "the agent is not online at the proxy yet$offline_note"; }
    $client "mezite:user-add bench --roles access --logins $LOGIN" </dev/null >"$M/user-add.txt" 2>&1 \
        || { mezite_reason="mezite:user-add failed: $(cat "$M/user-add.txt")"; return 1; }
    $client "mezite:cert-sign --user bench --ttl 12h --out $M/user" </dev/null >"$M/cert-sign.txt" 2>&1 \
        && [ -f "$M/user/bench-cert.pub" ] || { mezite_reason="mezite:cert-sign failed: $(cat "$M/cert-sign.txt")"; return 1; }
    $client "mezite:ca-export --type host" </dev/null | tr -d '\r' | grep '^@cert-authority' >"$M/known_hosts"
    [ -s "$M/known_hosts" ] || { mezite_reason="mezite:ca-export --type host printed no @cert-authority line"; return 1; }
    cat >"$M/ssh_config" <<CONF
Host *
  IdentityFile $M/user/bench
  CertificateFile $M/user/bench-cert.pub
  IdentitiesOnly yes
  UserKnownHostsFile $M/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  BatchMode yes
  LogLevel ERROR
Host mezite-proxy
  HostName 127.0.0.1
  Port $PROXY_SSH_PORT
  User bench
Host $NODE_NAME
  User $LOGIN
CONF
    if ! ssh -F "$M/ssh_config" -J mezite-proxy "$NODE_NAME" true 2>"$M/ssh-check.txt"; then
        ssh -v -F "$M/ssh_config" -J mezite-proxy "$NODE_NAME" true >"$M/ssh-check-v.txt" 2>&1 || true
        mezite_reason="stock ssh -J through the proxy failed$offline_note: $(tail -n 3 "$M/ssh-check.txt" | tr '\n' ' ') (ssh -v: $M/ssh-check-v.txt; logs: $M/hub.log, $M/agent.log)"
        return 1
    fi
    note "proxy 127.0.0.1:$PROXY_SSH_PORT, tunnel :$TUNNEL_PORT, agent $NODE_NAME online: ssh -F $M/ssh_config -J mezite-proxy $NODE_NAME works"
    return 0
}
if $mezite; then
    if ! start_mezite; then
        mezite=false
        keep=true   # the reason names logs in the work directory
        log "Mezite is left out of this run: $mezite_reason"
    fi
else
    mezite_reason="left out with --openssh-only"
fi
ssh_m() { ssh -F "$M/ssh_config" "$@"; }

if $setup_only; then
    cat >&2 <<INFO

Both sides are up (work directory $WORK; Ctrl-C stops everything):
  OpenSSH:  ssh -F $O/ssh_config -J bastion node
  Mezite:   $($mezite && echo "ssh -F $M/ssh_config -J mezite-proxy $NODE_NAME" || echo "not running: $mezite_reason")
  Harness:  java -jar $HARNESS connect --jump bench@127.0.0.1:${PROXY_SSH_PORT:-3023} --target $LOGIN@$NODE_NAME:22 \\
              --key $M/user/bench --cert $M/user/bench-cert.pub --host-ca $M/known_hosts -n 20
            (or --jump $LOGIN@127.0.0.1:$BASTION_PORT --target $LOGIN@127.0.0.1:$NODE_PORT --key $O/bench
             --cert $O/bench-cert.pub --host-ca $O/known_hosts)
  Logs:     $O/*.log $($mezite && echo "$M/hub.log $M/agent.log")
INFO
    keep=true
    sleep infinity &
    pids+=($!)
    wait $!
fi

# ---------------------------------------------------------------- (a) sequential new sessions, stock ssh -J, one process each

# The two jump hosts take turns, session by session, so that the machine's background load falls on both alike.
log "(a) $N sequential sessions \`ssh -J JUMP node true\` (+$WARMUP warm-up), alternating between the jump hosts"
: >"$RESULTS/a_direct.txt"; : >"$RESULTS/a_openssh.txt"; : >"$RESULTS/a_mezite.txt"
fail_o=0; fail_m=0; fail_d=0
for i in $(seq 1 $((WARMUP + N))); do
    t0=$(now_ms); ok=true; ssh_o node true || { ok=false; fail_d=$((fail_d + 1)); }
    t1=$(now_ms); $ok && [ "$i" -gt "$WARMUP" ] && echo "$t1 - $t0" | awk '{ printf "%.3f\n", $1 - $3 }' >>"$RESULTS/a_direct.txt"
    t0=$(now_ms); ok=true; ssh_o -J bastion node true || { ok=false; fail_o=$((fail_o + 1)); }
    t1=$(now_ms); $ok && [ "$i" -gt "$WARMUP" ] && echo "$t1 - $t0" | awk '{ printf "%.3f\n", $1 - $3 }' >>"$RESULTS/a_openssh.txt"
    if $mezite; then
        t0=$(now_ms); ok=true; ssh_m -J mezite-proxy "$NODE_NAME" true || { ok=false; fail_m=$((fail_m + 1)); }
        t1=$(now_ms); $ok && [ "$i" -gt "$WARMUP" ] && echo "$t1 - $t0" | awk '{ printf "%.3f\n", $1 - $3 }' >>"$RESULTS/a_mezite.txt"
    fi
done
read -r _ A_D50 A_D99 A_DMEAN <<<"$(stats "$RESULTS/a_direct.txt")"
read -r _ A_O50 A_O99 A_OMEAN <<<"$(stats "$RESULTS/a_openssh.txt")"
read -r _ A_M50 A_M99 A_MMEAN <<<"$(stats "$RESULTS/a_mezite.txt")"
note "ssh node (no jump):   p50 $A_D50 ms  p99 $A_D99 ms  mean $A_DMEAN ms  (failed $fail_d)"
note "ssh -J bastion:       p50 $A_O50 ms  p99 $A_O99 ms  mean $A_OMEAN ms  (failed $fail_o)"
$mezite && note "ssh -J mezite-proxy:  p50 $A_M50 ms  p99 $A_M99 ms  mean $A_MMEAN ms  (failed $fail_m)"

# The ciphers each hop negotiated, for the record (they decide (c)).
ciphers() { "$@" -v true 2>&1 | sed -n 's/^debug1: kex: server->client cipher: \([^ ]*\).*/\1/p' | paste -sd/ -; }
CIPHERS_O=$(ciphers ssh_o -J bastion node)
CIPHERS_M=$($mezite && ciphers ssh_m -J mezite-proxy "$NODE_NAME" || echo n/a)

# ------------------------------------------------------------ (a) the same from inside one warmed-up JVM (bench/)

log "(a) $N sequential sessions from inside one JVM (MINA SSHD client, +$((WARMUP * 2)) warm-up)"
harness connect --jump "$LOGIN@127.0.0.1:$BASTION_PORT" --target "$LOGIN@127.0.0.1:$NODE_PORT" \
    --key "$O/bench" --cert "$O/bench-cert.pub" --host-ca "$O/known_hosts" -n "$N" --warmup $((WARMUP * 2)) \
    | tee "$RESULTS/a_jvm_openssh.txt" >&2 || true
if $mezite; then
    harness connect --jump "bench@127.0.0.1:$PROXY_SSH_PORT" --target "$LOGIN@$NODE_NAME:22" \
        --key "$M/user/bench" --cert "$M/user/bench-cert.pub" --host-ca "$M/known_hosts" -n "$N" \
        --warmup $((WARMUP * 2)) | tee "$RESULTS/a_jvm_mezite.txt" >&2 || true
fi
# result FILE KEY -> the value of KEY=... on the harness's RESULT line
result() { [ -f "$1" ] && sed -n "s/^RESULT .*\b$2=\([^ ]*\).*/\1/p" "$1" | head -n 1 || true; }

# ------------------------------------------------------------------------------------------------ (b) msh start-up

MSH_V=n/a; MSH_HELP=n/a; MSH_V_NOCDS=n/a; MSH_SSH=n/a; MSH_SSH_OWN=n/a; msh_note=""
if $msh_bench; then
    MSH=${MSH:-}
    if [ -z "$MSH" ] && [ -f "$ROOT/client/target/msh-$VERSION.tar.gz" ]; then
        tar xzf "$ROOT/client/target/msh-$VERSION.tar.gz" -C "$WORK" && MSH=$WORK/msh-$VERSION/bin/msh
    fi
    if [ -n "$MSH" ] && [ -x "$MSH" ]; then
        log "(b) msh start-up: $MSH"
        export XDG_CACHE_HOME=$WORK/cache MSH_HOME=$WORK/msh-home
        # time_cmd NAME COMMAND... -> "mean_ms±stddev_ms" over fresh processes (hyperfine when present)
        time_cmd() {
            local name=$1; shift
            if command -v hyperfine >/dev/null; then
                hyperfine -N --warmup 3 --runs 20 --export-csv "$RESULTS/b_$name.csv" "$*" >&2 2>&1 || return 1
                awk -F, 'NR == 2 { printf "%.0f ± %.0f", $2 * 1000, $3 * 1000 }' "$RESULTS/b_$name.csv"
            else
                local i t0 t1
                for i in 1 2 3; do "$@" >/dev/null 2>&1 || return 1; done
                : >"$RESULTS/b_$name.txt"
                for i in $(seq 1 20); do
                    t0=$(now_ms); "$@" >/dev/null 2>&1; t1=$(now_ms)
                    echo "$t1 - $t0" | awk '{ printf "%.3f\n", $1 - $3 }' >>"$RESULTS/b_$name.txt"
                done
                awk '{ s += $1; q += $1 * $1 } END { m = s / NR; printf "%.0f ± %.0f", m, sqrt(q / NR - m * m) }' "$RESULTS/b_$name.txt"
            fi
        }
        MSH_V=$(time_cmd version "$MSH" version) || MSH_V="failed"
        MSH_HELP=$(time_cmd ssh_help "$MSH" ssh --help) || MSH_HELP="failed (no ssh command?)"
        MSH_V_NOCDS=$(time_cmd version_nocds env MSH_CDS=off "$MSH" version) || MSH_V_NOCDS="failed"
        if $mezite && "$MSH" ssh --help >/dev/null 2>&1; then
            # msh needs a login of its own (an Ed25519 key it makes): sign up with the invite mezite:user-add
            # printed and log in, answering the password and TOTP prompts as a script may (one line each).
            if msh_login >"$RESULTS/b_msh_login.txt" 2>&1 && "$MSH" ssh "$LOGIN@$NODE_NAME" true >"$RESULTS/b_msh_ssh_check.txt" 2>&1; then
                MSH_SSH=$(time_cmd msh_ssh "$MSH" ssh "$LOGIN@$NODE_NAME" true) || MSH_SSH="failed"
                # msh's class-data archive holds the classes of the run that made it (here `msh version`, which
                # loads no SSH classes); again with an archive that an `msh ssh` run made
                MSH_SSH_OWN=$(time_cmd msh_ssh_own env XDG_CACHE_HOME="$WORK/cache-ssh" "$MSH" ssh "$LOGIN@$NODE_NAME" true) \
                    || MSH_SSH_OWN="failed"
            else
                MSH_SSH="failed"
                msh_note="\`msh ssh $LOGIN@$NODE_NAME true\` failed: $(tail -n 3 "$RESULTS/b_msh_login.txt" "$RESULTS/b_msh_ssh_check.txt" 2>/dev/null | grep -v '^==' | tr '\n' ' ')"
            fi
        elif $mezite; then
            msh_note="this msh has no ssh command yet"
        fi
    else
        msh_note="no msh found (build client/ or set MSH)"
    fi
fi

# ------------------------------------------------------------------------------------------------- (c) bulk transfer

if $bulk; then
    log "(c) bulk transfer, $SIZE_MIB MiB each way, sha256 checked on both ends"
    head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom >"$WORK/data.bin"
    SUM=$(sha256sum "$WORK/data.bin" | cut -d' ' -f1)
    # bulk NAME SSH... : upload into the node's sha256sum, download the file through a local sha256sum
    bulk_run() {
        local name=$1; shift
        local t0 t1 got up down
        t0=$(now_ms)
        got=$("$@" sha256sum <"$WORK/data.bin" | cut -d' ' -f1) || got=failed
        t1=$(now_ms)
        up=$(awk -v a="$t0" -v b="$t1" -v s="$SIZE_MIB" 'BEGIN { printf "%.0f", s / ((b - a) / 1000) }')
        [ "$got" = "$SUM" ] || { note "$name upload: sha256 at the node $got, not $SUM"; up=failed; }
        t0=$(now_ms)
        got=$("$@" cat "$WORK/data.bin" </dev/null | sha256sum | cut -d' ' -f1) || got=failed
        t1=$(now_ms)
        down=$(awk -v a="$t0" -v b="$t1" -v s="$SIZE_MIB" 'BEGIN { printf "%.0f", s / ((b - a) / 1000) }')
        [ "$got" = "$SUM" ] || { note "$name download: sha256 here $got, not $SUM"; down=failed; }
        echo "$up $down" >"$RESULTS/c_$name.txt"
        note "$name: upload $up MiB/s, download $down MiB/s"
    }
    bulk_run openssh ssh_o -J bastion node
    $mezite && bulk_run mezite ssh_m -J mezite-proxy "$NODE_NAME"
    # Again with one cipher on every hop, AES-GCM (AES-NI in both OpenSSL and the JVM), so the comparison is not
    # about which cipher each server let the client pick.
    for c in "$O" "$M"; do
        [ -f "$c/ssh_config" ] && sed 's/^Host \*$/Host *\n  Ciphers aes128-gcm@openssh.com/' "$c/ssh_config" >"$c/ssh_config_gcm"
    done
    bulk_run openssh_gcm ssh -F "$O/ssh_config_gcm" -J bastion node
    $mezite && bulk_run mezite_gcm ssh -F "$M/ssh_config_gcm" -J mezite-proxy "$NODE_NAME"
    rm -f "$WORK/data.bin"
fi

# ------------------------------------------------------------------------------------------- (d) held interactive sessions

# Written as a script because the harness runs it (--on-held) while every session is open.
cat >"$WORK/mem-snapshot.sh" <<'SH'
#!/usr/bin/env bash
# mem-snapshot.sh OUT LABEL PID... : RSS and PSS (MiB) of each PID alone and of its process tree, appended to OUT
out=$1 label=$2; shift 2
tree() {
    local all=" $* " added=true
    while $added; do
        added=false
        while read -r pid ppid; do
            if [[ $all == *" $ppid "* && $all != *" $pid "* ]]; then all="$all$pid "; added=true; fi
        done < <(ps -e -o pid=,ppid=)
    done
    echo $all
}
mem() {
    local rss=0 pss=0 count=0 pid r p
    for pid in "$@"; do
        r=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || continue
        p=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null) || p=0
        rss=$((rss + ${r:-0})); pss=$((pss + ${p:-0})); count=$((count + 1))
    done
    echo "$((rss / 1024)) $((pss / 1024)) $count"
}
for pid in "$@"; do
    echo "$label $pid self $(mem "$pid") tree $(mem $(tree "$pid"))" >>"$out"
done
SH
chmod +x "$WORK/mem-snapshot.sh"

if $hold; then
    if $mezite; then
        log "(d) $K interactive sessions (pty + shell) held open through the Mezite proxy to one agent"
        "$WORK/mem-snapshot.sh" "$RESULTS/d_mezite_mem.txt" before "$HUB_PID" "$AGENT_PID"
        harness hold --jump "bench@127.0.0.1:$PROXY_SSH_PORT" --target "$LOGIN@$NODE_NAME:22" \
            --key "$M/user/bench" --cert "$M/user/bench-cert.pub" --host-ca "$M/known_hosts" -n "$K" \
            --parallel "$PARALLEL" --timeout 120 \
            --on-held "$WORK/mem-snapshot.sh $RESULTS/d_mezite_mem.txt held $HUB_PID $AGENT_PID" \
            | tee "$RESULTS/d_mezite.txt" >&2 || true
    fi
    log "(d) $K interactive sessions (pty + shell) held open through the OpenSSH bastion"
    "$WORK/mem-snapshot.sh" "$RESULTS/d_openssh_mem.txt" before "$BASTION_PID" "$NODE_PID"
    harness hold --jump "$LOGIN@127.0.0.1:$BASTION_PORT" --target "$LOGIN@127.0.0.1:$NODE_PORT" \
        --key "$O/bench" --cert "$O/bench-cert.pub" --host-ca "$O/known_hosts" -n "$K" \
        --parallel "$PARALLEL" --timeout 120 \
        --on-held "$WORK/mem-snapshot.sh $RESULTS/d_openssh_mem.txt held $BASTION_PID $NODE_PID" \
        | tee "$RESULTS/d_openssh.txt" >&2 || true
fi

# ------------------------------------------------------------------------------------------------------ the table

# memline FILE LABEL PID WHAT -> "RSS/PSS" in MiB for that snapshot ("self" = the process, "tree" = with descendants)
memline() {
    [ -f "$1" ] || return 0
    awk -v l="$2" -v p="$3" -v w="$4" '$1 == l && $2 == p {
        if (w == "self") printf "%s", $4; else printf "%s (%s procs, PSS %s)", $8, $10, $9 }' "$1"
}
cell() { [ -n "$1" ] && echo "$1" || echo "n/a"; }

{
    echo "### bench-connect.sh, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM,"
    echo "load average at the start $LOAD_AT_START, at the end $(cut -d' ' -f1-3 /proc/loadavg); $(ssh -V 2>&1); $("$JAVA" -version 2>&1 | head -n 1)."
    echo "Settings: N=$N sequential sessions (+$WARMUP warm-up), $SIZE_MIB MiB bulk, K=$K held sessions ($PARALLEL opened at a time)."
    echo "Ciphers negotiated by stock ssh (jump hop/node hop): OpenSSH $CIPHERS_O; Mezite $CIPHERS_M."
    $mezite || echo "**Mezite left out:** $mezite_reason"
    echo
    echo "| measurement | OpenSSH bastion | Mezite proxy | Mezite / OpenSSH | target |"
    echo "|---|---|---|---|---|"
    echo "| (a1/a2) stock \`ssh -J … true\`, p50 ms | $A_O50 | $($mezite && echo "$A_M50" || echo n/a) | $($mezite && ratio "$A_O50" "$A_M50" || echo n/a) | ≤ 1.0 |"
    echo "| (a1/a2) stock \`ssh -J … true\`, p99 ms | $A_O99 | $($mezite && echo "$A_M99" || echo n/a) | $($mezite && ratio "$A_O99" "$A_M99" || echo n/a) | ≤ 1.0 |"
    echo "| (a1/a2) stock \`ssh -J … true\`, mean ms | $A_OMEAN | $($mezite && echo "$A_MMEAN" || echo n/a) | $($mezite && ratio "$A_OMEAN" "$A_MMEAN" || echo n/a) | ≤ 1.0 |"
    o50=$(result "$RESULTS/a_jvm_openssh.txt" p50); m50=$(result "$RESULTS/a_jvm_mezite.txt" p50)
    o99=$(result "$RESULTS/a_jvm_openssh.txt" p99); m99=$(result "$RESULTS/a_jvm_mezite.txt" p99)
    om=$(result "$RESULTS/a_jvm_openssh.txt" mean); mm=$(result "$RESULTS/a_jvm_mezite.txt" mean)
    echo "| (a3/a4) one JVM (MINA client), p50 ms | $(cell "$o50") | $(cell "$m50") | $(ratio "$o50" "$m50") | ≤ 1.0 |"
    echo "| (a3/a4) one JVM (MINA client), p99 ms | $(cell "$o99") | $(cell "$m99") | $(ratio "$o99" "$m99") | ≤ 1.0 |"
    echo "| (a3/a4) one JVM (MINA client), mean ms | $(cell "$om") | $(cell "$mm") | $(ratio "$om" "$mm") | ≤ 1.0 |"
    if $bulk; then
        for variant in "" _gcm; do
            cu=n/a; cd=n/a; mu=n/a; md=n/a
            [ -f "$RESULTS/c_openssh$variant.txt" ] && read -r cu cd <"$RESULTS/c_openssh$variant.txt"
            [ -f "$RESULTS/c_mezite$variant.txt" ] && read -r mu md <"$RESULTS/c_mezite$variant.txt"
            how="default ciphers"; [ -n "$variant" ] && how="aes128-gcm on both hops"
            echo "| (c) upload $SIZE_MIB MiB, MiB/s, $how | $cu | $mu | $(ratio "$cu" "$mu") | ≥ 1.0 |"
            echo "| (c) download $SIZE_MIB MiB, MiB/s, $how | $cd | $md | $(ratio "$cd" "$md") | ≥ 1.0 |"
        done
    fi
    if $hold; then
        ok_o=$(result "$RESULTS/d_openssh.txt" ok); ok_m=$(result "$RESULTS/d_mezite.txt" ok)
        al_o=$(result "$RESULTS/d_openssh.txt" alive_after); al_m=$(result "$RESULTS/d_mezite.txt" alive_after)
        echo "| (d) sessions open and echoing / $K (still alive after the memory snapshot) | $(cell "$ok_o") ($(cell "$al_o")) | $(cell "$ok_m") ($(cell "$al_m")) | | $K |"
        echo "| (d) time to open all, s | $(cell "$(result "$RESULTS/d_openssh.txt" open_s)") | $(cell "$(result "$RESULTS/d_mezite.txt" open_s)") | | |"
        echo "| (d) jump host RSS MiB, before → held | sshd $(cell "$(memline "$RESULTS/d_openssh_mem.txt" before "$BASTION_PID" tree)") → $(cell "$(memline "$RESULTS/d_openssh_mem.txt" held "$BASTION_PID" tree)") | hub JVM $(cell "$(memline "$RESULTS/d_mezite_mem.txt" before "${HUB_PID:-x}" self)") → $(cell "$(memline "$RESULTS/d_mezite_mem.txt" held "${HUB_PID:-x}" self)") | | |"
        echo "| (d) node RSS MiB, before → held (with the shells) | sshd $(cell "$(memline "$RESULTS/d_openssh_mem.txt" before "$NODE_PID" tree)") → $(cell "$(memline "$RESULTS/d_openssh_mem.txt" held "$NODE_PID" tree)") | agent JVM $(cell "$(memline "$RESULTS/d_mezite_mem.txt" before "${AGENT_PID:-x}" self)") → $(cell "$(memline "$RESULTS/d_mezite_mem.txt" held "${AGENT_PID:-x}" self)"); with shells $(cell "$(memline "$RESULTS/d_mezite_mem.txt" held "${AGENT_PID:-x}" tree)") | | |"
    fi
    if $msh_bench; then
        echo "| (b) \`msh version\`, ms (fresh JVM, CDS archive warm) | | $MSH_V | | |"
        echo "| (b) \`msh version\` without the CDS archive, ms | | $MSH_V_NOCDS | | |"
        echo "| (b) \`msh ssh --help\`, ms | | $MSH_HELP | | |"
        echo "| (b) \`msh ssh $LOGIN@$NODE_NAME true\`, ms (CDS archive made by \`msh version\`) | | $MSH_SSH | | |"
        echo "| (b) \`msh ssh $LOGIN@$NODE_NAME true\`, ms (CDS archive made by \`msh ssh\`) | | $MSH_SSH_OWN | | |"
    fi
    echo
    echo "Reference: stock \`ssh node true\` straight to the node sshd, no jump host: p50 $A_D50 ms, p99 $A_D99 ms, mean $A_DMEAN ms."
    [ -n "$msh_note" ] && echo "msh: $msh_note"
    echo
    echo "Where the time goes, one JVM (a3/a4), mean ms per phase:"
    echo
    echo "| phase | OpenSSH bastion | Mezite proxy | what it is |"
    echo "|---|---|---|---|"
    for ph in tcp kex auth tunnel kex2 auth2 exec close; do
        case $ph in
            tcp) what="TCP connect to the jump host" ;;
            kex) what="version + key exchange with the jump host, host certificate checked" ;;
            auth) what="user certificate authentication at the jump host" ;;
            tunnel) what="direct-tcpip open: the jump host reaches the node (Mezite: through the reverse tunnel)" ;;
            kex2) what="key exchange with the node, through the channel" ;;
            auth2) what="user certificate authentication at the node" ;;
            exec) what="session channel, exec true, exit status, channel close" ;;
            close) what="closing both sessions" ;;
        esac
        echo "| $ph | $(cell "$(result "$RESULTS/a_jvm_openssh.txt" "$ph")") | $(cell "$(result "$RESULTS/a_jvm_mezite.txt" "$ph")") | $what |"
    done
} >"$RESULTS/table.md"

echo
cat "$RESULTS/table.md"
[ -n "$out" ] && cp "$RESULTS/table.md" "$out"
succeeded=true
