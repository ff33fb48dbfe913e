"""Subscribing and adding meetings, as a reader does it: the copy buttons beside the feed and
calendar addresses (they copy, say "Copied" in a live region, and are hidden without JavaScript),
the webcal: link, the addresses breaking only after a slash on a phone, and each meeting's "Add
this meeting to my calendar" link, which downloads a calendar file holding that one meeting."""

import pathlib
import tempfile
import time
import unittest

import copse_browser as cb

HOME = "index.html"
CALENDAR = "https://hub.example.org/meetings.ics"


def community_home() -> str:
    return next(p for p in cb.kinds()["community"])


def meeting_page() -> str:
    return next(p for p in cb.kinds()["meeting"])


class SubscribeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cb.require_browser()
        cls.server = cb.LocalServer(cb.site_root())
        cls.driver = cb.new_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.close()

    def click(self, element):
        """Scrolls the element to the middle of the screen at once (the theme scrolls smoothly
        otherwise), then clicks it as a reader would."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
        element.click()

    def wait_for(self, script, timeout=5.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = self.driver.execute_script(script)
            if value:
                return value
            time.sleep(0.1)
        return self.driver.execute_script(script)

    def test_the_copy_button_copies_the_address_and_says_so(self):
        from selenium.webdriver.common.by import By
        cb.emulate(self.driver, cb.DESKTOP, "light")
        origin = self.server.origin.rstrip("/")
        # Over HTTP from 127.0.0.1 (a secure context) with the clipboard allowed, as a reader's browser asks.
        self.driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        for path in (HOME, community_home()):
            with self.subTest(page=path):
                cb.open_page(self.driver, self.server.url(path))
                button = self.driver.find_element(By.CSS_SELECTOR, "#calendar-address + .copy-button")
                self.assertTrue(button.is_displayed(), "the script shows the button")
                self.assertEqual(button.text, "Copy address")
                address = button.get_attribute("data-copy")
                self.assertTrue(address.endswith("meetings.ics"))
                status = button.find_element(By.XPATH, "following-sibling::span[1]")
                self.assertEqual(status.get_attribute("role"), "status")
                self.click(button)
                said = self.wait_for("return document.querySelector('#calendar-address ~ .copy-status').textContent")
                self.assertEqual(said, "Copied")
                copied = self.driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));")
                self.assertEqual(copied, address)

    def test_from_a_folder_the_copy_button_still_answers(self):
        # file:// pages may be refused the clipboard: the button then copies through a selection,
        # or selects the address and says how to copy it. Either way the reader hears what happened.
        from selenium.webdriver.common.by import By
        cb.emulate(self.driver, cb.PHONE, "dark")
        cb.open_page(self.driver, cb.file_url(HOME))
        self.click(self.driver.find_element(By.CSS_SELECTOR, "#feed-address + .copy-button"))
        said = self.wait_for("return document.querySelector('#feed-address ~ .copy-status').textContent")
        self.assertIn(said, ("Copied", "Selected: press Ctrl+C (or Cmd+C) to copy"))

    def test_without_javascript_there_is_no_button_only_the_address(self):
        html = (cb.site_root() / HOME).read_text()
        self.assertIn('class="copy-button"', html)
        for tag in html.split("<button")[1:]:
            if 'class="copy-button"' in tag.split(">")[0]:
                self.assertIn(" hidden>", tag.split("</button>")[0] + ">", "a copy button is hidden until the script shows it")
        self.assertIn(f'<code id="calendar-address">https://hub.example.org/<wbr>meetings.ics</code>', html)

    def test_a_webcal_link_subscribes(self):
        from selenium.webdriver.common.by import By
        for path in (HOME, community_home()):
            cb.open_page(self.driver, cb.file_url(path))
            links = self.driver.find_elements(By.CSS_SELECTOR, "a[href^='webcal://']")
            self.assertEqual(len(links), 1, path)
            address = self.driver.find_element(By.CSS_SELECTOR, "#calendar-address + .copy-button").get_attribute("data-copy")
            self.assertEqual(links[0].get_attribute("href"), "webcal://" + address.split("://", 1)[1])

    def test_addresses_break_only_after_a_slash_on_a_phone(self):
        cb.emulate(self.driver, cb.PHONE, "light")
        for path in (HOME, community_home()):
            cb.open_page(self.driver, cb.file_url(path))
            for code in ("feed-address", "calendar-address"):
                # The character before each line break, found from where each character is drawn.
                breaks = self.driver.execute_script("""
                    const code = document.getElementById(arguments[0]);
                    const found = [];
                    let previous = null, top = null;
                    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                      for (let i = 0; i < node.length; i++) {
                        const range = document.createRange();
                        range.setStart(node, i); range.setEnd(node, i + 1);
                        const rect = range.getClientRects()[0];
                        if (!rect) continue;
                        if (top !== null && rect.top > top + 2) found.push(previous);
                        top = rect.top; previous = node.data[i];
                      }
                    }
                    return found;""", code)
                self.assertTrue(all(character == "/" for character in breaks), f"{path} #{code} breaks after {breaks}")
                fits = self.driver.execute_script(
                    "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    "return r.right <= document.documentElement.clientWidth + 1;", code)
                self.assertTrue(fits, f"{path} #{code} runs off the screen")

    def test_add_to_calendar_downloads_that_one_meeting(self):
        import icalendar
        from selenium.webdriver.common.by import By
        page = meeting_page()
        with tempfile.TemporaryDirectory() as folder:
            self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": folder})
            cb.open_page(self.driver, self.server.url(page))
            link = self.driver.find_element(By.LINK_TEXT, "Add this meeting to my calendar")
            name = link.get_attribute("download")
            self.assertTrue(name.endswith(".ics"))
            self.click(link)
            target = pathlib.Path(folder) / name
            end = time.monotonic() + 10
            while not target.is_file() and time.monotonic() < end:
                time.sleep(0.1)
            self.assertTrue(target.is_file(), f"nothing downloaded as {name}")
            calendar = icalendar.Calendar.from_ical(target.read_bytes())
            events = calendar.walk("VEVENT")
            self.assertEqual(len(events), 1)
            hub = icalendar.Calendar.from_ical((cb.site_root() / "meetings.ics").read_bytes())
            self.assertIn(str(events[0]["UID"]), [str(event["UID"]) for event in hub.walk("VEVENT")])
            self.assertEqual(str(events[0]["URL"]), "https://hub.example.org/" + page[: -len("index.html")])


if __name__ == "__main__":
    unittest.main()
