#!/usr/bin/env bash
# Rebuilds the Hub's vendored GOV.UK Frontend assets into
# src/main/resources/static/assets/ (which is committed; the Java build does
# not need Node). Needs node + npm and the npm registry. Exact versions come
# from package.json/package-lock.json via `npm ci`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="$repo/src/main/resources/static/assets"

cd "$here"
# --ignore-scripts: nothing we use needs an install script (sass is pure JS;
# its optional native file watcher is not used for a one-off compile).
npm ci --ignore-scripts --no-audit --no-fund

govuk="$here/node_modules/govuk-frontend/dist/govuk"
sass="$here/node_modules/.bin/sass"

# Compile into a temp dir first so a failed build never leaves half an output.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$sass" \
  --load-path="$here/node_modules" \
  --style=compressed \
  --no-source-map \
  --quiet-deps \
  --silence-deprecation=import \
  --silence-deprecation=global-builtin \
  "$here/hub.scss" "$tmp/hub.css"

# Sanity checks on the compiled CSS: no GDS Transport web font, no font files,
# no crest/crown image, and GOV.UK components really are in there.
if grep -q 'GDS Transport' "$tmp/hub.css"; then
  echo "build.sh: hub.css mentions GDS Transport" >&2; exit 1
fi
if grep -q '@font-face' "$tmp/hub.css"; then
  echo "build.sh: hub.css contains an @font-face rule" >&2; exit 1
fi
if grep -q '/assets/fonts/' "$tmp/hub.css"; then
  echo "build.sh: hub.css references /assets/fonts/" >&2; exit 1
fi
if grep -qE 'govuk-crest|crown\.(svg|png)' "$tmp/hub.css"; then
  echo "build.sh: hub.css references the crest/crown image" >&2; exit 1
fi
if ! grep -q 'govuk-header' "$tmp/hub.css"; then
  echo "build.sh: hub.css has no govuk-header rules" >&2; exit 1
fi
# Every url() in the CSS must be an image we ship from frontend/images/
# (copied to assets/images/). Currently hub.css has no url() at all.
css_images=()
for u in $(grep -oE 'url\([^)]*\)' "$tmp/hub.css" | sed -E 's/^url\(["'\'']?//; s/["'\'']?\)$//' | sort -u); do
  case "$u" in
    /assets/images/*)
      [ -f "$here/images/${u#/assets/images/}" ] || { echo "build.sh: hub.css needs $u, not in frontend/images/" >&2; exit 1; }
      css_images+=("${u#/assets/images/}") ;;
    *) echo "build.sh: unexpected url() in hub.css: $u" >&2; exit 1 ;;
  esac
done

cp "$govuk/govuk-frontend.min.js" "$govuk/govuk-frontend.min.js.map" "$tmp/"
cp "$here/hub.js" "$tmp/hub.js"
# Our own images only: GOV.UK's images (crown favicon, crest, GOV.UK icons)
# are deliberately not copied.
cp "$here/images/hub-logo.svg" "$here/images/favicon.svg" "$tmp/"
if [ "${#css_images[@]}" -gt 0 ]; then
  mkdir -p "$tmp/images"
  for f in "${css_images[@]}"; do cp "$here/images/$f" "$tmp/images/"; done
fi

# Overwrite only the files this script owns; anything else in $out is left alone.
mkdir -p "$out"
cp -R "$tmp"/. "$out"/
chmod -R u=rwX,go=rX "$out"

echo "build.sh: wrote $out"
(cd "$out" && find . -type f | sort | while read -r f; do printf '  %8d  %s\n' "$(wc -c <"$f")" "${f#./}"; done)
