import { it } from 'vitest';
import { startStack } from './helpers/gateway.js';
import { operation } from './helpers/operations.js';
it('dbg', async () => {
  const stack = await startStack();
  const selection = `overridesForLocale(localeContext: $locale) { basicInformation { name description } }`;
  stack.logs.length = 0;
  const page = await stack.gql(`query ($locale: CatalogLocaleContextInput!) { products(first: 50) { edges { node { entityId ${selection} } } } }`, { locale: { channelId: 'bc/store/channel/2', locale: 'fr' } });
  console.log(JSON.stringify(page.body).slice(0, 300));
  console.log(stack.logs.filter((l) => !l.includes('"debug"') || l.includes('upstream')).map((l) => l.slice(0, 400)).join('\n'));
  stack.logs.length = 0;
  const pp = await stack.gql(operation('product-page.graphql'), { entityId: 77, locale: { channelId: 'bc/store/channel/2', locale: 'fr' } });
  console.log(JSON.stringify(pp.body).slice(0, 500));
  console.log(stack.logs.filter((l) => l.includes('error')).map((l) => l.slice(0, 600)).join('\n'));
  stack.logs.length = 0;
  const n = await stack.gql(`{ nodes(ids: ["Product:77", "Product:111", "Order:100"]) { __typename id ... on Product { basicInformation { name } } } }`);
  console.log(JSON.stringify(n.body).slice(0, 500));
  console.log(stack.logs.filter((l) => l.includes('upstream')).map((l) => l.slice(0, 300)).join('\n'));
});
