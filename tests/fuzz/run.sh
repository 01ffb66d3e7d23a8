#!/usr/bin/env bash
# Runs each fuzz target (cargo fuzz, libFuzzer) for SECONDS seconds, default 600 (ten
# minutes), starting from its committed seeds in tests/fuzz/corpus/. A crash stops the run;
# the input is kept under tests/fuzz/artifacts/<target>/ to replay with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz -s none <target> <file>
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz from crates.io (about 2 minutes)"
  cargo install cargo-fuzz --version 0.13.2 --locked --quiet
fi
# cargo fuzz passes flags of the nightly compiler; this machine has the stable one, which
# accepts them with RUSTC_BOOTSTRAP. No sanitizer: Rust is memory-safe here, and panics, stack
# overflows and timeouts are what the targets look for.
export RUSTC_BOOTSTRAP=1
cargo fuzz build --fuzz-dir tests/fuzz -s none
for target in graphql_document geojson_reader exchange_file markdown; do
  work=$(mktemp -d)
  cp tests/fuzz/corpus/"$target"/* "$work"/
  echo "[fuzz] $target for ${seconds}s"
  status=0
  cargo fuzz run --fuzz-dir tests/fuzz -s none "$target" "$work" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 >"$work.log" 2>&1 || status=$?
  grep -E '^(Done|==|SUMMARY|thread)' "$work.log" || true
  rm -rf "$work" "$work.log"
  if [ "$status" != 0 ]; then
    echo "[fuzz] $target failed: see tests/fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
