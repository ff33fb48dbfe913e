#!/usr/bin/env bash
# The browser tests: the example hub built into a fresh folder and read the way a reader meets
# it, in headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, with
# axe-core and the Nu HTML checker (vnu.jar, run offline with java). See the README's
# "Development" section.
#
#   Tests/Browser/run.sh            all browser tests
#   Tests/Browser/run.sh -k axe     only the tests whose names match (unittest's -k)
#
# Without chromium, chromedriver or java the tests are skipped (exit 0) unless
# COPSE_BROWSER_TESTS=1, as .ci/run sets, which makes that a failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(/usr/bin/chromium)
[ -x /usr/bin/chromedriver ] || missing+=(/usr/bin/chromedriver)
command -v java >/dev/null 2>&1 || missing+=(java)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${COPSE_BROWSER_TESTS:-}" = "1" ]; then
    echo "error: the browser tests cannot run: ${missing[*]} missing" >&2
    echo "    hint: apt-get install chromium chromium-driver default-jre-headless" >&2
    exit 1
  fi
  echo "browser tests skipped: install chromium chromium-driver default-jre-headless (missing: ${missing[*]})"
  exit 0
fi

# The Python packages live in a virtual environment under .build/, reinstalled only when
# requirements.txt (or the Python) changed.
venv=.build/browser-venv
requirements=Tests/Browser/requirements.txt
if ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  rm -rf "$venv"
  python3 -m venv "$venv"
fi
stamp="$venv/.requirements-stamp"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1) $("$venv/bin/python" -c 'import sys; print(sys.version.split()[0])')"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "Installing the browser tests' Python packages into $venv ..." >&2
  "$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$requirements"
  echo "$wanted" >"$stamp"
fi

swift build --product copse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$(swift build --show-bin-path)/copse" build --root . --output "$work/site"

export COPSE_SITE="$work/site"
export COPSE_BIN="$(swift build --show-bin-path)/copse"   # test_serve.py runs copse serve
"$venv/bin/python" -m unittest discover -s Tests/Browser -p 'test_*.py' -v "$@"
