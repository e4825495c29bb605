import QRCode from 'qrcode';

/**
 * QR images of a scan point's public address. Error correction M (15% of the code can be lost to
 * a scratch or a fold); quiet zone of 4 modules as the standard asks (a printed card sits on busy
 * counters).
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The QR as an SVG document (scales to any print size). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

/** The QR as a PNG of `size`×`size` pixels. */
export async function qrPng(text: string, size: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width: size });
}

/** The QR version (1–40) and modules per side the text needs: a short address stays a small, easy-to-scan code. */
export function qrSymbolSize(text: string): { version: number; modules: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel });
  return { version: qr.version, modules: qr.modules.size };
}

/**
 * The download's file name: 扫码评价-<unit>-<label>-<code>.<ext>, with characters a file system
 * refuses replaced; the ASCII fallback (for old clients) is scan-to-rate-<code>.<ext>. Returned as
 * a Content-Disposition value (RFC 6266 / 5987).
 */
export function qrContentDisposition(p: { code: string; orgUnitName: string; label: string }, ext: 'png' | 'svg'): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, ' ').trim();
  const parts = ['扫码评价', clean(p.orgUnitName), clean(p.label), p.code].filter(Boolean);
  // the label often repeats the unit's name (a store point): once is enough
  const unique = parts.filter((x, i) => parts.indexOf(x) === i);
  const name = `${unique.join('-')}.${ext}`;
  return `attachment; filename="scan-to-rate-${p.code}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
