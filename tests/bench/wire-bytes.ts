import { connect } from 'node:net';
import { BROWSER_ACCEPT_ENCODING } from './http-load';

export interface WireBytes {
  /** The whole request as the browser sends it: request line, headers, body. */
  requestBytes: number;
  /** The whole response as it arrives: status line, headers, body as encoded on the wire. */
  responseBytes: number;
  responseHeaderBytes: number;
  responseBodyBytes: number;
  status: number;
  contentEncoding?: string;
}

/** Headers Chrome sends with a fetch() from the quiz page, besides the ones the page sets. */
const BROWSER_HEADERS = {
  accept: '*/*',
  'accept-encoding': BROWSER_ACCEPT_ENCODING,
  'accept-language': 'en-GB,en;q=0.9',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
};

/**
 * One HTTP/1.1 exchange on a raw socket, counting the bytes each way exactly as they cross the
 * wire (HTTP/1.1 text headers: an upper bound for HTTP/2, which compresses repeated headers).
 */
export function exchange(url: string, method: string, headers: Record<string, string>, body = ''): Promise<WireBytes> {
  const { hostname, port, pathname, host } = new URL(url);
  const all = {
    host,
    ...BROWSER_HEADERS,
    ...headers,
    ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
    connection: 'close',
  };
  const request = `${method} ${pathname} HTTP/1.1\r\n${Object.entries(all)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n${body}`;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const headerEnd = raw.indexOf('\r\n\r\n') + 4;
      const head = raw.subarray(0, headerEnd).toString('latin1');
      resolve({
        requestBytes: Buffer.byteLength(request),
        responseBytes: raw.length,
        responseHeaderBytes: headerEnd,
        responseBodyBytes: raw.length - headerEnd,
        status: Number(head.split(' ')[1]),
        contentEncoding: /\r\ncontent-encoding: *([^\r]+)/i.exec(head)?.[1],
      });
    });
  });
}
