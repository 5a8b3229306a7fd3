import { explainPlanIssue } from '@seats/core';
import type { MemberInput, ReconcileRequest } from '@seats/core/contract';
import type { MemberKey, SeatsAdmin } from './create-seats-admin';
import { problemOf } from './create-seats-handler';
import { ProblemError } from './problem-error';
import { randomId } from './random-id';
import { readJsonBody } from './read-json-body';
import { json } from './route-context';
import { AdminInputError, SeatsAdminError } from './seats-admin-error';

export interface SeatsAdminHandlerOptions {
  admin: SeatsAdmin;
  /**
   * Whether the request may use the admin API: the host's own check (a shared secret in the
   * `Authorization` header, a network it trusts...). A refusal answers 401 `unauthenticated` when
   * the request carries no `Authorization` header, else 403 `forbidden`. Never let the widgets'
   * users reach it.
   */
  authorize: (request: Request) => boolean | Promise<boolean>;
  /** Where the handler is mounted; routes live at `${basePath}/admin/v1/...`. @default '' */
  basePath?: string;
  /** A reconcile of 100,000 users is about 15 MB. @default 16 MiB */
  maxBodyBytes?: number;
}

type Params = { account: string; pool: string; member: string };
type AdminRoute = (input: {
  request: Request;
  url: URL;
  params: Params;
  body: () => Promise<unknown>;
}) => Promise<Response>;

const anyBody = { safeParse: (value: unknown) => ({ success: true as const, data: value }) };

/**
 * The admin API over HTTP, for hosts whose servers are not written in JavaScript:
 * `/admin/v1/accounts/...`, answered as the contract's `AdminAccount`, `UpsertMemberResult`,
 * `ReconcileResult`..., errors as problem documents (400 `validation_failed` naming each field).
 * Mount it where only the host's servers reach it.
 */
