// BOOKING_BUSY_FEEDS: the operator's calendar feeds, one or more secret iCalendar URLs separated by
// commas or newlines, each optionally named `label=url`. The URL is a secret (whoever has it reads the
// operator's calendar), so no message here ever repeats it: a bad entry is named by its label or position.
import { isLoopbackHost } from '../http/loopback-host.ts';
import { isEmailAddress } from '../../../src/lib/booking/request.ts';

export interface BusyFeed {
  /** Names the feed in the database, the operator's report and every message: the label, or `feed-<n>`. */
  label: string;
  /** The URL to fetch: https, or plain http on a loopback address (local tests); webcal:// read as https. */
  url: string;
  /** The host alone, safe to print beside the label (the secret part of these URLs is the path). */
  host: string;
  /** The calendar's owner when the URL names one (Google's: /calendar/ical/<address>/private-…): their declines free the time. */
  owner?: string;
}

/** The address a Google Calendar secret URL is for, or undefined (another provider, or a calendar that is not a person's). */
function googleCalendarOwner(url: URL): string | undefined {
  if (url.hostname !== 'calendar.google.com') return undefined;
  const id = /^\/calendar\/ical\/([^/]+)\//.exec(url.pathname)?.[1];
  if (!id) return undefined;
  let address: string;
  try {
    address = decodeURIComponent(id).toLowerCase();
  } catch {
    return undefined;
  }
  // Shared and resource calendars have ids under group.calendar.google.com or resource.calendar.google.com: nobody's replies.
  return isEmailAddress(address) && !address.endsWith('calendar.google.com') ? address : undefined;
}

const LABEL = /^[A-Za-z0-9][\w .-]{0,39}$/;
/** Before the first `=`: a label only if it cannot be the start of a URL. */
const LABELLED = /^([^=:/]+)=(.+)$/s;

/** One entry's URL, checked; throws a message that names `name` and never the URL itself. */
function feedUrl(text: string, name: string): URL {
  let url: URL;
  try {
    // Calendar apps hand out webcal:// (and webcals://) links: the same resource over https.
    url = new URL(text.replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw new Error(`${name} is not a URL: copy the calendar's secret iCal address whole (https://… or webcal://…)`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) throw new Error(`${name} must use https:// (plain http is accepted only from a loopback address, for tests)`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be an https:// or webcal:// URL`);
  if (url.username || url.password) throw new Error(`${name} must not carry a user name or password in the URL`);
  return url;
}

/** Reads BOOKING_BUSY_FEEDS; throws an Error whose message names the bad entry (by label or position), never its URL. */
export function parseBusyFeeds(text: string): BusyFeed[] {
  const entries = text.split(/[,\n\r]+/).map((entry) => entry.trim()).filter((entry) => entry !== '');
  const feeds: BusyFeed[] = [];
  entries.forEach((entry, index) => {
    const position = `feed ${index + 1}`;
    const labelled = LABELLED.exec(entry);
    const label = labelled ? labelled[1]!.trim() : `feed-${index + 1}`;
    if (labelled && !LABEL.test(label)) throw new Error(`${position}: its label must be 1-40 letters, digits, spaces, dots, dashes or underscores, before the "="`);
    const name = labelled ? `feed "${label}"` : position;
    const url = feedUrl(labelled ? labelled[2]!.trim() : entry, name);
    if (feeds.some((feed) => feed.label === label)) throw new Error(`${name}: two feeds have this label; give each its own`);
    const owner = googleCalendarOwner(url);
    feeds.push({ label, url: url.href, host: url.host, ...(owner ? { owner } : {}) });
  });
  if (feeds.length === 0) throw new Error('names no feed: give one or more iCal URLs, separated by commas or new lines');
  return feeds;
}
