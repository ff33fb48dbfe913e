"""Shared helpers for the browser tests: the built site, its pages by kind, a local web server
and a headless Chromium driven by Selenium.

The tests read the built example hub from the folder in the environment variable COPSE_SITE
(an absolute path; Tests/Browser/run.sh builds it). Chromium and its driver are Debian's
(`chromium`, `chromium-driver`), always named by their paths.
"""

import base64
import functools
import html
import http.server
import importlib.util
import json
import os
import re
import shutil
import threading
import unittest
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PHONE, DESKTOP = 390, 1280
WIDTHS = (PHONE, DESKTOP)
SCHEMES = ("light", "dark")

_BODY_KIND = re.compile(rb'<body class="kind-([a-z-]+)')
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


def require_browser():
    """Skips the calling test class when Chromium, its driver or Selenium is missing, unless
    COPSE_BROWSER_TESTS=1 says they must be there (then the test fails instead)."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if importlib.util.find_spec("selenium") is None:
        missing.append("the Python package selenium")
    if not missing:
        return
    message = "missing " + ", ".join(missing) + ": install chromium chromium-driver (Tests/Browser/run.sh makes the venv)"
    if os.environ.get("COPSE_BROWSER_TESTS") == "1":
        raise AssertionError(message)
    raise unittest.SkipTest(message)


def site_root() -> Path:
    """The built site, from COPSE_SITE."""
    value = os.environ.get("COPSE_SITE", "")
    if not value or not os.path.isabs(value):
        raise RuntimeError("set COPSE_SITE to the absolute path of a built site (Tests/Browser/run.sh does)")
    root = Path(value)
    if not (root / "index.html").is_file():
        raise RuntimeError(f"{root} holds no index.html: build the site first")
    return root


@functools.lru_cache(maxsize=1)
def html_pages() -> tuple:
    """Every .html file of the site, as paths relative to its root, sorted."""
    root = site_root()
    return tuple(sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html")))


@functools.lru_cache(maxsize=1)
def kinds() -> dict:
    """Page kind (the theme's `kind-...` body class) to the sorted pages of that kind."""
    root = site_root()
    found = {}
    for path in html_pages():
        match = _BODY_KIND.search((root / path).read_bytes())
        if match:
            found.setdefault(match.group(1).decode(), []).append(path)
    return found


def title_of(path: str, site: Path = None) -> str:
    """The `<title>` of a built page (of the site under test, or of `site`), as a browser shows it."""
    match = _TITLE.search(((site or site_root()) / path).read_bytes())
    return html.unescape(match.group(1).decode()).strip() if match else ""


@dataclass(frozen=True)
class Page:
    label: str   # what the page stands for, e.g. "meeting" or "resource (shared)"
    path: str    # relative to the site root, e.g. "communities/x/index.html"


def _first(paths, predicate=lambda p: True):
    return next((p for p in paths if predicate(p)), None)


@functools.lru_cache(maxsize=1)
def sample_pages() -> tuple:
    """One page or two of every kind, found by walking the built site (the first of each, by
    path), so that a new community or resource needs no change here."""
    k = kinds()
    docs = k.get("document", [])
    resources = k.get("resource", [])
    commons = k.get("commons", [])
    evidence = k.get("evidence", [])
    picks = [
        ("home", _first(k.get("home", []))),
        ("community", _first(k.get("community", []))),
        ("document (charter)", _first(docs, lambda p: p.endswith("/charter/index.html"))),
        ("document (norms)", _first(docs, lambda p: p.endswith("/norms/index.html"))),
        ("document (hub)", _first(docs, lambda p: not p.startswith("communities/"))),
        ("document (evidence item)", _first(docs, lambda p: "/evidence/" in p)),
        ("meeting", _first(k.get("meeting", []))),
        ("resource (community)", _first(resources, lambda p: p.startswith("communities/"))),
        ("resource (shared)", _first(resources, lambda p: p.startswith("resources/"))),
        ("commons", _first(commons, lambda p: p == "resources/index.html")),
        ("commons (other view)", _first(commons, lambda p: p != "resources/index.html")),
        ("evidence index", _first(evidence, lambda p: p == "evidence/index.html")),
        ("evidence (conference)", _first(evidence, lambda p: p != "evidence/index.html")),
        ("evidence pack", _first(k.get("pack", []))),
        ("health", _first(k.get("health", []))),
        ("tag", _first(k.get("tag", []))),
        ("tag index", _first(k.get("tags", []))),
        ("not found", _first(k.get("notfound", []))),
    ]
    search = search_page()
    if search:
        picks.append(("search", search))
    missing = [label for label, path in picks if path is None]
    if missing:
        raise AssertionError(f"the built site has no page of kind: {', '.join(missing)}")
    return tuple(Page(label, path) for label, path in picks)


def written_pages() -> tuple:
    """The pages written in Markdown by the hub's people (documents, meetings, resources, and
    the community homes), whose tables, code and footnotes differ from page to page."""
    k = kinds()
    return tuple(sorted(k.get("document", []) + k.get("meeting", []) + k.get("resource", []) + k.get("community", [])))


def search_page():
    """`search/index.html` when the site has one (the search page comes with its own tests)."""
    return "search/index.html" if (site_root() / "search" / "index.html").is_file() else None


# A web server shows 404.html at any address that has no file; the tests ask for this one.
MISSING_ADDRESS = "no/such/page/"


def file_url(path: str) -> str:
    return (site_root() / path).as_uri()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site at the server's `prefix` path; a missing file gets the site's 404.html,
    as static hosts do."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class LocalServer:
    """The site over HTTP on 127.0.0.1, on a free port, in a background thread, at the path
    `prefix` (`/`, or `/hub/` as for a site whose base_url has that path)."""

    def __init__(self, root: Path, prefix: str = "/"):
        handler = type("Handler", (_Handler,), {"prefix": prefix})
        handler = functools.partial(handler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.base = self.origin + prefix.lstrip("/")
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()

    def url(self, path: str) -> str:
        return self.base + path


def new_driver(network_log: bool = False):
    """Headless Chromium without a sandbox. With `network_log`, every request the pages make
    is logged (see `requested_urls`)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-extensions",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,900",
                     # no host name resolves: a page that asks another host for something shows
                     # up in the network log, and the request still never leaves the machine
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    if network_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def emulate(driver, width: int, scheme: str, height: int = 900):
    """A viewport `width` CSS pixels wide (a phone's when narrow) in the light or dark scheme.
    The settings hold for the pages loaded afterwards."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def open_page(driver, url: str):
    """Loads `url` and waits until the document, its stylesheets and images have loaded."""
    driver.get(url)
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "if (document.readyState === 'complete') done(); else addEventListener('load', () => done());")


def requested_urls(driver) -> list:
    """Every URL the browser requested since the last call (from the DevTools network log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def stylesheet_applied(driver) -> bool:
    """True when the theme's style.css is in effect: only it sets the `--accent` property."""
    return driver.execute_script(
        "return getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() !== ''")


def save_screenshot(driver, path: Path, width: int, max_height: int = 6000):
    """The whole page (up to max_height CSS pixels tall) as a PNG."""
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, max_height), "scale": 1}})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


