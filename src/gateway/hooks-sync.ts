import { createHook, listHooks, updateHook } from '../upstream/bigcommerce-rest/hooks.js';
import type { Transport } from '../upstream/transport.js';
import { HANDLED_SCOPES } from './events/inventory-events.js';

/** The header the gateway's hooks carry their secret in. */
export const WEBHOOK_SECRET_HEADER = 'x-webhook-secret';

export interface HookSyncReport {
  readonly created: string[];
  readonly reactivated: string[];
  readonly updated: string[];
  readonly unchanged: string[];
}

/**
 * Makes sure the store has one active hook per handled scope pointing at `destination` with the secret header:
 * creates what is missing, reactivates what BigCommerce deactivated, fixes a changed secret. Running it again
 * changes nothing.
 */
export async function syncHooks(
  transport: Transport,
  destination: string,
  secret: string,
): Promise<HookSyncReport> {
  const report: HookSyncReport = { created: [], reactivated: [], updated: [], unchanged: [] };
  const existing = (await listHooks(transport)).filter((hook) => hook.destination === destination);
  for (const scope of Object.values(HANDLED_SCOPES)) {
    const headers = { [WEBHOOK_SECRET_HEADER]: secret };
    const hook = existing.find((candidate) => candidate.scope === scope);
    if (hook === undefined) {
      await createHook(transport, { scope, destination, headers });
      report.created.push(scope);
    } else if (!hook.isActive) {
      await updateHook(transport, hook.id, { is_active: true, headers });
      report.reactivated.push(scope);
    } else if (hook.headers[WEBHOOK_SECRET_HEADER] !== secret) {
      await updateHook(transport, hook.id, { headers });
      report.updated.push(scope);
    } else {
      report.unchanged.push(scope);
    }
  }
  return report;
}

export function describeSync(report: HookSyncReport): string {
  const part = (label: string, scopes: readonly string[]) =>
    scopes.length === 0 ? [] : [`${label} ${scopes.length} (${scopes.join(', ')})`];
  const parts = [
    ...part('created', report.created),
    ...part('reactivated', report.reactivated),
    ...part('updated secret of', report.updated),
  ];
  return parts.length === 0
    ? `hooks: all ${report.unchanged.length} already in place`
    : `hooks: ${parts.join('; ')}; unchanged ${report.unchanged.length}`;
}
