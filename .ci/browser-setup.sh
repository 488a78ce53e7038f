#!/usr/bin/env bash
# Debian's chromium for the Playwright tests; Playwright itself never downloads a browser here.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
