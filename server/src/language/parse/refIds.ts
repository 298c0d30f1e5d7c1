/** Reference ids such as `09MEXICO283`: year, origin, serial. Used by the preamble, banner and REF parsers. */
import type { RefId } from '../model';
import { getDictionaries } from '../dicts/dictionaries';

const REF_ID = /^(\d{2})([A-Z][A-Z0-9]*?[A-Z])(\d{1,7})$/;

/** Parses a compact ref id (`09MEXICO283`); undefined when the text does not have that shape. */
export function parseRefId(text: string): RefId | undefined {
  const match = REF_ID.exec(text.trim());
  if (!match) return undefined;
  return makeRefId(match[1], match[2], match[3]);
}

/** Builds a canonical ref id from its parts: origin without spaces, serial without leading zeros. */
export function makeRefId(year: string, origin: string, serial: string): RefId {
  const cleanOrigin = canonicalOrigin(origin);
  const cleanSerial = String(Number.parseInt(serial, 10));
  return { text: `${year}${cleanOrigin}${cleanSerial}`, year, origin: cleanOrigin, serial: cleanSerial };
}

/**
 * The origin as ref ids spell it, through the stations dictionary where it knows the name:
 * `SAN JOSE` → `SANJOSE`, `SECSTATE` → `STATE`, `MEXICO CITY` → `MEXICO`, `HAGUE` → `THEHAGUE`.
 */
export function canonicalOrigin(origin: string): string {
  return knownOrigin(origin) ?? origin.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The canonical origin of a station name (`USUN NEW YORK`, `RIO DE JAN`), or undefined for a name no station has. */
export function knownOrigin(name: string): string | undefined {
  const names = getDictionaries().stationNames;
  const spaced = name.toUpperCase().replace(/\s+/g, ' ').trim();
  return names.get(spaced) ?? names.get(spaced.replace(/[^A-Z0-9]/g, ''));
}

/** A file name shaped like a ref id (`09MEXICO283.txt`) gives its ref id. */
export function refIdFromFileName(fileName: string | undefined): RefId | undefined {
  if (!fileName) return undefined;
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return parseRefId(base.toUpperCase());
}
