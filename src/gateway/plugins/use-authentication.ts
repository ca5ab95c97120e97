import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import { OPEN_VIEWER, type Viewer } from '../auth/viewer.js';

/** What graphql-ws hands `onConnect` (its `Context` with the `ws` extra). */
export interface SocketConnection {
  readonly connectionParams?: Readonly<Record<string, unknown>> | undefined;
  readonly extra: { readonly socket: WebSocket; readonly request: IncomingMessage };
}

/** The authenticated client of every request, over HTTP, SSE and graphql-ws. */
export interface Authentication {
  /** False in the demo: every request runs as an anonymous viewer holding every scope. */
  readonly enabled: boolean;
  /** The viewer of an operation: from the graphql-ws connection, or from the HTTP request `useAuthentication` saw. */
  viewerOf(context: { readonly request?: Request; readonly viewer?: Viewer }): Viewer;
  /**
   * graphql-ws `onConnect`: verifies `connectionParams.authorization` (or the upgrade request's `Authorization`
   * header). Refused connections are closed with 4403; accepted ones are closed with 4403 when the token expires,
   * so that the client reconnects with a fresh one.
   */
  connect(connection: SocketConnection): Promise<boolean>;
  /**
   * Verifies an HTTP request's `Authorization` header once; throws `UNAUTHENTICATED` when it is not valid. Returns
   * nothing (no promise) when the credential was verified before and its answer is still kept.
   */
  authenticateRequest(request: Request): Promise<void> | undefined;
  /** The viewer a socket authenticated as in `connect`. */
  socketViewer(socket: WebSocket): Viewer;
  /**
   * For routes outside GraphQL (`/_gateway/stats`): null when `authorization` grants `scope` (or authentication is
   * off), otherwise the error to answer with.
   */
  authorize(authorization: string | undefined, scope: string): Promise<GraphQLError | null>;
}

/** The longest delay `setTimeout` honours. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** `authenticator` null turns authentication off. */
export function createAuthentication(authenticator: Authenticator | null): Authentication {
  const requests = new WeakMap<Request, Viewer>();
  const sockets = new WeakMap<WebSocket, Viewer>();

  function closeAtExpiry(socket: WebSocket, expiresAt: number): void {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const delay = expiresAt - Date.now();
      if (delay <= 0) {
        socket.close(4403, 'Forbidden: the token has expired');
        return;
      }
      timer = setTimeout(arm, Math.min(delay, MAX_TIMER_MS));
    };
    socket.once('close', () => clearTimeout(timer));
    arm();
  }

  return {
    enabled: authenticator !== null,
    viewerOf(context) {
      if (authenticator === null) return OPEN_VIEWER;
      const viewer =
        context.viewer ?? (context.request === undefined ? undefined : requests.get(context.request));
      // Unreachable through the pipeline (useAuthentication runs first); refuse rather than guess.
      if (viewer === undefined) throw new Error('operation without an authenticated viewer');
      return viewer;
    },
    authenticateRequest(request) {
      if (authenticator === null || requests.has(request)) return undefined;
      const authorization = request.headers.get('authorization');
      const known = authenticator.recognise(authorization);
      if (known !== undefined) {
        requests.set(request, known.viewer);
        return undefined;
      }
      return authenticator.authenticate(authorization).then(({ viewer }) => {
        requests.set(request, viewer);
      });
    },
    async connect({ connectionParams, extra }) {
      if (authenticator === null) return true;
      const param = connectionParams?.['authorization'] ?? connectionParams?.['Authorization'];
      const authorization = typeof param === 'string' ? param : extra.request.headers.authorization;
      try {
        const { viewer, expiresAt } = await authenticator.authenticate(authorization);
        sockets.set(extra.socket, viewer);
        if (expiresAt !== null) closeAtExpiry(extra.socket, expiresAt);
        return true;
      } catch (error) {
        const reason = error instanceof GraphQLError ? error.message : 'authentication failed';
        extra.socket.close(4403, `Forbidden: ${reason}`.slice(0, 120));
        return false;
      }
    },
    socketViewer(socket) {
      if (authenticator === null) return OPEN_VIEWER;
      const viewer = sockets.get(socket);
      if (viewer === undefined) throw new Error('socket without an authenticated viewer');
      return viewer;
    },
    async authorize(authorization, scope) {
      if (authenticator === null) return null;
      try {
        const { viewer } = await authenticator.authenticate(authorization);
        if (viewer.scopes.has(scope)) return null;
        return new GraphQLError(`Forbidden: this needs the scope "${scope}"`, {
          extensions: { code: 'FORBIDDEN', requiredScopes: [[scope]], http: { status: 403 } },
        });
      } catch (error) {
        if (error instanceof GraphQLError) return error;
        throw error;
      }
    },
  };
}

/**
 * Authenticates every GraphQL request over HTTP and SSE from its `Authorization` header, before its document is
 * parsed; missing or invalid credentials end it with `UNAUTHENTICATED` (401, `WWW-Authenticate: Bearer`).
 * graphql-ws connections authenticate once, in `Authentication.connect`.
 */
export function useAuthentication(authentication: Authentication): Plugin {
  if (!authentication.enabled) return {};
  return {
    onParams({ request }) {
      return authentication.authenticateRequest(request);
    },
  };
}
