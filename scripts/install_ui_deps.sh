#!/usr/bin/env bash
# Idempotent installer for the UI tests' headless browser (Debian's chromium at /usr/bin/chromium).
# Playwright drives it via executable_path; it never downloads a browser of its own.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install_ui_deps: $CHROMIUM is missing and this is not root." >&2
  echo "  Install it as root:  apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_ui_deps: $CHROMIUM is missing and apt-get is not available; install chromium by hand." >&2
  exit 1
fi

echo "install_ui_deps: installing Debian package chromium ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "install_ui_deps: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "install_ui_deps: $("$CHROMIUM" --version 2>/dev/null || echo chromium installed)"
