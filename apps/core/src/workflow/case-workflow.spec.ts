import { CASE_STATUSES, type CaseStatus } from '@app/contracts';
import { checkTransition, type StatusActor } from './case-workflow';

const DAY = 86_400_000;
const now = new Date('2026-03-10T10:00:00Z');
const ctx = (actor: StatusActor, resolvedDaysAgo: number | null = null) => ({
  actor,
  now,
  resolvedAt: resolvedDaysAgo === null ? null : new Date(now.getTime() - resolvedDaysAgo * DAY),
  quietPeriodMs: 14 * DAY,
});

describe('the case status workflow', () => {
  it('lets ops walk a case from Created to Resolved and back for review', () => {
    const path: [CaseStatus, CaseStatus][] = [
      ['created', 'in_progress'],
      ['in_progress', 'under_review'],
      ['under_review', 'in_progress'],
      ['in_progress', 'resolved'],
      ['under_review', 'resolved'],
      ['resolved', 'in_progress'],
    ];
    for (const [from, to] of path)
      expect(checkTransition(from, to, ctx('ops'))).toEqual({ ok: true });
  });

  it('refuses every move the workflow does not name', () => {
    const allowed = new Set([
      'created>in_progress',
      'in_progress>under_review',
      'under_review>in_progress',
      'in_progress>resolved',
      'under_review>resolved',
      'resolved>in_progress',
      'resolved>closed',
    ]);
    for (const from of CASE_STATUSES)
      for (const to of CASE_STATUSES) {
        if (allowed.has(`${from}>${to}`)) continue;
        expect(checkTransition(from, to, ctx('ops', 100))).toMatchObject({
          ok: false,
          code: 'status_transition_forbidden',
        });
      }
  });

  it('closes a resolved case at once with the customer agreement', () => {
    expect(checkTransition('resolved', 'closed', ctx('customer', 0))).toEqual({ ok: true });
  });

  it('closes without agreement only after the quiet period', () => {
    expect(checkTransition('resolved', 'closed', ctx('ops', 3))).toMatchObject({
      ok: false,
      code: 'case_close_needs_agreement',
    });
    expect(checkTransition('resolved', 'closed', ctx('system', 13.9))).toMatchObject({
      ok: false,
      code: 'case_close_needs_agreement',
    });
    expect(checkTransition('resolved', 'closed', ctx('system', 14))).toEqual({ ok: true });
    expect(checkTransition('resolved', 'closed', ctx('ops', 20))).toEqual({ ok: true });
  });

  it('lets the customer only agree or reopen, and the system only close', () => {
    expect(checkTransition('resolved', 'in_progress', ctx('customer'))).toEqual({ ok: true });
    expect(checkTransition('created', 'in_progress', ctx('customer'))).toMatchObject({ ok: false });
    expect(checkTransition('in_progress', 'resolved', ctx('customer'))).toMatchObject({
      ok: false,
    });
    expect(checkTransition('resolved', 'in_progress', ctx('system'))).toMatchObject({ ok: false });
  });
});
