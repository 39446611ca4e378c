const UNITS: Record<string, number> = { b: 1, kb: 1_024, mb: 1_024 * 1_024 };

/** `256kb`, `1mb`, `4096` (bytes): the notation Express uses for body limits. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb)?\s*$/i.exec(text);
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]);
}
