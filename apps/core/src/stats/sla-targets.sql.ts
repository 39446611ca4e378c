/**
 * Each open case's three SLA targets as rows `t(target, warned_at, breached_at)`, only those the
 * SLA monitor has warned about or breached and that are still unmet: a target met late needs
 * nobody's attention any more. Joined onto `cases`; the column names follow the case-engine
 * migration and the SLA monitor's repository.
 */
export const PENDING_TARGETS = `CROSS JOIN LATERAL (
    SELECT * FROM (VALUES
      ('acknowledge', acknowledged_at, acknowledge_warned_at, acknowledge_breached_at),
      ('registration', registered_at, registration_warned_at, registration_breached_at),
      ('resolution', resolved_at, resolution_warned_at, resolution_breached_at)
    ) AS v(target, met_at, warned_at, breached_at)
    WHERE v.met_at IS NULL AND (v.warned_at IS NOT NULL OR v.breached_at IS NOT NULL)
  ) AS t`;
