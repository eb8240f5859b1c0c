import { connect } from 'node:net';

/** Sends raw bytes and returns everything the server answered until it closed or went quiet. */
export function rawRequest(port: number, text: string, quietMs = 300): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let timer = setTimeout(() => socket.end(), quietMs * 5);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      clearTimeout(timer);
      timer = setTimeout(() => socket.end(), quietMs);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', reject);
    socket.write(text);
  });
}
