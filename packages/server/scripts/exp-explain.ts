import { benchDrivers, benchMembers, createBenchAccount } from './bench-support';
for await (const driver of benchDrivers()) {
  await createBenchAccount(driver.store, 'a', benchMembers('a', 100_000));
  const cols = (addOns: string) => `SELECT id, external_id, seq, name, email, status, role, pool_id, ${addOns} AS add_on_ids, consumes, revision, created_at, updated_at FROM seats_members m WHERE account_id = 'a' AND pool_id = 'viewers' AND consumes ORDER BY seq LIMIT 201`;
  const sub = `(SELECT coalesce(jsonb_agg(a.pool_id ORDER BY a.pool_id), '[]'::jsonb) FROM seats_member_add_ons AS a WHERE a.account_id = m.account_id AND a.member_id = m.id)`;
  const variants = {
    now: cols(sub),
    guarded: cols(`CASE WHEN EXISTS (SELECT 1 FROM seats_member_add_ons WHERE account_id = 'a') THEN ${sub} ELSE '[]'::jsonb END`),
    none: cols(`'[]'::jsonb`),
  } as Record<string, string>;
  for (let round = 0; round < 3; round++)
  for (const [name, sql] of Object.entries(variants)) {
    for (let i = 0; i < 10; i++) await driver.raw(sql);
    const s = performance.now();
    for (let i = 0; i < 60; i++) await driver.raw(sql);
    console.log(driver.label, name, ((performance.now() - s) / 60).toFixed(3), 'ms');
  }
  await driver.close();
}