export function createSeatsAdminHandler(
  options: SeatsAdminHandlerOptions,
): (request: Request) => Promise<Response> {
  const { admin } = options;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const maxBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;

  const memberKey = (url: URL, member: string): MemberKey =>
    url.searchParams.get('by') === 'externalId' ? { externalId: member } : { id: member };
  const found = <T>(value: T | null, what: string): T => {
    if (value === null) throw new ProblemError(404, 'not_found', { detail: `No such ${what}.` });
    return value;
  };

  const routes: { path: string[]; methods: Record<string, AdminRoute> }[] = [
    {
      path: ['accounts'],
      methods: {
        POST: async ({ body }) => json(await admin.createAccount((await body()) as never), 201),
      },
    },
    {
      path: ['accounts', ':account'],
      methods: {
        GET: async ({ params }) => {
          const account = await admin.getAccount(params.account);
          if (account === null) throw new ProblemError(404, 'account_not_found');
          return json(account);
        },
        PATCH: async ({ params, body }) =>
          json(await admin.updateAccount(params.account, (await body()) as never)),
        DELETE: async ({ params }) => {
          if (!(await admin.deleteAccount(params.account)))
            throw new ProblemError(404, 'account_not_found');
          return new Response(null, { status: 204 });
        },
      },
    },
    {
      path: ['accounts', ':account', 'pools'],
      methods: {
        POST: async ({ params, body }) =>
          json(await admin.addPool(params.account, (await body()) as never), 201),
      },
    },
    {
      path: ['accounts', ':account', 'pools', ':pool'],
      methods: {
        PATCH: async ({ params, body }) =>
          json(await admin.updatePool(params.account, params.pool, (await body()) as never)),
        DELETE: async ({ params }) => json(await admin.removePool(params.account, params.pool)),
      },
    },
    {
      path: ['accounts', ':account', 'pools', ':pool', 'purchased'],
      methods: {
        PUT: async ({ params, body }) =>
          json(await admin.setPurchased(params.account, params.pool, (await body()) as never)),
      },
    },
    {
      path: ['accounts', ':account', 'members'],
      methods: {
        POST: async ({ params, body }) => {
          const result = await admin.upsertMember(params.account, (await body()) as MemberInput);
          return json(result, result.outcome === 'created' ? 201 : 200);
        },
      },
    },
    {
      path: ['accounts', ':account', 'members', ':member'],
      methods: {
        GET: async ({ url, params }) =>
          json(
            found(await admin.getMember(params.account, memberKey(url, params.member)), 'member'),
          ),
        DELETE: async ({ url, params }) => {
          if (!(await admin.removeMember(params.account, memberKey(url, params.member))))
            throw new ProblemError(404, 'not_found', { detail: 'No such member.' });
          return new Response(null, { status: 204 });
        },
      },
    },
    {
      path: ['accounts', ':account', 'reconcile'],
      methods: {
        POST: async ({ params, body }) => {
          const raw = await body();
          if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
            throw new AdminInputError([
              { field: '', code: 'invalid_type', message: 'Send an object with `users`.' },
            ]);
          }
          const { users, ...rest } = raw as ReconcileRequest;
          return json(await admin.reconcile(params.account, users, rest));
        },
      },
    },
  ];

  function match(segments: string[]) {
    for (const route of routes) {
      if (route.path.length !== segments.length) continue;
      const params: Params = { account: '', pool: '', member: '' };
      const matches = route.path.every((part, index) => {
        const segment = segments[index] as string;
        if (!part.startsWith(':')) return part === segment;
        params[part.slice(1) as keyof Params] = segment;
        return segment.length > 0 && segment.length <= 128 && !segment.includes('\u0000');
      });
      if (matches) return { route, params };
    }
    return null;
  }

  async function handle(request: Request): Promise<Response> {
    // Before anything else, so that a refused caller learns nothing, not even which paths exist.
    if (!(await options.authorize(request))) {
      throw request.headers.has('authorization')
        ? new ProblemError(403, 'forbidden', {
            detail: 'These credentials may not use the admin API.',
          })
        : new ProblemError(401, 'unauthenticated', { detail: 'The admin API needs credentials.' });
    }
    const url = new URL(request.url);
    const prefix = `${basePath}/admin/v1/`;
    const matched = url.pathname.startsWith(prefix)
      ? match(url.pathname.slice(prefix.length).split('/').map(decodeSegment))
      : null;
    if (matched === null)
      throw new ProblemError(404, 'not_found', { detail: `No resource at ${url.pathname}.` });
    const route = matched.route.methods[request.method];
    if (route === undefined) {
      throw new ProblemError(405, 'method_not_allowed', {
        headers: { allow: Object.keys(matched.route.methods).join(', ') },
      });
    }
    return route({
      request,
      url,
      params: matched.params,
      body: () => readJsonBody(request, anyBody, { maxBytes }),
    });
  }

  return async (request) => {
    const requestId = randomId('req');
    let response: Response;
    try {
      response = await handle(request);
    } catch (error) {
      response = adminProblemOf(error, requestId).toResponse(
        requestId,
        new URL(request.url).pathname,
      );
    }
    response.headers.set('x-request-id', requestId);
    return response;
  };
}

function adminProblemOf(error: unknown, requestId: string): ProblemError {
  if (error instanceof AdminInputError) {
    return new ProblemError(400, 'validation_failed', {
      detail: error.message,
      errors: error.errors,
    });
  }
  if (error instanceof SeatsAdminError) {
    switch (error.code) {
      case 'account_not_found':
        return new ProblemError(404, 'account_not_found', { detail: error.message });
      case 'member_not_found':
      case 'pool_not_found':
        return new ProblemError(404, 'not_found', { detail: error.message });
      case 'no_licence_available':
        return new ProblemError(409, 'no_licence_available', {
          detail: error.message,
          ...(error.decision === undefined ? {} : { decision: error.decision }),
        });
      case 'plan_invalid':
        return new ProblemError(422, 'plan_invalid', {
          detail: error.message,
          errors: (error.issues ?? []).map((issue) => ({
            field: issue.field,
            code: issue.code,
            message: explainPlanIssue(issue),
          })),
        });
      case 'account_exists':
      case 'pool_in_use':
        return new ProblemError(409, error.code, { detail: error.message });
      default:
        return new ProblemError(409, 'conflict', { detail: error.message });
    }
  }
  return problemOf(error, requestId);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '\u0000';
  }
}
