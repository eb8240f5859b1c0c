/** The sidecar's only argument: `--config FILE` or `--config=FILE`. */
export interface CliArgs {
  readonly config: string | undefined;
}

export const USAGE = 'usage: node dist/main.js --config FILE   (or SIDECAR_CONFIG=FILE)';

export class UsageError extends Error {
  readonly code = 'ERR_USAGE';
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let config: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--config' || arg === '-c') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) throw new UsageError(`${arg} needs a file path\n${USAGE}`);
      config = value;
      i += 1;
    } else if (arg.startsWith('--config=')) config = arg.slice('--config='.length);
    else throw new UsageError(`unknown argument "${arg}"\n${USAGE}`);
  }
  return { config };
}
