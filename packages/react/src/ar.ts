import type { PriceUnit } from '@seats/core';
import type { SeatsFormat } from './format';
import type { SeatsMessages } from './messages';
import { humanize } from './messages';

const words: Record<string, string> = {
  active: 'نشط',
  inactive: 'غير نشط',
  deactivated: 'معطّل',
  locked: 'مقفل',
  invited: 'مدعو',
  suspended: 'موقوف',
  guest: 'ضيف',
  owner: 'المالك',
  admin: 'مسؤول',
  'billing-admin': 'مسؤول الفوترة',
  member: 'عضو',
  user: 'مستخدم',
  room: 'غرفة',
  resource: 'مورد',
  asset: 'أصل',
  queue: 'قائمة انتظار',
};

/** A status or role in this language, as the product's own words or the slug made readable. */
const named = (slug: string) => words[slug.toLowerCase()] ?? humanize(slug);

// Arabic counts take six forms: zero, one, two, few (3-10), many (11-99) and other (100+).
const licences = (n: number, f: SeatsFormat) =>
  f.plural(n, {
    zero: 'لا تراخيص',
    one: 'ترخيص واحد',
    two: 'ترخيصان',
    few: '# تراخيص',
    many: '# ترخيصًا',
    other: '# ترخيص',
  });
const days = (n: number, f: SeatsFormat) =>
  f.plural(n, { one: 'يوم واحد', two: 'يومان', few: '# أيام', many: '# يومًا', other: '# يوم' });
const perUnit = (unit: PriceUnit) =>
  ({
    month: 'شهريًا',
    quarter: 'كل ربع سنة',
    year: 'سنويًا',
    day: 'يوميًا',
    term: 'لمدة العقد',
    period: 'لكل فترة فوترة',
  })[unit];

