"""Fixtures of the load tests: Debian's Chromium (the browser tests' own fixture) for the checks that
look at a real page."""

from tests.browser.conftest import browser  # noqa: F401  (a pytest fixture, used by name)
