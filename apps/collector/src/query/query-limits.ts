/** Longest `contains` accepted: VersionTags are short. The query API and the report share it. */
export const MAX_CONTAINS_LENGTH = 200;
