#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so that `npx mimgen` works right after `npm ci`
// without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
