// A local SSE server for the dashboard load benchmarks: every request to /events gets the seed
// stream (`id: N`, `event: message`, `data: {"count": N, "time": ...}`) at RATE events/s, written
// every 10 ms in one piece, resuming after Last-Event-ID.
//
//   node serve-rate.mjs RATE
//
// Prints "http://127.0.0.1:PORT/events" on standard output once listening.

import { createServer } from 'node:http';

const rate = Number(process.argv[2]);
if (!(rate > 0)) {
  console.error('usage: node serve-rate.mjs RATE');
  process.exit(1);
}
const tickMs = 10;
let total = 0;

const server = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  let next = Number(request.headers['last-event-id'] ?? 0) + 1;
  const start = Date.now();
  let sent = 0;
  const timer = setInterval(() => {
    // As many events as the clock says are due, so that a late tick catches up.
    const due = Math.floor(((Date.now() - start) * rate) / 1000) - sent;
    if (due <= 0 || response.writableLength > (1 << 20)) return; // a reader that lags is not flooded
    const parts = [];
    const time = new Date().toISOString();
    for (let i = 0; i < due; i += 1, next += 1) {
      parts.push(`id: ${next}\nevent: message\ndata: {"count": ${next}, "time": "${time}"}\n\n`);
    }
    sent += due;
    total += due;
    response.write(parts.join(''));
  }, tickMs);
  request.on('close', () => clearInterval(timer));
});
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/events`);
});

// The benchmark reads how many events went out so far on SIGUSR1, and in all when it stops it.
process.on('SIGUSR1', () => console.error(`serve-rate: ${total} events sent`));
process.on('SIGTERM', () => {
  console.error(`serve-rate: ${total} events sent`);
  process.exit(0);
});
