import { Counter, Gauge, type Registry } from 'prom-client';
import { CONNECTOR_STATES, type ConnectorHealth } from '../../shared/connectors';
import type { HealthListener } from './health';

/**
 * The connectors' Prometheus metrics, in the server's registry: state (1 for the current one) and the time of the
 * last success, on every server (from the store where another server runs the connectors); observations accepted
 * and refused, and errors by kind, counted by the server that runs them.
 */
export function connectorMetrics(registry: Registry, list: () => Promise<ConnectorHealth[]>): HealthListener {
  new Gauge({
    name: 'ioc_connector_state',
    help: 'A connector state: 1 for the state it is in, 0 for the others',
    labelNames: ['connector', 'kind', 'state'],
    registers: [registry],
    async collect() {
      const connectors = await list();
      this.reset();
      for (const c of connectors) {
        for (const state of CONNECTOR_STATES) {
          this.set({ connector: c.id, kind: c.kind, state }, c.state === state ? 1 : 0);
        }
      }
    },
  });
  new Gauge({
    name: 'ioc_connector_last_success_timestamp_seconds',
    help: 'When a connector last worked (Unix time); absent until it has',
    labelNames: ['connector'],
    registers: [registry],
    async collect() {
      const connectors = await list();
      this.reset();
      for (const c of connectors) if (c.lastSuccessAt !== null) this.set({ connector: c.id }, c.lastSuccessAt / 1000);
    },
  });
  const observations = new Counter({
    name: 'ioc_connector_observations_total',
    help: 'Observations a connector got accepted or refused',
    labelNames: ['connector', 'result'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'ioc_connector_errors_total',
    help: 'Failed connector attempts, by the kind of error',
    labelNames: ['connector', 'kind'],
    registers: [registry],
  });
  return {
    observations: (connector, result, n) => observations.inc({ connector, result }, n),
    error: (connector, kind) => errors.inc({ connector, kind }),
  };
}
