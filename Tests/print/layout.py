"""Layout checks in headless Chromium, shared by the print tests and the website tests.

A page is laid out as the printer or the screen would lay it out (print media at the width of the
page box, or a screen width), and the browser is asked where things ended up: an element wider than
the page box, text that leaves its table cell or heading (a header running into the next column, a
rotated header crossing the heading above it, a title cut off at the screen edge), and words broken
in the middle ("Formalitäte|n") instead of at a space or a soft hyphen.
"""
import os

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium must not look for drivers or browsers online
MM = 96 / 25.4  # CSS pixels per millimetre

# Returns a list of problems, each a sentence. arguments: width and height of the box everything must
# fit in (CSS px; height 0: any), and whether tables inside a sideways-scrolling `.scroll` may be wider.
PROBLEMS_JS = r"""
const [width, height, scrollAllowed] = arguments;
const problems = [];
const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '');
const text = n => n.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || (scrollAllowed && e.closest('.scroll'))) continue;
  if (r.right > width + 1) problems.push(`${name(e)} '${text(e)}' runs past the page box (${Math.round(r.left)}..${Math.round(r.right)} of ${width} px)`);
  // A workshop sheet is one page: nothing in it may end lower than a page's height below its top.
  const sheet = e.closest('.sheet');
  const low = sheet ? r.bottom - sheet.getBoundingClientRect().top : 0;
  if (height && low > height + 1) problems.push(`${name(e)} '${text(e)}' runs past the page's foot (${Math.round(low)} of ${height} px)`);
}
for (const box of document.querySelectorAll('th, td, h1, caption')) {
  const b = box.getBoundingClientRect();
  if (b.width === 0) continue;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    if (!n.textContent.trim() || n.parentElement.closest('th, td, h1, caption') !== box) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const out = [...range.getClientRects()].find(r => r.width > 0 &&
      (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1));
    if (out) problems.push(`'${text(n)}' runs out of its ${name(box)}`);
  }
}
return problems;
"""

# Words of the matrix headers and flags broken across lines other than at a space, a hyphen or a soft
# hyphen: "Formalitäte|n".
BROKEN_WORDS_JS = r"""
const broken = [];
for (const box of document.querySelectorAll(arguments[0])) {
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    const s = n.textContent;
    let top = null;
    for (let i = 0; i < s.length; i++) {
      if (/\s/.test(s[i])) continue;
      const range = document.createRange();
      range.setStart(n, i); range.setEnd(n, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      const line = getComputedStyle(box).writingMode.startsWith('horizontal') ? r.top : r.left;
      if (top !== null && Math.abs(line - top) > 2) {
        // The character right after a soft hyphen reports the hyphen's line: look two back.
        if (!/[\s\-\u00ad\u2013\/&]/.test(s.slice(Math.max(0, i - 2), i))) broken.push(s.slice(Math.max(0, i - 12), i) + '|' + s.slice(i, i + 6));
      }
      top = line;
    }
  }
}
return broken;
"""


def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=de-DE",
                     "--allow-file-access-from-files", "--force-device-scale-factor=1", "--hide-scrollbars"]:
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))


def print_problems(browser, url, page_mm, margin_mm):
    """Lays the page out as printed on paper of page_mm (width, height) with margin_mm margins."""
    width = round((page_mm[0] - 2 * margin_mm) * MM)
    height = round((page_mm[1] - 2 * margin_mm) * MM)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    try:
        browser.get(url)
        return browser.execute_script(PROBLEMS_JS, width, height, False)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def screen_problems(browser, url, width):
    """Lays the page out on a screen `width` px wide; tables in `.scroll` may scroll sideways."""
    browser.set_window_size(width, 900)
    browser.get(url)
    inner = browser.execute_script("return document.documentElement.clientWidth")
    return browser.execute_script(PROBLEMS_JS, inner, 0, True)


def broken_words(browser, selector="table.matrix thead th, table.matrix .flag"):
    """Words broken inside (not at a space or soft hyphen) in the elements of the current page."""
    return browser.execute_script(BROKEN_WORDS_JS, selector)
