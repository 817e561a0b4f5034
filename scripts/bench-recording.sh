#!/usr/bin/env bash
# Recording overhead on session throughput (docs/benchmarks.md, "Recording overhead"): how fast a terminal session's
# output reaches the client through Mezite with the hub's recording_mode off, node and node-sync, and what the stored
# recording weighs against the output.
#
# Each timed run is one stock `ssh -tt -J mezite-proxy root@node-01 'head -c SIZE /dev/urandom | base64'`: the output
# crosses the session's pseudo-terminal at the agent (the only sessions the agent records; exec without a PTY is
# audited, not recorded), then the proxy, to the client, whose stdout is counted (wc -c) and checked against the length
# base64 must print. A run is timed from the start of ssh to its exit. The modes take turns run by run (off, node,
# node-sync, off, ...), so that whatever else the machine does falls on all alike; the hub's etc/org.mezite.recording.cfg
# is rewritten before each run (Karaf applies it at once, the agent gets the mode with its next policy) and a short
# probe session shows that the agent behaves as the mode says before the run counts: node-sync stages at the hub while
# the session runs, node stores the recording only after it ends, off stores nothing. With recording on, the run also
# waits for the recording to be stored (*.cast.gz in the file sink) before the next one starts, and notes how long
# after the session's end that took, its size, and the CPU time the agent's and the hub's JVMs spent on the run.
#
# Everything runs on loopback from a work directory under /tmp: a hub (mezhub) and one joined agent (mezd) from this
# checkout's archives (distribution/target, agent/target; build them first with `mvn install -DskipTests`), as in
# scripts/bench-connect.sh. It prints a markdown table.
#
#   scripts/bench-recording.sh [--quick] [--size MiB] [--runs R] [--warmup W] [--modes "off node node-sync"]
#                              [--keep] [--out FILE]
#     --quick          --size 16 --runs 3 --warmup 1 (default: 64 MiB of random bytes, ~92 MB of base64 output,
#                      5 runs a mode after 2 warm-up rounds)
#     --size MiB       random bytes base64 encodes per run
#     --runs R         timed runs per mode
#     --warmup W       untimed rounds of every mode first (default 2: the agent's JIT is still warming in the first)
#     --modes LIST     the modes to compare, in turn order (default "off node node-sync"); the first is the baseline
#     --probe-wait S   how long a probe waits for a recording to be stored before calling the mode "off" (default 10)
#     --keep           keep the work directory (logs, recordings) after a successful run; a failed run always keeps it
#     --out FILE       also write the results (markdown) to FILE
# Environment: JAVA_HOME (default /usr/lib/jvm/java-17-openjdk-amd64 when present). Run it as root: the sessions log
# in as root. Needs: ssh, ssh-keygen, java 17, ss, gzip, base64, wc; python3 for the recording check and the bare-PTY
# reference (both "n/a" without it).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

SIZE_MIB=64; RUNS=5; WARMUP=2; MODES="off node node-sync"; PROBE_WAIT=10
keep=false; out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --size|--runs|--warmup|--modes|--probe-wait|--out)
            [ $# -ge 2 ] || { echo "bench-recording.sh: $1 needs a value" >&2; exit 2; } ;;
    esac
    case "$1" in
        --quick) SIZE_MIB=16; RUNS=3; WARMUP=1 ;;
        --size) SIZE_MIB=$2; shift ;;
        --runs) RUNS=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --modes) MODES=$2; shift ;;
        --probe-wait) PROBE_WAIT=$2; shift ;;
        --keep) keep=true ;;
        --out) out=$2; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-recording.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
for v in SIZE_MIB RUNS WARMUP PROBE_WAIT; do
    [[ ${!v} =~ ^[0-9]+$ ]] || { echo "bench-recording.sh: $v must be a whole number, not \"${!v}\"" >&2; exit 2; }
