import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  StandardFonts,
  decodePDFRawStream,
  type PDFFont,
} from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  credentialJsonFromPdf,
  dateInWords,
  MAX_ATTACHMENT_BYTES,
  renderCertificatePdf,
  toWinAnsiText,
  type CertificateContent,
} from './certificate-pdf.ts';

const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const MARGIN = 60;

const content: CertificateContent = {
  kind: 'certificate of study',
  title: 'Applied Biotechnology for Sustainable Aquaculture',
  moduleCode: 'ABT1001',
  learnerName: 'Zoë Ciarán',
  institutionName: 'University of the Highlands and Islands',
  scqfLevel: 7,
  scqfCredits: 10,
  notionalHours: 100,
  result: 'Passed, mark 72%',
  completedOn: '2026-11-14',
  issuedOn: '2026-11-20T10:15:00Z',
  credentialId: 'urn:uuid:3f1c2b7e-9a4d-4c1e-8f6b-2d5e7a9c0b13',
  verificationUrl:
    'https://hub.example.scot/verify?credential=urn%3Auuid%3A3f1c2b7e-9a4d-4c1e-8f6b-2d5e7a9c0b13',
};

const credentialJson = `${JSON.stringify(
  {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: content.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    credentialSubject: { name: 'Zoë Ciarán Łukasz Ó Súilleabháin 🎓', achievement: { name: content.title } },
  },
  null,
  2,
)}\n`;

interface TextRun {
  font: string;
  size: number;
  x: number;
  y: number;
  text: string;
}

/** The text drawn on the first page, run by run, read back from its (compressed) content streams. */
async function textRuns(pdfBytes: Uint8Array): Promise<TextRun[]> {
  const pdfDoc = await PDFDocument.load(pdfBytes);
  const page = pdfDoc.getPage(0);
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const winAnsi = new TextDecoder('windows-1252');
  const runs: TextRun[] = [];
  let font = '';
  let size = 0;
  let x = 0;
  let y = 0;
  for (const ref of streams) {
    const stream = pdfDoc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) throw new Error('expected a content stream');
    const operators = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    for (const line of operators.split('\n')) {
      const tf = /^\/(\S+) ([\d.]+) Tf$/.exec(line);
      if (tf) {
        const fontDict = fonts?.lookup(PDFName.of(tf[1] ?? ''), PDFDict);
        font = fontDict?.lookup(PDFName.of('BaseFont'), PDFName).decodeText() ?? '';
        size = Number(tf[2]);
      }
      const tm = /^1 0 0 1 ([\d.-]+) ([\d.-]+) Tm$/.exec(line);
      if (tm) [x, y] = [Number(tm[1]), Number(tm[2])];
      const tj = /^<([0-9A-F]*)> Tj$/.exec(line);
      if (tj) runs.push({ font, size, x, y, text: winAnsi.decode(Buffer.from(tj[1] ?? '', 'hex')) });
    }
  }
  return runs;
}

async function pageText(pdfBytes: Uint8Array): Promise<string> {
  return (await textRuns(pdfBytes)).map((run) => run.text).join('\n');
}

async function standardFonts(): Promise<Record<string, PDFFont>> {
  const scratch = await PDFDocument.create();
  return {
    Helvetica: await scratch.embedFont(StandardFonts.Helvetica),
    'Helvetica-Bold': await scratch.embedFont(StandardFonts.HelveticaBold),
  };
}

