#!/usr/bin/env bash
# The whole test suite: format, lints, unit and end-to-end tests against a real
# PostgreSQL + PostGIS and a real SMTP server. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

infra/setup.sh --test

# The console: types generated from the committed SDL must be the committed ones (a schema
# change regenerates them: `npm run codegen --prefix backend/web`), then the type check and
# the linter.
echo "== console: codegen, tsc, eslint"
(
  cd backend/web
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  CODEGEN_OUT="$scratch/" npx graphql-codegen --config codegen.ts --silent
  if ! diff -r "$scratch" src/gql >/dev/null; then
    echo "backend/web/src/gql is stale: run 'npm run codegen --prefix backend/web' and commit it" >&2
    diff -r "$scratch" src/gql | head -20 >&2
    exit 1
  fi
  npx tsc --noEmit
  npx eslint --max-warnings 0 src
)

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

# Test databases are clones of a migrated template; drop what earlier runs left.
psql -h 127.0.0.1 -U postgres -d postgres -Atqc \
  "SELECT datname FROM pg_database WHERE datname LIKE 'hromada\_t\_%'" |
  while read -r db; do psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; done

# The CLI tests run the `hromada` binary itself; nextest builds only test targets.
echo "== cargo build --bin hromada"
cargo build -p hromada --bin hromada

# The parsers a request reaches, fuzzed for a few seconds each (tests/fuzz/run.sh 600 for the
# ten-minute runs).
echo "== fuzz"
bash tests/fuzz/run.sh "${HROMADA_FUZZ_SECONDS:-5}"

echo "== tests"
if command -v cargo-nextest >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast "$@"
else
  cargo test --workspace --no-fail-fast "$@"
fi
