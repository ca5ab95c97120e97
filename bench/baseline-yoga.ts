import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

/**
 * The CPU baseline: a bare graphql-yoga server answering the bench's small query shape from memory, with no
 * upstream, loaders or plugins. Prints its URL; `GET /cpu` reports its CPU time.
 */
const product = {
  name: 'Bench product 1000',
  sku: 'LG-1000',
  inventory: {
    availableToSell: 42,
    onHand: 45,
    qtyBackordered: 3,
    backorderLimit: 30,
    availability: 'AVAILABLE',
  },
};
const yoga = createYoga({
  schema: createSchema({
    typeDefs: `
      type Inventory { availableToSell: Int! onHand: Int! qtyBackordered: Int! backorderLimit: Int availability: String! }
      type Product { name: String! sku: String! inventory: Inventory }
      type Query { product(entityId: Int!): Product }
    `,
    resolvers: { Query: { product: () => product } },
  }),
  logging: false,
  graphiql: false,
  landingPage: false,
});
const server = createServer((request, response) => {
  if (request.url === '/cpu') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(process.cpuUsage()));
    return;
  }
  yoga.requestListener(request, response);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
