import { inflateSync } from 'node:zlib';
/**
 * A printable PDF certificate for an issued micro-credential.
 *
 * The page is for people: who completed what, where, at which SCQF level, and how to check it (a QR code and
 * the verification address). The machine-readable truth travels inside the same file: the signed Open Badges
 * 3.0 credential is embedded, byte for byte, as the attachment `credential.json`, and
 * {@link credentialJsonFromPdf} gets it back out so that an uploaded certificate can be verified.
 *
 * Output is deterministic: the same content and credential give the same bytes, since every date in the file
 * comes from `issuedOn` and nothing random is written.
 */
import {
  PageSizes,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  StandardFonts,
  rgb,
  type PDFFont,
  type PDFImage,
  type PDFObject,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import QRCode from 'qrcode';

export interface CertificateContent {
  kind: 'certificate of study' | 'certificate of attendance';
  /** The micro-credential's title. */
  title: string;
  /** For example ABT1001. */
  moduleCode: string;
  learnerName: string;
  institutionName: string;
  /** Null for a small qualification that is not credit-rated. */
  scqfLevel: number | null;
  scqfCredits: number | null;
  notionalHours: number;
  /** For example "Passed, mark 72%" or "Attended"; null shows no result line. */
  result: string | null;
  /** ISO date (or date-time: its calendar date is shown as written). */
  completedOn: string;
  /** ISO date or date-time; also the PDF's creation and modification date. */
  issuedOn: string;
  /** urn:uuid:... */
  credentialId: string;
  /** Where anyone can check the credential; the QR code encodes exactly this. */
  verificationUrl: string;
}

export const CREDENTIAL_ATTACHMENT_NAME = 'credential.json';
const CREDENTIAL_MIME_TYPE = 'application/ld+json';
const CREDENTIAL_DESCRIPTION = 'Open Badges 3.0 verifiable credential';

// ---------------------------------------------------------------------------------------------------------
// Text that the standard fonts can draw
// ---------------------------------------------------------------------------------------------------------

/** Unicode code points of the characters in WinAnsiEncoding (what pdf-lib's Helvetica can draw). */
const WIN_ANSI = new Set<number>([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
  ...[0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152],
  ...[0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a],
  ...[0x0153, 0x017e, 0x0178],
]);

/** Letters that do not come apart into a base letter and accents, spelt as a reader would expect. */
const FALLBACKS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  Ŋ: 'N',
  ŋ: 'n',
  Ŧ: 'T',
  ŧ: 't',
  ſ: 's',
  ẞ: 'SS',
  Ĳ: 'IJ',
  ĳ: 'ij',
  ĸ: 'k',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '\u2014',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u02bc': '\u2019',
  '\u02bb': '\u2018',
  '\u201b': '\u2018',
  '\u201f': '\u201c',
  '\u2044': '/',
  '\u2215': '/',
};

const COMBINING_MARK = /\p{M}/u;
/**
 * Emoji, dropped: a certificate gains nothing from a box or a question mark. (Their joiners, variation
 * selectors and tag characters are marks or invisible, and go too.)
 */
const EMOJI_PART = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1f1e6}-\u{1f1ff}]/u;
const SPACE_LIKE = /[\s\p{Zs}]/u;
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/**
 * Makes `text` drawable with WinAnsi-encoded standard fonts without losing what can be kept.
 *
 * Characters WinAnsi has are kept as they are ("Zoë", "Ciarán", "Seònaid", "Ø", "€", curly quotes). Others
 * lose their accents ("Łukasz" becomes "Lukasz", "Ŵyn" becomes "Wyn", dotted Irish "ḃ" becomes "b"), emoji
 * and invisible characters are dropped, any kind of space or line break becomes one space, and what is left
 * (Cyrillic, CJK, ...) becomes "?" so that a gap shows where something could not be printed.
 */
export function toWinAnsiText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    out += winAnsiFor(char);
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

