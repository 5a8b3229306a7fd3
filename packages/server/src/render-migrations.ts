/** The source of `migrations.ts` for the SQL files of `migrations/`, named `NNN_name.sql`. */
export function renderMigrations(files: readonly { file: string; sql: string }[]): string {
  const entries = files.map(({ file, sql }) => {
    const match = /^(\d+)_(.+)\.sql$/.exec(file);
    if (match === null) throw new Error(`migration file "${file}" is not named NNN_name.sql`);
    const text = sql.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
    return `  {\n    version: ${Number(match[1])},\n    name: '${match[2]}',\n    sql: \`${text}\`,\n  },\n`;
  });
  return `// Generated from migrations/*.sql by scripts/embed-migrations.ts; do not edit.\n\nexport interface Migration {\n  version: number;\n  name: string;\n  sql: string;\n}\n\nexport const migrations: readonly Migration[] = [\n${entries.join('')}];\n`;
}
