#!/usr/bin/env bash
# Access decisions per second on one core (docs/benchmarks.md, "Access decisions"): JMH runs
# bench/src/main/java/org/mezite/bench/AccessDecisionBenchmark.java, checkLogin for a user with five roles against a
# node with ten labels (literal values, regular expressions, wildcards and templates), one thread, one fork, 3 warm-up
# and 5 measured iterations of 10 s each (about 6 minutes for the four cases).
#
#   scripts/bench-rbac.sh [--no-install] [--offline] [--only CASE] [-- JMH-OPTIONS...]
#     --no-install   use the org.mezite.api and org.mezite.rbac jars already in the local Maven repository instead of
#                    installing them from this checkout first (mvn install -DskipTests of bundles/api, bundles/rbac, migrations, bundles/store.jpa)
#     --offline      run Maven offline (-o)
#     --only CASE    one case: allowed, deniedByLogin, deniedByDefault or anyLogin
#     -- ...         more JMH options, e.g. `-- -i 10 -r 5s` (these replace the defaults -f 1 -wi 3 -i 5 -t 1)
# Environment: JAVA_HOME (default /usr/lib/jvm/java-17-openjdk-amd64 when present).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

install=true
mvn_flags=(-q -B)
jmh_extra=()
pattern=AccessDecisionBenchmark
while [ $# -gt 0 ]; do
    case "$1" in
        --no-install) install=false ;;
        --offline) mvn_flags+=(-o) ;;
        --only)
            [ $# -ge 2 ] || { echo "bench-rbac.sh: --only needs a case" >&2; exit 2; }
            pattern="AccessDecisionBenchmark\\.$2\$"; shift ;;
        --) shift; jmh_extra=("$@"); break ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-rbac.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

cd "$ROOT"
if $install; then
    echo "bench-rbac: installing org.mezite.api and org.mezite.rbac from this checkout" >&2
    mvn "${mvn_flags[@]}" install -DskipTests -f bundles/api/pom.xml >&2
    mvn "${mvn_flags[@]}" install -DskipTests -f bundles/rbac/pom.xml >&2
    # bench/ also holds the audit benchmark, which compiles against the store
    mvn "${mvn_flags[@]}" install -DskipTests -f migrations/pom.xml >&2
    mvn "${mvn_flags[@]}" install -DskipTests -f bundles/store.jpa/pom.xml >&2
fi
echo "bench-rbac: building the benchmark harness (bench/)" >&2
mvn "${mvn_flags[@]}" package -DskipTests -f bench/pom.xml >&2

results=$(mktemp /tmp/mezite-bench-rbac.XXXXXX.csv)
trap 'rm -f "$results"' EXIT
# the defaults, unless the extra options set them
jmh_args=()
for default in "-f 1" "-wi 3" "-i 5" "-t 1"; do
    option=${default%% *}
    case " ${jmh_extra[*]} " in
        *" $option "*) ;;
        *) jmh_args+=($default) ;;
    esac
done
"$JAVA" -cp "bench/target/mezite-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main \
    "${jmh_args[@]}" "${jmh_extra[@]}" -rf csv -rff "$results" "$pattern"

echo
echo "Access decisions per second, one thread ($(nproc) CPUs, $("$JAVA" -version 2>&1 | head -n 1)):"
# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
tail -n +2 "$results" | tr -d '"' | while IFS=, read -r name _ _ _ score error unit; do
    printf '  %-16s %12.0f ± %.0f %s\n' "${name##*.}" "$score" "$error" "$unit"
done
