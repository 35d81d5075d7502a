#!/usr/bin/env bash
#
# Copyright the Kubeward authors
# SPDX-License-Identifier: Apache-2.0
#

# The GitHub Action (action.yml at the repository root) runs this script. It scans the paths of
# the action's inputs, prints the findings to the log and as annotations on the changed files,
# writes SARIF (and JUnit XML) for later steps, and fails the step as `kubeward scan` exits.
#
# Inputs come as environment variables, as GitHub passes them to a composite action's step:
#   INPUT_PATHS        files or directories, one per line (default: .)
#   INPUT_FAIL_ON      critical, high, medium, low or info (default: low)
#   INPUT_CONFIG       a configuration file (optional; only a file given here loads plugins)
#   INPUT_PROFILE      a profile (optional)
#   INPUT_PLUGINS      plugin jars or directories, one per line (optional)
#   INPUT_SARIF_FILE   where to write SARIF (default: kubeward.sarif; empty: none)
#   INPUT_JUNIT_FILE   where to write JUnit XML (optional)
#   INPUT_ARGS         more arguments for `kubeward scan`, separated by spaces (optional)
# Outputs, appended to $GITHUB_OUTPUT: sarif-file, junit-file and exit-code.
# KUBEWARD names the command to run (default: the ./kubeward launcher next to this script).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kubeward="${KUBEWARD:-$root/kubeward}"

lines() {
  # Prints the non-empty lines of $1, trimmed.
  local line
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [[ -z "$line" ]] || printf '%s\n' "$line"
  done <<< "$1"
}

args=(--fail-on "${INPUT_FAIL_ON:-low}")
[[ -z "${INPUT_CONFIG:-}" ]] || args+=(--config "$INPUT_CONFIG")
[[ -z "${INPUT_PROFILE:-}" ]] || args+=(--profile "$INPUT_PROFILE")
while IFS= read -r plugin; do
  args+=(--plugin "$plugin")
done < <(lines "${INPUT_PLUGINS:-}")
if [[ -n "${INPUT_ARGS:-}" ]]; then
  read -r -a extra <<< "$INPUT_ARGS"
  args+=("${extra[@]}")
fi
paths=()
while IFS= read -r path; do
  paths+=("$path")
done < <(lines "${INPUT_PATHS:-.}")
[[ ${#paths[@]} -gt 0 ]] || paths=(.)

# Workflow commands take %, CR and LF escaped; property values also : and ,.
escape_data() {
  local s="${1//'%'/%25}"
  s="${s//$'\r'/%0D}"
  printf '%s' "${s//$'\n'/%0A}"
}
escape_property() {
  local s
  s="$(escape_data "$1")"
  s="${s//:/%3A}"
  printf '%s' "${s//,/%2C}"
}

# The text report, once in the log and once as annotations.
set +e
report="$("$kubeward" scan "${args[@]}" -- "${paths[@]}")"
code=$?
set -e
printf '%s\n' "$report"
finding='^(.+):([0-9]+):([0-9]+): (CRITICAL|HIGH|MEDIUM|LOW|INFO) (.*) \[([a-z0-9-]+)\]$'
while IFS= read -r line; do
  if [[ "$line" =~ $finding ]]; then
    case "${BASH_REMATCH[4]}" in
      CRITICAL|HIGH) level=error ;;
      MEDIUM) level=warning ;;
      *) level=notice ;;
    esac
    printf '::%s file=%s,line=%s,col=%s,title=%s::%s\n' "$level" "$(escape_property "${BASH_REMATCH[1]}")" \
      "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "$(escape_property "kubeward ${BASH_REMATCH[6]}")" \
      "$(escape_data "${BASH_REMATCH[4]} ${BASH_REMATCH[5]}")"
  fi
done <<< "$report"

# The machine-readable reports. Their exit code is the text report's, and input errors are
# already in the log, so only a report that could not be written is told.
write_report() {
  local format="$1" file="$2"
  mkdir -p "$(dirname "$file")" 2>/dev/null || true
  if [[ -f "$file" ]]; then
    rm -f "$file"
  fi
  "$kubeward" scan "${args[@]}" --format "$format" --output "$file" -- "${paths[@]}" 2>/dev/null || true
  if [[ ! -f "$file" ]]; then
    printf '::error::kubeward could not write the %s report %s\n' "$format" "$(escape_data "$file")"
    code=2
  fi
}
sarif="${INPUT_SARIF_FILE-kubeward.sarif}"
[[ -z "$sarif" ]] || write_report sarif "$sarif"
junit="${INPUT_JUNIT_FILE:-}"
[[ -z "$junit" ]] || write_report junit "$junit"

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  {
    printf 'sarif-file=%s\n' "$sarif"
    printf 'junit-file=%s\n' "$junit"
    printf 'exit-code=%s\n' "$code"
  } >> "$GITHUB_OUTPUT"
fi
exit "$code"
