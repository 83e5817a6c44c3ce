import type { Server } from 'socket.io';
import { z } from 'zod';
import { AlertSchema } from '../../shared/protocol';
import type { Alerting } from '../alerts/alerting';
import type { Logger } from '../logger';

/** The server-side event that carries acknowledged alerts to the other servers of a cluster. */
const ACKNOWLEDGED_EVENT = 'alerts:acknowledged';
const AcknowledgedSchema = z.array(AlertSchema);

export interface SharedAcknowledgements extends Pick<Alerting, 'acknowledge'> {
  /** Starts telling the other servers (`clustered`) and hearing from them. */
  bind(io: Server, clustered: boolean): void;
}

/**
 * Alert acknowledgements for every server: an operator acknowledges on whichever server the balancer chose, that
 * server answers from its own alert state, and the others (the writer's engine among them) acknowledge the same
 * subjects and tell their screens. Carried by socket.io's adapter, at most once: a server that misses it shows the
 * alert unacknowledged until an operator acknowledges it again.
 */
export function sharedAcknowledgements(
  alerts: Pick<Alerting, 'acknowledge' | 'acknowledgeLike'>,
  logger: Logger,
): SharedAcknowledgements {
  let tell: ((acknowledged: unknown) => void) | null = null;
  return {
    bind(io, clustered) {
      if (!clustered) return;
      tell = (acknowledged) => io.serverSideEmit(ACKNOWLEDGED_EVENT, acknowledged);
      io.on(ACKNOWLEDGED_EVENT, (raw: unknown) => {
        const acknowledged = AcknowledgedSchema.safeParse(raw);
        if (acknowledged.success) alerts.acknowledgeLike(acknowledged.data);
        else logger.warn('ignored acknowledgements from another server that are no alerts');
      });
    },
    acknowledge(ids) {
      const outcome = alerts.acknowledge(ids);
      if (outcome.ok) tell?.(outcome.alerts);
      return outcome;
    },
  };
}
