import { useId, useRef, useState } from "react";
import type { ProgressStoreApi } from "../../store/index.ts";

/** Export the progress to a file, or import one; a bad file says why and changes nothing. */
export function ProgressFile({ progress }: { progress: ProgressStoreApi }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const exportFile = (): void => {
    const blob = new Blob([progress.getState().exportText()], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "brokerlab-progress.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
    setMessage({ ok: true, text: "Progress saved to brokerlab-progress.json." });
  };

  const importFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    if (file.size > 1_000_000) {
      setMessage({
        ok: false,
        text: `“${file.name}” is ${file.size} bytes: too large for a progress file. Nothing was changed.`,
      });
      return;
    }
    const read = progress.getState().importText(await file.text());
    setMessage(
      read.ok
        ? { ok: true, text: `Progress loaded from “${file.name}”.` }
        : { ok: false, text: `${read.message} Your progress was not changed.` },
    );
    if (input.current) input.current.value = "";
  };

  return (
    <div className="progress-file">
      <button type="button" onClick={exportFile}>
        Export progress
      </button>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden-input"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      <label htmlFor={inputId} className="file-button">
        Import progress
      </label>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "muted" : "error-banner"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
