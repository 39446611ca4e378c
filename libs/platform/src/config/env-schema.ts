import { z } from 'zod';
import { ConfigException } from './config.exception';
import { parseByteSize } from './byte-size';

/**
 * Small zod helpers for environment variables. Each app declares one schema over the variable
 * names it reads and maps it to its typed config object; `process.env` is read only in the app's
 * own config file, which hands it to `parseEnv`.
 */
export const env = {
  string: (fallback?: string) =>
    fallback === undefined ? z.string().min(1) : z.string().min(1).default(fallback),
  optionalString: () =>
    z
      .string()
      .optional()
      .transform((v) => (v === undefined || v.trim() === '' ? undefined : v)),
  int: (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    z.coerce.number().int().min(min).max(max).default(fallback),
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  list: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .refine((items) => items.length > 0, 'must list at least one value'),
  url: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .refine((v) => URL.canParse(v), 'must be a URL'),
  /** A body or file size in Express's notation (`256kb`, `1mb`, `4096`), as a number of bytes. */
  byteSize: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .refine((v) => parseByteSize(v) !== undefined, 'must be a size like 256kb or 1mb')
      .transform((v) => parseByteSize(v)!),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

export function parseEnv<S extends z.ZodType>(
  app: string,
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigException(
    app,
    result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    ),
  );
}
