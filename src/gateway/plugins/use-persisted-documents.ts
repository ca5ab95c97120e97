import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError, Kind, parse, print, visit, type FieldNode, type SelectionSetNode } from 'graphql';
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

/** The parameters of one GraphQL request, as any transport delivers them. */
export interface PersistedParams {
  readonly query?: string | null | undefined;
  readonly documentId?: unknown;
  readonly extensions?: Record<string, unknown> | null | undefined;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * The text with `__typename` in every selection set but the operation's root (as Apollo Client's cache adds it), so
 * that answers to persisted documents normalise in Apollo's InMemoryCache.
 */
export function withTypenames(text: string): string {
  const roots = new Set<SelectionSetNode>();
  const document = parse(text, { noLocation: true });
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION) roots.add(definition.selectionSet);
  return print(
    visit(document, {
      SelectionSet(node) {
        if (roots.has(node)) return undefined;
        const has = node.selections.some(
          (selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename',
        );
        return has ? undefined : { ...node, selections: [...node.selections, TYPENAME] };
      },
    }),
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function refuse(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

export interface PersistedDocuments extends Plugin {
  /**
   * Turns a request's parameters into the ones to run: `documentId` (or Apollo's
   * `extensions.persistedQuery.sha256Hash`) becomes the document's text; with `only`, a request carrying its own
   * text is accepted only when that text (or its sha256) is in the manifest. Throws a GraphQLError otherwise.
   * graphql-ws subscriptions, which bypass yoga's request parsing, go through it too.
   */
  resolve<P extends PersistedParams>(params: P): P;
}

/**
 * Lets clients send `{"documentId": "<id>", "variables": ...}` for the documents in `operations/` over POST, GET,
 * SSE and graphql-ws, accepts Apollo Client's persisted-query link (`extensions.persistedQuery.sha256Hash`, the
 * manifest lists Apollo's ids too), and, with `only`, refuses every other document: the gateway then runs exactly
 * what frontend teams shipped. A persisted document runs with `__typename` added everywhere.
 */
export function usePersistedDocuments(options: PersistedDocumentsOptions = {}): PersistedDocuments {
  const texts = new Map(Object.entries(options.documents ?? loadPersistedDocuments()));
  const executable = new Map<string, string>();
  /** Known text (as sent by clients) -> the text to run. */
  const byText = new Map<string, string>();
  for (const [id, text] of texts) {
    const run = withTypenames(text);
    executable.set(id, run);
    byText.set(text, run);
  }

  const resolve = <P extends PersistedParams>(params: P): P => {
    const { documentId } = params;
    if (typeof documentId === 'string') {
      const query = executable.get(documentId.replace(/^sha(1|256):/, ''));
      if (query === undefined)
        throw refuse(`Unknown documentId "${documentId}"`, 'PERSISTED_DOCUMENT_NOT_FOUND', 400);
      return { ...params, query };
    }
    const persistedQuery = params.extensions?.['persistedQuery'];
    const hash =
      typeof persistedQuery === 'object' && persistedQuery !== null
        ? (persistedQuery as { sha256Hash?: unknown }).sha256Hash
        : undefined;
    const text = typeof params.query === 'string' && params.query !== '' ? params.query : undefined;
    if (typeof hash === 'string' && text === undefined) {
      const query = executable.get(hash);
      // Apollo's link answers this message by sending the full text with the hash.
      if (query === undefined) throw refuse('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND', 200);
      return { ...params, query };
    }
    if (text === undefined || options.only !== true) return params;
    const query = byText.get(text) ?? executable.get(sha256(text));
    if (query === undefined)
      throw refuse(
        'This gateway only runs persisted documents: send a documentId from the manifest (or a document whose sha256 it lists)',
        'PERSISTED_DOCUMENT_REQUIRED',
        400,
      );
    return { ...params, query };
  };

  return {
    resolve,
    onParams({ params, request, setParams }) {
      // yoga's GET parser keeps only the standard parameters; `documentId` is read from the URL here.
      let documentId = (params as { documentId?: unknown }).documentId;
      if (documentId === undefined && request.method === 'GET')
        documentId = new URL(request.url).searchParams.get('documentId') ?? undefined;
      const given = { ...params, ...(documentId === undefined ? {} : { documentId }) } as PersistedParams;
      if (options.only === true && given.documentId === undefined && given.query === undefined) {
        const persistedQuery = given.extensions?.['persistedQuery'];
        if (persistedQuery === undefined)
          throw refuse(
            'This gateway only runs persisted documents: send a documentId from the manifest',
            'PERSISTED_DOCUMENT_REQUIRED',
            400,
          );
      }
      const resolved = resolve(given);
      if (resolved !== given && typeof resolved.query === 'string')
        setParams({ ...params, query: resolved.query });
    },
  };
}
