/* global URL, console */
// Adds to the persisted-document manifest the ids Apollo Client's persisted-query link sends: the sha256 of
// Apollo's own printing of each document with `__typename` added (what InMemoryCache sends). Run by
// `npm run codegen` after graphql-codegen; existing ids are kept as they are, ids are only added.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { addTypenameToDocument, print } = require('@apollo/client/utilities');

const DOCUMENTS = new URL('../src/__generated__/operations/graphql.ts', import.meta.url);
const MANIFEST = new URL('../src/__generated__/operations/persisted-documents.json', import.meta.url);

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const pattern = /^export const \w+Document = (\{.*\}) as unknown as /gm;
const source = readFileSync(DOCUMENTS, 'utf8');
let added = 0;
for (const match of source.matchAll(pattern)) {
  const document = JSON.parse(match[1]);
  delete document.__meta__;
  const text = print(addTypenameToDocument(document));
  const id = createHash('sha256').update(text).digest('hex');
  if (manifest[id] === undefined) added += 1;
  manifest[id] = text;
}
writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2));
console.log(`persisted-documents.json: ${added} Apollo persisted-query ids added`);
