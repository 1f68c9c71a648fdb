// Checks shared by the browser tests (not a test file: the runner loads *.e2e.mjs only).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const AXE = readFileSync(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
  "utf8",
);

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core's violations on the page as it is now, one line each with where it was found: the
 * WCAG 2 A/AA rules, plus axe's best practices if asked, in the whole page or one element.
 */
export async function axeViolations(page, { within = null, bestPractice = false } = {}) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(
    async ({ within, tags }) => {
      const root = within ? document.querySelector(within) : document;
      const result = await window.axe.run(root, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return result.violations.flatMap((v) =>
        v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${v.help}`),
      );
    },
    { within, tags: bestPractice ? [...WCAG_AA, "best-practice"] : WCAG_AA },
  );
}

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

/** Plays fast until the run has reached `ms`, then pauses. */
export async function playPast(page, ms) {
  await page.getByRole("slider", { name: "Speed" }).fill("2"); // 100x
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(
    (to) => {
      const t = document.querySelector("[aria-label='Virtual time']")?.textContent ?? "0:0";
      const [m, s] = t.split(":");
      return (Number(m) * 60 + Number(s)) * 1000 >= to;
    },
    ms,
    { timeout: 20_000 },
  );
  await page.getByRole("button", { name: "Pause", exact: true }).click();
}

/** Seeks the timeline to an exact moment already lived through. */
export async function seek(page, ms) {
  await page.getByRole("slider", { name: "Timeline" }).fill(String(ms));
  await page.waitForFunction((to) => {
    const t = document.querySelector("[aria-label='Virtual time']")?.textContent ?? "";
    const [m, s] = t.split(":");
    return Math.round((Number(m) * 60 + Number(s)) * 1000) === to;
  }, ms);
}
