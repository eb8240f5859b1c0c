import { parseEnv } from '@mirrormesh/schema';
import { startTelemetry, type Telemetry } from '@mirrormesh/telemetry';
import { ConfigFileError } from '@mirrormesh/proxy/config-file';
import { AdminExposedError } from './admin-exposure';
import { parseCliArgs, USAGE } from './cli-args';
import { EXIT } from './exit-codes';
import { logEvent } from './lifecycle-log';
import { startSidecar, type Sidecar } from './sidecar';
import { SIDECAR_ENV } from './sidecar-env';

/** Start-up failures a person must fix: printed plainly, exit code 2. */
function fatal(message: string, code: number): never {
  process.stderr.write(`sidecar: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let env;
  let args;
  let telemetry: Telemetry;
  try {
    env = parseEnv(SIDECAR_ENV);
    args = parseCliArgs(process.argv.slice(2));
    telemetry = startTelemetry({ roleName: 'sidecar' });
  } catch (error) {
    return fatal((error as Error).message, EXIT.badConfig);
  }
  const file = args.config ?? env.SIDECAR_CONFIG;
  if (file === undefined) return fatal(`no config file given\n${USAGE}`, EXIT.badConfig);

  let sidecar: Sidecar;
  try {
    sidecar = await startSidecar(file, env, telemetry);
  } catch (error) {
    if (error instanceof ConfigFileError || error instanceof AdminExposedError) return fatal(error.message, EXIT.badConfig);
    const code = (error as NodeJS.ErrnoException).code;
    return fatal(
      `cannot start: ${code === 'EADDRINUSE' || code === 'EACCES' ? `${code} ${(error as { address?: string }).address ?? ''}:${(error as { port?: number }).port ?? ''}` : (error as Error).message}`,
      EXIT.failure,
    );
  }

  const onSignal = (signal: NodeJS.Signals) => {
    logEvent('info', `${signal} received: draining in-flight requests`, { liveInflight: sidecar.proxy.stats().liveInflight });
    void sidecar.shutdown().then((clean) => {
      logEvent(clean ? 'info' : 'error', clean ? 'drained; exiting' : 'shutdown timed out; exiting');
      process.exit(clean ? EXIT.ok : EXIT.failure);
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

void main();
