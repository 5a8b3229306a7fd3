import {
  type Change,
  type ChangeFilter,
  type ChangeList,
  ChangeListSchema,
  type ChangeRequest,
  ChangeSchema,
  type CreateMemberRequest,
  type MemberList,
  MemberListSchema,
  type MemberRecord,
  MemberSchema,
  ProblemSchema,
  type Quote,
  type QuoteRequest,
  QuoteSchema,
  type SignRequest,
  type Summary,
  SummarySchema,
  type UpdateMemberRequest,
} from '@seats/core/contract';
import { type ResponseSchema, responseShapes } from './response-shapes';
import { apiErrorFrom, SeatsNetworkError, SeatsValidationError } from './seats-error';

/** Extra headers for every request, e.g. `{ authorization: 'Bearer …' }`. */
export type SeatsHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface SeatsClientOptions {
  /**
   * Where the host mounted the Seats handler (its `basePath`), absolute or relative to the page:
   * `https://app.example.com/api/seats` or `/api/seats`. The client appends `/v1/...`.
   */
  baseUrl: string | URL;
  /**
   * The `fetch` to call: a wrapped one for logging or tests, or the handler itself in process
   * (`(input, init) => handler(new Request(input, init))`).
   * @default globalThis.fetch
   */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Headers sent with every request; a function is called per request (for a fresh token). */
  headers?: SeatsHeaders;
}

/** Options every call takes. */
export interface RequestOptions {
  /** Aborting rejects the call with the standard `AbortError` (a `DOMException`), never a `SeatsError`. */
  signal?: AbortSignal;
}

/** Options of `commitChange`. */
export interface CommitOptions extends RequestOptions {
  /**
   * The `Idempotency-Key` of this logical submit. Pass the same key when retrying the same submit so
   * that the server applies and charges it once; leave it out to get a fresh key (then a retry is a
   * new submit). `prepareCommit` keeps the key for you.
   */
  idempotencyKey?: string;
}

/** Filters and paging of `listMembers`; every field is optional. */
export interface ListMembersQuery {
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** Page size; the server caps it. */
  limit?: number;
  status?: string;
  role?: string;
  poolId?: string;
  /** Only members that consume a licence (`true`) or that do not (`false`). */
  consuming?: boolean;
  /** Members whose name or email starts with this text, ignoring case. */
  search?: string;
}

/** Paging of `listChanges`. */
export interface ListChangesQuery {
  cursor?: string;
  limit?: number;
  /** One status, or `open`: the scheduled removals and pending signatures the summary counts. */
  status?: ChangeFilter;
}

/** One logical commit: the key stays the same however often `send` is retried. */
export interface PreparedCommit {
  /** The `Idempotency-Key` sent by every `send`. */
  readonly key: string;
  readonly request: ChangeRequest;
  /** Sends (or re-sends, after a network error or a 5xx) the commit under the same key. */
  send(options?: RequestOptions): Promise<Change>;
}

