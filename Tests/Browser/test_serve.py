"""`copse serve` as a leader meets it: a page open in the browser shows an edit of its Markdown
file by itself within seconds, a mistake shows as a list of problems over the page (accessible,
with file, line and column, and the hint), and fixing it brings the page back; an open page
finds the server again after a restart. Nothing of this is in what `copse build` writes."""

import time
import unittest
import uuid

import copse_browser as cb

WAIT = 20  # seconds: generous, the machine may be busy; no test measures speed


class ServeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cb.require_browser()
        cls.hub = cb.ServedHub()
        cls.driver = cb.new_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        status, output = cls.hub.stop()
        if status != 0 or "Stopped." not in output:
            raise AssertionError(f"copse serve did not stop cleanly on Ctrl-C (exit {status}):\n{output}")

    def wait_for(self, condition, what):
        from selenium.webdriver.support.ui import WebDriverWait
        try:
            WebDriverWait(self.driver, WAIT, poll_frequency=0.1).until(lambda driver: condition())
        except Exception:
            self.fail(f"within {WAIT} s: {what}\nserver said:\n{''.join(self.hub.lines)}")

    def body_text(self):
        try:
            return self.driver.find_element("tag name", "body").text
        except Exception:  # the page is reloading
            return ""

    def problems(self):
        found = self.driver.find_elements("id", "copse-problems")
        return found[0] if found else None

    def test_edit_break_and_fix_show_in_the_open_page(self):
        meetings = sorted((self.hub.root / "content" / "communities").glob("*/meetings/*.md"))
        source = meetings[-1]
        community = source.parent.parent.name
        address = f"communities/{community}/meetings/{source.stem}/"
        self.assertTrue((self.hub.site / address / "index.html").is_file(), address)
        cb.open_page(self.driver, self.hub.url(address))
        title = self.driver.title
        # A mark the page loses when it reloads: proof that the page reloaded by itself.
        self.driver.execute_script("window.copseTestMark = 1")

        sentence = f"Added while the page was open {uuid.uuid4().hex[:8]}."
        original = source.read_text(encoding="utf-8")
        source.write_text(original + f"\n{sentence}\n", encoding="utf-8")
        self.wait_for(lambda: sentence in self.body_text(), "the edited text appears in the open page")
        self.assertIsNone(self.driver.execute_script("return window.copseTestMark"))
        # Only the text changed: the quick rebuild made just the files that show it. (The server
        # tells open pages before it prints its line, so the line may come a moment later.)
        self.wait_for(lambda: any("only its text changed" in line for line in self.hub.lines),
                      "the server says the rebuild was a quick one")
        self.assertIsNone(self.problems())

        config = self.hub.root / "copse.yml"
        good = config.read_text(encoding="utf-8")
        config.write_text("title: [Northern <b>Computing\n", encoding="utf-8")
        self.wait_for(lambda: self.problems() is not None, "the problems appear in the open page")
        box = self.problems()
        self.assertEqual(box.get_attribute("role"), "alertdialog")
        text = box.text
        self.assertIn("The site could not be built", text)
        self.assertRegex(text, r"copse\.yml:\d+:\d+ error: invalid YAML")
        self.assertIn("hint:", text)
        self.assertEqual(self.driver.title, title, "the last good page stays under the problems")
        self.assertIn(sentence, self.body_text())
        self.check_accessible()

        config.write_text(good, encoding="utf-8")
        self.wait_for(lambda: self.problems() is None and sentence in self.body_text(), "the page comes back once fixed")
        self.assertEqual(self.driver.title, title)

        built = (self.hub.site / address / "index.html").read_text(encoding="utf-8")
        self.assertIn(sentence, built)
        self.assertNotIn("_copse", built, "the reload script is only in what serve sends")
        self.assertNotIn("copse-problems", built)

    def test_an_open_page_reconnects_after_a_restart(self):
        cb.open_page(self.driver, self.hub.url("agreement/"))
        title = self.driver.title
        self.driver.execute_script("window.copseTestMark = 1")
        self.hub.restart()
        # The restarted server's builds have other names: the page reloads to show its build.
        self.wait_for(lambda: self.driver.execute_script("return window.copseTestMark") is None,
                      "the open page reloads once the server is back")
        self.assertEqual(self.driver.title, title)
        marker = f"After the restart {uuid.uuid4().hex[:8]}."
        source = self.hub.root / "content" / "agreement.md"
        source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        self.wait_for(lambda: marker in self.body_text(), "an edit after the restart shows in the open page")

    def check_accessible(self):
        """axe-core finds nothing wrong with the page and its problems, light and dark."""
        from axe_core_python.selenium import Axe
        axe = Axe(cb.axe_engine())
        problems = []
        for scheme in cb.SCHEMES:
            cb.emulate(self.driver, cb.DESKTOP, scheme)
            result = axe.run(self.driver, options={"resultTypes": ["violations"]})
            for violation in result["violations"]:
                for node in violation["nodes"]:
                    problems.append(f"{scheme}: {violation['id']} on {node['target']}: {' '.join(node.get('failureSummary', '').split())}")
        cb.fail_with(self, "axe-core found violations with the problems shown", problems)


if __name__ == "__main__":
    unittest.main()
