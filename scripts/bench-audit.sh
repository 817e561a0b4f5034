#!/usr/bin/env bash
# Audit events written per second (docs/benchmarks.md, "Audit events written per second"): JMH runs
# bench/src/main/java/org/mezite/bench/AuditAppendBenchmark.java, AuditEventRepository.append of the store bundle on a
# freshly migrated PostgreSQL schema and SQLite file (each made for the run and dropped after it), with 1 and with 4
# threads; the event is a session.start with ~200 bytes of details; the chain is verified after each run. One fork,
# 3 warm-up iterations of 5 s and 5 measured of 10 s: about 5 minutes for the four cases. Prints a markdown table.
#
#   scripts/bench-audit.sh [--no-install] [--offline] [--only postgresql|sqlite] [--threads "1 4"] [--out FILE]
#                          [-- JMH-OPTIONS...]
#     --no-install   use the org.mezite.api, org.mezite.migrations and org.mezite.store.jpa jars already in the local
#                    Maven repository instead of installing them from this checkout first (mvn install -DskipTests)
#     --offline      run Maven offline (-o)
#     --only DB      one database: postgresql or sqlite
#     --threads LIST the thread counts to run, one JMH run each (default "1 4")
#     --out FILE     also write the table (markdown) to FILE
#     -- ...         more JMH options, e.g. `-- -i 10 -r 5s` (these replace the defaults -f 1 -wi 3 -w 5s -i 5 -r 10s)
# PostgreSQL: jdbc:postgresql://127.0.0.1:5432/test as user postgres without a password (trust authentication), as the
# store's tests use it; MEZITE_BENCH_PG_URL, MEZITE_BENCH_PG_USER and MEZITE_BENCH_PG_PASSWORD override that. The run
# creates a schema mezite_bench_<random> there and drops it at the end. If PostgreSQL is down:
#   pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
# Environment: JAVA_HOME (default /usr/lib/jvm/java-17-openjdk-amd64 when present).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PG_URL=${MEZITE_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
PG_USER=${MEZITE_BENCH_PG_USER:-postgres}

install=true
mvn_flags=(-q -B)
jmh_extra=()
databases="postgresql,sqlite"
threads="1 4"
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --only|--threads|--out)
            [ $# -ge 2 ] || { echo "bench-audit.sh: $1 needs a value" >&2; exit 2; } ;;
    esac
    case "$1" in
        --no-install) install=false ;;
        --offline) mvn_flags+=(-o) ;;
        --only)
            case "$2" in
                postgresql|sqlite) databases=$2 ;;
                *) echo "bench-audit.sh: --only takes postgresql or sqlite, not \"$2\"" >&2; exit 2 ;;
            esac
            shift ;;
        --threads) threads=$2; shift ;;
        --out) out=$2; shift ;;
        --) shift; jmh_extra=("$@"); break ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-audit.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
for t in $threads; do
    [[ $t =~ ^[1-9][0-9]*$ ]] || { echo "bench-audit.sh: --threads takes whole numbers, not \"$t\"" >&2; exit 2; }
done

# PostgreSQL first: a run that cannot reach it should stop before building anything.
pg_info=""
if [[ $databases == *postgresql* ]]; then
    pg_host=$(sed -n 's|^jdbc:postgresql://\([^:/]*\).*|\1|p' <<<"$PG_URL")
    pg_port=$(sed -n 's|^jdbc:postgresql://[^:/]*:\([0-9]*\).*|\1|p' <<<"$PG_URL")
    pg_db=$(sed -n 's|^jdbc:postgresql://[^/]*/\([^?]*\).*|\1|p' <<<"$PG_URL")
    if command -v psql >/dev/null; then
        if ! pg_info=$(PGPASSWORD=${MEZITE_BENCH_PG_PASSWORD:-} psql -X -A -t -h "${pg_host:-127.0.0.1}" \
                -p "${pg_port:-5432}" -U "$PG_USER" -d "${pg_db:-test}" \
                -c "SELECT split_part(version(), ' on ', 1) || ', synchronous_commit=' || current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync') || ', wal_sync_method=' || current_setting('wal_sync_method')" 2>&1); then
            echo "bench-audit.sh: PostgreSQL is not reachable at $PG_URL as $PG_USER: $pg_info" >&2
            echo "  start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
            echo "  or leave it out: --only sqlite" >&2
            exit 1
        fi
    fi