function winAnsiFor(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (WIN_ANSI.has(codePoint)) return char;
  if (SPACE_LIKE.test(char)) return ' ';
  if (EMOJI_PART.test(char) || INVISIBLE.test(char) || COMBINING_MARK.test(char)) return '';
  const fallback = FALLBACKS[char];
  if (fallback !== undefined) return fallback;
  const decomposed = char.normalize('NFKD');
  if (decomposed !== char) {
    let stripped = '';
    for (const part of decomposed) {
      if (COMBINING_MARK.test(part)) continue;
      stripped += WIN_ANSI.has(part.codePointAt(0) ?? 0) ? part : (FALLBACKS[part] ?? '?');
    }
    if (stripped !== '' && !stripped.includes('?')) return stripped;
  }
  return '?';
}

// ---------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-11-14" (or "2026-11-14T09:30:00Z") as "14 November 2026": the calendar date as written. */
export function dateInWords(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  }
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

function instantOf(iso: string): Date {
  dateInWords(iso);
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  return instant;
}

// ---------------------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------------------

const [PAGE_HEIGHT, PAGE_WIDTH] = PageSizes.A4; // landscape: A4 turned on its side
const MARGIN = 60;
const QR_SIZE = 138;
const RIGHT_COLUMN_WIDTH = 170;
const RIGHT_COLUMN_X = PAGE_WIDTH - MARGIN - RIGHT_COLUMN_WIDTH;
const LEFT_COLUMN_WIDTH = RIGHT_COLUMN_X - 36 - MARGIN;
const FULL_WIDTH = PAGE_WIDTH - 2 * MARGIN;

const BLUE = rgb(0x00 / 255, 0x65 / 255, 0xbd / 255); // Scottish Government blue #0065bd
const TEXT = rgb(0x33 / 255, 0x33 / 255, 0x33 / 255);
const SECONDARY = rgb(0x5e / 255, 0x5e / 255, 0x5e / 255);
const RULE = rgb(0xb3 / 255, 0xb3 / 255, 0xb3 / 255);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Splits already-sanitised text into lines no wider than `width`, breaking words only when one is too long. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      let cut = 1;
      while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut += 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Like {@link wrap}, but keeps at most `maxLines`, ending the last kept line with an ellipsis. */
function wrapAtMost(text: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const lines = wrap(text, font, size, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1] ?? ''}`;
  while (last !== '' && font.widthOfTextAtSize(`${last}\u2026`, size) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}\u2026`;
  return kept;
}

/** The largest size from `sizes` at which the text takes at most `maxLines`; at the smallest it is cut short. */
function fit(
  text: string,
  font: PDFFont,
  sizes: number[],
  width: number,
  maxLines: number,
): { size: number; lines: string[] } {
  for (const size of sizes) {
    const lines = wrap(text, font, size, width);
    if (lines.length <= maxLines) return { size, lines };
  }
  const size = sizes[sizes.length - 1] ?? 10;
  return { size, lines: wrapAtMost(text, font, size, width, maxLines) };
}

/** Draws lines top down from the baseline `y`; returns the baseline below the last line. */
function drawLines(
  page: PDFPage,
  lines: string[],
  options: { x: number; y: number; size: number; font: PDFFont; color: RGB; leading: number },
): number {
  let y = options.y;
  for (const line of lines) {
    page.drawText(line, { x: options.x, y, size: options.size, font: options.font, color: options.color });
    y -= options.leading;
  }
  return y;
}

function creditLine(content: CertificateContent): string {
  const hours = `${content.notionalHours} notional hours of learning`;
  const parts: string[] = [];
  if (content.scqfLevel !== null) parts.push(`SCQF level ${content.scqfLevel}`);
  if (content.scqfCredits !== null) {
    parts.push(`${content.scqfCredits} SCQF credit${content.scqfCredits === 1 ? '' : 's'}`);
  }
  if (parts.length === 0) return `Not credit-rated, ${hours}`;
  return `${parts.join(', ')} (${hours})`;
}