/** A typed client of the Seats API; every method validates the response against the contract. */
export interface SeatsClient {
  /** `GET /v1/summary`: the account, its pools and usage, what the viewer may do and the `version`. */
  getSummary(options?: RequestOptions): Promise<Summary>;
  /** `GET /v1/members`: one page of members, filtered; follow `nextCursor` for the next. */
  listMembers(query?: ListMembersQuery, options?: RequestOptions): Promise<MemberList>;
  /** `POST /v1/members`; rejects with `NoLicenceAvailableError` (with remedies) when no licence is free. */
  createMember(member: CreateMemberRequest, options?: RequestOptions): Promise<MemberRecord>;
  /** `PATCH /v1/members/{id}`: status, role, pool, name or email; may claim or release a licence. */
  updateMember(
    id: string,
    patch: UpdateMemberRequest,
    options?: RequestOptions,
  ): Promise<MemberRecord>;
  /** `DELETE /v1/members/{id}`: frees its licence, if any. */
  deleteMember(id: string, options?: RequestOptions): Promise<void>;
  /** `POST /v1/quotes`: the priced plan of a change, bound to the summary version. */
  createQuote(request: QuoteRequest, options?: RequestOptions): Promise<Quote>;
  /** `POST /v1/changes`: commits a quote with its confirmations under an `Idempotency-Key`. */
  commitChange(request: ChangeRequest, options?: CommitOptions): Promise<Change>;
  /** A commit with its idempotency key fixed now, to send and safely re-send. */
  prepareCommit(request: ChangeRequest, options?: { idempotencyKey?: string }): PreparedCommit;
  /** `GET /v1/changes`: the history, newest first, with scheduled removals and pending signatures. */
  listChanges(query?: ListChangesQuery, options?: RequestOptions): Promise<ChangeList>;
  /** `POST /v1/changes/{id}/cancel`: restores a scheduled removal at no charge. */
  cancelChange(id: string, options?: RequestOptions): Promise<Change>;
  /** `POST /v1/changes/{id}/sign`: completes a pending e-signature with its token. */
  signChange(id: string, request: SignRequest, options?: RequestOptions): Promise<Change>;
  /** `GET /v1/changes/{id}/contract.pdf`: the PDF of a signed purchase; `NotFoundError` if it was not signed. */
  getSignedContract(id: string, options?: RequestOptions): Promise<Blob>;
}

type Schema<T> = Pick<ResponseSchema<T>, 'safeParse'>;

const contractSchemas: { [Name in keyof typeof responseShapes]: Schema<ResponseOf<Name>> } = {
  summary: SummarySchema,
  memberList: MemberListSchema,
  member: MemberSchema,
  quote: QuoteSchema,
  change: ChangeSchema,
  changeList: ChangeListSchema,
  problem: ProblemSchema,
};
type ResponseOf<Name extends keyof typeof responseShapes> =
  (typeof responseShapes)[Name] extends ResponseSchema<infer T> ? T : never;

/**
 * How responses are checked: against the full zod contract in development and tests; in a
 * production build (bundlers replace `process.env.NODE_ENV` and drop the contract and zod) against
 * their structure, which still refuses a body that is not the Seats API's.
 */
function responseSchemas(): { [Name in keyof typeof responseShapes]: Schema<ResponseOf<Name>> } {
  return typeof process === 'undefined' || process.env.NODE_ENV === 'production'
    ? responseShapes
    : contractSchemas;
}

/** A random v4 UUID; `crypto.randomUUID` is missing on plain-HTTP pages, so fall back to random bytes. */
export function createIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return (
    signal?.aborted === true ||
    (typeof error === 'object' &&
      error !== null &&
      'name' in error &&
      (error.name === 'AbortError' || error.name === 'TimeoutError'))
  );
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

/**
 * A client of the Seats API. Calls are never retried automatically: a failed call rejects with a
 * typed `SeatsError` and the caller decides. Re-sending a commit is safe only under the same
 * idempotency key (`prepareCommit`).
 *
 * @example
 * const seats = createSeatsClient({ baseUrl: '/api/seats', headers: () => ({ authorization: token() }) });
 * const summary = await seats.getSummary();
 */
