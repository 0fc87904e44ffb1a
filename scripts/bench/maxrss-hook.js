// Loaded with `node --import` when /usr/bin/time is unavailable: on exit, writes this process's
// peak resident set size (KiB, from getrusage) to the file named by COACH_BENCH_MAXRSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.COACH_BENCH_MAXRSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, `${process.resourceUsage().maxRSS}\n`));
