/**
 * A case's attachments as the drawer shows them, in one place: the evidence section lists them and the timeline
 * places each at the moment it was attached. Loaded once per case; a second console's upload arrives by the hub's
 * `case.attachment` push, this console's own by `added`.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Attachment } from '../../../common/evidence-schemas.js';
import { call, subscribe } from '../bridge/index.js';

type Held = { caseId: string | null; items: Attachment[] | null };

/** `held` with `more` added (the ones it has already left out), as the list of `caseId`. */
function joined(held: Held, caseId: string, more: readonly Attachment[]): Held {
  const own = held.caseId === caseId ? (held.items ?? []) : [];
  return { caseId, items: [...own, ...more.filter((a) => !own.some((x) => x.id === a.id))] };
}

export function useCaseAttachments(caseId: string | null): { items: Attachment[] | null; added(a: Attachment): void } {
  const [held, setHeld] = useState<Held>({ caseId, items: null });
  const added = useCallback(
    (a: Attachment) => {
      if (caseId !== null) setHeld((h) => joined(h, caseId, [a]));
    },
    [caseId],
  );
  useEffect(() => {
    if (caseId === null) return undefined;
    let live = true;
    call('evidence.list', { caseId }).then(
      (list) => live && setHeld((h) => joined(h, caseId, list)),
      () => live && setHeld((h) => joined(h, caseId, [])),
    );
    const off = subscribe('case.attachment', (push) => {
      if (push.caseId === caseId) setHeld((h) => joined(h, caseId, [push.attachment]));
    });
    return () => {
      live = false;
      off();
    };
  }, [caseId]);
  return { items: held.caseId === caseId ? held.items : null, added };
}
