import { findRouteTarget } from './route-target';

const config = {
  clusters: [{ name: 'bookservice' }, { name: 'bookservicecanary' }, { name: 'ratings' }],
  routes: [
    { name: 'books', route: [{ destination: { cluster: 'bookservice' } }], mirror: { cluster: 'bookservicecanary' } },
    { name: 'ratings', route: [{ destination: { cluster: 'ratings' }, weight: 100 }] },
  ],
};
const spec = { primary: 'bookservice', canary: 'bookservicecanary', route: undefined, shadow: false };

describe('finding the route a canary run shifts', () => {
  it('takes the only route whose destinations include the primary, with its weights and mirrors', () => {
    expect(findRouteTarget(config, spec)).toEqual({ route: 'books', weights: { bookservice: 100 }, mirrors: ['bookservicecanary'] });
  });

  it('explains what is wrong instead', () => {
    expect(findRouteTarget(config, { ...spec, canary: 'nope' })).toMatch(/cluster "nope" is not defined/);
    expect(findRouteTarget(config, { ...spec, route: 'ratings' })).toBe('route "ratings" does not route to the primary "bookservice"');
    expect(findRouteTarget(config, { ...spec, route: 'missing' })).toMatch(/route "missing" is not defined \(routes: books, ratings\)/);
    expect(findRouteTarget(config, { ...spec, primary: 'ratings', canary: 'bookservice', shadow: true })).toMatch(
      /does not mirror to "bookservice"/,
    );
    const twice = { ...config, routes: [...config.routes, { name: 'b2', route: [{ destination: { cluster: 'bookservice' } }] }] };
    expect(findRouteTarget(twice, spec)).toMatch(/several routes send traffic to "bookservice" \(books, b2\): choose one with --route/);
  });
});
