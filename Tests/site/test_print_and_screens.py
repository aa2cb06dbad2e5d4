"""Print to PDF (A4, from the page's own print CSS) and screenshots at 375 px and 1280 px for a
human look; the automatic part checks page size, page count, text and horizontal overflow."""
import base64
import pathlib
import re
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "print"))
import layout  # noqa: E402  (Tests/print/layout.py: where Chromium put the text)

WIDTHS = [375, 1280]


def pdfinfo(path):
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", output, re.M).group(1))
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", output, re.M).groups())
    return pages, width, height


def test_county_page_prints_on_a4(fixture_site, driver, artifacts):
    for county in fixture_site.counties:
        driver.set_window_size(1280, 900)
        driver.get(fixture_site.url(f"{county}/index.html"))
        # preferCSSPageSize: the page size comes from the site's @page rule, not from the caller.
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
        path = artifacts / f"print-{county}.pdf"
        path.write_bytes(base64.b64decode(pdf["data"]))
        pages, width, height = pdfinfo(path)
        print(f"{path.name}: {pages} pages, {width:.0f} x {height:.0f} pt")
        assert (round(width), round(height)) == (595, 842), f"not A4: {width} x {height} pt"
        assert 1 <= pages <= 6, f"{pages} pages for one county"
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
        name = driver.find_element("css selector", "h1").text
        assert name in text and "Vorgründung" in text, "county name or matrix missing in the PDF"
        # The matrix fits the page width: its last column header is printed.
        last = driver.execute_script("const h = document.querySelectorAll('table.matrix thead th');"
                                     "return h[h.length - 1].textContent")
        assert last.split()[0] in text, f"the matrix's last column '{last}' is cut off in print"
        subprocess.run(["pdftoppm", "-r", "100", "-png", str(path), str(artifacts / f"print-{county}")], check=True)


def test_screenshots_and_no_horizontal_overflow(sites, driver, artifacts):
    overflow, shots = [], 0
    for site in sites:
        seen = set()
        for kind, relative in site.page_types():
            if kind in seen:
                continue
            seen.add(kind)
            for width in WIDTHS:
                driver.set_window_size(width, 900)
                driver.get(site.url(relative))
                wide = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if wide > 0:
                    culprits = driver.execute_script(
                        "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                        ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll'))"
                        ".slice(0, 5).map(e => e.tagName + '.' + e.className)")
                    overflow.append(f"{site.name}/{relative} at {width}px is {wide}px too wide: {culprits}")
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, min(height, 6000))
                driver.save_screenshot(str(artifacts / f"{site.name}-{kind}-{width}.png"))
                shots += 1
    print(f"{shots} screenshots in {artifacts}")
    assert not overflow, "\n".join(overflow)


def test_matrix_words_break_only_between_syllables(sites, driver):
    """The matrix on county pages and the embeddable matrix, at both widths: headers and flags break
    at a space or a soft hyphen ("Veranstal-tungen"), never inside a word ("Formalitäte|n"), and no
    text runs out of its cell; a matrix wider than the screen says that it scrolls sideways."""
    problems = []
    for site in sites:
        for county in site.counties:
            for page in ("index.html", "embed.html"):
                for width in WIDTHS:
                    where = f"{site.name}/{county}/{page} at {width}px"
                    found = layout.screen_problems(driver, site.url(f"{county}/{page}"), width)
                    problems += [f"{where}: {p}" for p in found]
                    problems += [f"{where}: word broken as '{w}'" for w in layout.broken_words(driver)]
                    scrolls, hint = driver.execute_script(
                        "const s = document.querySelector('table.matrix').closest('.scroll');"
                        "const hint = s.querySelector('.scroll-hint');"
                        "return [s.scrollWidth > s.clientWidth, !!hint && hint.getClientRects().length > 0]")
                    if scrolls and not hint:
                        problems.append(f"{where}: the matrix scrolls sideways without saying so")
    assert not problems, "\n".join(problems)
