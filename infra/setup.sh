#!/usr/bin/env bash
# Installs and starts what Hromada needs on a Debian 12 machine; idempotent.
#   infra/setup.sh          PostgreSQL 15 running, PostGIS and the Ukrainian hunspell dictionary
#                           installed, the console built, MapLibre GL JS and GraphiQL from npm
#   infra/setup.sh --test   also the test tools: aiosmtpd (a real SMTP server), pyld (JSON-LD),
#                           s3s-fs (a real S3 server),
#                           gdal-bin (ogrinfo/ogr2ogr read the GIS exports and OGC API),
#                           python3-qgis (QGIS opens the OGC API),
#                           Chromium and playwright-core (the map page in a real browser)
set -euo pipefail

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  $SUDO true
  apt_install postgresql-15 postgresql-client-15
fi
if ! dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1; then
  apt_install postgresql-15-postgis-3
fi

# The Ukrainian hunspell dictionary (brown-uk/dict_uk, Debian's hunspell-uk) as PostgreSQL's
# ispell dictionary `uk_ua`: full-text search finds word forms ("дорога" finds "дороги").
if ! dpkg -s hunspell-uk >/dev/null 2>&1; then
  apt_install hunspell-uk
fi
tsearch="$(ls -d /usr/share/postgresql/*/tsearch_data | sort -V | tail -1)"
if ! cmp -s /usr/share/hunspell/uk_UA.dic "$tsearch/uk_ua.dict" ||
  ! cmp -s /usr/share/hunspell/uk_UA.aff "$tsearch/uk_ua.affix"; then
  log "PostgreSQL: the Ukrainian dictionary into $tsearch"
  $SUDO cp /usr/share/hunspell/uk_UA.dic "$tsearch/uk_ua.dict"
  $SUDO cp /usr/share/hunspell/uk_UA.aff "$tsearch/uk_ua.affix"
fi

version=$(ls /etc/postgresql | sort -n | tail -1)
cluster() { $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main "$1"; }
# Waits up to 30 s for PostgreSQL to answer, and stops the script if it does not.
answering() {
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return 0
    sleep 1
  done
  echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2
  exit 1
}

# Start PostgreSQL if it is down.
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  log "starting PostgreSQL $version"
  cluster start || true
fi
answering

# Settings for bulk GIS writes (README, "Deploying"). With the stock 128 MB of shared buffers
# and 1 GB of WAL between checkpoints, a 1,000,000-parcel import spent its time writing out
# evicted pages itself and rewriting full pages after each of five checkpoints: 70.7 s, 58.5 s
# with these. Shared buffers: a quarter of the memory, at most 2 GB (a restart applies it).
pg() { psql -h 127.0.0.1 -U postgres -d postgres -Atqc "$1"; }
mem_mb=$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo)
buffers_mb=$(( mem_mb / 4 < 2048 ? mem_mb / 4 : 2048 ))
restart=0
tune() { # name, value, [restart]: sizes compare in bytes, other values as written
  case "$2" in
    *[0-9]MB|*[0-9]GB) same="pg_size_bytes(current_setting('$1')) = pg_size_bytes('$2')" ;;
    *) same="current_setting('$1') = '$2'" ;;
  esac
  if [ "$(pg "SELECT $same")" != t ]; then
    log "PostgreSQL: $1 = $2"
    pg "ALTER SYSTEM SET $1 = '$2'"
    if [ "${3:-}" = restart ]; then restart=1; fi
  fi
}
tune shared_buffers "${buffers_mb}MB" restart
tune max_wal_size 8GB
tune checkpoint_timeout 15min
tune wal_compression lz4
pg "SELECT pg_reload_conf()" >/dev/null
if [ "$restart" = 1 ]; then
  log "restarting PostgreSQL $version for shared_buffers"
  if ! cluster restart; then
    log "PostgreSQL did not restart with ${buffers_mb}MB of shared buffers; keeping its own"
    $SUDO sed -i '/^shared_buffers/d' "/var/lib/postgresql/$version/main/postgresql.auto.conf"
    cluster start
  fi
  answering
fi

# Front-end packages (backend/web/package-lock.json pins them): the console's build tools,
# MapLibre and GraphiQL, which the server serves itself, and playwright-core for the tests.
web=backend/web
if [ ! -d "$web/node_modules/vite" ] || [ ! -d "$web/node_modules/maplibre-gl" ] ||
  [ ! -d "$web/node_modules/playwright-core" ] ||
  [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  log "installing the console's packages, MapLibre GL JS and GraphiQL from npm"
  npm ci --prefix "$web" --no-audit --no-fund --loglevel=error
fi

# The console, built into backend/web/dist (served at /admin/) when its sources changed.
console_hash=$(cd "$web" && cat package-lock.json index.html vite.config.ts tsconfig.json \
  $(find src public -type f | LC_ALL=C sort) | sha256sum | cut -c1-16)
if [ "$(cat "$web/dist/.build-hash" 2>/dev/null)" != "$console_hash" ]; then
  log "building the console (vite)"
  (cd "$web" && npx vite build --logLevel warn)
  echo "$console_hash" >"$web/dist/.build-hash"
fi

if [ "$want_test" = 1 ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    $SUDO true
    apt_install chromium
  fi
  if ! python3 -c 'import aiosmtpd, pyld' >/dev/null 2>&1; then
    log "installing aiosmtpd (test SMTP server) and pyld (JSON-LD processor) from PyPI"
    python3 -m pip install -q --disable-pip-version-check aiosmtpd pyld
  fi
  if ! command -v ogrinfo >/dev/null 2>&1; then
    $SUDO true
    apt_install gdal-bin
  fi
  if ! /usr/bin/python3 -c 'import qgis.core' >/dev/null 2>&1; then
    # A real QGIS (3.22 LTS, headless through PyQGIS) opens the OGC API in the tests.
    $SUDO true
    apt_install python3-qgis
  fi
  if ! command -v s3s-fs >/dev/null 2>&1; then
    # A real S3-protocol server over a directory (0.14.1: the last for rustc 1.95).
    log "installing s3s-fs (test S3 server) from crates.io, about 3 minutes"
    cargo install s3s-fs --version 0.14.1 --features binary --locked --quiet
  fi
fi
log "ready"
