// Checks shared by the browser tests (not a test file: the runner loads *.e2e.mjs only).

import assert from "node:assert/strict";

/** How many pixels the page is wider than the window (0: no sideways scrolling). */
export async function sidewaysOverflow(page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Fails, naming the moment, if the page scrolls sideways. */
export async function assertNoSideways(page, when = "the page") {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(
    scrollWidth <= clientWidth,
    `${when}: the page scrolls sideways (${scrollWidth} px wide in ${clientWidth} px)`,
  );
}

/** The number shown beside a label in a panel's counts (a `dt` and its `dd`). */
export async function panelCount(region, label) {
  const dd = region
    .locator("dt", { hasText: label })
    .first()
    .locator("xpath=following-sibling::dd[1]");
  return Number((await dd.textContent()).replace(/,/g, ""));
}
