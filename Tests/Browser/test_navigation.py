"""A reader can get around: from a folder (file://) the primary navigation and the breadcrumbs
lead to the pages they name, every page has its stylesheet and images and fits a phone's
screen, every link of every page reaches a file of the site, and the not-found page works both
from the folder and where a web server shows it (at any missing address)."""

import html.parser
import posixpath
import unittest
from pathlib import Path
from urllib.parse import unquote, urlsplit

import copse_browser as cb


class NavigationTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cb.require_browser()
        cls.driver = cb.new_driver()
        cls.root_url = cb.file_url("index.html")[: -len("index.html")]

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def site_path(self, url):
        """The site path (e.g. `resources/index.html`) of a file:// URL inside the site."""
        self.assertTrue(url.startswith(self.root_url), f"{url} is outside the site")
        return unquote(urlsplit(url).path)[len(urlsplit(self.root_url).path):]

    def follow(self, start, selector):
        """Opens `start`, then each link matching `selector` in turn (from `start` each time),
        and checks that the page it leads to loaded: its title and its stylesheet."""
        cb.open_page(self.driver, cb.file_url(start))
        count = len(self.driver.find_elements("css selector", selector))
        self.assertGreater(count, 0, f"{start} has no link matching {selector}")
        followed = []
        for index in range(count):
            cb.open_page(self.driver, cb.file_url(start))
            link = self.driver.find_elements("css selector", selector)[index]
            target = self.site_path(link.get_attribute("href"))
            link.click()
            cb.open_page(self.driver, self.driver.current_url)
            self.assertEqual(self.site_path(self.driver.current_url), target)
            self.assertEqual(self.driver.title, cb.title_of(target), f"{start} -> {target}")
            self.assertTrue(cb.stylesheet_applied(self.driver), f"{target} opened without its stylesheet")
            followed.append(target)
        return followed

    def test_primary_navigation_from_file(self):
        cb.emulate(self.driver, cb.DESKTOP, "light")
        followed = self.follow("index.html", 'nav[aria-label="Primary"] a')
        self.assertIn("resources/index.html", followed)
        self.assertIn("evidence/index.html", followed)

    def test_breadcrumbs_from_file(self):
        cb.emulate(self.driver, cb.PHONE, "light")
        meeting = cb.kinds()["meeting"][0]
        followed = self.follow(meeting, 'nav[aria-label="Breadcrumb"] a')
        community = meeting.split("/meetings/")[0] + "/index.html"
        self.assertEqual(followed[0], "index.html")
        self.assertIn(community, followed)

    def test_every_page_has_its_stylesheet_and_images_and_fits_a_phone_from_file(self):
        cb.emulate(self.driver, cb.PHONE, "light")
        problems = []
        for path in cb.html_pages():
            cb.open_page(self.driver, cb.file_url(path))
            if not cb.stylesheet_applied(self.driver):
                problems.append(f"{path}: the stylesheet did not load")
            broken = self.driver.execute_script(
                "return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
            problems += [f"{path}: image {src} did not load" for src in broken]
            overflow = self.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.append(f"{path}: scrolls sideways by {overflow} px at {cb.PHONE} px")
        print(f"\n  {len(cb.html_pages())} pages opened from file:// at {cb.PHONE} px", flush=True)
        cb.fail_with(self, "pages that failed a reader", problems)

    def test_evidence_summary_tables_show_whole_on_a_desktop(self):
        # On a phone the matrix of communities by principles scrolls inside its region; on a
        # desktop the evidence pages and packs are wide enough to show it whole (the pack's
        # "All items" and "Section" columns were once cut off at 1280 px).
        cb.emulate(self.driver, cb.DESKTOP, "light")
        kinds = cb.kinds()
        pages = kinds.get("evidence", []) + kinds.get("pack", [])
        self.assertTrue(kinds.get("pack"), "the example hub has no evidence pack")
        problems, tables = [], 0
        for path in pages:
            cb.open_page(self.driver, cb.file_url(path))
            widths = self.driver.execute_script(
                "return [...document.querySelectorAll('.table-scroll')].map(r => [r.scrollWidth, r.clientWidth])")
            tables += len(widths)
            problems += [f"{path}: a summary table is {scroll - client} px wider than its region at {cb.DESKTOP} px"
                         for scroll, client in widths if scroll > client]
        self.assertGreater(tables, 0, "no summary table was found on the evidence pages")
        cb.fail_with(self, "tables cut off on a desktop", problems)

    def check_not_found(self, site, prefix):
        """404.html of the site in `site`, whose base_url has the path `prefix`: opened from the
        folder, and shown by a server at missing addresses; each time with its stylesheet and
        images, and its link to the home page working."""
        cb.emulate(self.driver, cb.DESKTOP, "light")
        server = cb.LocalServer(site, prefix)
        home_title = cb.title_of("index.html", site)
        try:
            for url in ((site / "404.html").as_uri(), server.url(cb.MISSING_ADDRESS), server.url("communities/x/y/z.html")):
                cb.open_page(self.driver, url)
                self.assertEqual(self.driver.title, cb.title_of("404.html", site), url)
                self.assertTrue(cb.stylesheet_applied(self.driver), f"{url}: the stylesheet did not load")
                self.assertEqual(self.driver.execute_script(
                    "return [...document.images].filter(i => i.naturalWidth === 0).length"), 0, url)
                search = self.driver.execute_script("return document.querySelector('form.site-search').action")
                self.driver.find_element("link text", "The home page").click()
                cb.open_page(self.driver, self.driver.current_url)
                self.assertEqual(self.driver.title, home_title, f"home from {url}")
                self.assertTrue(cb.stylesheet_applied(self.driver), f"home from {url}")
                # The header's search box submits to the search page from here too.
                cb.open_page(self.driver, search)
                self.assertTrue(self.driver.title.startswith("Search · "), f"search from {url}: {search}")
        finally:
            server.close()

    def test_not_found_page_from_file_and_at_a_missing_address(self):
        self.check_not_found(cb.site_root(), "/")

    def test_not_found_page_of_a_site_under_a_path(self):
        # The golden site "basic" is a built site whose base_url is https://hub.example.org/riverside/.
        site = Path(__file__).resolve().parents[1] / "Fixtures" / "sites" / "basic" / "expected"
        self.assertIn("/riverside/assets/style.css", (site / "404.html").read_text(encoding="utf-8"))
        self.check_not_found(site, "/riverside/")


class _Links(html.parser.HTMLParser):
    """The href and src values and the ids of one page."""

    def __init__(self):
        super().__init__()
        self.urls, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.urls.append(value)
            elif name == "id" and value:
                self.ids.add(value)


class LinkTests(unittest.TestCase):
    def test_every_link_of_every_page_reaches_a_file_and_its_fragment(self):
        root = cb.site_root()
        parsed = {}
        for path in cb.html_pages():
            parser = _Links()
            parser.feed((root / path).read_text(encoding="utf-8"))
            parsed[path] = parser
        problems = []
        checked = 0
        for path, page in parsed.items():
            for url in page.urls:
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    continue  # a link to another site (a reader follows it; nothing loads from it)
                if parts.path.startswith("/"):
                    # only the not-found page, which a server shows at any address, may do this
                    if path != "404.html":
                        problems.append(f"{path}: {url} starts at the server's root")
                    target = parts.path.lstrip("/")
                else:
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(parts.path))) if parts.path else path
                checked += 1
                if target.startswith("../") or not (root / target).is_file():
                    problems.append(f"{path}: {url} leads to no file of the site")
                elif parts.fragment and target in parsed and parts.fragment not in parsed[target].ids:
                    problems.append(f"{path}: {url}: {target} has no id '{parts.fragment}'")
        print(f"\n  {checked} links and sources in {len(parsed)} pages", flush=True)
        cb.fail_with(self, "links that lead nowhere", problems)


if __name__ == "__main__":
    unittest.main()
