#!/usr/bin/env bash
# The demo: installs what is missing, builds the console, migrates, loads demo data and serves
# on http://127.0.0.1:8080 (the console at /admin/, GraphiQL at /graphiql). Idempotent: run it
# again any time.
set -euo pipefail
cd "$(dirname "$0")/.."

infra/setup.sh
cargo build --bin hromada
bin=target/debug/hromada

"$bin" demo
listen=${HROMADA_LISTEN:-127.0.0.1:8080}
port=${listen##*:}
cat <<MSG

Hromada demo
  Console (community):    http://petrykivska.localhost:$port/admin/   admin@petrykivska.hromada.localhost
  Console (oblast):       http://dnipropetrovska.localhost:$port/admin/   oblast.admin@hromada.localhost
  The community's site:   http://petrykivska.localhost:$port/
  GraphiQL (oblast):      http://dnipropetrovska.localhost:$port/graphiql
  GraphiQL (community):   http://petrykivska.localhost:$port/graphiql
  Any host, naming the tenant: add the header  X-Tenant: petrykivska
  Try:  curl -s -H 'Host: petrykivska.localhost' -H 'content-type: application/json' \\
          -d '{"query":"{ tenant { slug nameUk } }"}' http://$listen/graphql
  Mail without SMTP is written to var/mail/*.eml
  Stop with Ctrl-C.

MSG
exec "$bin" serve
