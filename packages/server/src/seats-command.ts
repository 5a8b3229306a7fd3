import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Billing } from './billing-provider';
import { createSeatsJobs, type TickReport } from './create-seats-jobs';
import { createDevBilling } from './dev-billing';
import { migrations } from './migrations';
import type { SeatsStore } from './seats-store';

const usage = `Usage: seats tick [options]
       seats migrate (--database-url <url> | --data-dir <dir>)

tick     Rolls every account whose billing period ended, takes the recurring charges, expires
         what is pending and prunes what is old (jobs.tick()). Safe to run on several machines
         at once.
migrate  Applies the migrations the database lacks (in one transaction, under a lock), for
         deployments whose servers open the store with \`migrate: false\`.

  --database-url <url>   PostgreSQL connection string (or SEATS_DATABASE_URL)
  --data-dir <dir>       an embedded PGlite database folder instead (no other process may have it open)
  --billing <module>     a module whose default export (or \`billing\` export) is the provider
                         (either mode), or a function returning one
  --dev-billing          the development provider: records charges, takes no money
  --now <iso>            the time to advance to (default: now)
  --retention-days <n>   how long quotes and idempotency records are kept (default 30)
  --json                 print the report as JSON
`;

export interface SeatsCommandOutput {
  out(text: string): void;
  error(text: string): void;
}

const consoleOutput: SeatsCommandOutput = {
  out: (text) => console.log(text),
  error: (text) => console.error(text),
};

/** Loads the host's provider from a module: its default or `billing` export, or what it returns. */
async function loadBilling(modulePath: string): Promise<Billing> {
  const loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as Record<string, unknown>;
  let exported = loaded.default ?? loaded.billing;
  if (typeof exported === 'function') exported = await (exported as () => unknown)();
  const provider = exported as Record<string, unknown> | undefined;
  const charges = typeof provider?.charge === 'function' && typeof provider.credit === 'function';
  const subscription =
    provider?.mode === 'subscription-quantity' &&
    typeof provider.preview === 'function' &&
    typeof provider.setQuantity === 'function';
  if (!charges && !subscription) {
    throw new Error(
      `${modulePath} exports no BillingProvider (an object with charge() and credit(), or a SubscriptionBillingProvider with mode 'subscription-quantity', preview() and setQuantity(), as its default or \`billing\` export).`,
    );
  }
  return provider as unknown as Billing;
}

function describeReport(report: TickReport): string {
  const charged = Object.entries(report.charged)
    .map(([currency, amount]) => `${amount} ${currency}`)
    .join(', ');
  return [
    `tick at ${report.now}`,
    `  accounts advanced  ${report.accountsAdvanced} (busy, left for the next run: ${report.accountsBusy})`,
    `  periods rolled     ${report.periodsRolled}`,
    `  removals applied   ${report.removalsApplied}`,
    `  signatures expired ${report.signaturesExpired}`,
    `  contracts          ${report.contractsRenewed} renewed, ${report.contractsEnded} ended`,
    ...(report.quantitiesSet > 0
      ? [`  quantities set     ${report.quantitiesSet} (the provider invoices the new periods)`]
      : []),
    `  period charges     ${report.charges.charged} charged${charged === '' ? '' : ` (${charged} minor units)`}, ${report.charges.pending} pending, ${report.charges.failed} failed, ${report.charges.unsettled} unsettled`,
    `  purchases recovered ${report.recovered.applied} applied, ${report.recovered.failed} failed, ${report.recovered.unsettled} unsettled`,
    `  pruned             ${report.pruned.quotes} quotes, ${report.pruned.idempotencyKeys} idempotency records, ${report.pruned.events} delivered events`,
    ...(report.analyzed ? ['  statistics         refreshed'] : []),
    ...(report.more ? ['  more accounts are due: run again'] : []),
  ].join('\n');
}

/**
 * The `seats` command: `seats tick` and `seats migrate`. Answers the exit code: 0 when the run completed, 1 when it
 * failed, 2 when the command line is wrong.
 */
export async function runSeatsCommand(
  args: readonly string[],
  output: SeatsCommandOutput = consoleOutput,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    output.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    output.out(usage);
    return 0;
  }
  const databaseUrl = values['database-url'] ?? env.SEATS_DATABASE_URL;
  const command = positionals.length === 1 ? positionals[0] : undefined;
  const problems: string[] = [];
  if (command !== 'tick' && command !== 'migrate')
    problems.push('Say `seats tick` or `seats migrate`.');
  if ((databaseUrl === undefined) === (values['data-dir'] === undefined))
    problems.push('Give one database: --database-url (or SEATS_DATABASE_URL) or --data-dir.');
  if (command === 'migrate') {
    if (problems.length > 0) {
      output.error(`${problems.join('\n')}\n\n${usage}`);
      return 2;
    }
    try {
      // Opening a store applies what the database lacks.
      const store = await openStore(databaseUrl, values['data-dir']);
      await store.close();
      const latest = Math.max(...migrations.map((migration) => migration.version));
      output.out(`The Seats schema is at migration ${latest}.`);
      return 0;
    } catch (error) {
      output.error(
        `seats migrate failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 1;
    }
  }
  if ((values.billing === undefined) === (values['dev-billing'] !== true))
    problems.push(
      'Give one billing provider: --billing <module> exporting yours, or --dev-billing, which takes no money.',
    );
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) problems.push('--now must be an ISO-8601 time.');
  const retentionDays = Number(values['retention-days'] ?? 30);
  if (!(retentionDays >= 0)) problems.push('--retention-days must be a number of days, 0 or more.');
  if (problems.length > 0) {
    output.error(`${problems.join('\n')}\n\n${usage}`);
    return 2;
  }

  let store: SeatsStore | null = null;
  try {
    const billing =
      values.billing === undefined ? createDevBilling() : await loadBilling(values.billing);
    store = await openStore(databaseUrl, values['data-dir']);
    const report = await createSeatsJobs({ store, billing }).tick({
      now,
      retentionMs: retentionDays * 86_400_000,
    });
    output.out(values.json === true ? JSON.stringify(report, null, 2) : describeReport(report));
    if (billing.development === true && values.json !== true)
      output.out('  (development billing: no money was taken)');
    return 0;
  } catch (error) {
    output.error(`seats tick failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await store?.close();
  }
}

/** Each driver is imported only when asked for: a host installs one of them. */
async function openStore(
  databaseUrl: string | undefined,
  dataDir: string | undefined,
): Promise<SeatsStore> {
  if (databaseUrl !== undefined) {
    const { createPostgresStore } = await import('./create-postgres-store');
    return createPostgresStore({ connectionString: databaseUrl, max: 4 });
  }
  const { createPgliteStore } = await import('./pglite');
  return createPgliteStore({ dataDir: dataDir as string });
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      billing: { type: 'string' },
      'dev-billing': { type: 'boolean' },
      now: { type: 'string' },
      'retention-days': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
