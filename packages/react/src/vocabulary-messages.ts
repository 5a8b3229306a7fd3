import { fillTemplate, type Vocabulary } from '@seats/core';
import type { SeatsFormat } from './format';
import type { SeatsMessageOverrides, SeatsMessages } from './messages';

type Params = Record<string, string | number>;

/**
 * The messages a product's vocabulary replaces, as message functions over the templates; messages
 * that branch (the submit button, the direction) fall back to `base` where the vocabulary says
 * nothing for a branch.
 */
export function vocabularyMessages(
  vocabulary: Vocabulary | undefined,
  base: SeatsMessages,
): SeatsMessageOverrides {
  const words = vocabulary?.messages;
  if (words === undefined) return {};
  const fill = (template: string, params: Params, format: SeatsFormat) =>
    fillTemplate(template, params, format.number);
  const overrides: SeatsMessageOverrides = {};
  const simple = <K extends keyof SeatsMessages & keyof typeof words>(
    key: K,
    params: (input: Parameters<SeatsMessages[K]>[0]) => Params,
  ) => {
    const template = words[key];
    if (template === undefined) return;
    overrides[key] = ((input: Parameters<SeatsMessages[K]>[0], format: SeatsFormat) =>
      fill(template, params(input), format)) as SeatsMessages[K];
  };
  simple('meterLabel', () => ({}));
  simple('usage', ({ used, purchased }) => ({ used, purchased }));
  simple('available', ({ count }) => ({ count }));
  simple('adjustTrigger', ({ pool, term }) => ({
    ...(pool === undefined ? {} : { pool }),
    ...(term === undefined ? {} : { term }),
  }));
  simple('adjustTitle', ({ pool }) => ({ pool }));
  simple('adjustDescription', ({ current }) => ({ current }));
  simple('inputLabel', () => ({}));
  simple('termsLabel', () => ({}));
  simple('passwordLabel', () => ({}));
  simple('guardTitle', () => ({}));
  simple('remedyBuy', ({ quantity }) => ({ quantity }));
  simple('guardContinue', () => ({}));

  const { directionAdd, directionRemove, submitIncrease, submitDecrease, submitRestore } = words;
  if (directionAdd !== undefined || directionRemove !== undefined) {
    overrides.direction = (params, format) => {
      const template = params.direction === 'add' ? directionAdd : directionRemove;
      return template === undefined ? base.direction(params, format) : fill(template, {}, format);
    };
  }
  if (submitIncrease !== undefined || submitDecrease !== undefined || submitRestore !== undefined) {
    overrides.submit = (params, format) => {
      const kind = params.plan?.kind ?? 'increase';
      const template =
        kind === 'increase' ? submitIncrease : kind === 'restore' ? submitRestore : submitDecrease;
      return template === undefined ? base.submit(params, format) : fill(template, {}, format);
    };
  }
  return overrides;
}
