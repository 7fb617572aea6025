#!/usr/bin/env bash
# Runs every test on this machine, the way CI does, and ends with one line: "N passed, N failed".
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Raw]
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# Tools the tests drive, installed when missing (CI runs as root on Debian).
ensure_apt() { # ensure_apt COMMAND-OR-PATH PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing $2 (for $1)"
  $sudo apt-get install -y -q "$2" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$2" >/dev/null 2>&1; } \
    || echo "could not install $2: the tests that need it will fail under CI"
}
ensure_apt chromium chromium   # headless rendering of the offline HTML reports
ensure_apt /usr/lib/postgresql/15/bin/initdb postgresql-15   # the catalog tests' throwaway PostgreSQL 15 server
ensure_py() { # ensure_py MODULE PACKAGE: Debian's python3 modules for tools nobody here wrote
  /usr/bin/python3 -c "import $1" >/dev/null 2>&1 && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing $2 (python module $1)"
  $sudo apt-get install -y -q "$2" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$2" >/dev/null 2>&1; } \
    || echo "could not install $2: the tests that need it will fail under CI"
}
ensure_py nbformat python3-nbformat   # strict validation of every executed notebook
ensure_npm() { # ensure_npm COMMAND PACKAGE@VERSION: tools from the npm registry (Node from Debian when missing)
  command -v "$1" >/dev/null 2>&1 && return 0
  command -v npm >/dev/null 2>&1 || ensure_apt npm npm
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing $2 (for $1)"
  $sudo npm install -g -q "$2" >/dev/null 2>&1 \
    || echo "could not install $2: the tests that need it will fail under CI"
}
ensure_npm s3rver s3rver@3.7.1   # S3-compatible server on loopback for the storage and replication tests
ensure_py avro python3-avro           # Apache Avro's reference reader cross-checks the Iceberg manifests we write
ensure_py jupyter_client python3-jupyter-client   # Jupyter's own client drives our kernel
ensure_py nbclient python3-nbclient               # jupyter execute runs the notebooks through our kernel

results="TestResults"
rm -rf "$results"
mkdir -p "$results"

dotnet restore Notebooks.sln --verbosity quiet || { echo "restore failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet build Notebooks.sln --no-restore --verbosity quiet -nologo || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

projects=(tests/*/*.Tests.csproj)
status=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --verbosity quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

# Sum the TRX counters ourselves: CI reads this line, not dotnet test's own summary.
passed=0; failed=0; missing=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "no test results for $name (the test host crashed or did not start)"
    missing=$((missing + 1)); continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); e=${e:-0}
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters"); t=${t:-0}
  passed=$((passed + p)); failed=$((failed + f + e + t))
done
failed=$((failed + missing))
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit "$status"
