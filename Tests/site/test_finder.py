"""The finder page: keyboard use, the page without JavaScript, and the three-click path
"financing advice in Arabic in the planning phase"."""
import json

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

FILTERS = ["phases", "categories", "languages", "groups", "cost", "format", "county"]


def active(driver):
    return driver.switch_to.active_element


def describe(element):
    return (element.tag_name, element.get_attribute("type"), element.get_attribute("name"),
            element.get_attribute("value"), element.text, element.get_attribute("class"))


def count_text(driver):
    return driver.find_element(By.ID, "count").text


def visible_offers(driver):
    return [o for o in driver.find_elements(By.CSS_SELECTOR, "#results .offer") if o.is_displayed()]


def classified_offers(site):
    total = 0
    for county in site.counties:
        data = json.loads((site.root / f"data/{county}.json").read_text(encoding="utf-8"))
        total += sum(len(i["offers"]) for i in data["institutions"]) - len(data["unclassified"])
    return total


def assert_focus_visible(driver, element):
    assert driver.execute_script("return arguments[0].matches(':focus-visible')", element), describe(element)
    style = driver.execute_script("const s = getComputedStyle(arguments[0]);"
                                  "return [s.outlineStyle, parseFloat(s.outlineWidth)]", element)
    assert style[0] != "none" and style[1] >= 2, f"no visible focus outline on {describe(element)}: {style}"


def test_keyboard_reaches_every_filter_and_the_reset_button(fixture_site, driver):
    driver.get(fixture_site.url("finder.html"))
    assert driver.find_element(By.ID, "finder").is_displayed()
    reached = []
    for _ in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        element = active(driver)
        reached.append(describe(element))
        if element.get_attribute("type") in ("radio", "reset"):
            assert_focus_visible(driver, element)
        if element.get_attribute("type") == "reset":
            break
    groups = [name for tag, kind, name, value, text, css in reached if kind == "radio"]
    assert groups == FILTERS, f"Tab order through the filters: {reached}"
    assert reached[-1][1] == "reset", f"Tab did not reach the reset button: {reached}"
    assert reached[0][-1] == "skip", f"the first Tab should reach the skip link: {reached[0]}"


def test_arrow_keys_select_and_the_live_count_follows(fixture_site, driver):
    driver.get(fixture_site.url("finder.html"))
    count = driver.find_element(By.ID, "count")
    assert count.get_attribute("aria-live") == "polite"
    total = count_text(driver)
    first = driver.find_element(By.CSS_SELECTOR, "input[name=phases]")
    driver.execute_script("arguments[0].focus()", first)
    for _ in range(2):  # "any" → orientierung → vorgruendung
        active(driver).send_keys(Keys.ARROW_DOWN)
    selected = active(driver)
    assert selected.get_attribute("name") == "phases" and selected.is_selected()
    assert selected.get_attribute("value") == "vorgruendung"
    assert_focus_visible(driver, selected)
    narrowed = count_text(driver)
    assert narrowed != total, "the result count did not change"
    assert int(narrowed.split()[0]) == len(visible_offers(driver))
    for offer in visible_offers(driver):
        assert "vorgruendung" in offer.get_attribute("data-phases").split()
    # Tab on to the reset button and press Space: every filter back to "any", the full count back.
    reset = driver.find_element(By.CSS_SELECTOR, "#finder button[type=reset]")
    while active(driver) != reset:
        active(driver).send_keys(Keys.TAB)
    active(driver).send_keys(Keys.SPACE)
    WebDriverWait(driver, 5).until(lambda d: count_text(d) == total)  # the form's reset updates after the event
    assert all(r.get_attribute("value") == "" for r in driver.find_elements(By.CSS_SELECTOR, "#finder input:checked"))


def test_without_javascript_every_offer_is_listed_and_the_form_hidden(fixture_site, nojs_driver):
    nojs_driver.get(fixture_site.url("finder.html"))
    assert not nojs_driver.find_element(By.ID, "finder").is_displayed()
    offers = visible_offers(nojs_driver)
    assert len(offers) == classified_offers(fixture_site) == len(nojs_driver.find_elements(By.CSS_SELECTOR, ".offer"))
    assert count_text(nojs_driver).startswith(f"{len(offers)} ")


def three_clicks(driver, site):
    """Phase "Vorgründung & Planung", category "Finanzierung & Förderung", language "Arabisch":
    one click each on the radio's label, as a person would."""
    driver.get(site.url("finder.html"))
    clicks = 0
    for name, value, label in [("phases", "vorgruendung", "Vorgründung & Planung"),
                               ("categories", "finanzierung", "Finanzierung & Förderung"),
                               ("languages", "ar", "Arabisch")]:
        radio = driver.find_element(By.CSS_SELECTOR, f"input[name={name}][value={value}]")
        text = radio.find_element(By.XPATH, "..")
        assert text.tag_name == "label" and text.text.strip() == label
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", text)
        text.click()
        clicks += 1
        assert radio.is_selected()
    assert clicks == 3
    shown = visible_offers(driver)
    for offer in shown:
        assert "vorgruendung" in offer.get_attribute("data-phases").split()
        assert "finanzierung" in offer.get_attribute("data-categories").split()
        assert "ar" in offer.get_attribute("data-languages").split()
    assert count_text(driver).startswith(f"{len(shown)} ")
    return shown


def test_three_clicks_find_financing_advice_in_arabic_in_the_planning_phase(fixture_site, driver):
    shown = three_clicks(driver, fixture_site)
    titles = [o.find_element(By.CLASS_NAME, "offer-title").text for o in shown]
    assert titles == ["Finanzierungsberatung auf Arabisch"]
    link = shown[0].find_element(By.CSS_SELECTOR, "a")
    assert link.get_attribute("href").endswith("beispielkreis/institutions/mbe.html")


def test_three_clicks_in_the_werra_meissner_sample(sample_site, driver):
    if not sample_site or "werra-meissner" not in sample_site.counties:
        pytest.skip("no Werra-Meißner sample in inputs/ yet")
    shown = three_clicks(driver, sample_site)
    assert any(o.get_attribute("data-county") == "werra-meissner" for o in shown), \
        "no offer of the Werra-Meißner sample for financing in Arabic in the planning phase"