export function createSeatsClient(options: SeatsClientOptions): SeatsClient {
  const base = String(options.baseUrl).replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(
    method: string,
    path: string,
    schema: Schema<T> | null,
    init: {
      body?: unknown;
      query?: Record<string, string | number | boolean | undefined>;
      headers?: Record<string, string>;
      signal?: AbortSignal | undefined;
      /** The response is a file of this media type, answered as a `Blob`. */
      file?: string;
    } = {},
  ): Promise<T> {
    const { signal } = init;
    signal?.throwIfAborted();
    const headers = new Headers(
      typeof options.headers === 'function' ? await options.headers() : options.headers,
    );
    signal?.throwIfAborted();
    headers.set('accept', `${init.file ?? 'application/json'}, application/problem+json`);
    for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
    let body: string | undefined;
    if (init.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.body);
    }
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) search.set(name, String(value));
    }
    const query = search.toString() === '' ? '' : `?${search}`;
    const url = `${base}/v1${path}${query}`;

    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(signal === undefined ? {} : { signal }),
      });
      if (init.file !== undefined && response.ok) return (await response.blob()) as T;
      text = await response.text();
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      throw new SeatsNetworkError(`${method} ${url} failed: ${String(error)}`, { cause: error });
    }

    let json: unknown;
    let isJson = false;
    if (text !== '') {
      try {
        json = JSON.parse(text);
        isJson = true;
      } catch {
        json = text;
      }
    }

    if (!response.ok) {
      const problem = isJson ? responseSchemas().problem.safeParse(json) : null;
      throw apiErrorFrom({
        status: response.status,
        problem: problem?.success ? problem.data : null,
        requestId: response.headers.get('x-request-id'),
        retryAfter: response.headers.get('retry-after'),
      });
    }
    if (schema === null) return undefined as T;
    if (!isJson) {
      throw new SeatsValidationError({
        status: response.status,
        issues: [text === '' ? '(root): empty body' : '(root): not JSON'],
        body: json,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SeatsValidationError({
        status: response.status,
        issues: describeIssues(parsed.error.issues),
        body: json,
      });
    }
    return parsed.data;
  }

  const id = (value: string) => encodeURIComponent(value);

  const client: SeatsClient = {
    getSummary: (opts = {}) =>
      request('GET', '/summary', responseSchemas().summary, { signal: opts.signal }),
    listMembers: (query = {}, opts = {}) =>
      request('GET', '/members', responseSchemas().memberList, {
        query: {
          cursor: query.cursor,
          limit: query.limit,
          status: query.status,
          role: query.role,
          poolId: query.poolId,
          consuming: query.consuming,
          search: query.search,
        },
        signal: opts.signal,
      }),
    createMember: (member, opts = {}) =>
      request('POST', '/members', responseSchemas().member, { body: member, signal: opts.signal }),
    updateMember: (memberId, patch, opts = {}) =>
      request('PATCH', `/members/${id(memberId)}`, responseSchemas().member, {
        body: patch,
        signal: opts.signal,
      }),
    deleteMember: (memberId, opts = {}) =>
      request<void>('DELETE', `/members/${id(memberId)}`, null, { signal: opts.signal }),
    createQuote: (quote, opts = {}) =>
      request('POST', '/quotes', responseSchemas().quote, { body: quote, signal: opts.signal }),
    commitChange: (change, opts = {}) =>
      request('POST', '/changes', responseSchemas().change, {
        body: change,
        headers: { 'idempotency-key': opts.idempotencyKey ?? createIdempotencyKey() },
        signal: opts.signal,
      }),
    prepareCommit: (change, prepare = {}) => {
      const key = prepare.idempotencyKey ?? createIdempotencyKey();
      return {
        key,
        request: change,
        send: (opts = {}) => client.commitChange(change, { ...opts, idempotencyKey: key }),
      };
    },
    listChanges: (query = {}, opts = {}) =>
      request('GET', '/changes', responseSchemas().changeList, {
        query: { cursor: query.cursor, limit: query.limit, status: query.status },
        signal: opts.signal,
      }),
    cancelChange: (changeId, opts = {}) =>
      request('POST', `/changes/${id(changeId)}/cancel`, responseSchemas().change, {
        signal: opts.signal,
      }),
    signChange: (changeId, sign, opts = {}) =>
      request('POST', `/changes/${id(changeId)}/sign`, responseSchemas().change, {
        body: sign,
        signal: opts.signal,
      }),
    getSignedContract: (changeId, opts = {}) =>
      request<Blob>('GET', `/changes/${id(changeId)}/contract.pdf`, null, {
        file: 'application/pdf',
        signal: opts.signal,
      }),
  };
  return client;
}
