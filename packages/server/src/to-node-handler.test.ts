import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdentify, seedDemoAccounts } from './demo';
import { createSeatsHandler, type SeatsStore } from './index';
import { toNodeHandler } from './node';
import { createPgliteStore } from './pglite';

const account = 'total-with-terms-no-self-decrease';
const headers = `x-seats-account: ${account}\r\nx-seats-role: System Admin\r\n`;

/** Sends `raw` over a fresh socket and answers what came back before the server closed it or `ms` passed. */
function rawRequest(
  port: number,
  raw: string | Buffer,
  options: { end?: boolean; ms?: number } = {},
) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, options.ms ?? 2_000);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (isComplete(answer)) socket.destroy();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(raw, () => {
      if (options.end === true) socket.destroy();
    });
  });
}

/** Whether `answer` holds a whole response (by its Content-Length, or a chunked body's end). */
function isComplete(answer: string): boolean {
  const end = answer.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = answer.slice(0, end).toLowerCase();
  const length = /\r\ncontent-length: (\d+)/.exec(head)?.[1];
  if (length !== undefined) return answer.length - end - 4 >= Number(length);
  if (head.includes('transfer-encoding: chunked')) return answer.endsWith('0\r\n\r\n');
  return /^http\/1\.[01] (1\d\d|204|304)/.test(head);
}

function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
}

let store: SeatsStore;
let seats: (request: Request) => Promise<Response>;
const logged: unknown[] = [];

beforeAll(async () => {
  store = await createPgliteStore();
  await seedDemoAccounts(store, { now: new Date('2026-11-10T12:00:00.000Z') });
  seats = createSeatsHandler({
    store,
    identify: demoIdentify,
    basePath: '/api/seats',
    clock: () => new Date('2026-11-10T12:00:00.000Z'),
  });
}, 60_000);

afterAll(async () => {
  await store?.close();
});

