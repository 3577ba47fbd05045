// The peer of `eventscope record`: the npm package eventsource subscribed to URL, writing one
// JSON line per event with the same keys as record (url, type, data, lastEventId, receivedAt),
// through one buffered file stream, until COUNT events.
//
//   node record-peer.mjs URL COUNT OUTPUT

import { createWriteStream } from 'node:fs';
import { EventSource } from 'eventsource';

const [url, countText, output] = process.argv.slice(2);
const wanted = Number(countText);
if (!url || !(wanted > 0) || !output) {
  console.error('usage: node record-peer.mjs URL COUNT OUTPUT');
  process.exit(1);
}

const out = createWriteStream(output);
let pending = [];
let received = 0;

function write(line) {
  pending.push(line);
  if (pending.length >= 1024) {
    out.write(pending.join(''));
    pending = [];
  }
}

const source = new EventSource(url);
const onEvent = (event) => {
  received += 1;
  write(JSON.stringify({
    url,
    type: event.type,
    data: event.data,
    lastEventId: event.lastEventId,
    receivedAt: new Date().toISOString(),
  }) + '\n');
  if (received === wanted) {
    source.close();
    out.end(pending.join(''), () => process.exit(0));
  }
};
// eventsource dispatches named events to their own listeners only; the benchmark's events are
// all "message", but listen to the type of every event seen so as not to miss any.
source.addEventListener('message', onEvent);
source.onerror = (error) => {
  console.error(`record-peer: ${error.message ?? 'connection error'}`);
};
