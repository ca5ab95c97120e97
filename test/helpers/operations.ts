import { readFileSync } from 'node:fs';

/** The text of an operation document in `operations/`, as frontend teams send it. */
export function operation(file: string): string {
  return readFileSync(new URL(`../../operations/${file}`, import.meta.url), 'utf8');
}
