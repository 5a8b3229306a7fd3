import { benchDrivers, benchHandler, benchMembers, createBenchAccount, get, percentile } from './bench-support';
for await (const driver of benchDrivers()) {
  if (!driver.label.includes('Postgre')) { await driver.close(); continue; }
  const handle = benchHandler(driver.store);
  const store = driver.store;
  await createBenchAccount(driver.store, 'a', benchMembers('a', 10_000));
  let running = true;
  const pagers = Array.from({ length: 15 }, async () => {
    while (running) await (await handle(get('a', 'members?poolId=viewers&consuming=true&limit=200'))).arrayBuffer();
  });
  const modes: Record<string, () => Promise<unknown>> = {
    handler: async () => (await handle(get('a', 'summary'))).arrayBuffer(),
    sequential: async () => { await store.loadAccount('a'); await store.newestOpenChanges('a', 5); },
    parallel: () => Promise.all([store.loadAccount('a'), store.newestOpenChanges('a', 5)]),
    one: () => store.loadAccount('a'),
  };
  const samples: Record<string, number[]> = {};
  for (let i = 0; i < 400; i++) for (const [name, task] of Object.entries(modes)) {
    const t = performance.now(); await task(); (samples[name] ??= []).push(performance.now() - t);
  }
  running = false; await Promise.all(pagers);
  for (const [name, s] of Object.entries(samples)) console.log(name, 'p50', percentile(s, 50).toFixed(2), 'p99', percentile(s, 99).toFixed(2));
  await driver.close();
}
