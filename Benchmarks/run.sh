#!/usr/bin/env bash
# Benchmark copse against Hugo on the shared synthetic corpus.
#
#   Benchmarks/run.sh [options]
#     --pages N      corpus size in Markdown pages (default 10000)
#     --pairs N      timed copse/hugo pairs (default 5)
#     --seed N       corpus seed (default 1)
#     --wikilinks    copse builds a corpus whose internal links are [[wiki links]]
#                    (gen_corpus.py --wikilinks); Hugo cannot read those, so it
#                    builds the plain corpus of the same size and seed
#     --no-hugo      time copse only (no Hugo, no ratios)
#     --rebuild      also time N unchanged copse rebuilds into the populated
#                    output dir of the last clean build (N = --pairs)
#     --mode MODE    full (default): copse's full build against Hugo's; or copse's
#                    incremental build against its own full build, in pairs:
#                    noop (nothing changed), edit-page (one meeting note's text),
#                    edit-title (the title of the most linked shared resource),
#                    serve-loop (serve.sh's write -> reload, then full builds)
#                    (see Benchmarks/incremental.sh)
#     --scratch DIR  serve-loop only: where serve.sh puts the served copies
#     --copse PATH   use this copse binary instead of building one
#                    (default: swift build -c release --product copse)
#     --work DIR     corpora, logs and scratch output (default Benchmarks/work)
#     -h, --help     this text
#
# Environment: COPSE_SHARED (the folder holding bench/; default: the repo's
# ../shared), HUGO and HUGO_FLAGS (passed through to peers/hugo.sh).
#
# Each tool gets one untimed warm-up build, then the pairs alternate
# copse, hugo, copse, hugo, ...; every timed build writes into a new empty
# dir and is timed with GNU time (wall seconds, peak RSS of the largest
# process). Prints a table and the paired copse/hugo ratios; writes
# WORK/results.tsv (summary) and WORK/runs.tsv (every timed build).
# Exits non-zero if any build fails.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)

PAGES=10000
PAIRS=5
SEED=1
WIKILINKS=0
NO_HUGO=0
REBUILD=0
MODE=full
SCRATCH_ARG=""
COPSE_ARG=""
WORK="$REPO/Benchmarks/work"

die() { echo "run.sh: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
need_arg() { if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value (see --help)"; fi; }
is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

while [ $# -gt 0 ]; do
  case "$1" in
    --pages) need_arg "$@"; PAGES=$2; shift 2 ;;
    --pairs) need_arg "$@"; PAIRS=$2; shift 2 ;;
    --seed) need_arg "$@"; SEED=$2; shift 2 ;;
    --wikilinks) WIKILINKS=1; shift ;;
    --no-hugo) NO_HUGO=1; shift ;;
    --rebuild) REBUILD=1; shift ;;
    --mode) need_arg "$@"; MODE=$2; shift 2 ;;
    --scratch) need_arg "$@"; SCRATCH_ARG=$2; shift 2 ;;
    --copse) need_arg "$@"; COPSE_ARG=$2; shift 2 ;;
    --work) need_arg "$@"; WORK=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if ! is_uint "$PAGES" || [ "$PAGES" -lt 1 ]; then die "--pages must be a positive integer, got '$PAGES'"; fi
if ! is_uint "$PAIRS" || [ "$PAIRS" -lt 1 ]; then die "--pairs must be a positive integer, got '$PAIRS'"; fi
is_uint "$SEED" || die "--seed must be a non-negative integer, got '$SEED'"
case "$MODE" in
  full) ;;
  noop|edit-page|edit-title|serve-loop) NO_HUGO=1 ;;
  *) die "--mode must be full, noop, edit-page, edit-title or serve-loop, got '$MODE'" ;;
esac
if [ -n "$COPSE_ARG" ]; then
  if [ ! -f "$COPSE_ARG" ] || [ ! -x "$COPSE_ARG" ]; then die "--copse $COPSE_ARG: not an executable file"; fi
elif ! command -v swift > /dev/null 2>&1; then
  die "swift not found on PATH (needed to build copse; or pass --copse PATH)"
