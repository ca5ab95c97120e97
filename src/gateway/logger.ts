import { currentRequestId } from './request-context.js';

/**
 * Structured log lines (JSON on stderr). Callers pass no secrets; `redact` is a last guard for known ones. A line
 * written while a request is handled carries its `requestId`.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;

export function createLogger(
  options: { level?: keyof typeof LEVELS; secrets?: readonly string[]; write?: (line: string) => void } = {},
): Logger {
  const threshold = LEVELS[options.level ?? 'info'];
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 4);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log =
    (level: keyof typeof LEVELS) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[level] < threshold) return;
      const requestId = currentRequestId();
      let line = JSON.stringify({
        time: new Date().toISOString(),
        level,
        message,
        ...(requestId === undefined ? {} : { requestId }),
        ...fields,
      });
      for (const secret of secrets) line = line.replaceAll(secret, '[redacted]');
      write(line);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything, for tests that assert on nothing logged. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
