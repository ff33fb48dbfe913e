"""Search as a reader meets it: the example hub's search page in headless Chromium, from a local
web server and from file://. Queries and expected pages come from the example hub's content."""

import json
import re
import unittest
from pathlib import Path
from urllib.parse import quote

import copse_browser as cb

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # require_browser() reports it
    pass

PAIR_TRIAL = "communities/tyneside-secondary-computer-science/meetings/2026-04-23-pair-programming-trial/index.html"
MICROBIT_BOX = "communities/calder-valley-primary-computing/resources/microbit-loan-box/index.html"
MICROBIT_MEETING = "communities/calder-valley-primary-computing/meetings/2026-05-13-microbit-loan-box/index.html"
MORECAMBE_CHARTER = "communities/morecambe-bay-digital-helpers/charter/index.html"
# The cases the index builder (Swift) is checked against too.
TERM_CASES = Path(__file__).resolve().parent.parent / "Fixtures" / "search" / "terms.json"


class SearchTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cb.require_browser()
        cls.root = cb.site_root()
        if not (cls.root / "search" / "index.html").is_file():
            raise AssertionError("the built site has no search/index.html")
        cls.server = cb.LocalServer(cls.root)
        cls.driver = cb.new_driver()
        cb.emulate(cls.driver, cb.DESKTOP, "light")

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.close()

    def bases(self):
        return {"http": self.server.url, "file": cb.file_url}

    def results(self):
        """(href relative to the site, title, meta, snippet HTML) of each result shown."""
        return self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {
                var a = li.querySelector('h2 a'), snippet = li.querySelector('.search-result-snippet');
                return [a.getAttribute('href').replace(/^\\.\\.\\//, ''), a.textContent,
                        li.querySelector('.search-result-meta').textContent, snippet ? snippet.innerHTML : ''];
            });""")

    def status(self):
        return self.driver.find_element(By.ID, "search-status").text

    def test_a_query_finds_the_right_page_first_with_the_match_marked(self):
        for scheme, url in self.bases().items():
            with self.subTest(scheme=scheme):
                cb.open_page(self.driver, url("search/index.html") + "?q=" + quote("pair programming trial"))
                results = self.results()
                self.assertTrue(results, self.status())
                href, title, meta, snippet = results[0]
                self.assertEqual(href, PAIR_TRIAL)
                self.assertEqual(title, "Pair programming trial: first findings")
                self.assertEqual(meta, "Tyneside Secondary Computer Science · Meeting notes · Thursday 23 April 2026")
                self.assertIn("<mark>pair</mark> <mark>programming</mark>", snippet.lower())
                self.assertRegex(self.status(), r"^\d+ pages? match")
                # The result's link opens the page.
                self.driver.find_element(By.CSS_SELECTOR, "#search-results > li h2 a").click()
                WebDriverWait(self.driver, 10).until(lambda d: d.title.startswith("Pair programming trial"))
                self.assertTrue(self.driver.current_url.endswith(PAIR_TRIAL))

    def test_typing_in_the_box_searches_and_the_address_follows(self):
        for scheme, url in self.bases().items():
            with self.subTest(scheme=scheme):
                cb.open_page(self.driver, url("search/index.html"))
                self.assertTrue(self.status().startswith("Type a word to search"), self.status())
                box = self.driver.find_element(By.ID, "search-q")
                self.assertEqual(self.driver.switch_to.active_element, box, "the search page focuses its box")
                box.send_keys("unplug")
                titles = [r[1] for r in self.results()]
                self.assertIn("Unplugged algorithms for Key Stage 1", titles)
                if scheme == "http":
                    self.assertTrue(self.driver.current_url.endswith("search/index.html?q=unplug"), self.driver.current_url)

    def test_filters_narrow_results_to_one_community_and_one_kind(self):
        for scheme, url in self.bases().items():
            with self.subTest(scheme=scheme):
                cb.open_page(self.driver, url("search/index.html") + "?q=pair")
                everything = self.results()
                communities = {r[2].split(" · ")[0] for r in everything}
                self.assertGreater(len(communities), 1, "the query should match pages of several communities")
                Select(self.driver.find_element(By.ID, "search-community")).select_by_value("tyneside-secondary-computer-science")
                tyneside = self.results()
                self.assertTrue(tyneside)
                self.assertLess(len(tyneside), len(everything))
                self.assertTrue(all(r[2].startswith("Tyneside Secondary Computer Science · ") for r in tyneside), tyneside)
                Select(self.driver.find_element(By.ID, "search-kind")).select_by_value("meeting")
                meetings = self.results()
                self.assertTrue(meetings)
                self.assertTrue(all("Meeting notes" in r[2].split(" · ") for r in meetings), meetings)
                self.assertIn("in Tyneside Secondary Computer Science, among meeting notes", self.status())
                # A filter given in the address is applied on load.
                cb.open_page(self.driver, url("search/index.html") + "?q=pair&kind=resource")
                self.assertEqual(Select(self.driver.find_element(By.ID, "search-kind")).first_selected_option.text, "Resource")
                resources = self.results()
                self.assertTrue(resources)
                self.assertTrue(all("Resource" in r[2].split(" · ") for r in resources), resources)

    def test_no_match_says_so(self):
        cb.open_page(self.driver, self.server.url("search/index.html") + "?q=xylophonequartz")
        self.assertEqual(self.results(), [])
        self.assertTrue(self.status().startswith("No pages match"), self.status())

    def test_slash_focuses_the_header_box_which_goes_to_the_search_page(self):
        for scheme, url in self.bases().items():
            with self.subTest(scheme=scheme):
                cb.open_page(self.driver, url(PAIR_TRIAL))
                self.driver.find_element(By.TAG_NAME, "body").send_keys("/")
                box = self.driver.find_element(By.ID, "site-search-q")
                self.assertEqual(self.driver.switch_to.active_element, box)
                box.send_keys("debugging", Keys.ENTER)
                WebDriverWait(self.driver, 10).until(lambda d: "search/index.html" in d.current_url)
                self.assertTrue(self.results(), self.status())
                self.assertEqual(self.driver.find_element(By.ID, "search-q").get_attribute("value"), "debugging")

    def test_without_javascript_the_page_links_to_the_community_directory(self):
        self.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        try:
            cb.open_page(self.driver, self.server.url("search/index.html"))
            link = self.driver.find_element(By.LINK_TEXT, "the directory of communities")
            link.click()
            WebDriverWait(self.driver, 10).until(lambda d: d.current_url.endswith("index.html#communities-heading"))
            self.assertTrue(self.driver.find_element(By.ID, "communities-heading").is_displayed())
        finally:
            self.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

    def search(self, url, query):
        cb.open_page(self.driver, url("search/index.html") + "?q=" + quote(query))
        return self.results()

    def test_the_script_folds_splits_joins_and_stems_as_the_index_builder(self):
        cases = json.loads(TERM_CASES.read_text(encoding="utf-8"))
        cb.open_page(self.driver, self.server.url("search/index.html"))
        terms, stems = self.driver.execute_script("""
            var t = window.copseSearchTerms, cases = arguments[0];
            return [cases.terms.map(function (c) { return t.termsOf(c[0]); }),
                    cases.stems.map(function (c) { return t.stem(c[0]); })];""", cases)
        self.assertEqual(list(zip([c[0] for c in cases["terms"]], terms)), [(c[0], c[1]) for c in cases["terms"]])
        self.assertEqual(list(zip([c[0] for c in cases["stems"]], stems)), [(c[0], c[1]) for c in cases["stems"]])

    def test_a_misspelt_word_finds_the_pages_with_the_word_it_meant(self):
        for scheme, url in self.bases().items():
            with self.subTest(scheme=scheme):
                results = self.search(url, "progamming")
                hrefs = [r[0] for r in results]
                self.assertIn(PAIR_TRIAL, hrefs, self.status())
                self.assertRegex(self.status(), r"^No page has “progamming”, but \d+ pages have a similar word: programming")
                self.assertTrue(any("<mark>programming</mark>" in r[3] for r in results))
                # A typo in one word of several: the pages with both words as typed come first.
                results = self.search(url, "pair progamming")
                self.assertIn("pair programming", results[0][1].lower(), results[0])

    def test_a_word_written_with_inner_punctuation_is_found_joined_or_as_typed(self):
        for scheme, url in self.bases().items():
            for query in ("microbit", "micro:bit", "micro-bit", "MicroBits"):
                with self.subTest(scheme=scheme, query=query):
                    results = self.search(url, query)
                    hrefs = [r[0] for r in results]
                    self.assertIn(MICROBIT_BOX, hrefs, self.status())
                    self.assertIn(MICROBIT_MEETING, hrefs, self.status())
                    # The snippet shows the word as written.
                    snippet = dict((r[0], r[3]) for r in results)[MICROBIT_MEETING]
                    self.assertIn("<mark>micro:bits</mark>", snippet)

    def test_another_ending_of_a_word_finds_it(self):
        for scheme, url in self.bases().items():
            with self.subTest(scheme=scheme):
                results = self.search(url, "inclusion")
                snippets = dict((r[0], r[3]) for r in results)
                self.assertIn(MORECAMBE_CHARTER, snippets, self.status())
                self.assertIn("<mark>Inclusive</mark>", snippets[MORECAMBE_CHARTER])
                meetings = [r[1] for r in self.search(url, "meetings")]
                self.assertIn("Running a good community meeting", meetings)

    def inclusive_evidence(self):
        """The pages the site's evidence pages list under the principle 'inclusive'."""
        pages = set()
        for conference in sorted((self.root / "evidence").glob("*/index.html")):
            html = conference.read_text(encoding="utf-8")
            start = html.find('<section class="evidence-group" aria-labelledby="principle-inclusive">')
            if start < 0:
                continue
            end = html.find('<section class="evidence-group"', start + 1)
            # Each line there links to the item's full entry (by community), which links to its page.
            for entry in re.findall(r'href="\.\./\.\./evidence/[^"#]+#(item-\d+)"', html[start:end if end > 0 else len(html)]):
                item = html[html.find(f'<li class="evidence-item" id="{entry}">'):]
                pages.add(re.search(r'<p class="item-meta"><a href="\.\./\.\./([^"#]+)"', item).group(1))
        return pages

    def test_a_principle_finds_every_evidence_item_that_shows_it_marked_as_evidence(self):
        expected = self.inclusive_evidence()
        self.assertGreaterEqual(len(expected), 7)
        for scheme, url in self.bases().items():
            with self.subTest(scheme=scheme):
                cb.open_page(self.driver, url("search/index.html") + "?q=inclusive")
                more = self.driver.find_element(By.ID, "search-more")
                if more.is_displayed():
                    more.click()
                items = self.driver.execute_script("""
                    return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {
                        var evidence = li.querySelector('.search-result-evidence');
                        return [li.querySelector('h2 a').getAttribute('href').replace(/^\.\.\//, ''),
                                evidence ? evidence.innerHTML : ''];
                    });""")
                found = dict(items)
                self.assertLessEqual(expected, set(found), self.status())
                for page in expected:
                    self.assertRegex(found[page], r"^Evidence for Annual Conference 202\d · .*<mark>inclusive</mark>", page)

    def test_tags_are_searched_and_shown(self):
        results = self.search(self.server.url, "ks3")
        self.assertIn(PAIR_TRIAL, [r[0] for r in results], self.status())
        tags = self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {
                var tags = li.querySelector('.search-result-tags'); return tags ? tags.innerHTML : ''; });""")
        self.assertIn("Tags: pair-programming, gcse, <mark>ks3</mark>, inclusion, debugging", tags)

    def test_no_match_offers_a_near_word_that_searches_when_followed(self):
        for scheme, url in self.bases().items():
            with self.subTest(scheme=scheme):
                self.assertEqual(self.search(url, "porgamming"), [])
                self.assertEqual(self.status(), "No pages match “porgamming”. Did you mean programming?")
                link = self.driver.find_element(By.CSS_SELECTOR, "#search-status a.search-suggestion")
                href = link.get_attribute("href")
                self.assertTrue(href.endswith("search/index.html?q=programming"), href)
                # By keyboard: Enter on the link searches in place.
                box = self.driver.find_element(By.ID, "search-q")
                link.send_keys(Keys.ENTER)
                self.assertEqual(box.get_attribute("value"), "programming")
                self.assertIn(PAIR_TRIAL, [r[0] for r in self.results()])
                self.assertRegex(self.status(), r"^\d+ pages match “programming”\.$")
                self.assertEqual(self.driver.switch_to.active_element, box, "focus goes back to the box")
                # As an ordinary link (opened in place of the page), it searches too.
                cb.open_page(self.driver, href)
                self.assertIn(PAIR_TRIAL, [r[0] for r in self.results()])

    def test_the_index_holds_no_private_page(self):
        index = "".join(path.read_text(encoding="utf-8") for path in sorted((self.root / "search").glob("index*.js")))
        self.assertIn("Pair programming trial", index, "the parts were read")
        for private in ("contacts/index.html", "Leaders' contact list", "physical-computing-starter", "Physical computing on a shoestring"):
            self.assertNotIn(private, index)


class ManyPartsTests(unittest.TestCase):
    """A hub of 200 pages, whose search index is in four parts (a part holds a sixteenth of the
    pages, at least 64): the search page loads every part and merges their words, from a web
    server and from file://, and says so when a part is missing."""

    PAGES = 200

    @classmethod
    def setUpClass(cls):
        import os
        import shutil
        import subprocess
        import tempfile
        cb.require_browser()
        binary = os.environ.get("COPSE_BIN", "")
        if not binary or not os.access(binary, os.X_OK):
            raise RuntimeError("set COPSE_BIN to the copse binary (Tests/Browser/run.sh does)")
        cls.folder = Path(tempfile.mkdtemp(prefix="copse-parts-"))
        hub = cls.folder / "hub"
        (hub / "content" / "pages").mkdir(parents=True)
        (hub / "copse.yml").write_text("title: Many pages\n", encoding="utf-8")
        (hub / "content" / "index.md").write_text("# Many pages\n\nA hub of small pages.\n", encoding="utf-8")
        for number in range(cls.PAGES):
            # Every page shares "timers"; each has a word of its own, and the words of its
            # part's neighbours in another order, so that each part numbers its words its own way.
            own = "marker" + "".join(chr(ord("a") + int(digit)) for digit in f"{number:03d}")
            (hub / "content" / "pages" / f"page-{number:03d}.md").write_text(
                f"# Page {number}\n\nTimers and {own} for group {number % 5}: "
                + " ".join(["pairs", "roles", "swap", "notes"][(number + k) % 4] for k in range(number % 4 + 1)) + ".\n",
                encoding="utf-8")
        cls.site = cls.folder / "site"
        subprocess.run([binary, "build", "--root", str(hub), "--output", str(cls.site), "--no-git-dates", "--no-cache"],
                       check=True, capture_output=True)
        cls.parts = sorted(path.name for path in (cls.site / "search").glob("index-*.js"))
        cls.server = cb.LocalServer(cls.site)
        cls.driver = cb.new_driver()
        cb.emulate(cls.driver, cb.DESKTOP, "light")
        cls.file_url = staticmethod(lambda path: (cls.site / path).as_uri())
        cls.shutil = shutil

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.close()
        cls.shutil.rmtree(cls.folder, ignore_errors=True)

    def search(self, url, query):
        cb.open_page(self.driver, url("search/index.html") + "?q=" + quote(query))
        status = self.driver.find_element(By.ID, "search-status").text
        results = self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {
                var snippet = li.querySelector('.search-result-snippet');
                return [li.querySelector('h2 a').textContent, snippet ? snippet.textContent : ''];
            });""")
        return status, results

    def test_every_part_is_loaded_and_each_page_reads_its_own_words(self):
        self.assertEqual(self.parts, ["index-1.js", "index-2.js", "index-3.js", "index-4.js"])
        for scheme, url in {"http": self.server.url, "file": self.file_url}.items():
            with self.subTest(scheme=scheme):
                status, results = self.search(url, "timers")
                self.assertEqual(status, f"{self.PAGES} pages match “timers”.")
                self.assertEqual(self.driver.execute_script("return window.copseSearch.pages.length"), self.PAGES + 1)
                # A page of each part, found by its own word, with its own words in the snippet.
                for number in (3, 70, 150, 199):
                    own = "marker" + "".join(chr(ord("a") + int(digit)) for digit in f"{number:03d}")
                    status, results = self.search(url, own)
                    # First: the page that has the word as typed (pages with a word a slip away follow).
                    self.assertTrue(results, status)
                    self.assertEqual(results[0][0], f"Page {number}", status)
                    self.assertIn(f"Timers and {own} for group {number % 5}:", results[0][1])
                # A word every part has, counted once per page over all parts.
                status, _ = self.search(url, "group 4")
                self.assertEqual(status, f"{self.PAGES // 5} pages match “group 4”.")

    def test_a_missing_part_is_said_plainly(self):
        part = self.site / "search" / "index-3.js"
        kept = part.read_bytes()
        part.unlink()
        try:
            status, results = self.search(self.server.url, "timers")
            self.assertEqual(results, [])
            self.assertIn("could not be loaded", status)
        finally:
            part.write_bytes(kept)


if __name__ == "__main__":
    unittest.main()
