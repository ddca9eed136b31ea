#!/usr/bin/env python3
"""Browser tests of the docs site: headless Chromium, driven by Selenium, on pages opened from disk.

Builds the site of the seeds (`portolan build`, which writes site/ and docs/) and of a hostile
document (`portolan site Tests/Browser/fixtures`) into a temporary folder, then checks in a real
browser: no console errors, every connection row has its edge and hovering either highlights
both, clicking an edge goes to its row, the keyboard reaches rows and edges with visible focus,
the filter shows exactly the matching rows and dims the other edges, `#conn-N` opens
highlighted, hostile texts stay text, and every link and download of the site (and of the
Markdown tree) resolves.

Needs Debian's chromium, chromium-driver and python3-selenium. Without them the test skips
(exit 0), unless CI is set, where their absence is a failure. Prints `N passed, M failed` last.

    python3 Tests/Browser/site_test.py --binary .build/debug/portolan [--screenshots DIR] [--keep]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "Browser", "fixtures")
DEBIAN_PYTHON = "/usr/bin/python3"


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def find_tool(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
except ImportError:
    webdriver = None
    # Debian's python3-selenium is installed for Debian's Python; a python3 earlier on PATH
    # (pyenv, a virtualenv) does not see it, so run again under Debian's.
    if os.path.exists(DEBIAN_PYTHON) and os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON) \
            and not os.environ.get("PORTOLAN_SITE_TEST_REEXEC"):
        probe = subprocess.run([DEBIAN_PYTHON, "-c", "import selenium"], capture_output=True)
        if probe.returncode == 0:
            os.environ["PORTOLAN_SITE_TEST_REEXEC"] = "1"
            os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}{': ' + detail if detail else ''}")
        return ok

    def skip(self, name, reason):
        """A check that cannot run here: said on its own line, and in the suite's summary
        (`.build/skipped-checks.txt`); under CI, where every tool is installed, a failure."""
        if in_ci():
            return self.check(name, False, f"skipped under CI: {reason}")
        self.skipped += 1
        line = f"SKIPPED: {name}: {reason}"
        print(line)
        os.makedirs(os.path.join(ROOT, ".build"), exist_ok=True)
        with open(os.path.join(ROOT, ".build", "skipped-checks.txt"), "a", encoding="utf-8") as log:
            log.write(line + "\n")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped")
        sys.exit(1 if self.failed else 0)


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if result.returncode not in (0,):
        raise RuntimeError(f"{' '.join(cmd)} exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result


def pointer(driver):
    """Real pointer actions that arrive at once: Selenium spreads each move over 250 ms by default,
    which the pages do not need (they react to the move's events), and the hovers and badge
    pointing made that most of this test's time."""
    return ActionChains(driver, duration=0)


def file_url(path, fragment=""):
    return "file://" + urllib.parse.quote(os.path.abspath(path)) + (("#" + fragment) if fragment else "")


class Browser:
    def __init__(self, chromium, chromedriver):
        options = Options()
        options.binary_location = chromium
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1366,900"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        self.driver.set_window_size(1366, 900)

    def open(self, url):
        self.driver.get(url)
        self.driver.execute_script("return document.readyState")
        time.sleep(0.05)
        self.driver.get_log("browser")  # keep only what the next call collects

    def load(self, url):
        """Loads a page and returns the console errors it logged."""
        self.driver.get_log("browser")
        self.driver.get(url)
        time.sleep(0.2)
        return [entry for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def quit(self):
        self.driver.quit()


def site_pages(site):
    pages = []
    for folder, _, files in sorted(os.walk(site)):
        for name in sorted(files):
            if name.endswith(".html"):
                pages.append(os.path.join(folder, name))
    return pages


def product_pages(site):
    return [p for p in site_pages(site) if os.path.basename(p) == "index.html" and os.path.dirname(p) != site]


# ----------------------------------------------------------------------------------------------
# Checks


REFERENCES = """
return Array.from(document.querySelectorAll('a[href], img[src], link[href], script[src]')).map(e =>
  [e.tagName, e.getAttribute('href') || e.getAttribute('src'), e.href || e.src, e.hasAttribute('download')]);"""


def check_console(results, browser, site, label, references=None):
    """Loads every page once: no console errors, every image loads. With `references` (a dict),
    also keeps each page's links for `check_links`, so the site's pages are loaded once, not twice."""
    for page in site_pages(site):
        errors = browser.load(file_url(page))
        results.check(f"{label}: no console errors on {os.path.relpath(page, site)}", not errors,
                      "; ".join(e.get("message", "") for e in errors))
        broken = browser.js("return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
        results.check(f"{label}: every image loads on {os.path.relpath(page, site)}", not broken, ", ".join(broken))
        if references is not None:
            references[page] = browser.js(REFERENCES)


ROW_STATE = """
const row = arguments[0];
const edge = document.getElementById(row.dataset.edge);
return [row.classList.contains('is-active'), !!edge && edge.classList.contains('is-active')];
"""


def check_rows_and_hover(results, browser, page, name):
    browser.load(file_url(page))
    driver = browser.driver
    rows = driver.find_elements(By.CSS_SELECTOR, "#connections-table tbody tr[data-edge]")
    missing = browser.js("""
        return Array.from(document.querySelectorAll('#connections-table tbody tr[data-edge]'))
          .filter(r => { const e = document.getElementById(r.dataset.edge);
                         return !e || !e.closest('svg') || !e.classList.contains('connection'); })
          .map(r => r.dataset.edge);""")
    edges = browser.js("return document.querySelectorAll('#diagram-figure svg g.connection').length")
    results.check(f"{name}: every connection row has its edge in the diagram ({len(rows)} rows)",
                  rows and not missing and edges == len(rows), f"missing {missing}, {edges} edges for {len(rows)} rows")

    # Every row's wiring in one script pass: a pointer move over the row (each at its own
    # position, as the page only follows a pointer that moved) highlights the row and its edge
    # and no other edge; leaving the row clears them.
    bad = browser.js("""
        const bad = [];
        const rows = Array.from(document.querySelectorAll('#connections-table tbody tr[data-edge]'));
        rows.forEach((row, i) => {
          const cell = row.querySelector('td');
          cell.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: 3 + i, clientY: 5 + i}));
          const edge = document.getElementById(row.dataset.edge);
          const active = document.querySelectorAll('#diagram-figure svg g.connection.is-active');
          if (!(row.classList.contains('is-active') && edge && edge.classList.contains('is-active') && active.length === 1))
            bad.push(row.dataset.edge);
          row.dispatchEvent(new MouseEvent('mouseleave', {bubbles: false}));
          if (row.classList.contains('is-active')) bad.push(row.dataset.edge + ' (still active after leaving)');
        });
        return bad;""")
    results.check(f"{name}: each row's pointer wiring highlights its edge and only it ({len(rows)} rows)", not bad, f"not highlighted: {bad[:10]}")

    # A few real hovers (the first, middle and last rows), through the first cell to the last so
    # the pointer really moves (a still pointer under a scrolled page does not count as pointing).
    bad = []
    for row in [rows[0], rows[len(rows) // 2], rows[-1]] if rows else []:
        browser.js("arguments[0].scrollIntoView({block: 'end'})", row)
        pointer(driver).move_to_element(row.find_element(By.CSS_SELECTOR, "td:first-child")) \
            .move_to_element(row.find_element(By.CSS_SELECTOR, "td:last-child")).perform()
        row_active, edge_active = browser.js(ROW_STATE, row)
        others = browser.js("return document.querySelectorAll('#diagram-figure svg g.connection.is-active').length")
        if not (row_active and edge_active and others == 1):
            bad.append(row.get_attribute("data-edge"))
    results.check(f"{name}: hovering rows with a real pointer highlights their edges (3 rows)", not bad, f"not highlighted: {bad}")

    # The reverse: pointing at an edge (its number badge) highlights its row. Only badges that
    # are on top at their centre can be pointed at (in a dense diagram another line may cross one).
    bad = []
    tried = 0
    full_size_if_small(browser)
    browser.js("document.getElementById('diagram').scrollIntoView({block: 'start'})")
    for row in rows:
        if tried == 8:
            break
        edge_id = row.get_attribute("data-edge")
        badge = driver.find_element(By.CSS_SELECTOR, f'[id="a_{edge_id}-label"] path')
        on_top = browser.js("""arguments[0].scrollIntoView({block: 'nearest', inline: 'center'});
            const r = arguments[0].getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return !!hit && hit.closest('g.connection') === arguments[0].closest('g.connection');""", badge)
        if not on_top:
            continue
        tried += 1
        try:
            pointer(driver).move_to_element(driver.find_element(By.ID, "diagram-title")).move_to_element(badge).perform()
        except WebDriverException as error:
            bad.append(f"{edge_id} ({error.msg})")
            continue
        active = browser.js("return Array.from(document.querySelectorAll('#connections-table tr.is-active')).map(r => r.dataset.edge)")
        if active != [edge_id]:
            bad.append(f"{edge_id} -> {active}")
    results.check(f"{name}: pointing at an edge highlights its row ({tried} edges)", tried >= 3 and not bad, "; ".join(bad))


def full_size_if_small(browser):
    """A large diagram fitted to the page has badges too small to point at: show it at full size."""
    small = browser.js("""const t = document.querySelector('#diagram-figure svg g.connection text');
        return !!t && t.getBoundingClientRect().height < 8;""")
    if small:
        browser.driver.find_element(By.ID, "zoom").click()
        pressed = browser.js("return document.getElementById('zoom').getAttribute('aria-pressed')")
        assert pressed == "true", "the zoom button did not switch to full size"


def check_click_and_keyboard(results, browser, page, name):
    driver = browser.driver
    browser.load(file_url(page))
    rows = driver.find_elements(By.CSS_SELECTOR, "#connections-table tbody tr[data-edge]")
    first = rows[0].get_attribute("data-edge")
    target = rows[len(rows) // 2]
    edge_id = target.get_attribute("data-edge")
    full_size_if_small(browser)
    browser.js("document.getElementById('diagram').scrollIntoView({block: 'start'})")
    pointer(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, f'[id="a_{edge_id}-label"] path')).click().perform()
    time.sleep(0.2)
    state = browser.js("""
        const row = document.getElementById('row-' + arguments[0]);
        const r = row.getBoundingClientRect();
        return {hash: location.hash, active: row.classList.contains('is-active'),
                inView: r.top >= 0 && r.bottom <= window.innerHeight,
                focusInRow: row.contains(document.activeElement)};""", edge_id)
    results.check(f"{name}: clicking an edge scrolls to its row and selects it",
                  state["hash"] == "#" + edge_id and state["active"] and state["inView"] and state["focusInRow"], str(state))

    # Keyboard: Tab from the filter reaches the first row's link, which highlights its edge, with a visible outline.
    browser.load(file_url(page))
    box = driver.find_element(By.ID, "filter")
    browser.js("arguments[0].focus()", box)
    pointer(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, ".brand")).perform()
    box.send_keys(Keys.TAB)
    state = browser.js("""
        const a = document.activeElement; const row = a.closest('tr[data-edge]');
        const edge = row && document.getElementById(row.dataset.edge);
        const style = getComputedStyle(a);
        return {row: row && row.dataset.edge, edge: !!edge && edge.classList.contains('is-active'),
                outline: style.outlineStyle + ' ' + style.outlineWidth};""")
    results.check(f"{name}: Tab reaches the first row; its edge is highlighted; focus is visible",
                  state["row"] == first and state["edge"] and not state["outline"].startswith("none") and not state["outline"].endswith(" 0px"),
                  str(state))

    # Keyboard on the diagram: an edge takes focus, and Enter goes to its row.
    browser.load(file_url(page))
    edge = driver.find_element(By.ID, edge_id)
    browser.js("arguments[0].focus()", edge)
    focused = browser.js("return document.activeElement && document.activeElement.id")
    edge.send_keys(Keys.ENTER)
    time.sleep(0.2)
    state = browser.js("""
        const row = document.getElementById('row-' + arguments[0]);
        return {active: row.classList.contains('is-active'), focusInRow: row.contains(document.activeElement)};""", edge_id)
    results.check(f"{name}: an edge takes keyboard focus and Enter goes to its row",
                  focused == edge_id and state["active"] and state["focusInRow"], f"focused {focused}, {state}")


def check_filter(results, browser, page, name):
    driver = browser.driver
    browser.load(file_url(page))
    rows = driver.find_elements(By.CSS_SELECTOR, "#connections-table tbody tr[data-edge]")
    cells = browser.js("""return Array.from(document.querySelectorAll('#connections-table tbody tr[data-edge]'))
        .map(r => [r.dataset.edge, Array.from(r.cells).map(c => c.textContent.trim())]);""")
    header = browser.js("return Array.from(document.querySelectorAll('#connections-table thead th')).map(h => h.textContent.trim())")
    column = {title: index for index, title in enumerate(header)}

    def terms():
        # A source name, a protocol, a port and a classification taken from the table itself.
        first = cells[0][1]
        picks = [first[column["Source"]].split()[0], first[column["Protocol"]], first[column["Port"]].split(",")[0],
                 first[column["Classification"]]]
        picks += ["ingress", "zzz-no-such-thing"]
        return [p for p in picks if p]

    box = driver.find_element(By.ID, "filter")
    for term in terms():
        box.clear()
        box.send_keys(term)
        time.sleep(0.05)
        words = term.lower().split()
        expected = sorted(edge for edge, texts in cells
                          if all(w in re.sub(r"\s+", " ", " ".join(texts).lower()) for w in words))
        shown = sorted(browser.js("return Array.from(document.querySelectorAll('#connections-table tbody tr[data-edge]')).filter(r => !r.hidden && r.offsetParent !== null).map(r => r.dataset.edge)"))
        dimmed = sorted(browser.js("return Array.from(document.querySelectorAll('#diagram-figure svg g.connection.is-dimmed')).map(e => e.id)"))
        others = sorted(set(edge for edge, _ in cells) - set(expected))
        count = driver.find_element(By.ID, "filter-count").text
        empty_shown = driver.find_element(By.ID, "filter-empty").is_displayed()
        results.check(f"{name}: filter {term!r} shows {len(expected)} of {len(rows)} rows and dims the other edges",
                      shown == expected and dimmed == others and str(len(expected)) in count and empty_shown == (not expected),
                      f"shown {shown[:8]}, expected {expected[:8]}, dimmed {len(dimmed)} vs {len(others)}, count {count!r}")
    box.send_keys(Keys.ESCAPE)
    shown = browser.js("return Array.from(document.querySelectorAll('#connections-table tbody tr[data-edge]')).filter(r => !r.hidden).length")
    dimmed = browser.js("return document.querySelectorAll('#diagram-figure svg g.connection.is-dimmed').length")
    results.check(f"{name}: Escape clears the filter", shown == len(rows) and dimmed == 0, f"{shown} shown, {dimmed} dimmed")


def check_hash(results, browser, page, name):
    edges = re.findall(r'data-edge="([^"]+)"', open(page, encoding="utf-8").read())
    edge_id = edges[len(edges) // 2]
    browser.load(file_url(page, edge_id))
    time.sleep(0.2)
    state = browser.js("""
        const row = document.getElementById('row-' + arguments[0]); const edge = document.getElementById(arguments[0]);
        const r = edge.getBoundingClientRect();
        return {row: row.classList.contains('is-active'), edge: edge.classList.contains('is-active'),
                edgeInView: r.bottom > 0 && r.top < window.innerHeight};""", edge_id)
    results.check(f"{name}: #{edge_id} opens with the edge and its row highlighted",
                  state["row"] and state["edge"] and state["edgeInView"], str(state))
    # Following a row's number link does the same without reloading.
    other = edges[0]
    browser.js("arguments[0].scrollIntoView({block: 'end'})", browser.driver.find_element(By.CSS_SELECTOR, f'tr[data-edge="{other}"] a.conn-link'))
    browser.driver.find_element(By.CSS_SELECTOR, f'tr[data-edge="{other}"] a.conn-link').click()
    time.sleep(0.2)
    state = browser.js("""return {hash: location.hash,
        row: document.getElementById('row-' + arguments[0]).classList.contains('is-active'),
        edge: document.getElementById(arguments[0]).classList.contains('is-active')};""", other)
    results.check(f"{name}: a row's number links to its edge and highlights it",
                  state["hash"] == "#" + other and state["row"] and state["edge"], str(state))


HOSTILE_TEXTS = [
    '<script>window.__pwned = "source"</script>',
    "javascript:window.__pwned='dest'",
    '"Quoted" & \'single\'',
    '<img src=x onerror="window.__pwned=\'img\'">',
    '</td></tr></table><script>window.__pwned = "table"</script>',
    '<b>gRPC</b>',
]


def check_hostile(results, browser, site):
    pages = site_pages(site)
    for page in pages:
        rel = os.path.relpath(page, site)
        errors = browser.load(file_url(page))
        state = browser.js("""
            const all = Array.from(document.querySelectorAll('*'));
            return {pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
                    scripts: Array.from(document.scripts).map(s => s.getAttribute('src')),
                    handlers: all.filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name))).map(e => e.tagName),
                    jsLinks: all.filter(e => ['href', 'xlink:href', 'src'].some(n => /^\\s*javascript:/i.test(e.getAttribute(n) || ''))).length,
                    frames: document.querySelectorAll('iframe, object, embed, foreignObject').length,
                    text: document.body.innerText};""")
        results.check(f"hostile {rel}: nothing from the document runs",
                      state["pwned"] is None and state["scripts"] in (["site.js"], ["../site.js"]) and not state["handlers"]
                      and state["jsLinks"] == 0 and state["frames"] == 0 and not errors,
                      f"pwned={state['pwned']} scripts={state['scripts']} handlers={state['handlers']} jsLinks={state['jsLinks']} frames={state['frames']} errors={errors}")
        if os.path.dirname(page) != site and not page.endswith("platform/index.html"):
            missing = [t for t in HOSTILE_TEXTS if t not in state["text"]]
            results.check(f"hostile {rel}: hostile names show as text", not missing, f"missing {missing}")
            heading = browser.js("return document.querySelector('h1').textContent")
            results.check(f"hostile {rel}: the hostile subject is the heading, as text",
                          heading == '<img src=x onerror="window.__pwned=\'subject\'"> "Hostile" & \'Co\'', repr(heading))


def check_links(results, browser, site, label, references=None):
    """Walks every link, image, stylesheet and script of every page: each resolves to a file of the
    site (and each fragment to an id of its page); nothing points outside the site or off the machine."""
    site = os.path.abspath(site)
    ids = {}
    problems = []
    checked = 0
    downloads = 0
    for page in site_pages(site):
        if references is not None and page in references:
            refs = references[page]  # read by check_console on the same, unchanged page
        else:
            browser.load(file_url(page))
            refs = browser.js(REFERENCES)
        for tag, raw, resolved, is_download in refs:
            checked += 1
            parsed = urllib.parse.urlparse(resolved)
            if parsed.scheme != "file":
                problems.append(f"{os.path.relpath(page, site)}: {raw} is not a file of the site")
                continue
            if raw.startswith("/") or re.match(r"^[a-z]+:", raw):
                problems.append(f"{os.path.relpath(page, site)}: {raw} is not a relative link")
            target = urllib.parse.unquote(parsed.path)
            if not os.path.abspath(target).startswith(site + os.sep):
                problems.append(f"{os.path.relpath(page, site)}: {raw} leaves the site")
                continue
            if not os.path.isfile(target) or os.path.getsize(target) == 0:
                problems.append(f"{os.path.relpath(page, site)}: {raw} is missing or empty")
                continue
            if is_download:
                downloads += 1
                problems += check_download(target)
            if parsed.fragment:
                if target not in ids:
                    text = open(target, encoding="utf-8").read()
                    ids[target] = set(re.findall(r'\sid="([^"]+)"', text))
                if urllib.parse.unquote(parsed.fragment) not in ids[target]:
                    problems.append(f"{os.path.relpath(page, site)}: {raw} names no element")
    results.check(f"{label}: every link, image, stylesheet, script and download resolves ({checked} references, {downloads} downloads)",
                  not problems and checked > 0, "; ".join(problems[:12]))


MAGIC = {".png": b"\x89PNG", ".xlsx": b"PK\x03\x04", ".svg": b"<?xml", ".dot": b"digraph", ".json": b"{"}


def check_download(path):
    with open(path, "rb") as handle:
        head = handle.read(16)
    expected = MAGIC.get(os.path.splitext(path)[1])
    if expected and not head.startswith(expected):
        return [f"{os.path.basename(path)} does not start like a {os.path.splitext(path)[1]} file: {head!r}"]
    return []


def check_markdown_tree(results, docs):
    problems = []
    config = os.path.join(docs, "mkdocs.yml")
    if not os.path.isfile(config):
        results.check("docs: mkdocs.yml is there", False, config)
        return
    pages = []
    for folder, _, files in os.walk(os.path.join(docs, "pages")):
        pages += [os.path.join(folder, f) for f in files if f.endswith(".md")]
    for page in sorted(pages):
        text = open(page, encoding="utf-8").read()
        for target in re.findall(r"(?<!\\)\]\(([^)\s]+)\)", text):
            if re.match(r"^[a-z]+:", target) or target.startswith("/"):
                problems.append(f"{os.path.relpath(page, docs)}: {target} is not a relative link")
                continue
            path = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(target.split("#")[0])))
            if not os.path.isfile(path):
                problems.append(f"{os.path.relpath(page, docs)}: {target} is missing")
        if "<script" in text or "<img" in text:
            problems.append(f"{os.path.relpath(page, docs)}: raw HTML")
    nav = re.findall(r"^\s+- .*: (\S+)$", open(config, encoding="utf-8").read(), re.M)
    problems += [f"mkdocs.yml names {n}, which is missing" for n in nav if not os.path.isfile(os.path.join(docs, "pages", n))]
    results.check(f"docs: every Markdown link and nav entry resolves ({len(pages)} pages)", pages and not problems, "; ".join(problems[:12]))
    mkdocs = find_tool("mkdocs")
    if mkdocs:
        out = tempfile.mkdtemp(prefix="portolan-mkdocs-")
        result = subprocess.run([mkdocs, "build", "--strict", "--quiet", "-f", config, "-d", out], capture_output=True, text=True)
        results.check("docs: mkdocs build --strict builds the Markdown tree", result.returncode == 0, result.stderr[-1500:])
        shutil.rmtree(out, ignore_errors=True)
    else:
        results.skip("docs: mkdocs build --strict", "mkdocs is not installed (pip install mkdocs); the Markdown tree's links were checked, not built")


def screenshots(browser, site, folder):
    os.makedirs(folder, exist_ok=True)
    product = product_pages(site)[0]
    for label, width, height in (("desktop", 1366, 900), ("phone", 390, 844)):
        browser.driver.set_window_size(width, height)
        for name, page in (("index", os.path.join(site, "index.html")), ("product", product)):
            browser.load(file_url(page))
            browser.driver.save_screenshot(os.path.join(folder, f"{name}-{label}.png"))
        # The product page scrolled to the table (under the diagram, which stays in view on a
        # large screen), with a row pointed at.
        browser.load(file_url(product))
        browser.js("""const d = document.getElementById('diagram'), c = document.getElementById('connections');
            const sticky = getComputedStyle(d).position === 'sticky';
            window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY - (sticky ? d.offsetHeight + 8 : 8));""")
        row = browser.js("""return Array.from(document.querySelectorAll('#connections-table tbody tr[data-edge]'))
            .filter(r => { const b = r.getBoundingClientRect(); return b.top > window.innerHeight * 0.7 && b.bottom < window.innerHeight; })[0]
            || document.querySelector('#connections-table tbody tr[data-edge]');""")
        pointer(browser.driver).move_to_element(row.find_element(By.CSS_SELECTOR, "td:first-child")) \
            .move_to_element(row.find_element(By.CSS_SELECTOR, "td:last-child")).perform()
        browser.driver.save_screenshot(os.path.join(folder, f"product-{label}-hover.png"))
    browser.driver.set_window_size(1366, 900)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "portolan"))
    parser.add_argument("--input", default=os.path.join(ROOT, "Input"))
    parser.add_argument("--screenshots", help="save screenshots of the index and a product page here")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder and print its path")
    parser.add_argument("--built", help="a folder `portolan build --input Input` already wrote (make test builds the seeds "
                                        "once for this test and diagram_test.py); default: build one here. Only read.")
    args = parser.parse_args()
    results = Results()

    chromium = find_tool("chromium", "chromium-browser", "google-chrome")
    chromedriver = find_tool("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    missing = [name for name, found in (("chromium", chromium), ("chromium-driver", chromedriver),
                                        ("python3-selenium", webdriver)) if not found]
    if missing:
        message = f"site browser tests need {', '.join(missing)} (apt-get install -y chromium chromium-driver python3-selenium)"
        results.skip("site in a real browser", message)
        results.finish()

    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="portolan-site-test-")
    try:
        if not args.built:
            run([binary, "build", "--input", os.path.relpath(args.input, ROOT), "--output", os.path.join(work, "out")])
        run([binary, "site", os.path.relpath(FIXTURES, ROOT), "--output", os.path.join(work, "hostile"),
             "--markdown", os.path.join(work, "hostile-docs")])
    except (RuntimeError, OSError) as error:
        results.check("portolan writes the site", False, str(error))
        results.finish()
    built = os.path.abspath(args.built) if args.built else os.path.join(work, "out")
    site = os.path.join(built, "site")
    results.check("portolan build writes site/index.html and docs/mkdocs.yml",
                  os.path.isfile(os.path.join(site, "index.html")) and os.path.isfile(os.path.join(built, "docs", "mkdocs.yml")))

    browser = Browser(chromium, chromedriver)
    try:
        references = {}
        check_console(results, browser, site, "seeds", references)
        for page in product_pages(site):
            name = os.path.basename(os.path.dirname(page))
            check_rows_and_hover(results, browser, page, name)
            check_filter(results, browser, page, name)
            check_hash(results, browser, page, name)
        for page in product_pages(site)[:1] + [p for p in product_pages(site) if p.endswith("platform/index.html")]:
            check_click_and_keyboard(results, browser, page, os.path.basename(os.path.dirname(page)))
        check_links(results, browser, site, "seeds", references)
        check_markdown_tree(results, os.path.join(built, "docs"))
        check_hostile(results, browser, os.path.join(work, "hostile"))
        check_links(results, browser, os.path.join(work, "hostile"), "hostile")
        check_markdown_tree(results, os.path.join(work, "hostile-docs"))
        if args.screenshots:
            screenshots(browser, site, args.screenshots)
            print(f"screenshots in {args.screenshots}")
    except WebDriverException as error:
        import traceback
        traceback.print_exc()
        results.check("the browser session", False, error.msg)
    finally:
        browser.quit()
        if args.keep:
            print(f"generated files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results.finish()


if __name__ == "__main__":
    sys.exit(main())
