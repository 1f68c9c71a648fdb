import type { ToastMessage } from "./useToast.ts";
import "./presenter.css";

/** The live region stays mounted, so a screen reader announces each new message. */
export function Toast({ toast }: { toast: ToastMessage | null }) {
  return (
    <div className="toast-region" role="status" aria-label="Last hotkey action">
      {toast && (
        <p className="toast" key={toast.id}>
          {toast.text}
        </p>
      )}
    </div>
  );
}
