#!/usr/bin/env bash
# Installs Debian's Chromium for the demo page's browser test (headless, driven by npm's
# playwright-core). Never `npx playwright install`: it downloads a browser build of its own.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium fonts-dejavu-core
/usr/bin/chromium --version
