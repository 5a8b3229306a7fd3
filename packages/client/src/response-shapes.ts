import type {
  Change,
  ChangeList,
  MemberList,
  MemberRecord,
  Problem,
  Quote,
  Summary,
} from '@seats/core/contract';
import { errorClassByCode } from './seats-error';

type Issue = { path: PropertyKey[]; message: string };

/** A response check in the shape of a zod schema's `safeParse`. */
export interface ResponseSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<Issue> } };
}

/** What a field holds: a string, a number, a boolean, an array or an object. */
type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';
type Fields = Readonly<Record<string, Kind>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown) =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;

/** The `fields` of `body` that are missing or of another kind. */
const fieldIssues = (body: Record<string, unknown>, fields: Fields): Issue[] =>
  Object.entries(fields)
    .filter(([key, kind]) => kindOf(body[key]) !== kind)
    .map(([key, kind]) => ({
      path: [key],
      message: `expected ${/^[ao]/.test(kind) ? 'an' : 'a'} ${kind}`,
    }));

function schema<T>(check: (body: Record<string, unknown>) => Issue[]): ResponseSchema<T> {
  return {
    safeParse(data) {
      const issues = isRecord(data) ? check(data) : [{ path: [], message: 'expected an object' }];
      return issues.length === 0
        ? { success: true, data: data as T }
        : { success: false, error: { issues } };
    },
  };
}

const fullSummary: Fields = {
  version: 'number',
  account: 'object',
  policy: 'object',
  pools: 'array',
  usage: 'object',
  viewer: 'object',
};
const limitedSummary: Fields = {
  viewer: 'object',
  permissions: 'object',
  addUser: 'object',
  newMember: 'object',
};
const member: Fields = {
  id: 'string',
  name: 'string',
  status: 'string',
  role: 'string',
  consumes: 'boolean',
};
const quote: Fields = { id: 'string', version: 'number', expiresAt: 'string', plan: 'object' };
const change: Fields = { id: 'string', poolId: 'string', status: 'string', plan: 'object' };
const page: Fields = { items: 'array' };

/**
 * The top-level fields of each response that the widgets read, of the right kind: enough to refuse
 * a body that is not the Seats API's (a sign-in page, a proxy's answer, another API) without the
 * contract's nested rules. The client checks this in production builds, where the full zod
 * contract is left out of the bundle.
 */
export const responseShapes = {
  summary: schema<Summary>((body) =>
    body.access === 'limited'
      ? fieldIssues(body, limitedSummary)
      : body.access === 'full'
        ? fieldIssues(body, fullSummary)
        : [{ path: ['access'], message: "expected 'full' or 'limited'" }],
  ),
  memberList: schema<MemberList>((body) => fieldIssues(body, page)),
  member: schema<MemberRecord>((body) => fieldIssues(body, member)),
  quote: schema<Quote>((body) => fieldIssues(body, quote)),
  change: schema<Change>((body) => fieldIssues(body, change)),
  changeList: schema<ChangeList>((body) => fieldIssues(body, page)),
  problem: schema<Problem>((body) =>
    typeof body.code === 'string' && Object.hasOwn(errorClassByCode, body.code)
      ? fieldIssues(body, { status: 'number', title: 'string' })
      : [{ path: ['code'], message: 'expected a known error code' }],
  ),
};
