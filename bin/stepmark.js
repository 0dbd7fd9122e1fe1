#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
