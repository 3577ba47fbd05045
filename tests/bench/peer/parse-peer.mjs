// The peer of bench_parser: the npm package eventsource-parser fed the same streams, in the same
// chunks, as bytes decoded with a streaming TextDecoder (what EventSourceParserStream does).
//
//   node parse-peer.mjs DIR [--samples N]
//
// DIR holds the streams and manifest.tsv written by `bench_parser --write-streams DIR`.
// Prints one TSV line per shape: shape, bytes, events, ms per run, MB/s (10^6 bytes), events/s,
// and the UTF-16 length of all data (a checksum that bench_parser prints too).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) {
  console.error('usage: node parse-peer.mjs DIR [--samples N]');
  process.exit(1);
}
const samplesAt = args.indexOf('--samples');
const samples = samplesAt >= 0 ? Math.max(1, Number(args[samplesAt + 1]) || 1) : 5;

const manifest = readFileSync(join(dir, 'manifest.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .map((line) => {
    const [name, file, chunk, events] = line.split('\t');
    return { name, file, chunk: Number(chunk), events: Number(events) };
  });

const files = new Map();
function bytesOf(file) {
  if (!files.has(file)) {
    files.set(file, new Uint8Array(readFileSync(join(dir, file))));
  }
  return files.get(file);
}

function chunksOf(bytes, size) {
  if (size <= 0) return [bytes];
  const chunks = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

function parseOnce(chunks) {
  let count = 0;
  let dataChars = 0;
  const parser = createParser({
    onEvent(event) {
      count += 1;
      dataChars += event.data.length;
    },
  });
  const decoder = new TextDecoder('utf-8');
  for (const chunk of chunks) parser.feed(decoder.decode(chunk, { stream: true }));
  parser.feed(decoder.decode());
  return { count, dataChars };
}

function measure(chunks) {
  let start = process.hrtime.bigint();
  const parsed = parseOnce(chunks); // warm-up, and the counts
  const once = Math.max(Number(process.hrtime.bigint() - start), 1);
  const runs = Math.min(Math.max(Math.floor(250e6 / once), 1), 100000);
  const perRun = [];
  for (let sample = 0; sample < samples; sample += 1) {
    start = process.hrtime.bigint();
    for (let run = 0; run < runs; run += 1) parseOnce(chunks);
    perRun.push(Number(process.hrtime.bigint() - start) / 1e9 / runs);
  }
  perRun.sort((a, b) => a - b);
  return { seconds: perRun[Math.floor(perRun.length / 2)], parsed };
}

let status = 0;
console.log('shape\tbytes\tevents\tms\tMBps\teventsps\tdatachars');
for (const shape of manifest) {
  const bytes = bytesOf(shape.file);
  const { seconds, parsed } = measure(chunksOf(bytes, shape.chunk));
  const events = parsed.count;
  if (events !== shape.events) {
    console.error(`${shape.name}: ${events} events, expected ${shape.events}`);
    status = 2;
  }
  const mbps = bytes.length / seconds / 1e6;
  console.log(
    [
      shape.name,
      bytes.length,
      events,
      (seconds * 1e3).toFixed(4),
      mbps.toFixed(1),
      (events / seconds).toFixed(0),
      parsed.dataChars,
    ].join('\t'),
  );
}
process.exit(status);
