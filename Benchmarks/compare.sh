#!/usr/bin/env bash
# Compare two copse binaries on the same corpus, in alternating pairs.
#
#   Benchmarks/compare.sh BEFORE AFTER [--pages N] [--pairs N] [--wikilinks] [--out DIR]
#
# BEFORE and AFTER are copse executables (for example a release build of the
# last commit of an issue's predecessor, and the current one). The corpus is
# the one Benchmarks/run.sh generates (Benchmarks/work/corpus-N-seed1[-wikilinks]);
# run run.sh once with the same --pages (and --wikilinks) to create it.
# Each binary gets one untimed warm-up build; then every pair builds with
# BEFORE and AFTER into new empty folders, timed with GNU time. Prints each
# pair, the medians and the median of the paired AFTER/BEFORE ratios.
# --out DIR puts the scratch output folders in DIR (default Benchmarks/work);
# a tmpfs such as /dev/shm takes the disk's write-back noise out of the timing.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)
[ $# -ge 2 ] || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
BEFORE=$(realpath "$1") AFTER=$(realpath "$2")
shift 2
PAGES=10000 PAIRS=5 SUFFIX="" OUT_BASE="$REPO/Benchmarks/work"
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    --wikilinks) SUFFIX="-wikilinks"; shift ;;
    --out) OUT_BASE=$2; shift 2 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for binary in "$BEFORE" "$AFTER"; do [ -x "$binary" ] || { echo "compare.sh: $binary is not executable" >&2; exit 1; }; done
CORPUS="$REPO/Benchmarks/work/corpus-$PAGES-seed1$SUFFIX"
[ -f "$CORPUS/copse.yml" ] || { echo "compare.sh: no corpus at $CORPUS; run Benchmarks/run.sh --pages $PAGES ${SUFFIX:+--wikilinks} --no-hugo --pairs 1 first" >&2; exit 1; }
SCRATCH=$(mktemp -d "$OUT_BASE/compare.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
# Each binary uses the themes installed beside it (<prefix>/share/copse/themes, or the
# repo's themes/ for a build in .build/), so an old binary keeps its own templates.

build() {  # build BINARY NAME -> prints wall seconds
  local out="$SCRATCH/$2"
  rm -rf "$out"
  /usr/bin/time -f "%e" -o "$SCRATCH/time" "$1" build --root "$CORPUS" --output "$out" --today 2026-11-21 > /dev/null 2> "$SCRATCH/log" \
    || { cat "$SCRATCH/log" >&2; echo "compare.sh: $1 failed" >&2; exit 1; }
  rm -rf "$out"
  cat "$SCRATCH/time"
}

build "$BEFORE" warm > /dev/null
build "$AFTER" warm > /dev/null
echo "corpus: $CORPUS"
befores=() afters=() ratios=()
for pair in $(seq 1 "$PAIRS"); do
  b=$(build "$BEFORE" before) a=$(build "$AFTER" after)
  r=$(python3 -c "print(f'{$a / $b:.3f}')")
  befores+=("$b") afters+=("$a") ratios+=("$r")
  echo "pair $pair: before ${b}s after ${a}s ratio $r"
done
median() { printf '%s\n' "$@" | sort -g | python3 -c "import sys; v=[float(x) for x in sys.stdin]; v.sort(); n=len(v); print(v[n//2] if n%2 else (v[n//2-1]+v[n//2])/2)"; }
echo "median: before $(median "${befores[@]}")s after $(median "${afters[@]}")s; paired after/before ratio $(median "${ratios[@]}")"
