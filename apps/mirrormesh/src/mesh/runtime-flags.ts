/**
 * The Node flags every mirrormesh process runs with, here as in the container images
 * (`NODE_OPTIONS` in docker/Dockerfile), the benchmarks and the chaos suite.
 *
 * `--max-semi-space-size=8`: V8 on Node 24 lets the young generation grow to 64 MiB on a
 * machine with a large heap limit (Node 20: 32 MiB), and a proxy at full load fills it: the
 * bare node:http + undici forwarder alone peaked at 130–200 MiB RSS. With 16 MiB in all the
 * sidecar peaked at 118–124 MiB in the same benchmark, at the same CPU per request (the
 * requests' garbage dies young, whatever the space). `npm run bench -- proxy-mirror` measures it.
 */
export const RUNTIME_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