done
[ "$SIZE_MIB" -gt 0 ] && [ "$RUNS" -gt 0 ] || { echo "bench-recording.sh: --size and --runs must be above 0" >&2; exit 2; }
for mode in $MODES; do
    case $mode in
        off|node|node-sync) ;;
        *) echo "bench-recording.sh: --modes takes off, node and node-sync, not \"$mode\"" >&2; exit 2 ;;
    esac
done
for tool in ssh ssh-keygen ss gzip base64 wc awk sort "$JAVA"; do
    command -v "$tool" >/dev/null || { echo "bench-recording.sh: $tool is missing (apt-get install openssh-client iproute2)" >&2; exit 1; }
done
if [ "$(id -u)" != 0 ]; then
    echo "bench-recording.sh: run as root (the sessions log in as root)" >&2
    exit 1
fi
LOGIN=root
NODE_NAME=node-01
HUB_ARCHIVE=$ROOT/distribution/target/mezhub-$VERSION.tar.gz
AGENT_ARCHIVE=$ROOT/agent/target/mezd-$VERSION.tar.gz
for archive in "$HUB_ARCHIVE" "$AGENT_ARCHIVE"; do
    [ -f "$archive" ] || { echo "bench-recording.sh: $archive is missing: build it with mvn install -DskipTests" >&2; exit 1; }
done

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M')
WORK=$(mktemp -d /tmp/mezite-bench-recording.XXXXXX)
chmod 700 "$WORK"
M=$WORK/mezite
RESULTS=$WORK/results
mkdir -p "$M" "$RESULTS"
pids=()
stdin_pid=""
succeeded=false

log() { printf '\n== %s\n' "$*" >&2; }
note() { printf '   %s\n' "$*" >&2; }
fail() { echo "bench-recording.sh: $*" >&2; exit 1; }

cleanup() {
    local pid
    [ -n "$stdin_pid" ] && kill "$stdin_pid" 2>/dev/null || true
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 30); do
        local alive=false
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
        $alive || break
        sleep 0.5
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    if $succeeded && ! $keep; then
        rm -rf "$WORK"
    else
        echo "bench-recording.sh: logs and recordings kept in $WORK" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------- helpers