fi

# --- the shared bench folder -------------------------------------------------
if [ -n "${COPSE_SHARED:-}" ]; then
  BENCH="$COPSE_SHARED/bench"
else
  BENCH="$REPO/../shared/bench"
fi
[ -d "$BENCH" ] || die "shared bench folder not found: $BENCH
  (set COPSE_SHARED to the folder that contains bench/, e.g. COPSE_SHARED=/work/shared)"
BENCH=$(cd "$BENCH" && pwd -P)
for f in gen_corpus.py check_corpus.py peers/hugo.sh peers/common.sh; do
  [ -f "$BENCH/$f" ] || die "$BENCH/$f is missing: is $BENCH the copse peer benchmark folder?"
done
HUGO_SH="$BENCH/peers/hugo.sh"

# --- tools (Debian packages) -------------------------------------------------
missing=()
command -v python3 > /dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
if [ "$NO_HUGO" = 0 ] && ! command -v "${HUGO:-hugo}" > /dev/null 2>&1; then
  [ -z "${HUGO:-}" ] || die "HUGO=$HUGO: not found"
  missing+=(hugo)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo > /dev/null 2>&1 || die "missing ${missing[*]}, and not root and no sudo: install them with apt-get"
    SUDO=(sudo)
  fi
  command -v apt-get > /dev/null 2>&1 || die "missing ${missing[*]} and no apt-get: install them by hand"
  echo "== installing ${missing[*]} (apt-get)"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
command -v python3 > /dev/null 2>&1 || die "python3 not found"
if [ "$NO_HUGO" = 0 ]; then command -v "${HUGO:-hugo}" > /dev/null 2>&1 || die "hugo not found"; fi
[ -x /usr/bin/time ] || die "GNU time is not at /usr/bin/time"
/usr/bin/time --version 2>&1 | grep -q GNU || die "/usr/bin/time is not GNU time"

# --- work dir ----------------------------------------------------------------
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
LOGS="$WORK/logs"
rm -rf "$LOGS" "$WORK/results.tsv" "$WORK/runs.tsv"
mkdir -p "$LOGS"

# Scratch output dirs still present on exit (failure, Ctrl-C) are removed.
SCRATCH=()
# Files copse may leave next to its output dir (.NAME.lock, NAME.staging*) go too.
rm_out() {
  local d=$1
  rm -rf "$d" "$d".staging* "$(dirname "$d")/.$(basename "$d")".*
}
cleanup() {
  local d
  for d in "${SCRATCH[@]}"; do [ -n "$d" ] && rm_out "$d"; done
}
trap cleanup EXIT
new_out() {  # new_out TOOL: a new empty output dir under WORK, path in OUT
  OUT=$(mktemp -d "$WORK/out-$1.XXXXXX")
  SCRATCH+=("$OUT")
}
drop_out() {  # drop_out DIR
  local d keep=()
  rm_out "$1"
  for d in "${SCRATCH[@]}"; do [ "$d" = "$1" ] || keep+=("$d"); done
  SCRATCH=("${keep[@]}")
}

# --- corpora -----------------------------------------------------------------
GEN_SUM=$(sha256sum "$BENCH/gen_corpus.py" | cut -c1-16)
STAMP_NAME=.bench-stamp

