import assert from "node:assert/strict";
import { assertNoSideways } from "./pageChecks.mjs";

async function playFor(page, virtualSeconds) {
  const clock = page.locator("[aria-label='Virtual time']");
  const toMs = (t) => {
    const [m, s] = t.split(":");
    return (Number(m) * 60 + Number(s)) * 1000;
  };
  const start = toMs(await clock.textContent());
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(
    ([from, ms]) => {
      const t = document.querySelector("[aria-label='Virtual time']")?.textContent ?? "0:0";
      const [m, s] = t.split(":");
      return (Number(m) * 60 + Number(s)) * 1000 - from >= ms;
    },
    [start, virtualSeconds * 1000],
    { timeout: 30000 },
  );
  await page.getByRole("button", { name: "Pause", exact: true }).click();
}

/** The committed offsets of a group's offsets table, summed. */
async function committedTotal(group) {
  const cells = await group
    .getByRole("table", { name: /Offsets of group/ })
    .locator("tbody tr td:nth-child(2)")
    .allTextContents();
  return cells.reduce((n, c) => n + (Number(c) || 0), 0);
}

/** What the viewer sees now (the runner's screenshots are of the whole page). */
const view = (page, name) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });

/** Its top just below the sticky playback bar. */
const scrollTo = (locator) =>
  locator.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 170));

async function addGroupAndWatch(page, screenshot, tag) {
  const form = page.getByRole("form", { name: "Add a consumer group" });
  await form.waitFor();
  await form.getByRole("textbox", { name: "Group id (group.id)" }).fill("billing");
  await form.getByRole("checkbox", { name: "orders" }).check();
  await form.getByRole("spinbutton", { name: "Members" }).fill("2");
  await form
    .getByRole("combobox", { name: "Assignor (partition.assignment.strategy)" })
    .selectOption("roundrobin");
  await scrollTo(form);
  await view(page, `groups-form-${tag}-view`);
  await screenshot(`groups-form-${tag}`);
  await form.getByRole("button", { name: "Add the group" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: "Group billing added with 2 members" })
    .waitFor();

  const group = page.getByRole("region", { name: "Consumer group billing" });
  await group.waitFor();
  await playFor(page, 8);
  const members = group.getByRole("list", { name: "Members of group billing" });
  await group.getByText("Stable", { exact: false }).first().waitFor();
  for (const id of ["billing-1", "billing-2"]) {
    const row = members.getByRole("listitem").filter({ hasText: id });
    assert.ok((await row.locator(".partition-chip").count()) > 0, `${id} owns a partition`);
  }
  const before = await committedTotal(group);
  await playFor(page, 6);
  const after = await committedTotal(group);
  assert.ok(after > before, `committed offsets advance: ${before} then ${after}`);
  await scrollTo(group);
  await view(page, `groups-playing-${tag}-view`);
  await screenshot(`groups-playing-${tag}`);

  // The same id again: a readable message, nothing issued.
  const consumersBefore = await page
    .getByRole("listitem")
    .filter({ hasText: /^billing-/ })
    .count();
  await form.getByRole("textbox", { name: "Group id (group.id)" }).fill("billing");
  await form.getByRole("button", { name: "Add the group" }).click();
  await form.getByText("A group named billing already exists: choose another id.").waitFor();
  const input = form.getByRole("textbox", { name: "Group id (group.id)" });
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.ok(await input.evaluate((el) => el === document.activeElement), "focus on the group id");
  assert.equal(
    await page
      .getByRole("listitem")
      .filter({ hasText: /^billing-/ })
      .count(),
    consumersBefore,
  );
  // An empty id is refused too.
  await input.fill("  ");
  await form.getByRole("button", { name: "Add the group" }).click();
  await form.getByText("Give the group an id").waitFor();
  await scrollTo(form);
  await view(page, `groups-duplicate-${tag}-view`);
  await screenshot(`groups-duplicate-${tag}`);
  await assertNoSideways(page);
}

export const tests = [
  {
    name: "add a consumer group of two from the form, play, and see members with partitions and commits",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await addGroupAndWatch(page, screenshot, "1280");
    },
  },
  {
    name: "the add-a-group form on a phone, by keyboard, without sideways scrolling",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(baseUrl);
      // The form's fields are reachable by Tab from the summary.
      const summary = page.getByText("Add a consumer group", { exact: true }).first();
      await summary.focus();
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("type"));
      assert.equal(focused, "text", "Tab from the summary reaches the group id");
      await assertNoSideways(page);
      await addGroupAndWatch(page, screenshot, "390");
    },
  },
];
