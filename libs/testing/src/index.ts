export { startUpstream, okResponder, refusedEndpoint, eventually, type Upstream, type Recorded, type Responder } from './upstream';
export { createClient, type Reply } from './http-client';
export { rawRequest } from './raw-http';
export { START_TIMEOUT_MS, startTimeoutError } from './start-timeout';
