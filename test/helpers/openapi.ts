import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const SPEC_DIR = fileURLToPath(new URL('../../../shared/bigcommerce-openapi/', import.meta.url));

type Json = Record<string, unknown>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addFormat('string', true);

/**
 * The backorder beta fields the seed guide shows, which BigCommerce's specs predate. They are added to the
 * schemas before validation, so that everything else in the responses is still checked against the specs.
 */
function addBetaFields(file: string, spec: Json): void {
  const schemas = (spec['components'] as Json)['schemas'] as Json;
  if (file === 'orders.v2.oas2.yml') {
    const products = schemas['orderProducts'] as Json;
    (products['properties'] as Json)['quantity_backordered'] = { type: 'integer', minimum: 0 };
  }
  if (file === 'inventory.v3.yml') {
    for (const name of ['ItemResponse', 'LocationItemsResponse']) {
      const schema = schemas[name] as Json;
      const holder =
        name === 'ItemResponse'
          ? (((schema['properties'] as Json)['locations'] as Json)['items'] as Json)
          : schema;
      const properties = holder['properties'] as Json;
      properties['qty_backordered'] = { type: 'integer', minimum: 0 };
      const settings = (properties['settings'] as Json)['properties'] as Json;
      settings['backorder_limit'] = { type: 'integer', minimum: 0, nullable: true };
    }
  }
}

const loaded = new Map<string, string>();

function load(file: string): string {
  const existing = loaded.get(file);
  if (existing !== undefined) return existing;
  const spec = parse(readFileSync(`${SPEC_DIR}${file}`, 'utf8')) as Json;
  addBetaFields(file, spec);
  const id = `https://specs.local/${file}`;
  ajv.addSchema({ ...spec, $id: id }, id);
  loaded.set(file, id);
  return id;
}

const compiled = new Map<string, ValidateFunction>();

function pointer(parts: readonly string[]): string {
  return parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

/**
 * Validates a response body against the schema BigCommerce's spec gives for (path, method, status).
 * Returns the validation errors; an empty list means the body conforms.
 */
export function specErrors(
  file: string,
  path: string,
  method: string,
  status: number,
  body: unknown,
  mediaType = 'application/json',
): string[] {
  const id = load(file);
  const spec = ajv.getSchema(id)?.schema as Json;
  const operation = ((spec['paths'] as Json)[path] as Json)[method.toLowerCase()] as Json | undefined;
  if (operation === undefined) throw new Error(`${file} has no ${method} ${path}`);
  let response = (operation['responses'] as Json)[String(status)] as Json | undefined;
  if (response === undefined) throw new Error(`${file} ${method} ${path} documents no ${status}`);
  const ref = response['$ref'];
  const base =
    typeof ref === 'string'
      ? ref.slice(2).split('/')
      : ['paths', path, method.toLowerCase(), 'responses', String(status)];
  if (typeof ref === 'string') response = base.reduce<Json>((node, key) => node[key] as Json, spec);
  const content = response['content'] as Json | undefined;
  if (content?.[mediaType] === undefined)
    throw new Error(`${file} ${method} ${path} ${status} has no ${mediaType} schema`);
  const key = `${id}#/${pointer([...base, 'content', mediaType, 'schema'])}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: key });
    compiled.set(key, validate);
  }
  return validate(body)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
