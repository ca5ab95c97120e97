import { readFileSync, readdirSync } from 'node:fs';

/** One document of `operations/` with variables that work on the emulator's demo seed. */
export interface OperationExample {
  /** e.g. `create-order.graphql` */
  readonly file: string;
  /** The operation's name, e.g. `CreateOrder`. */
  readonly name: string;
  readonly kind: 'query' | 'mutation' | 'subscription';
  /** The document text, exactly as frontend teams send it (and as the persisted-document manifest holds it). */
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

const OPERATIONS_DIR = new URL('../../operations/', import.meta.url);
const OPERATION = /^\s*(query|mutation|subscription)\s+([A-Za-z_]\w*)/m;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every document of `operations/`, in the order of `operations/examples.json` (documents it does not list come
 * last, by file name, with no variables). `examples.json` maps a file name to its variables.
 */
export function loadOperationExamples(directory: URL = OPERATIONS_DIR): OperationExample[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  const examples: unknown = JSON.parse(readFileSync(new URL('examples.json', directory), 'utf8'));
  if (!isRecord(examples)) throw new Error('operations/examples.json must map file names to variables');
  const listed = Object.keys(examples).filter((file) => files.includes(file));
  const ordered = [...listed, ...files.filter((file) => !listed.includes(file))];
  return ordered.map((file) => {
    const query = readFileSync(new URL(file, directory), 'utf8');
    const match = OPERATION.exec(query);
    if (match === null) throw new Error(`operations/${file} has no named operation`);
    const variables = examples[file] ?? {};
    if (!isRecord(variables)) throw new Error(`operations/examples.json: "${file}" must be an object`);
    return {
      file,
      name: match[2] ?? file,
      kind: match[1] as OperationExample['kind'],
      query,
      variables,
    };
  });
}

/**
 * GraphiQL's opening tabs: one per operation, with its example variables. GraphiQL fills the variables editor of
 * the first tab from `variables` rather than from the tab itself, so they are given there too.
 */
export function graphiqlTabOptions(): {
  defaultTabs?: { query: string; variables: string }[];
  variables?: string;
} {
  let tabs;
  try {
    tabs = loadOperationExamples().map((example) => ({
      query: example.query,
      variables: JSON.stringify(example.variables, null, 2),
    }));
  } catch {
    // An installation without operations/ still serves GraphiQL, with its own default tab.
    return {};
  }
  const first = tabs[0];
  return first === undefined ? {} : { defaultTabs: tabs, variables: first.variables };
}
