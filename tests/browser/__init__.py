"""Browser tests: Voilà apps driven by Playwright in Debian chromium."""
