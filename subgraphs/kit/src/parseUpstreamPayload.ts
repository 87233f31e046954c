import type { z } from 'zod';
import { UpstreamError } from './upstream/upstreamErrors.js';

/**
 * Checks an upstream payload against a zod schema (in `mapping.ts`): a payload without the expected shape is
 * `UPSTREAM_ERROR` (reason `malformed`). The zod issues go to `cause` for logs; they never reach the client,
 * since they may quote upstream values.
 */
export function parseUpstreamPayload<S extends z.ZodType>(
  upstream: string,
  schema: S,
  payload: unknown,
): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  throw new UpstreamError({ upstream, reason: 'malformed', cause: result.error });
}
