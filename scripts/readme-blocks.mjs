// The code blocks of a README, as a host copies them: read from the file each time, never copied.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every fenced block of `path`, with the heading it sits under and its language. */
export function readmeBlocks(path) {
  const blocks = [];
  let heading = '';
  let open = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (open !== null) {
      if (line.startsWith('```')) {
        blocks.push({ heading, language: open.language, code: open.lines.join('\n') });
        open = null;
      } else open.lines.push(line);
    } else if (line.startsWith('```')) open = { language: line.slice(3).trim(), lines: [] };
    else if (/^#{1,4} /.test(line)) heading = line.replace(/^#+ /, '').trim();
  }
  return blocks;
}

/** The one block of `path` under `heading` whose code starts with `start`; throws when not exactly one. */
export function readmeBlock(path, heading, start) {
  const found = readmeBlocks(path).filter(
    (block) => block.heading === heading && block.code.startsWith(start),
  );
  if (found.length !== 1)
    throw new Error(
      `${found.length} code blocks in ${path} under "${heading}" start with ${start}`,
    );
  return `${found[0].code}\n`;
}

/**
 * A README block as the file of a host app: the block as written, below one import line per module
 * of `host/` for the names it leaves to the host (the stand-ins the check declares there).
 */
export function fromReadme({ readme, heading, start, host = {} }) {
  const imports = Object.entries(host).map(
    ([from, names]) => `import { ${names.join(', ')} } from '${from}';\n`,
  );
  return `// ${readme}, "${heading}", as written.\n${imports.join('')}${readmeBlock(join(root, readme), heading, start)}`;
}

/** The README's "Add a user" step (6), which the Vite app runs in Chromium and the Next.js app builds. */
export const addUserStep = {
  readme: 'README.md',
  heading: 'From your users to a working widget',
  start: "import { AddUserGuard, seatsKeys } from '@seats/react';",
};
