import assert from "node:assert/strict";

/** A figure of one side, as its tile shows it ("Failed" -> 1234). */
async function figure(page, side, label) {
  const text = await page
    .getByRole("region", { name: side })
    .getByRole("group", { name: label, exact: true })
    .textContent();
  const match = text.slice(label.length).match(/^[\d,]+/);
  assert.ok(match, `no number in the ${label} tile of ${side}: "${text}"`);
  return Number(match[0].replaceAll(",", ""));
}

async function virtualSeconds(page) {
  const text = await page.getByLabel("Virtual time").textContent();
  return Number.parseFloat(text);
}

async function open(page, baseUrl, situation) {
  await page.goto(`${baseUrl}?page=before-kafka`);
  await page.getByRole("region", { name: "Direct calls" }).waitFor();
  await page.getByRole("combobox", { name: "Situation" }).selectOption({ label: situation });
  await page.getByRole("heading", { level: 2, name: situation }).waitFor();
}

async function playUntil(page, seconds) {
  await page.getByRole("combobox", { name: "Speed" }).selectOption("10");
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(
    (s) =>
      Number.parseFloat(document.querySelector("[aria-label='Virtual time']")?.textContent) >= s,
    seconds,
    { timeout: 15_000 },
  );
  await page.getByRole("button", { name: "Pause" }).click();
}

export const tests = [
  {
    name: "before kafka: in a traffic peak direct calls fail while the broker queues, then delivers everything",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, baseUrl, "Traffic peak");
      await page.getByRole("region", { name: "Through a broker" }).waitFor();
      await page.getByRole("region", { name: "Over time" }).waitFor();
      await playUntil(page, 9);
      assert.ok((await virtualSeconds(page)) >= 9);
      const directFailed = await figure(page, "Direct calls", "Failed");
      assert.ok(directFailed > 100, `direct side failed only ${directFailed} during the peak`);
      assert.equal(await figure(page, "Through a broker", "Failed"), 0);
      assert.ok((await figure(page, "Through a broker", "Waiting")) > 500, "the peak is queued");
      await screenshot("before-peak-during-1280x720");
      // To the end: the queue has drained and the broker side delivered more.
      await page.getByRole("slider", { name: "Time" }).fill("30000");
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent === "30.0 s",
      );
      assert.equal(await figure(page, "Through a broker", "Failed"), 0);
      assert.equal(await figure(page, "Through a broker", "Waiting"), 0);
      const directDelivered = await figure(page, "Direct calls", "Delivered");
      const brokerDelivered = await figure(page, "Through a broker", "Delivered");
      assert.ok(
        brokerDelivered > directDelivered + 1000,
        `broker ${brokerDelivered} vs direct ${directDelivered}`,
      );
      await screenshot("before-peak-end-1280x720");
    },
  },
  {
    name: "before kafka: push overwhelms the slow receiver, pull does not; a receiver taken down refuses direct calls while the broker side loses nothing",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, baseUrl, "Push versus pull");
      await playUntil(page, 6);
      assert.ok((await figure(page, "Broker pushes", "Failed")) > 0);
      assert.equal(await figure(page, "Receivers pull", "Failed"), 0);
      await screenshot("before-push-pull-1280x720");

      await open(page, baseUrl, "A calm day");
      await page.getByRole("button", { name: "Take orders-1 down" }).click();
      await page.getByRole("button", { name: "Bring orders-1 back" }).waitFor();
      await page.getByRole("button", { name: "Take orders-2 down" }).waitFor({ state: "detached" });
      await playUntil(page, 4);
      // Calls to the stopped receiver are refused (retries reach orders-2); the broker's other
      // receiver simply takes everything.
      assert.equal(await figure(page, "Through a broker", "Failed"), 0);
      const stage = await page
        .getByRole("region", { name: "Direct calls" })
        .getByRole("img")
        .first()
        .getAttribute("aria-label");
      assert.match(stage, /orders-1 down/);
      assert.ok((await figure(page, "Direct calls", "Connections opened")) > 10);
      await page
        .getByRole("region", { name: "Direct calls" })
        .getByRole("list", { name: "Latest events" })
        .getByText(/to orders-1 refused: nothing listens there/)
        .first()
        .waitFor();
    },
  },
  {
    name: "before kafka on a phone: no sideways scrolling, every situation opens",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await open(page, baseUrl, "Fan-out to ten services");
      await playUntil(page, 3);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await screenshot("before-fanout-390x844");
      // The ten receivers' names read at 12 px or more on the phone's screen.
      const smallest = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll(".stage .receiver-name")].map(
            (t) => t.getBoundingClientRect().height,
          ),
        ),
      );
      assert.ok(smallest >= 12, `a receiver's name is drawn ${smallest.toFixed(1)} px high`);
      // The broker side's stage alone, at the phone's own pixels, to judge the text by eye.
      await page
        .getByRole("region", { name: "Through a broker" })
        .getByRole("img")
        .first()
        .screenshot({ path: "test-results/screenshots/before-fanout-stage-390x844.png" });
      await page
        .getByRole("region", { name: "Direct calls" })
        .getByRole("img")
        .first()
        .screenshot({ path: "test-results/screenshots/before-fanout-direct-stage-390x844.png" });
      const options = await page
        .getByRole("combobox", { name: "Situation" })
        .getByRole("option")
        .allTextContents();
      assert.ok(options.length >= 9);
      for (const title of options) {
        await page.getByRole("combobox", { name: "Situation" }).selectOption({ label: title });
        await page.getByRole("heading", { level: 2, name: title }).waitFor();
      }
    },
  },
  {
    name: "before kafka: Space plays and pauses (not on a focused control), Step moves to the next event",
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, baseUrl, "A calm day");
      await page.locator("body").click({ position: { x: 5, y: 400 } });
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: "Pause" }).waitFor();
      await page.waitForFunction(
        () =>
          Number.parseFloat(document.querySelector("[aria-label='Virtual time']")?.textContent) >
          0.3,
      );
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: "Play" }).waitFor();
      // On the situation picker Space belongs to the picker: the run stays paused.
      await page.getByRole("combobox", { name: "Situation" }).focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("Escape");
      assert.equal(await page.getByRole("button", { name: "Play" }).count(), 1);

      // Each Step moves to the next event (a few milliseconds on): press it until the clock's
      // tenth of a second changes; the run stays paused throughout.
      const before = await virtualSeconds(page);
      const step = page.getByRole("button", { name: "Step", exact: true });
      let presses = 0;
      while ((await virtualSeconds(page)) === before && presses < 300) {
        await step.click();
        presses++;
      }
      const after = await virtualSeconds(page);
      assert.ok(after > before, `${presses} steps did not move the clock past ${before} s`);
      assert.ok(after - before <= 0.1 + 1e-9, `the steps jumped from ${before} s to ${after} s`);
      assert.ok(presses > 1, "one step jumped a whole tenth of a second");
      assert.equal(await page.getByRole("button", { name: "Play" }).count(), 1);
    },
  },
];