describe('the certificate PDF', () => {
  it('carries the credential JSON and gives back exactly the same text', async () => {
    const pdf = await renderCertificatePdf(content, credentialJson);
    expect(await credentialJsonFromPdf(pdf)).toBe(credentialJson);
  });

  it('attaches the credential as credential.json with its media type and description', async () => {
    const pdfDoc = await PDFDocument.load(await renderCertificatePdf(content, credentialJson));
    const names = pdfDoc.catalog.lookup(PDFName.of('Names'), PDFDict);
    const tree = names.lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    const pairs = tree.lookup(PDFName.of('Names'), PDFArray);
    const spec = pairs.lookup(1, PDFDict);
    expect(spec.lookup(PDFName.of('UF'), PDFHexString).decodeText()).toBe('credential.json');
    expect(spec.lookup(PDFName.of('Desc'), PDFHexString).decodeText()).toBe(
      'Open Badges 3.0 verifiable credential',
    );
    const file = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'));
    if (!(file instanceof PDFRawStream)) throw new Error('expected an embedded file stream');
    expect(file.dict.lookup(PDFName.of('Subtype'), PDFName).decodeText()).toBe('application/ld+json');
    expect(decodePDFRawStream(file).decode()).toEqual(new TextEncoder().encode(credentialJson));
  });

  it('is the same, byte for byte, every time it is made from the same input', async () => {
    const first = await renderCertificatePdf(content, credentialJson);
    const second = await renderCertificatePdf(content, credentialJson);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('is one A4 landscape page with document information dated from the issue', async () => {
    const pdfDoc = await PDFDocument.load(await renderCertificatePdf(content, credentialJson), {
      updateMetadata: false,
    });
    expect(pdfDoc.getPageCount()).toBe(1);
    const { width, height } = pdfDoc.getPage(0).getSize();
    expect(width).toBeCloseTo(A4_LANDSCAPE.width, 1);
    expect(height).toBeCloseTo(A4_LANDSCAPE.height, 1);
    expect(pdfDoc.getTitle()).toBe('Certificate of study: Applied Biotechnology for Sustainable Aquaculture');
    expect(pdfDoc.getAuthor()).toBe('University of the Highlands and Islands');
    expect(pdfDoc.getSubject()).toContain('Zoë Ciarán');
    expect(pdfDoc.getSubject()).toContain('ABT1001');
    expect(pdfDoc.getCreator()).toBe('Micro-credentials Hub');
    expect(pdfDoc.getProducer()).toContain('Micro-credentials Hub');
    expect(pdfDoc.getCreationDate()?.toISOString()).toBe('2026-11-20T10:15:00.000Z');
    expect(pdfDoc.getModificationDate()?.toISOString()).toBe('2026-11-20T10:15:00.000Z');
  });

  it('shows everything a reader needs to know, with dates in words', async () => {
    const text = await pageText(await renderCertificatePdf(content, credentialJson));
    for (const expected of [
      'Certificate of study',
      'Zoë Ciarán',
      'has completed',
      'Applied Biotechnology for Sustainable Aquaculture',
      'Module ABT1001',
      'University of the Highlands and Islands',
      'SCQF level 7, 10 SCQF credits (100 notional hours of learning)',
      'Passed, mark 72%',
      '14 November 2026',
      '20 November 2026',
      'urn:uuid:3f1c2b7e-9a4d-4c1e-8f6b-2d5e7a9c0b13',
      `Verify this certificate at ${content.verificationUrl}`,
    ]) {
      expect(text).toContain(expected);
    }
    // The address is also printed under the QR code, wrapped to the column.
    expect(text.split('Scan to verify, or visit\n')[1]?.split('\n').slice(0, 3).join('')).toContain(
      content.verificationUrl,
    );
  });

  it('says "attended" and "Not credit-rated" for an attendance certificate without credits', async () => {
    const text = await pageText(
      await renderCertificatePdf(
        {
          ...content,
          kind: 'certificate of attendance',
          scqfLevel: null,
          scqfCredits: null,
          notionalHours: 20,
          result: null,
        },
        credentialJson,
      ),
    );
    expect(text).toContain('Certificate of attendance');
    expect(text).toContain('has attended');
    expect(text).toContain('Not credit-rated, 20 notional hours of learning');
    expect(text).not.toContain('SCQF level');
    expect(text).not.toContain('Result');
  });

  it('draws the QR code as an image on the page', async () => {
    const pdfDoc = await PDFDocument.load(await renderCertificatePdf(content, credentialJson));
    const xObjects = pdfDoc.getPage(0).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    const images = (xObjects?.values() ?? [])
      .map((ref) => pdfDoc.context.lookup(ref))
      .filter((object): object is PDFRawStream => object instanceof PDFRawStream)
      .filter((stream) => stream.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images).toHaveLength(1);
    const image = images[0]!.dict;
    expect(image.lookup(PDFName.of('Width'))?.toString()).toBe(
      image.lookup(PDFName.of('Height'))?.toString(),
    );
  });

  it('wraps a long title onto lines that stay within the margins', async () => {
    const title =
      "Gàidhlig language, culture and the sustainable management of Scotland's coastal and marine environments in a changing climate";
    const runs = await textRuns(await renderCertificatePdf({ ...content, title }, credentialJson));
    const titleRuns = runs.filter((run) => title.includes(run.text) && run.text.length > 20);
    expect(titleRuns.length).toBeGreaterThan(1);
    expect(titleRuns.map((run) => run.text).join(' ')).toBe(title);
    const fonts = await standardFonts();
    for (const run of runs) {
      const font = fonts[run.font];
      expect(font, run.font).toBeDefined();
      expect(run.x).toBeGreaterThanOrEqual(MARGIN);
      expect(run.x + font!.widthOfTextAtSize(run.text, run.size)).toBeLessThanOrEqual(
        A4_LANDSCAPE.width - MARGIN + 0.01,
      );
      expect(run.y).toBeGreaterThan(MARGIN / 2);
    }
  });

  it('prints awkward names without failing, keeping what Helvetica can draw', async () => {
    const awkward: CertificateContent = {
      ...content,
      learnerName: '👩🏽‍🎓 Łukasz Ŵyn Ní Ḋomhnaill 李小龙',
      title: 'Cùrsa Gàidhlig: ḃ ċ ḋ ḟ ġ ṁ ṗ ṡ ṫ — “quoted” ✨',
      institutionName: 'Oilthigh Ghlaschu 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
      result: 'Passed ✅\twith distinction\u200b',
    };
    const pdf = await renderCertificatePdf(awkward, credentialJson);
    const text = await pageText(pdf);
    expect(text).toContain('Lukasz Wyn Ní Domhnaill ???');
    expect(text).toContain('Cùrsa Gàidhlig: b c d f g m p s t — “quoted”');
    expect(text).toContain('Oilthigh Ghlaschu');
    expect(text).toContain('Passed with distinction');
    expect(await credentialJsonFromPdf(pdf)).toBe(credentialJson);
  });

  it('refuses a date that is not an ISO date', async () => {
    await expect(renderCertificatePdf({ ...content, completedOn: '14/11/2026' }, '{}')).rejects.toThrow(
      RangeError,
    );
    await expect(renderCertificatePdf({ ...content, issuedOn: '2026-02-30' }, '{}')).rejects.toThrow(
      RangeError,
    );
  });
});

describe('reading the credential out of a PDF', () => {
  it('gives null for bytes that are not a PDF', async () => {
    expect(await credentialJsonFromPdf(new Uint8Array())).toBeNull();
    expect(await credentialJsonFromPdf(new TextEncoder().encode('{"not": "a pdf"}'))).toBeNull();
    expect(await credentialJsonFromPdf(new TextEncoder().encode('%PDF-1.7\n%%EOF garbage'))).toBeNull();
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await credentialJsonFromPdf(noise)).toBeNull();
  });

  it('gives null for a PDF with no attachment', async () => {
    const pdfDoc = await PDFDocument.create();
    pdfDoc.addPage();
    expect(await credentialJsonFromPdf(await pdfDoc.save())).toBeNull();
  });

  it('gives null when the only attachment is not JSON, and takes another .json file when there is no credential.json', async () => {
    const pdfDoc = await PDFDocument.create();
    pdfDoc.addPage();
    await pdfDoc.attach(new TextEncoder().encode('notes'), 'notes.txt', { mimeType: 'text/plain' });
    expect(await credentialJsonFromPdf(await pdfDoc.save())).toBeNull();
    await pdfDoc.attach(new TextEncoder().encode('{"a":"ü"}'), 'badge.json', {
      mimeType: 'application/json',
    });
    expect(await credentialJsonFromPdf(await pdfDoc.save())).toBe('{"a":"ü"}');
  });

  it('prefers credential.json over other JSON attachments', async () => {
    const pdfDoc = await PDFDocument.create();
    pdfDoc.addPage();
    await pdfDoc.attach(new TextEncoder().encode('{"other":true}'), 'other.json', {
      mimeType: 'application/json',
    });
    await pdfDoc.attach(new TextEncoder().encode(credentialJson), 'credential.json', {
      mimeType: 'application/ld+json',
    });
    expect(await credentialJsonFromPdf(await pdfDoc.save({ useObjectStreams: true }))).toBe(credentialJson);
  });

  it('follows Kids in the name tree and reads an uncompressed file stream', async () => {
    const pdfDoc = await PDFDocument.create();
    pdfDoc.addPage();
    const { context } = pdfDoc;
    const file = context.register(
      context.stream(new TextEncoder().encode(credentialJson), { Type: 'EmbeddedFile' }),
    );
    const spec = context.register(
      context.obj({ Type: 'Filespec', F: PDFString.of('credential.json'), EF: { F: file } }),
    );
    const leaf = context.register(
      context.obj({
        Names: [PDFString.of('credential.json'), spec],
        Limits: [PDFString.of('credential.json'), PDFString.of('credential.json')],
      }),
    );
    const middle = context.register(context.obj({ Kids: [leaf] }));
    pdfDoc.catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: context.obj({ Kids: [middle] }) }));
    expect(await credentialJsonFromPdf(await pdfDoc.save())).toBe(credentialJson);
  });

  it('refuses an attachment that unpacks to more than a credential could be, without unpacking it all', async () => {
    const pdfDoc = await PDFDocument.create();
    pdfDoc.addPage();
    // 64 MB of spaces compresses to about 64 KB: a small upload that would unpack to a large one.
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const { context } = pdfDoc;
    const file = context.register(context.flateStream(new Uint8Array(0), { Type: 'EmbeddedFile' }));
    const stream = context.lookup(file) as PDFRawStream;
    const raw = PDFRawStream.of(stream.dict, bomb);
    context.assign(file, raw);
    const spec = context.register(
      context.obj({ Type: 'Filespec', F: PDFString.of('credential.json'), EF: { F: file } }),
    );
    pdfDoc.catalog.set(
      PDFName.of('Names'),
      context.obj({ EmbeddedFiles: context.obj({ Names: [PDFString.of('credential.json'), spec] }) }),
    );
    const bytes = await pdfDoc.save();
    expect(bytes.length).toBeLessThan(MAX_ATTACHMENT_BYTES * 2);
    expect(await credentialJsonFromPdf(bytes)).toBeNull();
  });
});

