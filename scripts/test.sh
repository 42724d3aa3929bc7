#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, then run them.
# README's test command; .ci/run calls it. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

# python3-venv for .venv (Debian's python3 has no venv module without it), a real browser for the browser tests,
# and CJK fonts so Chinese renders: Debian's packages, never a download.
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv chromium \
  fonts-noto-cjk >/dev/null

python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt

.venv/bin/ruff check .
.venv/bin/python -m jiangbei.core.validate data
# Two workers (pytest-xdist): the browser tests run in order on one, everything else spreads over both.
.venv/bin/python -m pytest -q -n auto --dist loadgroup "$@"
