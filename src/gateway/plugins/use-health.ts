import type { Plugin } from 'graphql-yoga';

export interface HealthOptions {
  /** Read on every `/readyz`: false while the gateway drains before stopping. */
  readonly isReady: () => boolean;
  /** Detail added to both answers (e.g. Redis's state and the read-back queue), read on every call. @default none */
  readonly detail?: () => Record<string, unknown>;
  /** Liveness path. @default '/healthz' */
  readonly healthPath?: string;
  /** Readiness path. @default '/readyz' */
  readonly readyPath?: string;
}

/**
 * `GET /healthz` (the process answers: 200 `{"ok":true}`) and `GET /readyz` (200 `{"ready":true}`, or 503 with
 * `false` once a stop has begun, so load balancers stop routing here before connections close).
 */
export function useHealth(options: HealthOptions): Plugin {
  const healthPath = options.healthPath ?? '/healthz';
  const readyPath = options.readyPath ?? '/readyz';
  return {
    onRequest(payload) {
      const path = payload.url.pathname;
      if (path === healthPath) {
        payload.endResponse(Response.json({ ok: true, ...options.detail?.() }));
        return;
      }
      if (path !== readyPath) return;
      const ready = options.isReady();
      payload.endResponse(Response.json({ ready, ...options.detail?.() }, { status: ready ? 200 : 503 }));
    },
  };
}
