# Tools the scripts need besides PostgreSQL. Each installs from Debian's packages when missing.

apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "${APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# The admin-page tests drive Debian's Chromium; Playwright never downloads a browser of its own.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests..." >&2
    apt_install chromium
  fi
}

# The admin pages' front-end files (htmx) come from npm; the WebUi build runs `npm ci` once when they are missing.
ensure_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Debian's npm for the admin pages' front-end files..." >&2
    apt_install nodejs npm
  fi
}

# The raster handlers run GDAL's command-line tools (gdalinfo, gdal_translate, gdalwarp, gdal_create) from Debian's gdal-bin.
ensure_gdal() {
  if ! command -v gdalinfo >/dev/null 2>&1 || ! command -v gdal_create >/dev/null 2>&1; then
    echo "Installing Debian's gdal-bin for the raster handlers..." >&2
    apt_install gdal-bin
  fi
}

# Azurite (the local Azure Blob storage) for build/run and the raster tests, pinned by build/azurite/package-lock.json.
ensure_azurite() {
  ensure_npm
  if [ ! -x build/azurite/node_modules/.bin/azurite-blob ]; then
    echo "Installing Azurite (npm ci in build/azurite)..." >&2
    (cd build/azurite && npm ci --no-audit --no-fund >/dev/null)
  fi
}

# The B2B quickstart's curl steps run in a test (QuickstartTests): curl, jq and openssl.
ensure_quickstart_tools() {
  local missing=()
  for tool in curl jq openssl; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian's ${missing[*]} for the quickstart test..." >&2
    apt_install "${missing[@]}"
  fi
}
