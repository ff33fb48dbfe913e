"""Search as a reader meets it: the example hub's search page in headless Chromium, from a local
web server and from file://. Queries and expected pages come from the example hub's content."""

import unittest
from urllib.parse import quote

import copse_browser as cb

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # require_browser() reports it
    pass

PAIR_TRIAL = "communities/tyneside-secondary-computer-science/meetings/2026-04-23-pair-programming-trial/index.html"


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

    def test_the_index_holds_no_private_page(self):
        index = (self.root / "search" / "index.js").read_text(encoding="utf-8")
        for private in ("contacts/index.html", "Leaders' contact list", "physical-computing-starter", "Physical computing on a shoestring"):
            self.assertNotIn(private, index)


if __name__ == "__main__":
    unittest.main()
