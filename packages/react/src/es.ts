import type { PriceUnit } from '@seats/core';
import type { SeatsMessages } from './messages';
import { humanize } from './messages';

const words: Record<string, string> = {
  active: 'Activo',
  inactive: 'Inactivo',
  deactivated: 'Desactivado',
  locked: 'Bloqueado',
  invited: 'Invitado',
  guest: 'Invitado',
  owner: 'Propietario',
  admin: 'Administrador',
  'billing-admin': 'Administrador de facturación',
  member: 'Miembro',
  user: 'Usuario',
};

/** A status or role in this language, as the product's own words or the slug made readable. */
const named = (slug: string) => words[slug.toLowerCase()] ?? humanize(slug);
/** Spanish. */
export const es: SeatsMessages = {
  meterLabel: () => 'Licencias',
  accountLabel: () => 'Todas las licencias',
  poolTerm: ({ term }) =>
    ({ contracted: 'Contratada', monthly: 'Mensual', daily: 'Diaria', 'add-on': 'Complemento' })[
      term
    ],
  usage: ({ used, purchased }, f) => `${f.number(used)} de ${f.number(purchased)} en uso`,
  available: ({ count }, f) => f.plural(count, { one: '# disponible', other: '# disponibles' }),
  valueText: ({ used, purchased, available }, f) =>
    `${f.number(used)} de ${f.plural(purchased, { one: '# licencia', other: '# licencias' })} en uso, ${f.plural(available, { one: '# disponible', other: '# disponibles' })}`,
  state: ({ state }) =>
    ({
      ok: 'Dentro del límite',
      near: 'Cerca del límite',
      full: 'Completo',
      over: 'Límite superado',
    })[state],
  over: ({ count }, f) => f.plural(count, { other: '# por encima del límite' }),
  scheduledRemoval: ({ count, date }, f) =>
    `${f.plural(count, { one: '# licencia se eliminará', other: '# licencias se eliminarán' })} el ${f.date(date)}`,
  pendingSignature: ({ count }, f) =>
    f.plural(count, {
      one: '# licencia pendiente de firma',
      other: '# licencias pendientes de firma',
    }),
  renews: ({ date }, f) => `Se renueva el ${f.date(date)}`,
  contractEnds: ({ date }, f) => `El contrato termina el ${f.date(date)}`,
  plan: ({ plan }) => `Plan: ${plan}`,
  changeInfo: ({ change, availability: a }, f) => {
    if (a.allowed) {
      if (a.effective === 'period-end' && a.at !== null)
        return `Las bajas se aplican el ${f.date(a.at)}`;
      if (a.effective === 'after-signature') return 'Las compras se aplican tras la firma';
      return '';
    }
    switch (a.reason) {
      case 'contact':
        return change === 'decrease'
          ? `Para quitar licencias, contacta con ${a.contact}`
          : `Para añadir licencias, contacta con ${a.contact}`;
      case 'contracted-until':
        return a.contact === undefined
          ? `Contratadas hasta el ${f.date(a.until)}; se pueden reducir al renovar`
          : `Contratadas hasta el ${f.date(a.until)}; para quitar licencias, contacte con ${a.contact}`;
      case 'at-max':
        return `Máximo de ${f.number(a.max)} alcanzado`;
      case 'all-assigned':
        return 'Todas las licencias están asignadas';
      default:
        return '';
    }
  },
  storageLabel: () => 'Almacenamiento',
  storage: ({ usedBytes, allowanceBytes }, f) =>
    `${f.bytes(usedBytes)} de ${f.bytes(allowanceBytes)} en uso`,
  loading: () => 'Cargando licencias…',
  loadError: () => 'No se pudieron cargar las licencias.',
  notSetUp: () => 'Las licencias aún no están configuradas para esta cuenta.',
  signedOut: () => 'Inicia sesión para ver las licencias.',
  retry: () => 'Reintentar',
  noAccess: () => 'Tu rol no puede ver las licencias.',
  consumptionReason: ({ reason }) => {
    switch (reason.kind) {
      case 'status-consumes':
        return `Cuenta porque su estado es ${named(reason.status)}`;
      case 'status-does-not-consume':
        return `No cuenta porque su estado es ${named(reason.status)}`;
      case 'role-does-not-consume':
        return `No cuenta porque su rol es ${named(reason.role)}`;
      case 'no-pool':
        return 'No cuenta porque no tiene tipo de licencia asignado';
    }
  },
  statusName: ({ status }) => named(status),
  roleName: ({ role }) => named(role),

  adjustTrigger: ({ input }) => (input === 'delta' ? 'Añadir licencias' : 'Ajustar licencias'),
  adjustExplained: ({ roles }, f) =>
    `Solo ${f.list(roles, 'disjunction')} puede cambiar las licencias.`,
  adjustTitle: ({ pool }) => `Ajustar licencias: ${pool}`,
  adjustDescription: ({ input, current }, f) =>
    `Tienes ${f.plural(current, { one: '# licencia', other: '# licencias' })}. ${input === 'delta' ? 'Indica cuántas añadir.' : 'Indica el nuevo total.'}`,
  direction: ({ direction }) => (direction === 'add' ? 'Añadir' : 'Quitar'),
  directionLabel: () => 'Añadir o quitar licencias',
  inputLabel: ({ input, direction }) =>
    input === 'total'
      ? 'Nuevo total'
      : direction === 'add'
        ? 'Licencias para añadir'
        : 'Licencias para quitar',
  decrement: () => 'Una menos',
  increment: () => 'Una más',
  restoreScheduled: ({ count }, f) =>
    f.plural(count, {
      one: 'Conservar la licencia programada para baja',
      other: 'Conservar las # licencias programadas para baja',
    }),
  quoteLoading: () => 'Calculando el precio…',
  unitPrice: ({ unitPrice, per, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: 'mes',
        quarter: 'trimestre',
        year: 'año',
        day: 'día',
        term: 'periodo del contrato',
        period: 'periodo de facturación',
      })[unit];
    return `${m(unitPrice)} por licencia y ${unitWord(per)}`;
  },
  priceLine: ({ row, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const licences = (n: number) => f.plural(n, { one: '# licencia', other: '# licencias' });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: 'mes',
        quarter: 'trimestre',
        year: 'año',
        day: 'día',
        term: 'periodo del contrato',
        period: 'periodo de facturación',
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
            ? `${licences(n)} × ${m(price)}, prorrateado al segundo, ${span}`
            : row.days === null
              ? `${licences(n)} × ${m(price)}, ${span}`
              : per === 'day'
                ? `${licences(n)} × ${m(price)} por día × ${f.plural(days, { one: '# día', other: '# días' })}`
                : `${licences(n)} × ${m(price)}, ${f.number(days)} de ${f.number(ofDays)} días`;
        return row.kind === 'prorated-credit' ? `Abono: ${text}` : text;
      }
      case 'term-charge':
        return `${licences(n)}, ${f.range(row.from ?? '', row.until ?? '')}`;
      case 'restore':
        return `${licences(row.quantity)} conservadas, sin coste`;
      case 'recurring-change': {
        const who = row.amount < 0 ? `${licences(n)} menos` : licences(n);
        return `${who} × ${m(price)} por ${unitWord(per)}${row.days === null ? '' : ` × ${f.plural(days, { one: '# día', other: '# días' })}`}`;
      }
      default:
        return licences(n);
    }
  },
  dueNow: ({ from, until }, f) =>
    from !== null && until !== null
      ? `A pagar hoy (prorrateado ${f.range(from, until)})`
      : 'A pagar hoy',
  dueNowTotal: () => 'Total a pagar hoy',
  nextInvoice: ({ at, before, after }, f) =>
    before !== null && after !== null
      ? `Próxima factura el ${f.date(at)}: ${before} → ${after}`
      : `Próxima factura el ${f.date(at)}`,
  nextInvoiceChange: () => 'Cambio en la próxima factura',
  commitment: ({ until, amount }, f) => `Compromiso hasta el ${f.date(until)}: ${amount}`,
  committed: ({ change }, f) => {
    const licences = (n: number) => f.plural(n, { one: '# licencia', other: '# licencias' });
    if (change.status === 'scheduled')
      return `${licences(change.plan.removed)} se retiran el ${f.date(change.effectiveAt ?? change.plan.effectiveAt ?? '')}`;
    if (change.status === 'pending-signature')
      return `${licences(change.plan.added)} pendientes de la firma electrónica`;
    const paid = change.charged ?? change.plan.dueNow;
    const money = f.money({ amount: Math.abs(paid.amount), currency: paid.currency });
    if (paid.amount === 0) return `Ahora ${licences(change.plan.to)}`;
    return `Ahora ${licences(change.plan.to)} · ${paid.amount > 0 ? `${money} cobrados` : `${money} abonados`}`;
  },
  effective: ({ plan }, f) =>
    plan.effectiveAt === null
      ? 'Se aplica al completar la firma electrónica'
      : plan.result === 'scheduled'
        ? `Se aplica el ${f.date(plan.effectiveAt)}`
        : 'Se aplica de inmediato',
  planIssue: ({ issue }, f) => {
    switch (issue.code) {
      case 'unknown-pool':
        return 'Ese tipo de licencia no existe.';
      case 'not-an-integer':
        return 'Introduce un número entero.';
      case 'zero':
        return 'Introduce al menos una licencia.';
      case 'no-change':
        return 'El nuevo total es igual al actual.';
      case 'below-assigned':
        return issue.floor === 'holders'
          ? `${f.plural(issue.limit ?? 0, { one: '# licencia está asignada', other: '# licencias están asignadas' })}; elimina usuarios o pásalos a otro tipo de licencia antes.`
          : `${f.plural(issue.limit ?? 0, { one: '# licencia está asignada', other: '# licencias están asignadas' })}; desactiva usuarios antes.`;
      case 'below-min':
        return `No puede bajar de ${f.number(issue.limit ?? 0)}.`;
      case 'above-max':
        return `No puede superar ${f.number(issue.limit ?? 0)}.`;
      case 'increase-not-allowed':
        return `Aquí no se pueden añadir licencias; contacta con ${issue.contact}.`;
      case 'decrease-not-allowed':
        return `Aquí no se pueden reducir licencias; contacta con ${issue.contact}.`;
      case 'contracted-until':
        return issue.contact === undefined
          ? `Estas licencias están contratadas hasta el ${issue.until ? f.date(issue.until) : ''}.`
          : `Estas licencias están contratadas hasta el ${issue.until ? f.date(issue.until) : ''}; contacte con ${issue.contact}.`;
      case 'not-restorable':
        return `Como máximo se pueden restaurar ${f.number(issue.limit ?? 0)} licencias.`;
    }
  },
  termsLabel: () => 'He leído y acepto los términos y condiciones',
  termsLink: () => 'Leer los términos',
  passwordLabel: () => 'Confirma con tu contraseña',
  signatureNotice: () =>
    'Recibirás una solicitud de firma por correo; las licencias se añaden cuando se firme.',
  submit: ({ plan }) => {
    if (plan === null || plan.kind === 'increase') return 'Confirmar compra';
    if (plan.kind === 'restore') return 'Restaurar licencias';
    return plan.result === 'scheduled' ? 'Programar baja' : 'Quitar licencias';
  },
  submitting: () => 'Guardando…',
  submitHint: ({ missing }) =>
    missing.includes('terms') && missing.includes('password')
      ? 'Acepta los términos e introduce tu contraseña para continuar'
      : missing.includes('terms')
        ? 'Acepta los términos para continuar'
        : 'Introduce tu contraseña para continuar',
  cancel: () => 'Cancelar',
  close: () => 'Cerrar',
  success: ({ result, plan }, f) => {
    if (result === 'pending-signature') return 'Pendiente de tu firma electrónica.';
    if (result === 'scheduled' && plan.effectiveAt !== null)
      return `La baja está programada para el ${f.date(plan.effectiveAt)}.`;
    return `Ahora tienes ${f.plural(plan.to, { one: '# licencia', other: '# licencias' })}.`;
  },
  paymentFailed: () => 'El pago ha fallado y no se ha cambiado nada. Revisa tu método de pago.',
  updatePaymentMethod: () => 'Actualizar método de pago',
  declineReason: ({ reason }) => `Respuesta del proveedor de pagos: ${reason}`,
  requoted: ({ before, after }, f) =>
    `Las licencias cambiaron entretanto y el precio se actualizó: a pagar ${f.money(before.dueNow)} → ${f.money(after.dueNow)}, licencias actuales ${f.number(before.from)} → ${f.number(after.from)}.`,
  passwordInvalid: () => 'La contraseña no es correcta.',
  networkError: () => 'Falló la conexión. Revisa tu red e inténtalo de nuevo.',
  genericError: ({ message }) => `Algo salió mal: ${message}`,
  pickToDeactivate: () => 'Desactiva usuarios para bajar de ahí:',
  deactivate: ({ name }) => `Desactivar a ${name}`,
  deleteMember: ({ name }) => `Eliminar a ${name}`,
  pickMember: ({ action }) =>
    action === 'delete' ? 'Elige a quién eliminar:' : 'Elige a quién desactivar:',
  memberChanged: ({ at }, f) => `último cambio: ${f.date(at)}`,
  noMemberToFree: () => 'Ningún otro usuario tiene una licencia que puedas liberar aquí.',
  memberFreed: ({ name, action }) =>
    action === 'delete' ? `${name} se ha eliminado.` : `${name} se ha desactivado.`,

  guardTitle: () => 'No hay licencias disponibles',
  guardBody: ({ used, purchased }, f) =>
    `${f.number(used)} de ${f.plural(purchased, { one: '# licencia', other: '# licencias' })} en uso.`,
  remedyBuy: ({ quantity }, f) =>
    f.plural(quantity, { one: 'Comprar # licencia', other: 'Comprar # licencias' }),
  remedyNonConsuming: (params) =>
    'status' in params ? `Añadir como ${params.status}` : `Añadir como ${params.role}`,
  remedyFreeLicence: ({ quantity }, f) =>
    f.plural(quantity, {
      one: 'Liberar una licencia desactivando a un usuario',
      other: 'Liberar # licencias desactivando usuarios',
    }),
  remedyAskAdmin: ({ roles }, f) => `Pedir una licencia a ${f.list(roles, 'disjunction')}`,
  guardBlocked: () => 'Pide más licencias a un administrador.',
  guardForbidden: () => 'Tu rol no puede añadir usuarios.',
  guardPending: () => 'La compra espera la firma electrónica; después podrás añadir al usuario.',
  remedyConsequence: ({ kind }) =>
    ({
      'use-non-consuming': 'No usa licencia; cámbielo cuando haya una libre.',
      'free-licence': 'Otra persona pierde su licencia; primero confirma quién.',
      'ask-admin': 'El usuario espera hasta que se compren más licencias.',
      continue: 'Al guardar un usuario activo se pedirá una licencia.',
    })[kind],
  guardContinue: () => 'Continuar de todos modos',
};
