/**
 * Ref ids: where the cable's comes from (the banner and the DTG, then the file name), and station names
 * as ref ids spell them, through the stations dictionary.
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { parseReferenceItems, type RefSegment } from '../../server/src/language/parse/references';
import { canonicalOrigin } from '../../server/src/language/parse/refIds';
import { cableOf } from '../support/parsing';
import { lineOf as makeLine } from '../../server/src/language/parse/lines';

/** One segment per line, the whole line. */
function segmentsOf(...lines: string[]): RefSegment[] {
  return lines.map((text, index) => ({ line: makeLine(index, text, 0), start: 0, end: text.length }));
}

const read = (year: string | undefined, ...lines: string[]) => parseReferenceItems(segmentsOf(...lines), year);

test('ref id from banner and DTG, then from the file name', () => {
  const text = 'R 041125Z MAR 75\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 475\n\nC O N F I D E N T I A L SECTION 1 OF 2 TEHRAN 2069 \n';
  const cable = cableOf(text);
  assert.equal(cable.refId?.value.text, '75TEHRAN2069');
  assert.equal(cable.refId?.source, 'banner+dtg');
  assert.equal(cable.origin?.value, 'Embassy Tehran');
  const bare = cableOf('¶1. (U) Nothing else.\n', '/some/path/05PRAGUE356.txt');
  assert.equal(bare.refId?.value.text, '05PRAGUE356');
  assert.equal(bare.refId?.source, 'filename');
  assert.equal(cableOf('¶1. (U) Nothing else.\n', 'notes.txt').refId, undefined);
});

describe('stations: names as ref ids spell them', () => {
  it('maps REF spellings to the canonical origin', () => {
    const cases: Array<[string, string]> = [
      ['MEXICO CITY 2636', '09MEXICO2636'],
      ['RIO DE JAN 12', '09RIODEJANEIRO12'],
      ['RIO 12', '09RIODEJANEIRO12'],
      ['RIO DE JANEIRO 12', '09RIODEJANEIRO12'],
      ['UNVIE 12', '09UNVIEVIENNA12'],
      ['UNVIE VIENNA 12', '09UNVIEVIENNA12'],
      ['HAGUE 12', '09THEHAGUE12'],
      ['THE HAGUE 12', '09THEHAGUE12'],
      ['USUN 12', '09USUNNEWYORK12'],
      ['USUN NEW YORK 12', '09USUNNEWYORK12'],
      // USEU's telegrams carry BRUSSELS in their ref ids (09BRUSSELS1048 is USEU Brussels's).
      ['USEU 12', '09BRUSSELS12'],
      ['BA 12', '09BUENOSAIRES12'],
      ['BUENOS AIRES 12', '09BUENOSAIRES12'],
      ['HCMC 12', '09HOCHIMINHCITY12'],
      ['HO CHI MINH CITY 12', '09HOCHIMINHCITY12'],
      ['SECSTATE 12', '09STATE12'],
      ['KUWAIT CITY 12', '09KUWAIT12'],
      ['USNATO 12', '09USNATO12'],
      ['SAO PAULO 12', '09SAOPAULO12'],
      ['Sao Paulo 12', '09SAOPAULO12'],
    ];
    for (const [text, id] of cases) assert.equal(read('09', text)[0]?.refId, id, text);
    assert.equal(canonicalOrigin('MEXICO CITY'), 'MEXICO');
    assert.equal(canonicalOrigin('USUN NEW YORK'), 'USUNNEWYORK');
    assert.equal(canonicalOrigin('SAN JOSE'), 'SANJOSE');
  });

  it('keeps every station with its published label, names, addresses and routing indicators', () => {
    const { stations, stationNames, stationAddresses } = getDictionaries();
    assert.ok(stations.size >= 191);
    assert.deepEqual(stations.get('MEXICO')?.routing, ['RUEHME']);
    assert.equal(stations.get('MEXICO')?.label, 'Embassy Mexico');
    assert.equal(stationNames.get('MEXICO CITY'), 'MEXICO');
    assert.deepEqual(stationAddresses.get('AMCONSUL MONTERREY'), { origin: 'MONTERREY', label: 'Consulate Monterrey' });
    assert.deepEqual(stationAddresses.get('SECSTATE WASHDC'), { origin: 'STATE', label: 'Secretary of State' });
    assert.equal(stationAddresses.get('AMEMBASSY BRUSSELS')?.label, 'Embassy Brussels');
    assert.equal(stationAddresses.get('USEU BRUSSELS')?.label, 'USEU Brussels');
  });
});
