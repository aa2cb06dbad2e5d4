"""Every link and every loaded resource stays inside the site: relative, existing, and with an
existing anchor for #fragments. Only plain <a href> to institutions' own web sites (http, https,
mailto) leave the site; they are not followed."""
import html.parser
import json
import re
import urllib.parse

EXTERNAL = ("http://", "https://", "mailto:")


class Refs(html.parser.HTMLParser):
    """Collects ids and every attribute that points somewhere."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.refs, self.inline = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for key in ("href", "src", "action", "poster", "data", "srcset", "formaction"):
            if key in attrs and attrs[key] is not None:
                self.refs.append((tag, key, attrs[key].strip()))
        if "style" in attrs:
            self.inline.append(attrs["style"])


def parse(path):
    parser = Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_link_resolves_inside_the_site(sites):
    problems, checked, external = [], 0, set()
    for site in sites:
        pages = {p.resolve(): parse(p) for p in site.html_files()}
        for page, refs in pages.items():
            where = page.relative_to(site.root.resolve())
            for tag, attribute, value in refs.refs:
                checked += 1
                if value.lower().startswith(EXTERNAL):
                    if tag == "a" and attribute == "href":
                        external.add(value)  # an institution's own web site or e-mail: not followed
                    else:
                        problems.append(f"{where}: <{tag} {attribute}> loads from the network: {value}")
                    continue
                parts = urllib.parse.urlsplit(value)
                if parts.scheme or parts.netloc or value.startswith("/"):
                    problems.append(f"{where}: <{tag} {attribute}> is not a relative link: {value}")
                    continue
                target = (page.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else page
                if site.root.resolve() not in target.parents:
                    problems.append(f"{where}: {value} leaves the site")
                elif not target.is_file():
                    problems.append(f"{where}: {value} does not exist")
                elif parts.fragment:
                    ids = pages[target].ids if target in pages else set()
                    if urllib.parse.unquote(parts.fragment) not in ids:
                        problems.append(f"{where}: {value}: no id '{parts.fragment}' in {target.name}")
    print(f"links: {checked} checked, {len(external)} external links not followed")
    assert checked > 100
    assert not problems, "\n".join(problems)


def test_no_page_loads_anything_from_the_network_by_text(sites):
    """No url(), @import or script/style source points outside the site in any HTML, CSS or JS file."""
    pattern = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//|@import|(?:src|srcset|action)\s*=\s*['\"]?\s*(?:https?:)?//"
                         r"|<link[^>]+href\s*=\s*['\"]?(?:https?:)?//|fetch\(|XMLHttpRequest|import\(", re.I)
    problems = []
    for site in sites:
        for path in site.root.rglob("*"):
            if path.suffix in (".html", ".css", ".js"):
                for match in pattern.finditer(path.read_text(encoding="utf-8")):
                    problems.append(f"{site.name}/{path.relative_to(site.root)}: {match.group(0)}")
    assert not problems, "\n".join(problems)


def test_no_page_requests_anything_from_the_network_in_the_browser(sites, driver):
    """Chromium's own log of every request a page makes: only file:// and data: URLs."""
    problems, seen = [], 0
    for site in sites:
        for kind, relative in site.page_types():
            driver.get_log("performance")  # drop what earlier pages left
            driver.get(site.url(relative))
            for entry in driver.get_log("performance"):
                message = json.loads(entry["message"])["message"]
                if message["method"] != "Network.requestWillBeSent":
                    continue
                url = message["params"]["request"]["url"]
                seen += url.endswith("assets/site.css")
                if not url.startswith(("file://", "data:")):
                    problems.append(f"{site.name}/{relative} requested {url}")
    assert seen >= len(site.page_types()), "the performance log did not show the stylesheet requests"
    assert not problems, "\n".join(problems)
