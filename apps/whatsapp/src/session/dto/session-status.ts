/** What ops see of a WhatsApp Web session. */
export interface SessionStatus {
  account: string;
  state: string;
  since: string;
  /** True while a QR code waits to be scanned: `GET .../qr.png` draws it. */
  qrPending: boolean;
}
