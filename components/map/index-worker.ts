// The map's spatial index, built off the page's main thread: ~0.3-0.5 s at 800k points that would
// otherwise keep the page from answering input right after its first frame.
import { buildSpatialIndex } from '@/lib/map-view/spatial-index';

self.onmessage = (e: MessageEvent<{ x: Float32Array; y: Float32Array }>) => {
  const index = buildSpatialIndex(e.data.x, e.data.y);
  self.postMessage(index, { transfer: [index] });
};
