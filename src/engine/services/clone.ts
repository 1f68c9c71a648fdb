// A checkpoint copy of a services state. The state is plain JSON-safe data and small next to a
// Kafka cluster's logs, so a JSON round trip is the whole copy.

import type { ServicesState } from "./types.ts";

export function cloneServicesState(state: ServicesState): ServicesState {
  return JSON.parse(JSON.stringify(state)) as ServicesState;
}
