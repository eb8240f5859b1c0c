import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * Hosts as network namespaces joined by veth pairs on a bridge in a hub namespace, all in one
 * private /24 that exists nowhere else: nothing is added to the namespace the suite runs in.
 * Every name carries a per-run prefix; teardown deletes exactly what this run made, by name.
 */
export const LAB_SUBNET = '10.77.13';
export const LAB_HOSTS = { client: 1, sidecar: 2, live: 3, mirror: 4 } as const;
export type LabHost = keyof typeof LAB_HOSTS;
const ROLE_LETTER: Record<LabHost, string> = { client: 'c', sidecar: 's', live: 'l', mirror: 'm' };
/** A locally administered MAC that no interface of the lab has: frames sent to it reach nobody. */
const NOWHERE_MAC = '02:00:5e:00:53:01';

function run(command: string, args: readonly string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  return { ok: result.status === 0, output: `${result.stderr ?? ''}${result.stdout ?? ''}${result.error?.message ?? ''}`.trim() };
}

function must(command: string, args: readonly string[]): void {
  const result = run(command, args);
  if (!result.ok) throw new Error(`${command} ${args.join(' ')}: ${result.output}`);
}

export type DropMethod = 'iptables' | 'netem' | 'neighbour';

/** What this machine allows; decided synchronously, so a suite can choose describe or describe.skip. */
export interface LabCapabilities {
  /** Undefined when namespaces can be made; else why not. */
  readonly namespacesMissing: string | undefined;
  /** Undefined when netem works inside a namespace; else why not. */
  readonly netemMissing: string | undefined;
  readonly dropMethod: DropMethod;
}

