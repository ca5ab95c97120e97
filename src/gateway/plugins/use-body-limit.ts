import type { Plugin } from 'graphql-yoga';

export interface BodyLimitOptions {
  /** Largest accepted request body, in bytes. @default 1048576 */
  readonly maxBytes?: number;
}

function refuse(status: number, message: string): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { connection: 'close' } });
}

/**
 * Limits request bodies before anything reads them: a body must declare its length (Node then enforces it), and
 * a declared length over the limit is refused at once with 413; a body without one (chunked) gets 411.
 */
export function useBodyLimit(options: BodyLimitOptions = {}): Plugin {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  return {
    onRequest(payload) {
      const { headers } = payload.request;
      const length = headers.get('content-length');
      const hasBody = headers.has('transfer-encoding') || length !== null;
      const declared = Number(length ?? Number.NaN);
      if (hasBody && !Number.isFinite(declared)) {
        payload.endResponse(refuse(411, 'Send request bodies with a Content-Length header'));
        return;
      }
      if (declared > maxBytes) payload.endResponse(refuse(413, `Request body exceeds ${maxBytes} bytes`));
    },
  };
}
