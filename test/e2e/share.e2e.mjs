import assert from "node:assert/strict";
import { sidewaysOverflow } from "./pageChecks.mjs";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";

const defaultScenario = JSON.parse(
  readFileSync(new URL("../../scenarios/default.json", import.meta.url), "utf8"),
);

/** A share link's fragment written the way docs/url-format.md tells another tool to. */
const fragmentOf = (payload) =>
  `v1.${deflateRawSync(Buffer.from(JSON.stringify(payload))).toString("base64url")}`;

const clock = (page) => page.getByLabel("Virtual time").textContent();
const topicsTable = (page) => page.getByRole("table", { name: "Topics" }).innerText();

/** The cluster is shown as a picture (with the brokers' buttons) or as tables; pick one. */
async function show(page, view) {
  const button = page
    .getByRole("group", { name: "Show the cluster as" })
    .getByRole("button", { name: view });
  if ((await button.count()) > 0) await button.click();
}
const showTables = (page) => show(page, "Tables");

async function leaderOf(page, partition) {
  const row = page
    .getByRole("table", { name: "Topics" })
    .getByRole("row")
    .nth(partition + 1);
  return (await row.getByRole("cell").nth(2).textContent()).trim();
}

/** A second, fresh browser context (no storage shared), failing on any page or console error. */
async function freshPage(context) {
  const other = await context.browser().newContext({ viewport: { width: 1280, height: 720 } });
  const page = await other.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  return { page, problems, close: () => other.close() };
}

/** What a phone shows: the viewport, not the whole page. */
const phoneShot = async (page, name) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
  const overflow = await sidewaysOverflow(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  return overflow;
};

const savedSandbox = (page) => page.evaluate(() => localStorage.getItem("brokerlab.sandbox.v1"));

