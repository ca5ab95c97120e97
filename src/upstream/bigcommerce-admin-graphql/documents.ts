/**
 * The documents this gateway sends to Admin GraphQL. The client sends only registered documents, so every one of
 * them is validated against the store's schema at boot (`checkDocuments`) and watched for drift while running.
 */

export interface AdminGraphqlDocument {
  /** The operation name it is sent with, e.g. `GatewayNodes`. */
  readonly operationName: string;
  /**
   * Every text the gateway may send under this name: one for a fixed document, one per shape for a document built
   * per request (the products page with or without inventory and variants).
   */
  readonly texts: readonly string[];
  /**
   * Texts under this name may also carry fields of the store's own schema that a client selected (the catalog
   * fields riding in the products page call): those parts were validated against a schema built from the store's,
   * so only the registered texts are checked at boot. @default false
   */
  readonly extendedPerRequest?: boolean;
}

export interface AdminGraphqlRegistry {
  /** The documents the client may send; any other text is refused before it is sent. */
  readonly documents: readonly AdminGraphqlDocument[];
  /**
   * Read before a registered document is sent: may throw (e.g. `RemoteFieldUnavailableError` when the store no
   * longer has a field the document needs), so that nothing broken is sent. @default sends everything
   */
  readonly beforeSend?: (operationName: string, text: string) => void;
  /**
   * Told of the messages of an answer the store refused in GraphQL validation (`Cannot query field ...`), before
   * the call fails; the client waits for it (e.g. a fresh read of the store's schema). @default nothing
   */
  readonly onRefused?: (operationName: string, messages: readonly string[]) => Promise<void> | void;
}

/** Thrown when code sends a document that is not in the registry: register it where the registry is built. */
export class UnregisteredDocumentError extends Error {
  constructor(operationName: string) {
    super(
      `Admin GraphQL document "${operationName}" is not registered: add it to the registry (src/gateway/upstream-documents.ts) so it is validated against the store's schema`,
    );
    this.name = 'UnregisteredDocumentError';
  }
}

const textSets = new WeakMap<
  AdminGraphqlRegistry,
  ReadonlyMap<string, { readonly texts: ReadonlySet<string>; readonly extended: boolean }>
>();

/** Whether `text` is one of the texts registered under `operationName`. */
export function isRegistered(registry: AdminGraphqlRegistry, operationName: string, text: string): boolean {
  let sets = textSets.get(registry);
  if (sets === undefined) {
    sets = new Map(
      registry.documents.map((document) => [
        document.operationName,
        { texts: new Set(document.texts), extended: document.extendedPerRequest === true },
      ]),
    );
    textSets.set(registry, sets);
  }
  const entry = sets.get(operationName);
  return entry !== undefined && (entry.extended || entry.texts.has(text));
}

/** Every (operation name, text) pair of the registry. */
export function registeredTexts(
  registry: Pick<AdminGraphqlRegistry, 'documents'>,
): { readonly operationName: string; readonly text: string }[] {
  return registry.documents.flatMap((document) =>
    document.texts.map((text) => ({ operationName: document.operationName, text })),
  );
}
