#!/usr/bin/env bash
# Builds one fuzz target with libFuzzer and runs it for a fixed time.
#
#   Tests/Fuzz/run.sh page-parser 60     # PageParser.parse: front matter, Markdown, wiki links
#   Tests/Fuzz/run.sh templates 60       # template compiler, theme check and renderer
#
# The build has its own scratch folder (.build-fuzz), so it never touches .build. The corpus
# starts from the fixtures (and the default theme, for templates) plus every input that once
# crashed (Tests/Fuzz/regressions/<target>/). Exits non-zero when the fuzzer finds a crash, a
# hang (over 10 s for one input) or an input that needs over 2 GB; the input is saved as
# .build-fuzz/crashes/<target>-crash-<hash> (see Tests/Fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:-}
seconds=${2:-60}
case "$target" in
    page-parser) product=FuzzPageParser ;;
    templates) product=FuzzTemplates ;;
    *) echo "usage: Tests/Fuzz/run.sh page-parser|templates [SECONDS]" >&2; exit 2 ;;
esac
config=${COPSE_FUZZ_CONFIG:-debug}

COPSE_FUZZ=1 swift build --scratch-path .build-fuzz -c "$config" --product "$product" \
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link

corpus=.build-fuzz/corpus/$target
seeds=.build-fuzz/seeds/$target
rm -rf "$seeds"
mkdir -p "$corpus" "$seeds" .build-fuzz/crashes
if [ "$target" = page-parser ]; then
    find Tests/Fixtures content -name '*.md' -print0 | while IFS= read -r -d '' file; do
        cp "$file" "$seeds/$(printf '%s' "$file" | md5sum | cut -c1-16)"
    done
else
    # Each seed is a set of templates separated by form feeds, as the target reads them.
    for template in themes/default/*.mustache; do
        { cat "$template"; printf '\f'; cat themes/default/layout.mustache; printf '\f'
          cat themes/default/partials/tags.mustache; } > "$seeds/$(basename "$template" .mustache)"
    done
    find Tests/Fixtures -name '*.mustache' -print0 | while IFS= read -r -d '' file; do
        cp "$file" "$seeds/$(printf '%s' "$file" | md5sum | cut -c1-16)"
    done
fi

echo "fuzzing $target for $seconds s"
".build-fuzz/$config/$product" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix=".build-fuzz/crashes/$target-" \
    "$corpus" "$seeds" "Tests/Fuzz/regressions/$target"
