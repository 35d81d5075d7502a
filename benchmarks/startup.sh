#!/usr/bin/env bash
# Start-up benchmark of the command line: the wall time (and CPU time) of one `kubeward scan` process
# for one file, a 100-file repository and, when given, a large tree of manifests, under candidate
# JVM settings (collector, C1 only, class-data sharing) on one or more JDKs. Prints a Markdown table
# of medians. See benchmarks/README.md, "Start-up".
#
# Usage: benchmarks/startup.sh [--runs N] [--corpus DIR] [--jdk JAVA_HOME]... [--config NAME]...
#   --runs N        processes per configuration and input (default 7, or $RUNS); the median is shown
#   --corpus DIR    a third input, for example a checkout of many manifests ($KUBEWARD_CORPUS)
#   --jdk HOME      a JDK to run (repeatable); default: the `java` on the PATH and the newest JDK
#                   under /usr/lib/jvm when that is a different one
#   --config NAME   only these configurations (repeatable); default: all of them, see CONFIGS below
#
# Runs are interleaved (run 1 of every configuration and input, then run 2, ...), so that a change
# of load on a shared machine spreads over every cell instead of falling on a few. A scan that does
# not print its summary stops the script.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/cli/target/kubeward.jar"
work="$root/benchmarks/target/startup"
runs="${RUNS:-7}"
corpus="${KUBEWARD_CORPUS:-}"
jdks=()
only=()

# name|JVM options; "cds" in the name adds a dynamic AppCDS archive made by a training run with the
# same options, "static" a static one (-Xshare:dump from the classes the training run loaded, what
# ./kubeward makes), "aot" an AOT cache (JDK 25 and later, JEP 483/514) made the same way.
CONFIGS=(
  "g1|"
  "parallel|-XX:+UseParallelGC"
  "serial|-XX:+UseSerialGC"
  "c1 g1|-XX:TieredStopAtLevel=1"
  "c1 parallel|-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
  "c1 serial|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  "cds parallel|-XX:+UseParallelGC"
  "cds serial|-XX:+UseSerialGC"
  "c1 cds parallel|-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
  "c1 cds serial|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  "c1 static serial|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  "aot serial|-XX:+UseSerialGC"
  "c1 aot serial|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  "launcher|"
)

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --jdk) jdks+=("$2"); shift 2 ;;
    --config) only+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

version_of() { # JAVA_HOME -> its full version, from the release file
  sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release" 2>/dev/null || true
}
major_of() { local v; v="$(version_of "$1")"; echo "${v%%.*}"; }

