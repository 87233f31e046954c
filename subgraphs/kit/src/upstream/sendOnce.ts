import type { Pool } from 'undici';
import { UpstreamError } from './upstreamErrors.js';

export interface RawResponse {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface SendOnceOptions {
  upstream: string;
  method: string;
  path: string;
  body: string | undefined;
  headers: Record<string, string>;
  timeoutMs: number;
  maxResponseBytes: number;
  signal: AbortSignal | undefined;
}

/** undici error codes that mean the upstream could not be reached or dropped the connection. */
const connectCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause && cause !== error ? errorCode(cause) : undefined;
}

function classify(error: unknown, upstream: string): UpstreamError | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (connectCodes.has(code)) return new UpstreamError({ upstream, reason: 'connect', cause: error });
  if (resetCodes.has(code)) return new UpstreamError({ upstream, reason: 'reset', cause: error });
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new UpstreamError({ upstream, reason: 'timeout', cause: error });
  }
  return undefined;
}

function headerString(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * One attempt: send, read the whole body within `timeoutMs`, translate transport failures into `UpstreamError`.
 * The caller's own abort is rethrown as is (it is not the upstream's fault).
 */
export async function sendOnce(pool: Pool, options: SendOnceOptions): Promise<RawResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCallerAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onCallerAbort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await pool.request({
      method: options.method as 'GET',
      path: options.path,
      headers: options.headers,
      body: options.body,
      signal: controller.signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > options.maxResponseBytes) {
        response.body.destroy();
        throw new UpstreamError({
          upstream: options.upstream,
          reason: 'malformed',
          status: response.statusCode,
        });
      }
      chunks.push(chunk);
    }
    return {
      status: response.statusCode,
      contentType: headerString(response.headers['content-type']),
      headers: response.headers,
      text: Buffer.concat(chunks).toString('utf8'),
    };
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    if (timedOut) throw new UpstreamError({ upstream: options.upstream, reason: 'timeout', cause: error });
    if (options.signal?.aborted) throw error;
    throw (
      classify(error, options.upstream) ??
      new UpstreamError({ upstream: options.upstream, reason: 'reset', cause: error })
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}
