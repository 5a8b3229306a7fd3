import type { PriceUnit } from '@seats/core';
import type { SeatsMessages } from './messages';
import { humanize } from './messages';

const words: Record<string, string> = {
  active: 'Actif',
  inactive: 'Inactif',
  deactivated: 'Désactivé',
  locked: 'Verrouillé',
  invited: 'Invité',
  guest: 'Invité',
  owner: 'Propriétaire',
  admin: 'Administrateur',
  'billing-admin': 'Administrateur de facturation',
  member: 'Membre',
  user: 'Utilisateur',
};

/** A status or role in this language, as the product's own words or the slug made readable. */
const named = (slug: string) => words[slug.toLowerCase()] ?? humanize(slug);
/** French. */
export const fr: SeatsMessages = {
  meterLabel: () => 'Licences',
  accountLabel: () => 'Toutes les licences',
  poolTerm: ({ term }) =>
    ({
      contracted: 'Sous contrat',
      monthly: 'Mensuelle',
      daily: 'Journalière',
      'add-on': 'Option',
    })[term],
  usage: ({ used, purchased }, f) => `${f.number(used)} sur ${f.number(purchased)} utilisées`,
  available: ({ count }, f) => f.plural(count, { one: '# disponible', other: '# disponibles' }),
  valueText: ({ used, purchased, available }, f) =>
    `${f.number(used)} sur ${f.plural(purchased, { one: '# licence', other: '# licences' })} utilisées, ${f.plural(available, { one: '# disponible', other: '# disponibles' })}`,
  state: ({ state }) =>
    ({
      ok: 'Dans la limite',
      near: 'Proche de la limite',
      full: 'Complet',
      over: 'Limite dépassée',
    })[state],
  over: ({ count }, f) => f.plural(count, { other: '# au-delà de la limite' }),
  scheduledRemoval: ({ count, date }, f) =>
    `${f.plural(count, { one: '# licence sera supprimée', other: '# licences seront supprimées' })} le ${f.date(date)}`,
  pendingSignature: ({ count }, f) =>
    f.plural(count, {
      one: '# licence en attente de signature',
      other: '# licences en attente de signature',
    }),
  renews: ({ date }, f) => `Renouvellement le ${f.date(date)}`,
  contractEnds: ({ date }, f) => `Fin du contrat le ${f.date(date)}`,
  plan: ({ plan }) => `Offre : ${plan}`,
  changeInfo: ({ change, availability: a }, f) => {
    if (a.allowed) {
      if (a.effective === 'period-end' && a.at !== null)
        return `Les suppressions prennent effet le ${f.date(a.at)}`;
      if (a.effective === 'after-signature') return 'Les achats prennent effet après signature';
      return '';
    }
    switch (a.reason) {
      case 'contact':
        return change === 'decrease'
          ? `Pour retirer des licences, contactez ${a.contact}`
          : `Pour ajouter des licences, contactez ${a.contact}`;
      case 'contracted-until':
        return a.contact === undefined
          ? `Sous contrat jusqu’au ${f.date(a.until)} ; réductible au renouvellement`
          : `Sous contrat jusqu’au ${f.date(a.until)} ; pour retirer des licences, contactez ${a.contact}`;
      case 'at-max':
        return `Maximum de ${f.number(a.max)} atteint`;
      case 'all-assigned':
        return 'Toutes les licences sont attribuées';
      default:
        return '';
    }
  },
  storageLabel: () => 'Stockage',
  storage: ({ usedBytes, allowanceBytes }, f) =>
    `${f.bytes(usedBytes)} sur ${f.bytes(allowanceBytes)} utilisés`,
  loading: () => 'Chargement des licences…',
  loadError: () => 'Impossible de charger les licences.',
  notSetUp: () => 'Les licences ne sont pas encore configurées pour ce compte.',
  signedOut: () => 'Connectez-vous pour voir les licences.',
  retry: () => 'Réessayer',
  noAccess: () => 'Votre rôle ne permet pas de voir les licences.',
  consumptionReason: ({ reason }) => {
    switch (reason.kind) {
      case 'status-consumes':
        return `Compte car son statut est ${named(reason.status)}`;
      case 'status-does-not-consume':
        return `Ne compte pas car son statut est ${named(reason.status)}`;
      case 'role-does-not-consume':
        return `Ne compte pas car son rôle est ${named(reason.role)}`;
      case 'no-pool':
        return 'Ne compte pas car aucun type de licence n’est attribué';
    }
  },
  statusName: ({ status }) => named(status),
  roleName: ({ role }) => named(role),

  adjustTrigger: ({ input }) => (input === 'delta' ? 'Ajouter des licences' : 'Modifier le quota'),
  adjustExplained: ({ roles }, f) =>
    `Seul ${f.list(roles, 'disjunction')} peut modifier les licences.`,
  adjustTitle: ({ pool }) => `Modifier le quota : ${pool}`,
  adjustDescription: ({ input, current }, f) =>
    `Vous avez ${f.plural(current, { one: '# licence', other: '# licences' })}. ${input === 'delta' ? 'Indiquez combien en ajouter.' : 'Indiquez le nouveau total.'}`,
  direction: ({ direction }) => (direction === 'add' ? 'Ajouter' : 'Retirer'),
  directionLabel: () => 'Ajouter ou retirer des licences',
  inputLabel: ({ input, direction }) =>
    input === 'total'
      ? 'Nouveau total'
      : direction === 'add'
        ? 'Licences à ajouter'
        : 'Licences à retirer',
  decrement: () => 'Une de moins',
  increment: () => 'Une de plus',
  restoreScheduled: ({ count }, f) =>
    f.plural(count, {
      one: 'Conserver la licence prévue pour suppression',
      other: 'Conserver les # licences prévues pour suppression',
    }),
  quoteLoading: () => 'Calcul du prix…',
  unitPrice: ({ unitPrice, per, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: 'mois',
        quarter: 'trimestre',
        year: 'an',
        day: 'jour',
        term: 'durée du contrat',
        period: 'période de facturation',
      })[unit];
    return `${m(unitPrice)} par licence et par ${unitWord(per)}`;
  },
  priceLine: ({ row, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const licences = (n: number) => f.plural(n, { one: '# licence', other: '# licences' });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: 'mois',
        quarter: 'trimestre',
        year: 'an',
        day: 'jour',
        term: 'durée du contrat',
        period: 'période de facturation',
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
            ? `${licences(n)} × ${m(price)}, au prorata à la seconde, ${span}`
            : row.days === null
              ? `${licences(n)} × ${m(price)}, ${span}`
              : per === 'day'
                ? `${licences(n)} × ${m(price)} par jour × ${f.plural(days, { one: '# jour', other: '# jours' })}`
                : `${licences(n)} × ${m(price)}, ${f.number(days)} jours sur ${f.number(ofDays)}`;
        return row.kind === 'prorated-credit' ? `Avoir : ${text}` : text;
      }
      case 'term-charge':
        return `${licences(n)}, ${f.range(row.from ?? '', row.until ?? '')}`;
      case 'restore':
        return `${licences(row.quantity)} conservées, sans frais`;
      case 'recurring-change': {
        const who = row.amount < 0 ? `${licences(n)} en moins` : licences(n);
        return `${who} × ${m(price)} par ${unitWord(per)}${row.days === null ? '' : ` × ${f.plural(days, { one: '# jour', other: '# jours' })}`}`;
      }
      default:
        return licences(n);
    }
  },
  dueNow: ({ from, until }, f) =>
    from !== null && until !== null
      ? `À payer aujourd’hui (au prorata, ${f.range(from, until)})`
      : 'À payer aujourd’hui',
  dueNowTotal: () => 'Total à payer aujourd’hui',
  nextInvoice: ({ at, before, after }, f) =>
    before !== null && after !== null
      ? `Prochaine facture le ${f.date(at)} : ${before} → ${after}`
      : `Prochaine facture le ${f.date(at)}`,
  nextInvoiceChange: () => 'Variation de la prochaine facture',
  commitment: ({ until, amount }, f) => `Engagement jusqu’au ${f.date(until)} : ${amount}`,
  committed: ({ change }, f) => {
    const licences = (n: number) => f.plural(n, { one: '# licence', other: '# licences' });
    if (change.status === 'scheduled')
      return `${licences(change.plan.removed)} retirées le ${f.date(change.effectiveAt ?? change.plan.effectiveAt ?? '')}`;
    if (change.status === 'pending-signature')
      return `${licences(change.plan.added)} en attente de la signature électronique`;
    const paid = change.charged ?? change.plan.dueNow;
    const money = f.money({ amount: Math.abs(paid.amount), currency: paid.currency });
    if (paid.amount === 0) return `Désormais ${licences(change.plan.to)}`;
    return `Désormais ${licences(change.plan.to)} · ${paid.amount > 0 ? `${money} facturés` : `${money} crédités`}`;
  },
  effective: ({ plan }, f) =>
    plan.effectiveAt === null
      ? 'Prend effet une fois la signature électronique terminée'
      : plan.result === 'scheduled'
        ? `Prend effet le ${f.date(plan.effectiveAt)}`
        : 'Prend effet immédiatement',
  planIssue: ({ issue }, f) => {
    switch (issue.code) {
      case 'unknown-pool':
        return 'Ce type de licence n’existe pas.';
      case 'not-an-integer':
        return 'Saisissez un nombre entier.';
      case 'zero':
        return 'Saisissez au moins une licence.';
      case 'no-change':
        return 'Le nouveau total est identique à l’actuel.';
      case 'below-assigned':
        return issue.floor === 'holders'
          ? `${f.plural(issue.limit ?? 0, { one: '# licence est attribuée', other: '# licences sont attribuées' })} ; supprimez d’abord des utilisateurs ou passez-les à un autre type de licence.`
          : `${f.plural(issue.limit ?? 0, { one: '# licence est attribuée', other: '# licences sont attribuées' })} ; désactivez d’abord des utilisateurs.`;
      case 'below-min':
        return `Le quota ne peut pas descendre sous ${f.number(issue.limit ?? 0)}.`;
      case 'above-max':
        return `Le quota ne peut pas dépasser ${f.number(issue.limit ?? 0)}.`;
      case 'increase-not-allowed':
        return `Impossible d’ajouter des licences ici ; contactez ${issue.contact}.`;
      case 'decrease-not-allowed':
        return `Impossible de réduire les licences ici ; contactez ${issue.contact}.`;
      case 'contracted-until':
        return issue.contact === undefined
          ? `Ces licences sont sous contrat jusqu’au ${issue.until ? f.date(issue.until) : ''}.`
          : `Ces licences sont sous contrat jusqu’au ${issue.until ? f.date(issue.until) : ''} ; contactez ${issue.contact}.`;
      case 'not-restorable':
        return `Au plus ${f.number(issue.limit ?? 0)} licences peuvent être rétablies.`;
    }
  },
  termsLabel: () => 'J’ai lu et j’accepte les conditions générales',
  termsLink: () => 'Lire les conditions',
  passwordLabel: () => 'Confirmez avec votre mot de passe',
  signatureNotice: () =>
    'Une demande de signature vous sera envoyée par e-mail ; les licences sont ajoutées après signature.',
  submit: ({ plan }) => {
    if (plan === null || plan.kind === 'increase') return 'Confirmer l’achat';
    if (plan.kind === 'restore') return 'Rétablir les licences';
    return plan.result === 'scheduled' ? 'Programmer la suppression' : 'Supprimer les licences';
  },
  submitting: () => 'Enregistrement…',
  submitHint: ({ missing }) =>
    missing.includes('terms') && missing.includes('password')
      ? 'Acceptez les conditions et saisissez votre mot de passe pour continuer'
      : missing.includes('terms')
        ? 'Acceptez les conditions pour continuer'
        : 'Saisissez votre mot de passe pour continuer',
  cancel: () => 'Annuler',
  close: () => 'Fermer',
  success: ({ result, plan }, f) => {
    if (result === 'pending-signature') return 'En attente de votre signature électronique.';
    if (result === 'scheduled' && plan.effectiveAt !== null)
      return `La suppression est programmée pour le ${f.date(plan.effectiveAt)}.`;
    return `Vous avez maintenant ${f.plural(plan.to, { one: '# licence', other: '# licences' })}.`;
  },
  paymentFailed: () =>
    'Le paiement a échoué et rien n’a été modifié. Vérifiez votre moyen de paiement.',
  updatePaymentMethod: () => 'Mettre à jour le moyen de paiement',
  declineReason: ({ reason }) => `Réponse du prestataire de paiement : ${reason}`,
  requoted: ({ before, after }, f) =>
    `Les licences ont changé entre-temps et le prix a été mis à jour : à payer ${f.money(before.dueNow)} → ${f.money(after.dueNow)}, licences actuelles ${f.number(before.from)} → ${f.number(after.from)}.`,
  passwordInvalid: () => 'Le mot de passe est incorrect.',
  networkError: () => 'La connexion a échoué. Vérifiez votre réseau et réessayez.',
  genericError: ({ message }) => `Une erreur est survenue : ${message}`,
  pickToDeactivate: () => 'Désactivez des utilisateurs pour descendre en dessous :',
  deactivate: ({ name }) => `Désactiver ${name}`,
  deleteMember: ({ name }) => `Supprimer ${name}`,
  pickMember: ({ action }) =>
    action === 'delete' ? 'Choisissez qui supprimer :' : 'Choisissez qui désactiver :',
  memberChanged: ({ at }, f) => `modifié le ${f.date(at)}`,
  noMemberToFree: () => 'Aucun autre utilisateur n’a de licence que vous pouvez libérer ici.',
  memberFreed: ({ name, action }) =>
    action === 'delete' ? `${name} a été supprimé.` : `${name} a été désactivé.`,

  guardTitle: () => 'Aucune licence disponible',
  guardBody: ({ used, purchased }, f) =>
    `${f.number(used)} sur ${f.plural(purchased, { one: '# licence', other: '# licences' })} sont utilisées.`,
  remedyBuy: ({ quantity }, f) =>
    f.plural(quantity, { one: 'Acheter # licence', other: 'Acheter # licences' }),
  remedyNonConsuming: (params) =>
    'status' in params
      ? `Ajouter en tant que ${params.status}`
      : `Ajouter en tant que ${params.role}`,
  remedyFreeLicence: ({ quantity }, f) =>
    f.plural(quantity, {
      one: 'Libérer une licence en désactivant un utilisateur',
      other: 'Libérer # licences en désactivant des utilisateurs',
    }),
  remedyAskAdmin: ({ roles }, f) => `Demander une licence à ${f.list(roles, 'disjunction')}`,
  guardBlocked: () => 'Demandez plus de licences à un administrateur.',
  guardForbidden: () => 'Votre rôle ne permet pas d’ajouter des utilisateurs.',
  guardPending: () =>
    'L’achat attend la signature électronique ; l’utilisateur pourra être ajouté ensuite.',
  remedyConsequence: ({ kind }) =>
    ({
      'use-non-consuming': 'N’utilise aucune licence ; à changer dès qu’une est libre.',
      'free-licence': 'Quelqu’un d’autre perd sa licence ; vous confirmez qui d’abord.',
      'ask-admin': 'L’utilisateur attend l’achat de licences supplémentaires.',
      continue: 'L’enregistrement d’un utilisateur actif demandera alors une licence.',
    })[kind],
  guardContinue: () => 'Continuer quand même',
};
