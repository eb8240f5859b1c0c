#!/usr/bin/env node
import { runReport } from './report/run-report';

// The `mirrormesh-report` bin: prints the live-vs-mirror summary from a running collector.
void runReport(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