export function probeLabCapabilities(): LabCapabilities {
  if (process.platform !== 'linux') return { namespacesMissing: 'not Linux', netemMissing: 'not Linux', dropMethod: 'neighbour' };
  if (process.getuid?.() !== 0) return { namespacesMissing: 'not root', netemMissing: 'not root', dropMethod: 'neighbour' };
  if (!run('ip', ['-V']).ok) return { namespacesMissing: 'no `ip` command', netemMissing: 'no `ip` command', dropMethod: 'neighbour' };
  const probe = `mmfp${randomBytes(2).toString('hex')}`;
  const made = run('ip', ['netns', 'add', probe]);
  if (!made.ok) return { namespacesMissing: `ip netns add failed: ${made.output}`, netemMissing: 'no namespaces', dropMethod: 'neighbour' };
  try {
    run('ip', ['netns', 'exec', probe, 'ip', 'link', 'set', 'lo', 'up']);
    const netem = run('ip', ['netns', 'exec', probe, 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms']);
    const iptables = run('ip', ['netns', 'exec', probe, 'iptables', '-L', 'OUTPUT']);
    return {
      namespacesMissing: undefined,
      netemMissing: netem.ok ? undefined : `tc netem unavailable (${netem.output || 'no tc'}): the kernel has no sch_netem`,
      dropMethod: iptables.ok ? 'iptables' : netem.ok ? 'netem' : 'neighbour',
    };
  } finally {
    run('ip', ['netns', 'del', probe]);
  }
}

export interface NetworkLab {
  readonly prefix: string;
  netns(host: LabHost): string;
  address(host: LabHost): string;
  /** Packets from the sidecar to the mirror vanish: connects hang rather than fail. Returns how. */
  partitionMirror(method: DropMethod): string;
  /** netem on `host`'s interface: delays (and drops) everything that host sends. */
  netem(host: LabHost, spec: readonly string[]): void;
  /** Undoes every fault applied so far (qdiscs, rules, neighbour entries): the next scenario starts clean. */
  heal(): void;
  /** Removes every namespace, veth and qdisc this lab made, by name; safe to call twice. */
  teardown(): void;
}

export function createNetworkLab(): NetworkLab {
  const prefix = `mmf${randomBytes(2).toString('hex')}`;
  const hosts = Object.keys(LAB_HOSTS) as LabHost[];
  const namespaces: string[] = [];
  const rootVeths: string[] = [];
  const undo: (readonly string[])[] = [];
  const netns = (host: LabHost | 'hub'): string => `${prefix}-${host === 'hub' ? 'hub' : ROLE_LETTER[host]}`;
  const iface = (host: LabHost, end: 0 | 1): string => `${prefix}${ROLE_LETTER[host]}${end}`;
  const address = (host: LabHost): string => `${LAB_SUBNET}.${LAB_HOSTS[host]}`;
  const inNs = (ns: string, args: readonly string[]): void => must('ip', ['netns', 'exec', ns, ...args]);

  const lab: NetworkLab = {
    prefix,
    netns,
    address,
    partitionMirror(method) {
      const sidecar = netns('sidecar');
      if (method === 'iptables') {
        inNs(sidecar, ['iptables', '-A', 'OUTPUT', '-d', address('mirror'), '-j', 'DROP']);
        undo.push(['ip', 'netns', 'exec', sidecar, 'iptables', '-D', 'OUTPUT', '-d', address('mirror'), '-j', 'DROP']);
      } else if (method === 'netem') lab.netem('mirror', ['loss', '100%']);
      else {
        inNs(sidecar, ['ip', 'neigh', 'replace', address('mirror'), 'lladdr', NOWHERE_MAC, 'dev', iface('sidecar', 1), 'nud', 'permanent']);
        undo.push(['ip', 'netns', 'exec', sidecar, 'ip', 'neigh', 'del', address('mirror'), 'dev', iface('sidecar', 1)]);
      }
      return method === 'neighbour' ? `sidecar's neighbour entry for the mirror points at ${NOWHERE_MAC}` : method;
    },
    netem(host, spec) {
      inNs(netns(host), ['tc', 'qdisc', 'replace', 'dev', iface(host, 1), 'root', 'netem', ...spec]);
      undo.push(['ip', 'netns', 'exec', netns(host), 'tc', 'qdisc', 'del', 'dev', iface(host, 1), 'root']);
    },
    heal() {
      for (const args of undo.splice(0).reverse()) run(args[0] as string, args.slice(1));
    },
    teardown() {
      // Deleting a namespace deletes the veth ends in it, their peers and their qdiscs.
      for (const ns of namespaces.splice(0).reverse()) run('ip', ['netns', 'del', ns]);
      for (const veth of rootVeths.splice(0)) run('ip', ['link', 'del', veth]);
    },
  };

  try {
    for (const ns of [netns('hub'), ...hosts.map(netns)]) {
      must('ip', ['netns', 'add', ns]);
      namespaces.push(ns);
      inNs(ns, ['ip', 'link', 'set', 'lo', 'up']);
    }
    inNs(netns('hub'), ['ip', 'link', 'add', 'br0', 'type', 'bridge']);
    inNs(netns('hub'), ['ip', 'link', 'set', 'br0', 'up']);
    for (const host of hosts) {
      const [hubEnd, hostEnd] = [iface(host, 0), iface(host, 1)];
      must('ip', ['link', 'add', hubEnd, 'type', 'veth', 'peer', 'name', hostEnd]);
      rootVeths.push(hubEnd);
      must('ip', ['link', 'set', hubEnd, 'netns', netns('hub')]);
      must('ip', ['link', 'set', hostEnd, 'netns', netns(host)]);
      rootVeths.pop();
      inNs(netns('hub'), ['ip', 'link', 'set', hubEnd, 'master', 'br0', 'up']);
      inNs(netns(host), ['ip', 'addr', 'add', `${address(host)}/24`, 'dev', hostEnd]);
      inNs(netns(host), ['ip', 'link', 'set', hostEnd, 'up']);
    }
  } catch (error) {
    lab.teardown();
    throw error;
  }
  return lab;
}
