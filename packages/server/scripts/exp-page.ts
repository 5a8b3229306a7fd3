import { benchDrivers, benchHandler, benchMembers, createBenchAccount, get, percentile } from './bench-support';
for await (const driver of benchDrivers()) {
  if (!driver.label.includes(process.env.DRIVER ?? 'PGlite')) { await driver.close(); continue; }
  const handle = benchHandler(driver.store);
  await createBenchAccount(driver.store, 'a', benchMembers('a', 100_000));
  const t = (label: string, samples: number[]) => console.log(label, 'p50', percentile(samples, 50).toFixed(2));
  for (let round = 0; round < 2; round++) {
    const full: number[] = [], noParse: number[] = [], store: number[] = [], raw: number[] = [], rawNoAddOns: number[] = [];
    for (let i = 0; i < 60; i++) {
      let s = performance.now(); await (await handle(get('a', 'members?poolId=viewers&consuming=true&limit=200'))).json(); full.push(performance.now() - s);
      s = performance.now(); await (await handle(get('a', 'members?poolId=viewers&consuming=true&limit=200'))).arrayBuffer(); noParse.push(performance.now() - s);
      s = performance.now(); await driver.store.listMembers('a', { poolId: 'viewers', consuming: true, limit: 201 }); store.push(performance.now() - s);
      s = performance.now(); await driver.raw(`SELECT id, external_id, seq, name, email, status, role, pool_id, (SELECT coalesce(jsonb_agg(a.pool_id ORDER BY a.pool_id), '[]'::jsonb) FROM seats_member_add_ons AS a WHERE a.account_id = m.account_id AND a.member_id = m.id) AS add_on_ids, consumes, revision, created_at, updated_at FROM seats_members m WHERE account_id = 'a' AND pool_id = 'viewers' AND consumes ORDER BY seq LIMIT 201`); raw.push(performance.now() - s);
      s = performance.now(); await driver.raw(`SELECT id, external_id, seq, name, email, status, role, pool_id, consumes, revision, created_at, updated_at FROM seats_members m WHERE account_id = 'a' AND pool_id = 'viewers' AND consumes ORDER BY seq LIMIT 201`); rawNoAddOns.push(performance.now() - s);
    }
    t('handler+json', full); t('handler', noParse); t('store.listMembers', store); t('raw sql', raw); t('raw sql without add-on subquery', rawNoAddOns);
  }
  await driver.close();
}
