export { startUpstream, okResponder, refusedEndpoint, eventually, type Upstream, type Recorded, type Responder } from './upstream';
export { createClient, type Reply } from './http-client';
export { rawRequest } from './raw-http';
export { START_TIMEOUT_MS, startTimeoutError } from './start-timeout';
export { slowClient, SLOW_CLIENT_GIVE_UP_MS } from './slow-client';
export { startWebSocketUpstream, acceptKeyOf, type WebSocketUpstream } from './websocket-upstream';
export { openWebSocket, type WebSocketClient } from './websocket-client';
