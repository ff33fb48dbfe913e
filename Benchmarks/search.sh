#!/usr/bin/env bash
# Measures search on the benchmark corpus: the index's size against the site's HTML (budget:
# under 10%) and query times in headless Chromium (budget: under 50 ms).
#
#   Benchmarks/search.sh [--pages N] [--out DIR] [--cpu-slowdown X]
#
# Uses the corpus Benchmarks/run.sh generates (Benchmarks/work/corpus-N-seed1; run
# `Benchmarks/run.sh --pages N --no-hugo --pairs 1` once first), a release build of copse, and
# the browser tests' Python venv (.build/browser-venv, made by Tests/Browser/run.sh) for selenium.
# --cpu-slowdown 4 runs the page's CPU four times slower, roughly as a mid-range phone.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
PAGES=10000 OUT=/dev/shm SLOWDOWN=1
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --cpu-slowdown) SLOWDOWN=$2; shift 2 ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
CORPUS="$REPO/Benchmarks/work/corpus-$PAGES-seed1"
[ -f "$CORPUS/copse.yml" ] || { echo "search.sh: no corpus at $CORPUS; run Benchmarks/run.sh --pages $PAGES --no-hugo --pairs 1 first" >&2; exit 1; }
PYTHON="$REPO/.build/browser-venv/bin/python"
[ -x "$PYTHON" ] || { echo "search.sh: no venv at .build/browser-venv; run Tests/Browser/run.sh once" >&2; exit 1; }
cd "$REPO"
swift build -c release --product copse >/dev/null
SITE=$(mktemp -d "$OUT/copse-search.XXXXXX")
trap 'rm -rf "$SITE"' EXIT
.build/release/copse build --root "$CORPUS" --output "$SITE/site" --no-git-dates
"$PYTHON" Benchmarks/search.py "$SITE/site" --cpu-slowdown "$SLOWDOWN"
