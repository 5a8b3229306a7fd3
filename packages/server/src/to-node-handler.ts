import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { randomId } from './random-id';

/** A standard fetch handler, such as `createSeatsHandler` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A `node:http` request listener; also an Express middleware (it never calls `next`). */
export type NodeHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

export interface NodeHandlerOptions {
  /**
   * Called with what went wrong when a response could not be written (the client left, the
   * socket broke). The request is then closed quietly; the process never sees an exception.
   * @default () => {}
   */
  onError?: (error: unknown) => void;
}

// Methods `new Request` refuses outright (fetch's forbidden methods).
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const hostPattern = /^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The fetch handler as a `node:http` request listener, for `http.createServer`, Express
 * (`app.use(toNodeHandler(seats))`) and Fastify (see the README). A malformed request (a method
 * fetch refuses, a bad `Host`, an unusable target, an aborted body) answers a 4xx problem or is
 * closed quietly; the returned promise never rejects and nothing is thrown to the server.
 */
export function toNodeHandler(
  handler: FetchHandler,
  options: NodeHandlerOptions = {},
): NodeHandler {
  const onError = options.onError ?? (() => {});
  return async (incoming, outgoing) => {
    // An error event with no listener would end the process.
    incoming.on('error', onError);
    outgoing.on('error', onError);
    try {
      const request = toRequest(incoming, outgoing);
      const response = 'status' in request ? refusal(request) : await handler(request.value);
      await send(incoming, outgoing, response);
    } catch (error) {
      onError(error);
      if (!outgoing.headersSent && !outgoing.destroyed) {
        await send(
          incoming,
          outgoing,
          refusal({ status: 500, code: 'internal_error', detail: 'The request failed.' }),
        ).catch(onError);
      } else outgoing.destroy();
    }
  };
}

interface Refusal {
  status: number;
  code: 'method_not_allowed' | 'validation_failed' | 'internal_error';
  detail: string;
  headers?: Record<string, string>;
}

function refusal({ status, code, detail, headers = {} }: Refusal): Response {
  const title =
    code === 'method_not_allowed'
      ? 'Method not allowed'
      : code === 'validation_failed'
        ? 'Invalid request'
        : 'Internal error';
  const body = {
    type: `https://seats.dev/problems/${code.replaceAll('_', '-')}`,
    title,
    status,
    detail,
    code,
    requestId: randomId('req'),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', connection: 'close', ...headers },
  });
}

/** The request as a fetch `Request`, or why it cannot be one. */
function toRequest(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): { value: Request } | Refusal {
  const method = incoming.method ?? 'GET';
  if (forbiddenMethods.has(method.toUpperCase())) {
    return {
      status: 405,
      code: 'method_not_allowed',
      detail: `${method} is not served here.`,
      headers: { allow: 'GET, POST, PATCH, DELETE' },
    };
  }
  const url = requestUrl(incoming);
  if (typeof url === 'string') return { status: 400, code: 'validation_failed', detail: url };

  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index] as string;
    // HTTP/2 pseudo-headers (`:path`) are not headers of the request.
    if (name.startsWith(':')) continue;
    try {
      headers.append(name, raw[index + 1] as string);
    } catch {
      return { status: 400, code: 'validation_failed', detail: `The ${name} header is not valid.` };
    }
  }

  const controller = new AbortController();
  // The client left before the answer was written: abort what is still being read.
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  const hasBody = method !== 'GET' && method !== 'HEAD';
  try {
    return {
      value: new Request(url, {
        method,
        headers,
        signal: controller.signal,
        ...(hasBody ? { body: bodyOf(incoming), duplex: 'half' } : {}),
      } as RequestInit),
    };
  } catch {
    return { status: 400, code: 'validation_failed', detail: 'The request is not valid.' };
  }
}

/** The body: the stream itself, or what a framework's body parser already read from it. */
function bodyOf(incoming: IncomingMessage): BodyInit | ReadableStream<Uint8Array> {
  const parsed = (incoming as IncomingMessage & { body?: unknown }).body;
  if (parsed !== undefined && incoming.readableEnded) {
    if (typeof parsed === 'string' || parsed instanceof Uint8Array) return parsed as BodyInit;
    return JSON.stringify(parsed);
  }
  return Readable.toWeb(incoming) as ReadableStream<Uint8Array>;
}

/** The absolute URL of the request, or why it has none. */
function requestUrl(incoming: IncomingMessage): URL | string {
  // Express rewrites `url` below a mount path and keeps the whole one in `originalUrl`.
  const target =
    (incoming as IncomingMessage & { originalUrl?: string }).originalUrl ?? incoming.url ?? '/';
  const encrypted = (incoming.socket as { encrypted?: boolean } | null)?.encrypted === true;
  const scheme = encrypted ? 'https' : 'http';
  if (target.startsWith('/')) {
    const host = incoming.headers.host ?? (incoming.headers[':authority'] as string | undefined);
    if (host !== undefined && !hostPattern.test(host)) return 'The Host header is not valid.';
    try {
      // Joined as text: resolving `//evil/x` against a base would make `evil` the host.
      return new URL(`${scheme}://${host ?? 'localhost'}${target}`);
    } catch {
      return 'The request target is not valid.';
    }
  }
  // Absolute form (`GET http://host/path`), as sent to proxies: its authority stands for Host.
  try {
    const absolute = new URL(target);
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:')
      return 'The request target is not valid.';
    if (!hostPattern.test(absolute.host)) return 'The request target is not valid.';
    return absolute;
  } catch {
    return 'The request target is not valid.';
  }
}

/** Writes the response, streaming its body with backpressure; stops when the client leaves. */
async function send(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  response: Response,
): Promise<void> {
  if (outgoing.headersSent || outgoing.destroyed) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  outgoing.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  }
  if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies);
  // A body left unread on a refused request would be taken for the next request on the socket.
  if (!incoming.readableEnded && response.headers.get('connection') === 'close')
    outgoing.shouldKeepAlive = false;
  if (response.body === null || incoming.method === 'HEAD') {
    await response.body?.cancel().catch(() => {});
    outgoing.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (outgoing.destroyed) {
        await reader.cancel().catch(() => {});
        return;
      }
      if (!outgoing.write(value)) await drained(outgoing);
    }
    outgoing.end();
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
}

function drained(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      outgoing.off('drain', done);
      outgoing.off('close', done);
      resolve();
    };
    outgoing.on('drain', done);
    outgoing.on('close', done);
  });
}