export const tests = [
  {
    name: "share: kill a broker, share, and a fresh browser opens the link at the same moment with the same leaders",
    run: async ({ page, context, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await showTables(page);
      await page.getByRole("slider", { name: "Speed" }).fill("1");
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent !== "0:00.000",
      );
      const before = await leaderOf(page, 0);
      await show(page, "Picture");
      await page.getByRole("button", { name: `Kill broker ${before}` }).click();
      await showTables(page);
      // The controller fences it after broker.session.timeout.ms and elects another leader.
      for (let i = 0; (await leaderOf(page, 0)) === before; i++) {
        assert.ok(i < 150, "no new leader of orders-0 within 15 s");
        await page.waitForTimeout(100);
      }
      await page.getByRole("button", { name: "Pause" }).click();
      const time = await clock(page);
      const table = await topicsTable(page);

      await page.getByRole("button", { name: "Share…" }).click();
      const dialog = page.getByRole("dialog", { name: "Share this run" });
      const linkBox = dialog.getByRole("textbox", { name: "Link" });
      await linkBox.waitFor();
      const link = await linkBox.inputValue();
      assert.match(link, /#v1\.[A-Za-z0-9_-]+$/);
      const snippet = await dialog.getByRole("textbox", { name: /Embed in a page/ }).inputValue();
      assert.match(snippet, /^<iframe src="[^"]+\?embed#v1\.[A-Za-z0-9_-]+"/);
      await screenshot("share-dialog-1280");
      await phoneShot(page, "share-dialog-390");
      // The file with the user's commands: the kill joins the scenario's timeline.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        dialog.getByRole("button", { name: "Export with your commands" }).click(),
      ]);
      const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
      assert.ok(
        exported.timeline.some((e) => e.do === "killBroker" && e.broker === Number(before)),
        `the exported timeline holds the kill: ${JSON.stringify(exported.timeline)}`,
      );
      await dialog.getByRole("status").filter({ hasText: "Exported with your command" }).waitFor();
      await dialog.getByRole("button", { name: "Close" }).click();

      const fresh = await freshPage(context);
      try {
        await fresh.page.goto(link);
        await showTables(fresh.page);
        await fresh.page.getByRole("table", { name: "Topics" }).waitFor();
        assert.equal(await clock(fresh.page), time);
        assert.equal(await topicsTable(fresh.page), table);
        await show(fresh.page, "Picture");
        await fresh.page
          .getByRole("region", { name: `Broker ${before}` })
          .getByRole("button", { name: `Restart broker ${before}` })
          .waitFor();
        await fresh.page.getByRole("button", { name: "Play" }).waitFor(); // it was paused
        await fresh.page.screenshot({
          path: "test-results/screenshots/share-opened-link.png",
          fullPage: true,
        });
        assert.deepEqual(fresh.problems, []);
      } finally {
        await fresh.close();
      }
    },
  },
  {
    name: "share: a broken link says what is wrong and offers a way on; the autosaved sandbox stays intact",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "Kill broker 3" }).click();
      await page.waitForFunction(() => localStorage.getItem("brokerlab.sandbox.v1") !== null);
      const sandbox = await savedSandbox(page);

      // A reload restores the sandbox.
      await page.reload();
      await page.getByRole("button", { name: "Restart broker 3" }).waitFor();

      const good = fragmentOf({
        scenario: defaultScenario,
        commands: [],
        time: 5000,
        playing: false,
      });
      const broken = [
        [good.slice(0, good.length - 12), /cut short|damaged/],
        ["hello-there", /not a Brokerlab share link/],
        ["v7.AAAA", /newer Brokerlab/],
        [
          fragmentOf({
            scenario: {
              ...defaultScenario,
              topics: [{ ...defaultScenario.topics[0], replicationFactor: 5 }],
            },
            commands: [],
            time: 0,
            playing: false,
          }),
          /replicationFactor: 5 is larger than the number of brokers \(3\)/,
        ],
      ];
      for (const [fragment, message] of broken) {
        await page.goto("about:blank");
        await page.goto(`${baseUrl}#${fragment}`);
        const alert = page.getByRole("alert").filter({ hasText: message });
        await alert.waitFor();
        await alert.getByRole("button", { name: "Open the default scenario" }).waitFor();
        // The sandbox is on screen, as it was, and its saved copy is untouched.
        await page.getByRole("button", { name: "Restart broker 3" }).waitFor();
        if (fragment === broken[3][0]) {
          await screenshot("share-broken-link-1280");
          await phoneShot(page, "share-broken-link-390");
        }
        await page.waitForTimeout(1200); // past the autosave's quiet second
        assert.equal(await savedSandbox(page), sandbox);
      }
      // The way on: the default scenario, fresh.
      await page.getByRole("button", { name: "Open the default scenario" }).click();
      await page.getByRole("button", { name: "Kill broker 3" }).waitFor();
      assert.equal(await page.getByRole("alert").count(), 0);
    },
  },
  {
    name: "share: a good link is shown without replacing the sandbox until the user acts in it",
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "Kill broker 2" }).click();
      await page.waitForFunction(() => localStorage.getItem("brokerlab.sandbox.v1") !== null);
      const sandbox = await savedSandbox(page);
      const link = fragmentOf({
        scenario: defaultScenario,
        commands: [{ at: 2000, do: "killBroker", broker: 1 }],
        time: 9000,
        playing: false,
      });
      await page.goto("about:blank");
      await page.goto(`${baseUrl}#${link}`);
      await page.getByRole("status").filter({ hasText: "shared run" }).waitFor();
      assert.equal(await clock(page), "0:09.000");
      await page.getByRole("button", { name: "Restart broker 1" }).waitFor();
      await page.waitForTimeout(1200);
      assert.equal(await savedSandbox(page), sandbox);
      // Back to the sandbox, as it was.
      await page.getByRole("button", { name: "Back to my sandbox" }).click();
      await page.getByRole("button", { name: "Restart broker 2" }).waitFor();
      await page.getByRole("button", { name: "Kill broker 1" }).waitFor();
      // Open the link again and act in it: now it is the sandbox.
      await page.goto("about:blank");
      await page.goto(`${baseUrl}#${link}`);
      await page.getByRole("button", { name: "Kill broker 3" }).click();
      await page.waitForFunction(
        (old) => localStorage.getItem("brokerlab.sandbox.v1") !== old,
        sandbox,
      );
      assert.equal(new URL(page.url()).hash, "");
    },
  },
  {
    name: "share: a link far into virtual time replays with its progress shown, and can be stopped",
    run: async ({ page, baseUrl, screenshot }) => {
      const at = (time) =>
        fragmentOf({
          scenario: defaultScenario,
          commands: [{ at: 2000, do: "killBroker", broker: 1 }],
          time,
          playing: false,
        });
      await page.goto(`${baseUrl}#${at(30 * 60 * 1000)}`);
      await page
        .getByRole("status")
        .filter({ hasText: "Opening the shared run: replaying" })
        .waitFor();
      await page.getByRole("progressbar", { name: "Replay" }).waitFor();
      await screenshot("share-replaying");
      await page
        .getByLabel("Virtual time")
        .filter({ hasText: "30:00.000" })
        .waitFor({ timeout: 20000 });
      await page.getByRole("button", { name: "Restart broker 1" }).waitFor();

      await page.goto("about:blank");
      await page.goto(`${baseUrl}#${at(24 * 60 * 60 * 1000)}`);
      await page.getByRole("button", { name: "Stop and open the default scenario" }).click();
      await page.getByRole("status").filter({ hasText: "was stopped" }).waitFor();
      await page.getByRole("button", { name: "Kill broker 1" }).waitFor();
      assert.equal(await clock(page), "0:00.000");
    },
  },
  {
    name: "share: import a scenario file, a malformed one keeps the current run and shows the validator's lines",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      const picker = page.getByLabel("Open scenario file");
      const four = { ...defaultScenario, name: "Four brokers", brokers: 4 };
      await picker.setInputFiles({
        name: "four.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(four)),
      });
      await page.getByRole("region", { name: "Broker 4" }).waitFor();
      assert.match(await page.getByRole("combobox", { name: "Scenario" }).inputValue(), /custom/);

      const bad = {
        ...four,
        topics: [
          {
            ...defaultScenario.topics[0],
            replicationFactor: 5,
            config: { "min.insync.replica": 2 },
          },
        ],
      };
      await picker.setInputFiles({
        name: "bad.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(bad)),
      });
      const alert = page.getByRole("alert").filter({ hasText: "bad.json" });
      await alert
        .getByText(/replicationFactor: 5 is larger than the number of brokers \(4\)/)
        .waitFor();
      await alert.getByText(/did you mean "min\.insync\.replicas"/).waitFor();
      await page.getByRole("region", { name: "Broker 4" }).waitFor();
      await screenshot("share-import-malformed");

      await picker.setInputFiles({
        name: "junk.json",
        mimeType: "application/json",
        buffer: Buffer.from("{ not json"),
      });
      await page
        .getByRole("alert")
        .filter({ hasText: "junk.json" })
        .getByText(/not valid JSON/)
        .waitFor();

      // Drag and drop: the same path as the picker.
      const five = JSON.stringify({ ...defaultScenario, name: "Five brokers", brokers: 5 });
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], "five.json", { type: "application/json" }));
        for (const type of ["dragenter", "dragover", "drop"])
          window.dispatchEvent(
            new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
          );
      }, five);
      await page.getByRole("region", { name: "Broker 5" }).waitFor();
    },
  },
  {
    name: "share: the builder shows problems beside the fields and opens a valid scenario",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "New scenario…" }).click();
      const dialog = page.getByRole("dialog", { name: "New scenario" });
      await dialog.getByLabel("Scenario name").fill("Five and a group");
      await dialog.getByLabel("Brokers", { exact: true }).fill("5");
      const topic = dialog.getByRole("group", { name: "Topic 1" });
      await topic.getByLabel("Replication factor").fill("6");
      await topic.getByText(/6 is larger than the number of brokers \(5\)/).waitFor();
      assert.equal(
        await topic.getByLabel("Replication factor").getAttribute("aria-invalid"),
        "true",
      );
      await screenshot("share-builder-error-1280");
      assert.equal(await phoneShot(page, "share-builder-error-390"), 0);
      await topic.getByLabel("Replication factor").fill("3");
      await dialog.getByRole("button", { name: "Add consumer group" }).click();
      await dialog
        .getByRole("group", { name: "Group 1" })
        .getByLabel("Assignor")
        .selectOption("cooperative-sticky");
      await dialog.getByText("The scenario is valid.").waitFor();
      await dialog.getByRole("button", { name: "Open in simulator" }).click();
      await page.getByRole("region", { name: "Broker 5" }).waitFor();
      await page
        .getByRole("table", { name: "Consumer groups" })
        .getByText("billing")
        .first()
        .waitFor();
      assert.equal(await dialog.count(), 0);
      await screenshot("share-builder-opened");
    },
  },
  {
    name: "share: the dialogs work from the keyboard: Enter opens, typing stays in the form, Escape closes and the focus returns",
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      const share = page.getByRole("button", { name: "Share…" });
      await share.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Share this run" });
      await dialog.getByRole("textbox", { name: "Link" }).waitFor();
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      assert.equal(await share.evaluate((b) => b === document.activeElement), true);

      await page.getByRole("button", { name: "New scenario…" }).click();
      const builder = page.getByRole("dialog", { name: "New scenario" });
      const brokers = builder.getByLabel("Brokers", { exact: true });
      await brokers.focus();
      await page.keyboard.press("Control+A");
      // Digits are the presenter's broker hotkeys outside a dialog; here they are typed.
      await page.keyboard.type("2");
      assert.equal(await brokers.inputValue(), "2");
      await builder
        .getByText(/3 is larger than the number of brokers \(2\)/)
        .first()
        .waitFor();
      await page.keyboard.press("Escape");
      await builder.waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Kill broker 2" }).waitFor();
    },
  },
  {
    name: "share: embed mode shows the simulator and its play controls without the page's chrome",
    run: async ({ page, baseUrl, screenshot }) => {
      const link = fragmentOf({
        scenario: defaultScenario,
        commands: [{ at: 2000, do: "killBroker", broker: 1 }],
        time: 9000,
        playing: false,
      });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?embed#${link}`);
      await page.getByRole("button", { name: "Restart broker 1" }).waitFor();
      await page.getByRole("button", { name: "Play" }).waitFor();
      assert.equal(await clock(page), "0:09.000");
      assert.equal(await page.getByRole("heading", { level: 1, name: "Brokerlab" }).count(), 0);
      assert.equal(await page.getByRole("combobox", { name: "Scenario" }).count(), 0);
      assert.equal(await page.getByRole("button", { name: "Share…" }).count(), 0);
      assert.equal(await page.getByRole("button", { name: "Presenter mode" }).count(), 0);
      await page.getByRole("link", { name: "Open in Brokerlab" }).waitFor();
      // An embed is a view, not the user's work: it never writes the sandbox.
      await page.getByRole("button", { name: "Kill broker 2" }).click();
      await page.waitForTimeout(1200);
      assert.equal(await savedSandbox(page), null);
      await screenshot("share-embed-1280");
      await phoneShot(page, "share-embed-390");
    },
  },
];
