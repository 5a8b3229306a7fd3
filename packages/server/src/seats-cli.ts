#!/usr/bin/env node
import { runSeatsCommand } from './seats-command';

runSeatsCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