ensure_corpus() {  # ensure_corpus DIR WIKI(0|1)
  local dir=$1 wiki=$2 want flags=()
  want="pages=$PAGES seed=$SEED wikilinks=$wiki gen_corpus=$GEN_SUM"
  if [ -f "$dir/$STAMP_NAME" ] && [ "$(cat "$dir/$STAMP_NAME")" = "$want" ]; then
    echo "== corpus: reusing $dir ($want)"
    return
  fi
  [ "$wiki" = 1 ] && flags=(--wikilinks)
  echo "== corpus: generating $PAGES pages, seed $SEED$([ "$wiki" = 1 ] && echo ", wiki links") into $dir"
  rm -rf "$dir"
  python3 "$BENCH/gen_corpus.py" --pages "$PAGES" --seed "$SEED" --out "$dir" "${flags[@]}" \
    > "$LOGS/gen-$(basename "$dir").log" 2>&1 \
    || { tail -n 20 "$LOGS/gen-$(basename "$dir").log" >&2; die "gen_corpus.py failed"; }
  if ! python3 "$BENCH/check_corpus.py" "$dir" > "$LOGS/check-$(basename "$dir").log" 2>&1; then
    tail -n 20 "$LOGS/check-$(basename "$dir").log" >&2
    die "check_corpus.py failed on $dir"
  fi
  local n
  n=$(find "$dir/content" -type f -name '*.md' | wc -l)
  [ "$n" -eq "$PAGES" ] || die "$dir has $n pages, expected $PAGES"
  echo "   check_corpus.py: $(tail -n 1 "$LOGS/check-$(basename "$dir").log")"
  echo "$want" > "$dir/$STAMP_NAME"
}

PLAIN_CORPUS="$WORK/corpus-$PAGES-seed$SEED"
WIKI_CORPUS="$WORK/corpus-$PAGES-seed$SEED-wikilinks"
if [ "$WIKILINKS" = 1 ]; then
  COPSE_CORPUS=$WIKI_CORPUS
  ensure_corpus "$WIKI_CORPUS" 1
  if [ "$NO_HUGO" = 0 ]; then ensure_corpus "$PLAIN_CORPUS" 0; fi
else
  COPSE_CORPUS=$PLAIN_CORPUS
  ensure_corpus "$PLAIN_CORPUS" 0
fi
HUGO_CORPUS=$PLAIN_CORPUS

# --- copse binary ------------------------------------------------------------
if [ -n "$COPSE_ARG" ]; then
  COPSE_BIN="$(cd "$(dirname "$COPSE_ARG")" && pwd -P)/$(basename "$COPSE_ARG")"
  COPSE_ORIGIN="given with --copse"
else
  echo "== building copse (swift build -c release --product copse)"
  (cd "$REPO" && swift build -c release --product copse) > "$LOGS/swift-build.log" 2>&1 \
    || { tail -n 30 "$LOGS/swift-build.log" >&2; die "swift build failed (log: $LOGS/swift-build.log)"; }
  COPSE_BIN="$(cd "$REPO" && swift build -c release --show-bin-path)/copse"
  [ -x "$COPSE_BIN" ] || die "swift build succeeded but $COPSE_BIN is missing"
  COPSE_ORIGIN="release build of $REPO"
fi

# --- incremental modes -------------------------------------------------------
if [ "$MODE" != full ]; then
  [ -d "$REPO/themes" ] || die "$REPO/themes is missing: copse needs its theme"
  export COPSE_THEMES="$REPO/themes"
  # shellcheck source=incremental.sh
  source "$SCRIPT_DIR/incremental.sh"
  run_incremental_mode
  exit 0
fi

# --- Hugo site ---------------------------------------------------------------
HUGO_SITE="$WORK/hugo-site"
if [ "$NO_HUGO" = 0 ]; then
  echo "== preparing Hugo site in $HUGO_SITE"
  rm -rf "$HUGO_SITE"
  "$HUGO_SH" prepare "$HUGO_CORPUS" "$HUGO_SITE" > "$LOGS/hugo-prepare.log" 2>&1 \
    || { tail -n 20 "$LOGS/hugo-prepare.log" >&2; die "peers/hugo.sh prepare failed"; }
fi

# --- builds ------------------------------------------------------------------
# The corpus has no theme of its own: copse falls back to the default theme
# that ships with it (the repo's themes/ folder, found from the binary's path,
# or COPSE_THEMES), as it does for any hub.
[ -d "$REPO/themes" ] || die "$REPO/themes is missing: copse needs its theme"
export COPSE_THEMES="$REPO/themes"
rm -rf "${COPSE_CORPUS:?}/themes"

