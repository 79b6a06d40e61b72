// The visitor's hold on the time they picked (POST /api/slots/hold), kept while they fill in the form.
// Each new hold replaces the last on the server; a time someone else took, or one that can never be
// booked (it passed while the page was open), is announced and focused.
import { useRef, useState } from 'react';
import { holdSlot, type Hold } from './holdSlot.ts';
import type { Slot } from './useSlots.ts';

export function useSlotHold(holdPath: string) {
  const [hold, setHold] = useState<Hold | null>(null);
  const [holding, setHolding] = useState(false);
  const [takenNotice, setTakenNotice] = useState<string | null>(null);
  const takenRef = useRef<HTMLParagraphElement>(null);

  /**
   * Holds `slot` in place of the previous hold. Resolves false when someone else has the time, or when
   * it can never be booked; then, if `takenMessage` is given, it (or for a time that can never be
   * booked, the server's reason) is shown and focused. Unreachable: the visitor goes on unheld.
   */
  async function place(slot: Slot, takenMessage: string | null): Promise<boolean> {
    setHolding(true);
    setTakenNotice(null);
    const result = await holdSlot(holdPath, slot.start, hold?.id);
    setHolding(false);
    if (result.kind === 'taken' || result.kind === 'time-gone') {
      if (takenMessage) {
        setTakenNotice(result.kind === 'taken' ? takenMessage : result.message);
        window.setTimeout(() => takenRef.current?.focus(), 0);
      }
      return false;
    }
    setHold(result.kind === 'held' ? result.hold : null);
    return true;
  }

  return { hold, holding, takenNotice, takenRef, place, clear: () => setHold(null) };
}
