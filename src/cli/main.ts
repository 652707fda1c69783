#!/usr/bin/env node
// The `lockstep` executable.
import { main } from './program.js';

process.exitCode = await main(process.argv);
