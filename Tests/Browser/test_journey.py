"""The reader's journey through the example hub: the header stands in one place on every kind
of page, a phone reaches the communities and the meetings within two screens, a long page has
contents that work (folded at the top on a phone, beside the text on a wide screen), and every
heading of a page's text has a link, with a name, to its own address."""

import time
import unittest

import copse_browser as cb

# A phone's screen: 390 by 844 CSS pixels (the size the issue measured at).
SCREEN = 844


def top(driver, selector):
    """The distance from the top of the page to the first element matching `selector`."""
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]);"
        "return e ? e.getBoundingClientRect().top + window.scrollY : null;", selector)


def box(driver, selector):
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]); if (!e) return null;"
        "var r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];",
        selector)


class JourneyTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cb.require_browser()
        cls.driver = cb.new_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def open(self, path, width, height=900):
        cb.emulate(self.driver, width, "light", height=height)
        cb.open_page(self.driver, cb.file_url(path))

    def test_the_header_stands_in_the_same_place_on_every_kind_of_page(self):
        places = {}
        for page in cb.sample_pages():
            if page.label == "evidence pack":
                continue  # printed: the pack hides the site's header (see its own tests)
            self.open(page.path, cb.DESKTOP)
            places[page.label] = (box(self.driver, ".site-title"), box(self.driver, 'nav[aria-label="Primary"]'))
        home = places["home"]
        self.assertIsNotNone(home[1])
        differ = [f"{label}: {place} (home {home})" for label, place in places.items() if place != home]
        cb.fail_with(self, "pages whose header differs from the home page's at 1280 px", differ)
        # The search box sits on the same row, at the same place, wherever there is one.
        searches = {}
        for page in cb.sample_pages():
            if page.label in ("evidence pack", "search"):
                continue
            self.open(page.path, cb.DESKTOP)
            searches[page.label] = box(self.driver, "form.site-search")
        differ = [f"{label}: {place}" for label, place in searches.items() if place != searches["home"]]
        cb.fail_with(self, "pages whose search box differs from the home page's", differ)
        self.assertEqual(searches["home"][1], home[1][1] + (home[1][3] - searches["home"][3]) // 2,
                         "the search box is on the navigation's row")

    def test_the_home_page_reaches_the_communities_and_the_meetings_within_two_screens_of_a_phone(self):
        self.open(cb.kinds()["home"][0], cb.PHONE, SCREEN)
        communities = top(self.driver, "#communities-heading")
        upcoming = top(self.driver, "#hub-upcoming-heading")
        self.assertIsNotNone(communities)
        self.assertIsNotNone(upcoming)
        self.assertLess(communities, SCREEN, "the communities start on the first screen")
        self.assertLess(upcoming, 2 * SCREEN, "the upcoming meetings start within two screens")
        self.assertGreater(len(self.driver.find_elements("css selector", ".hub-upcoming .meeting-item")), 0)

    def test_a_community_home_reaches_its_next_meeting_and_its_meetings_within_two_screens_of_a_phone(self):
        for path in cb.kinds()["community"]:
            self.open(path, cb.PHONE, SCREEN)
            self.assertLess(top(self.driver, ".profile-next"), SCREEN, f"{path}: the next meeting")
            self.assertLess(top(self.driver, "#meetings-heading"), 2 * SCREEN, f"{path}: the meetings")

    def long_page(self):
        """The written page with the most contents entries."""
        best, most = None, 0
        for path in cb.written_pages():
            text = (cb.site_root() / path).read_text()
            entries = text.count('class="page-contents"') and text.split('class="page-contents"', 1)[1].split("</nav>", 1)[0].count("<li>")
            if entries > most:
                best, most = path, entries
        self.assertIsNotNone(best, "no written page has contents")
        return best

    def test_a_long_pages_contents_are_folded_on_a_phone_and_beside_the_text_on_a_wide_screen(self):
        path = self.long_page()
        self.open(path, cb.PHONE, SCREEN)
        fold = self.driver.find_element("css selector", ".page-contents details")
        self.assertIsNone(fold.get_attribute("open"), "folded on a phone")
        self.assertLess(top(self.driver, ".page-contents"), top(self.driver, "h1"), "at the top, before the title")
        fold.find_element("css selector", "summary").click()
        links = self.driver.find_elements("css selector", ".page-contents a")
        self.assertGreaterEqual(len(links), 3)
        target = links[-1].get_attribute("hash")
        links[-1].click()
        self.assertEqual(self.driver.execute_script("return location.hash"), target)
        # The theme scrolls smoothly unless the reader asks for less motion: wait for it to arrive.
        heading_top = None
        for _ in range(40):
            heading_top = self.driver.execute_script(
                "return document.getElementById(decodeURIComponent(arguments[0].slice(1))).getBoundingClientRect().top", target)
            if abs(heading_top) < 100:
                break
            time.sleep(0.1)
        self.assertLess(abs(heading_top), 100, f"{path}: {target} is scrolled to the top of the screen")
        self.open(path, cb.DESKTOP)
        fold = self.driver.find_element("css selector", ".page-contents details")
        self.assertEqual(fold.get_attribute("open"), "true", "open on a wide screen")
        contents, main = box(self.driver, ".page-contents"), box(self.driver, "main")
        self.assertGreaterEqual(contents[0], main[0] + main[2], f"{path}: the contents stand beside the text")

    def test_every_heading_of_the_text_links_to_itself_with_a_name(self):
        problems = []
        for path in cb.written_pages():
            self.open(path, cb.DESKTOP)
            for found in self.driver.execute_script("""
                return Array.from(document.querySelectorAll('.content .heading')).map(function (wrap) {
                  var heading = wrap.querySelector('h2, h3, h4, h5, h6'), link = wrap.querySelector('a.heading-link');
                  return [heading && heading.id, heading && heading.textContent, link && link.getAttribute('href'),
                          link && link.getAttribute('aria-label'), heading && heading.querySelector('a.heading-link') !== null];
                });"""):
                heading_id, text, href, name, nested = found
                if not heading_id or href != "#" + heading_id or not name or text not in name or nested:
                    problems.append(f"{path}: {found}")
        cb.fail_with(self, "headings without a proper link to themselves", problems)


if __name__ == "__main__":
    unittest.main()
