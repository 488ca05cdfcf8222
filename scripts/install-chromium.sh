#!/usr/bin/env bash
# Debian's Chromium for the browser tests. Never `playwright install`: it downloads a browser
# build from outside the package registries, which fails on air-gapped machines and in CI.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
$SUDO apt-get install -y chromium
