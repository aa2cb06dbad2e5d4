"""Print tests: the workshop kit and the county report printed to PDF by headless Chromium.

Run by `make print-test` (part of `make test`). Needs chromium and poppler-utils (pdfinfo,
pdftoppm), which the Makefile installs. Page images land in output/print-check/ for a look.
"""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("OFFERMAP_BIN", os.path.join(ROOT, ".build", "debug", "offermap"))
FIXTURE = os.path.join(ROOT, "Tests", "OfferMapCoreTests", "Fixtures", "golden", "inputs")
PREVIEW = os.path.join(ROOT, "output", "print-check")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pdf(html, target):
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={target}", "file://" + html], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    info = subprocess.run(["pdfinfo", target], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    os.makedirs(PREVIEW, exist_ok=True)
    name = os.path.splitext(os.path.basename(target))[0]
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "2", target, os.path.join(PREVIEW, name)], check=True)
    return pages, round(width), round(height)


class PrintTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="offermap-print-")
        for command in (["kit"], ["build", "--format", "html"]):
            subprocess.run([BINARY] + command + ["--inputs", FIXTURE, "--out", cls.work, "--date", "2026-11-25"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cls.kit = os.path.join(cls.work, "musterkreis", "kit")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_sheets_are_two_a4_pages_per_institution(self):
        institutions = len(os.listdir(os.path.join(FIXTURE, "musterkreis", "institutions")))
        pages, width, height = pdf(os.path.join(self.kit, "all-sheets.html"), os.path.join(self.work, "sheets.pdf"))
        self.assertEqual((width, height), (595, 842), "A4 portrait in points")
        self.assertEqual(pages, 2 * institutions, "a profile and an assignment sheet each, nothing cut onto extra pages")

    def test_one_institution_prints_on_two_pages(self):
        pages, _, _ = pdf(os.path.join(self.kit, "wfg.html"), os.path.join(self.work, "wfg.pdf"))
        self.assertEqual(pages, 2)

    def test_poster_is_one_a3_landscape_page(self):
        pages, width, height = pdf(os.path.join(self.kit, "poster.html"), os.path.join(self.work, "poster.pdf"))
        self.assertEqual((pages, width, height), (1, 1191, 842))

    def test_county_report_prints_on_a4(self):
        pages, width, height = pdf(os.path.join(self.work, "musterkreis", "report.html"), os.path.join(self.work, "report.pdf"))
        self.assertEqual((width, height), (595, 842))
        self.assertGreaterEqual(pages, 2)
        self.assertLessEqual(pages, 8)


if __name__ == "__main__":
    unittest.main()
