/** HMAC-SHA256 from node:crypto, for the command line (a browser build passes WebCrypto's instead). */
import { createHmac } from 'node:crypto';
import type { HmacSha256 } from './random.js';

export const nodeHmacSha256: HmacSha256 = async (key, message) => new Uint8Array(createHmac('sha256', key).update(message).digest());
