/**
 * A minimal ZIP writer and reader (PKWARE APPNOTE, no zip64, no encryption), enough for a
 * Teams app package of a few small files. No zip library is installed, and node:zlib has
 * both deflate and crc32 (Node >= 20.15).
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
// 1980-01-01 00:00, the earliest DOS date: a fixed timestamp keeps the package reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Packs the entries into a ZIP archive, deflating each one unless that makes it bigger. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : data;
    const fields = { name: Buffer.from(name, "utf8"), method, crc: crc32(data), size: data.length, packed: body.length };
    const local = Buffer.concat([localHeader(fields), body]);
    centrals.push(centralHeader(fields, offset));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endOfDirectory(entries.length, directory.length, offset)]);
}

interface EntryFields {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  packed: number;
}

function localHeader(f: EntryFields): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL_HEADER, 0);
  writeSharedFields(h, 4, f);
  return Buffer.concat([h, f.name]);
}

function centralHeader(f: EntryFields, localOffset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL_HEADER, 0);
  h.writeUInt16LE(20, 4); // version made by
  writeSharedFields(h, 6, f);
  // comment length, disk number, internal and external attributes stay 0
  h.writeUInt32LE(localOffset, 42);
  return Buffer.concat([h, f.name]);
}

/** The run of fields both headers carry alike, from "version needed" to "extra field length" (APPNOTE 4.3.7, 4.3.12). */
function writeSharedFields(h: Buffer, at: number, f: EntryFields): void {
  h.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  h.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
  h.writeUInt16LE(f.method, at + 4);
  h.writeUInt16LE(DOS_TIME, at + 6);
  h.writeUInt16LE(DOS_DATE, at + 8);
  h.writeUInt32LE(f.crc, at + 10);
  h.writeUInt32LE(f.packed, at + 14);
  h.writeUInt32LE(f.size, at + 18);
  h.writeUInt16LE(f.name.length, at + 22);
  // the extra field length (at + 24) stays 0
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(END_OF_CENTRAL_DIR, 0);
  h.writeUInt16LE(count, 8); // entries on this disk
  h.writeUInt16LE(count, 10); // entries in total
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

/** Reads every entry of a ZIP archive through its central directory, checking each CRC. */
export function readZip(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(uint32(END_OF_CENTRAL_DIR));
  if (end < 0) throw new Error("not a ZIP archive: no end-of-central-directory record");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + packed);
    if (method !== STORED && method !== DEFLATED) throw new Error(`unsupported compression in ${name}`);
    const data = method === DEFLATED ? inflateRawSync(body) : Buffer.from(body);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch in ${name}`);
    entries.push({ name, data });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function uint32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}