function drawCertificate(page: PDFPage, fonts: Fonts, content: CertificateContent, qr: PDFImage): void {
  const attended = content.kind === 'certificate of attendance';
  const heading = attended ? 'Certificate of attendance' : 'Certificate of study';

  // A restrained frame: a thin blue border with a solid band along the top.
  page.drawRectangle({
    x: 24,
    y: 24,
    width: PAGE_WIDTH - 48,
    height: PAGE_HEIGHT - 48,
    borderColor: BLUE,
    borderWidth: 1.2,
  });
  page.drawRectangle({ x: 24, y: PAGE_HEIGHT - 34, width: PAGE_WIDTH - 48, height: 10, color: BLUE });

  const x = MARGIN;
  let y = PAGE_HEIGHT - 76;

  const institution = wrapAtMost(
    toWinAnsiText(content.institutionName),
    fonts.bold,
    12,
    LEFT_COLUMN_WIDTH,
    2,
  );
  y = drawLines(page, institution, { x, y, size: 12, font: fonts.bold, color: SECONDARY, leading: 14 });

  y -= 28;
  page.drawText(heading, { x, y, size: 32, font: fonts.bold, color: BLUE });

  y -= 34;
  page.drawText('This is to certify that', { x, y, size: 12, font: fonts.regular, color: SECONDARY });

  const name = fit(toWinAnsiText(content.learnerName), fonts.bold, [28, 24, 20, 17], LEFT_COLUMN_WIDTH, 2);
  y -= name.size + 8;
  y = drawLines(page, name.lines, {
    x,
    y,
    size: name.size,
    font: fonts.bold,
    color: TEXT,
    leading: name.size * 1.15,
  });

  y -= 6;
  page.drawText(attended ? 'has attended' : 'has completed', {
    x,
    y,
    size: 12,
    font: fonts.regular,
    color: SECONDARY,
  });

  const title = fit(toWinAnsiText(content.title), fonts.bold, [20, 18, 16, 14], LEFT_COLUMN_WIDTH, 3);
  y -= title.size + 10;
  y = drawLines(page, title.lines, {
    x,
    y,
    size: title.size,
    font: fonts.bold,
    color: TEXT,
    leading: title.size * 1.2,
  });

  y -= 2;
  page.drawText(`Module ${toWinAnsiText(content.moduleCode)}`, {
    x,
    y,
    size: 11,
    font: fonts.regular,
    color: SECONDARY,
  });

  y -= 18;
  page.drawLine({ start: { x, y }, end: { x: x + LEFT_COLUMN_WIDTH, y }, thickness: 0.6, color: RULE });

  // The details, as label and value pairs.
  const labelWidth = 96;
  const valueWidth = LEFT_COLUMN_WIDTH - labelWidth;
  const rows: [string, string, number][] = [
    ['Size', creditLine(content), 2],
    ...(content.result === null ? [] : [['Result', content.result, 2] as [string, string, number]]),
    [attended ? 'Attended on' : 'Completed on', dateInWords(content.completedOn), 1],
    ['Issued on', dateInWords(content.issuedOn), 1],
    ['Credential ID', content.credentialId, 2],
  ];
  y -= 18;
  for (const [label, value, maxLines] of rows) {
    page.drawText(label, { x, y, size: 9.5, font: fonts.bold, color: SECONDARY });
    const lines = wrapAtMost(toWinAnsiText(value), fonts.regular, 10.5, valueWidth, maxLines);
    y = drawLines(page, lines, {
      x: x + labelWidth,
      y,
      size: 10.5,
      font: fonts.regular,
      color: TEXT,
      leading: 13,
    });
    y -= 4;
  }

  // The right-hand column: the QR code and the address it holds.
  const url = toWinAnsiText(content.verificationUrl);
  const qrX = RIGHT_COLUMN_X + (RIGHT_COLUMN_WIDTH - QR_SIZE) / 2;
  const qrTop = PAGE_HEIGHT - 150;
  page.drawImage(qr, { x: qrX, y: qrTop - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  let qy = qrTop - QR_SIZE - 16;
  page.drawText('Scan to verify, or visit', {
    x: RIGHT_COLUMN_X,
    y: qy,
    size: 8.5,
    font: fonts.bold,
    color: SECONDARY,
  });
  qy -= 11;
  drawLines(page, wrapAtMost(url, fonts.regular, 8, RIGHT_COLUMN_WIDTH, 6), {
    x: RIGHT_COLUMN_X,
    y: qy,
    size: 8,
    font: fonts.regular,
    color: BLUE,
    leading: 10,
  });

  // The footer, across the page.
  const footer = [
    ...wrapAtMost(`Verify this certificate at ${url}`, fonts.regular, 9, FULL_WIDTH, 2),
    `The signed Open Badges 3.0 credential is attached to this PDF as ${CREDENTIAL_ATTACHMENT_NAME}.`,
  ];
  const footerTop = MARGIN - 8 + (footer.length - 1) * 12;
  page.drawLine({
    start: { x: MARGIN, y: footerTop + 16 },
    end: { x: PAGE_WIDTH - MARGIN, y: footerTop + 16 },
    thickness: 0.6,
    color: RULE,
  });
  drawLines(page, footer, {
    x: MARGIN,
    y: footerTop,
    size: 9,
    font: fonts.regular,
    color: SECONDARY,
    leading: 12,
  });
}

async function embedQr(pdfDoc: PDFDocument, url: string): Promise<PDFImage> {
  const png = await QRCode.toBuffer(url, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 8,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  return pdfDoc.embedPng(png);
}

// ---------------------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------------------

/**
 * Renders the certificate as a one-page A4 landscape PDF with `credentialJson` attached, byte for byte (as
 * UTF-8), as `credential.json`. Throws a RangeError when `completedOn` or `issuedOn` is not an ISO date.
 */
export async function renderCertificatePdf(
  content: CertificateContent,
  credentialJson: string,
): Promise<Uint8Array> {
  const issued = instantOf(content.issuedOn);
  dateInWords(content.completedOn);

  const pdfDoc = await PDFDocument.create({ updateMetadata: false });
  const heading =
    content.kind === 'certificate of attendance' ? 'Certificate of attendance' : 'Certificate of study';
  // Document information is stored as Unicode text strings, so it keeps every character as given.
  pdfDoc.setTitle(`${heading}: ${content.title}`, { showInWindowTitleBar: true });
  pdfDoc.setAuthor(content.institutionName);
  pdfDoc.setSubject(
    `${heading} for ${content.learnerName}: ${content.title} (${content.moduleCode}). Verify at ${content.verificationUrl}`,
  );
  pdfDoc.setKeywords(['micro-credential', 'Open Badges 3.0', content.moduleCode, content.credentialId]);
  pdfDoc.setCreator('Micro-credentials Hub');
  pdfDoc.setProducer('Micro-credentials Hub (pdf-lib)');
  pdfDoc.setLanguage('en-GB');
  pdfDoc.setCreationDate(issued);
  pdfDoc.setModificationDate(issued);

  const fonts: Fonts = {
    regular: await pdfDoc.embedFont(StandardFonts.Helvetica),
    bold: await pdfDoc.embedFont(StandardFonts.HelveticaBold),
  };
  const qr = await embedQr(pdfDoc, content.verificationUrl);
  const page = pdfDoc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  drawCertificate(page, fonts, content, qr);

  await pdfDoc.attach(new TextEncoder().encode(credentialJson), CREDENTIAL_ATTACHMENT_NAME, {
    mimeType: CREDENTIAL_MIME_TYPE,
    description: CREDENTIAL_DESCRIPTION,
    creationDate: issued,
    modificationDate: issued,
  });

  // Classic cross-reference tables rather than object streams: any PDF tool can then find the attachment.
  return pdfDoc.save({ useObjectStreams: false });
}

// ---------------------------------------------------------------------------------------------------------
// Reading the credential back
// ---------------------------------------------------------------------------------------------------------

interface Attachment {
  name: string;
  spec: PDFDict;
}

/**
 * Finds the credential attached to a certificate PDF and returns its text exactly as embedded: the file
 * named credential.json, or failing that the first attachment whose name ends in .json. Returns null, and
 * never throws, when the bytes are not a readable PDF, it has no such attachment, it is encrypted, or the
 * attachment is not UTF-8 text.
 */
export async function credentialJsonFromPdf(pdfBytes: Uint8Array): Promise<string | null> {
  try {
    const pdfDoc = await PDFDocument.load(pdfBytes, { updateMetadata: false, throwOnInvalidObject: false });
    const attachments = embeddedFiles(pdfDoc);
    const chosen =
      attachments.find((a) => a.name === CREDENTIAL_ATTACHMENT_NAME) ??
      attachments.find((a) => a.name.toLowerCase() === CREDENTIAL_ATTACHMENT_NAME) ??
      attachments.find((a) => a.name.toLowerCase().endsWith('.json'));
    if (!chosen) return null;
    const bytes = attachmentBytes(chosen.spec);
    if (!bytes) return null;
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Every file specification in the catalog's Names → EmbeddedFiles name tree, in tree order. */
function embeddedFiles(pdfDoc: PDFDocument): Attachment[] {
  const names = pdfDoc.catalog.lookup(PDFName.of('Names'));
  if (!(names instanceof PDFDict)) return [];
  const root = names.lookup(PDFName.of('EmbeddedFiles'));
  if (!(root instanceof PDFDict)) return [];

  const found: Attachment[] = [];
  const seen = new Set<PDFDict>();
  const visit = (node: PDFDict, depth: number): void => {
    if (seen.has(node) || depth > 32) return; // a broken tree may loop back on itself
    seen.add(node);
    const pairs = node.lookup(PDFName.of('Names'));
    if (pairs instanceof PDFArray) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) {
        const spec = pdfDoc.context.lookup(pairs.get(i + 1));
        if (!(spec instanceof PDFDict)) continue;
        const name = fileNameOf(spec) ?? textOf(pdfDoc.context.lookup(pairs.get(i))) ?? '';
        found.push({ name, spec });
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) {
      for (let i = 0; i < kids.size(); i += 1) {
        const kid = pdfDoc.context.lookup(kids.get(i));
        if (kid instanceof PDFDict) visit(kid, depth + 1);
      }
    }
  };
  visit(root, 0);
  return found;
}

function fileNameOf(spec: PDFDict): string | undefined {
  return textOf(spec.lookup(PDFName.of('UF'))) ?? textOf(spec.lookup(PDFName.of('F')));
}

function textOf(object: PDFObject | undefined): string | undefined {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  return undefined;
}

/** A credential is a few kilobytes; anything that unpacks to more is not one of ours. */
export const MAX_ATTACHMENT_BYTES = 256 * 1024;

/**
 * The attachment's bytes, unpacked with a hard ceiling: the PDF comes from anyone on the public
 * verification page, and a small compressed stream can unpack to gigabytes.
 */
function attachmentBytes(spec: PDFDict): Uint8Array | undefined {
  const ef = spec.lookup(PDFName.of('EF'));
  if (!(ef instanceof PDFDict)) return undefined;
  const stream = ef.lookup(PDFName.of('F')) ?? ef.lookup(PDFName.of('UF'));
  if (!(stream instanceof PDFRawStream)) return undefined;
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const contents = stream.getContents();
  if (filter === undefined) return contents.length <= MAX_ATTACHMENT_BYTES ? contents : undefined;
  const isFlate =
    filter === PDFName.of('FlateDecode') ||
    (filter instanceof PDFArray && filter.size() === 1 && filter.lookup(0) === PDFName.of('FlateDecode'));
  if (!isFlate) return undefined;
  try {
    return inflateSync(contents, { maxOutputLength: MAX_ATTACHMENT_BYTES });
  } catch {
    return undefined;
  }
}
