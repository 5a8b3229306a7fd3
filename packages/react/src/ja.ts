import type { PriceUnit } from '@seats/core';
import type { SeatsMessages } from './messages';
import { humanize } from './messages';

const words: Record<string, string> = {
  active: '有効',
  inactive: '無効',
  deactivated: '停止',
  locked: 'ロック',
  invited: '招待中',
  guest: 'ゲスト',
  owner: 'オーナー',
  admin: '管理者',
  'billing-admin': '請求管理者',
  member: 'メンバー',
  user: 'ユーザー',
};

/** A status or role in this language, as the product's own words or the slug made readable. */
const named = (slug: string) => words[slug.toLowerCase()] ?? humanize(slug);
/** Japanese. */
export const ja: SeatsMessages = {
  meterLabel: () => 'ライセンス',
  accountLabel: () => 'すべてのライセンス',
  poolTerm: ({ term }) =>
    ({ contracted: '契約', monthly: '月額', daily: '日額', 'add-on': 'アドオン' })[term],
  usage: ({ used, purchased }, f) => `${f.number(purchased)} 件中 ${f.number(used)} 件使用中`,
  available: ({ count }, f) => `空き ${f.number(count)} 件`,
  valueText: ({ used, purchased, available }, f) =>
    `${f.number(purchased)} 件中 ${f.number(used)} 件使用中、空き ${f.number(available)} 件`,
  state: ({ state }) =>
    ({ ok: '上限内', near: '上限間近', full: '上限到達', over: '上限超過' })[state],
  over: ({ count }, f) => `上限を ${f.number(count)} 件超過`,
  scheduledRemoval: ({ count, date }, f) =>
    `${f.date(date)} に ${f.number(count)} 件のライセンスを削除予定`,
  pendingSignature: ({ count }, f) => `${f.number(count)} 件が電子署名待ち`,
  renews: ({ date }, f) => `${f.date(date)} に更新`,
  contractEnds: ({ date }, f) => `契約終了日 ${f.date(date)}`,
  plan: ({ plan }) => `プラン: ${plan}`,
  changeInfo: ({ change, availability: a }, f) => {
    if (a.allowed) {
      if (a.effective === 'period-end' && a.at !== null)
        return `削除は ${f.date(a.at)} に反映されます`;
      if (a.effective === 'after-signature') return '購入は署名後に反映されます';
      return '';
    }
    switch (a.reason) {
      case 'contact':
        return change === 'decrease'
          ? `ライセンスを減らすには ${a.contact} にお問い合わせください`
          : `ライセンスを追加するには ${a.contact} にお問い合わせください`;
      case 'contracted-until':
        return a.contact === undefined
          ? `${f.date(a.until)} まで契約中。更新時に減らせます`
          : `${f.date(a.until)} まで契約中。削除は ${a.contact} にお問い合わせください`;
      case 'at-max':
        return `上限の ${f.number(a.max)} 件に達しています`;
      case 'all-assigned':
        return 'すべてのライセンスが割り当て済みです';
      default:
        return '';
    }
  },
  storageLabel: () => 'ストレージ',
  storage: ({ usedBytes, allowanceBytes }, f) =>
    `${f.bytes(allowanceBytes)} 中 ${f.bytes(usedBytes)} 使用中`,
  loading: () => 'ライセンスを読み込み中…',
  loadError: () => 'ライセンスを読み込めませんでした。',
  notSetUp: () => 'このアカウントではライセンスがまだ設定されていません。',
  signedOut: () => 'ライセンスを表示するにはサインインしてください。',
  retry: () => '再試行',
  noAccess: () => 'このロールではライセンスを表示できません。',
  consumptionReason: ({ reason }) => {
    switch (reason.kind) {
      case 'status-consumes':
        return `ステータスが ${named(reason.status)} のためカウントされます`;
      case 'status-does-not-consume':
        return `ステータスが ${named(reason.status)} のためカウントされません`;
      case 'role-does-not-consume':
        return `ロールが ${named(reason.role)} のためカウントされません`;
      case 'no-pool':
        return 'ライセンス種別が割り当てられていないためカウントされません';
    }
  },
  statusName: ({ status }) => named(status),
  roleName: ({ role }) => named(role),

  adjustTrigger: ({ input }) => (input === 'delta' ? 'ライセンスを追加' : 'ライセンス数を変更'),
  adjustExplained: ({ roles }, f) =>
    `ライセンスを変更できるのは ${f.list(roles, 'disjunction')} のみです。`,
  adjustTitle: ({ pool }) => `ライセンス数を変更: ${pool}`,
  adjustDescription: ({ input, current }, f) =>
    `現在 ${f.number(current)} 件のライセンスがあります。${input === 'delta' ? '追加する数を入力してください。' : '新しい合計数を入力してください。'}`,
  direction: ({ direction }) => (direction === 'add' ? '追加' : '削除'),
  directionLabel: () => 'ライセンスの追加または削除',
  inputLabel: ({ input, direction }) =>
    input === 'total'
      ? '新しい合計数'
      : direction === 'add'
        ? '追加するライセンス数'
        : '削除するライセンス数',
  decrement: () => '1 件減らす',
  increment: () => '1 件増やす',
  restoreScheduled: ({ count }, f) => `削除予定の ${f.number(count)} 件を維持する`,
  quoteLoading: () => '料金を計算中…',
  unitPrice: ({ unitPrice, per, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: '月',
        quarter: '四半期',
        year: '年',
        day: '日',
        term: '契約期間',
        period: '請求期間',
      })[unit];
    return `1ライセンスあたり ${m(unitPrice)}／${unitWord(per)}`;
  },
  priceLine: ({ row, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const licences = (n: number) => f.plural(n, { other: '# ライセンス' });
    const unitWord = (unit: PriceUnit) =>
      ({
        month: '月',
        quarter: '四半期',
        year: '年',
        day: '日',
        term: '契約期間',
        period: '請求期間',
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
            ? `${licences(n)} × ${m(price)}, 秒単位の日割り ${span}`
            : row.days === null
              ? `${licences(n)} × ${m(price)}, ${span}`
              : per === 'day'
                ? `${licences(n)} × ${m(price)}／日 × ${f.number(days)}日`
                : `${licences(n)} × ${m(price)}, ${f.number(ofDays)}日中${f.number(days)}日分`;
        return row.kind === 'prorated-credit' ? `返金: ${text}` : text;
      }
      case 'term-charge':
        return `${licences(n)}, ${f.range(row.from ?? '', row.until ?? '')}`;
      case 'restore':
        return `${licences(row.quantity)} を維持（無料）`;
      case 'recurring-change': {
        const who = row.amount < 0 ? `${licences(n)} 減` : licences(n);
        return `${who} × ${m(price)}／${unitWord(per)}${row.days === null ? '' : ` × ${f.number(days)}日`}`;
      }
      default:
        return licences(n);
    }
  },
  dueNow: ({ from, until }, f) =>
    from !== null && until !== null
      ? `本日のお支払い（日割り ${f.range(from, until)}）`
      : '本日のお支払い',
  dueNowTotal: () => '本日のお支払い合計',
  nextInvoice: ({ at, before, after }, f) =>
    before !== null && after !== null
      ? `次回請求（${f.date(at)}）: ${before} → ${after}`
      : `次回請求（${f.date(at)}）`,
  nextInvoiceChange: () => '次回請求額の変更',
  commitment: ({ until, amount }, f) => `${f.date(until)} までの契約: ${amount}`,
  committed: ({ change }, f) => {
    const licences = (n: number) => f.plural(n, { other: '# ライセンス' });
    if (change.status === 'scheduled')
      return `${f.date(change.effectiveAt ?? change.plan.effectiveAt ?? '')} に ${licences(change.plan.removed)} を削除`;
    if (change.status === 'pending-signature')
      return `${licences(change.plan.added)} が電子署名待ち`;
    const paid = change.charged ?? change.plan.dueNow;
    const money = f.money({ amount: Math.abs(paid.amount), currency: paid.currency });
    if (paid.amount === 0) return `現在 ${licences(change.plan.to)}`;
    return `現在 ${licences(change.plan.to)} · ${paid.amount > 0 ? `${money} を請求` : `${money} を返金`}`;
  },
  effective: ({ plan }, f) =>
    plan.effectiveAt === null
      ? '電子署名の完了後に反映されます'
      : plan.result === 'scheduled'
        ? `${f.date(plan.effectiveAt)} に反映されます`
        : 'すぐに反映されます',
  planIssue: ({ issue }, f) => {
    switch (issue.code) {
      case 'unknown-pool':
        return 'そのライセンス種別はありません。';
      case 'not-an-integer':
        return '整数を入力してください。';
      case 'zero':
        return '1 件以上を入力してください。';
      case 'no-change':
        return '現在の合計数と同じです。';
      case 'below-assigned':
        return issue.floor === 'holders'
          ? `${f.number(issue.limit ?? 0)} 件が割り当て済みです。先にユーザーを削除するか、別のライセンス種別に移してください。`
          : `${f.number(issue.limit ?? 0)} 件が割り当て済みです。先にユーザーを無効化してください。`;
      case 'below-min':
        return `${f.number(issue.limit ?? 0)} 件未満にはできません。`;
      case 'above-max':
        return `${f.number(issue.limit ?? 0)} 件を超えることはできません。`;
      case 'increase-not-allowed':
        return `ここではライセンスを追加できません。${issue.contact} にお問い合わせください。`;
      case 'decrease-not-allowed':
        return `ここではライセンスを減らせません。${issue.contact} にお問い合わせください。`;
      case 'contracted-until':
        return issue.contact === undefined
          ? `これらのライセンスは ${issue.until ? f.date(issue.until) : ''} まで契約中です。`
          : `これらのライセンスは ${issue.until ? f.date(issue.until) : ''} まで契約中です。${issue.contact} にお問い合わせください。`;
      case 'not-restorable':
        return `復元できるのは最大 ${f.number(issue.limit ?? 0)} 件です。`;
    }
  },
  termsLabel: () => '利用規約を読み、同意します',
  termsLink: () => '利用規約を読む',
  passwordLabel: () => 'パスワードで確認',
  signatureNotice: () => '署名依頼をメールでお送りします。署名後にライセンスが追加されます。',
  submit: ({ plan }) => {
    if (plan === null || plan.kind === 'increase') return '購入を確定';
    if (plan.kind === 'restore') return 'ライセンスを復元';
    return plan.result === 'scheduled' ? '削除を予約' : 'ライセンスを削除';
  },
  submitting: () => '保存中…',
  submitHint: ({ missing }) =>
    missing.includes('terms') && missing.includes('password')
      ? '続けるには利用規約に同意し、パスワードを入力してください'
      : missing.includes('terms')
        ? '続けるには利用規約に同意してください'
        : '続けるにはパスワードを入力してください',
  cancel: () => 'キャンセル',
  close: () => '閉じる',
  success: ({ result, plan }, f) => {
    if (result === 'pending-signature') return '電子署名をお待ちしています。';
    if (result === 'scheduled' && plan.effectiveAt !== null)
      return `削除は ${f.date(plan.effectiveAt)} に予約されました。`;
    return `ライセンスは ${f.number(plan.to)} 件になりました。`;
  },
  paymentFailed: () =>
    'お支払いに失敗したため、変更は行われていません。お支払い方法をご確認ください。',
  updatePaymentMethod: () => 'お支払い方法を更新',
  declineReason: ({ reason }) => `決済代行会社からの理由: ${reason}`,
  requoted: ({ before, after }, f) =>
    `ライセンスが変更されたため料金を更新しました: 今回のお支払い ${f.money(before.dueNow)} → ${f.money(after.dueNow)}、現在のライセンス数 ${f.number(before.from)} → ${f.number(after.from)}。`,
  passwordInvalid: () => 'パスワードが正しくありません。',
  networkError: () => '接続に失敗しました。ネットワークを確認して再試行してください。',
  genericError: ({ message }) => `エラーが発生しました: ${message}`,
  pickToDeactivate: () => 'ユーザーを無効化してください:',
  deactivate: ({ name }) => `${name} を無効化`,
  deleteMember: ({ name }) => `${name} を削除`,
  pickMember: ({ action }) =>
    action === 'delete'
      ? '削除するユーザーを選択してください:'
      : '無効化するユーザーを選択してください:',
  memberChanged: ({ at }, f) => `最終変更 ${f.date(at)}`,
  noMemberToFree: () => 'ここで解放できるライセンスを持つ他のユーザーはいません。',
  memberFreed: ({ name, action }) =>
    action === 'delete' ? `${name} を削除しました。` : `${name} を無効化しました。`,

  guardTitle: () => '空きライセンスがありません',
  guardBody: ({ used, purchased }, f) =>
    `${f.number(purchased)} 件中 ${f.number(used)} 件のライセンスが使用中です。`,
  remedyBuy: ({ quantity }, f) => `ライセンスを ${f.number(quantity)} 件購入`,
  remedyNonConsuming: (params) =>
    'status' in params ? `${params.status} として追加` : `${params.role} として追加`,
  remedyFreeLicence: ({ quantity }, f) => `ユーザーを無効化して ${f.number(quantity)} 件を空ける`,
  remedyAskAdmin: ({ roles }, f) => `${f.list(roles, 'disjunction')} にライセンスを依頼`,
  guardBlocked: () => '管理者に追加のライセンスを依頼してください。',
  guardForbidden: () => 'このロールではユーザーを追加できません。',
  guardPending: () => '購入は電子署名待ちです。署名後にユーザーを追加できます。',
  remedyConsequence: ({ kind }) =>
    ({
      'use-non-consuming': 'ライセンスを使いません。空きができたら変更できます。',
      'free-licence': '他のユーザーのライセンスが外れます。先に対象を確認します。',
      'ask-admin': 'ライセンスが追加購入されるまでユーザーは待機します。',
      continue: '有効なユーザーを保存するときにライセンスを確認します。',
    })[kind],
  guardContinue: () => 'このまま続ける',
};
