import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../http/api-error';
import { contentTypeOfUpdate, parseByteRange, resolveUpdateFile } from '../updates/update-files';

/**
 * `GET /updates/<file>`: the update feed for electron-updater's generic provider. Outside /v1 on
 * purpose — an app too old to speak the sync protocol must still be able to update itself.
 * Public like any download site: installers carry no data.
 */
export function registerUpdateRoutes(app: FastifyInstance, updatesDir: string | undefined): void {
  app.get<{ Params: { name: string } }>('/updates/:name', async (request, reply) => {
    const file = updatesDir === undefined ? undefined : await resolveUpdateFile(updatesDir, request.params.name);
    if (!file) return reply.code(404).send(errorBody('not-found'));
    const range = parseByteRange(request.headers.range, file.size);
    if (range === 'invalid') return reply.code(416).header('content-range', `bytes */${file.size}`).send(errorBody('range-not-satisfiable'));
    reply.header('accept-ranges', 'bytes').header('content-type', contentTypeOfUpdate(request.params.name));
    // Manifests change with each release; installers never change under the same name.
    reply.header('cache-control', request.params.name.endsWith('.yml') ? 'no-cache' : 'public, max-age=86400');
    if (range === undefined) {
      reply.header('content-length', file.size);
      return reply.send(createReadStream(file.path));
    }
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`).header('content-length', range.end - range.start + 1);
    return reply.send(createReadStream(file.path, { start: range.start, end: range.end }));
  });
}
