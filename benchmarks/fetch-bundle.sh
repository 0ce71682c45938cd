#!/usr/bin/env bash
# Fetches the library bundles of the snapshot benchmark (SnapshotBenchmarks) from the npm registry
# into benchmarks/target/bundles, once: `npm pack` downloads the package tarball, and the one file
# the benchmark evaluates is extracted from it. The Maven build never downloads; run this first.
#   benchmarks/fetch-bundle.sh            # lodash 4.17.21 and underscore 1.13.7
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$here/target/bundles"
mkdir -p "$dir"

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-bundle.sh: npm is not on PATH, so the library bundles cannot be fetched." >&2
  echo "Install Node.js/npm, or put lodash.js (lodash 4.17.21) into $dir yourself." >&2
  exit 2
fi

# fetch PACKAGE@VERSION FILE-IN-PACKAGE TARGET-NAME
fetch() {
  local spec="$1" inner="$2" target="$3"
  if [[ -s "$dir/$target" ]]; then
    echo "$dir/$target (present)"
    return
  fi
  local tmp
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" "package/$inner"
  mv "$tmp/package/$inner" "$dir/$target"
  echo "$dir/$target ($(wc -c <"$dir/$target") bytes)"
}

fetch lodash@4.17.21 lodash.js lodash.js
fetch underscore@1.13.7 underscore-umd.js underscore.js
