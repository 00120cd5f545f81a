// Owns handing many records to a worker thread without copying them: JSON lines, UTF-8, in a few
// large byte arrays that move to the thread (transferred, not cloned), where they are read back a
// record at a time. A structured clone of the search index's 100,000 documents was 558 MB of
// serialized bytes held by the main thread, and then every document again as an object on the
// thread's heap (480 MB), all at once; so, 209 MB of bytes, freed chunk by chunk as the thread
// reads them, and one record on the heap at a time.

/** Bytes of one chunk: a record longer than that has a chunk of its own. */
const CHUNK = 16 * 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const NEWLINE = 10;

/** Records as JSON lines in chunks, each chunk's bytes exactly its lines. */
export function toJsonChunks(records: Iterable<unknown>): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let chunk = new Uint8Array(CHUNK);
  let at = 0;
  for (const record of records) {
    // JSON escapes a newline inside a string, and no UTF-8 sequence holds the byte 10: a line is a record
    const line = `${JSON.stringify(record)}\n`;
    const first = encoder.encodeInto(line, chunk.subarray(at));
    let written = first.written;
    if (first.read < line.length) {
      // the line goes whole into a new chunk (three bytes at most per UTF-16 unit)
      if (at) chunks.push(chunk.slice(0, at));
      chunk = new Uint8Array(Math.max(CHUNK, line.length * 3));
      at = 0;
      ({ written } = encoder.encodeInto(line, chunk));
    }
    at += written;
  }
  if (at) chunks.push(chunk.slice(0, at));
  return chunks;
}

/**
 * The records of `toJsonChunks`, one at a time. It empties `chunks` as it goes, so a chunk's bytes
 * can be freed as soon as its records are read (209 MB of the search index's documents at 100,000
 * papers, otherwise held until the index is built). The caller names the records' type: the chunks
 * come from this build's own main thread, not from outside.
 */
export function* drainJsonChunks<T>(chunks: Uint8Array[]): Generator<T> {
  for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
    for (let start = 0; start < chunk.length;) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end < 0) throw new Error("a JSON chunk that does not end its last line");
      yield JSON.parse(decoder.decode(chunk.subarray(start, end))) as T;
      start = end + 1;
    }
  }
}
