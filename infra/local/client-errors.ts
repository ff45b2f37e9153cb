import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../../functions/core/http/problem-details';

const REASONS: Record<number, [code: string, title: string, detail: string]> = {
  400: ['malformed-request', 'Malformed request', 'The request could not be parsed as HTTP.'],
  408: ['request-timeout', 'Request timeout', 'The request took too long to arrive.'],
  431: ['headers-too-large', 'Request header fields too large', 'The request headers are too large; an ID token is a few kilobytes.'],
};

/**
 * Requests Node's HTTP parser refuses before any handler runs (headers over its 16 KB limit, say:
 * an 80 KB token) get a problem+json answer like everything else, not Node's empty 400 or 431.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const [code, title, detail] = REASONS[status];
    const body = JSON.stringify(problemBody(status, code, title, detail));
    socket.end(
      [
        `HTTP/1.1 ${status} ${title}`,
        `content-type: ${PROBLEM_CONTENT_TYPE}`,
        `content-length: ${Buffer.byteLength(body)}`,
        'cache-control: no-store',
        'connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
