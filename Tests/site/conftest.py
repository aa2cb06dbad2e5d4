"""Shared set-up for the website's browser tests.

Builds the websites once per run with the offermap binary (OFFERMAP_BIN, default
.build/debug/offermap) into a temporary folder:

- "fixture": the golden test county (private and public contacts, an unclassified offer, a broken
  reference) plus Tests/site/fixtures/beispielkreis (offers for the three-click path);
- "samples": the sample counties in inputs/, when there are any.

Screenshots, PDFs and their page images go to SITE_TEST_ARTIFACTS (default output/site-test/).
"""
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium must not look for drivers or browsers online
ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
GOLDEN = ROOT / "Tests/OfferMapCoreTests/Fixtures/golden/inputs"
DATE = "2026-11-25"
ARTIFACTS = pathlib.Path(os.environ.get("SITE_TEST_ARTIFACTS", ROOT / "output/site-test"))
# Names and e-mails of contacts without `public: true` in the inputs the sites are built from.
PRIVATE = ["Paul Privat", "p.privat@wfg.example", "Karl Vertraulich", "k.vertraulich@mbe.example", "5651 000000"]


def binary():
    path = pathlib.Path(os.environ.get("OFFERMAP_BIN", ROOT / ".build/debug/offermap"))
    if not path.exists():
        pytest.exit(f"offermap binary not found at {path}; build it first (or set OFFERMAP_BIN)", returncode=2)
    return path


def sample_counties():
    inputs = ROOT / "inputs"
    return sorted(p.name for p in inputs.iterdir() if (p / "county.yaml").exists()) if inputs.is_dir() else []


def publish(inputs, out):
    result = subprocess.run([str(binary()), "publish", "--inputs", str(inputs), "--out", str(out), "--date", DATE,
                             "--base-url", "https://kreis.example/"], capture_output=True, text=True)
    assert result.returncode == 0, f"offermap publish failed:\n{result.stdout}\n{result.stderr}"
    return out / "site"


class Site:
    def __init__(self, name, root, counties):
        self.name, self.root, self.counties = name, root, counties

    def html_files(self):
        return sorted(self.root.rglob("*.html"))

    def url(self, relative):
        return (self.root / relative).as_uri()

    def page_types(self):
        """One page of each type: (type, path relative to the site root)."""
        pages = [("index", "index.html"), ("finder", "finder.html"), ("compare", "compare.html")]
        for county in self.counties:
            institutions = sorted((self.root / county / "institutions").glob("*.html"))
            pages += [("county", f"{county}/index.html"), ("offers", f"{county}/offers.html"),
                      ("embed", f"{county}/embed.html")]
            pages += [("institution", str(p.relative_to(self.root))) for p in institutions]
        return pages

    def __repr__(self):
        return f"Site({self.name})"


@pytest.fixture(scope="session")
def workdir():
    path = pathlib.Path(tempfile.mkdtemp(prefix="offermap-site-test-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def fixture_site(workdir):
    inputs = workdir / "fixture-inputs"
    shutil.copytree(GOLDEN, inputs)
    shutil.copytree(HERE / "fixtures/beispielkreis", inputs / "beispielkreis")
    return Site("fixture", publish(inputs, workdir / "fixture-out"), ["beispielkreis", "musterkreis"])


@pytest.fixture(scope="session")
def sample_site(workdir):
    counties = sample_counties()
    if not counties:
        return None
    return Site("samples", publish(ROOT / "inputs", workdir / "samples-out"), counties)


@pytest.fixture(scope="session")
def sites(fixture_site, sample_site):
    return [s for s in (fixture_site, sample_site) if s]


def chrome_options(javascript=True, width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=de-DE", "--allow-file-access-from-files",
                     "--force-device-scale-factor=1", "--hide-scrollbars"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return options


def make_driver(**kwargs):
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=chrome_options(**kwargs), service=service)


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()


@pytest.fixture(scope="session")
def nojs_driver():
    d = make_driver(javascript=False)
    yield d
    d.quit()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def pytest_terminal_summary(terminalreporter):
    if ARTIFACTS.exists():
        terminalreporter.write_line(f"screenshots, PDFs and page images: {ARTIFACTS}")
