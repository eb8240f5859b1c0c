import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { WebRootError } from '../errors';
import { staticPathOf } from './request-path';
import { type StaticFile, type StaticFileIndex } from './static-file-index';
import { sendStaticFile, sendStaticProblem } from './static-response';
import { STATIC_FILES_OPTIONS, type StaticFilesOptions } from './static-files.options';

const APP_SHELL = '/index.html';

function acceptsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.toLowerCase().includes('text/html');
}

/**
 * Serves the built SPA on every GET path no other route claims. A path that is not a
 * file gets the app shell when the client asks for HTML (client-side routes such as
 * /books/3) and a 404 problem otherwise, so a missing script never turns into HTML.
 */
@Injectable()
export class StaticFilesService implements OnModuleInit {
  private readonly shell: StaticFile;

  constructor(
    @Inject(STATIC_FILES_OPTIONS) private readonly options: StaticFilesOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    const shell = options.files.get(APP_SHELL);
    if (shell === undefined) throw new WebRootError('(static file index)', 'has no index.html');
    this.shell = shell;
  }

  get files(): StaticFileIndex {
    return this.options.files;
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // HEAD is derived from GET by fastify (exposeHeadRoutes): same headers, no body.
    fastify.get('/*', (request, reply) => this.serve(request, reply));
  }

  private serve(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const parsed = staticPathOf(request.url);
    const instance = request.url.split('?', 1)[0] ?? '/';
    if (!parsed.ok) return sendStaticProblem(reply, 400, 'PATH_REFUSED', parsed.reason, instance);
    const path = parsed.path === '/' ? APP_SHELL : parsed.path;
    const file = this.options.files.get(path);
    if (file !== undefined) return sendStaticFile(request, reply, file, { fallback: false });
    const underApi = path === this.options.apiPrefix || path.startsWith(`${this.options.apiPrefix}/`);
    if (!underApi && acceptsHtml(request.headers.accept)) return sendStaticFile(request, reply, this.shell, { fallback: true });
    return sendStaticProblem(reply, 404, 'NOT_FOUND', `No file or route for GET ${path}`, instance);
  }
}
