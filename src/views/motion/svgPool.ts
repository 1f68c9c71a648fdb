// Keyed SVG elements reused from one frame to the next: each frame marks what it draws, and
// whatever was not drawn again is removed. The overlay changes every animation frame, so it
// is updated here directly instead of through React renders of the whole picture.

const SVG = "http://www.w3.org/2000/svg";

export interface SvgPool {
  begin: () => void;
  get: <K extends keyof SVGElementTagNameMap>(key: string, tag: K) => SVGElementTagNameMap[K];
  end: () => void;
  clear: () => void;
}

export function createPool(group: SVGGElement): SvgPool {
  const live = new Map<string, SVGElement>();
  let seen = new Set<string>();
  return {
    begin: () => {
      seen = new Set();
    },
    get: (key, tag) => {
      const id = `${tag}|${key}`;
      let el = live.get(id);
      if (!el) {
        el = document.createElementNS(SVG, tag);
        group.appendChild(el);
        live.set(id, el);
      }
      seen.add(id);
      return el as never;
    },
    end: () => {
      for (const [id, el] of live)
        if (!seen.has(id)) {
          el.remove();
          live.delete(id);
        }
    },
    clear: () => {
      for (const el of live.values()) el.remove();
      live.clear();
    },
  };
}

/** Sets an attribute only when it changed: most of a frame's elements stay where they were. */
export function attr(el: Element, name: string, value: string | number): void {
  const v = String(value);
  if (el.getAttribute(name) !== v) el.setAttribute(name, v);
}
