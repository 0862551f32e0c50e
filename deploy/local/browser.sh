#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium, installing Debian's chromium package first when it is
# missing (as infra.sh installs the servers). The browser tests of /docs start it this way, so a fresh
# machine needs nothing preinstalled. Needs root for the install; exits 1 with the reason when it fails.
#
#   deploy/local/browser.sh        -> /usr/bin/chromium
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/packages.sh
source "$SCRIPT_DIR/lib/packages.sh"

if ! command -v chromium >/dev/null 2>&1; then
  [[ $EUID -eq 0 ]] || die "chromium is not installed and installing it needs root (apt-get install chromium)"
  ensure_packages chromium || die "apt-get could not install chromium (see the lines above)"
fi
command -v chromium >/dev/null 2>&1 || die "chromium was installed but is not on PATH"
command -v chromium
