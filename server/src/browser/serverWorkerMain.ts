/**
 * Browser entry of the language server (bundled to `dist/browser/server.js`): runs in a Web Worker that the
 * web extension host (vscode.dev, github.dev) starts, and speaks LSP over the worker's messages.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { browserPlatform } from './browserPlatform';

// The worker's global scope (no DOM types here: the core is typed for every platform).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), browserPlatform());
