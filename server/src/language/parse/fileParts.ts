/**
 * What a parse remembers of a file beside its model, so that the parse of the file's next version can reuse the
 * cables an edit did not touch: the line range of each part the file was split into, each part's model, and
 * whether the part stands in the file's model as it was parsed. A part joined to another (`cableParts.ts`) was
 * changed by the join, so it is never reused. Kept in a WeakMap, so the model itself stays plain data.
 */
import type { Cable, CableFile } from '../model';

export interface FileParts {
  /** The file name the parse was given (it may supply ref ids). */
  fileName: string | undefined;
  /** Line ranges `[start, end)` of the parts, in order. */
  ranges: ReadonlyArray<readonly [number, number]>;
  /** The model of each part, finished as if it stood alone. */
  parts: readonly Cable[];
  /** True where the part is one of the model's cables itself, unjoined and untouched since its parse. */
  standsAlone: readonly boolean[];
}

const fileParts = new WeakMap<CableFile, FileParts>();

/** Remembers how `model` was made: its parts (`ranges`, `parts`) and the cables they were joined into. */
export function rememberFileParts(
  model: CableFile,
  made: {
    fileName: string | undefined;
    ranges: ReadonlyArray<readonly [number, number]>;
    parts: readonly Cable[];
    cables: readonly Cable[];
  },
): void {
  const kept = new Set(made.cables);
  fileParts.set(model, {
    fileName: made.fileName,
    ranges: made.ranges,
    parts: made.parts,
    standsAlone: made.parts.map((part) => kept.has(part)),
  });
}

/** How `model` was made, when a parse of this module made it. */
export function filePartsOf(model: CableFile): FileParts | undefined {
  return fileParts.get(model);
}
