/** The password `createSeatsMsw` accepts for a password confirmation (factro's preset). */
export const demoPassword = 'demo-password';
