import type { FieldError } from '@seats/core/contract';
import { ProblemError } from './problem-error';

interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** What the handler needs of a contract schema (any zod schema fits). */
export interface BodySchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

/** The deepest nesting of arrays and objects a body may have. */
export const maxJsonDepth = 64;

/**
 * The client went away before its body arrived in full (a closed tab, a dropped connection, a
 * proxy's timeout). Nobody reads the answer; it is logged as a client abort, not as a failure.
 */
export class ClientAbortedError extends ProblemError {
  override name = 'ClientAbortedError';
  constructor(cause: unknown) {
    super(400, 'malformed_json', { detail: 'The body ended before it was complete.' });
    this.cause = cause;
  }
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new ClientAbortedError(error);
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  // A small body arrives in one chunk: no copy.
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError(413, 'payload_too_large', {
    detail: `The body is larger than ${maxBytes} bytes.`,
  });
}

/** Decodes whole bodies only (never streams), so one decoder serves every request. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function isJson(contentType: string | null): boolean {
  if (contentType === null) return false;
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mime);
}

/** Zod issues as field errors: `field` is the dotted path, or the unknown key itself. */
export function fieldErrors(issues: readonly SchemaIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys !== undefined) {
      for (const key of issue.keys) {
        errors.push({
          field: path === '' ? key : `${path}.${key}`,
          code: 'unknown_field',
          message: `"${key}" is not a field of this request.`,
        });
      }
    } else errors.push({ field: path, code: issue.code, message: issue.message });
  }
  return errors;
}

/**
 * The request's JSON body checked against `schema`; every way a body can be wrong is a 4xx
 * problem. An empty body stands for `{}` when `emptyAsObject` is set (bodiless actions).
 */
export async function readJsonBody<T>(
  request: Request,
  schema: BodySchema<T>,
  options: { maxBytes: number; emptyAsObject?: boolean },
): Promise<T> {
  const bytes = await readLimited(request, options.maxBytes);
  let value: unknown;
  if (bytes.byteLength === 0 && options.emptyAsObject) value = {};
  else {
    if (!isJson(request.headers.get('content-type'))) {
      throw new ProblemError(415, 'unsupported_media_type', {
        detail: 'Send the body as application/json.',
      });
    }
    try {
      value = JSON.parse(utf8.decode(bytes));
    } catch {
      throw new ProblemError(400, 'malformed_json', { detail: 'The body is not valid JSON.' });
    }
  }
  const errors = checkText(value);
  if (errors === 'too-deep') {
    throw new ProblemError(400, 'malformed_json', {
      detail: `The body nests arrays and objects deeper than ${maxJsonDepth} levels.`,
    });
  }
  if (errors.length > 0) {
    throw new ProblemError(400, 'validation_failed', {
      detail: 'Text may not contain control characters or unpaired UTF-16 surrogates.',
      errors,
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ProblemError(400, 'validation_failed', {
      detail: 'Some fields are missing or invalid.',
      errors: fieldErrors(parsed.error.issues),
    });
  }
  return parsed.data;
}

/**
 * The first character no field of the contract accepts: C0 and C1 control characters and DEL, and
 * unpaired UTF-16 surrogates, which PostgreSQL would store as U+FFFD.
 */
function badCharacter(text: string): number | null {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return code;
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index++;
    else return code;
  }
  return null;
}

function textError(field: string, code: number): FieldError {
  return {
    field,
    code: 'invalid_string',
    message:
      code >= 0xd800
        ? 'Remove the unpaired UTF-16 surrogate.'
        : `Remove the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}.`,
  };
}

/**
 * Walks the parsed body without recursion (JSON.parse itself nests without limit): `too-deep`
 * beyond `maxJsonDepth`, else the field errors of strings and keys holding text no field accepts.
 */
export function checkText(root: unknown): FieldError[] | 'too-deep' {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      const bad = badCharacter(value);
      if (bad !== null && errors.length < 20) errors.push(textError(path, bad));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxJsonDepth) return 'too-deep';
    const entries = Object.entries(value);
    for (const [key] of entries) {
      const bad = badCharacter(key);
      if (bad !== null && errors.length < 20)
        errors.push(textError(path === '' ? key : `${path}.${key}`, bad));
    }
    // Pushed last first, so that fields are reported in the order they were sent.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index] as [string, unknown];
      stack.push({ value: item, path: path === '' ? key : `${path}.${key}`, depth: depth + 1 });
    }
  }
  return errors;
}
