#!/usr/bin/env bash
# Runs before `npm test`: the browser tests drive Debian's Chromium. Installs it when missing and this
# user may (root with apt-get, as on CI and the project's machines); otherwise says what to do.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $chromium: installing Debian's chromium package for the browser tests" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $chromium. Install Debian's chromium package (or set CHROMIUM_PATH) to run the browser tests." >&2
exit 1
