import { useSim } from "../SimContext.tsx";

/** Where the audit panel is mounted (Simulator.tsx gives its wrapper this id). */
export const AUDIT_ANCHOR = "audit";

/** Brings the audit into view and moves the focus there, so the next Tab continues from it. */
export function showAudit(): void {
  const target = document.getElementById(AUDIT_ANCHOR);
  if (!target) return;
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/** One click to the audit, with the count of lost records that it explains. */
export function AuditLink() {
  const lost = useSim((s) => s.run.state.audit.lost.length);
  return (
    <a
      href={`#${AUDIT_ANCHOR}`}
      className={lost > 0 ? "audit-link alarm" : "audit-link"}
      onClick={(e) => {
        e.preventDefault();
        showAudit();
      }}
    >
      {lost > 0 ? (
        <>
          <span aria-hidden="true">⚠ </span>
          {lost} lost: see why in the audit
        </>
      ) : (
        "Audit"
      )}
    </a>
  );
}
