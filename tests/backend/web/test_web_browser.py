"""The web channel in a real Chromium: a service with an add-on on a 390 x 844 phone, another
at 1280 x 900, a validation error fixed through the error summary, Back and Change, and an
axe-core scan (vendored axe.min.js 4.14.1, MPL-2.0) of every page expecting no violations."""

from __future__ import annotations

from pathlib import Path

import pytest

import forms
from backend.web import browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MISSING = browser.browser_missing()
if MISSING:
    pytestmark.append(pytest.mark.skip(reason=MISSING))

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory):
    with browser.live_server(tmp_path_factory.mktemp("web")) as url:
        yield url


def axe_violations(driver) -> list[str]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations))"
        ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));"
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in result]


def scan(seen: dict[str, list[str]]):
    def on_page(driver) -> None:
        seen[browser.page_id(driver)] = axe_violations(driver)

    return on_page


def test_phone_individual_business_with_food_permit(base):
    from selenium.webdriver.common.by import By

    app = forms.samples.valid_application("individual_business", addons=("food_business",))
    seen: dict[str, list[str]] = {}
    with browser.chromium(browser.PHONE) as driver:
        driver.get(f"{base}/apply/")
        seen["services"] = axe_violations(driver)
        browser.start(driver, base, app.service)
        # Meet a validation error: Continue with nothing typed; follow the summary's link.
        browser.press_continue(driver)
        summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
        seen["operator-errors"] = axe_violations(driver)
        link = summary.find_element(By.CSS_SELECTOR, "a[href='#f-operator_id']")
        link.click()
        assert driver.switch_to.active_element.get_attribute("id") == "f-operator_id"
        browser.walk_to_check(driver, app, scan(seen))
        assert "addon-food_business" in seen
        # Change an answer from the check page, come back to check.
        browser.click_and_wait(
            driver, driver.find_element(By.CSS_SELECTOR, "a[href*='/business?return=check']")
        )
        employees = driver.find_element(By.ID, "f-employees")
        employees.clear()
        employees.send_keys("3")
        browser.press_continue(driver)
        assert browser.page_id(driver) == "check"
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 390
        browser.press_continue(driver)
        assert browser.page_id(driver) == "done"
        seen["done"] = axe_violations(driver)
        text = driver.find_element(By.TAG_NAME, "main").text
        assert "终端" in text and app.id not in text  # the draft's own number, not the sample's
        qr = driver.find_element(By.CSS_SELECTOR, "img.qr")
        assert driver.execute_script("return arguments[0].naturalWidth", qr) > 0
    # services, errors, operator, business, addons, food permit, declarations, check, done
    assert len(seen) == 9, sorted(seen)
    assert {page: v for page, v in seen.items() if v} == {}


def test_desktop_sole_proprietorship_in_english_with_back(base):
    from selenium.webdriver.common.by import By

    app = forms.samples.valid_application("sole_proprietorship")
    seen: dict[str, list[str]] = {}
    with browser.chromium(browser.DESKTOP) as driver:
        browser.start(driver, base, app.service, "en")
        first = browser.page_id(driver)
        browser.fill(driver, browser.answers_for_page(app, first))
        browser.press_continue(driver)
        browser.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "a.back"))
        assert browser.page_id(driver) == first
        name_field = driver.find_element(By.ID, "f-investor_name")
        assert name_field.get_attribute("value") == app.answers["investor_name"]
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        browser.walk_to_check(driver, app, scan(seen))
        browser.press_continue(driver)
        assert "terminal" in driver.find_element(By.TAG_NAME, "main").text
        seen["done"] = axe_violations(driver)
    # investor, enterprise, declarations, check, done
    assert len(seen) == 5, sorted(seen)
    assert {page: v for page, v in seen.items() if v} == {}


def test_the_axe_scan_can_fail(base):
    """The scan above is only worth something if it sees a fault: take a label away."""
    with browser.chromium(browser.PHONE) as driver:
        browser.start(driver, base, "individual_business")
        driver.execute_script("document.querySelector('label[for=f-operator_name]').remove()")
        assert any(v.startswith("label") for v in axe_violations(driver))


def test_scope_search_as_you_type(base):
    """The optional script: typing shows catalogue items to tick, without pressing Search."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    app = forms.samples.valid_application("individual_business")
    expected = forms.catalogue_search("餐饮", 20)[0]
    with browser.chromium(browser.PHONE) as driver:
        browser.start(driver, base, app.service)
        browser.fill(driver, browser.answers_for_page(app, "operator"))
        browser.press_continue(driver)
        assert browser.page_id(driver) == "business"
        driver.find_element(By.ID, "f-scope-search").send_keys("餐饮")
        live = WebDriverWait(driver, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#f-scope-search-live input")
        )
        assert expected.id in [el.get_attribute("value") for el in live]
        assert axe_violations(driver) == []
