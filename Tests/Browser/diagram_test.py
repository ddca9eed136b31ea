#!/usr/bin/env python3
"""Browser tests of the site's diagrams (issue 16): headless Chromium, driven by Selenium.

Builds the seeds' site (`portolan build`) into a temporary folder and checks, at desktop
(1400x760) and phone (390x844) sizes: the pinned diagram leaves most of the window to the table;
the mouse wheel, a two-finger pinch, the keyboard (+ − 0, arrows), dragging and the buttons zoom
and pan the drawing, and the reset restores it; clicking a row's number brings its line into the
diagram's view and keeps the row in sight below it; the index shows the landscape with every
product clickable to its page; component names link to their focus page, which draws exactly
the connections that touch the component; no console errors. Saves screenshots with
--screenshots DIR (look at them).

Needs Debian's chromium, chromium-driver and python3-selenium. Without them the test skips
(exit 0), unless CI is set, where their absence is a failure. Prints `N passed, M failed` last.

    python3 Tests/Browser/diagram_test.py --binary .build/debug/portolan [--screenshots DIR]
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
DEBIAN_PYTHON = "/usr/bin/python3"

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
except ImportError:
    webdriver = None
    if os.path.exists(DEBIAN_PYTHON) and os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON) \
            and not os.environ.get("PORTOLAN_DIAGRAM_TEST_REEXEC"):
        probe = subprocess.run([DEBIAN_PYTHON, "-c", "import selenium"], capture_output=True)
        if probe.returncode == 0:
            os.environ["PORTOLAN_DIAGRAM_TEST_REEXEC"] = "1"
            os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)


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
            print(f"FAIL {name}{': ' + str(detail) if detail else ''}")
        return ok

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)


def file_url(path, fragment=""):
    return "file://" + urllib.parse.quote(os.path.abspath(path)) + (("#" + fragment) if fragment else "")


class Browser:
    def __init__(self, chromium, chromedriver):
        options = Options()
        options.binary_location = chromium
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1400,760"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(chromedriver), options=options)

    def size(self, width, height):
        """Sets the inner size of the window (the viewport) to width x height."""
        self.driver.set_window_size(width, height)
        inner = self.js("return [window.innerWidth, window.innerHeight]")
        self.driver.set_window_size(width + (width - inner[0]), height + (height - inner[1]))

    def load(self, url):
        self.driver.get_log("browser")
        self.driver.get(url)
        time.sleep(0.3)
        return [entry for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)


VIEWBOX = "return document.querySelector('#diagram-figure svg').getAttribute('viewBox').split(' ').map(Number)"


def check_zoom_and_pan(results, browser, page, label):
    errors = browser.load(file_url(page))
    results.check(f"{label}: no console errors", not errors, errors)
    driver = browser.driver
    base = browser.js(VIEWBOX)
    figure = driver.find_element(By.ID, "diagram-figure")
    tools = browser.js("return !document.getElementById('zoom-tools').hidden")
    results.check(f"{label}: the zoom buttons are shown", tools)

    # The wheel zooms in about the pointer.
    browser.js("""const f = arguments[0], r = f.getBoundingClientRect();
        f.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2,
                                                 bubbles: true, cancelable: true}));""", figure)
    wheel = browser.js(VIEWBOX)
    results.check(f"{label}: the mouse wheel zooms in", wheel[2] < base[2] * 0.8, f"{base} -> {wheel}")

    # Dragging pans: the view moves the opposite way by the drag.
    ActionChains(driver).move_to_element(figure).click_and_hold().move_by_offset(-120, -40).release().perform()
    dragged = browser.js(VIEWBOX)
    results.check(f"{label}: dragging pans", dragged[0] > wheel[0] and abs(dragged[2] - wheel[2]) < 0.01, f"{wheel} -> {dragged}")

    # The reset button shows the whole drawing again.
    driver.find_element(By.ID, "zoom-reset").click()
    results.check(f"{label}: the reset button restores the view", browser.js(VIEWBOX) == base, browser.js(VIEWBOX))

    # The keyboard on the focused figure: + zooms in, an arrow pans, 0 resets.
    browser.js("arguments[0].focus({preventScroll: true})", figure)
    for key in ["+", "+", "ArrowRight"]:
        browser.js("arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: arguments[1], bubbles: true}))", figure, key)
    keyed = browser.js(VIEWBOX)
    results.check(f"{label}: + and the arrow keys zoom and pan", keyed[2] < base[2] * 0.7 and keyed[0] > base[0], f"{base} -> {keyed}")
    browser.js("arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: '0', bubbles: true}))", figure)
    results.check(f"{label}: 0 resets", browser.js(VIEWBOX) == base)

    # A pinch: two pointers moving apart zoom in.
    browser.js("""const f = arguments[0], r = f.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
        function send(type, id, x) { f.dispatchEvent(new PointerEvent(type, {pointerId: id, clientX: x, clientY: cy, button: 0,
                                                                            pointerType: 'touch', bubbles: true, cancelable: true})); }
        send('pointerdown', 1, cx - 20); send('pointerdown', 2, cx + 20);
        for (let d = 25; d <= 100; d += 15) { send('pointermove', 1, cx - d); send('pointermove', 2, cx + d); }
        send('pointerup', 1, cx - 100); send('pointerup', 2, cx + 100);""", figure)
    pinched = browser.js(VIEWBOX)
    results.check(f"{label}: a pinch zooms in", pinched[2] < base[2] * 0.6, f"{base} -> {pinched}")
    driver.find_element(By.ID, "zoom-reset").click()


def visible_part(browser, element_js):
    """The share of an element's box inside both the window and the diagram figure."""
    return browser.js("""const e = """ + element_js + """, f = document.getElementById('diagram-figure');
        const a = e.getBoundingClientRect(), b = f.getBoundingClientRect();
        const x0 = Math.max(a.left, b.left, 0), x1 = Math.min(a.right, b.right, window.innerWidth);
        const y0 = Math.max(a.top, b.top, 0), y1 = Math.min(a.bottom, b.bottom, window.innerHeight);
        const area = Math.max(1, a.width * a.height);
        return Math.max(0, x1 - x0) * Math.max(0, y1 - y0) / area;""")


