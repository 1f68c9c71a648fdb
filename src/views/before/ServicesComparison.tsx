// The comparison itself, for any page that runs one: the time controls, the two sides, the
// buttons that break something, and the charts. The "Before Kafka" page adds its situation's
// text around it; a lesson puts its steps beside it and keeps the situation picker to itself.

import type { ReactNode } from "react";
import { BeforeToolbar } from "./BeforeToolbar.tsx";
import { ComparisonCharts } from "./ComparisonCharts.tsx";
import { FaultButtons } from "./FaultButtons.tsx";
import { useServices } from "./ServicesContext.tsx";
import { SidePanel } from "./SidePanel.tsx";
import { useServicesKeys } from "./useServicesKeys.ts";
import "./before.css";

export function ServicesComparison({
  picker = true,
  children,
}: {
  /** Offer the situation picker (a lesson chooses the situation itself). */
  picker?: boolean;
  /** Shown between the toolbar and the sides (the situation's question). */
  children?: ReactNode;
}) {
  useServicesKeys();
  return (
    <>
      <BeforeToolbar picker={picker} />
      <ErrorBanner />
      {children}
      <div className="before-sides">
        <SidePanel index={0} />
        <SidePanel index={1} />
      </div>
      <FaultButtons />
      <ComparisonCharts />
    </>
  );
}

function ErrorBanner() {
  const error = useServices((s) => s.error);
  const dismiss = useServices((s) => s.dismissError);
  if (!error) return null;
  return (
    <p role="alert" className="error-banner">
      {error}{" "}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </p>
  );
}
