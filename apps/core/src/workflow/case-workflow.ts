import type { CaseStatus } from '@app/contracts';

/** Who moves a case: a person through the ops API, the customer, or core on its own. */
export type StatusActor = 'ops' | 'customer' | 'system';

/**
 * The one definition of the status workflow (ISO 10002: Created, In Progress, Under Review,
 * Resolved, Closed). Every status change in core goes through `checkTransition`.
 */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  created: ['in_progress'],
  in_progress: ['under_review', 'resolved'],
  under_review: ['in_progress', 'resolved'],
  // Back to In Progress is the reopen: the customer says the problem remains.
  resolved: ['in_progress', 'closed'],
  closed: [],
};

/** What the customer may do: agree with the fix (close) or say the problem remains (reopen). */
const CUSTOMER_MOVES: readonly string[] = ['resolved>closed', 'resolved>in_progress'];
/** Core on its own only closes a resolved case after the quiet period. */
const SYSTEM_MOVES: readonly string[] = ['resolved>closed'];

export interface TransitionContext {
  actor: StatusActor;
  /** When the case was resolved (for a close); null if it never was. */
  resolvedAt: Date | null;
  now: Date;
  /** How long after Resolved a case closes without the customer's answer. */
  quietPeriodMs: number;
}

export type TransitionCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'status_transition_forbidden' | 'case_close_needs_agreement';
      message: string;
    };

export function checkTransition(
  from: CaseStatus,
  to: CaseStatus,
  ctx: TransitionContext,
): TransitionCheck {
  const move = `${from}>${to}`;
  const forbidden = (why: string): TransitionCheck => ({
    ok: false,
    code: 'status_transition_forbidden',
    message: `${from} -> ${to} is not allowed ${why}`,
  });
  if (!NEXT[from].includes(to)) return forbidden('by the workflow');
  if (ctx.actor === 'customer' && !CUSTOMER_MOVES.includes(move))
    return forbidden('for the customer');
  if (ctx.actor === 'system' && !SYSTEM_MOVES.includes(move)) return forbidden('for the system');
  // Closed only once the customer agrees, or when they stayed silent for the whole quiet period.
  if (to === 'closed' && ctx.actor !== 'customer') {
    const quietUntil = ctx.resolvedAt ? ctx.resolvedAt.getTime() + ctx.quietPeriodMs : Infinity;
    if (ctx.now.getTime() < quietUntil) {
      return {
        ok: false,
        code: 'case_close_needs_agreement',
        message: 'a resolved case closes with the customer agreement or after the quiet period',
      };
    }
  }
  return { ok: true };
}