def check_row_click(results, browser, page, label, shots, name):
    browser.load(file_url(page))
    driver = browser.driver
    pinned = browser.js("""const s = document.getElementById('diagram');
        return {sticky: getComputedStyle(s).position === 'sticky', height: s.getBoundingClientRect().height, window: window.innerHeight};""")
    results.check(f"{label}: the pinned diagram leaves most of the window to the table "
                  f"({pinned['height']:.0f} of {pinned['window']} px)",
                  pinned["sticky"] and pinned["height"] <= 0.45 * pinned["window"], pinned)
    edges = re.findall(r'data-edge="([^"]+)"', open(page, encoding="utf-8").read())
    misses = []
    for edge_id in [edges[-1], edges[len(edges) // 2], edges[3]]:
        link = driver.find_element(By.CSS_SELECTOR, f'tr[data-edge="{edge_id}"] a.conn-link')
        browser.js("arguments[0].scrollIntoView({block: 'end'})", link)
        time.sleep(0.05)
        link.click()
        time.sleep(0.2)
        state = browser.js("""const row = document.getElementById('row-' + arguments[0]), edge = document.getElementById(arguments[0]);
            const r = row.getBoundingClientRect(), d = document.getElementById('diagram').getBoundingClientRect();
            return {hash: location.hash, row: row.classList.contains('is-active'), edge: edge.classList.contains('is-active'),
                    rowBelowDiagram: r.top >= d.bottom - 1 && r.bottom <= window.innerHeight};""", edge_id)
        badge = visible_part(browser, f"document.getElementById('a_{edge_id}-label') || document.getElementById('{edge_id}')")
        if not (state["hash"] == "#" + edge_id and state["row"] and state["edge"] and state["rowBelowDiagram"] and badge > 0.9):
            misses.append(f"{edge_id}: {state}, badge {badge:.2f} in view")
        if shots:
            driver.save_screenshot(os.path.join(shots, f"{name}-row-{edge_id}.png"))
    results.check(f"{label}: clicking a row's number shows its line in the diagram and keeps the row in sight", not misses, misses)


def check_landscape(results, browser, site, label, shots):
    errors = browser.load(file_url(os.path.join(site, "index.html")))
    results.check(f"{label}: index has no console errors", not errors, errors)
    driver = browser.driver
    products = browser.js("""return Array.from(document.querySelectorAll('#diagram-figure svg g#diagram-landscape g.landscape.product'))
        .map(g => [g.id, g.getAttribute('role')]);""")
    results.check(f"{label}: the index shows the landscape, every product a link ({len(products)} products)",
                  len(products) == 4 and all(role == "link" for _, role in products), products)
    if shots:
        driver.save_screenshot(os.path.join(shots, f"index-{label.split()[0]}.png"))
    target = "voice-microservices"
    node = driver.find_element(By.ID, f"land-{target}")
    browser.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node)
    time.sleep(0.4)
    results.check(f"{label}: clicking a product in the landscape opens its page",
                  driver.current_url.endswith(f"/{target}/index.html"), driver.current_url)


def check_focus(results, browser, site, label, shots):
    page = os.path.join(site, "cx-contact", "index.html")
    browser.load(file_url(page))
    driver = browser.driver
    links = browser.js("return Array.from(document.querySelectorAll('#connections-table a.focus-link')).map(a => [a.textContent, a.getAttribute('href')])")
    results.check(f"{label}: component names link to their focus page ({len(links)} links)",
                  links and all(href.startswith("../focus-") for _, href in links), links[:4])
    redis = [href for text, href in links if text == "Redis"]
    results.check(f"{label}: Redis links to focus-redis.html", redis and redis[0] == "../focus-redis.html", redis)
    errors = browser.load(file_url(os.path.join(site, "focus-redis.html")))
    results.check(f"{label}: the focus page opens without console errors", not errors, errors)
    # Every connection to or from Redis in the seeds, by product: read from the platform page.
    platform = open(os.path.join(site, "platform", "index.html"), encoding="utf-8").read()
    expected = set()
    for row in re.findall(r'<tr id="row-([^"]+)" data-edge="[^"]+">(.*?)</tr>', platform, re.S):
        cells = re.findall(r'<td data-label="(Source|Destination)">(.*?)</td>', row[1], re.S)
        names = [re.sub(r"<[^>]+>", "", c[1]).strip() for c in cells]
        if any(re.fullmatch(r"Redis( 6\.x)?", n) for n in names):
            expected.add(row[0])
    shown = set(browser.js("return Array.from(document.querySelectorAll('#connections-table tbody tr')).map(r => r.dataset.edge)"))
    drawn = set(browser.js("return Array.from(document.querySelectorAll('#diagram-figure svg g.connection')).map(g => g.id)"))
    results.check(f"{label}: the Redis focus page draws exactly the {len(expected)} connections touching Redis",
                  expected and shown == expected and drawn == expected, f"expected {sorted(expected)}, shown {sorted(shown)}, drawn {sorted(drawn)}")
    if shots:
        driver.save_screenshot(os.path.join(shots, f"focus-redis-{label.split()[0]}.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "portolan"))
    parser.add_argument("--screenshots")
    parser.add_argument("--built", help="a folder `portolan build --input Input` already wrote (only read); default: build one here")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    chromedriver = shutil.which("chromedriver")
    if webdriver is None or not chromium or not chromedriver:
        print("SKIP: needs chromium, chromium-driver and python3-selenium")
        sys.exit(1 if in_ci() else 0)
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    results = Results()
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.abspath(args.built) if args.built else os.path.join(folder, "out")
        if not args.built:
            build = subprocess.run([args.binary, "build", "--input", os.path.join(ROOT, "Input"), "--output", out],
                                   capture_output=True, text=True)
            if build.returncode != 0:
                print(build.stderr[-3000:])
                results.check("portolan build", False)
                results.finish()
        site = os.path.join(out, "site")
        browser = Browser(chromium, chromedriver)
        try:
            for label, (width, height), name in [("desktop 1400x760", (1400, 760), "desktop"), ("phone 390x844", (390, 844), "phone")]:
                browser.size(width, height)
                for product in ["voice-microservices", "platform"]:
                    page = os.path.join(site, product, "index.html")
                    check_zoom_and_pan(results, browser, page, f"{label} {product}")
                    check_row_click(results, browser, page, f"{label} {product}", args.screenshots, f"{name}-{product}")
                check_landscape(results, browser, site, label, args.screenshots)
                check_focus(results, browser, site, label, args.screenshots)
        finally:
            browser.driver.quit()
    results.finish()


if __name__ == "__main__":
    main()
