#!/usr/bin/env bash
# Benchmarks (release build):
#   infra/bench.sh          the single-window search over a 1,470-community region
#   infra/bench.sh import   GIS import of 100,000 and 1,000,000 parcels against ogr2ogr
#   infra/bench.sh tiles    vector tiles of 1,000,000 parcels, cold and warm, against bare SQL
set -euo pipefail
cd "$(dirname "$0")/.."
infra/setup.sh --test
case "${1:-search}" in
  search) cargo bench -p hromada-tests --bench search ;;
  import) cargo bench -p hromada-tests --bench import ;;
  tiles) cargo bench -p hromada-tests --bench tiles ;;
  *) echo "usage: infra/bench.sh [search|import|tiles]" >&2; exit 2 ;;
esac
