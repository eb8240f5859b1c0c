'use strict';
// The image's HEALTHCHECK: node is all the runtime image has (no curl, no wget).
// Exit 0 when HEALTHCHECK_URL answers 2xx within the deadline, 1 otherwise.
const http = require('node:http');

/** Below Docker's --timeout (3 s), so a hung check fails here with a message. */
const DEADLINE_MS = 2500;
const url = process.env.HEALTHCHECK_URL || `http://127.0.0.1:${process.env.PORT || 8080}/health/ready`;

const request = http.get(url, { timeout: DEADLINE_MS }, (response) => {
  response.resume();
  const ok = response.statusCode >= 200 && response.statusCode < 300;
  if (!ok) process.stderr.write(`healthcheck: ${url} answered ${response.statusCode}\n`);
  process.exitCode = ok ? 0 : 1;
});
request.on('timeout', () => request.destroy(new Error(`no answer within ${DEADLINE_MS} ms`)));
request.on('error', (error) => {
  process.stderr.write(`healthcheck: ${url}: ${error.message}\n`);
  process.exitCode = 1;
});
