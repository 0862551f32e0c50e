# Installs Debian packages that are missing. Sourced by infra.sh and browser.sh.

# ensure_packages PACKAGE...: apt-get install whichever of them dpkg does not know yet. Waits for the
# dpkg lock (another install on the machine) instead of failing at once.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    # "install ok installed" only: a removed package whose configuration is left still has a status.
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q ' installed$' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return
  echo "installing: ${missing[*]}" >&2
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" >/dev/null
}
