import type { Notice, NoticeAction } from "./currentRun.ts";

const ACTION_LABEL: Record<NoticeAction, string> = {
  sandbox: "Back to my sandbox",
  default: "Open the default scenario",
};

/** A problem (or a note) about what the page opened, with the ways on. */
export function NoticeBanner({
  notice,
  onAction,
  onDismiss,
}: {
  notice: Notice;
  onAction: (action: NoticeAction) => void;
  onDismiss: () => void;
}) {
  return (
    <div
      role={notice.tone === "error" ? "alert" : "status"}
      className={`notice notice-${notice.tone}`}
    >
      <p className="notice-message">{notice.message}</p>
      {notice.details.length > 0 && (
        <ul className="notice-details" aria-label="Problems found">
          {notice.details.map((d, i) => (
            <li key={i}>
              <code>{d}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="notice-actions">
        {notice.actions.map((a) => (
          <button key={a} type="button" onClick={() => onAction(a)}>
            {ACTION_LABEL[a]}
          </button>
        ))}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