if [[ ${#jdks[@]} -eq 0 ]]; then
  path_java="$(readlink -f "$(command -v java)")"
  jdks+=("$(dirname "$(dirname "$path_java")")")
  newest="" newest_major=0
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [[ -x "$home/bin/java" && ! -L "$home" ]] || continue
    m="$(major_of "$home")"
    if [[ -n "$m" && "$m" -gt "$newest_major" ]]; then newest="$home" newest_major="$m"; fi
  done
  if [[ -n "$newest" && "$(readlink -f "$newest")" != "$(readlink -f "${jdks[0]}")" ]]; then
    jdks+=("$newest")
  fi
fi

selected() {
  [[ ${#only[@]} -eq 0 ]] && return 0
  local o
  for o in "${only[@]}"; do [[ "$o" == "$1" ]] && return 0; done
  return 1
}

if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q -DskipTests -pl cli -am package) >&2
fi

# Inputs: one file; 100 files, the example manifests copied ten times; the corpus when given.
mkdir -p "$work"
one="$root/examples/manifests/insecure-shop/payments.yaml"
repo="$work/repo100"
rm -rf "$repo"
for i in $(seq -w 1 10); do
  mkdir -p "$repo/team-$i"
  n=0
  while IFS= read -r f; do
    n=$((n + 1))
    sed "s/namespace: \([a-z-]*\)/namespace: \1-$i/" "$f" >"$repo/team-$i/$(basename "$(dirname "$f")")-$(basename "$f")"
  done < <(find "$root/examples/manifests" -name '*.yaml' | sort)
done
inputs=("one file|$one" "100 files|$repo")
if [[ -n "$corpus" ]]; then inputs+=("corpus|$corpus"); fi
manifests() { # DIR -> "N manifest files, K KB": the bytes of the files a scan reads, not the disk they take
  find "$1" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -printf '%s\n' \
    | awk '{ bytes += $1 } END { printf "%d manifest files, %d KB", NR, bytes / 1024 }'
}
echo "inputs: one file ($(wc -c <"$one") bytes), 100 files ($(manifests "$repo"))${corpus:+, corpus $corpus ($(manifests "$corpus"))}" >&2

# Archives: made once per JDK and configuration by a training scan of the example manifests.
train() { # java opts... -> runs the training scan with the given extra options
  "$@" -jar "$jar" scan --format json "$root/examples/manifests" >/dev/null 2>&1 || [[ $? -eq 1 ]]
}
declare -A extra
cells=()
for home in "${jdks[@]}"; do
  major="$(major_of "$home")"
  for c in "${CONFIGS[@]}"; do
    name="${c%%|*}" opts="${c#*|}"
    selected "$name" || continue
    key="$home|$name"
    if [[ "$name" == launcher ]]; then
      [[ "$home" == "${jdks[0]}" ]] || continue # the launcher runs the java on the PATH
      "$root/kubeward" --version >/dev/null # builds the jar and the launcher's archive if needed
      extra[$key]=""
    elif [[ "$name" == *static* ]]; then
      jsa="$work/$(basename "$home")-${name// /-}.jsa"
      rm -f "$jsa" "$jsa.classes"
      # shellcheck disable=SC2086
      train "$home/bin/java" $opts -XX:DumpLoadedClassList="$jsa.classes"
      # shellcheck disable=SC2086
      "$home/bin/java" $opts -Xshare:dump -XX:SharedClassListFile="$jsa.classes" -XX:SharedArchiveFile="$jsa" \
        -cp "$jar" >/dev/null 2>&1
      extra[$key]="-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
    elif [[ "$name" == *cds* ]]; then
      jsa="$work/$(basename "$home")-${name// /-}.jsa"
      rm -f "$jsa"
      # shellcheck disable=SC2086
      train "$home/bin/java" $opts -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
      extra[$key]="-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
    elif [[ "$name" == *aot* ]]; then
      [[ "$major" -ge 25 ]] || continue
      aot="$work/$(basename "$home")-${name// /-}.aot"
      rm -f "$aot"
      # shellcheck disable=SC2086
      train "$home/bin/java" $opts -XX:AOTCacheOutput="$aot" -Xlog:aot=off -Xlog:cds=off
      extra[$key]="-XX:AOTCache=$aot -Xlog:aot=off -Xlog:cds=off"
    else
      extra[$key]=""
    fi
    cells+=("$key")
  done
done

opts_of() { # configuration name -> its JVM options
  local c
  for c in "${CONFIGS[@]}"; do
    if [[ "${c%%|*}" == "$1" ]]; then echo "${c#*|}"; fi
  done
}

declare -A wall cpu
measure() { # key input-path -> appends "wall cpu" (seconds) of one scan
  local key="$1" path="$2" home="${1%%|*}" name="${1#*|}" opts t
  opts="$(opts_of "$name")"
  local TIMEFORMAT='%3R %3U %3S' status
  if [[ "$name" == launcher ]]; then
    t="$( { time "$root/kubeward" scan "$path" >"$work/out.txt" 2>&1; } 2>&1; echo "$?" )"
  else
    # shellcheck disable=SC2086
    t="$( { time "$home/bin/java" $opts ${extra[$key]} -jar "$jar" scan "$path" >"$work/out.txt" 2>&1; } 2>&1; echo "$?" )"
  fi
  status="${t##*$'\n'}"
  t="${t%$'\n'*}"
  # Exit code 2 is also what input errors give (the corpus has unrendered templates): a scan counts when
  # it printed its summary of at least one file.
  if [[ $status -gt 2 ]] || ! grep -q '^Summary: [1-9]' "$work/out.txt"; then
    echo "startup.sh: scan failed (exit $status): $name on $(basename "$home"), $path" >&2
    exit 2
  fi
  read -r r u s <<<"$t"
  printf '%s\t%s\t%s\t%s\t%s\n' "$(version_of "$home")" "$name" "$3" "$r" "$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')" \
    >>"$work/raw.tsv"
  wall[$key|$3]+="$r "
  cpu[$key|$3]+="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }') "
}

median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

printf 'jdk\tconfiguration\tinput\twall\tcpu\n' >"$work/raw.tsv" # every run, for a look beyond the medians
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
for run in $(seq 1 "$runs"); do
  echo "run $run/$runs (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  for input in "${inputs[@]}"; do
    for key in "${cells[@]}"; do
      measure "$key" "${input#*|}" "${input%%|*}"
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo
echo "$started, $(nproc) cores ($cpu_model), load average $load_before before and $load_after after;" \
  "median of $runs runs, wall seconds (CPU seconds, user + system, all threads)"
echo
header="| JDK | Configuration |"
rule="| --- | --- |"
for input in "${inputs[@]}"; do header+=" ${input%%|*} |"; rule+=" ---: |"; done
echo "$header"
echo "$rule"
for key in "${cells[@]}"; do
  home="${key%%|*}" name="${key#*|}"
  opts="$(opts_of "$name")"
  label="$name${opts:+ (\`$opts\`)}"
  [[ "$name" != launcher ]] || label="\`./kubeward\`, its defaults"
  row="| $(version_of "$home") | $label |"
  for input in "${inputs[@]}"; do
    k="$key|${input%%|*}"
    row+=" $(median <<<"${wall[$k]}") ($(median <<<"${cpu[$k]}")) |"
  done
  echo "$row"
done
