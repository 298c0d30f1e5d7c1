// Reads what the VS Code workbench shows, inside the page. Plain JavaScript injected with
// addInitScript, so no TypeScript or bundler helper ever has to exist in the browser. Each reader
// returns plain data; the Node side (workbench.ts) waits, asserts and acts.
(() => {
  const text = (element) => (element?.textContent ?? '').replace(/\u00a0/g, ' ');
  const visible = (element) => element instanceof HTMLElement && element.checkVisibility() && element.getClientRects().length > 0;

  /** The file name in a resource label's aria-label: the full path, then ` • ` and decorations such as `2 problems in this file`. */
  const baseName = (label) => label?.getAttribute('aria-label')?.split(' • ')[0].split('/').pop() ?? null;

  /** The editor the user is looking at: the active group's visible text editor. */
  const activeEditor = () =>
    [...document.querySelectorAll('.editor-group-container.active .monaco-editor:not(.inline-diff)')].find(
      (editor) => visible(editor) && editor.querySelector('.view-lines'),
    ) ?? null;

  /** Rows of a virtualised list in display order, and whether every row is rendered (none scrolled away). */
  const listRows = (list) => {
    const rows = [...list.querySelectorAll('.monaco-list-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    const indices = rows.map((row) => Number(row.dataset.index));
    const complete =
      rows.length === 0 || (indices[0] === 0 && indices.every((index, i) => index === i) && rows.at(-1).dataset.lastElement === 'true');
    return { rows, complete };
  };

  const readers = {
    statusLanguage: () => {
      const item = document.getElementById('status.editor.mode');
      return visible(item) ? text(item).trim() : null;
    },

    /**
     * File name of the active tab: the tab's resource name, else its icon label's full path (the label
     * splits name and extension, and a preview tab's aria-label leaves the extension out).
     */
    activeTabFile: () => {
      const tab = document.querySelector('.editor-group-container.active .tab.active');
      return tab?.getAttribute('data-resource-name') || baseName(tab?.querySelector('.monaco-icon-label'));
    },

    /** Line number and text of each line the active editor renders. */
    editorLines: () => {
      const editor = activeEditor();
      if (!editor) return [];
      const numbers = new Map();
      for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
        numbers.set(number.parentElement.style.top, Number(text(number).trim()));
      }
      return [...editor.querySelectorAll('.view-lines .view-line')]
        .map((line) => ({ lineNumber: numbers.get(line.style.top) ?? -1, text: text(line) }))
        .sort((a, b) => a.lineNumber - b.lineNumber);
    },

    /** Distinct foreground colours of the non-blank tokens the active editor renders. */
    tokenColours: () => {
      const editor = activeEditor();
      if (!editor) return [];
      const colours = new Set();
      for (const token of editor.querySelectorAll('.view-lines .view-line span span')) {
        if (text(token).trim()) colours.add(getComputedStyle(token).color);
      }
      return [...colours];
    },

    /** Screen centre of the first `word` in the first rendered line of the active editor that includes `lineIncludes`. */
    wordCentre: ({ lineIncludes, word }) => {
      const editor = activeEditor();
      const line = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])].find((candidate) =>
        text(candidate).includes(lineIncludes),
      );
      if (!line) return null;
      const start = text(line).indexOf(word);
      if (start < 0) return null;
      // Walk the line's text nodes to the word's offset: tokens split the line into several spans.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (start < offset + length) {
          const range = document.createRange();
          range.setStart(node, start - offset);
          range.setEnd(node, Math.min(length, start - offset + word.length));
          const box = range.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }
        offset += length;
      }
      return null;
    },

    /** Text of the editor hover the user sees, or null. */
    hoverText: () => {
      const hover = [...document.querySelectorAll('.monaco-hover:not(.hidden)')].find(visible);
      return hover ? text(hover) : null;
    },

    /** The Problems panel: file rows and the problems listed under each. */
    problems: () => {
      const list = document.querySelector('.markers-panel .monaco-list');
      if (!visible(list)) return null;
      const { rows, complete } = listRows(list);
      const problems = [];
      let file = null;
      for (const row of rows) {
        if (row.getAttribute('aria-level') === '1') {
          file = baseName(row.querySelector('.monaco-icon-label'));
          continue;
        }
        const icon = row.querySelector('.marker-icon');
        if (!icon) continue; // related information rows
        const position = /Ln (\d+), Col (\d+)/.exec(text(row.querySelector('.marker-line')));
        problems.push({
          file,
          severity: ['error', 'warning', 'info'].find((severity) => icon.classList.contains(severity)) ?? 'unknown',
          message: text(row.querySelector('.marker-message')).trim(),
          source: text(row.querySelector('.marker-source')).trim(),
          code: text(row.querySelector('.marker-code')).trim(),
          line: position ? Number(position[1]) : -1,
          column: position ? Number(position[2]) : -1,
        });
      }
      return { complete, problems };
    },

    /** The Outline view's rows (name and depth), or null while it shows no outline. */
    outline: () => {
      const pane = [...document.querySelectorAll('.pane')].find((candidate) =>
        candidate.querySelector('.pane-header')?.getAttribute('aria-label')?.startsWith('Outline'),
      );
      const list = pane?.querySelector('.monaco-list');
      if (!visible(list)) return null;
      const { rows, complete } = listRows(list);
      if (rows.length === 0) return null;
      return {
        complete,
        rows: rows.map((row) => ({ name: text(row.querySelector('.label-name')).trim(), level: Number(row.getAttribute('aria-level')) })),
      };
    },

    /** aria-labels of the rows of the open quick pick (Quick Open, command palette, Go to Line). */
    quickPickRows: () =>
      [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')]
        .filter(visible)
        .map((row) => row.getAttribute('aria-label') ?? text(row)),

    /** Text of the first visible status bar item whose text includes `includes` (icons are not text), or null. */
    statusBarItem: ({ includes }) => {
      const item = [...document.querySelectorAll('.statusbar-item')].find(
        (candidate) => visible(candidate) && text(candidate).includes(includes),
      );
      return item ? text(item).trim() : null;
    },

    /**
     * A view of the side bar by its title (`Cables`): its message, and its rows with label, description,
     * depth and whether they are expanded; null while the view is not shown or collapsed.
     */
    treeView: ({ title }) => {
      const pane = [...document.querySelectorAll('.pane')].find((candidate) =>
        candidate.querySelector('.pane-header')?.getAttribute('aria-label')?.startsWith(title),
      );
      const body = pane?.querySelector('.pane-body');
      if (!visible(body)) return null;
      const message = [...body.querySelectorAll('.message')].find(visible);
      const list = body.querySelector('.monaco-list');
      const { rows, complete } = visible(list) ? listRows(list) : { rows: [], complete: true };
      return {
        message: message ? text(message).trim() : null,
        complete,
        rows: rows.map((row) => ({
          label: text(row.querySelector('.label-name')).trim(),
          description: text(row.querySelector('.label-description')).trim(),
          level: Number(row.getAttribute('aria-level')),
          expanded: row.getAttribute('aria-expanded') === null ? null : row.getAttribute('aria-expanded') === 'true',
        })),
      };
    },

    /** Messages of the notification toasts on screen. */
    notifications: () =>
      [...document.querySelectorAll('.notifications-toasts .notification-list-item-message')]
        .filter(visible)
        .map((message) => text(message).trim()),

    /** Titles of the actions in the open code action (Quick Fix) menu. */
    codeActions: () =>
      [...document.querySelectorAll('.action-widget .monaco-list-row.action')].filter(visible).map((row) => text(row).trim()),
  };

  globalThis.__cableE2e = readers;
})();
