import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { PROXY_DEFAULTS } from '@mirrormesh/proxy';
import { COMPOSE_FILE, DOCKER_DIR, K8S_DIR, SCENARIOS, readComposeFile, type K8sObject } from '../src';
import { dockerfileInstructions } from './support/dockerfile';
import { ofKind, type Deployment } from './support/objects';
import { renderOverlay, renderOverlayWith } from './support/render';

interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
}
const RELEASE_FILE = join(K8S_DIR, 'components', 'release', 'kustomization.yaml');
const release = () => (parse(readFileSync(RELEASE_FILE, 'utf8')) as { images: ImageEntry[] }).images;

const instructions = dockerfileInstructions();
/** Stage name → its instructions (FROM line first). */
const stages = new Map(
  instructions
    .reduce<string[][]>((acc, line) => {
      if (line.startsWith('FROM ')) acc.push([line]);
      else acc.at(-1)?.push(line);
      return acc;
    }, [])
    .map((stage) => [/ AS (\S+)$/.exec(stage[0]!)?.[1] ?? stage[0]!, stage]),
);
const labels = (stage: string): Record<string, string> =>
  Object.fromEntries(
    (stages.get(stage) ?? [])
      .filter((l) => l.startsWith('LABEL '))
      .flatMap((l) => [...l.matchAll(/([\w.-]+)=("[^"]*"|\S+)/g)].map((m) => [m[1]!, m[2]!.replace(/^"|"$/g, '')])),
  );
const exposed = (stage: string): number[] =>
  (stages.get(stage) ?? [])
    .filter((l) => l.startsWith('EXPOSE '))
    .flatMap((l) => l.slice('EXPOSE '.length).split(/\s+/).map(Number))
    .sort();
const argDefault = (name: string) => new RegExp(`^ARG ${name}=(.*)$`, 'm').exec(instructions.join('\n'))?.[1];
const IMAGES = ['book-service', 'bookinfo-spa', 'collector', 'sidecar'];

describe('images: registry and tag in one place (components/release)', () => {
  it('names every image with its registry and one release tag', () => {
    expect(
      release()
        .map((i) => i.name)
        .sort(),
    ).toEqual(IMAGES.map((i) => `mirrormesh/${i}`));
    for (const image of release()) {
      expect({ name: image.name, newName: image.newName }).toEqual({
        name: image.name,
        newName: expect.stringMatching(new RegExp(`^[a-z0-9.-]+\\.[a-z]+(:\\d+)?/${image.name}$`)) as string,
      });
    }
    expect(new Set(release().map((i) => i.newTag)).size).toBe(1);
  });

  it.each([...SCENARIOS, 'v3-delays + local-collector'])('makes %s run exactly those images', (name) => {
    const objects: K8sObject[] = name.includes('+')
      ? renderOverlayWith('v3-delays', ['local-collector'])
      : renderOverlay(name as (typeof SCENARIOS)[number]);
    const pinned = release().map((i) => `${i.newName}:${i.newTag}`);
    for (const d of ofKind<Deployment>(objects, 'Deployment'))
      for (const c of d.spec.template.spec.containers)
        expect({ container: `${d.metadata.name}/${c.name}`, image: pinned.includes(c.image) }).toEqual({
          container: `${d.metadata.name}/${c.name}`,
          image: true,
        });
  });

  it('is the only kustomization under k8s/ that sets images', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name === 'kustomization.yaml' ? [join(dir, e.name)] : [],
      );
    const setting = files(K8S_DIR).filter((f) => (parse(readFileSync(f, 'utf8')) as { images?: unknown }).images !== undefined);
    expect(setting.map((f) => relative(K8S_DIR, f))).toEqual(['components/release/kustomization.yaml']);
  });
});

describe('docker/Dockerfile: one final stage per image', () => {
  it('exposes, per image, the ports its Deployments declare (and the sidecar its listener and admin port)', () => {
    const deployments = ofKind<Deployment>(renderOverlayWith('v3-delays', ['local-collector']), 'Deployment');
    const declared = (image: string) =>
      [
        ...new Set(
          deployments
            .flatMap((d) => d.spec.template.spec.containers)
            .filter((c) => c.image.includes(`/mirrormesh/${image}:`))
            .flatMap((c) => (c.ports ?? []).map((p) => p.containerPort)),
        ),
      ].sort();
    expect(Object.fromEntries(IMAGES.map((i) => [i, exposed(i)]))).toEqual({
      'book-service': declared('book-service'),
      'bookinfo-spa': declared('bookinfo-spa'),
      collector: declared('collector'),
      sidecar: [PROXY_DEFAULTS.listenerPort, PROXY_DEFAULTS.adminPort].sort(),
    });
    expect(exposed('runtime')).toEqual([]);
  });

  it('labels every image with the OCI annotations, its version being the release tag', () => {
    expect(Object.keys(labels('runtime')).sort()).toEqual(
      ['version', 'revision', 'created', 'vendor', 'licenses', 'base.name', 'base.digest']
        .map((k) => `org.opencontainers.image.${k}`)
        .sort(),
    );
    expect(argDefault('VERSION')).toBe(release()[0]?.newTag);
    for (const image of IMAGES)
      expect(labels(image)).toEqual({
        'org.opencontainers.image.title': `mirrormesh/${image}`,
        'org.opencontainers.image.description': expect.stringMatching(/\w/) as string,
      });
  });
});

describe('docker/Dockerfile: the base image pinned by digest', () => {
  const pulled = instructions.filter((l) => l.startsWith('FROM ') && l.includes('${NODE_IMAGE}'));

  it('pulls the base only as NODE_IMAGE at NODE_IMAGE_DIGEST when one is given', () => {
    expect(pulled.length).toBe(3);
    for (const line of pulled) expect(line).toMatch(/^FROM \$\{NODE_IMAGE\}\$\{NODE_IMAGE_DIGEST:\+@\}\$\{NODE_IMAGE_DIGEST\} AS \w+$/);
  });

  it('defaults NODE_IMAGE_DIGEST to nothing or to a sha256 digest, never to anything else', () => {
    expect(argDefault('NODE_IMAGE_DIGEST')).toMatch(/^(sha256:[0-9a-f]{64})?$/);
  });

  it('documents how to pin it, and compose passes it to every build', () => {
    const readme = readFileSync(join(DOCKER_DIR, 'README.md'), 'utf8');
    expect(readme).toMatch(/--build-arg NODE_IMAGE_DIGEST=sha256:/);
    expect(readme).toMatch(/docker buildx imagetools inspect node:24-bookworm-slim/);
    const services = (readComposeFile(COMPOSE_FILE) as { services: Record<string, { build?: { args?: Record<string, string> } }> })
      .services;
    for (const [name, service] of Object.entries(services))
      if (service.build !== undefined)
        expect({ name, digest: service.build.args?.['NODE_IMAGE_DIGEST'] }).toEqual({ name, digest: '${NODE_IMAGE_DIGEST:-}' });
  });
});
