// A byte stream fed by an async producer, with backpressure: `write` waits while the consumer's
// queue is full, and throws once the client has gone (the stream cancelled, or the request's
// signal aborted) so the producer (and its query) stops.
// The Response is only created once the first bytes exist, so a failure before any output
// (no index, a bad query) can still become a proper error status.
export class ClientGone extends Error {}

export function producerStream(
  produce: (write: (s: string) => Promise<void>) => Promise<void>,
  signal?: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const enc = new TextEncoder();
  let wake: (() => void) | undefined;
  let gone = false;
  return new Promise((resolve, reject) => {
    let started = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          // A request whose client went away: stop reading rows and end the stream.
          const leave = () => {
            if (gone) return;
            gone = true;
            const w = wake;
            wake = undefined;
            w?.();
            try {
              controller.close();
            } catch {
              /* already closed or cancelled */
            }
          };
          if (signal?.aborted) leave();
          else signal?.addEventListener('abort', leave, { once: true });
          const write = async (s: string) => {
            if (gone) throw new ClientGone();
            controller.enqueue(enc.encode(s));
            if (!started) {
              started = true;
              resolve(stream);
            }
            while ((controller.desiredSize ?? 1) <= 0 && !gone)
              await new Promise<void>((r) => {
                wake = r;
              });
            if (gone) throw new ClientGone();
          };
          produce(write).then(
            () => {
              if (!gone) controller.close();
              if (!started) {
                started = true;
                resolve(stream);
              }
            },
            (e) => {
              // A client gone before the first bytes gets the (closed) stream: no one reads an error status.
              if (e instanceof ClientGone) {
                if (!started) {
                  started = true;
                  resolve(stream);
                }
                return;
              }
              if (!started) {
                started = true;
                reject(e);
                return;
              }
              console.error('export failed mid-stream:', e);
              controller.error(e);
            },
          );
        },
        pull() {
          const w = wake;
          wake = undefined;
          w?.();
        },
        cancel() {
          gone = true;
          const w = wake;
          wake = undefined;
          w?.();
        },
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
    );
  });
}
