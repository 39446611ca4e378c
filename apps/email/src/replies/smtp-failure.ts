/** SMTP's own verdict: a 5xx reply will not change on a retry (unknown user, refused content). */
export function smtpFailure(error: unknown): { code: string; message: string; permanent: boolean } {
  const e = error as { responseCode?: unknown; code?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const code = responseCode
    ? `smtp_${responseCode}`
    : typeof e.code === 'string'
      ? `smtp_${e.code.toLowerCase()}`
      : 'smtp_failed';
  // nodemailer's message repeats the server's reply, which may name the recipient: keep the code only.
  const message = responseCode
    ? `the SMTP server refused the mail (${responseCode})`
    : `sending over SMTP failed (${typeof e.code === 'string' ? e.code : 'no code'})`;
  return { code, message, permanent: responseCode !== undefined && responseCode >= 500 };
}