fi

cd "$ROOT"
if $install; then
    echo "bench-audit: installing org.mezite.api, org.mezite.migrations and org.mezite.store.jpa from this checkout" >&2
    mvn "${mvn_flags[@]}" install -DskipTests -f bundles/api/pom.xml >&2
    mvn "${mvn_flags[@]}" install -DskipTests -f migrations/pom.xml >&2
    mvn "${mvn_flags[@]}" install -DskipTests -f bundles/store.jpa/pom.xml >&2
fi
echo "bench-audit: building the benchmark harness (bench/)" >&2
mvn "${mvn_flags[@]}" package -DskipTests -f bench/pom.xml >&2

results=$(mktemp -d /tmp/mezite-bench-audit.XXXXXX)
trap 'rm -rf "$results"' EXIT
# the defaults, unless the extra options set them
jmh_args=()
for default in "-f 1" "-wi 3" "-w 5s" "-i 5" "-r 10s"; do
    option=${default%% *}
    case " ${jmh_extra[*]} " in
        *" $option "*) ;;
        *) read -r -a words <<<"$default"; jmh_args+=("${words[@]}") ;;
    esac
done
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M')
# JMH hands the host JVM's options (the -D below) to its forks.
for t in $threads; do
    echo "bench-audit: $t thread(s), databases $databases" >&2
    "$JAVA" "-Dmezite.bench.pg.url=$PG_URL" "-Dmezite.bench.pg.user=$PG_USER" \
        ${MEZITE_BENCH_PG_PASSWORD:+"-Dmezite.bench.pg.password=$MEZITE_BENCH_PG_PASSWORD"} \
        -cp "bench/target/mezite-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main \
        "${jmh_args[@]}" "${jmh_extra[@]}" -t "$t" -p "database=$databases" \
        -rf csv -rff "$results/t$t.csv" 'AuditAppendBenchmark' >&2
done

# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: database"
{
    echo "### bench-audit.sh, $started UTC"
    echo
    echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM;"
    echo "load average at the start $load_start, at the end $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -n 1)."
    [ -n "$pg_info" ] && echo "PostgreSQL: $pg_info (the run's own schema in database ${pg_db:-test}, over TCP on ${pg_host:-127.0.0.1})."
    [[ $databases == *sqlite* ]] && echo "SQLite: the store's settings (WAL, synchronous=NORMAL: a commit is not fsynced, a checkpoint is), a file under /tmp."
    echo "JMH: $(echo "${jmh_args[@]}" "${jmh_extra[@]}") -t N; each append is one transaction, as on the hub."
    echo
    echo "| database | threads | audit events written/s (mean ± 99.9% error) | vs 1 thread |"
    echo "|---|---|---|---|"
    for db in postgresql sqlite; do
        [[ $databases == *$db* ]] || continue
        one=""
        for t in $threads; do
            line=$(tail -n +2 "$results/t$t.csv" 2>/dev/null | tr -d '"\r' | awk -F, -v db="$db" '$8 == db' | head -n 1)
            if [ -z "$line" ]; then
                echo "| $db | $t | failed (see the JMH output above) | |"
                continue
            fi
            IFS=, read -r _ _ _ _ score error _ _ <<<"$line"
            [ "$t" = 1 ] && one=$score
            vs=$(awk -v a="$one" -v b="$score" 'BEGIN { if (a > 0) printf "%.2f×", b / a; else print "" }')
            printf '| %s | %s | %s ± %s | %s |\n' "$db" "$t" "$(printf '%.0f' "$score")" "$(printf '%.0f' "$error")" "$vs"
        done
    done
} >"$results/table.md"

echo
cat "$results/table.md"
[ -n "$out" ] && cp "$results/table.md" "$out"
exit 0
