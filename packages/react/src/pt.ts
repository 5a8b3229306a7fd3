import type { PriceUnit } from '@seats/core';
import type { SeatsMessages } from './messages';
import { humanize } from './messages';

const words: Record<string, string> = {
  active: 'Ativo',
  inactive: 'Inativo',
  deactivated: 'Desativado',
  locked: 'Bloqueado',
  invited: 'Convidado',
  guest: 'Convidado',
  owner: 'Proprietário',
  admin: 'Administrador',
  'billing-admin': 'Administrador de cobrança',
  member: 'Membro',
  user: 'Usuário',
};

/** A status or role in this language, as the product's own words or the slug made readable. */
const named = (slug: string) => words[slug.toLowerCase()] ?? humanize(slug);
/** Portuguese. */
export const pt: SeatsMessages = {
  meterLabel: () => 'Licenças',
  accountLabel: () => 'Todas as licenças',
  poolTerm: ({ term }) =>
    ({ contracted: 'Contratada', monthly: 'Mensal', daily: 'Diária', 'add-on': 'Complemento' })[
      term
    ],
  usage: ({ used, purchased }, f) => `${f.number(used)} de ${f.number(purchased)} em uso`,
  available: ({ count }, f) => f.plural(count, { one: '# disponível', other: '# disponíveis' }),
  valueText: ({ used, purchased, available }, f) =>
    `${f.number(used)} de ${f.plural(purchased, { one: '# licença', other: '# licenças' })} em uso, ${f.plural(available, { one: '# disponível', other: '# disponíveis' })}`,
  state: ({ state }) =>
    ({
      ok: 'Dentro do limite',
      near: 'Perto do limite',
      full: 'Completo',
      over: 'Limite excedido',
    })[state],
  over: ({ count }, f) => f.plural(count, { other: '# acima do limite' }),
  scheduledRemoval: ({ count, date }, f) =>
    `${f.plural(count, { one: '# licença será removida', other: '# licenças serão removidas' })} em ${f.date(date)}`,
  pendingSignature: ({ count }, f) =>
    f.plural(count, {
      one: '# licença aguardando assinatura',
      other: '# licenças aguardando assinatura',
    }),
  renews: ({ date }, f) => `Renova em ${f.date(date)}`,
  contractEnds: ({ date }, f) => `O contrato termina em ${f.date(date)}`,
  plan: ({ plan }) => `Plano: ${plan}`,
  changeInfo: ({ change, availability: a }, f) => {
    if (a.allowed) {
      if (a.effective === 'period-end' && a.at !== null)
        return `As remoções entram em vigor em ${f.date(a.at)}`;
      if (a.effective === 'after-signature') return 'As compras entram em vigor após a assinatura';
      return '';
    }
    switch (a.reason) {
      case 'contact':
        return change === 'decrease'
          ? `Para remover licenças, contate ${a.contact}`
          : `Para adicionar licenças, contate ${a.contact}`;
      case 'contracted-until':
        return a.contact === undefined
          ? `Contratadas até ${f.date(a.until)}; podem ser reduzidas na renovação`
          : `Contratadas até ${f.date(a.until)}; para remover licenças, contacte ${a.contact}`;
      case 'at-max':
        return `Máximo de ${f.number(a.max)} atingido`;
      case 'all-assigned':
        return 'Todas as licenças estão atribuídas';
      default:
        return '';
    }
  },
  storageLabel: () => 'Armazenamento',
  storage: ({ usedBytes, allowanceBytes }, f) =>
    `${f.bytes(usedBytes)} de ${f.bytes(allowanceBytes)} em uso`,
  loading: () => 'Carregando licenças…',
  loadError: () => 'Não foi possível carregar as licenças.',
  notSetUp: () => 'As licenças ainda não estão configuradas para esta conta.',
  signedOut: () => 'Entre para ver as licenças.',
  retry: () => 'Tentar novamente',
  noAccess: () => 'Sua função não pode ver licenças.',
  consumptionReason: ({ reason }) => {
    switch (reason.kind) {
      case 'status-consumes':
        return `Conta porque o status é ${named(reason.status)}`;
      case 'status-does-not-consume':
        return `Não conta porque o status é ${named(reason.status)}`;
      case 'role-does-not-consume':
        return `Não conta porque a função é ${named(reason.role)}`;
      case 'no-pool':
        return 'Não conta porque nenhum tipo de licença foi atribuído';
    }
  },
  statusName: ({ status }) => named(status),
  roleName: ({ role }) => named(role),

  adjustTrigger: ({ input }) => (input === 'delta' ? 'Adicionar licenças' : 'Ajustar licenças'),
  adjustExplained: ({ roles }, f) =>
    `Somente ${f.list(roles, 'disjunction')} pode alterar licenças.`,
  adjustTitle: ({ pool }) => `Ajustar licenças: ${pool}`,
  adjustDescription: ({ input, current }, f) =>
    `Você tem ${f.plural(current, { one: '# licença', other: '# licenças' })}. ${input === 'delta' ? 'Informe quantas adicionar.' : 'Informe o novo total.'}`,
  direction: ({ direction }) => (direction === 'add' ? 'Adicionar' : 'Remover'),
  directionLabel: () => 'Adicionar ou remover licenças',
  inputLabel: ({ input, direction }) =>
    input === 'total'
      ? 'Novo total'
      : direction === 'add'
        ? 'Licenças a adicionar'
        : 'Licenças a remover',
  decrement: () => 'Uma a menos',
  increment: () => 'Uma a mais',
  restoreScheduled: ({ count }, f) =>
    f.plural(count, {
      one: 'Manter a licença agendada para remoção',
      other: 'Manter as # licenças agendadas para remoção',
    }),
  quoteLoading: () => 'Calculando o preço…',
  unitPrice: ({ unitPrice, per, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: 'mês',
        quarter: 'trimestre',
        year: 'ano',
        day: 'dia',
        term: 'prazo do contrato',
        period: 'período de faturação',
      })[unit];
    return `${m(unitPrice)} por licença por ${unitWord(per)}`;
  },
  priceLine: ({ row, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const licences = (n: number) => f.plural(n, { one: '# licença', other: '# licenças' });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: 'mês',
        quarter: 'trimestre',
        year: 'ano',
        day: 'dia',
        term: 'prazo do contrato',
        period: 'período de faturação',
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
            ? `${licences(n)} × ${m(price)}, proporcional ao segundo, ${span}`
            : row.days === null
              ? `${licences(n)} × ${m(price)}, ${span}`
              : per === 'day'
                ? `${licences(n)} × ${m(price)} por dia × ${f.plural(days, { one: '# dia', other: '# dias' })}`
                : `${licences(n)} × ${m(price)}, ${f.number(days)} de ${f.number(ofDays)} dias`;
        return row.kind === 'prorated-credit' ? `Crédito: ${text}` : text;
      }
      case 'term-charge':
        return `${licences(n)}, ${f.range(row.from ?? '', row.until ?? '')}`;
      case 'restore':
        return `${licences(row.quantity)} mantidas, sem custo`;
      case 'recurring-change': {
        const who = row.amount < 0 ? `${licences(n)} a menos` : licences(n);
        return `${who} × ${m(price)} por ${unitWord(per)}${row.days === null ? '' : ` × ${f.plural(days, { one: '# dia', other: '# dias' })}`}`;
      }
      default:
        return licences(n);
    }
  },
  dueNow: ({ from, until }, f) =>
    from !== null && until !== null
      ? `A pagar hoje (proporcional, ${f.range(from, until)})`
      : 'A pagar hoje',
  dueNowTotal: () => 'Total a pagar hoje',
  nextInvoice: ({ at, before, after }, f) =>
    before !== null && after !== null
      ? `Próxima fatura em ${f.date(at)}: ${before} → ${after}`
      : `Próxima fatura em ${f.date(at)}`,
  nextInvoiceChange: () => 'Alteração na próxima fatura',
  commitment: ({ until, amount }, f) => `Compromisso até ${f.date(until)}: ${amount}`,
  committed: ({ change }, f) => {
    const licences = (n: number) => f.plural(n, { one: '# licença', other: '# licenças' });
    if (change.status === 'scheduled')
      return `${licences(change.plan.removed)} saem em ${f.date(change.effectiveAt ?? change.plan.effectiveAt ?? '')}`;
    if (change.status === 'pending-signature')
      return `${licences(change.plan.added)} aguardando a assinatura eletrônica`;
    const paid = change.charged ?? change.plan.dueNow;
    const money = f.money({ amount: Math.abs(paid.amount), currency: paid.currency });
    if (paid.amount === 0) return `Agora ${licences(change.plan.to)}`;
    return `Agora ${licences(change.plan.to)} · ${paid.amount > 0 ? `${money} cobrados` : `${money} creditados`}`;
  },
  effective: ({ plan }, f) =>
    plan.effectiveAt === null
      ? 'Entra em vigor após a assinatura eletrônica'
      : plan.result === 'scheduled'
        ? `Entra em vigor em ${f.date(plan.effectiveAt)}`
        : 'Entra em vigor imediatamente',
  planIssue: ({ issue }, f) => {
    switch (issue.code) {
      case 'unknown-pool':
        return 'Esse tipo de licença não existe.';
      case 'not-an-integer':
        return 'Informe um número inteiro.';
      case 'zero':
        return 'Informe pelo menos uma licença.';
      case 'no-change':
        return 'O novo total é igual ao atual.';
      case 'below-assigned':
        return issue.floor === 'holders'
          ? `${f.plural(issue.limit ?? 0, { one: '# licença está atribuída', other: '# licenças estão atribuídas' })}; exclua usuários ou passe-os para outro tipo de licença antes.`
          : `${f.plural(issue.limit ?? 0, { one: '# licença está atribuída', other: '# licenças estão atribuídas' })}; desative usuários antes.`;
      case 'below-min':
        return `Não pode ficar abaixo de ${f.number(issue.limit ?? 0)}.`;
      case 'above-max':
        return `Não pode passar de ${f.number(issue.limit ?? 0)}.`;
      case 'increase-not-allowed':
        return `Não é possível adicionar licenças aqui; contate ${issue.contact}.`;
      case 'decrease-not-allowed':
        return `Não é possível reduzir licenças aqui; contate ${issue.contact}.`;
      case 'contracted-until':
        return issue.contact === undefined
          ? `Estas licenças estão contratadas até ${issue.until ? f.date(issue.until) : ''}.`
          : `Estas licenças estão contratadas até ${issue.until ? f.date(issue.until) : ''}; contacte ${issue.contact}.`;
      case 'not-restorable':
        return `No máximo ${f.number(issue.limit ?? 0)} licenças podem ser restauradas.`;
    }
  },
  termsLabel: () => 'Li e aceito os termos e condições',
  termsLink: () => 'Ler os termos',
  passwordLabel: () => 'Confirme com sua senha',
  signatureNotice: () =>
    'Você receberá um pedido de assinatura por e-mail; as licenças são adicionadas após a assinatura.',
  submit: ({ plan }) => {
    if (plan === null || plan.kind === 'increase') return 'Confirmar compra';
    if (plan.kind === 'restore') return 'Restaurar licenças';
    return plan.result === 'scheduled' ? 'Agendar remoção' : 'Remover licenças';
  },
  submitting: () => 'Salvando…',
  submitHint: ({ missing }) =>
    missing.includes('terms') && missing.includes('password')
      ? 'Aceite os termos e digite sua senha para continuar'
      : missing.includes('terms')
        ? 'Aceite os termos para continuar'
        : 'Digite sua senha para continuar',
  cancel: () => 'Cancelar',
  close: () => 'Fechar',
  success: ({ result, plan }, f) => {
    if (result === 'pending-signature') return 'Aguardando sua assinatura eletrônica.';
    if (result === 'scheduled' && plan.effectiveAt !== null)
      return `A remoção está agendada para ${f.date(plan.effectiveAt)}.`;
    return `Agora você tem ${f.plural(plan.to, { one: '# licença', other: '# licenças' })}.`;
  },
  paymentFailed: () => 'O pagamento falhou e nada foi alterado. Verifique seu método de pagamento.',
  updatePaymentMethod: () => 'Atualizar método de pagamento',
  declineReason: ({ reason }) => `Resposta do provedor de pagamento: ${reason}`,
  requoted: ({ before, after }, f) =>
    `As licenças mudaram nesse meio-tempo e o preço foi atualizado: a pagar ${f.money(before.dueNow)} → ${f.money(after.dueNow)}, licenças atuais ${f.number(before.from)} → ${f.number(after.from)}.`,
  passwordInvalid: () => 'A senha não está correta.',
  networkError: () => 'A conexão falhou. Verifique sua rede e tente novamente.',
  genericError: ({ message }) => `Algo deu errado: ${message}`,
  pickToDeactivate: () => 'Desative usuários para ficar abaixo disso:',
  deactivate: ({ name }) => `Desativar ${name}`,
  deleteMember: ({ name }) => `Excluir ${name}`,
  pickMember: ({ action }) =>
    action === 'delete' ? 'Escolha quem excluir:' : 'Escolha quem desativar:',
  memberChanged: ({ at }, f) => `alterado em ${f.date(at)}`,
  noMemberToFree: () => 'Nenhum outro usuário tem uma licença que você possa liberar aqui.',
  memberFreed: ({ name, action }) =>
    action === 'delete' ? `${name} foi excluído.` : `${name} foi desativado.`,

  guardTitle: () => 'Nenhuma licença disponível',
  guardBody: ({ used, purchased }, f) =>
    `${f.number(used)} de ${f.plural(purchased, { one: '# licença', other: '# licenças' })} em uso.`,
  remedyBuy: ({ quantity }, f) =>
    f.plural(quantity, { one: 'Comprar # licença', other: 'Comprar # licenças' }),
  remedyNonConsuming: (params) =>
    'status' in params ? `Adicionar como ${params.status}` : `Adicionar como ${params.role}`,
  remedyFreeLicence: ({ quantity }, f) =>
    f.plural(quantity, {
      one: 'Liberar uma licença desativando um usuário',
      other: 'Liberar # licenças desativando usuários',
    }),
  remedyAskAdmin: ({ roles }, f) => `Pedir uma licença a ${f.list(roles, 'disjunction')}`,
  guardBlocked: () => 'Peça mais licenças a um administrador.',
  guardForbidden: () => 'Sua função não pode adicionar usuários.',
  guardPending: () =>
    'A compra aguarda a assinatura eletrônica; o usuário poderá ser adicionado depois.',
  remedyConsequence: ({ kind }) =>
    ({
      'use-non-consuming': 'Não usa licença; altere quando houver uma livre.',
      'free-licence': 'Outra pessoa perde a licença; você confirma quem primeiro.',
      'ask-admin': 'O usuário aguarda até que mais licenças sejam compradas.',
      continue: 'Ao salvar um usuário ativo, uma licença será solicitada.',
    })[kind],
  guardContinue: () => 'Continuar mesmo assim',
};
