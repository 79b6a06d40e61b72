// One typed source for the site's identity, navigation and the routes other pages link to.

export const routes = {
  home: '/',
  hub: '/ai-operator',
  blog: '/blog',
  services: '/services',
  roiCalculator: '/resources/ai-automation-roi-calculator',
  checklist: '/blog/ai-automation-audit-checklist',
  /** The readiness wizard inside the checklist post. */
  readinessCheck: '/blog/ai-automation-audit-checklist#readiness-check',
  bookAudit: '/book-audit',
  /** A sample audit outcome built from example answers, and its Markdown download. */
  sampleAudit: '/resources/sample-workflow-audit',
  sampleAuditMarkdown: '/resources/sample-workflow-audit.md',
  /** The emailed link to move or cancel a call (served by the bookings/manage function). */
  bookingManage: '/book-audit/manage',
  bookingCancelled: '/book-audit/cancelled',
  bookingRescheduled: '/book-audit/rescheduled',
  bookingLinkExpired: '/book-audit/link-expired',
  /** Where a person lands when a call has moved as often as a day allows, or too many changes came from one place. */
  bookingTooManyChanges: '/book-audit/too-many-changes',
  slotsApi: '/api/slots',
  slotHoldApi: '/api/slots/hold',
  bookingsApi: '/api/bookings',
  bookingCancelApi: '/api/bookings/cancel',
  bookingRescheduleApi: '/api/bookings/reschedule',
  bookingManageApi: '/api/bookings/manage',
  bookingInviteApi: '/api/bookings/invite',
  /** The operator's links after a call: it was held, or the visitor did not come. */
  bookingHeldApi: '/api/bookings/held',
  bookingNoShowApi: '/api/bookings/no-show',
  /** Where the operator lands after recording a call's outcome. */
  bookingOutcomeRecorded: '/book-audit/outcome-recorded',
  /** Where a Held or No-show link lands once it is past its week, or was altered (the operator reads it). */
  bookingOutcomeLinkExpired: '/book-audit/outcome-link-expired',
  newsletter: '/newsletter',
  newsletterCheckInbox: '/newsletter/check-your-inbox',
  newsletterConfirmed: '/newsletter/confirmed',
  newsletterUnsubscribed: '/newsletter/unsubscribed',
  newsletterLinkExpired: '/newsletter/link-expired',
  /** Where an unsubscribe link that was altered (or outlived a change of SITE_SECRET) lands: not a sign-up page. */
  newsletterUnsubscribeLinkInvalid: '/newsletter/unsubscribe-link-invalid',
  newsletterApi: '/api/newsletter',
  newsletterConfirmApi: '/api/newsletter/confirm',
  newsletterUnsubscribeApi: '/api/newsletter/unsubscribe',
  newsletterNotAnEmail: '/newsletter/not-an-email',
  newsletterConsentNeeded: '/newsletter/consent-needed',
  newsletterTryLater: '/newsletter/try-later',
  privacy: '/privacy',
  /** Who runs the company and how it works with a client, from src/config/company.ts. */
  about: '/about',
  /** How an engagement works: the steps, the paperwork, who owns what, stopping, and prices when set. */
  howWeWork: '/how-we-work',
  rss: '/rss.xml',
} as const;

export const site = {
  name: 'AI Operator',
  /** Used as the default page description and in the Organization JSON-LD. */
  description:
    'AI Operator is the business AI operator for small teams: we pick the workflow worth automating, design it with approval rules, ship it and measure its return.',
  tagline: 'The business AI operator for small teams',
  locale: 'en_US',
  lang: 'en',
  /** Between a page's title and the site name in the <title>. */
  titleSeparator: ' | ',
  themeColor: '#0b6b62',
  auditCta: 'Book a 20-minute workflow audit',
} as const;

export interface NavLink {
  label: string;
  href: string;
}

export const mainNav: NavLink[] = [
  { label: 'AI operator', href: routes.hub },
  { label: 'Services', href: routes.services },
  { label: 'ROI calculator', href: routes.roiCalculator },
  { label: 'Audit checklist', href: routes.checklist },
  { label: 'Blog', href: routes.blog },
];

export const footerResources: NavLink[] = [
  { label: 'What is a business AI operator?', href: '/blog/what-is-a-business-ai-operator' },
  { label: 'AI operator vs AI agent', href: '/blog/ai-operator-vs-ai-agent' },
  { label: 'AI automation audit checklist', href: routes.checklist },
  { label: 'Count a baseline in one week', href: '/blog/count-a-workflow-baseline-in-one-week' },
  { label: 'Approval rules for AI workflows', href: '/blog/approval-rules-for-ai-workflows' },
  { label: 'Hire, fractional or outside operator', href: '/blog/hire-fractional-or-outside-ai-operator' },
  { label: 'ROI and payback calculator', href: routes.roiCalculator },
  { label: 'Newsletter', href: routes.newsletter },
  { label: 'RSS feed', href: routes.rss },
];
