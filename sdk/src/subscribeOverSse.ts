import { fromGraphQLError, type GraphQLErrorEntry } from './errors.js';
import { parseResponse, type ExecutionOutcome } from './parseResponse.js';

export interface SseSubscriptionOptions {
  /** Sends the subscription request (POST, `Accept: text/event-stream`) with the given abort signal. */
  open: (signal: AbortSignal) => Promise<Response>;
  requestIdHeader: string;
  /** Ends the subscription when aborted. */
  signal?: AbortSignal;
}

interface SseEvent {
  event: string;
  data: string;
}

/** Splits an SSE byte stream into events (WHATWG HTML §9.2 "event stream interpretation", the parts GraphQL uses). */
async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r?\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
        if (line === '') {
          if (data.length > 0 || event !== 'message') yield { event, data: data.join('\n') };
          event = 'message';
          data = [];
        } else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        // comments (`:` keep-alives), `id:` and `retry:` are not used by GraphQL over SSE
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * GraphQL over SSE, "distinct connections" mode (graphql-yoga's default): one POST per subscription, `next` events
 * carry execution results, `complete` ends it. A refusal (401, 403) arrives as an ordinary JSON answer and is yielded
 * once as an outcome with errors.
 */
export async function* subscribeOverSse<R>(
  options: SseSubscriptionOptions,
): AsyncGenerator<ExecutionOutcome<R>> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await options.open(controller.signal);
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('text/event-stream') || response.body === null) {
      yield await parseResponse<R>(response, options.requestIdHeader);
      return;
    }
    const requestId = response.headers.get(options.requestIdHeader) ?? undefined;
    const meta = { status: response.status, ...(requestId ? { requestId } : {}) };
    for await (const { event, data } of readEvents(response.body)) {
      if (event === 'complete') return;
      if (event !== 'next' && event !== 'message') continue;
      const result = JSON.parse(data) as { data?: R | null; errors?: GraphQLErrorEntry[] };
      yield {
        data: result.data ?? null,
        errors: (result.errors ?? []).map((entry) => fromGraphQLError(entry, meta)),
        ...meta,
      };
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    controller.abort(); // closes the connection when the consumer stops early
  }
}
