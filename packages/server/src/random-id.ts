/** A random identifier with a readable prefix, e.g. `mem_3f9a...`; works in Node and browsers. */
export function randomId(prefix: string, bytes = 12): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  return `${prefix}_${Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The SHA-256 of a string, in hex. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
