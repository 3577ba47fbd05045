// A local SSE server for the record benchmarks: serves one prebuilt file as a text/event-stream
// body, in 64 KiB writes, as fast as the client reads it (it waits for 'drain', so a slow reader
// slows it down instead of making it buffer).
//
//   node serve-buffer.mjs FILE
//
// Prints "http://127.0.0.1:PORT/events" on standard output once listening. Every request gets the
// whole file from the start; the connection stays open after the last byte, as a live stream's would.

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node serve-buffer.mjs FILE');
  process.exit(1);
}
const body = readFileSync(file);
const chunk = 64 * 1024;

const server = createServer((request, response) => {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
  });
  let at = 0;
  const pump = () => {
    while (at < body.length) {
      const end = Math.min(at + chunk, body.length);
      const more = response.write(body.subarray(at, end));
      at = end;
      if (!more) {
        response.once('drain', pump);
        return;
      }
    }
  };
  request.on('close', () => response.destroy());
  pump();
});
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/events`);
});
