// GET /api/bookings/held?token=… shows the call and one button; POST records that the call took place.
import { outcomeAction } from '../_lib/booking/outcome-action.ts';
import { signedActionRoute } from '../_lib/http/signed-action.ts';

export const { GET, POST } = signedActionRoute(outcomeAction('held'));
