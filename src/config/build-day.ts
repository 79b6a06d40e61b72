// The day the site is built (UTC, YYYY-MM-DD), read once per build so every page that dates something
// from it (the sample audit and its download) agrees, even across midnight.
export const BUILD_DAY = new Date().toISOString().slice(0, 10);
