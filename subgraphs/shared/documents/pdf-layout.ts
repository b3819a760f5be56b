/**
 * The page of a slip (phiếu) as one-stop desks print them: the agency on the left and the national
 * motto on the right, a centred title, then labelled lines. Text is set in DejaVu Sans, a TrueType
 * font with every Vietnamese precomposed letter, embedded as a subset so any reader shows the
 * diacritics. The creation date is the dossier's receipt time, which makes the bytes (and their
 * checksum) the same every time a slip is rendered for the same dossier.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** One labelled line: "Label: value". */
export interface SlipLine {
  label: string;
  value: string;
}

/** What a slip shows, in order. */
export interface SlipContent {
  /** Receiving agency, printed upper-case in the heading. */
  agencyName: string;
  title: string;
  /** Line under the title (the receipt code). */
  subtitle: string;
  lines: SlipLine[];
  /** A numbered list under a heading (components received), when any. @default none */
  list?: { heading: string; items: string[] };
  /** Closing remarks in italics-free small print. @default none */
  notes?: string[];
  /** Document properties; `createdAt` fixes the creation date for reproducible bytes. */
  meta: { title: string; subject: string; createdAt: Date };
}

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** Read once per process: the two faces are ~1 MB together. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const MARGIN = 56;
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

/** Renders a slip to PDF bytes. */
export function renderSlip(content: SlipContent): Promise<Buffer> {
  const faces = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'vi-VN',
    info: {
      Title: content.meta.title,
      Subject: content.meta.subject,
      Author: content.agencyName,
      Creator: 'Lienthong',
      Producer: 'Lienthong (PDFKit)',
      CreationDate: content.meta.createdAt,
    },
  });
  doc.registerFont(REGULAR, faces.regular);
  doc.registerFont(BOLD, faces.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const half = width / 2 - 8;
  const top = doc.y;
  doc.font(BOLD).fontSize(10).text(content.agencyName.toLocaleUpperCase('vi-VN'), MARGIN, top, { width: half, align: 'center' });
  const leftBottom = doc.y;
  doc.font(BOLD).fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN + width / 2, top, { width: width / 2, align: 'center' });
  doc.font(BOLD).fontSize(11).text('Độc lập - Tự do - Hạnh phúc', { width: width / 2, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 28;

  doc.font(BOLD).fontSize(15).text(content.title, MARGIN, doc.y, { width, align: 'center' });
  doc.font(REGULAR).fontSize(11).text(content.subtitle, { width, align: 'center' });
  doc.moveDown(1.5);

  for (const line of content.lines) {
    doc.font(BOLD).fontSize(11).text(`${line.label}: `, MARGIN, doc.y, { width, continued: true });
    doc.font(REGULAR).text(line.value);
    doc.moveDown(0.3);
  }
  if (content.list) {
    doc.moveDown(0.5);
    doc.font(BOLD).fontSize(11).text(content.list.heading, MARGIN, doc.y, { width });
    content.list.items.forEach((item, i) => {
      doc.font(REGULAR).fontSize(11).text(`${i + 1}. ${item}`, MARGIN + 14, doc.y, { width: width - 14 });
    });
  }
  if (content.notes && content.notes.length > 0) {
    doc.moveDown(1);
    for (const note of content.notes) doc.font(REGULAR).fontSize(9).text(note, MARGIN, doc.y, { width });
  }
  doc.end();
  return done;
}
