# Sourced by run.sh for --mode noop|edit-page|edit-title|serve-loop: times copse's incremental
# build against its full build of the same hub, in alternating pairs. Uses run.sh's variables
# (COPSE_BIN, COPSE_CORPUS, PAIRS, WORK, LOGS, PAGES, SEED) and functions (die, new_out).
#
#   noop        A: `copse build` with nothing changed since the last build (cache kept)
#   edit-page   A: `copse build` after appending a line to the text of one meeting note
#   edit-title  A: `copse build` after changing the title of the shared resource that the most
#               pages link to (every page linking to it shows its title)
#   serve-loop  Benchmarks/serve.sh (write -> reload event at a client) on the example hub and
#               the corpus, then the full build of each, for the ratio of medians
#
# B, each pair: `copse build --no-cache` of the same (edited) hub into a new empty folder.

bench_time() {  # bench_time LABEL CMD...: runs CMD under GNU time; sets LAST_WALL
  local label=$1 tf rc=0
  shift
  tf=$(mktemp "$WORK/time.XXXXXX")
  sync
  /usr/bin/time -f '%e %M' -o "$tf" "$@" > "$LOGS/$label.out" 2> "$LOGS/$label.err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "run.sh: build failed ($label, exit $rc): $*" >&2
    tail -n 20 "$LOGS/$label.err" >&2
    exit 1
  fi
  read -r LAST_WALL _ < <(tail -n 1 "$tf")
  rm -f "$tf"
}

ratio_report() {  # ratio_report MODE FILE: FILE holds "a b" wall seconds per pair
  local mode=$1 file=$2
  echo
  echo "Paired wall-time ratio $mode / full build (A / B):"
  awk '{printf "   pair %d: %.3f s / %.3f s = %.4f\n", NR, $1, $2, ($2 > 0 ? $1 / $2 : 0)}' "$file"
  awk '{print ($2 > 0 ? $1 / $2 : 0)}' "$file" | sort -g | awk '{a[NR] = $1} END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "   median %.4f (%.4f-%.4f)\n", m, a[1], a[NR]}'
  awk '{print $1}' "$file" | sort -g | awk '{a[NR] = $1} END {
    printf "   A median %.3f s\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
  awk '{print $2}' "$file" | sort -g | awk '{a[NR] = $1} END {
    printf "   B median %.3f s\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
  printf '%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$PAGES" "$mode" "$(tr '\n' ' ' < "$file")" >> "$WORK/incremental-results.tsv"
}

edit_page() {  # edit_page HUB N: a new line at the end of one meeting note
  local note
  note=$(cd "$1" && find content/communities -path '*/meetings/*.md' | sort | awk 'NR == 1')
  printf '\nEdit %s of the benchmark.\n' "$2" >> "$1/$note"
}

edit_title() {  # edit_title HUB N: a new title for the most linked shared resource
  local hub=$1 target
  target=$(grep -rhoE '\(([./]*)resources/[a-z0-9-]+\.md\)' "$hub/content" | sed -E 's/.*resources\/([a-z0-9-]+)\.md\)/\1/' \
    | sort | uniq -c | sort -k1,1nr -k2 | awk 'NR == 1 {print $2}')
  [ -n "$target" ] || die "no shared resource is linked in $hub"
  [ "$2" = 0 ] && echo "   editing the title of resources/$target.md ($(grep -rlE "resources/$target\.md\)" "$hub/content" | wc -l) pages link to it)"
  sed -i -E "0,/^title: /s/^title: .*/title: \"Retitled resource $2\"/" "$hub/content/resources/$target.md"
}

run_incremental_mode() {
  local hub="$WORK/incremental-hub" out pairs_file i
  if [ "$MODE" = serve-loop ]; then
    "$SCRIPT_DIR/serve.sh" --pages "$PAGES" --seed "$SEED" --edits "$PAIRS" --copse "$COPSE_BIN" --work "$WORK" \
      ${SCRATCH_ARG:+--scratch "$SCRATCH_ARG"}
    echo
    echo "== full builds of the same hubs, for the ratio (copse build --no-cache into a new empty folder)"
    local example="$WORK/incremental-example"
    rm -rf "$example" && mkdir -p "$example"
    cp -r "$REPO/copse.yml" "$REPO/content" "$REPO/themes" "$example/"
    for label in example corpus; do
      local root=$example
      [ "$label" = corpus ] && root=$COPSE_CORPUS
      : > "$WORK/full-$label.tsv"
      for ((i = 1; i <= PAIRS; i++)); do
        new_out "full-$label"
        bench_time "full-$label-$i" "$COPSE_BIN" build --root "$root" --output "$OUT" --no-cache --no-git-dates
        echo "$LAST_WALL" >> "$WORK/full-$label.tsv"
      done
      printf '   %s: full build median %s s\n' "$label" "$(sort -g "$WORK/full-$label.tsv" | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')"
    done
    echo "   (ratio: the write -> reload median above over this full-build median)"
    return
  fi
  echo "== $MODE: copying the corpus to $hub"
  rm -rf "$hub"
  mkdir -p "$hub"
  cp -r "$COPSE_CORPUS/copse.yml" "$COPSE_CORPUS/content" "$hub/"
  out="$WORK/incremental-out"
  rm -rf "$out" "$hub/.copse-cache"
  echo "== untimed: the first build, which fills the cache"
  "$COPSE_BIN" build --root "$hub" --output "$out" --no-git-dates > "$LOGS/incremental-first.out" 2>&1 \
    || { tail -n 20 "$LOGS/incremental-first.out" >&2; die "the first build failed"; }
  pairs_file="$WORK/pairs-$MODE.tsv"
  : > "$pairs_file"
  echo "== $PAIRS timed pairs: A = incremental build ($MODE), B = full build (--no-cache, new empty folder)"
  for ((i = 0; i <= PAIRS; i++)); do
    case "$MODE" in
      edit-page) edit_page "$hub" "$i" ;;
      edit-title) edit_title "$hub" "$i" ;;
    esac
    bench_time "$MODE-a$i" "$COPSE_BIN" build --root "$hub" --output "$out" --no-git-dates
    local a=$LAST_WALL
    grep -q '^Built' "$LOGS/$MODE-a$i.out" && sed 's/^/      A: /' "$LOGS/$MODE-a$i.out"
    # B neither reads nor writes the cache.
    new_out full
    bench_time "$MODE-b$i" "$COPSE_BIN" build --root "$hub" --output "$OUT" --no-cache --no-git-dates
    if [ "$i" = 0 ]; then
      echo "   warm-up pair: $a s / $LAST_WALL s (not counted)"
      if ! diff -r -q "$out" "$OUT" > /dev/null; then die "the incremental output differs from the full build's"; fi
      echo "   the incremental output equals the full build's (diff -r)"
    else
      echo "$a $LAST_WALL" >> "$pairs_file"
      printf '   %s: A %6.2f s  B %6.2f s\n' "$i" "$a" "$LAST_WALL"
    fi
  done
  ratio_report "$MODE" "$pairs_file"
}
