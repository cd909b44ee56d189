/**
 * The minutes as a PDF (pdfkit), in the layout of the print page (minutes-render.ts `renderHtml`):
 * A4, 2 cm margins; a header with the status box, the body's name, the title, the version and the
 * session facts; attendance with the table of those present; agenda; quorum; results per TOP with
 * resolutions and statements as indented quotations; notes; signatures; every page's footer says
 * which minutes, which status and which version it belongs to, and "Seite n von m".
 *
 * The sent minutes are the signed final version (§ 7 Abs. 2 GO Rhein-Sieg): `signed` writes
 * "gez." above each signer's name, as a signed copy does. The sentences are texts/minutes-document.ts's.
 * The font is Liberation Sans, as the print page asks first (metric-compatible with Arial), or DejaVu
 * Sans, embedded as subsets so names like "Ivanović" print as written. Where neither is installed
 * the PDF falls back to the standard font Helvetica, whose encoding (WinAnsi) covers German; letters
 * beyond it lose their accents there ("Ivanovic") rather than turning into wrong glyphs.
 */
import { existsSync } from "node:fs";
import { projectFile } from "./project-files.ts";
import {
  documentTitle, EMPTY, excusedDetail, FOOTER_HEAD, HEADING, itemHeading, LABEL, NO_RESOLUTION_TEXT, NO_RESULT, outcome, PAGE_OF, PRESENT_COLUMNS,
  presentDetail, recorder, representedLine, SESSION, signaturesHeading, SIGNED, statementBy, statementIntro, subtitle, tally, TITLE, voteDetail,
} from "../texts/minutes-document.ts";
import type { ItemSection, MinutesDoc, StatementBlock, VoteBlock } from "./minutes-document.ts";

type Pdf = PDFKit.PDFDocument;

const CM = 72 / 2.54;
const MARGIN = 2 * CM;
const REGULAR = "regular";
const BOLD = "bold";
const ITALIC = "italic";

type FontSet = Record<typeof REGULAR | typeof BOLD | typeof ITALIC, string>;

const SYSTEM_FONTS = "/usr/share/fonts/truetype";
/** Font files in order of preference; the first family whose three files all exist is taken. */
const FAMILIES: FontSet[] = [
  ...[`${SYSTEM_FONTS}/liberation2`, `${SYSTEM_FONTS}/liberation`].map((dir) => ({ regular: `${dir}/LiberationSans-Regular.ttf`, bold: `${dir}/LiberationSans-Bold.ttf`, italic: `${dir}/LiberationSans-Italic.ttf` })),
  // pdf.js (installed with the test tools) ships Liberation Sans as well.
  (() => {
    const dir = projectFile("node_modules", "pdfjs-dist", "standard_fonts");
    return { regular: `${dir}/LiberationSans-Regular.ttf`, bold: `${dir}/LiberationSans-Bold.ttf`, italic: `${dir}/LiberationSans-Italic.ttf` };
  })(),
  { regular: `${SYSTEM_FONTS}/dejavu/DejaVuSans.ttf`, bold: `${SYSTEM_FONTS}/dejavu/DejaVuSans-Bold.ttf`, italic: `${SYSTEM_FONTS}/dejavu/DejaVuSans-Oblique.ttf` },
];
const STANDARD: FontSet = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" };

let chosen: FontSet | null = null;
function fonts(): FontSet {
  chosen ??= FAMILIES.find((f) => Object.values(f).every((file) => existsSync(file))) ?? STANDARD;
  return chosen;
}

/** WinAnsi beyond Latin-1: what Helvetica can print of the typographic marks the texts use. */
const WIN_ANSI_EXTRA = new Set("–—„“”‚‘’•…€");

/** For the standard font only: a letter it cannot print loses its accent (ć → c); others stay. */
function foldForStandardFont<T>(doc: T): T {
  const fold = (text: string) => [...text].map((c) => (c.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(c) ? c : c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x00-\xff]/g, "?"))).join("");
  return JSON.parse(JSON.stringify(doc), (_k, v: unknown) => (typeof v === "string" ? fold(v) : v)) as T;
}
const SIZE = { body: 10.5, detail: 9.5, footer: 8.5, h1: 17, h2: 12, h3: 11, bodyName: 12 };

export interface PdfOptions {
  /** The final version: the signers signed, so "gez." stands above their names. */
  signed: boolean;
}

