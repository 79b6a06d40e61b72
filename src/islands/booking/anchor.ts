// The booking card's id. The header's "Book an audit" links to it, so a phone lands on the month grid
// with the first free day in view (one tap from its times), not on the page's introduction.
export const PICK_A_TIME_ID = 'pick-a-time';
