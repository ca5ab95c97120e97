import { UpstreamProtocolError } from './errors.js';

/**
 * Narrowing helpers for upstream payloads: every fetched body is `unknown` until these prove its shape, and a
 * mismatch is an `UpstreamProtocolError` naming the path, never a silent cast.
 */
export class Reader {
  constructor(
    private readonly operation: string,
    private readonly parent: Reader | null = null,
    private readonly key: string | number = '$',
  ) {}

  /** The path is only spelled out when a payload is refused, so reading valid payloads stays cheap. */
  private get path(): string {
    return this.parent === null ? String(this.key) : `${this.parent.path}.${String(this.key)}`;
  }

  private fail(expected: string, value: unknown): never {
    const shown = value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 80);
    throw new UpstreamProtocolError(
      `${this.operation}: expected ${expected} at ${this.path}, got ${shown}`,
      this.operation,
    );
  }

  at(key: string | number): Reader {
    return new Reader(this.operation, this, key);
  }

  record(value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail('an object', value);
    return value as Record<string, unknown>;
  }

  array(value: unknown): unknown[] {
    if (!Array.isArray(value)) this.fail('an array', value);
    return value;
  }

  int(value: unknown): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) this.fail('an integer', value);
    return value;
  }

  nullableInt(value: unknown): number | null {
    return value === null ? null : this.int(value);
  }

  string(value: unknown): string {
    if (typeof value !== 'string') this.fail('a string', value);
    return value;
  }

  boolean(value: unknown): boolean {
    if (typeof value !== 'boolean') this.fail('a boolean', value);
    return value;
  }

  /** Reads `object[key]` with `read`, which receives a reader for that path. */
  field<T>(object: Record<string, unknown>, key: string, read: (reader: Reader, value: unknown) => T): T {
    return read(this.at(key), object[key]);
  }

  /** Reads every element of an array with `read`. */
  each<T>(value: unknown, read: (reader: Reader, element: unknown) => T): T[] {
    return this.array(value).map((element, index) => read(this.at(index), element));
  }
}
