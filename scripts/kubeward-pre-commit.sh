#!/usr/bin/env bash
#
# Copyright the Kubeward authors
# SPDX-License-Identifier: Apache-2.0
#

# The pre-commit hook (.pre-commit-hooks.yaml at the repository root) runs this script with the
# hook's arguments, then the staged files. Options must be written as --name=value (for example
# --fail-on=high), so that every other argument is a file. Files that do not look like Kubernetes
# manifests (no apiVersion and kind keys) are left out: a repository holds other YAML too.
# KUBEWARD names the command to run (default: the ./kubeward launcher next to this script, which
# builds the command line with Maven on first use).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kubeward="${KUBEWARD:-$root/kubeward}"

options=()
files=()
for arg in "$@"; do
  if [[ "$arg" == -* ]]; then
    options+=("$arg")
  elif grep -Eq '^[[:space:]]*"?apiVersion"?[[:space:]]*:' "$arg" 2>/dev/null \
      && grep -Eq '^[[:space:]]*"?kind"?[[:space:]]*:' "$arg" 2>/dev/null; then
    files+=("$arg")
  fi
done

if [[ ${#files[@]} -eq 0 ]]; then
  exit 0
fi
exec "$kubeward" scan "${options[@]}" -- "${files[@]}"
