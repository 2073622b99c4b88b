// A minimal zip writer for the benchmark's xlsx files: parts deflated as streams, sizes known before writing.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** Writes a zip file part by part; each part is deflated in memory (compressed) and then written. */
export class ZipWriter {
  constructor(path) {
    this.out = createWriteStream(path);
    this.offset = 0;
    this.central = [];
  }

  async #write(buf) {
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  /** Adds one part from an (async) iterable of strings, deflated. */
  async add(name, chunks) {
    const deflate = createDeflateRaw({ level: 6 });
    const compressed = [];
    deflate.on('data', (c) => compressed.push(c));
    const done = once(deflate, 'end');
    let crc = 0;
    let size = 0;
    for await (const chunk of chunks) {
      const buf = Buffer.from(chunk, 'utf8');
      crc = crc32(buf, crc);
      size += buf.length;
      if (!deflate.write(buf)) await once(deflate, 'drain');
    }
    deflate.end();
    await done;
    const csize = compressed.reduce((n, c) => n + c.length, 0);
    const nameBuf = Buffer.from(name, 'utf8');
    const headerOffset = this.offset;
    const common = Buffer.concat([
      u16(20), // version needed
      u16(0x0800), // flags: UTF-8 names
      u16(8), // deflate
      u16(0), // time
      u16(0x21), // date (1980-01-01)
      u32(crc),
      u32(csize),
      u32(size),
      u16(nameBuf.length),
      u16(0), // extra length
    ]);
    await this.#write(Buffer.concat([u32(0x04034b50), common, nameBuf]));
    for (const c of compressed) await this.#write(c);
    this.central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20), // version made by
        common,
        u16(0), // comment length
        u16(0), // disk
        u16(0), // internal attributes
        u32(0), // external attributes
        u32(headerOffset),
        nameBuf,
      ]),
    );
  }

  /** Writes the central directory and closes the file. */
  async finish() {
    const start = this.offset;
    for (const c of this.central) await this.#write(c);
    const size = this.offset - start;
    await this.#write(
      Buffer.concat([
        u32(0x06054b50),
        u16(0),
        u16(0),
        u16(this.central.length),
        u16(this.central.length),
        u32(size),
        u32(start),
        u16(0),
      ]),
    );
    this.out.end();
    await once(this.out, 'finish');
  }
}
