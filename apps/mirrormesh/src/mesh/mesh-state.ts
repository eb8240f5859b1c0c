import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ScenarioName } from './scenarios';

/** What a running `mirrormesh up` tells other commands (rollout, poll, report) in another terminal. */
export interface MeshState {
  readonly pid: number;
  /** The scenario serving now: the last rollout's, not necessarily the one `up` started with. */
  readonly scenario: ScenarioName;
  /** The VersionTag of the mirror serving now; undefined when no mirror runs (v1-live). */
  readonly mirrorVersionTag: string | undefined;
  readonly mirrorUrl: string | undefined;
  readonly controlUrl: string;
  readonly frontEndUrl: string;
  /** The front end's sidecar admin API: what `mirrormesh diff` and `mirrormesh canary` use by default. */
  readonly adminUrl: string;
  readonly collectorUrl: string | undefined;
  readonly startedAt: string;
  /** When this state was last written: at start, then after each rollout. */
  readonly updatedAt: string;
}

export const STATE_FILE = 'mesh.json';

/** Written atomically (temp file, then rename): a reader never sees half a file. */
export function writeMeshState(stateDir: string, state: MeshState): void {
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, STATE_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** The state of the mesh running from this directory, if one is (its pid is alive). */
export function readMeshState(stateDir: string): MeshState | undefined {
  let state: MeshState;
  try {
    state = JSON.parse(readFileSync(join(stateDir, STATE_FILE), 'utf8')) as MeshState;
  } catch {
    return undefined;
  }
  return isAlive(state.pid) ? state : undefined;
}

export function removeMeshState(stateDir: string): void {
  rmSync(join(stateDir, STATE_FILE), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
