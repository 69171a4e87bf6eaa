// Starts the map's spatial index in a worker (components/map/index-worker.ts). Apart from the WebGL
// module, so the page can start it before that module has loaded.
import { buildIndexOf, type IndexJob } from '@/lib/map-view/spatial-index';

/** The index built in a worker; on the main thread if the browser cannot start the worker. */
export function indexInWorker(job: IndexJob): Promise<ArrayBuffer> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./index-worker.ts', import.meta.url));
  } catch {
    return Promise.resolve(buildIndexOf(job));
  }
  return new Promise<ArrayBuffer>((resolve) => {
    worker.onmessage = (e: MessageEvent<ArrayBuffer>) => resolve(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      resolve(buildIndexOf(job));
    };
    // Copied, not transferred: the page keeps its own columns.
    worker.postMessage(job);
  }).finally(() => worker.terminate());
}
