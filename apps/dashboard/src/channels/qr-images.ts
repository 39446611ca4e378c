import { Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';

/** A handful of sessions wait for a scan at most; more than this is a leak, not a use. */
const KEEP = 32;

/**
 * The QR code a WhatsApp session shows to be linked, drawn here from the payload of its health
 * beat so the browser needs no library and the page no inline script. Cached: the payload
 * changes about every 20 seconds while every open page asks for it at each push.
 */
@Injectable()
export class QrImages {
  private readonly cache = new Map<string, Promise<string>>();

  dataUrl(payload: string): Promise<string> {
    let image = this.cache.get(payload);
    if (!image) {
      image = toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 264 });
      image.catch(() => this.cache.delete(payload));
      this.cache.set(payload, image);
      if (this.cache.size > KEEP) this.cache.delete(this.cache.keys().next().value!);
    }
    return image;
  }
}
