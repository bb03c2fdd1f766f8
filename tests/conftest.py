"""Fixtures shared by the browser tests (``tests/browser/``) and the cluster tests (``tests/cluster/``)."""

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run.

    Playwright's sync API runs an event loop while it is open, and a second ``sync_playwright()``
    in the same process fails while the first is alive: every test that drives a browser takes
    this one.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
