// The map's spatial index, built off the page's main thread: ~0.3-0.5 s at 800k points that would
// otherwise keep the page from answering input while it hydrates or right after its first frame.
import { buildIndexOf, type IndexJob } from '@/lib/map-view/spatial-index';

self.onmessage = (e: MessageEvent<IndexJob>) => {
  const index = buildIndexOf(e.data);
  self.postMessage(index, { transfer: [index] });
};
