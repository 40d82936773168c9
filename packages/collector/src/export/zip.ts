import { crc32, createDeflateRaw } from 'node:zlib';

/** One file of a ZIP archive; its content may be produced lazily, chunk by chunk. */
export interface ZipEntry {
  name: string;
  data: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
}

/** MS-DOS date and time of `d` (local fields, as ZIP readers expect). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

// Bit 3: sizes and CRC follow the data in a data descriptor (they are unknown while streaming).
// Bit 11: names are UTF-8.
const FLAGS = 0x0808;
const LIMIT = 0xffffffff;

/** Deflates a stream of chunks, yielding compressed bytes as zlib produces them, and sums CRC/sizes. */
async function* deflate(
  data: ZipEntry['data'],
  totals: { crc: number; size: number; csize: number },
): AsyncGenerator<Buffer> {
  const z = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    z.once('end', resolve);
    z.once('error', reject);
  });
  const take = function* () {
    for (const b of out.splice(0)) {
      totals.csize += b.length;
      yield b;
    }
  };
  for await (const chunk of data) {
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    totals.crc = crc32(buf, totals.crc);
    totals.size += buf.length;
    // The write callback runs once zlib has consumed the chunk; what it produced is in `out`.
    await new Promise<void>((resolve, reject) => z.write(buf, (e) => (e ? reject(e) : resolve())));
    yield* take();
  }
  z.end();
  await ended;
  yield* take();
}

/**
 * Writes a ZIP archive as a stream: each entry deflated as it is produced, followed by a data
 * descriptor; the central directory at the end. Holds one chunk at a time, never a whole file.
 * No ZIP64: each entry and the archive must stay under 4 GiB (an XLSX sheet stops at 1,048,576
 * rows long before that).
 *
 * @example
 * for await (const b of zipStream([{ name: 'a.txt', data: ['hello'] }])) out.write(b);
 */
export async function* zipStream(
  entries: Iterable<ZipEntry>,
  now = new Date(),
): AsyncGenerator<Buffer> {
  const { time, date } = dosTime(now);
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    // CRC and sizes (14–25) stay 0: they are in the data descriptor.
    local.writeUInt16LE(name.length, 26);
    const start = offset;
    yield Buffer.concat([local, name]);
    offset += 30 + name.length;

    const t = { crc: 0, size: 0, csize: 0 };
    for await (const b of deflate(e.data, t)) yield b;
    offset += t.csize;
    if (t.size > LIMIT || t.csize > LIMIT || offset > LIMIT)
      throw new Error('ZIP entry over 4 GiB (no ZIP64)');

    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(t.crc >>> 0, 4);
    desc.writeUInt32LE(t.csize, 8);
    desc.writeUInt32LE(t.size, 12);
    yield desc;
    offset += 16;

    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(FLAGS, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(t.crc >>> 0, 16);
    cd.writeUInt32LE(t.csize, 20);
    cd.writeUInt32LE(t.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(start, 42);
    central.push(Buffer.concat([cd, name]));
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  yield dir;
  yield end;
}
