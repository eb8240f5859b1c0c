/**
 * Whether application log lines may carry ANSI colours. Nest's ConsoleLogger colours
 * unless NO_COLOR is set, even into a log file or a pipe; colour is for terminals.
 * NO_COLOR (any non-empty value) wins, then FORCE_COLOR (anything but 0/false), then
 * whether standard output is a terminal.
 */
export function logColorsEnabled(env: NodeJS.ProcessEnv, stdoutIsTty: boolean | undefined): boolean {
  if ((env.NO_COLOR ?? '') !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stdoutIsTty === true;
}
