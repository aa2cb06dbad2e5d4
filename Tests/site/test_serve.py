"""`offermap serve` in Chromium: confirming labels with the keyboard writes exactly those lines, the report is rebuilt,
and edits that come too late, forged requests and hostile text change nothing they should not.

Each test starts its own server on a free port (on a copy of a sample county) and stops it again."""
import difflib
import json
import pathlib
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, binary, make_driver
from test_accessibility import run_axe, axe_source, describe

COUNTY = "werra-meissner"
LABEL_LINE = re.compile(r"^ +(phases|categories): \[[a-z0-9, -]*\]$")

HOSTILE = """---
name: "Verein <script>alert('x')</script> & \\"Freunde\\""
type: verein
# ein Kommentar, der bleiben muss
offers:
  - title: "<img src=x onerror=alert(1)> Gründungscafé: {Treff} & [Austausch] #1"
    # Zeile mit: Doppelpunkt, 'Apostroph' und "Anführungszeichen"
    description: '""" + "Sehr lange Zeile über Gründung, Businessplan und Förderung – ''x'' " * 60 + """'
---
Text mit <b>Markup</b> & Umlauten: äöüß 🙂
"""


class Serving:
    def __init__(self, inputs):
        self.inputs = inputs
        self.process = subprocess.Popen([str(binary()), "serve", "--inputs", str(inputs), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert match, f"serve did not start: {line!r} {self.process.stderr.read() if self.process.poll() is not None else ''}"
        self.url = match.group(0)

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=20) as response:
            return response.read().decode("utf-8")

    def post(self, path, fields, headers=None):
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {}, method="POST")
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=20) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.process.stderr.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def serving(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(ROOT / "inputs/taxonomy.yaml", inputs / "taxonomy.yaml")
    shutil.copytree(ROOT / "inputs" / COUNTY, inputs / COUNTY)
    server = Serving(inputs)
    yield server
    server.stop()
    assert server.process.poll() is not None, "the server is still running"
    with pytest.raises(OSError):
        urllib.request.urlopen(server.url + "/_state", timeout=2)


@pytest.fixture
def browser():
    driver = make_driver(width=1280, height=900)
    yield driver
    driver.quit()


def landscape(serving):
    return json.loads(serving.get(f"/reports/{COUNTY}/landscape.json"))


def offer_statuses(data):
    return {o["full_id"]: {l["label"]: l["status"] for l in o["labels"]} for i in data["institutions"] for o in i["offers"]}


def snapshot(inputs):
    return {p: p.read_text(encoding="utf-8") for p in sorted(inputs.rglob("*.md"))}


def current(driver):
    return driver.execute_script("return document.querySelector('section.review.current').id")


# The page reloads itself when the served build is newer; an element found just before is then gone.
RELOADING = (NoSuchElementException, StaleElementReferenceException)


def wait_for_page(driver):
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete"
                                    and d.execute_script("return !!document.querySelector('section.review.current, p.notice')"))


