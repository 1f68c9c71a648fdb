// axe-core over every page and the states a class sees: the app must have no violation of the
// WCAG 2 A/AA rules axe checks, in the light and the dark theme.

import assert from "node:assert/strict";
import { axeViolations } from "./pageChecks.mjs";

async function check(page, what) {
  const found = await axeViolations(page, { bestPractice: true });
  assert.deepEqual(found, [], `${what}:\n  ${found.join("\n  ")}`);
}

async function playTo(page, clock) {
  await page.getByRole("slider", { name: "Speed" }).fill("2"); // 100x
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(
    (t) => document.querySelector("[aria-label='Virtual time']")?.textContent >= t,
    clock,
    { timeout: 20_000 },
  );
  await page.getByRole("button", { name: "Pause" }).click();
}

const SCHEMES = ["light", "dark"];

export const tests = SCHEMES.flatMap((scheme) => [
  {
    name: `accessibility (${scheme}): every page at rest`,
    run: async ({ page, baseUrl }) => {
      await page.emulateMedia({ colorScheme: scheme });
      for (const query of [
        "",
        "?scenario=classroom",
        "?scenario=large-cluster",
        "?page=before-kafka",
        "?page=compare",
        "?page=lessons",
        "?page=lessons&lesson=replication-and-isr",
        "?present",
      ]) {
        await page.goto(`${baseUrl}${query}`);
        await page.getByRole("navigation").first().waitFor();
        await page.waitForTimeout(500);
        await check(page, `${scheme} ${query || "/"}`);
      }
    },
  },
  {
    name: `accessibility (${scheme}): a run with losses, the audit, the tables and the dialogs`,
    run: async ({ page, baseUrl }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${baseUrl}?scenario=acks1-loss-on-failover`);
      await playTo(page, "0:45");
      await check(page, `${scheme}: losses in the feed and the audit`);
      await page.getByRole("button", { name: "Tables" }).click();
      await check(page, `${scheme}: the tables view`);
      await page.getByRole("button", { name: "Share…" }).click();
      await page
        .getByRole("dialog", { name: "Share this run" })
        .getByRole("textbox", { name: "Link" })
        .waitFor();
      await check(page, `${scheme}: the share dialog`);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "New scenario…" }).click();
      await page.getByRole("dialog", { name: "New scenario" }).waitFor();
      await check(page, `${scheme}: the builder`);
    },
  },
]);
