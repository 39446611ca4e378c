import { z } from 'zod';

/** `POST /api/v1/cases/:reference/notes`: an internal note, never sent to the customer. */
export const AddNoteRequestSchema = z.strictObject({
  text: z.string().trim().min(1).max(4000),
});

export type AddNoteRequest = z.infer<typeof AddNoteRequestSchema>;
