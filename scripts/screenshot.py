"""Take full-page screenshots with the system Chromium: python scripts/screenshot.py URL OUT.png [WIDTH ...]."""

import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main():
    url, out, *widths = sys.argv[1:]
    widths = [int(w) for w in widths] or [1280]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(url, wait_until="load")
            target = out if len(widths) == 1 else out.replace(".png", f"-{width}.png")
            page.screenshot(path=target, full_page=True)
            print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
