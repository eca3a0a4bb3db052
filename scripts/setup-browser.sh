#!/usr/bin/env bash
# Installs Debian's Chromium for the demo page's browser test (headless, driven by npm's
# playwright-core), through scripts/setup.sh. Never `npx playwright install`: it downloads a
# browser build of its own.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/setup.sh" os
