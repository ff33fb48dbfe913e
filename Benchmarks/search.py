#!/usr/bin/env python3
"""Measures copse's search on a built site: the index's size against the site's HTML, how long
the search page takes to unpack the index, and how long queries take, in headless Chromium.

    Benchmarks/search.py SITE [--query WORDS]...

SITE is a built copse site (for the budget: the 10,000-page corpus, see Benchmarks/search.sh).
Needs selenium (the browser tests' venv has it), /usr/bin/chromium and /usr/bin/chromedriver.
"""
import argparse
import os
import statistics

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

# The last five are forgiven: a slip (progamming), a word written micro:bit in the text, a word
# found by its stem (inclusion: inclusive), and two that find nothing (so the page looks for a
# "Did you mean": timed below).
DEFAULT_QUERIES = ["pair programming", "unplugged", "debugging", "the", "assessment rubric", "prog", "zzzz",
                   "progamming", "microbit", "inclusion", "porgamming", "xylophonequartz"]


def html_bytes(site):
    total = 0
    for folder, _, files in os.walk(site):
        total += sum(os.path.getsize(os.path.join(folder, f)) for f in files if f.endswith(".html"))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--query", action="append", dest="queries")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cpu-slowdown", type=float, default=1,
                        help="run the page's CPU this many times slower, as a phone's (Chromium's CPU throttling)")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    index_size = os.path.getsize(os.path.join(site, "search", "index.js"))
    html = html_bytes(site)
    print(f"index {index_size / 1e6:.2f} MB, HTML {html / 1e6:.1f} MB: {100 * index_size / html:.1f}% of the HTML")

    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        if args.cpu_slowdown > 1:
            driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": args.cpu_slowdown})
            print(f"CPU slowed down {args.cpu_slowdown:g} times")
        driver.get("file://" + os.path.join(site, "search", "index.html"))
        timing = driver.execute_script("""
            var t = performance.getEntriesByType('navigation')[0];
            var index = performance.getEntriesByName(location.href.replace(/index\\.html.*$/, 'index.js'))[0];
            return {domContentLoaded: t.domContentLoadedEventEnd, load: t.loadEventEnd,
                    indexDownload: index ? index.responseEnd - index.startTime : null};
        """)
        unpack = driver.execute_script("""
            var times = [];
            for (var i = 0; i < 3; i++) {
                var start = performance.now();
                new window.copseSearch.constructor(window.copseSearchIndex);
                times.push(performance.now() - start);
            }
            return times;
        """)
        print(f"page ready (DOMContentLoaded, index parsed and unpacked) {timing['domContentLoaded']:.0f} ms; "
              f"unpacking alone {statistics.median(unpack):.0f} ms (median of 3)")
        print(f"{'query':<22}{'results':>8}{'median ms':>11}{'max ms':>9}")
        for query in args.queries or DEFAULT_QUERIES:
            count, times = driver.execute_script("""
                var times = [], result;
                for (var i = 0; i < arguments[1]; i++) {
                    var start = performance.now();
                    result = window.copseSearch.search(arguments[0], '', '');
                    times.push(performance.now() - start);
                }
                return [result.pages.length, times];
            """, query, args.runs)
            print(f"{query:<22}{count:>8}{statistics.median(times):>11.1f}{max(times):>9.1f}")
        # "Did you mean": only when nothing matches, on top of the search itself.
        for query in ["porgamming", "xylophonequartz"]:
            found, times = driver.execute_script("""
                var times = [], result;
                if (!window.copseSearch.suggest) return [null, []];
                for (var i = 0; i < arguments[1]; i++) {
                    var start = performance.now();
                    result = window.copseSearch.suggest(arguments[0]);
                    times.push(performance.now() - start);
                }
                return [result, times];
            """, query, args.runs)
            if found is not None:
                print(f"'Did you mean' for {query!r}: {found}, median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
        # A query as a reader makes it: typing into the box, results drawn into the page.
        drawn = driver.execute_script("""
            var box = document.getElementById('search-q'), times = [];
            for (var i = 0; i < arguments[1]; i++) {
                var start = performance.now();
                box.value = arguments[0];
                box.dispatchEvent(new Event('input'));
                times.push(performance.now() - start);
            }
            return times;
        """, "pair programming", args.runs)
        print(f"typing 'pair programming' and drawing the first 50 results: median {statistics.median(drawn):.1f} ms, "
              f"max {max(drawn):.1f} ms")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
