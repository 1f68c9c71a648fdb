import assert from "node:assert/strict";

/** Presses Tab until the focused element's accessible text matches, as a keyboard user would. */
async function tabTo(page, pattern, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const text = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return "";
      // A select is named by its label; its own text is every option.
      const label = el.tagName === "SELECT" ? el.labels?.[0]?.textContent : null;
      return (el.getAttribute("aria-label") || label || el.textContent || "").trim();
    });
    if (pattern.test(text)) return text;
  }
  throw new Error(`no control matching ${pattern} within ${max} presses of Tab`);
}

/** Waits until the step panel says the current step is complete. */
async function stepComplete(page, timeout = 20000) {
  await page
    .getByRole("region", { name: /^Step \d+ of \d+$/ })
    .getByText("✓ Step complete.")
    .waitFor({ timeout });
}

const LESSONS = (baseUrl) => `${baseUrl}?page=lessons`;

export const tests = [
  {
    name: "the first lesson can be finished with the keyboard alone, and its progress survives a reload",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(LESSONS(baseUrl));
      await page.getByRole("heading", { level: 2, name: "Lessons" }).waitFor();
      assert.ok(
        (await page
          .getByRole("listitem")
          .filter({ hasText: /not started/ })
          .count()) >= 17,
      );
      await screenshot("lessons-chapter-list-1280");

      // Open chapter 1 from the list: it runs on the side-by-side services simulation.
      await tabTo(page, /Chapter 1: /);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 3, name: "Step 1 of 5" }).waitFor();
      await page.getByRole("region", { name: "Direct calls" }).waitFor();
      await page.getByRole("region", { name: "Through a broker" }).waitFor();
      // The lesson chooses the situation: the picker is not offered.
      assert.equal(await page.getByRole("combobox", { name: "Situation" }).count(), 0);

      // Step 1: a prediction, then play, four times faster.
      await tabTo(page, /there is no middleman/);
      await page.keyboard.press("Enter");
      await screenshot("lessons-services-predict-1280");
      await tabTo(page, /^Play$/);
      await page.keyboard.press("Enter");
      await tabTo(page, /^Speed/);
      for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowDown");
      await stepComplete(page);
      await page.getByText("You were right:").waitFor();
      await tabTo(page, /^Next$/, { back: true });
      await page.keyboard.press("Enter");

      // Steps 2 to 5: an action each, after a prediction on steps 2 and 4.
      for (const [n, guess, label] of [
        [2, /through the broker they wait in the queue/, /^Take orders-1 down$/],
        [3, null, /^Bring orders-1 back$/],
        [4, /runs out of threads/, /^Start a traffic peak/],
        [5, null, /^End the peak/],
      ]) {
        await page.getByRole("heading", { level: 3, name: `Step ${n} of 5` }).waitFor();
        if (guess) {
          const stepAction = page
            .getByRole("region", { name: `Step ${n} of 5` })
            .getByRole("button", { name: label });
          assert.equal(await stepAction.isDisabled(), true);
          await tabTo(page, guess);
          await page.keyboard.press("Enter");
        }
        await tabTo(page, label);
        await page.keyboard.press("Enter");
        await stepComplete(page, 30000);
        if (n === 4) await screenshot("lessons-services-peak-1280");
        await tabTo(page, n === 5 ? /^Finish$/ : /^Next$/);
        await page.keyboard.press("Enter");
      }
      await page.getByRole("heading", { level: 3, name: "Chapter 1 complete" }).waitFor();

      // The list, after a reload, says chapter 1 is done.
      await page.goto(LESSONS(baseUrl));
      const first = page
        .getByRole("listitem")
        .filter({ hasText: "Why not call the other service directly?" });
      await first.getByText("done").waitFor();
      await page.getByText(/^1 of \d+ chapters done/).waitFor();
    },
  },
  {
    name: "a lesson outlines what its step points at, and reads well on a phone",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${LESSONS(baseUrl)}&lesson=replication-and-isr`);
      await page.getByRole("heading", { level: 3, name: "Step 1 of 3" }).waitFor();
      await page.getByRole("button", { name: "Next" }).isDisabled();
      await page.getByRole("button", { name: "Play" }).click();
      await page.getByRole("button", { name: "Next" }).click({ timeout: 15000 });
      await page.getByRole("heading", { level: 3, name: "Step 2 of 3" }).waitFor();
      // The step points at broker 1: an outline is drawn over its card.
      await page.waitForFunction(() => document.querySelectorAll(".highlight-box").length >= 1);
      await screenshot("lessons-highlight-1280");

      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
      await screenshot("lessons-lesson-390");
      // A services lesson on a phone: the two sides stack, nothing scrolls sideways.
      await page.goto(`${LESSONS(baseUrl)}&lesson=queue-and-pubsub`);
      await page.getByRole("region", { name: "Through a broker" }).waitFor();
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForTimeout(1500);
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(sideways <= 0, `the services lesson scrolls sideways by ${sideways}px on a phone`);
      await page.getByRole("region", { name: "Direct calls" }).scrollIntoViewIfNeeded();
      await screenshot("lessons-services-390");
      await page.goto(LESSONS(baseUrl));
      await page.getByRole("heading", { level: 2, name: "Lessons" }).waitFor();
      await screenshot("lessons-chapter-list-390");
    },
  },
  {
    name: "the retries chapter asks before the duplicates appear, and links to the comparison",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${LESSONS(baseUrl)}&lesson=retries-and-ordering`);
      await page.getByRole("heading", { level: 2, name: /Retries and ordering/ }).waitFor();
      const compare = page.getByRole("link", { name: /idempotence off vs on/ });
      assert.equal(await compare.getAttribute("href"), "?page=compare&preset=idempotence");
      await page.getByRole("heading", { level: 3, name: "Step 1 of 5" }).waitFor();
      await page.getByRole("button", { name: "Play" }).click();
      await page.getByRole("button", { name: "Next" }).click({ timeout: 15000 });

      // Step 2: the run pauses for the guess; nothing is duplicated yet.
      const step = page.getByRole("region", { name: "Step 2 of 5" });
      await step.getByText("What does the leader do?").waitFor();
      await page.getByRole("button", { name: "Play" }).waitFor();
      const audit = page.getByRole("region", { name: "Audit" });
      const count = (label) =>
        audit.evaluate(
          (el, l) =>
            [...el.querySelectorAll("dt")].find((dt) => dt.textContent === l)?.nextElementSibling
              ?.textContent,
          label,
        );
      assert.equal(await count("duplicates"), "0");
      await page.waitForFunction(() => document.querySelectorAll(".highlight-box").length >= 1);
      await screenshot("lessons-retries-step2-1280");

      await step.getByRole("button", { name: /Writes it again/ }).click();
      await stepComplete(page, 20000);
      assert.notEqual(await count("duplicates"), "0");
      assert.equal(await count("out of order"), "0");
      await screenshot("lessons-retries-step2-done-1280");

      // The link opens that very comparison.
      await compare.click();
      await page.getByText("Left enable.idempotence=false").waitFor();
      assert.equal(
        await page.getByLabel("Comparison").locator("option:checked").textContent(),
        "idempotence off vs on",
      );
    },
  },
  {
    name: "progress exports to a file and imports back; a bad file says why and changes nothing",
    run: async ({ page, baseUrl }) => {
      await page.goto(`${LESSONS(baseUrl)}&lesson=records-topics-partitions`);
      await page.getByRole("button", { name: "Send an order for alice" }).click();
      await page.getByRole("button", { name: "Play" }).click();
      await page.getByText("✓ Step complete.").waitFor();
      await page.getByRole("link", { name: "← All chapters" }).click();
      const chapter5 = page
        .getByRole("listitem")
        .filter({ hasText: "Records, topics, partitions and offsets" });
      await chapter5.getByText("1 of 4 steps").waitFor();

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Export progress" }).click(),
      ]);
      const saved = await download
        .path()
        .then((p) => import("node:fs/promises").then((fs) => fs.readFile(p, "utf8")));
      assert.equal(JSON.parse(saved).kind, "brokerlab-progress");

      const input = page.getByLabel("Import progress");
      await input.setInputFiles({
        name: "notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("hello"),
      });
      await page
        .getByRole("alert")
        .getByText(/not a Brokerlab progress file.*not changed/)
        .waitFor();
      await chapter5.getByText("1 of 4 steps").waitFor();

      const other = JSON.stringify({
        kind: "brokerlab-progress",
        version: 1,
        lessons: { "why-not-sync": { stepsDone: 5, finished: true, predictions: {} } },
      });
      await input.setInputFiles({
        name: "friend.json",
        mimeType: "application/json",
        buffer: Buffer.from(other),
      });
      await page.getByText("Progress loaded from “friend.json”.").waitFor();
      await page.getByText(/^1 of \d+ chapters done/).waitFor();
      await chapter5.getByText("not started").waitFor();
    },
  },
  {
    name: "a challenge is checked by running the answer: a wrong one fails, the right one earns stars",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${LESSONS(baseUrl)}&lesson=consumers-and-partitions`);
      const challenge = page.getByRole("region", { name: "Challenge: Clear the backlog" });
      await challenge.getByRole("button", { name: "Check my answer" }).click();
      await challenge.getByText("Not yet.").waitFor({ timeout: 20000 });
      await challenge.getByLabel("Partitions of backlog").selectOption("4");
      await challenge.getByLabel("Members of the group drain").selectOption("4");
      await challenge.getByRole("button", { name: "Check my answer" }).click();
      await challenge.getByText("Goal reached.").waitFor({ timeout: 20000 });
      await challenge.getByRole("img", { name: "3 of 3 stars" }).waitFor();
      await challenge.scrollIntoViewIfNeeded();
      await screenshot("lessons-challenge-1280");
      // The passing answer can be watched in the simulator, then the lesson comes back.
      await challenge.getByRole("button", { name: "Watch this run" }).click();
      await page.getByRole("status").filter({ hasText: "Your answer under" }).waitFor();
      await page.getByRole("region", { name: "Broker 1" }).waitFor();
      await page.getByRole("button", { name: "Back to the lesson" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: "Your answer under" })
        .waitFor({ state: "detached" });
    },
  },
];
