#!/usr/bin/env bash
# Fetches @etalab/decoupage-administratif from the npm registry (`npm pack`,
# nothing installed) and writes data/reference/fr-communes.tsv with
# scripts/geography.py. The build embeds the TSV: only this script needs npm.
#
# usage: scripts/fetch-geography.sh [VERSION]   (default: the version below)
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-6.0.0}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null)
tar -xzf "$tmp"/etalab-decoupage-administratif-"$version".tgz -C "$tmp"
python3 scripts/geography.py "$tmp/package" data/reference/fr-communes.tsv
