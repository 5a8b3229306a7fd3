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
type Check = (value: unknown, path: PropertyKey[]) => Issue[];

/** A response check in the shape of a zod schema's `safeParse`. */
export interface ResponseSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<Issue> } };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const type =
  (name: 'string' | 'number' | 'boolean'): Check =>
  (value, path) =>
    typeof value === name ? [] : [{ path, message: `expected a ${name}` }];
const string = type('string');
const number = type('number');
const boolean = type('boolean');
const nullable =
  (check: Check): Check =>
  (value, path) =>
    value === null ? [] : check(value, path);
const array =
  (item?: Check): Check =>
  (value, path) => {
    if (!Array.isArray(value)) return [{ path, message: 'expected an array' }];
    return item === undefined ? [] : value.flatMap((entry, index) => item(entry, [...path, index]));
  };
const object =
  (fields: Record<string, Check> = {}): Check =>
  (value, path) => {
    if (!isRecord(value)) return [{ path, message: 'expected an object' }];
    return Object.entries(fields).flatMap(([key, check]) => check(value[key], [...path, key]));
  };

function schema<T>(check: Check): ResponseSchema<T> {
  return {
    safeParse(data) {
      const issues = check(data, []);
      return issues.length === 0
        ? { success: true, data: data as T }
        : { success: false, error: { issues } };
    },
  };
}

const money = object({ amount: number, currency: string });
const plan = object({
  poolId: string,
  kind: string,
  to: number,
  lines: array(object({ kind: string })),
  dueNow: money,
  nextInvoiceChange: money,
  confirmations: array(string),
  result: string,
});
const change = object({ id: string, poolId: string, status: string, plan });
const member = object({
  id: string,
  name: string,
  status: string,
  role: string,
  consumes: boolean,
});
const page = (item: Check) => object({ items: array(item), nextCursor: nullable(string) });
const poolUsage = object({
  poolId: string,
  name: string,
  purchased: number,
  used: number,
  available: number,
  state: string,
  percent: number,
});

/**
 * The structure of each response, without the contract's value rules: what the widgets read
 * (ids, counts, states, money, the plan) is there and of the right type. The client checks this in
 * production builds, where the full zod contract is left out of the bundle.
 */
export const responseShapes = {
  summary: schema<Summary>((value, path) => {
    if (isRecord(value) && value.access === 'limited') {
      return object({
        viewer: object({ role: string }),
        permissions: object({ manageMembers: boolean, viewLicences: boolean }),
        addUser: object({ outcome: string }),
        newMember: object({ status: string, role: string }),
        askRoles: array(string),
        withoutPermission: string,
      })(value, path);
    }
    if (isRecord(value) && value.access !== 'full')
      return [{ path: [...path, 'access'], message: "expected 'full' or 'limited'" }];
    return object({
      version: number,
      account: object({ id: string, currency: string, billingPeriod: object() }),
      policy: object({ changeInput: string, statuses: array(string), roles: array(string) }),
      pools: array(object({ id: string, purchased: number })),
      usage: object({ purchased: number, used: number, state: string, pools: array(poolUsage) }),
      viewer: object({ role: string }),
      pendingChanges: array(change),
      pendingChangeCount: number,
    })(value, path);
  }),
  memberList: schema<MemberList>(page(member)),
  member: schema<MemberRecord>(member),
  quote: schema<Quote>(object({ id: string, version: number, expiresAt: string, plan })),
  change: schema<Change>(change),
  changeList: schema<ChangeList>(page(change)),
  problem: schema<Problem>((value, path) =>
    isRecord(value) && typeof value.code === 'string' && Object.hasOwn(errorClassByCode, value.code)
      ? object({ status: number, title: string })(value, path)
      : [{ path: [...path, 'code'], message: 'expected a known error code' }],
  ),
};
