// Demo accounts and identities for examples, stories and tests: never for production, where
// `identify` reads the host's own session.
export { defaultDemoAccount, demoIdentify } from './demo-identify';
export { demoPassword } from './demo-password';
export type { DemoAccount } from './seed-demo-accounts';
export { demoAccounts, seedDemoAccounts } from './seed-demo-accounts';
