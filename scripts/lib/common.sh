# Shared by scripts/run and scripts/test: install what the repo needs, idempotently.
# shellcheck shell=bash
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

apt_install() {
  # Installs Debian packages that are missing, when we may (root or passwordless sudo).
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "note: missing Debian packages ${missing[*]} (run: sudo apt-get install ${missing[*]})" >&2; return 0; fi
  fi
  echo "installing ${missing[*]} ..." >&2
  $sudo apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || echo "note: could not install ${missing[*]}" >&2
}

ensure_node_tools() {
  command -v node >/dev/null || apt_install nodejs npm
  # npm ci only when the lock file changed since the last install.
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ]; then
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK is required (https://dot.net)" >&2; exit 1; }
}

ensure_dotnet_tools() {
  # Pinned .NET tools (dotnet-tools.json): Kiota, which the contract test generates a client with.
  (cd "$ROOT" && dotnet tool restore >/dev/null)
}

ensure_speech_engines() {
  # Offline speech: flite speaks, pocketsphinx listens (sox resamples WAV, ffmpeg decodes Ogg/WebM/MP3/MP4/FLAC).
  apt_install flite pocketsphinx pocketsphinx-en-us sox ffmpeg
}

ensure_browser() {
  # The browser test drives Debian's chromium through playwright-core, which never downloads a browser itself.
  apt_install chromium
}