def test_keyboard_confirms_three_offers(serving, browser):
    before_files = snapshot(serving.inputs)
    before = landscape(serving)
    statuses = offer_statuses(before)
    # a cell that is uncertain only because of one machine-labelled offer: confirming that offer settles it
    proposed = {o for o, labels in statuses.items() if "proposed" in labels.values()}
    cell = next(c for c in before["cells"] if c["uncertain"] and len([o for o in c["offers"] if o in proposed]) == 1)
    settling = next(o for o in cell["offers"] if o in proposed)

    browser.get(serving.url + f"/review/{COUNTY}")
    wait_for_page(browser)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    body = browser.find_element(By.TAG_NAME, "body")
    # move with j to the offer that settles the cell
    anchor = "r-" + settling.replace("/", "--")
    for _ in range(60):
        if current(browser) == anchor:
            break
        body.send_keys("j")
    assert current(browser) == anchor
    expected = {}

    def confirm(keys):
        section = browser.find_element(By.ID, current(browser))
        for key in keys:
            browser.switch_to.active_element.send_keys(key)
        ticked = [box.get_attribute("value") for box in section.find_elements(By.CSS_SELECTOR, "input[name=label]") if box.is_selected()]
        full_id = section.get_attribute("id")[2:].replace("--", "/")
        expected[full_id] = ticked
        title = section.find_element(By.TAG_NAME, "h2").text
        browser.switch_to.active_element.send_keys("b")
        try:
            WebDriverWait(browser, 30, ignored_exceptions=RELOADING).until(
                lambda d: any(f"Gespeichert: „{title}“" in n.text for n in d.find_elements(By.CSS_SELECTOR, "p.notice")))
        except Exception:
            raise AssertionError(f"not saved: {title!r}; page shows {[n.text for n in browser.find_elements(By.CSS_SELECTOR, 'p.notice, .conflict')]} at {browser.current_url}, current {current(browser)}, active {browser.switch_to.active_element.get_attribute('outerHTML')[:200]}, state {serving.get('/_state')}, log {browser.get_log('browser')}")
        wait_for_page(browser)

    confirm([])                      # as proposed
    confirm(["1"])                   # and Orientierung toggled
    confirm([Keys.SHIFT + "9"])      # and Netzwerk & Mentoring toggled
    assert len(expected) == 3

    # exactly the label lines of those offers changed, with the ticked labels
    after_files = snapshot(serving.inputs)
    changed = []
    for path, text in after_files.items():
        diff = [l for l in difflib.unified_diff(before_files[path].splitlines(), text.splitlines(), lineterm="", n=0)
                if l[:1] in "+-" and not l.startswith(("+++", "---"))]
        changed += [(path.name, l) for l in diff]
    assert changed and all(LABEL_LINE.match(line[1:]) for _, line in changed), changed
    assert len({name for name, _ in changed}) <= 3

    data = landscape(serving)
    after = offer_statuses(data)
    for full_id, ticked in expected.items():
        assert after[full_id] == {label: "confirmed" for label in ticked}, full_id
    settled = next(c for c in data["cells"] if c["phase"] == cell["phase"] and c["category"] == cell["category"])
    assert not settled["uncertain"]
    report = serving.get(f"/reports/{COUNTY}/report.html")
    assert f'/review/{COUNTY}' in report

    # one step back: the last confirmation is undone, byte for byte
    browser.switch_to.active_element.send_keys("u")
    WebDriverWait(browser, 20, ignored_exceptions=RELOADING).until(
        lambda d: "Rückgängig gemacht" in d.find_element(By.CSS_SELECTOR, "p.notice").text)
    undone = snapshot(serving.inputs)
    last = list(expected)[-1].split("/")[0] + ".md"
    path = next(p for p in undone if p.name == last)
    assert undone[path] != after_files[path]
    others = [p for p in undone if p != path]
    assert all(undone[p] == after_files[p] for p in others)


def test_review_page_passes_axe_at_1280_and_375_in_german_and_english(serving, tmp_path):
    source = axe_source()
    for width in (1280, 375):
        driver = make_driver(width=width, height=900)
        try:
            for lang in ("de", "en"):
                (serving.inputs / COUNTY / "county.yaml").write_text(
                    re.sub(r"(?m)^language:.*\n", "", (serving.inputs / COUNTY / "county.yaml").read_text(encoding="utf-8"))
                    + f"language: {lang}\n", encoding="utf-8")
                wait_until_rebuilt(serving, lambda: f'lang="{lang}"' in serving.get(f"/review/{COUNTY}"))
                driver.get(serving.url + f"/review/{COUNTY}")
                wait_for_page(driver)
                result = run_axe(driver, source)
                assert "error" not in result, result
                assert not result["violations"], "\n".join(describe(f"review {lang} {width}", result["violations"]))
                overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"the review page scrolls sideways at {width} px ({lang})"
        finally:
            driver.quit()


