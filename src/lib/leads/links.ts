// Which page a lead came from, written into the page itself at build time: every link to the booking
// page gets `from=<this page>`, so content pages stay free of scripts and the booking page reads the
// source from its own URL. Links inside React islands are left alone: an island builds its own links
// (and a changed attribute would not survive hydration).
import { routes } from '../../config/site.ts';
import { escapeRegExp } from '../text/regexp.ts';
import { FROM_PARAM } from './source.ts';

const ISLAND = /(<astro-island\b[\s\S]*?<\/astro-island>)/;
const BOOKING_LINK = new RegExp(`(\\shref=")${escapeRegExp(routes.bookAudit)}(\\?[^"#]*)?(#[^"]*)?"`, 'g');

/** `html` with `from=<page>` added to each link to the booking page outside islands (a link that names a `from` keeps it), except on that page. */
export function tagLeadLinks(html: string, page: string): string {
  // On the booking page itself its links are in-page jumps (#pick-a-time): a query would reload it.
  if (page === routes.bookAudit) return html;
  const from = `${FROM_PARAM}=${encodeURIComponent(page)}`;
  return html
    .split(ISLAND)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(BOOKING_LINK, (whole, attribute: string, query: string | undefined, hash: string | undefined) => {
            if (query && new RegExp(`[?&;]${FROM_PARAM}=`).test(query.replace(/&amp;/g, '&'))) return whole;
            return `${attribute}${routes.bookAudit}${query ? `${query}&amp;` : '?'}${from}${hash ?? ''}"`;
          }),
    )
    .join('');
}
