import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CaseNote {
  id: string;
  caseId: string;
  at: Date;
  author: string;
  text: string;
}

/** Internal notes of ops on a case: never sent to the customer, never on the tracking page. */
@Injectable()
export class CaseNoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(note: CaseNote): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO case_notes (id, case_id, at, author, text) VALUES ($1, $2, $3, $4, $5)`,
      [note.id, note.caseId, note.at.toISOString(), note.author, note.text],
    );
  }

  async listForCase(caseId: string): Promise<CaseNote[]> {
    const rows: { id: string; case_id: string; at: Date; author: string; text: string }[] =
      await this.dataSource.query(
        `SELECT id, case_id, at, author, text FROM case_notes WHERE case_id = $1 ORDER BY at, id`,
        [caseId],
      );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      at: r.at,
      author: r.author,
      text: r.text,
    }));
  }
}
