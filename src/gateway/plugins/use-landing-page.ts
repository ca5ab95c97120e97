import type { Plugin } from 'graphql-yoga';

export interface LandingPageOptions {
  /** Links shown on the page, in order: path and what it offers. */
  readonly links: readonly { readonly path: string; readonly label: string; readonly description: string }[];
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The page served at `/`: what the gateway is and where to go (GraphiQL, the dashboard, metrics, health). */
export function landingPageHtml(options: LandingPageOptions): string {
  const items = options.links
    .map(
      (link) =>
        `<li><a href="${escape(link.path)}">${escape(link.label)}</a> <span>${escape(link.description)}</span></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>backorder-gateway</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
ul { padding: 0; list-style: none; }
li { margin: 0.75rem 0; }
a { font-weight: 600; }
span { display: block; color: #555; }
</style>
</head>
<body>
<h1>backorder-gateway</h1>
<p>One GraphQL endpoint for BigCommerce inventory and backorders.</p>
<ul>
${items}
</ul>
</body>
</html>
`;
}

/** Serves `landingPageHtml` at `/` (GET and HEAD), so that the bare address leads somewhere. */
export function useLandingPage(options: LandingPageOptions): Plugin {
  const html = landingPageHtml(options);
  return {
    onRequest(payload) {
      const { request, url } = payload;
      if (url.pathname !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      payload.endResponse(
        new Response(request.method === 'HEAD' ? null : html, {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
        }),
      );
    },
  };
}