# The corpus root holds only these. Anything copse adds there (a cache, say)
# is removed before each clean build so that every timed clean build is a full
# build; the --rebuild runs keep it.
BASELINE=$(printf '%s\n' "$STAMP_NAME" content copse.yml | sort)
WARNED_EXTRAS=""
reset_copse_corpus() {
  local extra e
  extra=$(comm -13 <(echo "$BASELINE") <(find "$COPSE_CORPUS" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort))
  [ -n "$extra" ] || return 0
  if [ -z "$WARNED_EXTRAS" ]; then
    echo "   note: copse wrote into the corpus dir: $(echo "$extra" | tr '\n' ' ')- removed before each clean build"
    WARNED_EXTRAS=1
  fi
  while IFS= read -r e; do rm -rf "${COPSE_CORPUS:?}/$e"; done <<< "$extra"
}

tool_cmd() {  # tool_cmd TOOL OUTDIR: sets CMD
  case "$1" in
    copse) CMD=("$COPSE_BIN" build --root "$COPSE_CORPUS" --output "$2") ;;
    hugo) CMD=("$HUGO_SH" build "$HUGO_SITE" "$2") ;;
    *) die "internal: unknown tool $1" ;;
  esac
}

# run_build TOOL LABEL OUTDIR TIMED(0|1): run one build; on success sets
# LAST_WALL (s) and LAST_RSS (KiB) when timed, and LAST_HTML (HTML files in OUTDIR).
run_build() {
  local tool=$1 label=$2 out=$3 timed=$4 log rc=0 tf
  log="$LOGS/$tool-$label"
  tool_cmd "$tool" "$out"
  if [ "$timed" = 1 ]; then
    tf=$(mktemp "$WORK/time.XXXXXX")
    sync
    /usr/bin/time -f '%e %M' -o "$tf" "${CMD[@]}" > "$log.out" 2> "$log.err" || rc=$?
  else
    "${CMD[@]}" > "$log.out" 2> "$log.err" || rc=$?
  fi
  if [ "$rc" -ne 0 ]; then
    echo >&2
    echo "run.sh: $tool build failed ($label, exit $rc): ${CMD[*]}" >&2
    if [ "$timed" = 1 ]; then
      grep -v '^[0-9.]* [0-9]*$' "$tf" >&2 || true   # GNU time's "exited with status" / "terminated by signal"
      rm -f "$tf"
    fi
    echo "--- last 20 lines of its stderr ($log.err):" >&2
    tail -n 20 "$log.err" >&2
    exit 1
  fi
  if [ "$timed" = 1 ]; then
    read -r LAST_WALL LAST_RSS < <(tail -n 1 "$tf")
    rm -f "$tf"
    [[ "$LAST_WALL" =~ ^[0-9.]+$ && "$LAST_RSS" =~ ^[0-9]+$ ]] \
      || die "could not read GNU time's output for $tool ($label)"
  fi
  LAST_HTML=$(find "$out" -type f -name '*.html' | wc -l)
}

TOOLS=(copse)
[ "$NO_HUGO" = 0 ] && TOOLS+=(hugo)
RUNS_TSV="$WORK/runs.tsv"
printf 'tool\trun\twall_s\tpeak_rss_kib\thtml_files\n' > "$RUNS_TSV"
declare -A HTML=()

echo "== warm-up (untimed): ${TOOLS[*]}"
for tool in "${TOOLS[@]}"; do
  [ "$tool" = copse ] && reset_copse_corpus
  new_out "$tool"
  run_build "$tool" warmup "$OUT" 0
done

echo "== $PAIRS timed $([ "$NO_HUGO" = 0 ] && echo "pairs (copse, hugo)" || echo "copse builds"), each into a new empty dir"
LAST_COPSE_OUT=""
for ((i = 1; i <= PAIRS; i++)); do
  line="   $i:"
  for tool in "${TOOLS[@]}"; do
    [ "$tool" = copse ] && reset_copse_corpus
    new_out "$tool"
    run_build "$tool" "run$i" "$OUT" 1
    printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$i" "$LAST_WALL" "$LAST_RSS" "$LAST_HTML" >> "$RUNS_TSV"
    HTML[$tool]=$LAST_HTML
    line+=$(printf '  %s %6.2f s %7.1f MiB' "$tool" "$LAST_WALL" "$(awk -v k="$LAST_RSS" 'BEGIN {print k / 1024}')")
    # Outputs are kept until the script exits. Deleting 20,000 files between
    # builds charges the next build, whichever tool it is: on ext4 without a
    # journal (as on these machines) the inode allocator skips inodes freed in
    # the last minutes, and the build then spends seconds in the kernel.
    [ "$tool" = copse ] && LAST_COPSE_OUT=$OUT   # the rebuild runs reuse the last one
  done
  echo "$line"
