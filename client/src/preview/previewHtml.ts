/**
 * The Cable Preview's HTML, built from the server's preview document. Pure (no `vscode`), so it is tested as is.
 * Every string of the preview document is cable text or dictionary text and is escaped here, in element content
 * and in attributes alike; the only markup is this file's own. No inline style or script is ever written: the
 * page's Content-Security-Policy allows the extension's stylesheet and its one script with a nonce, nothing else.
 * Links to cited cables carry no address, only a key (`data-cite="0.1.0"`) the extension looks up itself.
 */
import type {
  PreviewAddress,
  PreviewBlock,
  PreviewCable,
  PreviewDocument,
  PreviewHeader,
  PreviewMarking,
  PreviewPiece,
  PreviewReference,
  PreviewRun,
  PreviewTag,
  PreviewTerm,
} from '../../../shared/previewProtocol';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text safe in element content and in a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"'`]/g, (ch) => ESCAPES[ch]!);
}

/** ` title="…"` for a meaning, or nothing. */
function titleAttr(title: string | undefined): string {
  return title ? ` title="${escapeHtml(title)}"` : '';
}

/** Lines as data attributes, for scroll sync (numbers only). */
function linesAttr(line: number, endLine: number): string {
  return ` data-line="${Math.trunc(line)}" data-end-line="${Math.trunc(endLine)}"`;
}

const LEVELS = new Set(['U', 'SBU', 'C', 'S', 'TS']);
/** A class name from a level: only the five known levels make one. */
function levelClass(level: string | undefined): string {
  return level && LEVELS.has(level) ? `level-${level}` : 'level-unknown';
}

