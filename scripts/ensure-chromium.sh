#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing: the end-to-end tests, the demo and the
# benchmarks drive it with Playwright (no browser downloads: Playwright uses /usr/bin/chromium).
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "Installing Chromium (apt-get install -y chromium)…"
if ! $SUDO apt-get install -y chromium; then
  $SUDO apt-get update
  $SUDO apt-get install -y chromium
fi
