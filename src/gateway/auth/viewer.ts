/** The scopes a client can hold. Schema directives and API key configuration may only name these. */
export const KNOWN_SCOPES = [
  'inventory:read',
  'inventory:write',
  'orders:read',
  'orders:write',
  'events:subscribe',
  'gateway:admin',
] as const;

export type Scope = (typeof KNOWN_SCOPES)[number];

export function isKnownScope(value: string): value is Scope {
  return (KNOWN_SCOPES as readonly string[]).includes(value);
}

/** The client a request runs for (`context.viewer`). */
export interface Viewer {
  /** `anonymous` only when authentication is off (every scope granted). */
  readonly kind: 'anonymous' | 'jwt' | 'apiKey';
  /** The token's `sub`, or the API key's name; null for anonymous clients and tokens without `sub`. */
  readonly subject: string | null;
  /** The known scopes granted; other scopes a token carries are ignored. */
  readonly scopes: ReadonlySet<string>;
  /** The granted scopes sorted and joined with spaces: a stable key for caches and subscription hubs. */
  readonly scopeKey: string;
}

/** A viewer holding the known scopes among `granted`. */
export function createViewer(
  kind: Viewer['kind'],
  subject: string | null,
  granted: Iterable<string>,
): Viewer {
  const scopes = [...new Set(granted)].filter(isKnownScope).sort();
  return { kind, subject, scopes: new Set(scopes), scopeKey: scopes.join(' ') };
}

/** The viewer of every request when authentication is off (the demo): anonymous, with every scope. */
export const OPEN_VIEWER: Viewer = createViewer('anonymous', null, KNOWN_SCOPES);
