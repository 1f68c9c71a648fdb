import { useEffect, useId, useRef, useState } from "react";
import {
  runFileText,
  scenarioFileText,
  shareLinkFor,
  type Scenario,
  type SimStoreApi,
} from "../../store/index.ts";
import { copyText, downloadText, fileNameFor } from "./download.ts";
import { formatTime } from "../format.ts";

type LinkState =
  { kind: "working" } | { kind: "ready"; fragment: string } | { kind: "failed"; message: string };

/** The address of this page without its query and fragment: where a link opens. */
const pageAddress = (): string => `${window.location.origin}${window.location.pathname}`;

export function embedSnippet(fragment: string): string {
  return `<iframe src="${pageAddress()}?embed#${fragment}" title="Brokerlab simulation" width="960" height="640" style="border:0" loading="lazy"></iframe>`;
}

/**
 * The share dialog: a link to this very moment of the run, the snippet that embeds it in a
 * page, and the scenario as a JSON file. Opened as a modal <dialog> (focus moves in, Escape
 * closes it, focus returns to the Share button).
 */
export function ShareDialog({
  scenario,
  store,
  onClose,
}: {
  scenario: Scenario;
  store: SimStoreApi;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [link, setLink] = useState<LinkState>({ kind: "working" });
  const [copied, setCopied] = useState("");
  const titleId = useId();
  const s = store.getState();
  const moment = formatTime(s.run.state.time);
  const commands = s.run.commands.length;
  const playing = s.playing;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    let live = true;
    void shareLinkFor(scenario, store).then((r) => {
      if (live)
        setLink(
          r.ok ? { kind: "ready", fragment: r.fragment } : { kind: "failed", message: r.message },
        );
    });
    return () => {
      live = false;
    };
  }, [scenario, store]);

  const copy = async (what: string, text: string): Promise<void> => {
    const ok = await copyText(text);
    setCopied(
      ok
        ? `${what} copied.`
        : `This browser did not allow copying: select the ${what.toLowerCase()} and press Ctrl+C.`,
    );
  };

  const url = link.kind === "ready" ? `${pageAddress()}#${link.fragment}` : "";
  const snippet = link.kind === "ready" ? embedSnippet(link.fragment) : "";

  return (
    <dialog ref={ref} className="modal share-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="modal-head">
        <h2 id={titleId}>Share this run</h2>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <p>
        The link holds the scenario “{scenario.name}”,{" "}
        {commands === 1 ? "your 1 command" : `your ${commands} commands`} and this moment ({moment},{" "}
        {playing ? "playing" : "paused"}). Whoever opens it sees exactly this. It travels after the
        “#”, so no server ever receives it.
      </p>
      {link.kind === "working" && <p role="status">Making the link…</p>}
      {link.kind === "failed" && (
        <p role="alert" className="notice notice-error">
          {link.message}
        </p>
      )}
      {link.kind === "ready" && (
        <>
          <label className="share-field">
            <span>Link</span>
            <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="share-meta muted">{url.length.toLocaleString("en")} characters</p>
          <div className="share-buttons">
            <button type="button" className="primary" onClick={() => void copy("Link", url)}>
              Copy link
            </button>
          </div>
          <label className="share-field">
            <span>Embed in a page (slides, a course page)</span>
            <textarea readOnly rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div className="share-buttons">
            <button type="button" onClick={() => void copy("Snippet", snippet)}>
              Copy embed snippet
            </button>
          </div>
        </>
      )}
      <p role="status" className="share-copied">
        {copied}
      </p>
      <h3>The scenario as a file</h3>
      <p className="muted">
        The cluster, topics, producers, groups and timeline as JSON: open it later with “Open
        scenario file”, or run it with <code>npm run sim</code>.
        {commands > 0 &&
          " With your commands, they join its timeline at their times (a link replays the run exactly; a file runs them as scheduled entries)."}
      </p>
      <div className="share-buttons">
        <button
          type="button"
          onClick={() => downloadText(fileNameFor(scenario.name), scenarioFileText(scenario))}
        >
          Export scenario JSON
        </button>
        {commands > 0 && (
          <button
            type="button"
            onClick={() => {
              const r = runFileText(scenario, store);
              if (r.ok) {
                downloadText(fileNameFor(`${scenario.name} with my commands`), r.text);
                setCopied(
                  `Exported with your ${r.added === 1 ? "command" : `${r.added} commands`}.`,
                );
              } else setCopied(r.message);
            }}
          >
            Export with your commands
          </button>
        )}
      </div>
    </dialog>
  );
}
