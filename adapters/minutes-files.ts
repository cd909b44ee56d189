/**
 * The minutes on disk (§ 7 GO): Markdown and printable HTML in one folder, internal and — where the
 * profile makes the minutes public — public, and the PDFs of the sent version beside them. Services
 * get a `MinutesFolder` from the face that runs them: it lays the minutes out (minutes-render.ts,
 * minutes-pdf.ts) and keeps the files, so a service neither renders nor touches the file system.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Profile } from "../domain/profile.ts";
import { publicMinutes } from "../rules/profile.ts";
import { statusOf, type MinutesDoc } from "./minutes-document.ts";
import type { MinutesStatusFact } from "../services/minutes.ts";
import { renderPdf } from "./minutes-pdf.ts";
import { renderHtml, renderMarkdown, restampHtml, restampMarkdown } from "./minutes-render.ts";
import { PRIVATE_FILE, PRIVATE_FOLDER } from "./private-files.ts";

/** The four versions of one meeting's minutes: their paths, or their texts. */
export interface MinutesFiles {
  internalMd: string;
  internalHtml: string;
  /** null where the profile gives the minutes no public version. */
  publicMd: string | null;
  publicHtml: string | null;
}

/** A file as read: its name (for links, attachments and answers) and its text. */
export interface MinutesFile {
  name: string;
  text: string;
}

/** The new text of a file, or null when its status is not where the renderer put it. */
export type Restamp = (text: string, kind: "md" | "html") => string | null;

/** How the minutes are laid out: Markdown and the print page from one model, the signed PDF, a new status. */
export interface MinutesLayout {
  markdown(doc: MinutesDoc): string;
  html(doc: MinutesDoc): string;
  /** The sent minutes as PDF (issue 16.6) with `status` worded as its label, as `withStatus` words it; "gez." above the signers where `signed`. */
  pdf(doc: MinutesDoc, status: MinutesStatusFact, profile: Profile, options: { signed: boolean }): Promise<Buffer>;
  /** The text of a written file with another status label; null when the status is not where the renderer put it. */
  withStatus(text: string, kind: "md" | "html", status: MinutesStatusFact, profile: Profile): string | null;
  /** The PDF beside a version's Markdown file. */
  pdfFile(mdFile: string): string;
}

export interface MinutesFolder extends MinutesLayout {
  /** The folder, as the audit log records it. */
  readonly dir: string;
  /** Where a meeting's files are in this folder. */
  files(meetingId: string, profile: Profile): MinutesFiles;
  /** Writes every version that has a path and a text, creating the folder. */
  write(files: MinutesFiles, texts: MinutesFiles): Promise<void>;
  /** null when the file cannot be read (gone, or never written). */
  read(file: string): Promise<MinutesFile | null>;
  /** The sent minutes as PDF (issue 16.6), kept beside the other files: bytes, not text. */
  writeBytes(file: string, data: Uint8Array): Promise<void>;
  readBytes(file: string): Promise<Buffer | null>;
  /** Rewrites each existing version with `restamp`; returns the names of those it could not (missing, or null from `restamp`). */
  restamp(files: MinutesFiles, restamp: Restamp): Promise<string[]>;
}

/** `<outDir>/<meetingId>-niederschrift-intern.html` and its siblings; the public ones only where the minutes are public. */
export function minutesFiles(outDir: string, meetingId: string, profile: Profile): MinutesFiles {
  const file = (version: string, ext: string) => join(outDir, `${meetingId}-niederschrift-${version}.${ext}`);
  const open = publicMinutes(profile);
  return {
    internalMd: file("intern", "md"),
    internalHtml: file("intern", "html"),
    publicMd: open ? file("oeffentlich", "md") : null,
    publicHtml: open ? file("oeffentlich", "html") : null,
  };
}

/** The PDF beside a version's Markdown file: `…-niederschrift-intern.pdf`. */
export function pdfBeside(mdFile: string): string {
  return mdFile.replace(/\.md$/, ".pdf");
}

/** `minutes/` beside the data file, as the bot and the command line keep it. */
export function minutesFolderBeside(dataFile: string): MinutesFolder {
  return minutesFolder(join(dirname(resolve(dataFile)), "minutes"));
}

/** The layout of the files in `minutes/`, the same for every folder. */
export const minutesLayout: MinutesLayout = {
  markdown: renderMarkdown,
  html: renderHtml,
  pdf: (doc, status, profile, options) => renderPdf({ ...doc, status: statusOf(status, profile) }, options),
  withStatus: (text, kind, status, profile) => {
    const { label } = statusOf(status, profile);
    return kind === "md" ? restampMarkdown(text, label) : restampHtml(text, label);
  },
  pdfFile: pdfBeside,
};

export function minutesFolder(dir: string): MinutesFolder {
  return {
    ...minutesLayout,
    dir,
    files: (meetingId, profile) => minutesFiles(dir, meetingId, profile),
    async write(files, texts) {
      await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER });
      for (const key of Object.keys(files) as (keyof MinutesFiles)[]) {
        const [file, text] = [files[key], texts[key]];
        if (file !== null && text !== null) await writeAtomic(file, text);
      }
    },
    read,
    async writeBytes(file, data) {
      await mkdir(dir, { recursive: true });
      await writeAtomic(file, data);
    },
    readBytes: (file) => readFile(file).catch(() => null),
    async restamp(files, restamp) {
      const stale: string[] = [];
      for (const file of fileList(files)) {
        const text = (await read(file))?.text ?? null;
        const restamped = text === null ? null : restamp(text, file.endsWith(".md") ? "md" : "html");
        if (restamped === null) stale.push(basename(file));
        else if (restamped !== text) await writeAtomic(file, restamped);
      }
      return stale;
    },
  };
}

async function read(file: string): Promise<MinutesFile | null> {
  const text = await readFile(file, "utf8").catch(() => null);
  return text === null ? null : { name: basename(file), text };
}

/** The files that exist, in a fixed order. */
function fileList(files: MinutesFiles): string[] {
  return [files.internalMd, files.internalHtml, files.publicMd, files.publicHtml].filter((f): f is string => f !== null);
}

/** Written beside and renamed, so a reader (or a sending run) never sees half a file. */
async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, content, typeof content === "string" ? { encoding: "utf8", mode: PRIVATE_FILE } : { mode: PRIVATE_FILE });
  await rename(temp, file);
}
