# The API contract tools: @redocly/cli and openapi-typescript, pinned by tools/openapi/package-lock.json.
# shellcheck shell=bash

openapi_tools() {
  local tools="$root/tools/openapi"
  if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ ! -x "$tools/node_modules/.bin/openapi-typescript" ]; then
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
}

# Lints an OpenAPI document with Redocly's recommended rules; non-zero on any error (warnings are printed).
openapi_lint() {
  openapi_tools
  local output status=0 file
  file=$(realpath "$1")
  output=$(cd "$root/tools/openapi" && node_modules/.bin/redocly lint --config redocly.yaml "$file" 2>&1) || status=$?
  # Redocly's boxed notice about the Node.js version is no finding.
  grep -v '[║╔╚]' <<<"$output" || true
  return "$status"
}

# Regenerates clients/typescript/dagmaster-api.d.ts from the checked-in document.
openapi_typescript() {
  openapi_tools
  (cd "$root/tools/openapi" && node_modules/.bin/openapi-typescript ../../src/Client/openapi/v1.json -o ../../clients/typescript/dagmaster-api.d.ts) >&2
}

# Non-zero when clients/typescript/dagmaster-api.d.ts is not what the checked-in document generates.
openapi_typescript_is_fresh() {
  openapi_tools
  local fresh="$root/artifacts/openapi/dagmaster-api.d.ts"
  mkdir -p "$(dirname "$fresh")"
  (cd "$root/tools/openapi" && node_modules/.bin/openapi-typescript ../../src/Client/openapi/v1.json -o "$fresh") >/dev/null 2>&1
  cmp -s "$fresh" "$root/clients/typescript/dagmaster-api.d.ts"
}
