"""Real-browser check: every report page renders its charts in headless Chromium, offline.

Chromium comes from Debian's ``chromium`` and ``chromium-driver`` packages (``.ci/run`` installs
them); no browser is ever downloaded. Without them the test skips locally and fails in CI.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from warta import report

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM and CHROMEDRIVER):
        message = "Chromium not found: install Debian's chromium and chromium-driver (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        # Any request that leaves file:// goes to a dead proxy: the page must not need the network.
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}", "--window-size=1400,1000",
    ]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    return report.run_report(out=tmp_path_factory.mktemp("reports"), progress=False)


def test_index_links_every_page(seed_run, browser):
    browser.get(seed_run.path.joinpath("index.html").as_uri())
    links = {element.get_attribute("href").rsplit("/", 1)[-1] for element in browser.find_elements("css selector", "a")}
    assert {f"{result.name}.html" for result in seed_run.notebooks} <= links
    assert len(seed_run.notebooks) == 4 and seed_run.ok, seed_run.summary()


@pytest.mark.parametrize("name", ["00_corpus", "01_sentiment", "02_actor_cooccurrence", "03_source_timeline"])
def test_page_renders_charts_offline(seed_run, browser, name, tmp_path_factory):
    page = seed_run.path / f"{name}.html"
    browser.get(page.as_uri())
    browser.implicitly_wait(0)
    rendered = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const started = Date.now();
        (function poll() {
            const plots = document.querySelectorAll('.js-plotly-plot');
            const drawn = [...plots].filter(p => p.querySelector('svg.main-svg'));
            if ((plots.length && drawn.length === plots.length) || Date.now() - started > 30000) {
                done([plots.length, drawn.length]);
            } else { setTimeout(poll, 200); }
        })();
        """
    )
    screenshots = tmp_path_factory.mktemp("screenshots")
    browser.save_screenshot(str(screenshots / f"{name}.png"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]

    plots, drawn = rendered
    assert plots >= 1, f"{name}: no plotly chart on the page"
    assert drawn == plots, f"{name}: {plots - drawn} of {plots} charts did not render"
    assert errors == [], errors
    assert (screenshots / f"{name}.png").stat().st_size > 10_000
