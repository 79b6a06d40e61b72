// The one exception to "https only" for the addresses this server calls (calendar feeds, the operator's
// webhook, a stand-in for Resend): a loopback host, where a test's local server runs, never the internet.

/** Whether `hostname` (as URL.hostname gives it, IPv6 in brackets) names this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
