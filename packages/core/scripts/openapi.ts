/** Writes openapi.json from the contract's schemas; with --check, fails when the committed file is out of date. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { errorCodes, namedSchemas } from '../src/contract';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));

const registry = z.registry<{ id: string }>();
for (const [id, schema] of Object.entries(namedSchemas))
  registry.add(schema as z.ZodMiniType, { id });
const { schemas } = z.toJSONSchema(registry, {
  target: 'draft-2020-12',
  uri: (id) => `#/components/schemas/${id}`,
});
for (const schema of Object.values(schemas)) {
  delete schema.$schema;
  delete schema.$id;
}

const ref = (name: keyof typeof namedSchemas) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof namedSchemas) => ({ 'application/json': { schema: ref(name) } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const errors = {
  '400': problem('Malformed JSON or invalid fields (`malformed_json`, `validation_failed`)'),
  '401': problem('No caller identified (`unauthenticated`)'),
  '403': problem(
    "The caller's role may not do this (`forbidden`), is not one of the policy's roles (`unknown_role`), or the caller's member id is no member of the account (`not_a_member`)",
  ),
  '413': problem('Body over 64 KiB (`payload_too_large`)'),
  '503': problem(
    'The database cannot be reached (`service_unavailable`); retry after the `Retry-After` seconds',
  ),
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const adminErrors = {
  '400': problem(
    'Malformed JSON (`malformed_json`) or an input the admin API refuses (`validation_failed`), each field named in `errors` (e.g. `currency`, `policy`, `users.3.role`); nothing was changed',
  ),
  '401': problem('The request carries no `Authorization` header (`unauthenticated`)'),
  '403': problem("The host's `authorize` refused the credentials (`forbidden`)"),
  '404': problem('No such account (`account_not_found`), pool or member (`not_found`)'),
  '413': problem("Body over the handler's `maxBodyBytes`, 16 MiB unless set (`payload_too_large`)"),
  '503': errors['503'],
};
const accountParam = { name: 'accountId', in: 'path', required: true, schema: { type: 'string' } };
const poolParam = { name: 'poolId', in: 'path', required: true, schema: { type: 'string' } };
const memberParam = { name: 'memberId', in: 'path', required: true, schema: { type: 'string' } };
const byParam = {
  name: 'by',
  in: 'query',
  required: false,
  description: "`externalId` when `memberId` is the member's `externalId`",
  schema: { type: 'string', enum: ['externalId'] },
};
const admin = { tags: ['admin'] };
const adminPaths = {
  '/admin/v1/accounts': {
    post: {
      ...admin,
      operationId: 'adminCreateAccount',
      description:
        "Creates an account with a preset by name or a full policy (checked by core's `checkPolicy`), and its pools.",
      requestBody: { required: true, content: json('CreateAccountRequest') },
      responses: {
        '201': { description: 'Created', content: json('AdminAccount') },
        '409': problem('An account with this id exists (`conflict`)'),
        ...adminErrors,
      },
    },
  },
  '/admin/v1/accounts/{accountId}': {
    parameters: [accountParam],
    get: {
      ...admin,
      operationId: 'adminGetAccount',
      responses: {
        '200': { description: 'The account', content: json('AdminAccount') },
        ...adminErrors,
      },
    },
    patch: {
      ...admin,
      operationId: 'adminUpdateAccount',
      description:
        'A new policy recounts which members consume a licence; it must keep every status and role members have.',
      requestBody: { required: true, content: json('UpdateAccountRequest') },
      responses: {
        '200': { description: 'Updated', content: json('AdminAccount') },
        ...adminErrors,
      },
    },
    delete: {
      ...admin,
      operationId: 'adminDeleteAccount',
      description:
        'Erases the account with its pools, members, quotes, changes, idempotency records, password failures and signature tokens (a data-deletion request).',
      responses: { '204': { description: 'Erased' }, ...adminErrors },
    },
  },
  '/admin/v1/accounts/{accountId}/pools': {
    parameters: [accountParam],
    post: {
      ...admin,
      operationId: 'adminAddPool',
      requestBody: { required: true, content: json('NewPool') },
      responses: { '201': { description: 'Added', content: json('AdminAccount') }, ...adminErrors },
    },
  },
  '/admin/v1/accounts/{accountId}/pools/{poolId}': {
    parameters: [accountParam, poolParam],
    patch: {
      ...admin,
      operationId: 'adminUpdatePool',
      requestBody: { required: true, content: json('UpdatePoolRequest') },
      responses: {
        '200': { description: 'Updated', content: json('AdminAccount') },
        ...adminErrors,
      },
    },
    delete: {
      ...admin,
      operationId: 'adminRemovePool',
      responses: {
        '200': { description: 'Removed', content: json('AdminAccount') },
        '409': problem('Members hold the pool, or an open change refers to it (`conflict`)'),
        ...adminErrors,
      },
    },
  },
  '/admin/v1/accounts/{accountId}/pools/{poolId}/purchased': {
    parameters: [accountParam, poolParam],
    put: {
      ...admin,
      operationId: 'adminSetPurchased',
      description:
        'Sets the purchased quantity (a sales deal), recorded in the history with `actor` and `reason`; nothing is charged.',
      requestBody: { required: true, content: json('SetPurchasedRequest') },
      responses: {
        '200': { description: 'Set', content: json('SetPurchasedResult') },
        '422': problem(
          "Past a bound of the pool (`plan_invalid`): `errors` name `purchased` with core's `above-max`, `below-min` or `below-assigned`",
        ),
        ...adminErrors,
      },
    },
  },
  '/admin/v1/accounts/{accountId}/members': {
    parameters: [accountParam],
    post: {
      ...admin,
      operationId: 'adminUpsertMember',
      description: 'Creates the member with this `id` or `externalId`, or updates it.',
      requestBody: { required: true, content: json('MemberInput') },
      responses: {
        '200': { description: 'Updated or unchanged', content: json('UpsertMemberResult') },
        '201': { description: 'Created', content: json('UpsertMemberResult') },
        '409': problem(
          'It needs a licence and none is free (`no_licence_available`), with the decision',
        ),
        ...adminErrors,
      },
    },
  },
  '/admin/v1/accounts/{accountId}/members/{memberId}': {
    parameters: [accountParam, memberParam, byParam],
    get: {
      ...admin,
      operationId: 'adminGetMember',
      responses: {
        '200': { description: 'The member', content: json('AdminMember') },
        ...adminErrors,
      },
    },
    delete: {
      ...admin,
      operationId: 'adminRemoveMember',
      responses: {
        '204': { description: 'Deleted; its licence, if any, is free' },
        ...adminErrors,
      },
    },
  },
  '/admin/v1/accounts/{accountId}/reconcile': {
    parameters: [accountParam],
    post: {
      ...admin,
      operationId: 'adminReconcile',
      description:
        "Brings the members in line with the host's users; `dryRun` answers the diff and writes nothing. Repeating it answers an empty diff.",
      requestBody: { required: true, content: json('ReconcileRequest') },
      responses: {
        '200': { description: 'The diff', content: json('ReconcileResult') },
        ...adminErrors,
      },
    },
  },
};

const document = {
  openapi: '3.1.0',
  info: {
    title: 'Seats API',
    version: '1.0.0',
    description:
      'Seat (user licence) management: usage, members, quotes and committed changes. Errors are RFC 9457 problem documents whose `code` is one of: ' +
      errorCodes.join(', '),
  },
  servers: [{ url: '/' }],
  paths: {
    '/v1/summary': {
      get: {
        operationId: 'getSummary',
        responses: {
          '200': {
            description:
              "`access: 'full'` for a role in the policy's `viewLicences`: usage, policy, the number of open changes and the newest few of them (the rest through `GET /v1/changes?status=open`). `access: 'limited'` for any other role: whether a member can be added and whom to ask, never prices, counts, plan, contract, storage or open changes",
            content: json('Summary'),
          },
          '404': problem(
            "The caller's account is not set up for licences (`account_not_found`); the same on every route",
          ),
          ...errors,
        },
      },
    },
    '/v1/members': {
      get: {
        operationId: 'listMembers',
        parameters: ['cursor', 'limit', 'status', 'role', 'poolId', 'consuming', 'search'].map(
          (name) => ({
            name,
            in: 'query',
            required: false,
            schema: { type: 'string' },
          }),
        ),
        responses: {
          '200': { description: 'A page of members', content: json('MemberList') },
          ...errors,
        },
      },
      post: {
        operationId: 'createMember',
        requestBody: { required: true, content: json('CreateMemberRequest') },
        responses: {
          '201': {
            description: 'Created; a licence was claimed if it consumes one',
            content: json('Member'),
          },
          '409': problem(
            'No licence is free (`no_licence_available`), with the decision and its remedies; or the write kept losing races (`conflict`)',
          ),
          ...errors,
        },
      },
    },
    '/v1/members/{id}': {
      parameters: [idParam],
      patch: {
        operationId: 'updateMember',
        requestBody: { required: true, content: json('UpdateMemberRequest') },
        responses: {
          '200': { description: 'Updated', content: json('Member') },
          '404': problem('No such member in this account (`not_found`)'),
          '409': problem(
            'No licence is free (`no_licence_available`), or the write kept losing races (`conflict`)',
          ),
          ...errors,
        },
      },
      delete: {
        operationId: 'deleteMember',
        responses: {
          '204': { description: 'Deleted; its licence, if any, is free' },
          '404': problem('No such member (`not_found`)'),
          '409': problem('The write kept losing races (`conflict`)'),
          ...errors,
        },
      },
    },
    '/v1/quotes': {
      post: {
        operationId: 'createQuote',
        requestBody: { required: true, content: json('QuoteRequest') },
        responses: {
          '201': {
            description: 'The plan, priced, bound to the summary version',
            content: json('Quote'),
          },
          '422': problem('The change is not allowed (`plan_invalid`), with field issues'),
          ...errors,
        },
      },
    },
    '/v1/changes': {
      get: {
        operationId: 'listChanges',
        parameters: [
          ...['cursor', 'limit'].map((name) => ({
            name,
            in: 'query',
            required: false,
            schema: { type: 'string' },
          })),
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'One status, or `open` for the scheduled removals and pending signatures',
            schema: {
              type: 'string',
              enum: ['open', 'applied', 'scheduled', 'pending-signature', 'cancelled'],
            },
          },
        ],
        responses: {
          '200': { description: 'History, newest first', content: json('ChangeList') },
          ...errors,
        },
      },
      post: {
        operationId: 'commitChange',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            schema: { type: 'string', maxLength: 255 },
          },
        ],
        requestBody: { required: true, content: json('ChangeRequest') },
        responses: {
          '201': {
            description: 'Applied, scheduled or pending signature',
            content: json('Change'),
          },
          '402': problem('The payment failed; nothing changed (`payment_failed`)'),
          '409': problem(
            'Stale or expired quote, an idempotency key reused with another body, or another change of the licence type still with the payment provider (`change_in_progress`, subscription-quantity billing)',
          ),
          '422': problem('A confirmation is missing or wrong'),
          ...errors,
        },
      },
    },
    '/v1/changes/{id}/cancel': {
      parameters: [idParam],
      post: {
        operationId: 'cancelChange',
        responses: {
          '200': {
            description: 'The scheduled removal is cancelled; licences restored',
            content: json('Change'),
          },
          '404': problem('No such change (`not_found`)'),
          '409': problem('Not a scheduled removal (`not_cancellable`)'),
          ...errors,
        },
      },
    },
    '/v1/changes/{id}/sign': {
      parameters: [idParam],
      post: {
        operationId: 'signChange',
        requestBody: { required: true, content: json('SignRequest') },
        responses: {
          '200': { description: 'Signed; the licences are usable', content: json('Change') },
          '404': problem('No such change (`not_found`)'),
          '409': problem(
            'Another change of the licence type is still with the payment provider (`change_in_progress`, subscription-quantity billing); sign again once it has settled',
          ),
          '422': problem('Wrong token (`signature_invalid`)'),
          ...errors,
        },
      },
    },
    '/v1/changes/{id}/contract.pdf': {
      parameters: [idParam],
      get: {
        operationId: 'getSignedContract',
        description: 'For roles that see licences.',
        responses: {
          '200': {
            description:
              'The PDF of a signed purchase: the licences, the price lines, the commitment and the signature',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          '404': problem('No such change, or one that was not signed (`not_found`)'),
          ...errors,
        },
      },
    },
    '/v1/health': {
      get: {
        operationId: 'getHealth',
        description: 'For load balancers: needs no identity.',
        responses: {
          '200': {
            description: 'The database answers',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { status: { const: 'ok' } },
                  required: ['status'],
                },
              },
            },
          },
          '503': errors['503'],
        },
      },
    },
    ...adminPaths,
    '/v1/openapi.json': {
      get: { operationId: 'getOpenApi', responses: { '200': { description: 'This document' } } },
    },
  },
  components: { schemas },
};

const output = `${JSON.stringify(document, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {}
  if (committed !== output) {
    console.error('openapi.json is out of date: run `pnpm openapi` and commit it.');
    process.exit(1);
  }
  console.log('openapi.json is up to date.');
} else {
  writeFileSync(target, output);
  console.log(`wrote ${target}`);
}
