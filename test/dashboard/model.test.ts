import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/dashboard/feed.js';
import {
  compareUrgency,
  isCountersValue,
  summarize,
  toRow,
  visibleRows,
  type CountersValue,
} from '../../src/dashboard/model.js';

function counters(
  sku: string,
  location: number,
  qtyBackordered: number,
  backorderLimit: number | null,
  extra: Partial<CountersValue> = {},
): CountersValue {
  return {
    eventId: '',
    initial: true,
    qtyBackordered,
    backorderLimit,
    remainingBackorderAllowance:
      backorderLimit === null ? null : Math.max(0, backorderLimit - qtyBackordered),
    availableToSell: 0,
    onHand: 0,
    level: {
      id: `InventoryLevel:${sku}@${location}`,
      sku,
      atBackorderLimit: backorderLimit !== null && backorderLimit > 0 && qtyBackordered >= backorderLimit,
      location: { entityId: location, code: `L${location}` },
    },
    ...extra,
  };
}

describe('dashboard rows', () => {
  const rows = [
    counters('UNLIMITED-BIG', 1, 40, null),
    counters('HALF', 1, 5, 10),
    counters('AT-LIMIT', 2, 20, 20),
    counters('NONE', 1, 0, 10),
    counters('MOST', 3, 9, 10),
    counters('UNLIMITED-SMALL', 2, 3, null),
    counters('LOWERED', 1, 4, 0),
  ].map(toRow);

  it('shows only items with units on backorder, at their limit first, then by the used share of the limit', () => {
    expect(visibleRows(rows, { locationId: null, sku: '' }).map((row) => row.sku)).toEqual([
      'AT-LIMIT',
      'LOWERED',
      'MOST',
      'HALF',
      'UNLIMITED-BIG',
      'UNLIMITED-SMALL',
    ]);
  });

  it('treats units on backorder beyond a limit of 0 as at the limit', () => {
    const lowered = rows.find((row) => row.sku === 'LOWERED');
    expect(lowered).toMatchObject({ atLimit: true, usedShare: 1 });
  });

  it('filters by location and by SKU text, ignoring case and surrounding spaces', () => {
    expect(visibleRows(rows, { locationId: 2, sku: '' }).map((row) => row.sku)).toEqual([
      'AT-LIMIT',
      'UNLIMITED-SMALL',
    ]);
    expect(visibleRows(rows, { locationId: null, sku: ' unlimited ' }).map((row) => row.sku)).toEqual([
      'UNLIMITED-BIG',
      'UNLIMITED-SMALL',
    ]);
    expect(visibleRows(rows, { locationId: 3, sku: 'half' })).toEqual([]);
  });

  it('orders equal urgency by units, then SKU, then location', () => {
    const [a, b, c] = [counters('B', 2, 5, 10), counters('A', 2, 5, 10), counters('A', 1, 5, 10)].map(toRow);
    if (a === undefined || b === undefined || c === undefined) throw new Error('rows missing');
    expect([a, b, c].sort(compareUrgency).map((row) => `${row.sku}@${row.locationId}`)).toEqual([
      'A@1',
      'A@2',
      'B@2',
    ]);
  });

  it('summarises what it shows', () => {
    expect(summarize(visibleRows(rows, { locationId: null, sku: '' }))).toEqual({
      items: 6,
      units: 81,
      atLimit: 2,
    });
  });

  it('accepts only payloads of the BackorderCounters shape', () => {
    expect(isCountersValue(counters('A', 1, 1, null))).toBe(true);
    expect(isCountersValue({ ...counters('A', 1, 1, null), qtyBackordered: '1' })).toBe(false);
    expect(isCountersValue({ ...counters('A', 1, 1, null), level: null })).toBe(false);
    expect(isCountersValue(null)).toBe(false);
  });
});

describe('dashboard feed failures', () => {
  it('asks for credentials when the gateway refuses them, by close code or error code', () => {
    expect(classifyFailure({ code: 4403, reason: 'Forbidden' })).toEqual({
      kind: 'unauthorized',
      reason: 'Forbidden',
    });
    expect(classifyFailure({ code: 4401, reason: '' }).kind).toBe('unauthorized');
    expect(classifyFailure([{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }])).toEqual({
      kind: 'unauthorized',
      reason: 'Token expired',
    });
    expect(classifyFailure([{ message: 'No', extensions: { code: 'FORBIDDEN' } }]).kind).toBe('unauthorized');
  });

  it('starts again from the current counters when the resume point expired', () => {
    expect(classifyFailure([{ message: 'gone', extensions: { code: 'EVENT_EXPIRED' } }]).kind).toBe(
      'expired',
    );
  });

  it('retries anything else with a reason to show', () => {
    expect(classifyFailure({ code: 1006, reason: '' })).toEqual({
      kind: 'retry',
      reason: 'Connection closed (1006)',
    });
    expect(classifyFailure({ code: 1001, reason: 'Server shutting down' }).reason).toBe(
      'Server shutting down',
    );
    expect(classifyFailure([{ message: 'Unexpected error.' }])).toEqual({
      kind: 'retry',
      reason: 'Unexpected error.',
    });
    expect(classifyFailure(new Error('socket hang up')).reason).toBe('socket hang up');
    expect(classifyFailure(undefined).kind).toBe('retry');
  });
});
