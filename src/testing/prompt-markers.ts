/**
 * Markers a prompt can carry to steer one job in the sandbox:
 * - `[fail]` or `[fail:CODE]`: the job fails. CODE is the APIXO failCode, the MiniMax
 *   `base_resp.status_code` (a number, or a failCode mapped to one) or the Segmind error text.
 * - `[duration:MS]`: the job runs MS milliseconds.
 * - `[queue:MS]`: the job waits MS milliseconds in the queue.
 * - `[withheld:N]`: N of the requested images are withheld (MiniMax `failed_count`).
 * - `[output-only]`: the Segmind result carries its images only in `output` (no `images[]`).
 */
export interface PromptMarkers {
  /** Present when the job must fail; `code` is what followed `fail:`, if anything. */
  fail?: { code?: string };
  durationMs?: number;
  queueMs?: number;
  withheld?: number;
  /** Segmind: leave `images[]` out of the result, so only `output` holds the images. */
  outputOnly?: boolean;
}

const markerPattern = /\[(fail|duration|queue|withheld|output-only)(?::([^\]]*))?\]/g;

/** Reads the markers of a prompt; malformed numbers are ignored. */
export function readPromptMarkers(prompt: string): PromptMarkers {
  const markers: PromptMarkers = {};
  for (const match of prompt.matchAll(markerPattern)) {
    const name = match[1];
    const argument = match[2]?.trim();
    if (name === 'output-only') {
      markers.outputOnly = true;
      continue;
    }
    if (name === 'fail') {
      markers.fail = argument === undefined || argument === '' ? {} : { code: argument };
      continue;
    }
    const value = Number(argument);
    if (argument === undefined || argument === '' || !Number.isFinite(value) || value < 0) continue;
    if (name === 'duration') markers.durationMs = value;
    if (name === 'queue') markers.queueMs = value;
    if (name === 'withheld') markers.withheld = Math.floor(value);
  }
  return markers;
}
