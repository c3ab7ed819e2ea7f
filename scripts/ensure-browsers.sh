#!/usr/bin/env bash
# Installs Debian's Chromium and Firefox ESR when they are missing: the end-to-end tests, the demo
# and the benchmarks drive Chromium with Playwright, the Firefox smoke suite drives Firefox ESR with
# Puppeteer (no browser downloads: they use /usr/bin/chromium and /usr/bin/firefox-esr, or
# CHROMIUM_PATH and FIREFOX_PATH). Also installs Debian's fonts-noto-cjk when no font covers Chinese
# characters: without one, the Hán characters in popovers and the demo's screenshots are empty boxes.
set -euo pipefail
missing=()
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then missing+=(chromium); fi
if [ ! -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ]; then missing+=(firefox-esr); fi
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh family)" ]; then missing+=(fonts-noto-cjk); fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "Installing ${missing[*]} (apt-get install -y ${missing[*]})…"
if ! $SUDO apt-get install -y "${missing[@]}"; then
  $SUDO apt-get update
  $SUDO apt-get install -y "${missing[@]}"
fi
