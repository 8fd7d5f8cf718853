#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those that are missing.
# Usage: scripts/system-deps.sh run|test|prod (prod: what `make prod-check` starts)
set -euo pipefail

need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

for pkg in gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
  have "$pkg" || need+=("$pkg")
done
if [ "${1:-run}" = "test" ]; then
  for pkg in chromium postgresql poppler-utils redis-server; do
    have "$pkg" || need+=("$pkg")
  done
fi
if [ "${1:-run}" = "prod" ]; then
  for pkg in nginx postgresql redis-server openssl; do
    have "$pkg" || need+=("$pkg")
  done
fi

[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${need[*]} (install them with your package manager)" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing system packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
