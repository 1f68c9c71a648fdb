import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertNoSideways, axeViolations } from "./pageChecks.mjs";

const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../test-results/screenshots",
);

/** What a room sees: the viewport only, at a projector's 1280x720 or a phone's 390x844. */
async function viewShot(page, name, width, height) {
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}x${height}.png`) });
}

/** An element must fit the viewport's width. */
async function assertFits(page, locator) {
  const box = await locator.boundingBox();
  const width = page.viewportSize().width;
  assert.ok(box.x >= 0 && box.x + box.width <= width, `${box.x + box.width}px wide in ${width}px`);
}

const clock = (page) => page.getByLabel("Virtual time").textContent();

export const tests = [
  {
    name: "presenter mode: 2 kills broker 2, 2 again restarts it, each confirmed on screen",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:01",
      );
      await page.getByRole("button", { name: "Pause" }).click();
      const toggle = page.getByRole("button", { name: "Presenter mode" });
      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-pressed"), "true");
      assert.ok(new URL(page.url()).searchParams.has("present"));
      assert.ok(
        await page.evaluate(() => document.documentElement.classList.contains("presenter")),
      );
      const legend = page.getByRole("complementary", { name: "Hotkeys" });
      await legend.getByText("kill or restart broker N").waitFor();

      const broker2 = page.getByRole("region", { name: "Broker 2" });
      await page.keyboard.press("2");
      await broker2.getByRole("button", { name: "Restart broker 2" }).waitFor();
      await page
        .getByRole("status", { name: "Last hotkey action" })
        .getByText("Killed broker 2")
        .waitFor();
      await viewShot(page, "presenter-broker-2-killed", 1280, 720);
      await viewShot(page, "presenter-broker-2-killed", 390, 844);
      await assertFits(page, page.getByRole("region", { name: "Instructor tools" }));
      await page.setViewportSize({ width: 1280, height: 720 });

      await page.keyboard.press("2");
      await broker2.getByRole("button", { name: "Kill broker 2" }).waitFor();
      await page
        .getByRole("status", { name: "Last hotkey action" })
        .getByText("Restarted broker 2")
        .waitFor();
      // Both landed on the timeline as commands.
      const markers = page.getByRole("list", { name: "Timeline markers" });
      await markers.getByRole("button", { name: /You: kill broker 2/ }).waitFor();
      await markers.getByRole("button", { name: /You: restart broker 2/ }).waitFor();

      // A key typed into a field is not a hotkey; a key with a modifier is not either.
      await page.getByRole("combobox", { name: "Scenario" }).focus();
      await page.keyboard.press("2");
      await toggle.focus();
      await page.keyboard.press("Control+2");
      await page.keyboard.press("Alt+2");
      await page.waitForTimeout(100);
      await broker2.getByRole("button", { name: "Kill broker 2" }).waitFor();

      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-pressed"), "false");
      assert.equal(await legend.count(), 0);
      await page.keyboard.press("2");
      await page.waitForTimeout(100);
      await broker2.getByRole("button", { name: "Kill broker 2" }).waitFor();
      await screenshot("presenter-off-again");
    },
  },
  {
    name: "a 'leader changes' breakpoint pauses playback at the election after a kill",
    run: async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}?present`);
      await page.getByRole("checkbox", { name: "a leader changes" }).check();
      await page.getByRole("slider", { name: "Speed" }).fill("1");
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:02",
      );
      await page.keyboard.press("1");
      const notice = page.getByRole("status", { name: "Breakpoint" });
      await notice
        .getByText(
          /Paused at \d+:\d+\.\d+ because a leader changed: Broker \d became leader of orders-\d/,
        )
        .waitFor({ timeout: 15_000 });
      await page.getByRole("button", { name: "Play" }).waitFor();
      // Stopped at the election itself: the clock shows the moment the notice names.
      const pausedAt = (await notice.textContent()).match(/Paused at (\d+:\d+\.\d+)/)[1];
      assert.equal(await clock(page), pausedAt);
      // The kill the hotkey issued is on the timeline.
      await page
        .getByRole("list", { name: "Timeline markers" })
        .getByRole("button", { name: /Broker 1 crashed/ })
        .waitFor();
      await viewShot(page, "breakpoint-leader-changed", 1280, 720);
      await viewShot(page, "breakpoint-leader-changed", 390, 844);
      await assertFits(page, page.getByRole("region", { name: "Instructor tools" }));
      // Resuming does not stop at the same election again.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        (t) => document.querySelector("[aria-label='Virtual time']")?.textContent > t,
        pausedAt,
      );
      assert.equal(await notice.textContent(), "");
      await page.getByRole("button", { name: "Pause" }).click();
    },
  },
  {
    name: "compare page: killing the leader on both sides, acks=1 loses records and acks=all loses none",
    run: async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}?page=compare`);
      const left = page.getByRole("region", { name: "Left: acks=1" });
      const right = page.getByRole("region", { name: "Right: acks=all" });
      await left.waitFor();
      await right.waitFor();
      const difference = page.getByRole("status", { name: "Difference" });
      assert.match(await difference.textContent(), /No difference yet/);
      await page.getByRole("slider", { name: "Speed" }).fill("1");
      await page.getByRole("button", { name: "Play" }).click();
      // The followers are slowed at 20 s; a little later the leader of orders-0, broker 1, dies.
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:21.5",
        null,
        { timeout: 15_000 },
      );
      await page.getByRole("button", { name: "Kill broker 1" }).click();
      await difference
        .getByText(/^Left \(acks=1\) lost \d+ acknowledged records; right \(acks=all\) lost none\./)
        .waitFor({ timeout: 15_000 });
      await page.getByRole("button", { name: "Pause" }).click();
      const lostOf = async (side) =>
        Number(await side.getByRole("definition").nth(1).textContent());
      assert.ok((await lostOf(left)) > 0);
      assert.equal(await lostOf(right), 0);
      // Each loss is listed with its cause; the right side has none to list.
      await left
        .getByRole("list", { name: "Latest losses and their causes" })
        .getByText(/acks=1/)
        .first()
        .waitFor();
      assert.equal(
        await right.getByRole("list", { name: "Latest losses and their causes" }).count(),
        0,
      );
      // The kill reached both sides at the same moment.
      for (const side of [left, right])
        await side
          .getByRole("list", { name: "Brokers" })
          .getByText(/Broker 1\s*offline/)
          .waitFor();
      await viewShot(page, "compare-acks-diverged", 1280, 720);
      await viewShot(page, "compare-acks-diverged", 390, 844);
      await assertNoSideways(page);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({
        path: path.join(screenshotDir, "compare-acks-diverged-full.png"),
        fullPage: true,
      });
    },
  },
  {
    name: "compare page: idempotence off writes duplicates and reorders batches after a failover, on writes neither",
    run: async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}?page=compare&preset=idempotence`);
      const left = page.getByRole("region", { name: "Left: enable.idempotence=false" });
      const right = page.getByRole("region", { name: "Right: enable.idempotence=true" });
      await left.waitFor();
      await right.waitFor();
      assert.equal(
        await page.getByRole("combobox", { name: "Comparison" }).inputValue(),
        "idempotence",
      );
      // The teacher's note says what to watch, in words.
      await page.getByText(/Reordered: at 19 s broker 3 takes over payments-1/).waitFor();
      await page.getByRole("slider", { name: "Speed" }).fill("2"); // 100x
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "1:00",
        null,
        { timeout: 20_000 },
      );
      await page.getByRole("button", { name: "Pause" }).click();
      // Back to 60 s exactly, whatever the last frame overshot.
      await page.getByRole("slider", { name: "Timeline" }).fill("60000");
      await page.getByLabel("Virtual time").getByText("1:00.000").waitFor();
      const figure = (side, name) => side.locator(`dt:text-is("${name}") + dd`);
      const figures = async (side) => ({
        acknowledged: Number(await figure(side, "acknowledged").textContent()),
        lost: Number(await figure(side, "lost").textContent()),
        duplicates: Number(await figure(side, "duplicates").textContent()),
        reordered: Number(await figure(side, "reordered").textContent()),
      });
      assert.deepEqual(await figures(left), {
        acknowledged: 11_996,
        lost: 0,
        duplicates: 56,
        reordered: 3,
      });
      assert.deepEqual(await figures(right), {
        acknowledged: 11_996,
        lost: 0,
        duplicates: 0,
        reordered: 0,
      });
      // Harm is an alarm on the side that did it, and only there.
      const alarmed = (side, name) =>
        side.locator("div.alarm", { has: page.locator(`dt:text-is("${name}")`) }).count();
      assert.equal(await alarmed(left, "duplicates"), 1);
      assert.equal(await alarmed(left, "reordered"), 1);
      assert.equal(await alarmed(right, "duplicates"), 0);
      assert.equal(await alarmed(right, "reordered"), 0);
      assert.equal(
        await page.getByRole("status", { name: "Difference" }).textContent(),
        "Left (enable.idempotence=false) wrote 56 duplicates; right (enable.idempotence=true) " +
          "wrote no duplicate. Left (enable.idempotence=false) wrote 3 batches out of order; " +
          "right (enable.idempotence=true) wrote nothing out of order.",
      );
      // The alarm colours stay legible in both themes.
      for (const colorScheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme });
        assert.deepEqual(await axeViolations(page), [], colorScheme);
        await page.screenshot({
          path: path.join(screenshotDir, `compare-idempotence-${colorScheme}.png`),
        });
      }
      await page.emulateMedia({ colorScheme: "light" });
      await viewShot(page, "compare-idempotence", 1280, 720);
      await viewShot(page, "compare-idempotence", 390, 844);
      await assertNoSideways(page);
      // On a phone the sides stack: the difference and the left figures, one scroll down.
      await page
        .getByRole("status", { name: "Difference" })
        .evaluate((e) => e.scrollIntoView({ block: "center" }));
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
      await page.screenshot({
        path: path.join(screenshotDir, "compare-idempotence-sides-390x844.png"),
      });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({
        path: path.join(screenshotDir, "compare-idempotence-full.png"),
        fullPage: true,
      });
    },
  },
  {
    name: "compare page: pause when a record is lost stops both sides at the loss, on whichever side it happens",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(`${baseUrl}?page=compare&preset=unclean`);
      await page.getByRole("region", { name: /^Right: / }).waitFor();
      await page.getByRole("checkbox", { name: "a record is lost" }).check();
      await page.getByRole("slider", { name: "Speed" }).fill("2"); // 100x
      await page.getByRole("button", { name: "Play" }).click();
      const notice = page
        .getByRole("status", { name: "Breakpoint" })
        .getByText(
          /because a record was lost on the right \(unclean\.leader\.election\.enable=true\)/,
        );
      await notice.waitFor({ timeout: 15_000 });
      // Paused: the button offers Play again, and the clock stands still.
      await page.getByRole("button", { name: "Play" }).waitFor();
      const clock = page.getByLabel("Virtual time");
      const at = await clock.textContent();
      await page.waitForTimeout(300);
      assert.equal(await clock.textContent(), at);
      await screenshot("compare-breakpoint-1280");
    },
  },
];