done

if [ "$REBUILD" = 1 ]; then
  echo "== $PAIRS unchanged copse rebuilds into the populated dir of the last clean build"
  for ((i = 1; i <= PAIRS; i++)); do
    run_build copse "rebuild$i" "$LAST_COPSE_OUT" 1
    printf '%s\t%s\t%s\t%s\t%s\n' copse-rebuild "$i" "$LAST_WALL" "$LAST_RSS" "$LAST_HTML" >> "$RUNS_TSV"
    HTML[copse-rebuild]=$LAST_HTML
    printf '   %s:  copse-rebuild %6.2f s %7.1f MiB\n' "$i" "$LAST_WALL" "$(awk -v k="$LAST_RSS" 'BEGIN {print k / 1024}')"
  done
  drop_out "$LAST_COPSE_OUT"
fi

# --- report ------------------------------------------------------------------
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() {  # col TOOL FIELD: that column of the tool's rows in runs.tsv
  awk -F'\t' -v t="$1" -v f="$2" 'NR > 1 && $1 == t {print $f}' "$RUNS_TSV"
}
fmt() { awk -v x="$1" 'BEGIN {printf "%.3f", x}'; }

declare -A WMED=() WMIN=() WMAX=() RMED=()
for tool in "${TOOLS[@]}" $([ "$REBUILD" = 1 ] && echo copse-rebuild); do
  WMED[$tool]=$(col "$tool" 3 | median)
  WMIN[$tool]=$(col "$tool" 3 | sort -g | head -n 1)
  WMAX[$tool]=$(col "$tool" 3 | sort -g | tail -n 1)
  RMED[$tool]=$(awk -v k="$(col "$tool" 4 | median)" 'BEGIN {printf "%.1f", k / 1024}')
done

