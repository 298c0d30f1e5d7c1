/**
 * Hover and completion markdown is built from untrusted text: cables from the web, workspace files, settings.
 * Cables carrying link, image, HTML and `command:` payloads in every part a hover or completion may quote
 * (TAGS, acronym definitions, REF items, headings, subject, addresses, markings, the user's acronyms) must
 * give markdown that renders inert and never asks the client to trust it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkPayloadCable, createServiceFixture, type ProbeCount } from '../support/featureProperties';
import { payloadCable, runParameters } from '../support/fragments';

const RUNS = 200;

test(`markdown safety: payloads in every part of a cable (${RUNS} cables)`, (t) => {
  const parameters = runParameters(RUNS, 'markdown');
  t.diagnostic(`seed ${parameters.seed}, ${parameters.numRuns} cables`);
  const fixture = createServiceFixture();
  const count: ProbeCount = { probes: 0, quoting: 0 };
  fc.assert(
    fc.property(payloadCable, (cable) => checkPayloadCable(fixture, cable, count)),
    parameters,
  );
  t.diagnostic(`${count.probes} hover and completion probes, ${count.quoting} quoting a payload`);
  // Guards against a vacuous pass: the payloads do reach the markdown the checks look at.
  assert.ok(count.quoting > 0, 'no hover or completion ever quoted a payload');
});
