#!/usr/bin/env bash
# Benchmarks (release build):
#   infra/bench.sh          the single-window search over a 1,470-community region
#   infra/bench.sh import   GIS import of 100,000 and 1,000,000 parcels against ogr2ogr
#   infra/bench.sh tiles    vector tiles of 1,000,000 parcels, cold and warm, against Martin and bare SQL
#   infra/bench.sh site     a cached community page against nginx serving the same bytes; uncached renders
#   infra/bench.sh console  the console in Chromium: shell size, screens, the editor's live preview
#   infra/bench.sh applications  10,000,000 cases: the desk's inbox and lookups against bare SQL; submissions per second
#   infra/bench.sh portal   the oblast's portal: results pages against searchServices; the cached home against nginx
#   infra/bench.sh queue    the e-queue: free times over 30 days at a 12-window CNAP; bookings under contention against their statements bare
set -euo pipefail
cd "$(dirname "$0")/.."
infra/setup.sh --test
case "${1:-search}" in
  search) cargo bench -p hromada-tests --bench search ;;
  import) cargo bench -p hromada-tests --bench import ;;
  tiles)
    # Martin, the reference tile server, built once into target/martin (6-9 minutes; its
    # default features download a web UI, which this machine cannot, so only `postgres`).
    if [ ! -x target/martin/bin/martin ]; then
      cargo install martin --version 1.14.0 --locked --no-default-features --features postgres \
        --root target/martin
    fi
    MARTIN="$PWD/target/martin/bin/martin" cargo bench -p hromada-tests --bench tiles ;;
  site|portal)
    if ! command -v nginx >/dev/null 2>&1 || ! command -v wrk >/dev/null 2>&1; then
      sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
      $sudo apt-get update -q >/dev/null
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light wrk >/dev/null
    fi
    cargo bench -p hromada-tests --bench "$1" ;;
  console) cargo bench -p hromada-tests --bench console ;;
  applications) cargo bench -p hromada-tests --bench applications ;;
  queue) cargo bench -p hromada-tests --bench queue ;;
  *) echo "usage: infra/bench.sh [search|import|tiles|site|portal|console|applications|queue]" >&2; exit 2 ;;
esac
