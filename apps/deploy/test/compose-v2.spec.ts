import { COMPOSE_FILE, readComposeFile } from '../src';
import { get, type Deployment } from './support/objects';
import { renderOverlayWith } from './support/render';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  init?: boolean;
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
}
const services = () => Object.entries((readComposeFile(COMPOSE_FILE) as { services: Record<string, ComposeService> }).services);
/** `mirrormesh/book-service:0.1.0` → `book-service`: the images this repository builds. */
const projectImage = (image: string | undefined) => /^mirrormesh\/([a-z-]+):/.exec(image ?? '')?.[1];

/** Compose's byte units are binary (256M = 256 MiB), as Kubernetes' Mi. */
const bytes = (quantity: string) => {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|K|m|M|g|G)?[bB]?$/.exec(quantity);
  if (match === null) throw new Error(`not a memory quantity: ${quantity}`);
  const unit = (match[2] ?? '').toLowerCase().replace('i', '');
  return Number(match[1]) * (unit === '' ? 1 : 1024 ** ['k', 'm', 'g'].indexOf(unit) * 1024);
};
const cpus = (quantity: string) => (quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity));

describe('compose.yaml on a fresh `docker compose up` (Compose v2)', () => {
  it('builds every image the project makes wherever it is used, so nothing is pulled that no registry has', () => {
    const unbuilt = services()
      .filter(([, s]) => projectImage(s.image) !== undefined && s.build === undefined)
      .map(([name]) => name);
    expect(unbuilt).toEqual([]);
  });

  it('builds each image from its own app (build arg APP = the image name)', () => {
    for (const [name, s] of services())
      if (s.build !== undefined) expect({ name, app: s.build.args?.['APP'] }).toEqual({ name, app: projectImage(s.image) });
  });

  it('shares one build between the services that run the same image', () => {
    const byImage = new Map<string, ComposeService['build'][]>();
    for (const [, s] of services()) if (s.image !== undefined) byImage.set(s.image, [...(byImage.get(s.image) ?? []), s.build]);
    for (const [image, builds] of byImage) for (const build of builds) expect({ image, build }).toEqual({ image, build: builds[0] });
    expect(byImage.get('mirrormesh/book-service:0.1.0')?.length).toBeGreaterThanOrEqual(4);
  });

  it('runs every container with an init and bounded CPU and memory', () => {
    for (const [name, s] of services()) {
      const limits = s.deploy?.resources?.limits;
      expect({ name, init: s.init, cpus: cpus(limits?.cpus ?? 'NaN') > 0, memory: bytes(limits?.memory ?? '0') > 0 }).toEqual({
        name,
        init: true,
        cpus: true,
        memory: true,
      });
    }
  });

  it.each([
    ['bookservice', 'bookservice'],
    ['bookservicemirror', 'bookservicemirror'],
    ['bookinfo-spa', 'bookinfo-spa'],
    ['collector', 'collector'],
  ])('bounds %s as its Kubernetes Deployment does', (service, deployment) => {
    const k8s = get<Deployment>(renderOverlayWith('v3-delays', ['local-collector']), 'Deployment', deployment).spec.template.spec
      .containers[0]!.resources?.limits;
    const compose = Object.fromEntries(services())[service]?.deploy?.resources?.limits;
    expect({ cpus: cpus(compose?.cpus ?? ''), memory: bytes(compose?.memory ?? '') }).toEqual({
      cpus: cpus(k8s?.['cpu'] ?? ''),
      memory: bytes(k8s?.['memory'] ?? ''),
    });
  });
});

describe('the unit conversions of this check', () => {
  it('reads compose and Kubernetes quantities alike', () => {
    expect([bytes('256M'), bytes('256Mi'), bytes('1G'), bytes('1Gi')]).toEqual([256 * 2 ** 20, 256 * 2 ** 20, 2 ** 30, 2 ** 30]);
    expect([cpus('500m'), cpus('0.5'), cpus('1')]).toEqual([0.5, 0.5, 1]);
  });
});