def wait_until_rebuilt(serving, condition, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("not rebuilt in time")


def test_an_edit_on_disk_wins_over_a_late_confirmation(serving):
    page = serving.get(f"/review/{COUNTY}")
    form = first_form(page)
    path = serving.inputs / COUNTY / "institutions" / (form["institution"] + ".md")
    edited = path.read_text(encoding="utf-8").replace("\n---\n", "\n# von Hand geändert\n---\n", 1)
    path.write_text(edited, encoding="utf-8")
    status, body = serving.post(f"/review/{COUNTY}/confirm", form, {"Origin": serving.url})
    assert status == 409
    assert "von Hand geändert" in body and "Nichts wurde gespeichert" in body
    assert path.read_text(encoding="utf-8") == edited


def test_forged_and_escaping_requests_are_refused(serving):
    page = serving.get(f"/review/{COUNTY}")
    form = first_form(page)
    before = snapshot(serving.inputs)
    assert serving.post(f"/review/{COUNTY}/confirm", {**form, "token": "0"}, {"Origin": serving.url})[0] == 403
    assert serving.post(f"/review/{COUNTY}/confirm", form, {"Origin": "http://evil.example"})[0] == 403
    assert serving.post(f"/review/{COUNTY}/confirm", form, {"Sec-Fetch-Site": "cross-site"})[0] == 403
    assert serving.post(f"/review/{COUNTY}/undo", {"token": "0"}, {"Origin": serving.url})[0] == 403
    status, _ = serving.post(f"/review/{COUNTY}/confirm", {**form, "institution": "../../taxonomy"}, {"Origin": serving.url})
    assert status == 303
    request = urllib.request.Request(serving.url + "/_state", headers={"Host": "evil.example"})
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)
    assert snapshot(serving.inputs) == before
    with pytest.raises(urllib.error.HTTPError):
        serving.get("/site/../../taxonomy.yaml")


def test_hostile_text_is_escaped_on_the_page_and_written_back_safely(serving, browser):
    path = serving.inputs / COUNTY / "institutions" / "zz-hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    wait_until_rebuilt(serving, lambda: "zz-hostile" in serving.get(f"/review/{COUNTY}"))
    browser.get(serving.url + f"/review/{COUNTY}")
    wait_for_page(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "img[src=x], main script")
    section = browser.find_element(By.CSS_SELECTOR, "section[id^='r-zz-hostile--']")
    assert "<img src=x onerror=alert(1)>" in section.find_element(By.TAG_NAME, "h2").text
    page = serving.get(f"/review/{COUNTY}")
    form = next(f for f in forms(page) if f["institution"] == "zz-hostile")
    form["label"] = ["phase:orientierung", "category:netzwerk"]
    status, _ = serving.post(f"/review/{COUNTY}/confirm", form, {"Origin": serving.url})
    assert status == 303
    text = path.read_text(encoding="utf-8")
    added = [l for l in difflib.ndiff(HOSTILE.splitlines(), text.splitlines()) if l.startswith(("+ ", "- "))]
    assert added == ["+     phases: [orientierung]", "+     categories: [netzwerk]"], added
    assert "zz-hostile/" in serving.get(f"/reports/{COUNTY}/landscape.json")


def forms(page):
    result = []
    for block in re.findall(r'<form method="post" action="/review/[^"]+/confirm">(.*?)</form>', page, re.S):
        fields = dict(re.findall(r'<input type="hidden" name="([a-z]+)" value="([^"]*)"', block))
        fields = {k: v.replace("&amp;", "&").replace("&quot;", '"') for k, v in fields.items()}
        fields["label"] = re.findall(r'name="label" value="([^"]+)"[^>]*checked', block)
        result.append(fields)
    return result


def first_form(page):
    return forms(page)[0]


def test_an_input_error_shows_on_the_pages_and_the_last_good_report_stays(serving):
    path = serving.inputs / COUNTY / "institutions" / "wfg-werra-meissner.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("type: wirtschaftsfoerderung", "type: wirtschaftsfoerdrung", 1), encoding="utf-8")
    wait_until_rebuilt(serving, lambda: json.loads(serving.get("/_state"))["errors"] > 0)
    report = serving.get(f"/reports/{COUNTY}/report.html")
    assert 'class="serve-errors"' in report and "wfg-werra-meissner.md:" in report and "Tipp" in report
    assert "Angebotsmatrix" in report  # the last good report is still there
    assert "wfg-werra-meissner.md:" in serving.get(f"/review/{COUNTY}")
    path.write_text(good, encoding="utf-8")
    wait_until_rebuilt(serving, lambda: json.loads(serving.get("/_state"))["errors"] == 0)
    assert 'class="serve-errors"' not in serving.get(f"/reports/{COUNTY}/report.html")
