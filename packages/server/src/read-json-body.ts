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

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
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
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new ProblemError(400, 'malformed_json', { detail: 'The body is not valid JSON.' });
    }
  }
  const nul = findNul(value, '');
  if (nul !== null) {
    throw new ProblemError(400, 'validation_failed', {
      detail: 'Text may not contain NUL characters.',
      errors: [{ field: nul, code: 'invalid_string', message: 'Remove the NUL character.' }],
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

/** The path of the first string (or key) holding a NUL character, which PostgreSQL text cannot store. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (key.includes('\u0000')) return at;
    const found = findNul(item, at);
    if (found !== null) return found;
  }
  return null;
}