CPU_MODEL=$(grep -m 1 '^model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
MEM=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)
COPSE_VERSION=$(timeout 10 "$COPSE_BIN" --version 2>/dev/null | head -n 1 || true)
COPSE_REV=$(git -C "$REPO" describe --always --dirty 2>/dev/null || true)
MD_MB=$(find "$COPSE_CORPUS/content" -type f -name '*.md' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')

echo
echo "Machine: $(nproc) cores, ${CPU_MODEL:-unknown CPU}, ${MEM:-? GiB} RAM, $(uname -sr)"
echo "copse:   $COPSE_BIN ($COPSE_ORIGIN)${COPSE_VERSION:+, $COPSE_VERSION}${COPSE_REV:+, repo at $COPSE_REV}"
if [ "$NO_HUGO" = 0 ]; then echo "Hugo:    $("${HUGO:-hugo}" version 2>&1 | head -n 1)"; fi
echo "Corpus:  $PAGES pages, seed $SEED, ${MD_MB} MB of Markdown: $COPSE_CORPUS"
if [ "$WIKILINKS" = 1 ] && [ "$NO_HUGO" = 0 ]; then
  echo "         --wikilinks: copse built the wiki-link corpus; Hugo cannot read [[wiki links]],"
  echo "         so it built the plain corpus of the same size and seed ($HUGO_CORPUS);"
  echo "         the two differ only in how internal links are written."
fi
echo "Runs:    1 warm-up + $PAIRS timed build(s) per tool$([ "$NO_HUGO" = 0 ] && echo ", alternating copse/hugo")"
echo
printf '%-14s %5s %14s %11s %11s %20s %11s\n' tool runs "wall median s" "wall min s" "wall max s" "peak RSS median MiB" "HTML files"
for tool in "${TOOLS[@]}" $([ "$REBUILD" = 1 ] && echo copse-rebuild); do
  printf '%-14s %5s %14s %11s %11s %20s %11s\n' "$tool" "$(col "$tool" 3 | wc -l)" \
    "$(fmt "${WMED[$tool]}")" "$(fmt "${WMIN[$tool]}")" "$(fmt "${WMAX[$tool]}")" "${RMED[$tool]}" "${HTML[$tool]}"
done
echo "(HTML files: written by the last timed build; the corpus has $PAGES Markdown pages)"
for tool in "${TOOLS[@]}"; do
  if [ "${HTML[$tool]}" -lt "$PAGES" ]; then
    echo "WARNING: $tool wrote ${HTML[$tool]} HTML files, fewer than the $PAGES pages of the corpus"
  fi
done

RESULTS="$WORK/results.tsv"
{
  printf 'date\tpages\tseed\twikilinks\tpairs\tnproc\tcpu\ttool\truns\twall_median_s\twall_min_s\twall_max_s\tpeak_rss_median_mib\thtml_files\n'
  for tool in "${TOOLS[@]}" $([ "$REBUILD" = 1 ] && echo copse-rebuild); do
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" \
      "$PAGES" "$SEED" "$WIKILINKS" "$PAIRS" "$(nproc)" "$CPU_MODEL" "$tool" "$(col "$tool" 3 | wc -l)" \
      "${WMED[$tool]}" "${WMIN[$tool]}" "${WMAX[$tool]}" "${RMED[$tool]}" "${HTML[$tool]}"
  done
} > "$RESULTS"

if [ "$NO_HUGO" = 0 ]; then
  RATIOS=$(paste <(col copse 3) <(col hugo 3) | awk '{printf "%.4f\n", ($2 > 0 ? $1 / $2 : 0)}')
  echo
  echo "Paired wall-time ratio copse/hugo (below 1: copse faster):"
  paste <(col copse 3) <(col hugo 3) <(echo "$RATIOS") \
    | awk '{printf "   pair %d: %.2f s / %.2f s = %.3f\n", NR, $1, $2, $3}'
  R_MED=$(echo "$RATIOS" | median)
  R_MIN=$(echo "$RATIOS" | sort -g | head -n 1)
  R_MAX=$(echo "$RATIOS" | sort -g | tail -n 1)
  RSS_RATIO=$(awk -v a="${RMED[copse]}" -v b="${RMED[hugo]}" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}')
  printf '   median %.3f (%.3f-%.3f)\n' "$R_MED" "$R_MIN" "$R_MAX"
  echo "Peak-RSS ratio copse/hugo (medians): $RSS_RATIO (${RMED[copse]} MiB / ${RMED[hugo]} MiB)"
  WALL_OK=$(awk -v r="$R_MED" 'BEGIN {print (r <= 0.35 ? "met" : "NOT met")}')
  RSS_OK=$(awk -v r="$RSS_RATIO" 'BEGIN {print (r <= 0.10 ? "met" : "NOT met")}')
  echo "Target (10,000 pages): wall ratio <= 0.35: $WALL_OK; peak-RSS ratio <= 0.10: $RSS_OK$([ "$PAGES" -ne 10000 ] && echo "  [this run: $PAGES pages, so indicative only]")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" \
    "$PAGES" "$SEED" "$WIKILINKS" "$PAIRS" "$(nproc)" "$CPU_MODEL" "ratio copse/hugo" "$PAIRS" \
    "$R_MED" "$R_MIN" "$R_MAX" "$RSS_RATIO" "-" >> "$RESULTS"
fi
if [ "$REBUILD" = 1 ]; then
  echo "Unchanged rebuild / clean build, copse (medians): $(awk -v a="${WMED[copse-rebuild]}" -v b="${WMED[copse]}" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}')"
fi
echo
echo "Saved: $RESULTS (summary), $RUNS_TSV (every timed build), logs in $LOGS"
