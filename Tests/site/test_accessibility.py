"""axe-core (WCAG 2.1 A and AA) on every page of every site, loaded from file:// in Chromium."""
import importlib.util
import pathlib

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source():
    # axe-playwright-python is installed with --no-deps only for the axe.min.js it ships.
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec and spec.submodule_search_locations, "pip install --no-deps axe-playwright-python"
    return (pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text(encoding="utf-8")


def run_axe(driver, source):
    driver.execute_script(source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done({version: axe.version, violations: r.violations, passes: r.passes.length}))"
        ".catch(e => done({error: String(e)}));", AXE_TAGS)


def describe(page, violations):
    lines = []
    for v in violations:
        lines.append(f"{page}: [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            summary = " ".join(line.strip() for line in node["failureSummary"].splitlines()[1:])
            lines.append(f"    {' '.join(node['target'])}: {summary}")
            lines.append(f"      {node['html'][:160]}")
    return lines


def test_axe_reports_no_wcag21_violations(sites, driver):
    source = axe_source()
    driver.set_script_timeout(60)
    problems, checked = [], 0
    for site in sites:
        for page in site.html_files():
            driver.get(page.as_uri())
            result = run_axe(driver, source)
            assert "error" not in result, result
            assert result["version"].startswith("4."), result["version"]
            problems += describe(f"{site.name}/{page.relative_to(site.root)}", result["violations"])
            checked += 1
    print(f"axe {result['version']}: {checked} pages checked, {len(problems)} lines of violations")
    assert not problems, "axe violations:\n" + "\n".join(problems)


def test_every_page_type_is_covered(sites):
    types = {t for site in sites for t, _ in site.page_types()}
    assert types == {"index", "finder", "compare", "county", "offers", "embed", "institution"}
