import { Logger } from '@nestjs/common';
import { SchemaError } from '@mirrormesh/schema';
import { type ServiceApp } from './create-service-app';

/** Exit code for configuration errors, distinct from crashes (1). */
export const EXIT_CONFIG_ERROR = 2;

/** Runs `load`; on a SchemaError prints what is wrong, one rule per line, and exits 2. */
export function loadConfigOrExit<T>(appName: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    process.stderr.write(`${appName}: invalid configuration:\n${error.message.replace(/^/gm, '  ')}\n`);
    process.exit(EXIT_CONFIG_ERROR);
  }
}

/** Listens on the configured host and port; a busy port is one clear line and exit 1, not a stack. */
export async function listenOrExit(service: ServiceApp): Promise<string> {
  const { app, options } = service;
  try {
    await app.listen(options.port, options.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const why = code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges this process does not have';
      process.stderr.write(
        `${options.name}: cannot listen on ${options.host}:${options.port}: the port ${why} (set PORT to another one)\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  new Logger(options.name).log(`listening on ${url}${options.versionTag === undefined ? '' : ` as ${options.versionTag}`}`);
  return url;
}
