/**
 * Lays a MinutesDoc out as Markdown (for the chat and e-mail text) and as a print-ready HTML page
 * (A4, to sign). Both say the same sentences, worded once in texts/minutes-document.ts; the layout
 * follows the sequence of a German committee Niederschrift: header, attendance, agenda, results
 * per TOP, signatures.
 */
import { escapeHtml } from "./invitation-mail.ts";
import {
  documentTitle, EMPTY, excusedDetail, FOOTER_HEAD, HEADING, itemHeading, LABEL, NO_RESOLUTION_TEXT, NO_RESULT, outcome, PAGE_OF,
  PRESENT_COLUMNS, presentDetail, recorder, representedLine, SESSION, signaturesHeading, statementBy, statementIntro, subtitle, tally, TITLE,
  voteDetail,
} from "../texts/minutes-document.ts";
import type { ItemSection, MinutesDoc, StatementBlock, VoteBlock } from "./minutes-document.ts";

// ---- shared by both formats -------------------------------------------------------------------

function sessionRows(doc: MinutesDoc): [string, string][] {
  const s = doc.session;
  return [[SESSION.location, s.location], [SESSION.day, s.day], [SESSION.start, s.start], [SESSION.end, s.end], [SESSION.mode, s.mode]];
}

function by(s: StatementBlock): string {
  return statementBy(s.person, s.affiliation);
}

// ---- Markdown --------------------------------------------------------------------------------

/** Backslash-escapes what Markdown would read as markup or raw HTML in stored text. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
}

function mdQuote(text: string): string {
  return text.split(/\r?\n/).map((line) => `> ${md(line)}`.trimEnd()).join("\n");
}

function mdList(lines: string[], empty: string): string[] {
  return lines.length ? lines.map((l) => `- ${l}`) : [`- ${empty}`];
}

function mdVote(v: VoteBlock): string[] {
  return [
    `**${v.label}:**`,
    "",
    v.resolution ? mdQuote(v.resolution) : `> ${NO_RESOLUTION_TEXT}`,
    "",
    `**${LABEL.result}:** ${tally(v)} – **${outcome(v.passed)}**  `,
    voteDetail(v),
    "",
  ];
}

function mdStatement(s: StatementBlock): string[] {
  return [`**${LABEL.statement}** ${statementIntro(md(by(s)))}`, "", mdQuote(s.text), ""];
}

function mdItem(item: ItemSection): string[] {
  const out = [`### ${md(itemHeading(item))}`, ""];
  if (item.title === null) return out;
  for (const note of item.notes) out.push(md(note), "");
  for (const v of item.votes) out.push(...mdVote(v));
  for (const s of item.statements) out.push(...mdStatement(s));
  if (!item.notes.length && !item.votes.length && !item.statements.length) out.push(NO_RESULT, "");
  return out;
}

function mdAttendance(doc: MinutesDoc): string[] {
  const a = doc.attendance;
  return [
    `## ${HEADING.attendance}`,
    "",
    `**${LABEL.chair}:** ${md(doc.chair)}  `,
    `**${LABEL.recorder}:** ${md(recorder(doc.secretariatHead))}`,
    "",
    `**${LABEL.present}** (${representedLine(a.represented, a.votingInstitutions)}):`,
    "",
    ...mdList(a.present.map((p) => `${md(p.institution)}: ${md(p.person)}${md(presentDetail(p))}`), EMPTY.people),
    "",
    `**${LABEL.excused}:**`,
    "",
    ...mdList(a.excused.map((e) => `${md(e.person)} (${md(e.institution)})${md(excusedDetail(e.representedBy))}`), EMPTY.people),
    "",
    `**${LABEL.notRepresented}:**`,
    "",
    ...mdList(a.notRepresented.map(md), EMPTY.institutions),
    "",
  ];
}

/** The status at the head of the Markdown: the first bold text opening a line, before " · ". */
const MD_STATUS = /^\*\*(?:[^*\n\\]|\\.)*\*\* · /m;

function mdStatus(label: string): string {
  return `**${md(label)}** · `;
}

