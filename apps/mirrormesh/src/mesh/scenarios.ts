/** The lab's scenarios: which book-service version runs as the mirror, if any. */
export const SCENARIO_NAMES = ['v1-live', 'v2-mirroring', 'v3-delays', 'v4-fault', 'v5-schema-change'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const DEFAULT_SCENARIO: ScenarioName = 'v2-mirroring';

export const LIVE_VERSION_TAG = 'V1MIR-LiveBookService';

export interface MirrorVersion {
  readonly versionTag: string;
  readonly variant: 'live' | 'delay' | 'fault' | 'schema-change';
}

export interface Scenario {
  readonly name: ScenarioName;
  readonly description: string;
  /** The book service deployed as `bookservicemirror`; none in v1-live. */
  readonly mirror: MirrorVersion | undefined;
}

export const SCENARIOS: Readonly<Record<ScenarioName, Scenario>> = {
  'v1-live': { name: 'v1-live', description: 'live only, no mirror', mirror: undefined },
  'v2-mirroring': {
    name: 'v2-mirroring',
    description: 'the same code deployed as the mirror',
    mirror: { versionTag: 'V2MIR-BookService', variant: 'live' },
  },
  'v3-delays': {
    name: 'v3-delays',
    description: 'the mirror loads reviews with a ~1.2 s delay',
    mirror: { versionTag: 'V3MIR-BookServiceDelay', variant: 'delay' },
  },
  'v4-fault': {
    name: 'v4-fault',
    description: 'the mirror answers 500 for the reviews of books 2 and 4',
    mirror: { versionTag: 'V4MIR-BookServiceFault', variant: 'fault' },
  },
  'v5-schema-change': {
    name: 'v5-schema-change',
    description: 'the mirror answers reviews with stars instead of rating, and a book’s year as a string',
    mirror: { versionTag: 'V5MIR-BookServiceSchemaChange', variant: 'schema-change' },
  },
};

export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(value);
}
