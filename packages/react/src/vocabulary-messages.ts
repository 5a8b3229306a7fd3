import { fillTemplate, type Vocabulary } from '@seats/core';
import type { SeatsFormat } from './format';
import type { SeatsMessageOverrides, SeatsMessages } from './messages';

type Params = Record<string, string | number>;
type Message = (params: Params | undefined, format: SeatsFormat) => string;

const templatedMessages = [
  'meterLabel',
  'usage',
  'available',
  'adjustTrigger',
  'adjustTitle',
  'adjustDescription',
  'inputLabel',
  'termsLabel',
  'passwordLabel',
  'guardTitle',
  'remedyBuy',
  'guardContinue',
] as const satisfies readonly (keyof SeatsMessages & keyof NonNullable<Vocabulary['messages']>)[];

/**
 * The messages a product's vocabulary replaces, as message functions over the templates; messages
 * that branch (the submit button, the direction) fall back to `base` where the vocabulary says
 * nothing for a branch.
 */
export function vocabularyMessages(
  vocabulary: Vocabulary | undefined,
  base: Partial<SeatsMessages>,
): SeatsMessageOverrides {
  const words = vocabulary?.messages;
  if (words === undefined) return {};
  const fill = (template: string, params: Params, format: SeatsFormat) =>
    fillTemplate(template, params, format.number);
  const overrides: SeatsMessageOverrides = {};
  // A template names the message's own parameters ({used}, {pool}...), so it is filled from them.
  for (const key of templatedMessages) {
    const template = words[key];
    if (template === undefined) continue;
    (overrides as Record<string, Message>)[key] = (params, format) =>
      fill(template, params ?? {}, format);
  }

  const { directionAdd, directionRemove, submitIncrease, submitDecrease, submitRestore } = words;
  if (directionAdd !== undefined || directionRemove !== undefined) {
    overrides.direction = (params, format) => {
      const template = params.direction === 'add' ? directionAdd : directionRemove;
      return template === undefined
        ? (base.direction?.(params, format) ?? '')
        : fill(template, {}, format);
    };
  }
  if (submitIncrease !== undefined || submitDecrease !== undefined || submitRestore !== undefined) {
    overrides.submit = (params, format) => {
      const kind = params.plan?.kind ?? 'increase';
      const template =
        kind === 'increase' ? submitIncrease : kind === 'restore' ? submitRestore : submitDecrease;
      return template === undefined
        ? (base.submit?.(params, format) ?? '')
        : fill(template, {}, format);
    };
  }
  return overrides;
}
