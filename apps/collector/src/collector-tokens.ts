/** DI token of the collector's TrackLimits. */
export const TRACK_LIMITS = Symbol('TRACK_LIMITS');
