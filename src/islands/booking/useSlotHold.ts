// The visitor's hold on the time they picked (POST /api/slots/hold), kept while they fill in the form.
// Each new hold replaces the last on the server; a time someone else took is announced and focused.
import { useRef, useState } from 'react';
import { holdSlot, type Hold } from './holdSlot.ts';
import type { Slot } from './useSlots.ts';

export function useSlotHold(holdPath: string) {
  const [hold, setHold] = useState<Hold | null>(null);
  const [holding, setHolding] = useState(false);
  const [takenNotice, setTakenNotice] = useState<string | null>(null);
  const takenRef = useRef<HTMLParagraphElement>(null);

  /**
   * Holds `slot` in place of the previous hold. Resolves false only when someone else has the time;
   * then `takenMessage` (if any) is shown and focused. Unreachable: the visitor goes on unheld.
   */
  async function place(slot: Slot, takenMessage: string | null): Promise<boolean> {
    setHolding(true);
    setTakenNotice(null);
    const result = await holdSlot(holdPath, slot.start, hold?.id);
    setHolding(false);
    if (result.kind === 'taken') {
      if (takenMessage) {
        setTakenNotice(takenMessage);
        window.setTimeout(() => takenRef.current?.focus(), 0);
      }
      return false;
    }
    setHold(result.kind === 'held' ? result.hold : null);
    return true;
  }

  return { hold, holding, takenNotice, takenRef, place, clear: () => setHold(null) };
}
