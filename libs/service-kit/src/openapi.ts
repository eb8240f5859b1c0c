import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_PATH = 'docs';

/**
 * Serves the OpenAPI description as JSON at /docs (and YAML at /docs.yaml). No bundled
 * UI: it would add @fastify/static and the UI's assets to every service for a page any
 * OpenAPI viewer gives from the description.
 */
export function setupOpenApi(app: INestApplication, info: { title: string; description: string; version: string }): void {
  const config = new DocumentBuilder().setTitle(info.title).setDescription(info.description).setVersion(info.version).build();
  SwaggerModule.setup(OPENAPI_PATH, app, () => SwaggerModule.createDocument(app, config), {
    ui: false,
    jsonDocumentUrl: OPENAPI_PATH,
    yamlDocumentUrl: `${OPENAPI_PATH}.yaml`,
  });
}
