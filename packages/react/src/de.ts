import type { PriceUnit } from '@seats/core';
import type { SeatsMessages } from './messages';
import { humanize } from './messages';

const words: Record<string, string> = {
  active: 'Aktiv',
  inactive: 'Inaktiv',
  deactivated: 'Deaktiviert',
  locked: 'Gesperrt',
  invited: 'Eingeladen',
  suspended: 'Gesperrt',
  guest: 'Gast',
  owner: 'Inhaber',
  admin: 'Administrator',
  'billing-admin': 'Abrechnungsadministrator',
  member: 'Mitglied',
  user: 'Nutzer',
  room: 'Raum',
  resource: 'Ressource',
  asset: 'Anlage',
  queue: 'Warteschlange',
};

/** A status or role in this language, as the product's own words or the slug made readable. */
const named = (slug: string) => words[slug.toLowerCase()] ?? humanize(slug);
/** German. */
export const de: SeatsMessages = {
  meterLabel: () => 'Lizenzen',
  accountLabel: () => 'Alle Lizenzen',
  poolTerm: ({ term }) =>
    ({ contracted: 'Vertraglich', monthly: 'Monatlich', daily: 'Täglich', 'add-on': 'Zusatz' })[
      term
    ],
  usage: ({ used, purchased }, f) => `${f.number(used)} von ${f.number(purchased)} belegt`,
  available: ({ count }, f) => f.plural(count, { other: '# verfügbar' }),
  valueText: ({ used, purchased, available }, f) =>
    `${f.number(used)} von ${f.plural(purchased, { one: '# Lizenz', other: '# Lizenzen' })} belegt, ${f.number(available)} verfügbar`,
  state: ({ state }) =>
    ({ ok: 'Im Rahmen', near: 'Fast ausgeschöpft', full: 'Ausgeschöpft', over: 'Überschritten' })[
      state
    ],
  over: ({ count }, f) => f.plural(count, { other: '# über dem Limit' }),
  scheduledRemoval: ({ count, date }, f) =>
    `${f.plural(count, { one: '# Lizenz wird', other: '# Lizenzen werden' })} am ${f.date(date)} entfernt`,
  pendingSignature: ({ count }, f) =>
    f.plural(count, {
      one: '# Lizenz wartet auf die E-Signatur',
      other: '# Lizenzen warten auf die E-Signatur',
    }),
  renews: ({ date }, f) => `Verlängert sich am ${f.date(date)}`,
  contractEnds: ({ date }, f) => `Vertrag endet am ${f.date(date)}`,
  plan: ({ plan }) => `Tarif: ${plan}`,
  changeInfo: ({ change, availability: a }, f) => {
    if (a.allowed) {
      if (a.effective === 'period-end' && a.at !== null)
        return `Entfernungen werden am ${f.date(a.at)} wirksam`;
      if (a.effective === 'after-signature') return 'Käufe werden nach der Signatur wirksam';
      return '';
    }
    switch (a.reason) {
      case 'contact':
        return change === 'decrease'
          ? `Zum Entfernen von Lizenzen wenden Sie sich an ${a.contact}`
          : `Zum Hinzufügen von Lizenzen wenden Sie sich an ${a.contact}`;
      case 'contracted-until':
        return a.contact === undefined
          ? `Vertraglich gebunden bis ${f.date(a.until)}; Reduzierung bei Verlängerung`
          : `Vertraglich gebunden bis ${f.date(a.until)}; zum Entfernen wenden Sie sich an ${a.contact}`;
      case 'at-max':
        return `Maximum von ${f.number(a.max)} erreicht`;
      case 'all-assigned':
        return 'Alle Lizenzen sind zugewiesen';
      default:
        return '';
    }
  },
  storageLabel: () => 'Speicher',
  storage: ({ usedBytes, allowanceBytes }, f) =>
    `${f.bytes(usedBytes)} von ${f.bytes(allowanceBytes)} belegt`,
  loading: () => 'Lizenzen werden geladen…',
  loadError: () => 'Die Lizenzen konnten nicht geladen werden.',
  notSetUp: () => 'Lizenzen sind für dieses Konto noch nicht eingerichtet.',
  signedOut: () => 'Melden Sie sich an, um die Lizenzen zu sehen.',
  retry: () => 'Erneut versuchen',
  noAccess: () => 'Ihre Rolle darf keine Lizenzen sehen.',
  consumptionReason: ({ reason }) => {
    switch (reason.kind) {
      case 'status-consumes':
        return `Zählt, weil der Status ${named(reason.status)} ist`;
      case 'status-does-not-consume':
        return `Zählt nicht, weil der Status ${named(reason.status)} ist`;
      case 'role-does-not-consume':
        return `Zählt nicht, weil die Rolle ${named(reason.role)} ist`;
      case 'no-pool':
        return 'Zählt nicht, weil kein Lizenztyp zugewiesen ist';
    }
  },
  statusName: ({ status }) => named(status),
  roleName: ({ role }) => named(role),

  adjustTrigger: ({ input }) => (input === 'delta' ? 'Lizenzen hinzufügen' : 'Nutzeranzahl ändern'),
  adjustExplained: ({ roles }, f) => `Nur ${f.list(roles, 'disjunction')} kann Lizenzen ändern.`,
  adjustTitle: ({ pool }) => `Lizenzen ändern: ${pool}`,
  adjustDescription: ({ input, current }, f) =>
    `Sie haben ${f.plural(current, { one: '# Lizenz', other: '# Lizenzen' })}. ${input === 'delta' ? 'Geben Sie an, wie viele hinzukommen sollen.' : 'Geben Sie die neue Gesamtzahl ein.'}`,
  direction: ({ direction }) => (direction === 'add' ? 'Hinzufügen' : 'Entfernen'),
  directionLabel: () => 'Lizenzen hinzufügen oder entfernen',
  inputLabel: ({ input, direction }) =>
    input === 'total'
      ? 'Neue Gesamtzahl'
      : direction === 'add'
        ? 'Zusätzliche Lizenzen'
        : 'Zu entfernende Lizenzen',
  decrement: () => 'Eine weniger',
  increment: () => 'Eine mehr',
  restoreScheduled: ({ count }, f) =>
    f.plural(count, {
      one: 'Die zur Entfernung vorgesehene Lizenz behalten',
      other: 'Die # zur Entfernung vorgesehenen Lizenzen behalten',
    }),
  quoteLoading: () => 'Preis wird berechnet…',
  unitPrice: ({ unitPrice, per, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: 'Monat',
        quarter: 'Quartal',
        year: 'Jahr',
        day: 'Tag',
        term: 'Vertragslaufzeit',
        period: 'Abrechnungszeitraum',
      })[unit];
    return `${m(unitPrice)} pro Lizenz und ${unitWord(per)}`;
  },
  priceLine: ({ row, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const licences = (n: number) => f.plural(n, { one: '# Lizenz', other: '# Lizenzen' });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: 'Monat',
        quarter: 'Quartal',
        year: 'Jahr',
        day: 'Tag',
        term: 'Vertragslaufzeit',
        period: 'Abrechnungszeitraum',
      })[unit];
    const n = row.quantity;
    const price = row.unitPrice ?? 0;
    const per = row.per ?? 'period';
    const days = row.days ?? 0;
    const ofDays = row.ofDays ?? 0;
    switch (row.kind) {
      case 'prorated-charge':
      case 'prorated-credit': {
        const span = f.range(row.from ?? '', row.until ?? '');
        const text =
          row.proration === 'second'
            ? `${licences(n)} × ${m(price)}, anteilig auf die Sekunde, ${span}`
            : row.days === null
              ? `${licences(n)} × ${m(price)}, ${span}`
              : per === 'day'
                ? `${licences(n)} × ${m(price)} pro Tag × ${f.plural(days, { one: '# Tag', other: '# Tage' })}`
                : `${licences(n)} × ${m(price)}, ${f.number(days)} von ${f.number(ofDays)} Tagen`;
        return row.kind === 'prorated-credit' ? `Gutschrift: ${text}` : text;
      }
      case 'term-charge':
        return `${licences(n)}, ${f.range(row.from ?? '', row.until ?? '')}`;
      case 'restore':
        return `${licences(row.quantity)} behalten, kostenlos`;
      case 'recurring-change': {
        const who = row.amount < 0 ? `${licences(n)} weniger` : licences(n);
        return `${who} × ${m(price)} pro ${unitWord(per)}${row.days === null ? '' : ` × ${f.plural(days, { one: '# Tag', other: '# Tage' })}`}`;
      }
      default:
        return licences(n);
    }
  },
  dueNow: ({ from, until }, f) =>
    from !== null && until !== null
      ? `Heute fällig (anteilig ${f.range(from, until)})`
      : 'Heute fällig',
  dueNowTotal: () => 'Summe heute fällig',
  nextInvoice: ({ at, before, after }, f) =>
    before !== null && after !== null
      ? `Nächste Rechnung am ${f.date(at)}: ${before} → ${after}`
      : `Nächste Rechnung am ${f.date(at)}`,
  nextInvoiceChange: () => 'Änderung der nächsten Rechnung',
  commitment: ({ until, amount }, f) => `Verpflichtung bis ${f.date(until)}: ${amount}`,
  committed: ({ change }, f) => {
    const licences = (n: number) => f.plural(n, { one: '# Lizenz', other: '# Lizenzen' });
    if (change.status === 'scheduled')
      return `${licences(change.plan.removed)} entfallen am ${f.date(change.effectiveAt ?? change.plan.effectiveAt ?? '')}`;
    if (change.status === 'pending-signature')
      return `${licences(change.plan.added)} warten auf die E-Signatur`;
    const paid = change.charged ?? change.plan.dueNow;
    const money = f.money({ amount: Math.abs(paid.amount), currency: paid.currency });
    if (paid.amount === 0) return `Jetzt ${licences(change.plan.to)}`;
    return `Jetzt ${licences(change.plan.to)} · ${paid.amount > 0 ? `${money} berechnet` : `${money} gutgeschrieben`}`;
  },
  effective: ({ plan }, f) =>
    plan.effectiveAt === null
      ? 'Wirksam nach Abschluss der E-Signatur'
      : plan.result === 'scheduled'
        ? `Wirksam am ${f.date(plan.effectiveAt)}`
        : 'Sofort wirksam',
  planIssue: ({ issue }, f) => {
    switch (issue.code) {
      case 'unknown-pool':
        return 'Diesen Lizenztyp gibt es nicht.';
      case 'not-an-integer':
        return 'Geben Sie eine ganze Zahl ein.';
      case 'zero':
        return 'Geben Sie mindestens eine Lizenz an.';
      case 'no-change':
        return 'Die neue Gesamtzahl entspricht der heutigen.';
      case 'below-assigned':
        return issue.floor === 'holders'
          ? `${f.plural(issue.limit ?? 0, { one: '# Lizenz ist', other: '# Lizenzen sind' })} Nutzern zugewiesen; löschen Sie zuerst Nutzer oder geben Sie ihnen einen anderen Lizenztyp.`
          : `${f.plural(issue.limit ?? 0, { one: '# Lizenz ist', other: '# Lizenzen sind' })} zugewiesen; deaktivieren Sie zuerst Nutzer.`;
      case 'below-min':
        return `Die Anzahl darf ${f.number(issue.limit ?? 0)} nicht unterschreiten.`;
      case 'above-max':
        return `Die Anzahl darf ${f.number(issue.limit ?? 0)} nicht überschreiten.`;
      case 'increase-not-allowed':
        return `Lizenzen können hier nicht hinzugefügt werden; wenden Sie sich an ${issue.contact}.`;
      case 'decrease-not-allowed':
        return `Lizenzen können hier nicht reduziert werden; wenden Sie sich an ${issue.contact}.`;
      case 'contracted-until':
        return issue.contact === undefined
          ? `Diese Lizenzen sind bis ${issue.until ? f.date(issue.until) : ''} vertraglich gebunden.`
          : `Diese Lizenzen sind bis ${issue.until ? f.date(issue.until) : ''} vertraglich gebunden; wenden Sie sich an ${issue.contact}.`;
      case 'not-restorable':
        return `Höchstens ${f.number(issue.limit ?? 0)} Lizenzen können wiederhergestellt werden.`;
    }
  },
  termsLabel: () => 'Ich habe die Allgemeinen Geschäftsbedingungen gelesen und akzeptiere sie',
  termsLink: () => 'Bedingungen lesen',
  passwordLabel: () => 'Mit Ihrem Passwort bestätigen',
  signatureNotice: () =>
    'Sie erhalten eine Signaturanfrage per E-Mail; die Lizenzen kommen nach der Unterschrift hinzu.',
  submit: ({ plan }) => {
    if (plan === null || plan.kind === 'increase') return 'Kauf bestätigen';
    if (plan.kind === 'restore') return 'Lizenzen wiederherstellen';
    return plan.result === 'scheduled' ? 'Entfernung planen' : 'Lizenzen entfernen';
  },
  submitting: () => 'Wird gespeichert…',
  submitHint: ({ missing }) =>
    missing.includes('terms') && missing.includes('password')
      ? 'Akzeptieren Sie die Bedingungen und geben Sie Ihr Passwort ein, um fortzufahren'
      : missing.includes('terms')
        ? 'Akzeptieren Sie die Bedingungen, um fortzufahren'
        : 'Geben Sie Ihr Passwort ein, um fortzufahren',
  cancel: () => 'Abbrechen',
  close: () => 'Schließen',
  success: ({ result, plan }, f) => {
    if (result === 'pending-signature') return 'Wartet auf Ihre E-Signatur.';
    if (result === 'scheduled' && plan.effectiveAt !== null)
      return `Die Entfernung ist für den ${f.date(plan.effectiveAt)} geplant.`;
    return `Sie haben jetzt ${f.plural(plan.to, { one: '# Lizenz', other: '# Lizenzen' })}.`;
  },
  paymentFailed: () =>
    'Die Zahlung ist fehlgeschlagen, es wurde nichts geändert. Prüfen Sie Ihre Zahlungsmethode.',
  updatePaymentMethod: () => 'Zahlungsmethode aktualisieren',
  declineReason: ({ reason }) => `Antwort des Zahlungsanbieters: ${reason}`,
  requoted: ({ before, after }, f) =>
    `Die Lizenzen haben sich inzwischen geändert, der Preis wurde aktualisiert: jetzt fällig ${f.money(before.dueNow)} → ${f.money(after.dueNow)}, heute ${f.number(before.from)} → ${f.number(after.from)} Lizenzen.`,
  passwordInvalid: () => 'Das Passwort ist nicht korrekt.',
  networkError: () => 'Die Verbindung ist fehlgeschlagen. Bitte erneut versuchen.',
  genericError: ({ message }) => `Etwas ist schiefgelaufen: ${message}`,
  pickToDeactivate: () => 'Deaktivieren Sie Nutzer, um darunter zu gehen:',
  deactivate: ({ name }) => `${name} deaktivieren`,
  deleteMember: ({ name }) => `${name} löschen`,
  pickMember: ({ action }) =>
    action === 'delete' ? 'Wählen Sie, wen Sie löschen:' : 'Wählen Sie, wen Sie deaktivieren:',
  memberChanged: ({ at }, f) => `zuletzt geändert am ${f.date(at)}`,
  noMemberToFree: () => 'Kein anderer Nutzer hat eine Lizenz, die Sie hier freigeben können.',
  memberFreed: ({ name, action }) =>
    action === 'delete' ? `${name} wurde gelöscht.` : `${name} wurde deaktiviert.`,

  guardTitle: () => 'Keine Lizenz verfügbar',
  guardBody: ({ used, purchased }, f) =>
    `${f.number(used)} von ${f.plural(purchased, { one: '# Lizenz', other: '# Lizenzen' })} sind belegt.`,
  remedyBuy: ({ quantity }, f) =>
    f.plural(quantity, { one: '# Lizenz kaufen', other: '# Lizenzen kaufen' }),
  remedyNonConsuming: (params) =>
    'status' in params ? `Als ${params.status} hinzufügen` : `Als ${params.role} hinzufügen`,
  remedyFreeLicence: ({ quantity }, f) =>
    f.plural(quantity, {
      one: 'Eine Lizenz durch Deaktivieren freigeben',
      other: '# Lizenzen durch Deaktivieren freigeben',
    }),
  remedyAskAdmin: ({ roles }, f) => `${f.list(roles, 'disjunction')} um eine Lizenz bitten`,
  guardBlocked: () => 'Bitten Sie einen Administrator um weitere Lizenzen.',
  guardForbidden: () => 'Ihre Rolle darf keine Nutzer hinzufügen.',
  guardPending: () =>
    'Der Kauf wartet auf die E-Signatur; der Nutzer kann danach hinzugefügt werden.',
  remedyConsequence: ({ kind }) =>
    ({
      'use-non-consuming': 'Nutzt keine Lizenz; später änderbar, sobald eine frei ist.',
      'free-licence': 'Jemand anderes verliert seine Lizenz; Sie bestätigen zuerst, wen.',
      'ask-admin': 'Der Nutzer wartet, bis weitere Lizenzen gekauft sind.',
      continue: 'Beim Speichern eines aktiven Nutzers wird nach einer Lizenz gefragt.',
    })[kind],
  guardContinue: () => 'Trotzdem fortfahren',
};
