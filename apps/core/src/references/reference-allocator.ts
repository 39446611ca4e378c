import { Inject, Injectable } from '@nestjs/common';
import { formatReference } from '@app/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';

export interface AllocatedReference {
  year: number;
  serial: number;
  text: string;
}

/**
 * Hands out reference numbers from one PostgreSQL sequence per year. `nextval` is never rolled
 * back, so a number is never given twice, whatever the number of core instances or crashes; a
 * rolled-back batch only leaves a gap.
 */
@Injectable()
export class ReferenceAllocator {
  private readonly preparedYears = new Set<number>();

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Creates the year's sequence if missing, in its own transaction under an advisory lock: two
   * instances crossing New Year together must not both try to create it inside a batch.
   */
  async prepareYear(year: number): Promise<void> {
    if (this.preparedYears.has(year)) return;
    await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('case-serial-sequences'))`);
      await em.query(
        `CREATE SEQUENCE IF NOT EXISTS ${this.sequenceName(year)} START WITH 1 MINVALUE 1 NO CYCLE`,
      );
    });
    this.preparedYears.add(year);
  }

  async allocate(em: EntityManager, year: number, count: number): Promise<AllocatedReference[]> {
    if (count === 0) return [];
    const rows: { serial: string }[] = await em.query(
      `SELECT nextval('${this.sequenceName(year)}') AS serial FROM generate_series(1, $1)`,
      [count],
    );
    return rows.map((r) => {
      const serial = Number(r.serial);
      return { year, serial, text: formatReference(this.config.referencePrefix, year, serial) };
    });
  }

  private sequenceName(year: number): string {
    if (!Number.isInteger(year) || year < 1000 || year > 9999)
      throw new RangeError(`bad year ${year}`);
    return `case_serial_${year}`;
  }
}
