"""Screenshots of every kind of page at phone (390 px) and desktop (1280 px) width, light and
dark, into shots/ (or $COPSE_SHOTS), for a person to look at. The test checks that each was
taken at the width asked for."""

import re
import unittest

import copse_browser as cb


class ScreenshotTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cb.require_browser()
        cls.driver = cb.new_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def test_every_kind_of_page_at_phone_and_desktop_width(self):
        folder = cb.shots_folder()
        taken = []
        for width in cb.WIDTHS:
            for scheme in cb.SCHEMES:
                cb.emulate(self.driver, width, scheme)
                for number, page in enumerate(cb.sample_pages(), start=1):
                    cb.open_page(self.driver, cb.file_url(page.path))
                    name = re.sub(r"[^a-z0-9]+", "-", page.label.lower()).strip("-")
                    path = folder / f"{width}-{scheme}-{number:02d}-{name}.png"
                    cb.save_screenshot(self.driver, path, width)
                    shot_width, shot_height = cb.png_size(path)
                    self.assertEqual(shot_width, width, path)
                    self.assertGreater(shot_height, 200, path)
                    taken.append(path)
        print(f"\n  {len(taken)} screenshots in {folder}", flush=True)


if __name__ == "__main__":
    unittest.main()