describe('text for the standard fonts', () => {
  it('keeps the accents WinAnsi has and simplifies the rest', () => {
    expect(toWinAnsiText('Zoë')).toBe('Zoë');
    expect(toWinAnsiText('Ciarán Ó Súilleabháin')).toBe('Ciarán Ó Súilleabháin');
    expect(toWinAnsiText('Seònaid NicDhòmhnaill')).toBe('Seònaid NicDhòmhnaill');
    expect(toWinAnsiText('Łukasz Żółć')).toBe('Lukasz Zólc');
    expect(toWinAnsiText('Ŵyn ap Ŷr')).toBe('Wyn ap Yr');
    expect(toWinAnsiText('Zoe\u0308')).toBe('Zoë'); // decomposed input comes together again
    expect(toWinAnsiText('Anna 🎓 👩🏽‍🎓 Smith')).toBe('Anna Smith');
    expect(toWinAnsiText('Иван')).toBe('????');
    expect(toWinAnsiText('  line\nbreak\ttab\u200b ')).toBe('line break tab');
    expect(toWinAnsiText('€5 – “fine” … Œuvre')).toBe('€5 – “fine” … Œuvre');
  });

  it('only ever gives characters the Helvetica fonts can encode', async () => {
    const fonts = Object.values(await standardFonts());
    let everything = '';
    for (let codePoint = 0; codePoint < 0x3000; codePoint += 1) everything += String.fromCodePoint(codePoint);
    everything += '🎓👩🏽‍🎓🏴󠁧󠁢󠁳󠁣󠁴󠁿✨😀𝔘𝔫𝔦';
    const safe = toWinAnsiText(everything);
    for (const font of fonts) {
      const supported = new Set(font.getCharacterSet());
      const unsupported = [...safe].filter((char) => !supported.has(char.codePointAt(0)!));
      expect(unsupported).toEqual([]);
      expect(() => font.encodeText(safe)).not.toThrow();
    }
  });

  it('writes dates in words', () => {
    expect(dateInWords('2026-11-14')).toBe('14 November 2026');
    expect(dateInWords('2027-01-05T23:30:00-05:00')).toBe('5 January 2027');
    expect(() => dateInWords('2026-13-01')).toThrow(RangeError);
    expect(() => dateInWords('yesterday')).toThrow(RangeError);
  });
});
