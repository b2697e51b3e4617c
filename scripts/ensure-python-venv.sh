#!/usr/bin/env bash
# Runs before `npm test`: the PyPI crawler's tests make virtual environments with Debian's python3
# (the sandbox user cannot reach a Python under /root). Installs python3-venv when it is missing and
# this user may (root with apt-get, as on CI); otherwise says what to do.
set -euo pipefail
python=/usr/bin/python3
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
if [ -x "$python" ] && "$python" -m venv --without-pip "$probe/venv" >/dev/null 2>&1 && "$python" -c 'import ensurepip' >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "python3 cannot make virtual environments: installing Debian's python3-venv for the PyPI crawler tests" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
  exit 0
fi
echo "$python cannot make virtual environments. Install Debian's python3-venv to run the PyPI crawler tests." >&2
exit 1
