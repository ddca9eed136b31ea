#!/usr/bin/env python3
"""The MkDocs tree of a hostile document, built by a real MkDocs and opened in headless Chromium.

`portolan site --markdown` writes docs/ (mkdocs.yml and the Markdown pages) for
Tests/Docs/fixtures/hostile-docs.yaml, whose subjects, names and cells are HTML, scripts,
Markdown links, admonitions and bidirectional overrides. Then:

- mkdocs.yml is YAML whose nav titles and site name hold no markup (MkDocs' themes copy
  them into the HTML as they are: nav, <title>, header);
- `mkdocs build --strict` succeeds;
- no built page holds the hostile markup as markup (static check of every .html);
- every built page, loaded in Chromium, runs none of the scripts (`window.__pwned` stays
  undefined, no alert opens) and shows the hostile texts as text, with the right-to-left
  override removed by the reader (with a warning) or shown as `<U+202E>`, never as the character itself;
- served over HTTP, MkDocs' search for the hostile words lists results and runs no script.

Needs mkdocs (PyPI), chromium, chromium-driver and python3-selenium (Debian). Without them the
test skips (exit 0), unless CI is set, where their absence is a failure. Prints
`N passed, M failed` last.

    python3 Tests/Docs/mkdocs_test.py --binary .build/debug/portolan [--keep]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, "Tests", "Docs", "fixtures", "hostile-docs.yaml")
DEBIAN_PYTHON = "/usr/bin/python3"

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException, WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:
    webdriver = None
    # Debian's python3-selenium is installed for Debian's Python; run again under it.
    if os.path.exists(DEBIAN_PYTHON) and os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON) \
            and not os.environ.get("PORTOLAN_DOCS_TEST_REEXEC"):
        probe = subprocess.run([DEBIAN_PYTHON, "-c", "import selenium"], capture_output=True)
        if probe.returncode == 0:
            os.environ["PORTOLAN_DOCS_TEST_REEXEC"] = "1"
            os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)

# Texts of the fixture that must show, character for character, on the pages named.
SUBJECT = "<img src=x onerror=\"window.__pwned='subject'\"> Hostile & Co"
NAV_SUBJECT = "<img src=x onerror=\"window.__pwned='nav'\">: {a: b} # not a comment"
SOURCE = '<script>window.__pwned = "source"</script>'
DESTINATION = "<img src=x onerror=\"window.__pwned='img'\">"
LINK_CELL = "[click](javascript:window.__pwned='cell')"
SERVICE = "<svg onload=\"window.__pwned='service'\">"
# The reader removes a bidirectional override from a cell, with a warning (`parse` says which
# cell); what a reader keeps elsewhere (a title, a file name) the emitters show as `<U+202E>`.
OVERRIDE = "EvilService"
# Markup that must never appear as markup in a built page.
MARKUP = re.compile(r"<script>window|<img src=x|<svg onload|<iframe|<b>bold|<em>description|href=\"javascript:", re.I)


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}{': ' + detail if detail else ''}")
        return ok

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)


def skip(reason):
    if in_ci():
        print(f"FAIL {reason} (CI is set, so this is a failure)")
        print("0 passed, 1 failed")
        sys.exit(1)
    print(f"SKIP {reason}")
    sys.exit(0)


def built_pages(site):
    pages = []
    for folder, _, files in os.walk(site):
        pages += [os.path.join(folder, f) for f in files if f.endswith(".html")]
    return sorted(pages)


def check_mkdocs_yml(results, docs):
    text = open(os.path.join(docs, "mkdocs.yml"), encoding="utf-8").read()
    try:
        import yaml
    except ImportError:
        results.check("mkdocs.yml titles hold no markup (pyyaml missing: checked as text)", "<" not in text)
        return
    config = yaml.safe_load(text)
    titles = [config["site_name"]] + [list(entry.keys())[0] for entry in config["nav"]]
    results.check("mkdocs.yml has one nav entry per page", len(config["nav"]) == 5, repr(config["nav"]))
    results.check("nav titles and site name hold no markup",
                  all("<" not in t and ">" not in t and '"' not in t for t in titles), repr(titles))
    results.check("nav titles are the subjects, HTML-escaped",
                  "&lt;img src=x onerror=&quot;window.__pwned=&#39;subject&#39;&quot;&gt; Hostile &amp; Co" in titles, repr(titles))


def check_static(results, site):
    pages = built_pages(site)
    results.check("MkDocs built a page per product, the platform and the index", len(pages) >= 4, repr(pages))
    for page in pages:
        html = open(page, encoding="utf-8").read()
        found = MARKUP.search(html)
        results.check(f"no hostile markup in {os.path.relpath(page, site)}", found is None,
                      found.group(0) if found else "")
        results.check(f"no raw control or override character in {os.path.relpath(page, site)}",
                      not re.search("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]", html))


def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--allow-file-access-from-files", "--window-size=1280,1000"):
        options.add_argument(argument)
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(candidate):
            options.binary_location = candidate
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def check_in_browser(results, site):
    try:
        driver = browser()
    except WebDriverException as error:
        skip(f"Chromium could not start: {str(error).splitlines()[0]}")
    try:
        seen = ""
        for page in built_pages(site):
            name = os.path.relpath(page, site)
            driver.get("file://" + page)
            # Let onerror/onload handlers of broken images and SVGs fire, if any were parsed.
            driver.execute_async_script("var done = arguments[0]; setTimeout(done, 300);")
            pwned = driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned);")
            results.check(f"no script ran on {name}", pwned is None, f"window.__pwned = {pwned!r}")
            try:
                alert = driver.switch_to.alert
                results.check(f"no alert on {name}", False, alert.text)
                alert.dismiss()
            except NoAlertPresentException:
                results.check(f"no alert on {name}", True)
            injected = driver.execute_script(
                "return document.querySelectorAll('img[onerror], svg[onload], iframe, a[href^=\"javascript:\"]').length"
                " + Array.from(document.querySelectorAll('script')).filter(s => s.textContent.includes('__pwned')).length;")
            results.check(f"no injected element on {name}", injected == 0, f"{injected} injected elements")
            text = driver.find_element(By.TAG_NAME, "body").text
            results.check(f"no raw override character shown on {name}", "\u202e" not in text and "\u200f" not in text)
            title = driver.title
            results.check(f"the title of {name} is text, escaped once", "&lt;" not in title and "&amp;" not in title, title)
            seen += text + "\n" + title + "\n"
        for label, expected in [("subject", SUBJECT), ("nav subject", NAV_SUBJECT), ("source cell", SOURCE),
                                ("destination cell", DESTINATION), ("link cell", LINK_CELL),
                                ("service name", SERVICE), ("name whose override the reader removed", OVERRIDE)]:
            results.check(f"the {label} shows as text", expected in seen, expected)
    finally:
        driver.quit()


def check_search(results, site):
    """MkDocs' search renders titles and page text into the results with innerHTML: served over
    HTTP (the index loads by XHR), a search for the hostile words runs no script either."""
    import functools
    import http.server
    import threading
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        driver = browser()
    except WebDriverException as error:
        server.shutdown()
        skip(f"Chromium could not start: {str(error).splitlines()[0]}")
    try:
        for term in ("Hostile", "Plain", "svg", "description"):
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/index.html?q={term}")
            found = driver.execute_async_script("""
                var done = arguments[0], start = Date.now();
                (function poll() {
                    var results = document.getElementById('mkdocs-search-results');
                    var n = results ? results.querySelectorAll('article').length : 0;
                    if (n > 0 || Date.now() - start > 8000) { setTimeout(function () { done(n); }, 300); }
                    else { setTimeout(poll, 100); }
                })();""")
            results.check(f"search for '{term}' finds the hostile pages", found > 0, "no results")
            pwned = driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned);")
            results.check(f"search results for '{term}' run no script", pwned is None, f"window.__pwned = {pwned!r}")
            injected = driver.execute_script(
                "return document.querySelectorAll('#mkdocs-search-results img, #mkdocs-search-results svg, #mkdocs-search-results script').length;")
            results.check(f"search results for '{term}' hold no injected element", injected == 0, f"{injected} elements")
    finally:
        driver.quit()
        server.shutdown()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "portolan"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    args = parser.parse_args()
    mkdocs = shutil.which("mkdocs")
    if mkdocs is None:
        skip("mkdocs is not installed (pip install mkdocs)")
    if webdriver is None:
        skip("python3-selenium is not installed")
    results = Results()
    work = tempfile.mkdtemp(prefix="portolan-mkdocs-")
    try:
        docs, html = os.path.join(work, "docs"), os.path.join(work, "html")
        written = subprocess.run([args.binary, "site", "--markdown", docs, "--output", html, FIXTURE],
                                 capture_output=True, text=True)
        results.check("portolan wrote the Markdown tree", os.path.exists(os.path.join(docs, "mkdocs.yml")), written.stderr[-500:])
        check_mkdocs_yml(results, docs)
        build = subprocess.run([mkdocs, "build", "--strict", "--site-dir", os.path.join(work, "site")],
                               cwd=docs, capture_output=True, text=True)
        results.check("mkdocs build --strict succeeds", build.returncode == 0, build.stderr[-1500:])
        if build.returncode == 0:
            check_static(results, os.path.join(work, "site"))
            check_in_browser(results, os.path.join(work, "site"))
            check_search(results, os.path.join(work, "site"))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results.finish()


if __name__ == "__main__":
    main()
