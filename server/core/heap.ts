import v8 from 'node:v8';

/**
 * Sets how far V8 lets the old generation grow past what its last full collection kept: the
 * next one runs at live × (1 + percent / 100). V8's own factor reaches 4 on a large machine when
 * the program allocates fast, which is what a bulk import does: its rows are garbage a batch
 * later, yet the heap grew to three or four times the live data (a 40 MB tax file: about 550 MB
 * RSS instead of about 340 MB). A fixed factor keeps the peak near the live data, whatever the
 * file's size, for a few more (short) full collections; it is not a limit, so a large live heap
 * still grows. V8 reads the flag at each collection, so setting it at start is enough; `0` keeps
 * V8's choice.
 */
export function setHeapGrowing(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