/** What a page needs besides the document: the webview's resource URIs, its CSP source and the script's nonce. */
export interface PreviewPageOptions {
  title: string;
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** The Content-Security-Policy of the page: nothing but the extension's own stylesheet, images and script. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The webview's page: an empty container the script fills with `renderPreviewBody`'s HTML as updates come. */
export function renderPreviewPage(options: PreviewPageOptions): string {
  const nonce = escapeHtml(options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="cable-preview" class="cable-preview"><p class="preview-message">Loading the preview…</p></main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

/** A message in place of the preview (no server, no cable). */
export function renderPreviewMessage(message: string): string {
  return `<p class="preview-message">${escapeHtml(message)}</p>`;
}

/** The whole preview: one article per cable, and a note when the file was too long to show whole. */
export function renderPreviewBody(document: PreviewDocument): string {
  if (document.cables.length === 0) return renderPreviewMessage('No cable was found in this file.');
  const cables = document.cables.map((cable, index) => renderCable(cable, index)).join('\n');
  const truncated =
    document.truncatedAt !== undefined
      ? `<p class="preview-message truncated"${linesAttr(document.truncatedAt, document.lineCount - 1)}>The preview stops at line ${Math.trunc(document.truncatedAt) + 1} of ${Math.trunc(document.lineCount)}: the file is longer than the preview shows.</p>`
      : '';
  return cables + truncated;
}

/** A cited cable's key: the cable's, the reference's and the citation's index. */
export function citationKey(cable: number, reference: number, citation: number): string {
  return `${cable}.${reference}.${citation}`;
}

/** The cited cable a key names, if the workspace holds it. */
export function citationTarget(document: PreviewDocument, key: string): { uri: string; line: number } | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(key);
  if (!match) return undefined;
  return document.cables[+match[1]]?.header.references[+match[2]]?.cables[+match[3]]?.target;
}

function renderCable(cable: PreviewCable, index: number): string {
  const level = cable.header.classification?.level;
  const bottomBand = cable.header.classification
    ? `<div class="band band-bottom ${levelClass(level)}">${escapeHtml(cable.header.classification.text)}</div>`
    : '';
  return `<article class="cable"${linesAttr(cable.line, cable.endLine)}>
${renderHeader(cable.header, index)}
<div class="cable-body">
${renderBlocks(cable.blocks)}
</div>
${bottomBand}
</article>`;
}

function renderHeader(header: PreviewHeader, cableIndex: number): string {
  const classification = header.classification;
  const band = classification
    ? `<div class="band ${levelClass(classification.level)}"${titleAttr(classification.meaning)}><span class="band-level">${escapeHtml(classification.text)}</span>${[
        ...classification.caveats,
        ...classification.controls,
      ]
        .map((term) => ` <span class="band-control"${titleAttr(term.meaning)}>${escapeHtml(term.text)}</span>`)
        .join('')}</div>`
    : '<div class="band level-unknown">Classification not given</div>';
  const top = [
    header.refId ? `<span class="ref-id">${escapeHtml(header.refId)}</span>` : '',
    header.date
      ? `<time class="date" datetime="${escapeHtml(header.date.iso)}"${titleAttr(header.dtg ? `Date-time group ${header.dtg}` : undefined)}>${escapeHtml(header.date.text)}</time>`
      : '',
  ].join('');
  const fields: Array<[string, string]> = [];
  const from = header.from.length ? renderAddresses(header.from) : header.origin ? escapeHtml(header.origin) : '';
  if (from) fields.push(['From', from]);
  if (header.to.length) fields.push(['To', renderAddresses(header.to)]);
  if (header.info.length) fields.push(['Info', renderAddresses(header.info)]);
  if (header.offices.length) fields.push(['Passing', header.offices.map(escapeHtml).join('<br>')]);
  if (header.precedence) fields.push(['Precedence', term(header.precedence)]);
  if (header.eo && (header.eo.order || header.eo.declassify)) {
    const parts = [
      header.eo.order ? term(header.eo.order) : '',
      header.eo.declassify ? `declassify: ${term(header.eo.declassify)}` : '',
    ].filter(Boolean);
    fields.push(['E.O.', parts.join(' · ')]);
  }
  if (header.tags.length) fields.push(['TAGS', `<ul class="tags">${header.tags.map(renderTag).join('')}</ul>`]);
  if (header.references.length)
    fields.push([
      'References',
      `<ul class="references">${header.references.map((r, i) => renderReference(r, cableIndex, i)).join('')}</ul>`,
    ]);
  if (header.classifiedBy) {
    const reasons = header.classifiedBy.reasons.length
      ? `${header.classifiedBy.authority ? ', ' : ''}reasons ${header.classifiedBy.reasons.map(term).join(', ')}`
      : '';
    fields.push(['Classified by', `${escapeHtml(header.classifiedBy.authority ?? '')}${reasons}`]);
  }
  return `<header class="card"${linesAttr(header.line, header.endLine)}>
${band}
<div class="card-top">${top}</div>
${header.subject ? `<h1 class="subject">${escapeHtml(header.subject)}</h1>` : '<h1 class="subject subject-missing">No subject</h1>'}
<dl class="fields">${fields.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${value}</dd>`).join('')}</dl>
</header>`;
}

function term(value: PreviewTerm): string {
  return value.meaning ? `<abbr${titleAttr(value.meaning)}>${escapeHtml(value.text)}</abbr>` : escapeHtml(value.text);
}

/** Addresses one a line; a long list keeps the first few in view and the rest behind a summary. */
function renderAddresses(addresses: PreviewAddress[]): string {
  // The post by its name (`Embassy Mexico`), the address as written beside it (`AMEMBASSY MEXICO`).
  const one = (address: PreviewAddress) =>
    `<span class="address">${address.meaning ? `${escapeHtml(address.meaning)} <span class="address-written">${escapeHtml(address.text)}</span>` : escapeHtml(address.text)}${
      address.precedence ? ` <span class="address-precedence">${escapeHtml(address.precedence)}</span>` : ''
    }</span>`;
  const SHOWN = 6;
  if (addresses.length <= SHOWN + 1) return addresses.map(one).join('<br>');
  const rest = addresses.slice(SHOWN);
  return `${addresses.slice(0, SHOWN).map(one).join('<br>')}<details><summary>${rest.length} more</summary>${rest.map(one).join('<br>')}</details>`;
}

function renderTag(tag: PreviewTag): string {
  const known = tag.kind !== 'unknown' && tag.kind !== 'acronym';
  return `<li class="tag${known ? '' : ' tag-unknown'}"><code class="tag-code">${escapeHtml(tag.code)}</code> <span class="tag-meaning">${escapeHtml(tag.meaning ?? 'unknown TAG')}</span></li>`;
}

function renderReference(reference: PreviewReference, cableIndex: number, referenceIndex: number): string {
  const runs = reference.runs
    .map((run) => {
      if (run.cite === undefined) return escapeHtml(run.text);
      const citation = reference.cables[run.cite];
      if (!citation) return escapeHtml(run.text);
      const id = citation.refId ? escapeHtml(citation.refId) : '';
      if (!citation.target) {
        const why = citation.refId ? `${citation.refId}: not in the workspace` : 'The year of this cable is not known';
        return `<span class="cite cite-missing"${titleAttr(why)}>${escapeHtml(run.text)}</span>`;
      }
      const title = `Open ${citation.refId ?? run.text}${citation.subject ? `: ${citation.subject}` : ''}`;
      return `<a class="cite" href="#" role="button" data-cite="${citationKey(cableIndex, referenceIndex, run.cite)}"${titleAttr(title)}>${escapeHtml(run.text)}</a>${id ? ` <span class="cite-id">${id}</span>` : ''}`;
    })
    .join('');
  const letter = reference.letter ? `<span class="ref-letter">${escapeHtml(reference.letter)}.</span> ` : '';
  const kind = reference.kind !== 'cable' ? ` <span class="ref-kind">${escapeHtml(reference.kind)}</span>` : '';
  return `<li>${letter}${runs}${kind}</li>`;
}

/** The body's blocks; consecutive blocks inside one Summary or Comment go into one box. */
function renderBlocks(blocks: PreviewBlock[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    const span = 'span' in block ? block.span : undefined;
    if (!span) {
      out.push(renderBlock(block));
      i++;
      continue;
    }
    const inside: string[] = [];
    while (i < blocks.length) {
      const next = blocks[i]!;
      const nextSpan = 'span' in next ? next.span : undefined;
      if (!nextSpan || nextSpan.index !== span.index) break;
      inside.push(renderBlock(next));
      i++;
    }
    const label = span.kind === 'summary' ? 'Summary' : 'Comment';
    out.push(
      `<section class="span span-${span.kind === 'summary' ? 'summary' : 'comment'}" aria-label="${label}"><div class="span-label">${label}</div>\n${inside.join('\n')}\n</section>`,
    );
  }
  return out.join('\n');
}

function renderBlock(block: PreviewBlock): string {
  const lines = linesAttr(block.line, block.endLine);
  switch (block.kind) {
    case 'paragraph':
      return `<div class="para"${lines}><div class="para-head"><span class="para-number">${escapeHtml(block.number)}</span>${block.marking ? renderMarking(block.marking) : ''}</div><div class="para-text">${block.pieces.map(renderPiece).join('')}</div></div>`;
    case 'heading': {
      const head = block.number
        ? `<span class="para-number">${escapeHtml(block.number)}</span> ${block.marking ? renderMarking(block.marking) : ''}`
        : '';
      return `<h2 class="heading"${lines}>${head}${renderRuns(block.runs)}</h2>`;
    }
    case 'text':
      return `<div class="loose"${lines}>${block.pieces.map(renderPiece).join('')}</div>`;
    case 'withheld': {
      const count = Math.trunc(block.count);
      return `<p class="withheld"${lines}>${count} paragraph${count === 1 ? '' : 's'} withheld by the publisher</p>`;
    }
    case 'break':
      return `<div class="section-break"${lines}>${escapeHtml(block.text)}</div>`;
    case 'signature':
      return `<p class="signature"${lines}>${escapeHtml(block.text)}</p>`;
    case 'footer':
      return `<p class="footer"${lines}>${escapeHtml(block.text)}</p>`;
  }
}

function renderMarking(marking: PreviewMarking): string {
  return `<span class="marking ${levelClass(marking.level)}"${titleAttr(marking.meaning)}>${escapeHtml(marking.text)}</span>`;
}

function renderPiece(piece: PreviewPiece): string {
  const bullet = piece.bullet ? `<span class="bullet">${escapeHtml(piece.bullet)}</span>` : '';
  const marking = piece.marking ? `${renderMarking(piece.marking)} ` : '';
  return `<p class="${piece.bullet ? 'item' : 'text'}"${linesAttr(piece.line, piece.endLine)}>${bullet}${marking}${renderRuns(piece.runs)}</p>`;
}

function renderRuns(runs: PreviewRun[]): string {
  return runs.map(renderRun).join('');
}

function renderRun(run: PreviewRun): string {
  let html: string;
  switch (run.kind) {
    case 'acronym':
      html = `<abbr class="acronym"${titleAttr(run.title)}>${escapeHtml(run.text)}</abbr>`;
      break;
    case 'marking':
      html = `<span class="marking ${levelClass(run.level)}"${titleAttr(run.title)}>${escapeHtml(run.text)}</span>`;
      break;
    case 'spanMark':
      html = `<span class="span-mark">${escapeHtml(run.text)}</span>`;
      break;
    default:
      html = escapeHtml(run.text);
  }
  return run.span ? `<span class="in-${run.span === 'summary' ? 'summary' : 'comment'}">${html}</span>` : html;
}
