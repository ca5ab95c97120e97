import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** BigCommerce's OpenAPI specs, trimmed to the paths the emulator serves (see the README in that folder). */
const SPEC_DIR = fileURLToPath(new URL('../fixtures/openapi/', import.meta.url));

/** The spec files kept in `test/fixtures/openapi/`. */
export type SpecFile = 'inventory.v3.yml' | 'locations.v3.yml' | 'orders.v2.oas2.yml' | 'webhooks.v3.yml';

type Json = Record<string, unknown>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addFormat('string', true);

function child(node: Json, ...keys: string[]): Json {
  return keys.reduce<Json>((current, key) => {
    const next = current[key];
    if (typeof next !== 'object' || next === null) throw new Error(`spec has no ${keys.join('.')}`);
    return next as Json;
  }, node);
}

/**
 * Changes made to the specs before validation, each listed in `test/fixtures/openapi/README.md`:
 * - the backorder beta fields that the backorders guide shows and the specs predate (`qty_backordered` and
 *   `settings.backorder_limit` on inventory items, `quantity_backordered` on order products);
 * - `url` and `resource` made required on the resource-link schemas that sit in a `oneOf` beside the object they
 *   link to (`products_Resource`, `orderConsignments_Resource`, `orderFees_Resource`): no property of either
 *   branch is required, so without this every inlined object matches both branches and `oneOf` rejects it.
 */
function adjust(file: SpecFile, spec: Json): void {
  const schemas = child(spec, 'components', 'schemas');
  if (file === 'orders.v2.oas2.yml') {
    child(schemas, 'orderProducts', 'properties')['quantity_backordered'] = { type: 'integer', minimum: 0 };
    for (const link of ['products_Resource', 'orderConsignments_Resource', 'orderFees_Resource'])
      child(schemas, link)['required'] = ['url', 'resource'];
  }
  if (file === 'inventory.v3.yml') {
    const holders = [
      child(schemas, 'ItemResponse', 'properties', 'locations', 'items', 'properties'),
      child(schemas, 'LocationItemsResponse', 'properties'),
    ];
    for (const properties of holders) {
      properties['qty_backordered'] = { type: 'integer', minimum: 0 };
      child(properties, 'settings', 'properties')['backorder_limit'] = {
        type: 'integer',
        minimum: 0,
        nullable: true,
      };
    }
  }
}

const loaded = new Map<SpecFile, { id: string; spec: Json }>();

function load(file: SpecFile): { id: string; spec: Json } {
  const existing = loaded.get(file);
  if (existing !== undefined) return existing;
  const spec = parse(readFileSync(`${SPEC_DIR}${file}`, 'utf8')) as Json;
  adjust(file, spec);
  const id = `https://specs.local/${file}`;
  ajv.addSchema({ ...spec, $id: id }, id);
  const entry = { id, spec };
  loaded.set(file, entry);
  return entry;
}

const compiled = new Map<string, ValidateFunction>();

function pointer(parts: readonly string[]): string {
  return parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

function validateAt(id: string, parts: readonly string[], body: unknown): string[] {
  const key = `${id}#/${pointer(parts)}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: key });
    compiled.set(key, validate);
  }
  return validate(body)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** The response object the spec documents for (path, method, status), with its JSON pointer. */
function documentedResponse(
  file: SpecFile,
  path: string,
  method: string,
  status: number,
): { spec: Json; id: string; base: string[]; response: Json } {
  const { id, spec } = load(file);
  const operation = ((spec['paths'] as Json)[path] as Json | undefined)?.[method.toLowerCase()] as
    Json | undefined;
  if (operation === undefined) throw new Error(`${file} has no ${method} ${path}`);
  let response = (operation['responses'] as Json)[String(status)] as Json | undefined;
  if (response === undefined) throw new Error(`${file} ${method} ${path} documents no ${status}`);
  const ref = response['$ref'];
  const base =
    typeof ref === 'string'
      ? ref.slice(2).split('/')
      : ['paths', path, method.toLowerCase(), 'responses', String(status)];
  if (typeof ref === 'string') response = base.reduce<Json>((node, key) => node[key] as Json, spec);
  return { spec, id, base, response };
}

/** Whether the spec documents `status` for (path, method). */
export function documentsStatus(file: SpecFile, path: string, method: string, status: number): boolean {
  const { spec } = load(file);
  const operation = ((spec['paths'] as Json)[path] as Json | undefined)?.[method.toLowerCase()] as
    Json | undefined;
  return operation !== undefined && (operation['responses'] as Json)[String(status)] !== undefined;
}

/** The media types the spec documents for a response; empty when it documents no body. */
export function documentedMediaTypes(file: SpecFile, path: string, method: string, status: number): string[] {
  const content = documentedResponse(file, path, method, status).response['content'] as Json | undefined;
  return content === undefined ? [] : Object.keys(content);
}

/**
 * Validates a response body against the schema BigCommerce's spec gives for (path, method, status).
 * Returns the validation errors; an empty list means the body conforms.
 */
export function specErrors(
  file: SpecFile,
  path: string,
  method: string,
  status: number,
  body: unknown,
  mediaType = 'application/json',
): string[] {
  const { id, base, response } = documentedResponse(file, path, method, status);
  const content = response['content'] as Json | undefined;
  if (content?.[mediaType] === undefined)
    throw new Error(`${file} ${method} ${path} ${status} has no ${mediaType} schema`);
  return validateAt(id, [...base, 'content', mediaType, 'schema'], body);
}

/** Validates a value against one of the spec's component schemas, e.g. `ErrorResponse`. */
export function componentErrors(file: SpecFile, schema: string, body: unknown): string[] {
  const { id, spec } = load(file);
  child(spec, 'components', 'schemas', schema);
  return validateAt(id, ['components', 'schemas', schema], body);
}

/** Validates a value against the schema of one of the spec's response components, e.g. `404_Resp`. */
export function responseComponentErrors(
  file: SpecFile,
  response: string,
  body: unknown,
  mediaType = 'application/json',
): string[] {
  const { id, spec } = load(file);
  child(spec, 'components', 'responses', response, 'content', mediaType, 'schema');
  return validateAt(id, ['components', 'responses', response, 'content', mediaType, 'schema'], body);
}