describe('toNodeHandler on node:http', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer(toNodeHandler(seats, { onError: (error) => logged.push(error) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves the API with its status, headers and body', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/seats/v1/summary`, {
      headers: { 'x-seats-account': account, 'x-seats-role': 'System Admin' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect((await response.json()).account.id).toBe(account);
  });

  it('reads a streamed body and answers the created member', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/seats/v1/members`, {
      method: 'POST',
      headers: {
        'x-seats-account': account,
        'x-seats-role': 'System Admin',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'Node Adapter',
        email: 'node@example.com',
        status: 'Inactive',
        role: 'Standard User',
      }),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).name).toBe('Node Adapter');
  });

  const hostile: [string, string, (status: number) => boolean][] = [
    ['TRACE', `TRACE /api/seats/v1/summary HTTP/1.1\r\nHost: a\r\n\r\n`, (s) => s === 405],
    [
      'a Host with a space',
      `GET /api/seats/v1/summary HTTP/1.1\r\nHost: a b\r\n\r\n`,
      (s) => s === 400,
    ],
    ['a Host of "["', `GET /api/seats/v1/summary HTTP/1.1\r\nHost: [\r\n\r\n`, (s) => s === 400],
    [
      'a Host with a user',
      `GET /api/seats/v1/health HTTP/1.1\r\nHost: u@evil\r\n\r\n`,
      (s) => s === 400,
    ],
    [
      'an absolute-form target',
      `GET http://other.test/api/seats/v1/health HTTP/1.1\r\nHost: a\r\n\r\n`,
      (s) => s === 200,
    ],
    [
      'an absolute-form target of another scheme',
      `GET ftp://x/api/seats/v1/health HTTP/1.1\r\nHost: a\r\n\r\n`,
      (s) => s === 400,
    ],
    ['an asterisk-form target', `OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n`, (s) => s === 400],
    [
      'a target starting with //',
      `GET //evil.test/api/seats/v1/health HTTP/1.1\r\nHost: a\r\n\r\n`,
      (s) => s === 404,
    ],
    ['HTTP/1.0 without a Host', `GET /api/seats/v1/health HTTP/1.0\r\n\r\n`, (s) => s === 200],
    [
      'an unknown method',
      `PROPFIND /api/seats/v1/summary HTTP/1.1\r\nHost: a\r\n${headers}\r\n`,
      (s) => s === 405,
    ],
    [
      'a GET with a body',
      `GET /api/seats/v1/health HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello`,
      (s) => s === 200,
    ],
    [
      'a HEAD',
      `HEAD /api/seats/v1/health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`,
      (s) => s === 405,
    ],
    ['garbage', `\u0000\u0001 nonsense\r\n\r\n`, (s) => s === 400],
    [
      '5,000 levels of nesting',
      `POST /api/seats/v1/members HTTP/1.1\r\nHost: a\r\n${headers}Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      (s) => s === 400,
    ],
    [
      'a chunked body of 1 MB',
      `POST /api/seats/v1/members HTTP/1.1\r\nHost: a\r\n${headers}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${`${(100_000).toString(16)}\r\n${' '.repeat(100_000)}\r\n`.repeat(10)}0\r\n\r\n`,
      (s) => s === 413,
    ],
  ];

  it.each(hostile)(
    'answers %s with a 4xx (or serves it) and stays up',
    async (_title, raw, expected) => {
      const answer = await rawRequest(port, raw);
      expect(expected(statusOf(answer)), answer.slice(0, 200)).toBe(true);
      expect(server.listening).toBe(true);
      const health = await fetch(`http://127.0.0.1:${port}/api/seats/v1/health`);
      expect(health.status).toBe(200);
    },
  );

  it('closes quietly when the client aborts mid-body, and logs it as a client abort', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(String(message));
    try {
      await rawRequest(
        port,
        `POST /api/seats/v1/members HTTP/1.1\r\nHost: a\r\n${headers}Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"name":"Ada`,
        { end: true },
      );
      for (let tries = 0; tries < 40 && warnings.length === 0; tries++)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((line) => line.includes('client aborted'))).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/api/seats/v1/health`)).status).toBe(200);
  });
});

// Each test mounts the handler as the server README's snippet for its framework does.
describe('toNodeHandler in frameworks', () => {
  it('serves the API from Express, with or without a JSON body parser in front', async () => {
    const app = express();
    app.use('/api/seats', express.json(), toNodeHandler(seats));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const created = await fetch(`http://127.0.0.1:${port}/api/seats/v1/members`, {
        method: 'POST',
        headers: {
          'x-seats-account': account,
          'x-seats-role': 'System Admin',
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          name: 'Express',
          email: 'express@example.com',
          status: 'Inactive',
          role: 'Standard User',
        }),
      });
      expect(created.status).toBe(201);
      const trace = await rawRequest(
        port,
        `TRACE /api/seats/v1/summary HTTP/1.1\r\nHost: a b\r\n\r\n`,
      );
      expect(statusOf(trace)).toBe(405);
      expect((await fetch(`http://127.0.0.1:${port}/api/seats/v1/health`)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('serves the API from Hono, which takes the fetch handler as it is', async () => {
    const app = new Hono();
    app.all('/api/seats/*', (c) => seats(c.req.raw));
    const created = await app.request('/api/seats/v1/members', {
      method: 'POST',
      headers: {
        'x-seats-account': account,
        'x-seats-role': 'System Admin',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'Hono',
        email: 'hono@example.com',
        status: 'Inactive',
        role: 'Standard User',
      }),
    });
    expect(created.status).toBe(201);
    expect((await app.request('/api/seats/v1/health')).status).toBe(200);
  });

  it('serves the API from Fastify, its body left for the kit to read', async () => {
    const app = Fastify();
    const handle = toNodeHandler(seats);
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
      scope.all('/api/seats/*', async (request, reply) => {
        reply.hijack();
        await handle(request.raw, reply.raw);
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    try {
      const created = await fetch(`http://127.0.0.1:${port}/api/seats/v1/members`, {
        method: 'POST',
        headers: {
          'x-seats-account': account,
          'x-seats-role': 'System Admin',
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          name: 'Fastify',
          email: 'fastify@example.com',
          status: 'Inactive',
          role: 'Standard User',
        }),
      });
      expect(created.status).toBe(201);
      const deep = await fetch(`http://127.0.0.1:${port}/api/seats/v1/members`, {
        method: 'POST',
        headers: {
          'x-seats-account': account,
          'x-seats-role': 'System Admin',
          'content-type': 'application/json',
        },
        body: `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`,
      });
      expect(deep.status).toBe(400);
      expect((await fetch(`http://127.0.0.1:${port}/api/seats/v1/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
