"""Nothing a page loads comes from another machine: every request the browser makes for a page
of every kind, opened from a folder and served from 127.0.0.1, is for a file:// or a
127.0.0.1 address; and no page of the site names another host for a stylesheet, script, image
or frame."""

import re
import unittest

import copse_browser as cb

# Elements that load what they name, and the attribute that names it.
_LOADED = re.compile(r'<(?:link|script|img|iframe|frame|source|video|audio|embed|object|track|input)\b[^>]*?\s'
                     r'(?:href|src|srcset|data|poster)\s*=\s*["\']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^"\'\s>]*)', re.I)
_CSS_URL = re.compile(r'url\(\s*["\']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^)"\']*)', re.I)


class OfflineTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cb.require_browser()
        cls.server = cb.LocalServer(cb.site_root())
        cls.driver = cb.new_driver(network_log=True)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.close()

    def test_no_request_leaves_the_machine(self):
        allowed = ("file://", self.server.origin, "data:", "about:")
        pages = [(p.label, cb.file_url(p.path)) for p in cb.sample_pages()]
        pages += [(p.label, self.server.url(p.path)) for p in cb.sample_pages()]
        pages.append(("not found (at a missing address)", self.server.url(cb.MISSING_ADDRESS)))
        problems = []
        requests = 0
        cb.requested_urls(self.driver)  # empty the log
        for scheme in cb.SCHEMES:
            cb.emulate(self.driver, cb.PHONE, scheme)
            for label, url in pages:
                cb.open_page(self.driver, url)
                seen = cb.requested_urls(self.driver)
                requests += len(seen)
                problems += [f"{label} {url} ({scheme}) requested {u}" for u in seen if not u.startswith(allowed)]
                if not any(u.endswith("assets/style.css") for u in seen):
                    problems.append(f"{label} {url} ({scheme}) never asked for assets/style.css: is the log on?")
        print(f"\n  {requests} requests from {len(pages)} page loads in each scheme", flush=True)
        cb.fail_with(self, "pages that asked another machine for something, or whose requests went unseen", problems)


class OfflineSourceTests(unittest.TestCase):
    def test_no_page_or_stylesheet_names_another_host_for_what_it_loads(self):
        root = cb.site_root()
        problems = []
        for path in cb.html_pages():
            text = (root / path).read_text(encoding="utf-8")
            problems += [f"{path}: loads {m.group(1)}" for m in _LOADED.finditer(text)]
            problems += [f"{path}: loads {m.group(1)}" for m in _CSS_URL.finditer(text)]
        for sheet in sorted(root.rglob("*.css")):
            text = sheet.read_text(encoding="utf-8")
            problems += [f"{sheet.relative_to(root)}: loads {m.group(1)}" for m in _CSS_URL.finditer(text)]
            problems += [f"{sheet.relative_to(root)}: @import" for _ in re.finditer(r"@import", text)]
        cb.fail_with(self, "pages that name another host", problems)


if __name__ == "__main__":
    unittest.main()
