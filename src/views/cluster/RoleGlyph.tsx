import type { Role } from "./replicas.ts";

/** Shape first, colour second: a star leads, a full disc is in sync, a half disc lags, a cross is down. */
export function RoleGlyph({ role, anchor }: { role: Role; anchor?: string }) {
  return (
    <svg
      className={`role-glyph glyph-${role.replace(/ /g, "-")}`}
      viewBox="-10 -10 20 20"
      aria-hidden="true"
      data-anchor={anchor}
    >
      {role === "leader" && (
        <path d="M0,-9 L2.6,-3.3 L8.6,-2.8 L4,1.3 L5.4,7.4 L0,4.2 L-5.4,7.4 L-4,1.3 L-8.6,-2.8 L-2.6,-3.3 Z" />
      )}
      {role === "in sync" && <circle r="7" />}
      {role === "out of sync" && (
        <>
          <circle r="7" className="ring" />
          <path d="M0,-7 A7,7 0 0 0 0,7 Z" />
        </>
      )}
      {role === "offline" && <path d="M-6,-6 L6,6 M6,-6 L-6,6" className="cross" />}
    </svg>
  );
}

export const ROLE_LABEL: Record<Role, string> = {
  leader: "leader",
  "in sync": "in sync",
  "out of sync": "out of sync",
  offline: "offline",
};
