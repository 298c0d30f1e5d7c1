// The Cable Preview's own script (the page's only one; it runs under a nonce). It shows the HTML the extension
// sends, keeps the view on the source line the editor shows, tells the extension which source line is at the top
// when the reader scrolls, and turns clicks on cited cables into messages. It builds no HTML itself: what it is
// sent was escaped by the extension, and the page's Content-Security-Policy runs no other script.
// @ts-check
(function () {
  'use strict';
  // @ts-ignore: provided by the webview host
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('cable-preview'));
  /** Where our own last scroll (to follow the editor) left the view: a scroll event there is its echo, not the reader's. */
  /** @type {number | undefined} */
  let ownScrollY;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let scrollTimer;
  let shownOnce = false;

  /** @returns {HTMLElement[]} the elements that carry source lines, in document order */
  function lineElements() {
    return /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll('[data-line]')));
  }

  /** @param {HTMLElement} element */
  function linesOf(element) {
    const line = Number(element.getAttribute('data-line'));
    const endLine = Number(element.getAttribute('data-end-line'));
    return { line, endLine: Number.isFinite(endLine) && endLine >= line ? endLine : line };
  }

  /** The source line at the top of the view, with the fraction of the way through the element there. */
  function lineAtTop() {
    /** @type {HTMLElement | undefined} */
    let best;
    for (const element of lineElements()) {
      const rect = element.getBoundingClientRect();
      if (rect.height === 0) continue;
      if (rect.top <= 1 || best === undefined) best = element;
      if (rect.top > 1) break;
    }
    if (!best) return undefined;
    const rect = best.getBoundingClientRect();
    const { line, endLine } = linesOf(best);
    const fraction = rect.height > 0 ? Math.min(Math.max(-rect.top / rect.height, 0), 1) : 0;
    return line + fraction * (endLine - line + 1);
  }

  /** Scrolls so that source line `line` is at the top: the last element starting at or before it, part way in. */
  function scrollToLine(/** @type {number} */ line) {
    if (!Number.isFinite(line)) return;
    /** @type {HTMLElement | undefined} */
    let target;
    for (const element of lineElements()) {
      const start = linesOf(element).line;
      if (start > line) break;
      if (element.getBoundingClientRect().height > 0) target = element;
    }
    let y = 0;
    if (target) {
      const rect = target.getBoundingClientRect();
      const { line: start, endLine } = linesOf(target);
      const fraction = Math.min(Math.max((line - start) / (endLine - start + 1), 0), 1);
      y = Math.max(0, window.scrollY + rect.top + fraction * rect.height);
    }
    window.scrollTo(0, y);
    ownScrollY = window.scrollY;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      const before = shownOnce ? lineAtTop() : vscode.getState()?.line;
      root.innerHTML = message.html;
      shownOnce = true;
      const line = typeof message.line === 'number' ? message.line : before;
      if (typeof line === 'number') scrollToLine(line);
      root.setAttribute('data-version', String(Number(message.version) || 0));
    } else if (message.type === 'scrollToLine' && typeof message.line === 'number') {
      scrollToLine(message.line);
      vscode.setState({ line: message.line });
    }
  });

  window.addEventListener(
    'scroll',
    () => {
      if (scrollTimer !== undefined) return;
      scrollTimer = setTimeout(() => {
        scrollTimer = undefined;
        if (ownScrollY !== undefined && Math.abs(window.scrollY - ownScrollY) < 2) return;
        ownScrollY = undefined;
        const line = lineAtTop();
        if (line === undefined) return;
        vscode.setState({ line });
        vscode.postMessage({ type: 'revealLine', line });
      }, 50);
    },
    { passive: true },
  );

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    event.preventDefault();
    const key = link.getAttribute('data-cite');
    if (key) vscode.postMessage({ type: 'openCitation', key });
  });

  // As in Markdown's preview: a double click opens the source at that line.
  document.addEventListener('dblclick', (event) => {
    const element = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (element) vscode.postMessage({ type: 'openSource', line: Number(element.getAttribute('data-line')) });
  });

  vscode.postMessage({ type: 'ready' });
})();
