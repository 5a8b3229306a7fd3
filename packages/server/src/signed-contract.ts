import {
  type Account,
  describePlanPrice,
  type Money,
  type PlanPriceRow,
  type PriceUnit,
} from '@seats/core';
import type { StoredChange } from './seats-store';

/** What a signed purchase's PDF says: the account, the licences, the price lines and the signature. */
export interface SignedContract {
  /** The account; its billing period names the units of the prices (month, year, day). */
  account: Pick<Account, 'id' | 'name' | 'plan' | 'currency' | 'billingPeriod'>;
  poolName: string;
  change: StoredChange;
  /** When the document is made. */
  now: string;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const date = (instant: string) => dateFormat.format(new Date(instant));
const dateTime = (instant: string) => `${dateTimeFormat.format(new Date(instant))} UTC`;

function formatMoney({ amount, currency }: Money): string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

const licences = (quantity: number) => `${quantity} ${quantity === 1 ? 'licence' : 'licences'}`;

const unitWords: Record<PriceUnit, string> = {
  day: 'day',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  term: 'contract term',
  period: 'billing period',
};

/** A row of core's price summary in words, as on an invoice: units in words, never seconds. */
function describeRow(row: PlanPriceRow, currency: string): string {
  const price = `${formatMoney({ amount: row.unitPrice ?? 0, currency })} per ${unitWords[row.per ?? 'period']}`;
  const each = `${licences(row.quantity)} × ${price}`;
  switch (row.kind) {
    case 'prorated-charge':
    case 'prorated-credit': {
      const stretch =
        row.days === null
          ? `${date(row.from ?? '')} to ${date(row.until ?? '')}`
          : row.per === 'day' && row.days === row.ofDays
            ? 'today'
            : `prorated for ${row.days} of ${row.ofDays} days`;
      return `${row.kind === 'prorated-credit' ? 'Credit: ' : ''}${each}, ${stretch}`;
    }
    case 'term-charge':
      return `${each}, ${date(row.from ?? '')} to ${date(row.until ?? '')}`;
    case 'recurring-change':
      return row.per === 'day' && row.days !== null ? `${each} × ${row.days} days` : each;
    case 'restore':
      return `${licences(row.quantity)} kept from a scheduled removal, at no charge`;
    case 'commitment':
      return `Commitment: ${licences(row.quantity)}`;
  }
}

/**
 * The PDF of a signed purchase (Commusoft: "a PDF copy of your signed contracts"): what was bought,
 * the price lines, the commitment, who asked for it and when it was signed. Made with pdf-lib's
 * standard fonts, so it runs in every runtime the handler does; characters outside their
 * Windows-1252 set are shown as "?".
 */
export async function renderSignedContract(
  contract: SignedContract,
): Promise<Uint8Array<ArrayBuffer>> {
  const { PDFDocument, StandardFonts, rgb } = await import('@pdfme/pdf-lib');
  const { account, change, poolName } = contract;
  const { plan } = change;
  const document = await PDFDocument.create();
  document.setTitle(`Signed licence purchase ${change.id}`);
  document.setSubject(`${account.name}: ${poolName}`);
  document.setCreationDate(new Date(contract.now));
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const page = document.addPage([595.28, 841.89]);
  const margin = 56;
  const right = page.getWidth() - margin;
  let y = page.getHeight() - margin;

  type Font = typeof regular;
  const printable = (text: string) => text.replace(/[^\u0020-\u007e\u00a0-\u00ff€–—‘’“”•…×]/g, '?');
  /** Words of `text` in lines no wider than `width`. */
  const wrap = (text: string, font: Font, size: number, width: number) => {
    const lines: string[] = [];
    let line = '';
    for (const word of printable(text).split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    return [...lines, line];
  };
  const write = (text: string, options: { font?: Font; size?: number; x?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    const x = options.x ?? margin;
    for (const line of wrap(text, font, size, right - x)) {
      page.drawText(line, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.45;
    }
  };
  const gap = (points = 10) => {
    y -= points;
  };
  const money = (amount: number) => formatMoney({ amount, currency: plan.dueNow.currency });
  /** A label and its amount, the amounts in one right-aligned column. */
  const amountRow = (label: string, amount: number, font: Font = regular) => {
    const text = money(amount);
    const top = y;
    write(label, { font });
    const bottom = y;
    y = top;
    page.drawText(text, { x: right - font.widthOfTextAtSize(text, 10), y, size: 10, font });
    y = bottom;
  };

  write('Signed licence purchase', { font: bold, size: 18 });
  gap(4);
  write(`Account: ${account.name} (${account.id})`);
  write(`Plan: ${account.plan}`);
  write(`Purchase: ${change.id}`);
  gap();
  write(poolName, { font: bold, size: 12 });
  write(`${licences(plan.added)} added: from ${licences(plan.from)} to ${licences(plan.to)}.`);
  gap();
  write('Price', { font: bold });
  if (plan.provider !== undefined) {
    // The provider holds the subscription: its own lines and figures, as the quote showed them.
    for (const line of plan.provider.lines) amountRow(line.description, line.amount);
    amountRow('Due on signature', plan.provider.dueNow.amount, bold);
    const { before, after } = plan.provider.nextInvoice;
    write(`Next invoice: ${formatMoney(before)} before, ${formatMoney(after)} after.`);
  } else {
    // Days and units come from the plan's own lines; the period only names the unit of a
    // recurring price, which is the same in every period of the account.
    const price = describePlanPrice({ plan, period: account.billingPeriod });
    for (const row of price.dueNow.rows) amountRow(describeRow(row, price.currency), row.amount);
    amountRow('Due on signature', price.dueNow.total, bold);
    gap(4);
    for (const row of price.nextInvoice.rows)
      amountRow(describeRow(row, price.currency), row.amount);
    amountRow('Change to each following invoice', price.nextInvoice.change, bold);
    if (price.commitment !== null)
      amountRow(`Committed until ${date(price.commitment.until)}`, price.commitment.amount);
  }
  gap();
  write('Signature', { font: bold });
  const role = change.actor.role.replaceAll('-', ' ');
  const requester = change.actor.name === null ? role : `${change.actor.name} (${role})`;
  write(`Requested: ${dateTime(change.createdAt)} by ${requester}`);
  write(
    `Signed: ${change.signedAt === null ? 'not signed' : `${dateTime(change.signedAt)}, by e-signature`}`,
  );
  if (change.effectiveAt !== null) write(`Licences usable from: ${dateTime(change.effectiveAt)}`);
  if (change.charged !== null) write(`Charged: ${formatMoney(change.charged)}`);
  gap(20);
  write(`Document made on ${dateTime(contract.now)}.`, { size: 8 });
  return (await document.save()) as Uint8Array<ArrayBuffer>;
}
