#!/usr/bin/env bash
# Benchmark copse serve's edit loop: the time from writing a one-page text edit to a meeting
# note to the reload event reaching a connected client, on the example hub and on the shared
# synthetic corpus.
#
#   Benchmarks/serve.sh                       example hub and the 10,000-page corpus, 5 edits each
#   Benchmarks/serve.sh --pages 1000          a smaller corpus
#   Benchmarks/serve.sh --hub example         only the example hub
#
# Options:
#     --hub example|corpus|both   which hubs (default both)
#     --pages N      corpus size in Markdown pages (default 10000)
#     --seed N       corpus seed (default 1)
#     --edits N      timed edits per hub, after one untimed warm-up edit (default 5)
#     --copse PATH   copse binary (default: swift build -c release, then .build/release/copse)
#     --work DIR     corpora and logs (default Benchmarks/work, shared with run.sh)
#     --scratch DIR  where the served copies live (default: the work dir; /dev/shm keeps the
#                    preview's writes off the disk)
#
# Each hub is copied to a scratch folder first (the corpus is never edited in place), served
# with `copse serve --port 0 --no-git-dates`, and measured by serve_loop.py. Prints one line per
# edit and a table of medians; writes WORK/serve-results.tsv (tab-separated).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)

HUBS=both
PAGES=10000
SEED=1
EDITS=5
COPSE_ARG=""
WORK="$REPO/Benchmarks/work"
SCRATCH_BASE=""

die() { echo "serve.sh: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
need_arg() { if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value (see --help)"; fi; }
is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

while [ $# -gt 0 ]; do
  case "$1" in
    --hub) need_arg "$@"; HUBS=$2; shift 2 ;;
    --pages) need_arg "$@"; PAGES=$2; shift 2 ;;
    --seed) need_arg "$@"; SEED=$2; shift 2 ;;
    --edits) need_arg "$@"; EDITS=$2; shift 2 ;;
    --copse) need_arg "$@"; COPSE_ARG=$2; shift 2 ;;
    --work) need_arg "$@"; WORK=$2; shift 2 ;;
    --scratch) need_arg "$@"; SCRATCH_BASE=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "serve.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$HUBS" in example|corpus|both) ;; *) die "--hub must be example, corpus or both, got '$HUBS'" ;; esac
if ! is_uint "$PAGES" || [ "$PAGES" -lt 1 ]; then die "--pages must be a positive integer, got '$PAGES'"; fi
if ! is_uint "$EDITS" || [ "$EDITS" -lt 1 ]; then die "--edits must be a positive integer, got '$EDITS'"; fi
is_uint "$SEED" || die "--seed must be a non-negative integer, got '$SEED'"
command -v python3 > /dev/null 2>&1 || die "python3 not found (apt-get install python3)"

if [ -n "$COPSE_ARG" ]; then
  [ -x "$COPSE_ARG" ] || die "--copse $COPSE_ARG: not an executable file"
  COPSE=$(cd "$(dirname "$COPSE_ARG")" && pwd -P)/$(basename "$COPSE_ARG")
else
  echo "== building copse (release)"
  (cd "$REPO" && swift build -c release --product copse > /dev/null) || die "swift build failed"
  COPSE="$REPO/.build/release/copse"
fi
export COPSE_THEMES="$REPO/themes"   # the corpus has no theme: the default one, as run.sh does

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
LOGS="$WORK/logs"
mkdir -p "$LOGS"
rm -f "$LOGS"/serve-*.log "$WORK/serve-results.tsv"
SCRATCH_BASE=${SCRATCH_BASE:-$WORK}
mkdir -p "$SCRATCH_BASE"
SCRATCH=$(mktemp -d "$SCRATCH_BASE/serve-bench.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

# The same corpus folder and stamp as run.sh, so that either script reuses the other's corpus.
ensure_corpus() {  # ensure_corpus DIR
  local dir=$1 bench want
  bench=${COPSE_SHARED:-$REPO/../shared}/bench
  [ -f "$bench/gen_corpus.py" ] || die "gen_corpus.py not found in $bench (set COPSE_SHARED)"
  want="pages=$PAGES seed=$SEED wikilinks=0 gen_corpus=$(sha256sum "$bench/gen_corpus.py" | cut -c1-16)"
  if [ -f "$dir/.bench-stamp" ] && [ "$(cat "$dir/.bench-stamp")" = "$want" ]; then
    echo "== corpus: reusing $dir"
    return
  fi
  echo "== corpus: generating $PAGES pages, seed $SEED into $dir"
  rm -rf "$dir"
  python3 "$bench/gen_corpus.py" --pages "$PAGES" --seed "$SEED" --out "$dir" > "$LOGS/gen-serve.log" 2>&1 \
    || { tail -n 20 "$LOGS/gen-serve.log" >&2; die "gen_corpus.py failed"; }
  python3 "$bench/check_corpus.py" "$dir" > "$LOGS/check-serve.log" 2>&1 \
    || { tail -n 20 "$LOGS/check-serve.log" >&2; die "check_corpus.py failed on $dir"; }
  echo "$want" > "$dir/.bench-stamp"
}

measure() {  # measure LABEL HUB_DIR
  local label=$1 hub=$2 note
  note=$(cd "$hub" && find content/communities -path '*/meetings/*.md' | sort | awk 'NR == 1')
  [ -n "$note" ] || die "$hub has no meeting note to edit"
  echo "== $label: serving $(find "$hub/content" -name '*.md' | wc -l) pages; editing $note"
  python3 "$SCRIPT_DIR/serve_loop.py" --copse "$COPSE" --hub "$hub" --note "$note" --edits "$EDITS" --label "$label" \
    | tee "$LOGS/serve-$label.log"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
echo "== copse: $COPSE"
if [ "$HUBS" != corpus ]; then
  mkdir -p "$SCRATCH/example"
  cp -r "$REPO/copse.yml" "$REPO/content" "$REPO/themes" "$SCRATCH/example/"
  measure example "$SCRATCH/example"
fi
if [ "$HUBS" != example ]; then
  CORPUS="$WORK/corpus-$PAGES-seed$SEED"
  ensure_corpus "$CORPUS"
  mkdir -p "$SCRATCH/corpus"
  cp -r "$CORPUS/copse.yml" "$CORPUS/content" "$SCRATCH/corpus/"
  measure "corpus-$PAGES" "$SCRATCH/corpus"
fi

echo
printf '%-14s %5s %14s %7s %7s %14s %14s %12s\n' hub edits "write->reload" min max rebuild "serve adds" "first build"
printf '%-14s %5s %14s %7s %7s %14s %14s %12s\n' "" "" "median s" s s "median s" "median s" s
grep -h '^RESULT' "$LOGS"/serve-*.log | while IFS=$'\t' read -r _ label edits median min max rebuild adds first; do
  printf '%-14s %5s %14s %7s %7s %14s %14s %12s\n' "$label" "$edits" "$median" "$min" "$max" "$rebuild" "$adds" "$first"
done
{ printf 'hub\tedits\tmedian_s\tmin_s\tmax_s\trebuild_median_s\tserve_adds_median_s\tfirst_build_s\n'
  grep -h '^RESULT' "$LOGS"/serve-*.log | cut -f2-; } > "$WORK/serve-results.tsv"