def png_size(path: Path) -> tuple:
    """(width, height) from a PNG's header."""
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError(f"{path} is not a PNG")
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def shots_folder() -> Path:
    """Where screenshots go: $COPSE_SHOTS, else shots/ at the repository root (gitignored)."""
    value = os.environ.get("COPSE_SHOTS")
    if value:
        return Path(value)
    return Path(__file__).resolve().parents[2] / "shots"


def axe_engine() -> str:
    """axe-core's script, for axe-core-python's Selenium runner. axe-core-python bundles axe 4.4
    (2022), which misses problems that later versions find (a link in muted text told apart by
    colour alone, for one), so the engine is the newer axe-core that selenium-axe-python ships."""
    spec = importlib.util.find_spec("selenium_axe_python")
    engine = Path(spec.origin).parent / "axe-core" / "axe.min.js" if spec and spec.origin else None
    if engine is None or not engine.is_file():
        raise AssertionError("axe-core not found: install Tests/Browser/requirements.txt (Tests/Browser/run.sh does)")
    return engine.read_text(encoding="utf-8")


def fail_with(test, what: str, problems: list):
    """Fails `test` once, listing every problem on a line of its own."""
    if problems:
        test.fail(f"{what} ({len(problems)}):\n" + "\n".join(problems))


def java_available() -> bool:
    return shutil.which("java") is not None


class ServedHub:
    """`copse serve` on a copy of the example hub (copse.yml, content/, themes/) in a temporary
    folder, on 127.0.0.1 at `port` (0: a free one). The binary is $COPSE_BIN (Tests/Browser/run.sh
    sets it). `restart()` stops it and serves the same folder at the same port again; `stop()`
    sends Ctrl-C (SIGINT) and returns copse's exit status and everything it printed."""

    def __init__(self):
        import tempfile
        repository = Path(__file__).resolve().parents[2]
        self.folder = Path(tempfile.mkdtemp(prefix="copse-serve-"))
        self.root = self.folder / "hub"
        self.root.mkdir()
        shutil.copy(repository / "copse.yml", self.root / "copse.yml")
        for part in ("content", "themes"):
            shutil.copytree(repository / part, self.root / part, symlinks=True)
        self.site = self.root / ".copse-cache" / "serve" / "site"
        self.lines = []
        self._start(0)

    def _start(self, port: int):
        import signal
        import subprocess
        binary = os.environ.get("COPSE_BIN", "")
        if not binary or not os.access(binary, os.X_OK):
            raise RuntimeError("set COPSE_BIN to the copse binary (Tests/Browser/run.sh does)")
        self.process = subprocess.Popen(
            [binary, "serve", "--root", str(self.root), "--port", str(port), "--no-git-dates"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            # a child of a shell in the background may start with Ctrl-C ignored; copse sets its own
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("copse serve stopped before serving:\n" + "".join(self.lines))
            self.lines.append(line)
            match = re.search(r" at (http://127\.0\.0\.1:(\d+)/)", line)
            if match:
                self.origin, self.port = match.group(1), int(match.group(2))
                # The rest of what it says (a line per rebuild) is read as it comes.
                import threading
                self._reader = threading.Thread(target=self._read_rest, daemon=True)
                self._reader.start()
                return

    def _read_rest(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def url(self, path: str) -> str:
        return self.origin + path

    def _interrupt(self):
        import signal
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)
        self.process.stdout.close()
        return self.process.returncode

    def restart(self):
        status = self._interrupt()
        if status != 0:
            raise AssertionError(f"copse serve exited with {status} on Ctrl-C:\n" + "".join(self.lines))
        self._start(self.port)

    def stop(self):
        status = self._interrupt()
        shutil.rmtree(self.folder, ignore_errors=True)
        return status, "".join(self.lines)
