import { decideMemberChange, presets } from '@seats/core';
import { createDevBilling, createSeatsHandler, type SeatsStore } from '@seats/server';
import { demoIdentify, demoPassword, seedDemoAccounts } from '@seats/server/demo';
import { createPgliteStore } from '@seats/server/pglite';
import { createPostgresStore } from '@seats/server/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AccountNotFoundError,
  ConfirmationRequiredError,
  createSeatsClient,
  ForbiddenError,
  type FullSummary,
  IdempotencyKeyConflictError,
  InvalidRequestError,
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
  SeatsNetworkError,
  SeatsValidationError,
  SignatureInvalidError,
  StaleVersionError,
  type Summary,
  UnauthenticatedError,
  UnknownRoleError,
} from './index';

/** The summary, checked to be the full one a role that may see licences gets. */
function full(summary: Summary): FullSummary {
  if (summary.access !== 'full')
    throw new Error(`Expected the full summary, got ${summary.access}.`);
  return summary;
}

const databaseUrl = process.env.SEATS_TEST_DATABASE_URL;
if (databaseUrl === undefined || databaseUrl === '') {
  console.warn(
    '[@seats/client] SEATS_TEST_DATABASE_URL is not set: the client tests on a PostgreSQL server are SKIPPED (the PGlite ones run).',
  );
}

