import { type ErrorCode, errorCodes, type Problem } from '@seats/core/contract';
import { describe, expect, it } from 'vitest';
import {
  AccountNotFoundError,
  ChangeInProgressError,
  ConfirmationRequiredError,
  ConflictError,
  createSeatsClient,
  ForbiddenError,
  IdempotencyKeyConflictError,
  InternalServerError,
  InvalidRequestError,
  isSeatsApiError,
  isSeatsError,
  NoLicenceAvailableError,
  NotAMemberError,
  NotCancellableError,
  NotFoundError,
  PasswordInvalidError,
  PaymentFailedError,
  PlanInvalidError,
  QuoteExpiredError,
  QuoteUsedError,
  SeatsApiError,
  SeatsError,
  SeatsNetworkError,
  SeatsValidationError,
  ServiceUnavailableError,
  SignatureInvalidError,
  StaleVersionError,
  TooManyAttemptsError,
  UnauthenticatedError,
  UnknownRoleError,
} from './index';

// These tests reach the error mapping with hand-made responses; the same errors coming from the
// real handler are covered in create-seats-client.test.ts.
function answering(response: () => Response) {
  return createSeatsClient({ baseUrl: 'https://seats.test', fetch: async () => response() });
}

function problemResponse(problem: Problem, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

const expected: Record<ErrorCode, { status: number; type: typeof SeatsApiError }> = {
  unauthenticated: { status: 401, type: UnauthenticatedError },
  forbidden: { status: 403, type: ForbiddenError },
  unknown_role: { status: 403, type: UnknownRoleError },
  not_a_member: { status: 403, type: NotAMemberError },
  not_found: { status: 404, type: NotFoundError },
  account_not_found: { status: 404, type: AccountNotFoundError },
  method_not_allowed: { status: 405, type: InvalidRequestError },
  unsupported_media_type: { status: 415, type: InvalidRequestError },
  malformed_json: { status: 400, type: InvalidRequestError },
  payload_too_large: { status: 413, type: InvalidRequestError },
  validation_failed: { status: 400, type: InvalidRequestError },
  idempotency_key_required: { status: 400, type: InvalidRequestError },
  plan_invalid: { status: 422, type: PlanInvalidError },
  no_licence_available: { status: 409, type: NoLicenceAvailableError },
  stale_version: { status: 409, type: StaleVersionError },
  conflict: { status: 409, type: ConflictError },
  account_exists: { status: 409, type: ConflictError },
  pool_in_use: { status: 409, type: ConflictError },
  quote_expired: { status: 409, type: QuoteExpiredError },
  quote_used: { status: 409, type: QuoteUsedError },
  change_in_progress: { status: 409, type: ChangeInProgressError },
  idempotency_key_conflict: { status: 409, type: IdempotencyKeyConflictError },
  confirmation_required: { status: 422, type: ConfirmationRequiredError },
  password_invalid: { status: 422, type: PasswordInvalidError },
  signature_invalid: { status: 422, type: SignatureInvalidError },
  not_cancellable: { status: 409, type: NotCancellableError },
  payment_failed: { status: 402, type: PaymentFailedError },
  too_many_attempts: { status: 429, type: TooManyAttemptsError },
  internal_error: { status: 500, type: InternalServerError },
  service_unavailable: { status: 503, type: ServiceUnavailableError },
  billing_required: { status: 500, type: InternalServerError },
};

describe('error mapping', () => {
  it.each(errorCodes)(
    'turns a `%s` problem into its typed error with code, status and request id',
    async (code) => {
      const { status, type } = expected[code];
      const problem: Problem = {
        type: `https://seats.dev/problems/${code}`,
        title: `Title of ${code}`,
        detail: `Detail of ${code}`,
        status,
        code,
        requestId: `req-${code}`,
      };
      const error = await answering(() => problemResponse(problem))
        .getSummary()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(type);
      expect((error as Error).name).toBe(type.name);
      expect(error).toBeInstanceOf(SeatsApiError);
      expect(error).toBeInstanceOf(SeatsError);
      expect(error).toMatchObject({ code, status, requestId: `req-${code}`, problem });
      expect((error as Error).message).toBe(`Detail of ${code}`);
      expect(isSeatsApiError(error, code)).toBe(true);
    },
  );

  it('names each error class as it is exported, however it is made', async () => {
    const exported: Record<string, unknown> = await import('./index');
    const classes = Object.entries(exported).filter(
      (entry): entry is [string, new (init: never) => Error] =>
        typeof entry[1] === 'function' && entry[1].prototype instanceof Error,
    );
    expect(classes).toHaveLength(27);
    for (const [name, Kind] of classes) {
      const init = { status: 500, problem: null, issues: [], body: null };
      const error = [SeatsError, SeatsNetworkError].includes(Kind as typeof SeatsError)
        ? new (Kind as typeof SeatsError)('failed')
        : new Kind(init as never);
      expect(error.name, name).toBe(name);
    }
  });

  it('carries the core decision and its remedies on `no_licence_available`', async () => {
    const decision = {
      outcome: 'needs-licence' as const,
      poolId: 'users',
      purchased: 10,
      used: 10,
      available: 0,
      shortfall: 1,
      remedies: [{ kind: 'buy' as const, poolId: 'users', quantity: 1, total: 11 }],
    };
    const error = await answering(() =>
      problemResponse({
        type: 'about:blank',
        title: 'No licence available',
        status: 409,
        code: 'no_licence_available',
        requestId: 'r1',
        decision,
      }),
    )
      .createMember({ name: 'Ada', email: 'ada@example.com', status: 'active', role: 'member' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoLicenceAvailableError);
    expect((error as NoLicenceAvailableError).decision).toEqual(decision);
  });

  it('carries the plan issues on `plan_invalid` and the field errors on `validation_failed`', async () => {
    const issues = [
      {
        field: 'total' as const,
        code: 'decrease-not-allowed' as const,
        contact: 'your Account Manager',
      },
    ];
    const planError = await answering(() =>
      problemResponse({
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        code: 'plan_invalid',
        requestId: 'r',
        issues,
      }),
    )
      .createQuote({ poolId: 'users', total: 1 })
      .catch((caught: unknown) => caught);
    expect((planError as PlanInvalidError).issues).toEqual(issues);

    const errors = [{ field: 'email', code: 'invalid_format', message: 'Not an email' }];
    const fieldError = await answering(() =>
      problemResponse({
        type: 'about:blank',
        title: 'Invalid',
        status: 400,
        code: 'validation_failed',
        requestId: 'r',
        errors,
      }),
    )
      .createMember({ name: 'Ada', email: 'nope', status: 'active', role: 'member' })
      .catch((caught: unknown) => caught);
    expect((fieldError as InvalidRequestError).fieldErrors).toEqual(errors);
  });

  it('reads how long to wait from the Retry-After header of a 503, with or without a problem document', async () => {
    const problem: Problem = {
      type: 'https://seats.dev/problems/service-unavailable',
      title: 'Service unavailable',
      status: 503,
      code: 'service_unavailable',
      requestId: 'req-503',
    };
    const unavailable = await answering(() => problemResponse(problem, { 'retry-after': '2' }))
      .getSummary()
      .catch((caught: unknown) => caught);
    expect(unavailable).toBeInstanceOf(ServiceUnavailableError);
    expect(unavailable).toMatchObject({ code: 'service_unavailable', retryAfterSeconds: 2 });

    const proxyPage = await answering(
      () =>
        new Response('<h1>Maintenance</h1>', { status: 503, headers: { 'retry-after': 'soon' } }),
    )
      .getSummary()
      .catch((caught: unknown) => caught);
    expect(proxyPage).toBeInstanceOf(ServiceUnavailableError);
    expect(proxyPage).toMatchObject({ code: 'unexpected_response', retryAfterSeconds: null });
  });

  it('reports an error page that is not a problem document by its status, with the x-request-id header', async () => {
    const gateway = await answering(
      () =>
        new Response('<h1>Bad gateway</h1>', {
          status: 502,
          headers: { 'x-request-id': 'edge-7' },
        }),
    )
      .getSummary()
      .catch((caught: unknown) => caught);
    expect(gateway).toBeInstanceOf(InternalServerError);
    expect(gateway).toMatchObject({
      code: 'unexpected_response',
      status: 502,
      requestId: 'edge-7',
      problem: null,
    });

    const teapot = await answering(() => new Response('{"oops":true}', { status: 418 }))
      .getSummary()
      .catch((caught: unknown) => caught);
    expect(teapot).toBeInstanceOf(SeatsApiError);
    expect(teapot).not.toBeInstanceOf(InternalServerError);
    expect(teapot).toMatchObject({ code: 'unexpected_response', status: 418, requestId: null });
  });
});

describe('network, validation and abort', () => {
  it('wraps a fetch that throws in a SeatsNetworkError keeping the cause', async () => {
    const cause = new TypeError('fetch failed');
    const client = createSeatsClient({
      baseUrl: 'https://seats.test',
      fetch: async () => {
        throw cause;
      },
    });
    const error = await client.listChanges().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeatsNetworkError);
    expect((error as SeatsNetworkError).cause).toBe(cause);
    expect(isSeatsError(error)).toBe(true);
    expect(isSeatsApiError(error)).toBe(false);
  });

  it('rejects a successful response that does not match the contract with a SeatsValidationError', async () => {
    const body = { access: 'full', version: 'one', account: null };
    const error = await answering(() => Response.json(body))
      .getSummary()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeatsValidationError);
    expect((error as SeatsValidationError).body).toEqual(body);
    expect(
      (error as SeatsValidationError).issues.some((issue) => issue.startsWith('version')),
    ).toBe(true);

    const notJson = await answering(() => new Response('<html>', { status: 200 }))
      .getSummary()
      .catch((caught: unknown) => caught);
    expect(notJson).toBeInstanceOf(SeatsValidationError);
  });

  it('lets an abort through as the standard AbortError, not as a SeatsError', async () => {
    const controller = new AbortController();
    const client = createSeatsClient({
      baseUrl: 'https://seats.test',
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });
    const pending = client
      .getSummary({ signal: controller.signal })
      .catch((caught: unknown) => caught);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(isSeatsError(error)).toBe(false);
  });

  it('does not call fetch when the signal is already aborted', async () => {
    let calls = 0;
    const client = createSeatsClient({
      baseUrl: 'https://seats.test',
      fetch: async () => {
        calls += 1;
        return Response.json({});
      },
    });
    const error = await client
      .getSummary({ signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect((error as DOMException).name).toBe('AbortError');
    expect(calls).toBe(0);
  });
});

describe('requests', () => {
  it('sends the host headers, the query and an Idempotency-Key on commits, under the base path', async () => {
    const seen: Request[] = [];
    let token = 'first';
    const client = createSeatsClient({
      baseUrl: 'https://app.test/api/seats/',
      headers: () => ({ authorization: `Bearer ${token}` }),
      fetch: async (input, init) => {
        seen.push(new Request(input, init));
        return new Response('{}', { status: 503 });
      },
    });
    await client
      .listMembers({ status: 'Active', consuming: true, limit: 5 })
      .catch(() => undefined);
    token = 'second';
    const commit = client.prepareCommit({ quoteId: 'q1', confirmations: { termsAccepted: true } });
    await commit.send().catch(() => undefined);
    await commit.send().catch(() => undefined);
    await client.commitChange({ quoteId: 'q1' }).catch(() => undefined);

    const [list, first, retry, other] = seen;
    expect(list?.url).toBe(
      'https://app.test/api/seats/v1/members?limit=5&status=Active&consuming=true',
    );
    expect(list?.headers.get('authorization')).toBe('Bearer first');
    expect(first?.headers.get('authorization')).toBe('Bearer second');
    expect(first?.url).toBe('https://app.test/api/seats/v1/changes');
    expect(first?.headers.get('content-type')).toBe('application/json');
    expect(await first?.json()).toEqual({ quoteId: 'q1', confirmations: { termsAccepted: true } });
    expect(first?.headers.get('idempotency-key')).toBe(commit.key);
    expect(retry?.headers.get('idempotency-key')).toBe(commit.key);
    expect(other?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(other?.headers.get('idempotency-key')).not.toBe(commit.key);
  });

  it('never retries a call by itself', async () => {
    let calls = 0;
    const client = createSeatsClient({
      baseUrl: 'https://seats.test',
      fetch: async () => {
        calls += 1;
        throw new TypeError('fetch failed');
      },
    });
    await client.getSummary().catch(() => undefined);
    await client.commitChange({ quoteId: 'q1' }).catch(() => undefined);
    expect(calls).toBe(2);
  });
});
