// Cluster settings the fault chapters share: failures noticed within seconds, not the
// production defaults, so a class sees the controller and the ISR react while it watches.

export const FAST_FAILURES = {
  "broker.session.timeout.ms": 6000,
  "replica.lag.time.max.ms": 10000,
};
