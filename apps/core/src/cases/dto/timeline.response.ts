import type { CaseHistoryEntry } from '../case-history.repository';
import type { CaseNote } from '../case-note.repository';

export interface NoteResponse {
  id: string;
  at: string;
  author: string;
  text: string;
}

export interface TimelineEntryResponse {
  at: string;
  /** opened, routed, rerouted, status_changed, sla_warning, sla_breached, escalated, note... */
  kind: string;
  /** `core`, `system`, `customer` or the ops token's name. */
  actor: string;
  details: Record<string, unknown>;
  /** The text of an internal note (kind `note`). */
  note?: NoteResponse;
}

export interface TimelineResponse {
  reference: string;
  entries: TimelineEntryResponse[];
}

export function toNoteResponse(note: CaseNote): NoteResponse {
  return { id: note.id, at: note.at.toISOString(), author: note.author, text: note.text };
}

/** History and notes in one list, oldest first. */
export function toTimelineResponse(
  reference: string,
  history: readonly CaseHistoryEntry[],
  notes: readonly CaseNote[],
): TimelineResponse {
  const entries: (TimelineEntryResponse & { t: number })[] = [
    ...history.map((h) => ({
      t: h.at.getTime(),
      at: h.at.toISOString(),
      kind: h.kind,
      actor: h.actor,
      details: h.details,
    })),
    ...notes.map((n) => ({
      t: n.at.getTime(),
      at: n.at.toISOString(),
      kind: 'note',
      actor: n.author,
      details: {},
      note: toNoteResponse(n),
    })),
  ];
  // A stable sort keeps the history's own order for entries of the same instant.
  entries.sort((a, b) => a.t - b.t);
  return { reference, entries: entries.map(({ t: _t, ...entry }) => entry) };
}
