"""Print tests: the workshop kit and the county report printed to PDF by headless Chromium, for the
golden fixture county and for every sample county in inputs/ (real names are longer than the
fixture's), and the report read on a screen 1280 and 375 px wide.

Run by `make site-test` (part of `make test`). Needs chromium, chromedriver, selenium and
poppler-utils (pdfinfo, pdftotext, pdftoppm), which `make site-deps` installs. Page images land in
output/print-check/ for a look.

Two kinds of check: the PDF (paper size, page count, no empty page, every word inside the page
box) and the layout Chromium gives the page for that paper (layout.py: nothing wider or, for a
workshop sheet, taller than the page box, no text running out of its table cell or heading).
"""
import html
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import layout

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("OFFERMAP_BIN", os.path.join(ROOT, ".build", "debug", "offermap"))
FIXTURE = os.path.join(ROOT, "Tests", "OfferMapCoreTests", "Fixtures", "golden", "inputs")
SAMPLES = os.path.join(ROOT, "inputs")
PREVIEW = os.path.join(ROOT, "output", "print-check")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
A4, A3_LANDSCAPE = (210, 297), (420, 297)


def margin(page):
    """The page margin (mm) as the page's @page rule sets it: 14 on the A4 sheets, 12 on poster and report."""
    return 12 if os.path.basename(page) in ("poster.html", "report.html") else 14


def counties(inputs):
    return sorted(name for name in os.listdir(inputs) if os.path.exists(os.path.join(inputs, name, "county.yaml")))


def pdf(html_path, target):
    """Prints a page to PDF; returns pages, width and height in points, and the words per page with their boxes."""
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={target}", "file://" + html_path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    info = subprocess.run(["pdfinfo", target], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    os.makedirs(PREVIEW, exist_ok=True)
    name = os.path.splitext(os.path.basename(target))[0]
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "2", target, os.path.join(PREVIEW, name)], check=True)
    return pages, round(width), round(height), words(target)


def words(target):
    """[[(word, x0, y0, x1, y1) for each word] for each page] from pdftotext -bbox."""
    pages = []
    for line in subprocess.run(["pdftotext", "-bbox", target, "-"], check=True, capture_output=True, text=True).stdout.splitlines():
        if "<page " in line:
            pages.append([])
        found = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if found:
            pages[-1].append((html.unescape(found.group(5)),) + tuple(float(v) for v in found.groups()[:4]))
    return pages


class PrintTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="offermap-print-")
        cls.counties = {}  # county id → (its output folder, its institutions folder)
        for label, inputs in (("fixture", FIXTURE), ("samples", SAMPLES)):
            if not os.path.isdir(inputs) or not counties(inputs):
                continue
            out = os.path.join(cls.work, label)
            for command in (["kit"], ["build", "--format", "html"]):
                subprocess.run([BINARY] + command + ["--inputs", inputs, "--out", out, "--date", "2026-11-25"],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for county in counties(inputs):
                cls.counties[county] = (os.path.join(out, county), os.path.join(inputs, county, "institutions"))
        cls.browser = layout.driver()

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        shutil.rmtree(cls.work, ignore_errors=True)

    def printed(self, county, relative):
        """Prints one of a county's pages; checks that no page is empty and every word lies inside the page box."""
        folder = self.counties[county][0]
        name = os.path.basename(relative)
        result = pdf(os.path.join(folder, relative), os.path.join(self.work, f"{county}-{name[:-5]}.pdf"))
        pages, width, height, page_words = result
        edge = margin(name) * 72 / 25.4 - 1
        for number, found in enumerate(page_words, 1):
            self.assertTrue(found, f"{county} {name}: page {number} is empty")
            outside = [w for w in found if w[1] < edge or w[2] < edge or w[3] > width - edge or w[4] > height - edge]
            self.assertEqual(outside, [], f"{county} {name}: words past the page box on page {number}")
        return pages, width, height

    def laid_out(self, county, relative, paper):
        """Nothing in the page runs past the page box or out of its cell when laid out for the paper."""
        url = "file://" + os.path.join(self.counties[county][0], relative)
        problems = layout.print_problems(self.browser, url, paper, margin(relative))
        self.assertEqual(problems, [], f"{county} {relative} printed")

    def test_sheets_are_two_a4_pages_per_institution(self):
        for county, (_, institutions) in self.counties.items():
            with self.subTest(county):
                pages, width, height = self.printed(county, "kit/all-sheets.html")
                self.assertEqual((width, height), (595, 842), "A4 portrait in points")
                self.assertEqual(pages, 2 * len(os.listdir(institutions)),
                                 "a profile and an assignment sheet each, nothing cut onto extra pages")
                self.laid_out(county, "kit/all-sheets.html", A4)

    def test_one_institution_prints_on_two_pages(self):
        pages, _, _ = self.printed("musterkreis", "kit/wfg.html")
        self.assertEqual(pages, 2)

    def test_poster_is_one_a3_landscape_page(self):
        for county in self.counties:
            with self.subTest(county):
                self.assertEqual(self.printed(county, "kit/poster.html"), (1, 1191, 842))
                self.laid_out(county, "kit/poster.html", A3_LANDSCAPE)

    def test_county_report_prints_on_a4(self):
        for county in self.counties:
            with self.subTest(county):
                pages, width, height = self.printed(county, "report.html")
                self.assertEqual((width, height), (595, 842))
                self.assertGreaterEqual(pages, 2)
                institutions = len(os.listdir(self.counties[county][1]))
                self.assertLessEqual(pages, institutions + 3, "the overview and about a page per institution")
                self.laid_out(county, "report.html", A4)

    def test_report_reads_at_1280_and_375_px(self):
        for county, (folder, _) in self.counties.items():
            url = "file://" + os.path.join(folder, "report.html")
            for width in (1280, 375):
                with self.subTest(county=county, width=width):
                    self.assertEqual(layout.screen_problems(self.browser, url, width), [])
                    self.assertEqual(layout.broken_words(self.browser), [], "matrix words broken inside")
                    matrix = self.browser.execute_script(
                        "const s = document.querySelector('table.matrix').closest('.scroll');"
                        "const hint = s.querySelector('.scroll-hint');"
                        "return [s.scrollWidth > s.clientWidth, !!hint && hint.getClientRects().length > 0]")
                    self.assertEqual(matrix[0], matrix[1], "the matrix says it scrolls sideways exactly when it does")
                    if width == 1280:
                        self.assertFalse(matrix[0], "at 1280 px the whole matrix is in view")
                    # The network picture is readable: not shrunk below 3/4 of its size, or its text form stands in.
                    picture = self.browser.execute_script(
                        "const svg = document.querySelector('svg.diagram'); if (!svg) return null;"
                        "const note = document.querySelector('.diagram-narrow');"
                        "return [svg.getClientRects().length ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0,"
                        " !!note && note.getClientRects().length > 0]")
                    if picture:
                        scale, note = picture
                        self.assertTrue(scale >= 0.75 or (scale == 0 and note), f"network picture at {scale:.2f} of its size")


if __name__ == "__main__":
    unittest.main()
