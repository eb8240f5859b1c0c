/** Base of the CLI's errors: their message is shown as is, without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line is wrong: exit code 2, like every mirrormesh process refusing its input. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Starting, changing or stopping the local mesh failed. */
export class MeshError extends CliError {
  constructor(message: string, exitCode = 1) {
    super(message, exitCode);
  }
}

/** A command needs the running mesh and none runs from the state directory; says how to start one. */
export class NoMeshError extends MeshError {
  constructor(command: string, stateDir: string) {
    super(`mirrormesh ${command}: no mesh is running from ${stateDir}: start one with "npm start"`);
  }
}

/** A signal arrived while the mesh was starting: what had started was stopped. Exit code 130, as for Ctrl-C. */
export class MeshInterruptedError extends MeshError {
  constructor(while_: string) {
    super(`mirrormesh: interrupted while ${while_}; every app started so far was stopped`, 130);
  }
}

/** A port the mesh needs is taken. */
export class PortBusyError extends MeshError {
  constructor(what: string, host: string, port: number, option: string) {
    super(`${what} cannot listen on ${host}:${port}: the port is already in use (choose another with ${option})`);
  }
}

/** The sidecar's admin API could not be reached or refused a request: says which URL and why (never the token). */
export class AdminApiError extends CliError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** A canary analysis (flags or file) breaks a rule: names the flag or the file and key. Exit code 2. */
export class AnalysisSpecError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}
