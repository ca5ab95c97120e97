import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * The fan-out baseline: a bare `ws` server. `POST /broadcast` sends the posted payload, serialised once, to every
 * connected socket; `GET /memory` reports its RSS.
 */
const server = createServer((request, response) => {
  if (request.url === '/memory') {
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ rssBytes: process.memoryUsage.rss(), clients: wss.clients.size }));
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const payload = Buffer.concat(chunks).toString('utf8');
    for (const socket of wss.clients) socket.send(payload);
    response.writeHead(204).end();
  });
});
const wss = new WebSocketServer({ server });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  for (const socket of wss.clients) socket.terminate();
  server.close(() => process.exit(0));
});
