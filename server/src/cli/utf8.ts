/** Bytes → text as UTF-8; invalid sequences become U+FFFD, which the parser counts towards "binary". */
export function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
