#!/usr/bin/env node
// The doorlopend command; runs the compiled CLI (npm run build first).
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
