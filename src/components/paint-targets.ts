// Ids the first paint can wait for (BaseLayout's `paintAfter`, a `<link rel="expect">`).

/** The site footer. Articles and long-form pages paint once it begins: always below their first screen. */
export const SITE_FOOTER_ID = 'site-footer';