export async function renderPdf(given: MinutesDoc, options: PdfOptions): Promise<Buffer> {
  // Loaded when minutes are sent, not with the bot: pdfkit and its fonts weigh some 20 MB.
  const { default: PDFDocument } = await import("pdfkit");
  const set = fonts();
  const doc = set === STANDARD ? foldForStandardFont(given) : given;
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: documentTitle(doc.bodyName, doc.session.day), Author: doc.secretariatHead, Subject: `${doc.status.label} · ${doc.versionName}` },
  });
  for (const [name, file] of Object.entries(set)) pdf.registerFont(name, file);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  header(pdf, doc);
  attendance(pdf, doc);
  heading(pdf, HEADING.agenda);
  list(pdf, doc.agenda.map(itemHeading), EMPTY.agenda, false);
  if (doc.quorum.length) {
    heading(pdf, HEADING.quorum);
    for (const q of doc.quorum) paragraph(pdf, q);
  }
  heading(pdf, HEADING.results);
  for (const item of doc.items) itemSection(pdf, item);
  if (doc.otherVotes.length || doc.otherStatements.length) {
    subheading(pdf, HEADING.unassigned);
    doc.otherVotes.forEach((v) => vote(pdf, v));
    doc.otherStatements.forEach((s) => statement(pdf, s));
  }
  closing(pdf, doc, options);
  footers(pdf, doc);
  pdf.end();
  return done;
}

// ---- building blocks ---------------------------------------------------------------------------

