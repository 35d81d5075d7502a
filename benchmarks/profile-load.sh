#!/usr/bin/env bash
# Where the loader's time goes next to snakeyaml-engine's event floor (benchmarks/README.md,
# "Where the loader's time goes"): JFR profiles of the loader, the event floor and the scanner alone
# over the benchmark corpus, each broken down by part (scanner, parser, token composition, tree
# builder, resources, ...), then the three measured interleaved in fresh JVMs.
#
# Usage: benchmarks/profile-load.sh [--seconds S] [--forks N] [--baseline PATH]
#   --seconds S      seconds recorded per profile, after 10 s of warm-up (default 30)
#   --forks N        JVMs for the interleaved comparison (default 5; 0 skips it)
#   --baseline PATH  also compare with the loader of another build: its benchmarks.jar, for example
#                    one built at an older commit (see LoadProfile's --jars)
#
# Needs benchmarks/target/benchmarks.jar (mvn -B -q -pl benchmarks -am package -DskipTests).
# Writes the recordings and tables to benchmarks/target/profile-load/. Any recording can be read
# again with: java -cp benchmarks/target/benchmarks.jar dev.kubeward.benchmarks.JfrBreakdown FILE.jfr
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
out="$root/benchmarks/target/profile-load"
seconds=30
forks=5
baseline=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --forks) forks="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ ! -f "$jar" ]]; then
  echo "no $jar: build it with mvn -B -q -pl benchmarks -am package -DskipTests" >&2
  exit 2
fi
mkdir -p "$out"
jvm=(-Xms2g -Xmx2g -XX:+UseParallelGC)

for contender in loader events tokens; do
  echo "== profile: $contender" >&2
  java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints "${jvm[@]}" -cp "$jar" \
    dev.kubeward.benchmarks.LoadProfile profile "$contender" --warmup 10 --seconds "$seconds" \
    --out "$out/$contender.jfr" | tee "$out/$contender.md"
done

if [[ "$forks" -gt 0 ]]; then
  echo "== interleaved: loader, events, tokens${baseline:+, baseline} in $forks JVMs" >&2
  extra=()
  if [[ -n "$baseline" ]]; then
    extra=(--jars "baseline=$baseline")
  fi
  java "${jvm[@]}" -cp "$jar" dev.kubeward.benchmarks.LoadProfile compare --contenders loader,events,tokens \
    "${extra[@]}" --forks "$forks" 2>"$out/compare.log" | tee "$out/compare.md"
fi
echo "wrote $out" >&2
