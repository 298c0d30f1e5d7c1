/**
 * The cable detector lives in `shared/cableDetection.ts`, bundled into the client and the server alike;
 * this name is kept for the imports that knew it here.
 */
export { looksLikeCable, SNIFF_BYTES, SNIFF_LINES } from '../../../shared/cableDetection';
