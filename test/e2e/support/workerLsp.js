// In the test page: the browser server bundle (dist/browser/server.js) in a Web Worker, and a minimal LSP
// client speaking JSON-RPC to it over postMessage, as vscode-languageclient/browser does. It answers the
// server's own requests, including the workspace's files (cable/workspaceFiles, cable/readFile) from the
// files the test hands it, as the browser client answers them from vscode.workspace.fs. The test drives it
// through window.lsp with page.evaluate.
(() => {
  const worker = new Worker('/server.js', { name: 'cable-language-server' });
  const pending = new Map();
  const notifications = [];
  const waiters = [];
  const serverRequests = [];
  const errors = [];
  const files = new Map();
  let nextId = 1;

  const answers = {
    'cable/workspaceFiles': ({ folderUri, maxFiles }) => {
      const uris = [...files.keys()].filter((uri) => uri.startsWith(`${folderUri}/`)).sort();
      return { uris: uris.slice(0, maxFiles), truncated: uris.length > maxFiles };
    },
    'cable/readFile': ({ uri }) => (files.has(uri) ? { kind: 'text', text: files.get(uri) } : { kind: 'missing' }),
    'window/workDoneProgress/create': () => null,
    'client/registerCapability': () => null,
    'client/unregisterCapability': () => null,
  };

  const field = (value, path) => path.split('.').reduce((object, key) => (object == null ? undefined : object[key]), value);
  const matches = (message, waiter) =>
    message.method === waiter.method && Object.entries(waiter.expected).every(([path, value]) => field(message.params, path) === value);

  worker.onmessage = ({ data: message }) => {
    if (message.method === undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else call?.resolve(message.result);
    } else if (message.id !== undefined) {
      serverRequests.push(message.method);
      const answer = answers[message.method];
      worker.postMessage(
        answer
          ? { jsonrpc: '2.0', id: message.id, result: answer(message.params) }
          : { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `unhandled ${message.method}` } },
      );
    } else {
      notifications.push(message);
      for (const waiter of waiters.filter((candidate) => matches(message, candidate))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message.params);
      }
    }
  };
  worker.onerror = (event) => errors.push(String(event.message));

  window.lsp = {
    errors,
    serverRequests,
    setFiles: (entries) => entries.forEach(([uri, text]) => files.set(uri, text)),
    request: (method, params) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      }),
    notify: (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params }),
    /** The first notification `method` whose params hold `expected` (dotted paths to values), past or to come. */
    notification: (method, expected = {}) => {
      const waiter = { method, expected };
      const seen = notifications.find((message) => matches(message, waiter));
      return seen ? Promise.resolve(seen.params) : new Promise((resolve) => waiters.push({ ...waiter, resolve }));
    },
    logs: () => notifications.filter((message) => message.method === 'window/logMessage').map((message) => message.params.message),
  };
})();
