#!/usr/bin/env bash
# Benchmarks (release build). The single-window search over a 1,470-community region.
set -euo pipefail
cd "$(dirname "$0")/.."
infra/setup.sh
cargo bench -p hromada-tests --bench search