function width(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function left(pdf: Pdf): number {
  return pdf.page.margins.left;
}

/** A new page when fewer than `height` points are left, so a block is not cut at its head. */
function keep(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function rule(pdf: Pdf, thickness: number): void {
  pdf.moveTo(left(pdf), pdf.y).lineTo(left(pdf) + width(pdf), pdf.y).lineWidth(thickness).stroke();
}

function paragraph(pdf: Pdf, text: string, font = REGULAR, size = SIZE.body): void {
  pdf.font(font).fontSize(size).text(text, left(pdf), pdf.y, { width: width(pdf) });
  pdf.moveDown(0.3);
}

function heading(pdf: Pdf, text: string): void {
  pdf.moveDown(0.8);
  keep(pdf, 60);
  pdf.font(BOLD).fontSize(SIZE.h2).text(text, left(pdf), pdf.y, { width: width(pdf) });
  pdf.moveDown(0.1);
  rule(pdf, 0.75);
  pdf.moveDown(0.4);
}

function subheading(pdf: Pdf, text: string, font = BOLD): void {
  pdf.moveDown(0.5);
  keep(pdf, 50);
  pdf.font(font).fontSize(SIZE.h3).text(text, left(pdf), pdf.y, { width: width(pdf) });
  pdf.moveDown(0.2);
}

function list(pdf: Pdf, lines: string[], empty: string, bullets = true, size = SIZE.body): void {
  if (!lines.length) return paragraph(pdf, empty, ITALIC, size);
  pdf.font(REGULAR).fontSize(size);
  for (const line of lines) {
    const indent = bullets ? 14 : 0;
    if (bullets) pdf.text("•", left(pdf) + 3, pdf.y, { continued: false, lineBreak: false });
    pdf.text(line, left(pdf) + indent, pdf.y, { width: width(pdf) - indent });
    pdf.moveDown(0.15);
  }
  pdf.moveDown(0.3);
}

/** An indented quotation with a bar at its left, as the print page's blockquote. */
function quote(pdf: Pdf, text: string, font = REGULAR): void {
  const x = left(pdf) + 16;
  const top = pdf.y;
  pdf.font(font).fontSize(SIZE.body).text(text, x + 8, top, { width: width(pdf) - 24 });
  pdf.moveTo(x, top).lineTo(x, pdf.y).lineWidth(2).strokeColor("#888888").stroke().strokeColor("#000000");
  pdf.moveDown(0.4);
}

function labelled(pdf: Pdf, label: string, value: string): void {
  pdf.font(BOLD).fontSize(SIZE.body).text(`${label}: `, left(pdf), pdf.y, { continued: true, width: width(pdf) });
  pdf.font(REGULAR).text(value);
}

// ---- the sections --------------------------------------------------------------------------------

function header(pdf: Pdf, doc: MinutesDoc): void {
  const status = doc.status.label.toUpperCase();
  pdf.font(BOLD).fontSize(SIZE.body);
  const boxWidth = pdf.widthOfString(status, { characterSpacing: 0.5 }) + 14;
  const boxX = left(pdf) + width(pdf) - boxWidth;
  pdf.rect(boxX, MARGIN, boxWidth, 18).lineWidth(1.5).stroke();
  pdf.text(status, boxX + 7, MARGIN + 5, { characterSpacing: 0.5, lineBreak: false });
  pdf.font(BOLD).fontSize(SIZE.bodyName).text(doc.bodyName, left(pdf), MARGIN, { width: width(pdf) - boxWidth - 12 });
  pdf.moveDown(0.6);
  pdf.font(BOLD).fontSize(SIZE.h1).text(TITLE.toUpperCase(), left(pdf), pdf.y, { characterSpacing: 2 });
  pdf.moveDown(0.1);
  paragraph(pdf, subtitle(doc.contentsCitation));
  paragraph(pdf, doc.versionLabel, BOLD);
  const rows: [string, string][] = [[SESSION.location, doc.session.location], [SESSION.day, doc.session.day], [SESSION.start, doc.session.start], [SESSION.end, doc.session.end], [SESSION.mode, doc.session.mode]];
  for (const [k, v] of rows) {
    const y = pdf.y;
    pdf.font(REGULAR).fontSize(SIZE.body).text(`${k}:`, left(pdf), y, { width: 3.2 * CM });
    pdf.text(v, left(pdf) + 3.4 * CM, y, { width: width(pdf) - 3.4 * CM });
  }
  pdf.moveDown(0.5);
  rule(pdf, 1.5);
  pdf.moveDown(0.6);
}

function attendance(pdf: Pdf, doc: MinutesDoc): void {
  const a = doc.attendance;
  heading(pdf, HEADING.attendance);
  labelled(pdf, LABEL.chair, doc.chair);
  labelled(pdf, LABEL.recorder, recorder(doc.secretariatHead));
  pdf.moveDown(0.4);
  pdf.font(BOLD).fontSize(SIZE.body).text(`${LABEL.present} `, left(pdf), pdf.y, { continued: true });
  pdf.font(REGULAR).fontSize(SIZE.detail).text(`(${representedLine(a.represented, a.votingInstitutions)}):`);
  pdf.moveDown(0.2);
  if (a.present.length) presentTable(pdf, a.present.map((p) => [p.institution, `${p.person}${presentDetail(p)}`]));
  else paragraph(pdf, EMPTY.people, ITALIC);
  pdf.font(BOLD).fontSize(SIZE.body).text(`${LABEL.excused}:`, left(pdf), pdf.y);
  list(pdf, a.excused.map((e) => `${e.person} (${e.institution})${excusedDetail(e.representedBy)}`), EMPTY.people);
  pdf.font(BOLD).fontSize(SIZE.body).text(`${LABEL.notRepresented}:`, left(pdf), pdf.y);
  list(pdf, a.notRepresented, EMPTY.institutions);
}

function presentTable(pdf: Pdf, rows: [string, string][]): void {
  const first = width(pdf) * 0.55;
  const cell = (text: string, x: number, y: number, w: number, font: string, size: number) => pdf.font(font).fontSize(size).text(text, x, y, { width: w - 6 });
  const row = (cells: [string, string], font: string, size: number, line: number) => {
    const h = Math.max(...cells.map((c, i) => pdf.font(font).fontSize(size).heightOfString(c, { width: (i ? width(pdf) - first : first) - 6 }))) + 4;
    keep(pdf, h + 2);
    const y = pdf.y;
    cell(cells[0], left(pdf), y + 2, first, font, size);
    cell(cells[1], left(pdf) + first, y + 2, width(pdf) - first, font, size);
    pdf.y = y + h;
    pdf.moveTo(left(pdf), pdf.y).lineTo(left(pdf) + width(pdf), pdf.y).lineWidth(line).strokeColor(line < 0.75 ? "#bbbbbb" : "#000000").stroke().strokeColor("#000000");
  };
  row(PRESENT_COLUMNS as [string, string], BOLD, 9, 0.75);
  for (const r of rows) row(r, REGULAR, SIZE.body, 0.5);
  pdf.x = left(pdf);
  pdf.moveDown(0.6);
}

function itemSection(pdf: Pdf, item: ItemSection): void {
  subheading(pdf, itemHeading(item), item.title === null ? ITALIC : BOLD);
  if (item.title === null) return;
  for (const note of item.notes) paragraph(pdf, note, ITALIC);
  item.votes.forEach((v) => vote(pdf, v));
  item.statements.forEach((s) => statement(pdf, s));
  if (!item.notes.length && !item.votes.length && !item.statements.length) paragraph(pdf, NO_RESULT, ITALIC);
}

function vote(pdf: Pdf, v: VoteBlock): void {
  keep(pdf, 80);
  paragraph(pdf, `${v.label}:`, BOLD);
  quote(pdf, v.resolution ?? NO_RESOLUTION_TEXT, v.resolution ? REGULAR : ITALIC);
  pdf.font(BOLD).fontSize(SIZE.body).text(`${LABEL.result}: `, left(pdf), pdf.y, { continued: true, width: width(pdf) });
  pdf.font(REGULAR).text(`${tally(v)} – `, { continued: true });
  pdf.font(BOLD).text(outcome(v.passed));
  paragraph(pdf, voteDetail(v), REGULAR, SIZE.detail);
  pdf.moveDown(0.3);
}

function statement(pdf: Pdf, s: StatementBlock): void {
  keep(pdf, 60);
  pdf.font(BOLD).fontSize(SIZE.body).text(`${LABEL.statement} `, left(pdf), pdf.y, { continued: true, width: width(pdf) });
  pdf.font(REGULAR).text(statementIntro(statementBy(s.person, s.affiliation)));
  pdf.moveDown(0.2);
  quote(pdf, s.text);
}

/** Notes and signatures stay together, as on the print page. */
function closing(pdf: Pdf, doc: MinutesDoc, options: PdfOptions): void {
  pdf.font(REGULAR).fontSize(SIZE.detail);
  const notesHeight = doc.notes.reduce((h, n) => h + pdf.heightOfString(n, { width: width(pdf) - 14 }) + 4, 0);
  keep(pdf, notesHeight + 220);
  heading(pdf, HEADING.notes);
  list(pdf, doc.notes, "", true, SIZE.detail);
  heading(pdf, signaturesHeading(doc.signatures.citation));
  pdf.font(REGULAR).fontSize(SIZE.body).text(`${LABEL.placeAndDate}: `, left(pdf), pdf.y, { continued: false });
  pdf.moveTo(left(pdf) + 75, pdf.y - 3).lineTo(left(pdf) + 75 + 7 * CM, pdf.y - 3).lineWidth(0.75).stroke();
  const signers = doc.signatures.signers;
  const gap = 1.5 * CM;
  const each = (width(pdf) - gap * (signers.length - 1)) / Math.max(signers.length, 1);
  const lineY = pdf.y + 1.8 * CM;
  signers.forEach((s, i) => {
    const x = left(pdf) + i * (each + gap);
    if (options.signed) pdf.font(ITALIC).fontSize(SIZE.body).text(`${SIGNED} ${s.name}`, x, lineY - 16, { width: each });
    pdf.moveTo(x, lineY).lineTo(x + each, lineY).lineWidth(0.75).stroke();
    pdf.font(REGULAR).fontSize(SIZE.body).text(s.name, x, lineY + 3, { width: each });
    pdf.font(REGULAR).fontSize(SIZE.detail).text(s.role, x, pdf.y, { width: each });
  });
  pdf.x = left(pdf);
}

/** Every page: which minutes, status and version on the left, "Seite n von m" on the right. */
function footers(pdf: Pdf, doc: MinutesDoc): void {
  const text = `${FOOTER_HEAD}${doc.session.day.replace(/^\S+, /, "")} · ${doc.status.label} · ${doc.versionName}`;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing below the text area must not open a new page
    const y = pdf.page.height - MARGIN + 14;
    pdf.font(REGULAR).fontSize(SIZE.footer).fillColor("#444444");
    pdf.text(text, left(pdf), y, { width: width(pdf) * 0.75, lineBreak: false });
    const pageText = `${PAGE_OF.page}${i + 1}${PAGE_OF.of}${range.count}`;
    pdf.text(pageText, left(pdf) + width(pdf) - pdf.widthOfString(pageText), y, { lineBreak: false });
    pdf.fillColor("#000000");
    pdf.page.margins.bottom = bottom;
  }
}
