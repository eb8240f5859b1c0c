/** What a command may touch: its streams, where the mesh keeps its state, and Ctrl-C. */
export interface CommandContext {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stateDir: string;
  readonly signal: AbortSignal;
}