port_free() { [ -z "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }
# pick_port VAR PORT: sets VAR to PORT if it is free, else to the next free one from 20000 up (never one handed out
# already; so not called in a subshell)
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

# Seconds since the epoch, with microseconds, without forking.
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

CLK_TCK=$(getconf CLK_TCK)
# cpu_s PID -> user + system CPU seconds the process has used so far (its threads, not its children)
cpu_s() { awk -v hz="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# The bytes `head -c N /dev/urandom | base64` writes through a terminal: 76-character lines, each "\n" sent as "\r\n".
expected_output() {
    awk -v n="$1" 'BEGIN { chars = 4 * int((n + 2) / 3); lines = int((chars + 75) / 76); printf "%d", chars + 2 * lines }'
}

# ---------------------------------------------------------------------------------------- a hub and a joined agent

log "Mezite: a hub and an agent from $(basename "$HUB_ARCHIVE") and $(basename "$AGENT_ARCHIVE")"
tar xzf "$HUB_ARCHIVE" -C "$M" && mv "$M/mezhub-$VERSION" "$M/hub"
tar xzf "$AGENT_ARCHIVE" -C "$M" && mv "$M/mezd-$VERSION" "$M/agent"
pick_port PROXY_SSH_PORT 3023
pick_port TUNNEL_PORT 3024
pick_port AUTH_PORT 3025
pick_port WEB_PORT 3080
pick_port CONSOLE_PORT 8101
# the hub's data directory (data_dir unset: the hub's data/), where staging and the file sink's store live
HUB_DATA=$M/hub/data
cat >>"$M/hub/etc/org.mezite.hub.cfg" <<CONF

# bench-recording.sh
auth.listen = 127.0.0.1:$AUTH_PORT
proxy.web.listen = 127.0.0.1:$WEB_PORT
proxy.ssh.listen = 127.0.0.1:$PROXY_SSH_PORT
proxy.tunnel.listen = 127.0.0.1:$TUNNEL_PORT
CONF
sed -i "s/^sshPort *=.*/sshPort = $CONSOLE_PORT/" "$M/hub/etc/org.apache.karaf.shell.cfg"
STAGING=$HUB_DATA/recordings/staging
RECORDING_CFG=$M/hub/etc/org.mezite.recording.cfg

# set_mode MODE: the hub's recording_mode, in place (other keys of the file, if any, stay)
set_mode() {
    if [ -f "$RECORDING_CFG" ] && grep -q '^[[:space:]]*recording_mode[[:space:]]*=' "$RECORDING_CFG"; then
        sed -i "s/^[[:space:]]*recording_mode[[:space:]]*=.*/recording_mode = $1/" "$RECORDING_CFG"
    else
        printf '\n# bench-recording.sh\nrecording_mode = %s\n' "$1" >>"$RECORDING_CFG"
    fi
}
set_mode "${MODES%% *}"

"$M/hub/bin/mezhub" >"$M/hub.log" 2>&1 &
HUB_PID=$!
pids+=("$HUB_PID")
client="$M/hub/bin/client -a $CONSOLE_PORT"
for _ in $(seq 1 180); do
    kill -0 "$HUB_PID" 2>/dev/null || fail "the hub exited (log: $M/hub.log)"
    if [ -f "$M/hub/etc/admin.key" ] && $client -r 1 mezite:status </dev/null 2>/dev/null | grep -q "Status:    healthy"; then
        break
    fi
    sleep 1
done
$client mezite:status </dev/null >"$M/status.txt" 2>&1 || fail "the hub did not become healthy (log: $M/hub.log)"
token_out=$($client "mezite:token-add --labels env=bench" </dev/null)
token=$(sed -n 's/^Join token: //p' <<<"$token_out")
pin=$(sed -n 's/^ *ca_pin = //p' <<<"$token_out")
[ -n "$token" ] && [ -n "$pin" ] || fail "mezite:token-add printed no token: $token_out"
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
grep -q "bundles active" "$M/agent.log" || fail "the agent did not start (log: $M/agent.log)"
for _ in $(seq 1 60); do
    $client mezite:node-list </dev/null 2>/dev/null | grep -q "$NODE_NAME.*online" && break
    sleep 1
done
$client "mezite:user-add bench --roles access --logins $LOGIN" </dev/null >"$M/user-add.txt" 2>&1 \
    || fail "mezite:user-add failed: $(cat "$M/user-add.txt")"
$client "mezite:cert-sign --user bench --ttl 12h --out $M/user" </dev/null >"$M/cert-sign.txt" 2>&1 \
    && [ -f "$M/user/bench-cert.pub" ] || fail "mezite:cert-sign failed: $(cat "$M/cert-sign.txt")"
$client "mezite:ca-export --type host" </dev/null | tr -d '\r' | grep '^@cert-authority' >"$M/known_hosts" \
    || fail "mezite:ca-export --type host printed no @cert-authority line"
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
ssh -F "$M/ssh_config" -J mezite-proxy "$NODE_NAME" true 2>"$M/ssh-check.txt" \
    || fail "stock ssh -J through the proxy failed: $(tail -n 3 "$M/ssh-check.txt" | tr '\n' ' ') (logs: $M/hub.log, $M/agent.log)"
note "proxy 127.0.0.1:$PROXY_SSH_PORT, agent $NODE_NAME online: ssh -F $M/ssh_config -J mezite-proxy $NODE_NAME works"

# A session's stdin: a pipe that stays open (a closed stdin would send EOF into the terminal) and carries nothing
# (anything sent would be echoed by the terminal and counted as output).
mkfifo "$WORK/stdin"
sleep 1000000 >"$WORK/stdin" &
stdin_pid=$!
exec {STDIN_FD}<"$WORK/stdin"
# pty_ssh COMMAND: one session with a terminal through the proxy
pty_ssh() { ssh -F "$M/ssh_config" -tt -J mezite-proxy "$NODE_NAME" "$1" <&"$STDIN_FD"; }

# the stored recordings (the file sink's *.cast.gz), one path a line
stored() { { find "$HUB_DATA/recordings" -name '*.cast.gz' -type f 2>/dev/null || true; } | sort; }
# new_recording BEFORE_FILE -> the path of a recording stored since BEFORE_FILE was written, if any
new_recording() { stored | comm -13 "$1" - | sed -n 1p; }

# probe -> how the agent records now: node-sync (staged at the hub while the session runs), node (stored only after
# the session), off (nothing stored within PROBE_WAIT seconds)
probe() {
    local stamp=$WORK/probe.stamp before=$WORK/probe.before pid staged=false t0
    stored >"$before"
    touch "$stamp"
    pty_ssh 'echo bench-probe; sleep 4' >/dev/null 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        [ -n "$(find "$STAGING" -name '*.cast' -newer "$stamp" 2>/dev/null | head -n 1)" ] && staged=true
        sleep 0.2
    done
    wait "$pid" || true
    t0=$SECONDS
    while [ $((SECONDS - t0)) -lt "$PROBE_WAIT" ]; do
        if [ -n "$(new_recording "$before")" ]; then
            $staged && echo node-sync || echo node
            return 0
        fi
        sleep 0.2
    done
    echo off
}

# switch_to MODE: sets the mode and waits (up to ~2 minutes) until a probe session shows the agent recording that way
switch_to() {
    local mode=$1 seen=""
    set_mode "$mode"
    for _ in $(seq 1 8); do
        seen=$(probe)
        [ "$seen" = "$mode" ] && return 0
        sleep 3
    done
    note "recording_mode = $mode is not in effect: the agent still behaves as \"$seen\""
    return 1
}

BYTES=$((SIZE_MIB * 1024 * 1024))
EXPECTED=$(expected_output "$BYTES")
# recorded_output CAST_GZ -> the bytes of terminal output the recording holds (its "o" events, UTF-8), after checking
# that it is asciicast v2; "n/a" without python3, "invalid: ..." for a recording that does not parse
recorded_output() {
    command -v python3 >/dev/null || { echo n/a; return; }
    python3 - "$1" <<'PY' 2>/dev/null || echo invalid
import gzip, json, sys
total = 0
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as cast:
    header = json.loads(cast.readline())
    if header.get("version") != 2:
        raise SystemExit("not asciicast v2")
    for line in cast:
        event = json.loads(line)
        if event[1] == "o":
            total += len(event[2].encode("utf-8"))
print(total)
PY
}

# run MODE LABEL: one timed session; appends "label seconds output_bytes stored_after_s cast_gz_bytes cast_bytes
# agent_cpu_s hub_cpu_s recorded_output_bytes" to RESULTS/MODE.txt
run() {
    local mode=$1 label=$2 before=$WORK/run.before t0 t1 t2 got rec="" after_s=n/a gz=n/a cast=n/a recorded=n/a a0 h0
    stored >"$before"
    a0=$(cpu_s "$AGENT_PID"); h0=$(cpu_s "$HUB_PID")
    t0=$(now)
    got=$(pty_ssh "head -c $BYTES /dev/urandom | base64" 2>>"$RESULTS/ssh-errors.txt" | wc -c) || true
    t1=$(now)
    if [ "$mode" != off ]; then
        for _ in $(seq 1 3000); do
            rec=$(new_recording "$before")
            [ -n "$rec" ] && break
            sleep 0.2
        done
        t2=$(now)
        if [ -n "$rec" ]; then
            after_s=$(elapsed "$t1" "$t2")
            gz=$(stat -c %s "$rec")
            cast=$(gzip -dc "$rec" | wc -c)
            recorded=$(recorded_output "$rec")
        else
            after_s=never
        fi
    else
        sleep 2   # as long as a recorded run's wait, roughly, so the CPU columns compare
    fi
    echo "$label $(elapsed "$t0" "$t1") $got $after_s $gz $cast $(awk -v a="$a0" -v b="$(cpu_s "$AGENT_PID")" 'BEGIN { printf "%.2f", b - a }') $(awk -v a="$h0" -v b="$(cpu_s "$HUB_PID")" 'BEGIN { printf "%.2f", b - a }') $recorded" \
        >>"$RESULTS/$mode.txt"
    [ "$got" = "$EXPECTED" ] || note "$mode $label: the client got $got bytes, not the $EXPECTED base64 prints"
    if [ "$mode" = off ]; then
        note "$mode $label: $(elapsed "$t0" "$t1") s, $got bytes"
    else
        note "$mode $label: $(elapsed "$t0" "$t1") s, $got bytes; recording stored $after_s s after the session, $gz bytes gzip ($cast asciicast, $recorded bytes of output)"
    fi
}

# bare_pty -> seconds to read the same output from a pseudo-terminal on this machine, no SSH (python3's pty module,
# 64 KiB reads): what the terminal layer alone allows here; "n/a" without python3
bare_pty() {
    command -v python3 >/dev/null || { echo n/a; return; }
    python3 - "$BYTES" "$EXPECTED" <<'PY' 2>/dev/null || echo failed
import os, pty, sys, time
start = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execvp("sh", ["sh", "-c", "head -c %s /dev/urandom | base64" % sys.argv[1]])
got = 0
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:   # EIO: the other side closed
        break
    if not chunk:
        break
    got += len(chunk)
os.waitpid(pid, 0)
seconds = time.monotonic() - start
print("%.3f" % seconds if got == int(sys.argv[2]) else "short")
PY
}

# ----------------------------------------------------------------------------------------------------------- runs

log "$SIZE_MIB MiB of random bytes, base64 through the terminal ($EXPECTED bytes of output a run); modes: $MODES; $WARMUP warm-up round(s), $RUNS timed"
declare -A unconfirmed=()
BASE=${MODES%% *}
for round in $(seq 1 $((WARMUP + RUNS))); do
    for mode in $MODES; do
        [ -n "${unconfirmed[$mode]:-}" ] && continue
        if ! switch_to "$mode"; then
            unconfirmed[$mode]=1
            continue
        fi
        if [ "$mode" = "$BASE" ] && [ "$round" -gt "$WARMUP" ]; then
            echo "$(bare_pty)" >>"$RESULTS/bare_pty.txt"
        fi
        if [ "$round" -le "$WARMUP" ]; then
            run "$mode" "warmup-$round"
        else
            run "$mode" "run-$((round - WARMUP))"
        fi
    done
done

# ---------------------------------------------------------------------------------------------------------- table

# summary MODE -> "n median_s min_s max_s median_MiBps min_MiBps max_MiBps ok after_s gz/out cast/out agent_cpu
# hub_cpu whole/n" over the timed runs (medians where not said; whole: recordings holding every byte of output)
summary() {
    local f=$RESULTS/$1.txt
    [ -f "$f" ] || { echo "0"; return; }
    grep -v '^warmup' "$f" | awk -v expected="$EXPECTED" '
        function median(a, n,   i, j, t) {
            for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        { n++; s[n] = $2; if ($3 == expected) ok++; rate[n] = $3 / 1048576 / $2
          if ($4 ~ /^[0-9.]+$/) { na++; after[na] = $4 } if ($5 ~ /^[0-9]+$/) { ng++; gz[ng] = $5; cast[ng] = $6; out[ng] = $3 }
          ac[n] = $7; hc[n] = $8; if ($9 ~ /^[0-9]+$/) { checked++; if ($9 == $3) whole++ } }
        END {
            if (n == 0) { print 0; exit }
            min = max = s[1]; for (i = 2; i <= n; i++) { if (s[i] < min) min = s[i]; if (s[i] > max) max = s[i] }
            rmin = rmax = rate[1]; for (i = 2; i <= n; i++) { if (rate[i] < rmin) rmin = rate[i]; if (rate[i] > rmax) rmax = rate[i] }
            for (i = 1; i <= ng; i++) { gr[i] = gz[i] / out[i]; cr[i] = cast[i] / out[i] }
            printf "%d %.2f %.2f %.2f %.1f %.1f %.1f %d %s %s %s %.2f %.2f %s\n", n, median(s, n), min, max,
                median(rate, n), rmin, rmax, ok,
                na ? sprintf("%.2f", median(after, na)) : "n/a", ng ? sprintf("%.3f", median(gr, ng)) : "n/a",
                ng ? sprintf("%.3f", median(cr, ng)) : "n/a", median(ac, n), median(hc, n),
                checked ? whole "/" n : "n/a" }'
}

read -r _ _ _ _ BASE_RATE _ <<<"$(summary "$BASE") x x x x x x"
{
    echo "### bench-recording.sh, $STARTED UTC"
    echo
    echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM,"
    echo "load average at the start $LOAD_AT_START, at the end $(cut -d' ' -f1-3 /proc/loadavg); $(ssh -V 2>&1); $("$JAVA" -version 2>&1 | head -n 1)."
    echo "Settings: $SIZE_MIB MiB of random bytes base64-encoded through the terminal, $EXPECTED bytes of output a run; $RUNS timed runs a mode (+$WARMUP warm-up rounds), modes in turn: $MODES; file sink."
    echo
    echo "| recording_mode | PTY output MiB/s, median (min–max) | vs $BASE | session s, median | client got all bytes | recording holds all bytes | recording stored, s after the session | stored .cast.gz / output | asciicast / output | agent CPU s a run | hub CPU s a run |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for mode in $MODES; do
        if [ -n "${unconfirmed[$mode]:-}" ]; then
            echo "| $mode | not measured: the agent did not behave as \`$mode\` (see the log) | | | | | | | | | |"
            continue
        fi
        read -r n med_s _ _ med_r min_r max_r ok after gzr castr acpu hcpu whole _ <<<"$(summary "$mode") x x x x x x x x x x x x"
        if [ "$n" = 0 ]; then
            echo "| $mode | no runs | | | | | | | | | |"
            continue
        fi
        vs=$(awk -v a="$BASE_RATE" -v b="$med_r" 'BEGIN { if (a > 0) printf "%.2f× (%+.1f%%)", b / a, (b / a - 1) * 100; else print "n/a" }')
        [ "$mode" = off ] && whole="n/a"
        echo "| $mode | $med_r ($min_r–$max_r) | $vs | $med_s | $ok/$n | $whole | $after | $gzr | $castr | $acpu | $hcpu |"
    done
    bare=$(grep -E '^[0-9.]+$' "$RESULTS/bare_pty.txt" 2>/dev/null | sort -g | awk -v e="$EXPECTED" '{ v[NR] = e / 1048576 / $1 }
        END { if (NR) printf "%.1f MiB/s (median of %d; %.1f–%.1f)", v[int((NR + 1) / 2)], NR, v[NR], v[1] }')
    echo
    echo "Reference: the same output read from a bare pseudo-terminal on this machine, no SSH (python3 pty, 64 KiB reads, once a"
    echo "round): ${bare:-n/a}."
    echo
    echo "Output MiB/s: the bytes the client received (base64 text with \"\\r\\n\" line ends) over the whole \`ssh -tt -J\` run,"
    echo "connection set-up included. CPU: user + system seconds of the agent's and the hub's JVMs from the start of a run to"
    echo "its recording being stored (off: to 2 s after the session), median of the timed runs."
} >"$RESULTS/table.md"

echo
cat "$RESULTS/table.md"
[ -n "$out" ] && cp "$RESULTS/table.md" "$out"
succeeded=true
