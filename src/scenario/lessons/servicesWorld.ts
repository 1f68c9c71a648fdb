// What a services lesson's steps may refer to: the situation running at that step (a step may
// switch to another), its sides, its services and receivers (including those a step adds).

import { SERVICES_PRESETS, type ServicesPreset } from "../../engine/index.ts";
import type { ServicesSideRef } from "./schema.ts";

export const SIDE_REFS: ServicesSideRef[] = ["direct", "broker", "push", "pull"];

export interface ServicesWorld {
  preset: ServicesPreset;
  services: string[];
  receivers: string[];
}

export function findServicesPreset(id: string): ServicesPreset | undefined {
  return SERVICES_PRESETS.find((p) => p.id === id);
}

export const servicesPresetIds = (): string[] => SERVICES_PRESETS.map((p) => p.id);

export function servicesWorldOf(preset: ServicesPreset): ServicesWorld {
  const services = preset.spec.services.map((s) => s.id);
  const receivers = preset.spec.services.flatMap((s) =>
    Array.from({ length: s.instances }, (_, i) => `${s.id}-${i + 1}`),
  );
  return { preset, services, receivers };
}

/** The sides a reference fits: "direct" calls directly; "broker", "push", "pull" go through one. */
function fitting(preset: ServicesPreset, ref: ServicesSideRef): (0 | 1)[] {
  return preset.sides.flatMap((side, i) => {
    const delivery = side.delivery ?? preset.spec.broker.delivery;
    const match =
      ref === "direct"
        ? side.mode === "direct"
        : side.mode === "broker" && (ref === "broker" || ref === delivery);
    return match ? [i as 0 | 1] : [];
  });
}

/** The index of the side a reference names in a situation, or why it names none. */
export function servicesSideIndex(
  preset: ServicesPreset,
  ref: ServicesSideRef,
): { ok: true; index: 0 | 1 } | { ok: false; message: string } {
  const fits = fitting(preset, ref);
  if (fits.length === 1) return { ok: true, index: fits[0]! };
  const usable = SIDE_REFS.filter((r) => fitting(preset, r).length === 1).map((r) => `"${r}"`);
  const which = `"${preset.id}" (${preset.sides.map((s) => s.label).join(" / ")})`;
  const what = fits.length === 0 ? `has no "${ref}" side` : `has two sides that fit "${ref}"`;
  return { ok: false, message: `the situation ${which} ${what}; use ${usable.join(" or ")}` };
}
