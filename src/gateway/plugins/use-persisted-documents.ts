import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The manifest codegen writes from `operations/`: document id -> document text. */
export const PERSISTED_MANIFEST = new URL(
  '../../../src/__generated__/operations/persisted-documents.json',
  import.meta.url,
);

export interface PersistedDocumentsOptions {
  /** Document id -> text. @default the manifest generated from operations/ */
  readonly documents?: Readonly<Record<string, string>>;
  /** Refuse requests that send their own `query` instead of a known `documentId`. @default false */
  readonly only?: boolean;
}

export function loadPersistedDocuments(): Record<string, string> {
  const manifest: unknown = JSON.parse(readFileSync(PERSISTED_MANIFEST, 'utf8'));
  if (typeof manifest !== 'object' || manifest === null)
    throw new Error('the persisted-document manifest is not an object');
  const documents: Record<string, string> = {};
  for (const [id, text] of Object.entries(manifest)) {
    if (typeof text === 'string') documents[id] = text;
  }
  return documents;
}

/**
 * Lets clients send `{"documentId": "<id>", "variables": ...}` for the documents in `operations/`, and, with
 * `only`, refuses every other document: the gateway then runs exactly what frontend teams shipped.
 */
export function usePersistedDocuments(options: PersistedDocumentsOptions = {}): Plugin {
  const documents = new Map(Object.entries(options.documents ?? loadPersistedDocuments()));
  const known = new Set(documents.values());
  return {
    onParams({ params, setParams }) {
      const documentId = (params as { documentId?: unknown }).documentId;
      if (typeof documentId === 'string') {
        const query = documents.get(documentId.replace(/^sha1:/, ''));
        if (query === undefined) {
          throw new GraphQLError(`Unknown documentId "${documentId}"`, {
            extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND', http: { status: 400 } },
          });
        }
        setParams({ ...params, query });
        return;
      }
      if (options.only === true && (typeof params.query !== 'string' || !known.has(params.query))) {
        throw new GraphQLError(
          'This gateway only runs persisted documents: send a documentId from the manifest',
          {
            extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', http: { status: 400 } },
          },
        );
      }
    },
  };
}