export function renderMarkdown(doc: MinutesDoc): string {
  const out = [
    `# ${documentTitle(md(doc.bodyName))}`,
    "",
    `${mdStatus(doc.status.label)}${md(doc.versionLabel)} · ${md(subtitle(doc.contentsCitation))}`,
    "",
    "| | |",
    "|---|---|",
    ...sessionRows(doc).map(([k, v]) => `| ${k} | ${md(v)} |`),
    "",
    ...mdAttendance(doc),
    `## ${HEADING.agenda}`,
    "",
    ...mdList(doc.agenda.map((a) => md(itemHeading(a))), EMPTY.agenda),
    "",
  ];
  if (doc.quorum.length) out.push(`## ${HEADING.quorum}`, "", ...doc.quorum.map((q) => `${md(q)}\n`));
  out.push(`## ${HEADING.results}`, "");
  for (const item of doc.items) out.push(...mdItem(item));
  if (doc.otherVotes.length || doc.otherStatements.length) {
    out.push(`### ${HEADING.unassigned}`, "");
    for (const v of doc.otherVotes) out.push(...mdVote(v));
    for (const s of doc.otherStatements) out.push(...mdStatement(s));
  }
  out.push(`## ${HEADING.notes}`, "", ...mdList(doc.notes.map(md), ""), "");
  out.push(`## ${md(signaturesHeading(doc.signatures.citation))}`, "", `${LABEL.placeAndDate}: ______________________`, "");
  for (const s of doc.signatures.signers) out.push("", "______________________________", `${s.role}: ${md(s.name)}`, "");
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

// ---- HTML ------------------------------------------------------------------------------------

const h = escapeHtml;

/** Escapes, and keeps the line breaks someone typed into a resolution or statement. */
function hText(text: string): string {
  return h(text).replace(/\r?\n/g, "<br>");
}

function hList(lines: string[], empty: string): string {
  return lines.length ? `<ul>${lines.map((l) => `<li>${l}</li>`).join("")}</ul>` : `<p class="none">${h(empty)}</p>`;
}

function hVote(v: VoteBlock): string {
  return `<div class="vote">
<p class="label">${h(v.label)}:</p>
<blockquote>${v.resolution ? hText(v.resolution) : `<em>${h(NO_RESOLUTION_TEXT)}</em>`}</blockquote>
<p><strong>${h(LABEL.result)}:</strong> ${h(tally(v))} – <strong class="${v.passed ? "passed" : "failed"}">${h(outcome(v.passed))}</strong><br>
<span class="detail">${h(voteDetail(v))}</span></p>
</div>`;
}

function hStatement(s: StatementBlock): string {
  return `<div class="statement">
<p class="label">${h(LABEL.statement)} ${statementIntro(h(by(s)))}</p>
<blockquote>${hText(s.text)}</blockquote>
</div>`;
}

function hItem(item: ItemSection): string {
  const cls = ["item", ...(item.title === null ? ["withheld"] : item.public ? [] : ["nonpublic"])].join(" ");
  const body = item.title === null
    ? ""
    : [
        ...item.notes.map((n) => `<p class="note">${h(n)}</p>`),
        ...item.votes.map(hVote),
        ...item.statements.map(hStatement),
        ...(item.notes.length || item.votes.length || item.statements.length ? [] : [`<p class="none">${h(NO_RESULT)}</p>`]),
      ].join("\n");
  return `<section class="${cls}">\n<h3>${h(itemHeading(item))}</h3>\n${body}\n</section>`;
}

function hAttendance(doc: MinutesDoc): string {
  const a = doc.attendance;
  const present = a.present.map((p) => `<tr><td>${h(p.institution)}</td><td>${h(p.person)}${h(presentDetail(p))}</td></tr>`).join("\n");
  return `<section class="attendance">
<h2>${h(HEADING.attendance)}</h2>
<p><span class="k">${h(LABEL.chair)}:</span> ${h(doc.chair)}<br><span class="k">${h(LABEL.recorder)}:</span> ${h(recorder(doc.secretariatHead))}</p>
<p class="k">${h(LABEL.present)} <span class="detail">(${h(representedLine(a.represented, a.votingInstitutions))})</span>:</p>
${present ? `<table class="present"><thead><tr>${PRESENT_COLUMNS.map((c) => `<th>${h(c)}</th>`).join("")}</tr></thead><tbody>\n${present}\n</tbody></table>` : `<p class="none">${h(EMPTY.people)}</p>`}
<p class="k">${h(LABEL.excused)}:</p>
${hList(a.excused.map((e) => `${h(e.person)} (${h(e.institution)})${h(excusedDetail(e.representedBy))}`), EMPTY.people)}
<p class="k">${h(LABEL.notRepresented)}:</p>
${hList(a.notRepresented.map(h), EMPTY.institutions)}
</section>`;
}

function hSignatures(doc: MinutesDoc): string {
  const signers = doc.signatures.signers
    .map((s) => `<div class="sig"><div class="line"></div>${h(s.name)}<br><span class="detail">${h(s.role)}</span></div>`)
    .join("\n");
  return `<section class="signatures">
<h2>${h(signaturesHeading(doc.signatures.citation))}</h2>
<p>${h(LABEL.placeAndDate)}: <span class="blank"></span></p>
<div class="signers">
${signers}
</div>
</section>`;
}

/** A CSS string literal; `<` escaped too, since it sits inside a <style> element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** A loose page still says which minutes, which state and which version it belongs to. */
function pageCss(doc: MinutesDoc): string {
  const footer = `${FOOTER_HEAD}${doc.session.day.replace(/^\S+, /, "")} · ${doc.status.label} · ${doc.versionName}`;
  const font = `font: 8.5pt ${FONT}; color: #444;`;
  return `@page { size: A4; margin: 2cm;
  @bottom-left { content: ${cssString(footer)}; ${font} }
  @bottom-right { content: ${cssString(PAGE_OF.page)} counter(page) ${cssString(PAGE_OF.of)} counter(pages); ${font} } }`;
}

const FONT = `"Liberation Sans", Arial, "DejaVu Sans", sans-serif`;
/** The status in the page footer: between the day and the version. */
const HTML_FOOTER_STATUS = new RegExp(`(@bottom-left \\{ content: "${FOOTER_HEAD}[^"·]* · )[^"·]*( · [^"·]*";)`);
/** The status box in the header. */
const HTML_STATUS = /<div class="status">[^<]*<\/div>/;

function htmlStatus(label: string): string {
  return `<div class="status">${h(label)}</div>`;
}

const CSS = `
html { font-family: ${FONT}; font-size: 10.5pt; line-height: 1.4; color: #000; }
body { margin: 0; }
@media screen { body { max-width: 17cm; margin: 2cm auto; } }
header { border-bottom: 1.5pt solid #000; padding-bottom: .6em; margin-bottom: 1em; }
.bodyname { font-size: 12pt; font-weight: bold; }
.status { float: right; border: 1.5pt solid #000; padding: .15em .6em; font-weight: bold; text-transform: uppercase; letter-spacing: .05em; }
h1 { font-size: 17pt; letter-spacing: .12em; text-transform: uppercase; margin: .8em 0 .1em; }
.subtitle { margin: 0 0 .8em; }
.version { font-weight: bold; margin: 0 0 .6em; }
table { border-collapse: collapse; }
table.facts th { text-align: left; font-weight: normal; padding: .05em 1.5em .05em 0; vertical-align: top; }
table.facts td { padding: .05em 0; }
table.present { width: 100%; margin: .2em 0 .6em; }
table.present th { text-align: left; font-size: 9pt; border-bottom: .75pt solid #000; padding: .1em .4em .1em 0; }
table.present td { vertical-align: top; border-bottom: .5pt solid #bbb; padding: .15em .6em .15em 0; }
table.present td:first-child { width: 55%; }
tr, li { break-inside: avoid; }
h2 { font-size: 12pt; margin: 1.4em 0 .5em; padding-bottom: .1em; border-bottom: .75pt solid #000; break-after: avoid; }
h3 { font-size: 11pt; margin: 1.1em 0 .3em; break-after: avoid; }
ul { margin: .2em 0 .6em; padding-left: 1.3em; }
ol.agenda { list-style: none; padding-left: 0; }
ol.agenda li { margin: .15em 0; }
p { margin: .3em 0; }
.k, .label { font-weight: bold; }
.k { margin-bottom: .1em; }
.detail { font-size: 9.5pt; color: #333; }
.none { font-style: italic; }
blockquote { margin: .2em 0 .4em 1.2em; padding-left: .6em; border-left: 2pt solid #888; }
.vote, .statement { break-inside: avoid; margin-bottom: .6em; }
.nonpublic { border-left: 3pt double #000; padding-left: .6em; }
.withheld h3 { font-weight: normal; font-style: italic; }
.note { font-style: italic; }
.notes li { font-size: 9.5pt; }
/* Signatures never stand alone on a page: the notes go with them. */
.closing { break-inside: avoid; }
.signatures { margin-top: 1.2em; }
.blank { display: inline-block; width: 7cm; border-bottom: .75pt solid #000; }
.signers { display: flex; gap: 1.5cm; margin-top: 1.8cm; }
.sig { flex: 1; }
.sig .line { border-top: .75pt solid #000; margin-bottom: .2em; }
`;

export function renderHtml(doc: MinutesDoc): string {
  const facts = sessionRows(doc).map(([k, v]) => `<tr><th>${k}:</th><td>${h(v)}</td></tr>`).join("\n");
  const agenda = doc.agenda.map((a) => `<li>${h(itemHeading(a))}</li>`).join("\n");
  const others = [...doc.otherVotes.map(hVote), ...doc.otherStatements.map(hStatement)];
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${h(documentTitle(doc.bodyName, doc.session.day))}</title>
<style>
${pageCss(doc)}${CSS}</style>
</head>
<body>
<header>
${htmlStatus(doc.status.label)}
<div class="bodyname">${h(doc.bodyName)}</div>
<h1>${h(TITLE)}</h1>
<p class="subtitle">${h(subtitle(doc.contentsCitation))}</p>
<p class="version">${h(doc.versionLabel)}</p>
<table class="facts">
${facts}
</table>
</header>
${hAttendance(doc)}
<section>
<h2>${h(HEADING.agenda)}</h2>
${agenda ? `<ol class="agenda">\n${agenda}\n</ol>` : `<p class="none">${h(EMPTY.agenda)}</p>`}
</section>
${doc.quorum.length ? `<section>\n<h2>${h(HEADING.quorum)}</h2>\n${doc.quorum.map((q) => `<p>${h(q)}</p>`).join("\n")}\n</section>` : ""}
<section class="results">
<h2>${h(HEADING.results)}</h2>
${doc.items.map(hItem).join("\n")}
${others.length ? `<section class="item">\n<h3>${h(HEADING.unassigned)}</h3>\n${others.join("\n")}\n</section>` : ""}
</section>
<div class="closing">
<section class="notes">
<h2>${h(HEADING.notes)}</h2>
${hList(doc.notes.map(h), "")}
</section>
${hSignatures(doc)}
</div>
</body>
</html>
`;
}

// ---- a new status on files already written ---------------------------------------------------

/**
 * The file with another status ("versandt am …", "genehmigt am …") where the renderer put it; every
 * other character stays as it was sent and signed. null when the status is not where the renderer
 * puts it (edited by hand), so nothing is guessed.
 */
export function restampMarkdown(text: string, label: string): string | null {
  return MD_STATUS.test(text) ? text.replace(MD_STATUS, () => mdStatus(label)) : null;
}

/** As `restampMarkdown`, for the HTML page: the status box and the page footer. */
export function restampHtml(text: string, label: string): string | null {
  if (!HTML_STATUS.test(text) || !HTML_FOOTER_STATUS.test(text)) return null;
  return text
    .replace(HTML_STATUS, () => htmlStatus(label))
    .replace(HTML_FOOTER_STATUS, (_, head: string, tail: string) => `${head}${cssString(label).slice(1, -1)}${tail}`);
}
