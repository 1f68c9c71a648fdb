// Where a step's highlight is on the page: the one place that knows how the simulator's parts
// are named (regions and lists by their accessible names, tables by their captions), so a
// change of layout is mended here. For each target the candidates are tried in order (the
// picture first, then the panels and tables) and the first one on screen is outlined; a target
// that is nowhere on screen is simply not outlined.

import {
  servicesSideIndex,
  type Highlight,
  type ServicesPreset,
  type SimState,
} from "../../store/index.ts";

type Find = (root: HTMLElement) => Element[];

const visible = (e: Element): boolean => {
  const r = e.getBoundingClientRect();
  return r.width > 2 && r.height > 2;
};

const all =
  (selector: string): Find =>
  (root) => [...root.querySelectorAll(selector)];

function byCaption(caption: string): Find {
  return (root) =>
    [...root.querySelectorAll("table")].filter((t) => t.caption?.textContent?.trim() === caption);
}

function tableRows(caption: string, match: (cells: string[]) => boolean): Find {
  return (root) =>
    byCaption(caption)(root).flatMap((t) =>
      [...t.querySelectorAll("tbody tr")].filter((tr) =>
        match([...tr.children].map((td) => td.textContent?.trim() ?? "")),
      ),
    );
}

const quoted = (s: string): string => JSON.stringify(s);

/** The first candidate with something visible, all of its visible elements. */
function firstVisible(root: HTMLElement, candidates: Find[]): Element[] {
  for (const find of candidates) {
    const found = find(root).filter(visible);
    if (found.length > 0) return found;
  }
  return [];
}

const brokerCard = (id: number): Find[] => [
  (root) => all(`section[aria-label=${quoted(`Broker ${id}`)}]`)(root).slice(0, 1),
];

const PANELS: Record<string, Find[]> = {
  cluster: [all('section[aria-label="Cluster"]')],
  topics: [byCaption("Topics")],
  groups: [
    all('[aria-label="Consumer groups in the picture"]'),
    all('section[aria-label="Consumers"]'),
    byCaption("Consumer groups"),
  ],
  producers: [
    all('[aria-label="Producers in the picture"]'),
    all('section[aria-label="Producers"]'),
  ],
  audit: [all('section[aria-label="Audit"]')],
  events: [all('section[aria-label="Events"]')],
  controls: [all('[aria-label="Time controls"]')],
  timeline: [all('[aria-label="Timeline"]')],
};

const SERVICES_PANELS: Record<string, Find[]> = {
  figures: [all(".side .figures")],
  charts: [all('section[aria-label="Over time"]')],
  controls: [all('[aria-label="Situation and time"]')],
  faults: [all('[aria-label="Break something (both sides)"]')],
};

/** What is running: the Kafka simulator's state, or the services comparison's situation. */
export type HighlightContext = { sim: SimState } | { preset: ServicesPreset };

function servicesElements(root: HTMLElement, h: Highlight, preset: ServicesPreset): Element[] {
  if ("side" in h) {
    const side = servicesSideIndex(preset, h.side);
    return side.ok ? firstVisible(root, [all(`section.side-${side.index}`)]) : [];
  }
  if ("receiver" in h) return firstVisible(root, [all(`[data-receiver=${quoted(h.receiver)}]`)]);
  if ("servicesPanel" in h) return firstVisible(root, SERVICES_PANELS[h.servicesPanel] ?? []);
  return [];
}

/** The elements a highlight points at, given what runs (the state, for "the leader of"). */
export function highlightElements(
  root: HTMLElement,
  h: Highlight,
  context: HighlightContext,
): Element[] {
  if ("preset" in context) return servicesElements(root, h, context.preset);
  const state = context.sim;
  if ("broker" in h) return firstVisible(root, brokerCard(h.broker));
  if ("leaderOf" in h) {
    const leader = state.topics[h.leaderOf.topic]?.partitions[h.leaderOf.partition]?.leader ?? -1;
    return leader >= 0 ? firstVisible(root, brokerCard(leader)) : [];
  }
  if ("partition" in h) {
    const name = `${h.partition.topic}-${h.partition.partition}`;
    return firstVisible(root, [
      // One replica per broker card: each copy of the partition.
      all(`li[aria-label^=${quoted(`${name}:`)}]`),
      tableRows(
        "Topics",
        (c) => c[0] === h.partition.topic && c[1] === String(h.partition.partition),
      ),
    ]);
  }
  if ("producer" in h)
    return firstVisible(root, [
      (r) =>
        all('[aria-label="Producers in the picture"] > li')(r).filter((li) =>
          li.textContent?.trim().startsWith(h.producer),
        ),
      all(`section[aria-label=${quoted(`Producer ${h.producer}`)}]`),
    ]).slice(0, 1);
  if ("group" in h)
    return firstVisible(root, [
      (r) =>
        all(`[aria-label=${quoted(`Members of ${h.group}`)}]`)(r).map(
          (ul) => ul.parentElement ?? ul,
        ),
      all(`section[aria-label=${quoted(`Consumer group ${h.group}`)}]`),
      tableRows("Consumer groups", (c) => c[0] === h.group),
    ]).slice(0, 1);
  if ("panel" in h) return firstVisible(root, PANELS[h.panel] ?? []).slice(0, 1);
  return [];
}
