/**
 * Dissemination controls and caveats, read from `data/controls.json`: `SIPDIS` and `SENSITIVE` on the lines after
 * the banner, `NOFORN` there and as `//NF` in `SECRET//NOFORN` or `(S//NF)`, `FOR OFFICIAL USE ONLY` as `FOUO`.
 */
import controlsData from './data/controls.json';

/** A control as the model names it (`NOFORN`, `FOUO`, `REL TO`), with its spellings. */
export interface ControlEntry {
  code: string;
  meaning: string;
  /** Other ways the text writes it, read as it: `FOR OFFICIAL USE ONLY` for FOUO, `E F T O` for EFTO. */
  spellings: readonly string[];
  /** Control lines that hold it among other words, read from its own word: `DEA SENSITIVE`. */
  phrases: readonly string[];
  /** How a classification or portion marking abbreviates it: `NF`, `NOFORN`; empty when it is no caveat. */
  markings: readonly string[];
  /** Written on control lines after the banner (false for a marking caveat only, `FGI`). */
  banner: boolean;
  /** With UNCLAS it makes the cable Sensitive But Unclassified (`SENSITIVE`, `FOUO`). */
  sensitive: boolean;
  /** An English word (`SENSITIVE`): a control only where controls stand, never in prose. */
  plainWord: boolean;
  source: string;
}

export interface Controls {
  list: readonly ControlEntry[];
  byCode: ReadonlyMap<string, ControlEntry>;
  /** The control a code or spelling names, any case and spacing: `For Official Use Only`, `EFTO`, `E F T O`. */
  lookup(text: string): ControlEntry | undefined;
  /** A marking's caveat word, upper case without spaces (`NF`, `OC`, `REL`, `RELTO`) → the caveat's code. */
  byMarking: ReadonlyMap<string, string>;
  /** The caveats (controls a marking can carry), in data order. */
  caveats: readonly ControlEntry[];
}

type ControlData = {
  meaning: string;
  spellings?: string[];
  phrases?: string[];
  markings?: string[];
  banner?: boolean;
  sensitive?: boolean;
  plainWord?: boolean;
  source: string;
};

const compact = (text: string) => text.toUpperCase().replace(/\s+/g, '');

export function buildControls(data: typeof controlsData = controlsData): Controls {
  const list = Object.entries(data.controls as Record<string, ControlData>).map(([code, entry]): ControlEntry => ({
    code,
    meaning: entry.meaning,
    spellings: entry.spellings ?? [],
    phrases: entry.phrases ?? [],
    markings: entry.markings ?? [],
    banner: entry.banner ?? true,
    sensitive: entry.sensitive ?? false,
    plainWord: entry.plainWord ?? false,
    source: entry.source,
  }));
  const byCode = new Map(list.map((entry) => [entry.code, entry]));
  const byCompact = new Map<string, ControlEntry>();
  const byMarking = new Map<string, string>();
  for (const entry of list) {
    for (const text of [entry.code, ...entry.spellings]) byCompact.set(compact(text), entry);
    for (const marking of entry.markings) byMarking.set(compact(marking), entry.code);
  }
  return {
    list,
    byCode,
    lookup: (text) => byCompact.get(compact(text)),
    byMarking,
    caveats: list.filter((entry) => entry.markings.length > 0),
  };
}
