/**
 * The command line runs its libraries in production mode unless `NODE_ENV` says otherwise, as `npm start` does.
 * It matters to graphql-js: outside production, every `isObjectType`, `isNonNullType`, ... test that fails also
 * looks for a copy of graphql-js from another realm, several times per field executed (a few milliseconds per
 * 13,000-field catalog page). Nothing of the gateway's own behaviour depends on `NODE_ENV`.
 *
 * cli.ts imports this module first: graphql-js reads `NODE_ENV` once, when it is loaded.
 */
process.env['NODE_ENV'] ??= 'production';

export {};
