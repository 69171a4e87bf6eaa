// Histogram bins of each message's scores. Ingest stores every message's bins as one-byte columns
// (bo_<category>, bd_<detoxify key>), so the charts' message pass reads bytes, not doubles.

/** OpenAI scores: two bins a decade from 1e-6 to 1; below 1e-6 joins the first, 1 the last. */
export const MOD_BINS = 12;
/** Detoxify scores: bins of 0.05 from 0 to 1. */
export const DETOX_BINS = 20;

/** Lower edge of OpenAI bin i: 10^(-6 + i/2). */
export const modEdge = (i: number) => 10 ** (-6 + i / 2);
export const detoxEdge = (i: number) => i / DETOX_BINS;

/**
 * SQL for an OpenAI score's stored value: bin * 2 + flagged, in 0 .. 2 * MOD_BINS - 1; NULL when the
 * message was not scored. 1e-300 keeps a zero score out of log10's domain error.
 */
export const modBinSql = (score: string, flagged: string) =>
  `(CASE WHEN ${score} IS NOT NULL THEN least(${MOD_BINS - 1}, greatest(0, floor(2 * log10(${score} + 1e-300))::INTEGER + ${MOD_BINS})) * 2
     + coalesce(${flagged}, false)::INTEGER END)::UTINYINT`;

/** SQL for a Detoxify score's bin, in 0 .. DETOX_BINS - 1; NULL when not scored (least and greatest skip NULLs). */
export const detoxBinSql = (score: string) =>
  `(CASE WHEN ${score} IS NOT NULL THEN least(${DETOX_BINS - 1}, greatest(0, floor(${score} * ${DETOX_BINS})::INTEGER)) END)::UTINYINT`;
