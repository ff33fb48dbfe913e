"""axe-core finds no accessibility violation on any kind of page: light and dark colour scheme,
phone (390 px) and desktop (1280 px) width, opened from a folder (file://) and served over HTTP
from 127.0.0.1; and none on any page written in Markdown at phone width, light and dark."""

import unittest

import copse_browser as cb


class AxeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cb.require_browser()
        from axe_core_python.selenium import Axe
        cls.axe = Axe(cb.axe_engine())
        cls.server = cb.LocalServer(cb.site_root())
        cls.driver = cb.new_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.close()

    def check(self, pages, widths=cb.WIDTHS):
        """Runs axe on every (label, url) in every width and scheme; fails once with every
        violation found, each with its rule, the elements and axe's summary of the fix."""
        problems = []
        runs = 0
        engine = None
        for width in widths:
            for scheme in cb.SCHEMES:
                cb.emulate(self.driver, width, scheme)
                for label, url in pages:
                    cb.open_page(self.driver, url)
                    result = self.axe.run(self.driver, options={"resultTypes": ["violations"]})
                    engine = result["testEngine"]["version"]
                    runs += 1
                    for violation in result["violations"]:
                        for node in violation["nodes"]:
                            summary = " ".join(node.get("failureSummary", "").split())
                            problems.append(f"{label} {url} at {width} px, {scheme}: {violation['id']} "
                                            f"({violation['impact']}) on {node['target']}: {summary}")
        print(f"\n  axe-core {engine}: {runs} runs on {len(pages)} pages, {len(problems)} violations", flush=True)
        cb.fail_with(self, "axe-core found violations", problems)

    def test_every_kind_of_page_from_file(self):
        self.check([(p.label, cb.file_url(p.path)) for p in cb.sample_pages()])

    def test_every_kind_of_page_over_http(self):
        pages = [(p.label, self.server.url(p.path)) for p in cb.sample_pages()]
        # The not-found page as a web server shows it: at a missing address, deep in the site.
        pages.append(("not found (at a missing address)", self.server.url(cb.MISSING_ADDRESS)))
        self.check(pages)

    def test_every_page_written_in_markdown_at_phone_width(self):
        # Their tables and code blocks are what scrolls sideways on a phone, and their footnotes
        # and links sit in text of every colour.
        self.check([("written page", cb.file_url(p)) for p in cb.written_pages()], widths=(cb.PHONE,))

    def test_search_page(self):
        if cb.search_page() is None:
            self.skipTest("the site has no search/index.html yet; it is checked with the others once it has")
        self.assertIn("search", [p.label for p in cb.sample_pages()])


if __name__ == "__main__":
    unittest.main()
