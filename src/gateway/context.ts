import type { AdjustmentCoalescer } from './adjustment-coalescer.js';
import type { Viewer } from './auth/viewer.js';
import type { LiveServices } from './events/live.js';
import type { Loaders, Upstream } from './loaders.js';
import type { UpstreamBudget } from './upstream-budget.js';

/** What every resolver receives. Built per request (per subscription event for events). */
export interface GatewayContext {
  readonly upstream: Upstream;
  /** Fresh for each request: batching and caching never cross requests. */
  readonly loaders: Loaders;
  /** Process-wide, so that adjustments from different requests can share upstream calls. */
  readonly coalescer: AdjustmentCoalescer;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /** Events, webhooks and subscription bookkeeping. */
  readonly live: LiveServices;
  /** The authenticated client (anonymous with every scope when authentication is off). */
  readonly viewer: Viewer;
  /** The upstream calls this operation may still make, and its deadline; `upstream` counts against it. */
  readonly budget: UpstreamBudget;
  /** A context with fresh loaders (and the same viewer), for executing one subscription event. */
  readonly forEvent: () => GatewayContext;
}
