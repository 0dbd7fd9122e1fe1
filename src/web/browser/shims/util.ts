/** `node:util` for the page's bundle: the reader only takes TextDecoder from it, which browsers have. */
export const TextDecoder = globalThis.TextDecoder;