/** Arabic (right to left). */
export const ar: SeatsMessages = {
  meterLabel: () => 'التراخيص',
  accountLabel: () => 'كل التراخيص',
  poolTerm: ({ term }) =>
    ({ contracted: 'بعقد', monthly: 'شهري', daily: 'يومي', 'add-on': 'إضافة' })[term],
  usage: ({ used, purchased }, f) => `${f.number(used)} من ${f.number(purchased)} مستخدمة`,
  available: ({ count }, f) => `${f.number(count)} متاحة`,
  valueText: ({ used, purchased, available }, f) =>
    `${f.number(used)} من ${licences(purchased, f)} مستخدمة، ${f.number(available)} متاحة`,
  state: ({ state }) =>
    ({ ok: 'ضمن الحد', near: 'قارب الحد', full: 'ممتلئ', over: 'تجاوز الحد' })[state],
  over: ({ count }, f) => `${f.number(count)} فوق الحد`,
  scheduledRemoval: ({ count, date }, f) => `تُزال ${licences(count, f)} في ${f.date(date)}`,
  pendingSignature: ({ count }, f) => `${licences(count, f)} بانتظار التوقيع الإلكتروني`,
  renews: ({ date }, f) => `يتجدد في ${f.date(date)}`,
  contractEnds: ({ date }, f) => `ينتهي العقد في ${f.date(date)}`,
  plan: ({ plan }) => `الخطة: ${plan}`,
  changeInfo: ({ change, availability: a }, f) => {
    if (a.allowed) {
      if (a.effective === 'period-end' && a.at !== null) return `تسري الإزالة في ${f.date(a.at)}`;
      if (a.effective === 'after-signature') return 'تسري المشتريات بعد التوقيع';
      return '';
    }
    switch (a.reason) {
      case 'contact':
        return change === 'decrease'
          ? `لإزالة تراخيص تواصل مع ${a.contact}`
          : `لإضافة تراخيص تواصل مع ${a.contact}`;
      case 'contracted-until':
        return a.contact === undefined
          ? `بعقد حتى ${f.date(a.until)}؛ يمكن التخفيض عند التجديد`
          : `بعقد حتى ${f.date(a.until)}؛ للإزالة تواصل مع ${a.contact}`;
      case 'at-max':
        return `بلغ الحد الأقصى ${f.number(a.max)}`;
      case 'all-assigned':
        return 'كل التراخيص مُسندة';
      default:
        return '';
    }
  },
  storageLabel: () => 'التخزين',
  storage: ({ usedBytes, allowanceBytes }, f) =>
    `${f.bytes(usedBytes)} من ${f.bytes(allowanceBytes)} مستخدمة`,
  loading: () => 'جارٍ تحميل التراخيص…',
  loadError: () => 'تعذّر تحميل التراخيص.',
  notSetUp: () => 'لم تُعَدّ التراخيص لهذا الحساب بعد.',
  signedOut: () => 'سجّل الدخول لعرض التراخيص.',
  retry: () => 'إعادة المحاولة',
  noAccess: () => 'لا يسمح دورك بعرض التراخيص.',
  consumptionReason: ({ reason }) => {
    switch (reason.kind) {
      case 'status-consumes':
        return `يُحتسب لأن الحالة ${named(reason.status)}`;
      case 'status-does-not-consume':
        return `لا يُحتسب لأن الحالة ${named(reason.status)}`;
      case 'role-does-not-consume':
        return `لا يُحتسب لأن الدور ${named(reason.role)}`;
      case 'no-pool':
        return 'لا يُحتسب لأنه بلا نوع ترخيص';
    }
  },
  statusName: ({ status }) => named(status),
  roleName: ({ role }) => named(role),

  adjustTrigger: ({ input }) => (input === 'delta' ? 'إضافة تراخيص' : 'تغيير عدد المستخدمين'),
  adjustExplained: ({ roles }, f) => `لا يغيّر التراخيص إلا ${f.list(roles, 'disjunction')}.`,
  adjustTitle: ({ pool }) => `تغيير التراخيص: ${pool}`,
  adjustDescription: ({ input, current }, f) =>
    `لديك ${licences(current, f)}. ${input === 'delta' ? 'أدخل عدد ما تريد إضافته.' : 'أدخل العدد الإجمالي الجديد.'}`,
  direction: ({ direction }) => (direction === 'add' ? 'إضافة' : 'إزالة'),
  directionLabel: () => 'إضافة تراخيص أو إزالتها',
  inputLabel: ({ input, direction }) =>
    input === 'total'
      ? 'العدد الإجمالي الجديد'
      : direction === 'add'
        ? 'تراخيص إضافية'
        : 'تراخيص للإزالة',
  decrement: () => 'واحد أقل',
  increment: () => 'واحد أكثر',
  restoreScheduled: ({ count }, f) => `الإبقاء على ${licences(count, f)} مقرر إزالتها`,
  quoteLoading: () => 'جارٍ حساب السعر…',
  unitPrice: ({ unitPrice, per, currency }, f) =>
    `${f.money({ amount: unitPrice, currency })} لكل ترخيص ${perUnit(per)}`,
  priceLine: ({ row, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const n = row.quantity;
    const price = row.unitPrice ?? 0;
    switch (row.kind) {
      case 'prorated-charge':
      case 'prorated-credit': {
        const span = f.range(row.from ?? '', row.until ?? '');
        const text =
          row.proration === 'second'
            ? `${licences(n, f)} × ${m(price)}، بالتناسب حتى الثانية، ${span}`
            : row.days === null
              ? `${licences(n, f)} × ${m(price)}، ${span}`
              : row.per === 'day'
                ? `${licences(n, f)} × ${m(price)} يوميًا × ${days(row.days, f)}`
                : `${licences(n, f)} × ${m(price)}، ${f.number(row.days)} من ${days(row.ofDays ?? 0, f)}`;
        return row.kind === 'prorated-credit' ? `رصيد: ${text}` : text;
      }
      case 'term-charge':
        return `${licences(n, f)}، ${f.range(row.from ?? '', row.until ?? '')}`;
      case 'restore':
        return `الإبقاء على ${licences(n, f)}، بلا تكلفة`;
      case 'recurring-change': {
        const who = row.amount < 0 ? `${licences(n, f)} أقل` : licences(n, f);
        return `${who} × ${m(price)} ${perUnit(row.per ?? 'period')}${row.days === null ? '' : ` × ${days(row.days, f)}`}`;
      }
      default:
        return licences(n, f);
    }
  },
  dueNow: ({ from, until }, f) =>
    from !== null && until !== null
      ? `مستحق اليوم (بالتناسب ${f.range(from, until)})`
      : 'مستحق اليوم',
  dueNowTotal: () => 'إجمالي المستحق اليوم',
  nextInvoice: ({ at, before, after }, f) =>
    before !== null && after !== null
      ? `الفاتورة التالية في ${f.date(at)}: ${before} ← ${after}`
      : `الفاتورة التالية في ${f.date(at)}`,
  nextInvoiceChange: () => 'التغيير في الفاتورة التالية',
  commitment: ({ until, amount }, f) => `التزام حتى ${f.date(until)}: ${amount}`,
  committed: ({ change }, f) => {
    if (change.status === 'scheduled')
      return `تُزال ${licences(change.plan.removed, f)} في ${f.date(change.effectiveAt ?? change.plan.effectiveAt ?? '')}`;
    if (change.status === 'pending-signature')
      return `${licences(change.plan.added, f)} بانتظار التوقيع الإلكتروني`;
    const paid = change.charged ?? change.plan.dueNow;
    const money = f.money({ amount: Math.abs(paid.amount), currency: paid.currency });
    if (paid.amount === 0) return `الآن ${licences(change.plan.to, f)}`;
    return `الآن ${licences(change.plan.to, f)} · ${paid.amount > 0 ? `تم تحصيل ${money}` : `أُضيف رصيد ${money}`}`;
  },
  effective: ({ plan }, f) =>
    plan.effectiveAt === null
      ? 'يسري بعد إتمام التوقيع الإلكتروني'
      : plan.result === 'scheduled'
        ? `يسري في ${f.date(plan.effectiveAt)}`
        : 'يسري فورًا',
  planIssue: ({ issue }, f) => {
    switch (issue.code) {
      case 'unknown-pool':
        return 'نوع الترخيص هذا غير موجود.';
      case 'not-an-integer':
        return 'أدخل عددًا صحيحًا.';
      case 'zero':
        return 'أدخل ترخيصًا واحدًا على الأقل.';
      case 'no-change':
        return 'العدد الإجمالي الجديد يساوي الحالي.';
      case 'below-assigned':
        return issue.floor === 'holders'
          ? `${licences(issue.limit ?? 0, f)} مُسندة إلى مستخدمين؛ احذف مستخدمين أو انقلهم إلى نوع ترخيص آخر أولًا.`
          : `${licences(issue.limit ?? 0, f)} مُسندة؛ عطّل مستخدمين أولًا.`;
      case 'below-min':
        return `لا يمكن أن يقل العدد عن ${f.number(issue.limit ?? 0)}.`;
      case 'above-max':
        return `لا يمكن أن يزيد العدد عن ${f.number(issue.limit ?? 0)}.`;
      case 'increase-not-allowed':
        return `لا يمكن إضافة تراخيص هنا؛ تواصل مع ${issue.contact}.`;
      case 'decrease-not-allowed':
        return `لا يمكن تقليل التراخيص هنا؛ تواصل مع ${issue.contact}.`;
      case 'contracted-until':
        return issue.contact === undefined
          ? `هذه التراخيص بعقد حتى ${issue.until ? f.date(issue.until) : ''}.`
          : `هذه التراخيص بعقد حتى ${issue.until ? f.date(issue.until) : ''}؛ تواصل مع ${issue.contact}.`;
      case 'not-restorable':
        return `لا يمكن استعادة أكثر من ${licences(issue.limit ?? 0, f)}.`;
    }
  },
  termsLabel: () => 'قرأت الشروط والأحكام وأوافق عليها',
  termsLink: () => 'قراءة الشروط',
  passwordLabel: () => 'التأكيد بكلمة المرور',
  signatureNotice: () => 'سيصلك طلب توقيع بالبريد الإلكتروني؛ تُضاف التراخيص بعد التوقيع.',
  submit: ({ plan }) => {
    if (plan === null || plan.kind === 'increase') return 'تأكيد الشراء';
    if (plan.kind === 'restore') return 'استعادة التراخيص';
    return plan.result === 'scheduled' ? 'جدولة الإزالة' : 'إزالة التراخيص';
  },
  submitting: () => 'جارٍ الحفظ…',
  submitHint: ({ missing }) =>
    missing.includes('terms') && missing.includes('password')
      ? 'وافق على الشروط وأدخل كلمة المرور للمتابعة'
      : missing.includes('terms')
        ? 'وافق على الشروط للمتابعة'
        : 'أدخل كلمة المرور للمتابعة',
  cancel: () => 'إلغاء',
  close: () => 'إغلاق',
  success: ({ result, plan }, f) => {
    if (result === 'pending-signature') return 'بانتظار توقيعك الإلكتروني.';
    if (result === 'scheduled' && plan.effectiveAt !== null)
      return `جُدولت الإزالة في ${f.date(plan.effectiveAt)}.`;
    return `لديك الآن ${licences(plan.to, f)}.`;
  },
  paymentFailed: () => 'فشل الدفع ولم يتغير شيء. تحقّق من وسيلة الدفع.',
  updatePaymentMethod: () => 'تحديث وسيلة الدفع',
  declineReason: ({ reason }) => `رد مزوّد الدفع: ${reason}`,
  requoted: ({ before, after }, f) =>
    `تغيّرت التراخيص في هذه الأثناء فتحدّث السعر: المستحق الآن ${f.money(before.dueNow)} ← ${f.money(after.dueNow)}، واليوم ${f.number(before.from)} ← ${f.number(after.from)} ترخيص.`,
  passwordInvalid: () => 'كلمة المرور غير صحيحة.',
  networkError: () => 'تعذّر الاتصال. حاول مرة أخرى.',
  genericError: ({ message }) => `حدث خطأ: ${message}`,
  pickToDeactivate: () => 'عطّل مستخدمين للنزول دون هذا العدد:',
  deactivate: ({ name }) => `تعطيل ${name}`,
  deleteMember: ({ name }) => `حذف ${name}`,
  pickMember: ({ action }) => (action === 'delete' ? 'اختر من تريد حذفه:' : 'اختر من تريد تعطيله:'),
  memberChanged: ({ at }, f) => `آخر تغيير ${f.date(at)}`,
  noMemberToFree: () => 'لا يوجد مستخدم آخر لديه ترخيص يمكنك تحريره هنا.',
  memberFreed: ({ name, action }) =>
    action === 'delete' ? `تم حذف ${name}.` : `تم تعطيل ${name}.`,

  guardTitle: () => 'لا تراخيص متاحة',
  guardBody: ({ used, purchased }, f) =>
    `${f.number(used)} من ${licences(purchased, f)} قيد الاستخدام.`,
  remedyBuy: ({ quantity }, f) => `شراء ${licences(quantity, f)}`,
  remedyNonConsuming: (params) =>
    'status' in params ? `إضافة بحالة ${params.status}` : `إضافة بدور ${params.role}`,
  remedyFreeLicence: ({ quantity }, f) =>
    quantity === 1 ? 'تحرير ترخيص بتعطيل مستخدم' : `تحرير ${licences(quantity, f)} بتعطيل مستخدمين`,
  remedyAskAdmin: ({ roles }, f) => `طلب ترخيص من ${f.list(roles, 'disjunction')}`,
  guardBlocked: () => 'اطلب من مسؤول تراخيص إضافية.',
  guardForbidden: () => 'لا يسمح دورك بإضافة مستخدمين.',
  guardPending: () => 'الشراء بانتظار التوقيع الإلكتروني؛ يمكن إضافة المستخدم بعده.',
  remedyConsequence: ({ kind }) =>
    ({
      'use-non-consuming': 'لا يستهلك ترخيصًا؛ يمكن تغييره لاحقًا عند توفر ترخيص.',
      'free-licence': 'يفقد شخص آخر ترخيصه؛ تؤكد أولًا من هو.',
      'ask-admin': 'ينتظر المستخدم حتى تُشترى تراخيص إضافية.',
      continue: 'عند حفظ مستخدم نشط يُطلب ترخيص.',
    })[kind],
  guardContinue: () => 'المتابعة على أي حال',
};
