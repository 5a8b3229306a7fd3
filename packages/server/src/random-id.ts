const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
// Random bytes drawn 4 KiB at a time, as `crypto.randomUUID` does: a draw per identifier cost
// most of a member write's identifiers (three per write).
let random = new Uint8Array(0);
let used = 0;

/** A random identifier with a readable prefix, e.g. `mem_3f9a...`; works in Node and browsers. */
export function randomId(prefix: string, bytes = 12): string {
  if (used + bytes > random.length) {
    random = crypto.getRandomValues(new Uint8Array(Math.max(4_096, bytes)));
    used = 0;
  }
  let id = `${prefix}_`;
  for (const end = used + bytes; used < end; used++) id += hexOfByte[random[used] as number];
  return id;
}

/** The SHA-256 of a string, in hex. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
