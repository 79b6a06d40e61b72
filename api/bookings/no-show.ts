// GET /api/bookings/no-show?token=… shows the call and one button; POST records that the visitor did not
// come and emails them, once, a link to book another time.
import { outcomeAction } from '../_lib/booking/outcome-action.ts';
import { signedActionRoute } from '../_lib/http/signed-action.ts';

export const { GET, POST } = signedActionRoute(outcomeAction('no-show'));
