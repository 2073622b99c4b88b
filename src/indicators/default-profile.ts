// The scoring profile used when none is chosen (govcat score, diff, and the offline page).

/** The bundled profile scored against by default. */
export const DEFAULT_PROFILE = 'gx-2021-city';