/** A fresh database on the server, so that this file never meets another test's rows. */
async function openPostgres(): Promise<{ store: SeatsStore; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const name = `seats_client_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl as string);
  url.pathname = `/${name}`;
  const store = await createPostgresStore({ connectionString: url.toString() });
  return {
    store,
    drop: async () => {
      await store.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

const backends = [
  {
    name: 'PGlite',
    enabled: true,
    open: async () => {
      const store = await createPgliteStore();
      return { store, drop: () => store.close() };
    },
  },
  { name: 'a PostgreSQL server', enabled: Boolean(databaseUrl), open: openPostgres },
];

const dazos = 'delta-upgrade-at-limit';
const openCrm = 'total-with-terms-no-self-decrease';
const dialpad = 'scheduled-removal-with-restore';
const factro = 'daily-prorated-with-password';
const commusoft = 'signed-contract-licence-types';

describe.each(backends)('the client against the handler on $name', (backend) => {
  let drop: () => Promise<void> = async () => {};
  let store: SeatsStore;
  const billing = createDevBilling();
  const signatures: { changeId: string; token: string }[] = [];
  let now = new Date('2026-11-10T12:00:00.000Z');
  let handler: (request: Request) => Promise<Response>;
  let tamper: ((response: Response) => Promise<Response>) | null = null;
  let loseNextResponse = false;

  const inProcess = async (input: string, init: RequestInit): Promise<Response> => {
    const response = await handler(new Request(input, init));
    if (loseNextResponse) {
      // The server did the work, but the answer never arrives: what a dropped connection looks like.
      loseNextResponse = false;
      throw new TypeError('fetch failed');
    }
    return tamper === null ? response : tamper(response);
  };
  const as = (account: string, role?: string) =>
    createSeatsClient({
      baseUrl: 'http://seats.test/',
      fetch: inProcess,
      headers: {
        'x-seats-account': account,
        ...(role === undefined ? {} : { 'x-seats-role': role }),
      },
    });

  beforeAll(async () => {
    if (!backend.enabled) return;
    const opened = await backend.open();
    drop = opened.drop;
    store = opened.store;
    await seedDemoAccounts(opened.store, { now });
    handler = createSeatsHandler({
      store: opened.store,
      identify: demoIdentify,
      billing,
      clock: () => now,
      verifyPassword: (_identity, password) => password === demoPassword,
      requestSignature: ({ changeId, token }) => {
        signatures.push({ changeId, token });
      },
    });
  }, 60_000);
  afterAll(() => drop());

  describe.skipIf(!backend.enabled)('reads', () => {
    it('reads the summary validated against the contract', async () => {
      const summary = full(await as(openCrm).getSummary());
      expect(summary.account.id).toBe(openCrm);
      expect(summary.policy).toEqual(presets[openCrm]);
      expect(summary.usage.pools.map((pool) => pool.poolId)).toEqual(
        summary.pools.map((pool) => pool.id),
      );
    });

    it('pages through every member with the cursor, and filters by consuming', async () => {
      const client = as(openCrm);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await client.listMembers({ limit: 5, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((member) => member.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor !== undefined);
      expect(new Set(seen).size).toBe(seen.length);
      expect(pages).toBe(Math.ceil(seen.length / 5));

      const summary = full(await client.getSummary());
      const consuming = await client.listMembers({ consuming: true, limit: 200 });
      expect(consuming.items.every((member) => member.consumes)).toBe(true);
      expect(consuming.items).toHaveLength(summary.usage.used);
    });
  });

  describe.skipIf(!backend.enabled)('members', () => {
    it('claims a licence on create, releases it on deactivate, and frees it on delete', async () => {
      const client = as(openCrm);
      const before = full(await client.getSummary());
      const member = await client.createMember({
        name: 'Nadia New',
        email: 'nadia@example.com',
        status: 'Active',
        role: 'Standard User',
      });
      expect(member.consumes).toBe(true);
      expect(full(await client.getSummary()).usage.used).toBe(before.usage.used + 1);

      const inactive = await client.updateMember(member.id, { status: 'Inactive' });
      expect(inactive.consumes).toBe(false);
      expect(full(await client.getSummary()).usage.used).toBe(before.usage.used);

      await client.updateMember(member.id, { status: 'Locked' });
      await client.deleteMember(member.id);
      expect(full(await client.getSummary()).usage.used).toBe(before.usage.used);
      await expect(client.deleteMember(member.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('rejects adding a user at the limit with NoLicenceAvailableError carrying the core decision', async () => {
      const client = as(dazos);
      const summary = full(await client.getSummary());
      const expected = decideMemberChange({
        policy: summary.policy,
        usage: summary.usage,
        before: null,
        after: { status: 'active', role: 'member', poolId: 'users' },
      });
      expect(expected.outcome).toBe('needs-licence');
      const error = await client
        .createMember({ name: 'Lee', email: 'lee@example.com', status: 'active', role: 'member' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NoLicenceAvailableError);
      expect((error as NoLicenceAvailableError).decision).toEqual(expected);
      expect((error as NoLicenceAvailableError).requestId).toMatch(/\S/);
    });

    it('maps a field the policy does not know and an oversized body to InvalidRequestError', async () => {
      const client = as(openCrm);
      const unknownStatus = await client
        .createMember({
          name: 'Gil',
          email: 'gil@example.com',
          status: 'Ghost',
          role: 'Standard User',
        })
        .catch((caught: unknown) => caught);
      expect(unknownStatus).toBeInstanceOf(InvalidRequestError);
      expect(unknownStatus).toMatchObject({ code: 'validation_failed', status: 400 });
      expect(
        (unknownStatus as InvalidRequestError).fieldErrors.map((error) => error.field),
      ).toEqual(['status']);

      const huge = await client
        .createMember({
          name: 'x'.repeat(70_000),
          email: 'x@example.com',
          status: 'Inactive',
          role: 'Standard User',
        })
        .catch((caught: unknown) => caught);
      expect(huge).toMatchObject({ code: 'payload_too_large', status: 413 });
    });
  });

  describe.skipIf(!backend.enabled)('identity and permissions', () => {
    it('answers an unknown caller with UnauthenticatedError', async () => {
      await expect(as('nobody').getSummary()).rejects.toBeInstanceOf(UnauthenticatedError);
    });

    it('answers a role the policy does not know with UnknownRoleError', async () => {
      const error = await as(openCrm, 'Superuser')
        .getSummary()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnknownRoleError);
      expect(error).toMatchObject({ status: 403, code: 'unknown_role' });
    });

    it('answers a member id that is no member of the account with NotAMemberError', async () => {
      const client = createSeatsClient({
        baseUrl: 'http://seats.test/',
        fetch: inProcess,
        headers: { 'x-seats-account': openCrm, 'x-seats-member': 'mem_nobody' },
      });
      const error = await client.getSummary().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotAMemberError);
      expect(error).toMatchObject({ status: 403, code: 'not_a_member' });
    });

    it('gives a role without viewLicences the limited summary: whether adding is possible and whom to ask', async () => {
      const summary = await as(openCrm, 'Standard User').getSummary();
      expect(summary).toMatchObject({
        access: 'limited',
        permissions: { viewLicences: false, manageMembers: false },
        addUser: { outcome: 'forbidden' },
        askRoles: ['System Admin'],
      });
      expect(summary).not.toHaveProperty('usage');
      expect(summary).not.toHaveProperty('pools');
    });

    it('answers an account the store does not hold with AccountNotFoundError', async () => {
      const unknown = createSeatsHandler({
        store,
        identify: () => ({ accountId: 'acct_new', memberId: null, role: 'owner' }),
      });
      const client = createSeatsClient({
        baseUrl: 'http://seats.test/',
        fetch: (input, init) => unknown(new Request(input, init)),
      });
      const error = await client.getSummary().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AccountNotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'account_not_found' });
    });

    it('answers a role the policy does not allow with ForbiddenError', async () => {
      const error = await as(openCrm, 'Standard User')
        .createQuote({ poolId: 'users', total: 20 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    });

    it('answers another account’s member with NotFoundError', async () => {
      const other = await as(dialpad).listMembers({ limit: 1 });
      const id = other.items[0]?.id as string;
      await expect(as(openCrm).updateMember(id, { name: 'Taken' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  describe.skipIf(!backend.enabled)('quotes and changes', () => {
    it('refuses a decrease the policy forbids with PlanInvalidError and its issues', async () => {
      const client = as(openCrm);
      const summary = full(await client.getSummary());
      const pool = summary.usage.pools[0];
      const error = await client
        .createQuote({ poolId: 'users', total: (pool?.nextPeriod ?? 1) - 1 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PlanInvalidError);
      expect((error as PlanInvalidError).issues).toEqual([
        { field: 'total', code: 'decrease-not-allowed', contact: 'your Account Manager' },
      ]);
    });

    it('asks for the terms, then applies the purchase', async () => {
      const client = as(openCrm);
      const before = full(await client.getSummary());
      const quote = await client.createQuote({
        poolId: 'users',
        total: before.usage.nextPeriod + 1,
      });
      expect(quote.plan.confirmations).toEqual(['terms']);
      await expect(client.commitChange({ quoteId: quote.id })).rejects.toBeInstanceOf(
        ConfirmationRequiredError,
      );
      const change = await client.commitChange({
        quoteId: quote.id,
        confirmations: { termsAccepted: true },
      });
      expect(change.status).toBe('applied');
      expect(full(await client.getSummary()).usage.purchased).toBe(before.usage.purchased + 1);
    });

    it('rejects a quote made before the allowance changed with StaleVersionError', async () => {
      const client = as(openCrm);
      const summary = full(await client.getSummary());
      const total = summary.usage.nextPeriod;
      const older = await client.createQuote({ poolId: 'users', total: total + 1 });
      const newer = await client.createQuote({ poolId: 'users', total: total + 2 });
      await client.commitChange({ quoteId: newer.id, confirmations: { termsAccepted: true } });
      await expect(
        client.commitChange({ quoteId: older.id, confirmations: { termsAccepted: true } }),
      ).rejects.toBeInstanceOf(StaleVersionError);
    });

    it('rejects a quote past its expiry with QuoteExpiredError', async () => {
      const client = as(openCrm);
      const summary = full(await client.getSummary());
      const quote = await client.createQuote({
        poolId: 'users',
        total: summary.usage.nextPeriod + 1,
      });
      const started = now;
      now = new Date(Date.parse(quote.expiresAt) + 1_000);
      try {
        await expect(
          client.commitChange({ quoteId: quote.id, confirmations: { termsAccepted: true } }),
        ).rejects.toBeInstanceOf(QuoteExpiredError);
      } finally {
        now = started;
      }
    });

    it('rejects a quote committed twice under different keys with QuoteUsedError', async () => {
      const client = as(openCrm);
      const summary = full(await client.getSummary());
      const quote = await client.createQuote({
        poolId: 'users',
        total: summary.usage.nextPeriod + 1,
      });
      const request = { quoteId: quote.id, confirmations: { termsAccepted: true } };
      await client.commitChange(request);
      await expect(client.commitChange(request)).rejects.toBeInstanceOf(QuoteUsedError);
    });

    it('rejects one idempotency key reused for another request with IdempotencyKeyConflictError', async () => {
      const client = as(openCrm);
      const summary = full(await client.getSummary());
      const quote = await client.createQuote({
        poolId: 'users',
        total: summary.usage.nextPeriod + 1,
      });
      const commit = client.prepareCommit({
        quoteId: quote.id,
        confirmations: { termsAccepted: true },
      });
      await commit.send();
      const other = await client.createQuote({
        poolId: 'users',
        total: summary.usage.nextPeriod + 2,
      });
      await expect(
        client.commitChange(
          { quoteId: other.id, confirmations: { termsAccepted: true } },
          { idempotencyKey: commit.key },
        ),
      ).rejects.toBeInstanceOf(IdempotencyKeyConflictError);
    });

    it('applies and charges a retried submit once when the first answer was lost', async () => {
      const client = as(dialpad);
      const quote = await client.createQuote({ poolId: 'standard', delta: 2 });
      expect(quote.plan.dueNow.amount).toBeGreaterThan(0);
      const chargesBefore = billing.charges().length;
      const commit = client.prepareCommit({ quoteId: quote.id });

      loseNextResponse = true;
      const lost = await commit.send().catch((caught: unknown) => caught);
      expect(lost).toBeInstanceOf(SeatsNetworkError);

      const retried = await commit.send();
      const again = await commit.send();
      expect(again).toEqual(retried);
      expect(retried.quoteId).toBe(quote.id);
      expect(billing.charges().length).toBe(chargesBefore + 1);
      expect(billing.charges().at(-1)?.amount).toEqual(quote.plan.dueNow);
      const history = await client.listChanges({ limit: 200 });
      expect(history.items.filter((change) => change.quoteId === quote.id)).toHaveLength(1);
    });

    it('answers concurrent sends of one submit with one change and one charge', async () => {
      const client = as(dialpad);
      const quote = await client.createQuote({ poolId: 'contact-center', delta: 1 });
      const chargesBefore = billing.charges().length;
      const commit = client.prepareCommit({ quoteId: quote.id });
      const answers = await Promise.all(Array.from({ length: 5 }, () => commit.send()));
      expect(new Set(answers.map((change) => change.id)).size).toBe(1);
      expect(billing.charges().length).toBe(chargesBefore + 1);
    });

    it('reports a declined payment with PaymentFailedError, changes nothing, and goes through on retry', async () => {
      const client = as(dazos);
      const before = full(await client.getSummary());
      const quote = await client.createQuote({ poolId: 'users', delta: 2 });
      const commit = client.prepareCommit({ quoteId: quote.id });
      const chargesBefore = billing.charges().length;
      billing.failNext('Card declined');
      const error = await commit.send().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PaymentFailedError);
      expect(error).toMatchObject({ status: 402, code: 'payment_failed' });
      expect(full(await client.getSummary()).usage).toEqual(before.usage);

      const change = await commit.send();
      expect(change.status).toBe('applied');
      expect(billing.charges().length).toBe(chargesBefore + 1);
      expect(full(await client.getSummary()).usage.purchased).toBe(before.usage.purchased + 2);
    });

    it('refuses a wrong password with PasswordInvalidError and accepts the right one', async () => {
      const client = as(factro);
      const summary = full(await client.getSummary());
      const quote = await client.createQuote({
        poolId: 'named',
        total: summary.usage.nextPeriod + 1,
      });
      expect(quote.plan.confirmations).toEqual(['password']);
      await expect(
        client.commitChange({ quoteId: quote.id, confirmations: { password: 'guess' } }),
      ).rejects.toBeInstanceOf(PasswordInvalidError);
      const change = await client.commitChange({
        quoteId: quote.id,
        confirmations: { password: demoPassword },
      });
      expect(change.status).toBe('applied');
    });

    it('leaves a purchase pending until signed, refusing a wrong token with SignatureInvalidError', async () => {
      const client = as(commusoft);
      const quote = await client.createQuote({ poolId: 'monthly', delta: 1 });
      const pending = await client.commitChange({ quoteId: quote.id });
      expect(pending.status).toBe('pending-signature');
      const token = signatures.find((signature) => signature.changeId === pending.id)?.token;
      expect(token).toBeDefined();
      await expect(client.signChange(pending.id, { token: 'forged' })).rejects.toBeInstanceOf(
        SignatureInvalidError,
      );
      const signed = await client.signChange(pending.id, { token: token as string });
      expect(signed.status).toBe('applied');
      expect(signed.signedAt).not.toBeNull();
    });

    it('restores a scheduled removal, and refuses to cancel anything else with NotCancellableError', async () => {
      const client = as(dialpad);
      const before = full(await client.getSummary());
      const quote = await client.createQuote({ poolId: 'standard', delta: -1 });
      const scheduled = await client.commitChange({ quoteId: quote.id });
      expect(scheduled.status).toBe('scheduled');
      expect(full(await client.getSummary()).usage.scheduledRemoval).toBe(
        before.usage.scheduledRemoval + 1,
      );
      const cancelled = await client.cancelChange(scheduled.id);
      expect(cancelled.status).toBe('cancelled');
      expect(full(await client.getSummary()).usage.scheduledRemoval).toBe(
        before.usage.scheduledRemoval,
      );
      await expect(client.cancelChange(scheduled.id)).rejects.toBeInstanceOf(NotCancellableError);
    });
  });

  describe.skipIf(!backend.enabled)('abort and validation', () => {
    it('rejects with the standard AbortError when aborted, whether before or during the call', async () => {
      const early = await as(openCrm)
        .getSummary({ signal: AbortSignal.abort() })
        .catch((caught: unknown) => caught);
      expect((early as DOMException).name).toBe('AbortError');

      const controller = new AbortController();
      const slow = createSeatsClient({
        baseUrl: 'http://seats.test',
        headers: { 'x-seats-account': openCrm },
        // Like the platform's fetch: an abort rejects at once, whatever the server is doing.
        fetch: (input, init) =>
          new Promise((resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
            setTimeout(() => {
              if (!init.signal?.aborted) inProcess(input, init).then(resolve, reject);
            }, 50);
          }),
      });
      const during = slow
        .getSummary({ signal: controller.signal })
        .catch((caught: unknown) => caught);
      controller.abort();
      const error = await during;
      expect((error as DOMException).name).toBe('AbortError');
      expect(isSeatsError(error)).toBe(false);
    });

    it('rejects a response that does not match the contract with SeatsValidationError', async () => {
      tamper = async (response) => {
        const body = await response.json();
        return Response.json(
          { ...body, version: String(body.version) },
          { status: response.status },
        );
      };
      try {
        const error = await as(openCrm)
          .getSummary()
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(SeatsValidationError);
        expect((error as SeatsValidationError).issues.join()).toContain('version');
      } finally {
        tamper = null;
      }
    });

    it('checks the structure of responses in a production build, where zod is left out', async () => {
      vi.stubEnv('NODE_ENV', 'production');
      try {
        const summary = full(await as(openCrm).getSummary());
        expect(summary.usage.pools[0]?.poolId).toBe('users');
        tamper = async (response) => {
          const body = await response.json();
          return Response.json({ ...body, pools: 'none' });
        };
        const wrong = await as(openCrm)
          .getSummary()
          .catch((caught: unknown) => caught);
        expect(wrong).toBeInstanceOf(SeatsValidationError);
        expect((wrong as SeatsValidationError).issues).toEqual(['pools: expected an array']);
        tamper = async () => new Response('<html>login</html>', { status: 200 });
        expect(
          await as(openCrm)
            .getSummary()
            .catch((caught: unknown) => caught),
        ).toBeInstanceOf(SeatsValidationError);
        tamper = null;
        const refused = await as(openCrm)
          .createQuote({ poolId: 'users', total: 1 })
          .catch((caught: unknown) => caught);
        expect(refused).toBeInstanceOf(PlanInvalidError);
      } finally {
        tamper = null;
        vi.unstubAllEnvs();
      }
    });
  });
});
