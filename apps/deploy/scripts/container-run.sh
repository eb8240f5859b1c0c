#!/usr/bin/env bash
# npm run test:containers — the real container run, on this machine:
#   1. Debian's Docker engine (docker.io), docker-compose and debootstrap, installed if missing;
#   2. a private dockerd (no iptables, no bridge; its own data root, exec root, socket and
#      pidfile under a temporary directory), stopped by its pid at the end;
#   3. a stand-in for the Node base image: this machine has no registry access, so a Debian
#      bookworm root filesystem (debootstrap, cached) plus the project's node (the root
#      devDependency, node_modules/.bin/node) and npm is imported and tagged as the image the
#      Dockerfile names (node:24-bookworm-slim); the two majors must agree;
#   4. the four images from docker/Dockerfile;
#   5. compose.yaml + docker/compose.host-network.yaml in the v3-delays scenario, the poller
#      through the SPA, and the collector's summary: V1 live fast, V3 mirror slow;
#   6. the same again with the standalone sidecar in front of the SPA's /api (profile sidecar,
#      docker/compose.standalone-sidecar.yaml and its host-network override), and the sidecar's
#      own stats: it mirrored;
#   7. everything torn down and removed, on success and on failure.
#
# Environment:
#   MIRRORMESH_CACHE_DIR        where the base root filesystem is cached (~/.cache/mirrormesh)
#   MIRRORMESH_DOCKER_DATA_ROOT keep images and the npm cache here between runs (default: a
#                               fresh data root in the temporary directory, removed at the end)
#   MIRRORMESH_CONTEXT=head     build the last commit (git archive HEAD) instead of the working tree
#   KEEP_WORKDIR=1              keep the temporary directory (logs) after the run
set -euo pipefail

readonly SCENARIO=v3-delays
readonly SPA_URL=http://127.0.0.1:28080
readonly COLLECTOR_QUERY_URL=http://127.0.0.1:28480
# The ports docker/compose.host-network.yaml uses.
readonly HOST_PORTS=(28080 28081 28082 28083 28084 28085 28443 28480)
# The standalone sidecar's admin API on the host network (docker/sidecar/host-network/*.yaml).
readonly SIDECAR_ADMIN_URL=http://127.0.0.1:28085
readonly VIEWS=60
readonly RATE=10
readonly READY_TIMEOUT_S=120
readonly VERIFY_TIMEOUT_MS=90000
readonly DOCKERD_START_TIMEOUT_S=60
readonly DOCKERD_STOP_TIMEOUT_S=30
readonly DEBIAN_MIRROR=http://deb.debian.org/debian
readonly CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
readonly PROJECT=mirrormesh-containers

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
readonly REPO_ROOT
# The project's Node (root devDependency "node"), as under `npm run`, also when this script is run directly.
export PATH="$REPO_ROOT/node_modules/.bin:$PATH"
STARTED=$(date +%s)
readonly STARTED
WORK=$(mktemp -d /tmp/mirrormesh-containers.XXXXXX)
readonly WORK
readonly CACHE_DIR=${MIRRORMESH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mirrormesh}
readonly DATA_ROOT=${MIRRORMESH_DOCKER_DATA_ROOT:-$WORK/docker-data}
export DOCKER_HOST=unix://$WORK/docker.sock
# Debian's CLI, the same release as the daemon (a newer docker on PATH may want buildx).
DOCKER=/usr/bin/docker
COMPOSE_UP=0

log() { printf '[containers +%ss] %s\n' "$(($(date +%s) - STARTED))" "$*"; }
fail() {
  log "FAILED: $*" >&2
  exit 1
}

# The files as a user would combine them, per sidecar form; the run uses their resolved form (see step 5).
readonly COMPOSE_SOURCES=(env "MIRROR_SCENARIO=$SCENARIO" docker-compose --project-directory "$WORK/context"
  -f "$WORK/context/compose.yaml" -f "$WORK/context/docker/compose.host-network.yaml")
readonly STANDALONE_SIDECAR_FILES=(--profile sidecar
  -f "$WORK/context/docker/compose.standalone-sidecar.yaml" -f "$WORK/context/docker/compose.host-network.standalone-sidecar.yaml")
readonly COMPOSE=(docker-compose --project-name "$PROJECT" --project-directory "$WORK/context" -f "$WORK/compose.run.yaml")
# The profiles of the form running now: the resolved file keeps each service's `profiles`.
PROFILE_ARGS=()
compose() { "${COMPOSE[@]}" "${PROFILE_ARGS[@]}" "$@"; }

cleanup() {
  local status=$?
  set +e
  if [ "$COMPOSE_UP" = 1 ]; then
    if [ "$status" != 0 ]; then
      log "last logs of every service:"
      compose logs --no-color --tail 40 2>&1 | sed 's/^/    /'
    fi
    log "tearing down the compose project"
    timeout 120 "${COMPOSE[@]}" "${PROFILE_ARGS[@]}" down --volumes --remove-orphans --timeout 15 >"$WORK/compose-down.log" 2>&1 ||
      log "compose down failed; see $WORK/compose-down.log"
  fi
  if [ -s "$WORK/dockerd.pid" ]; then
    local pid
    pid=$(cat "$WORK/dockerd.pid")
    log "stopping dockerd (pid $pid)"
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq "$DOCKERD_STOP_TIMEOUT_S"); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { log "dockerd did not stop in ${DOCKERD_STOP_TIMEOUT_S}s: SIGKILL"; kill -KILL "$pid"; }
  fi
  # Whatever an interrupted daemon left mounted under the work directory must go before rm.
  grep -o " $WORK[^ ]*" /proc/mounts | sort -r | while read -r mountpoint; do umount -l "$mountpoint" 2>/dev/null; done
  if [ "${KEEP_WORKDIR:-0}" = 1 ] || { [ "$status" != 0 ] && [ -n "${CI:-}" ]; }; then
    # The logs stay for whoever looks into a failure; images and sources do not.
    rm -rf "$WORK/docker-data" "$WORK/context" "$WORK/exec" "$WORK/node-layer" "$WORK/rootfs"
    log "kept the logs in $WORK"
  else
    rm -rf "$WORK"
  fi
  log "$([ "$status" = 0 ] && echo PASSED || echo "FAILED (exit $status)") in $(($(date +%s) - STARTED))s"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ "$(id -u)" = 0 ] || fail "needs root: it installs packages and runs dockerd"

# 1. Tools ------------------------------------------------------------------------------------
missing=()
command -v dockerd >/dev/null && [ -x "$DOCKER" ] || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } >"$WORK/apt.log" 2>&1 ||
    { tail -20 "$WORK/apt.log"; fail "apt-get install ${missing[*]}"; }
fi

for port in "${HOST_PORTS[@]}"; do
  node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close())' "$port" ||
    fail "port $port on 127.0.0.1 is busy (docker/compose.host-network.yaml needs ${HOST_PORTS[*]})"
done

# The scenario check and the compose rewrite are compiled from apps/deploy/src.
(cd "$REPO_ROOT/apps/deploy" && npx tsc -p tsconfig.build.json) || fail "building apps/deploy"

# 2. A private Docker engine ------------------------------------------------------------------
log "starting dockerd (data root $DATA_ROOT)"
mkdir -p "$DATA_ROOT" "$WORK/exec"
dockerd --iptables=false --ip6tables=false --bridge=none \
  --data-root "$DATA_ROOT" --exec-root "$WORK/exec" --pidfile "$WORK/dockerd.pid" \
  --host "$DOCKER_HOST" --containerd-namespace "$PROJECT" --containerd-plugins-namespace "$PROJECT-plugins" \
  >"$WORK/dockerd.log" 2>&1 &
for i in $(seq "$DOCKERD_START_TIMEOUT_S"); do
  "$DOCKER" version >/dev/null 2>&1 && break
  [ "$i" = "$DOCKERD_START_TIMEOUT_S" ] && { tail -20 "$WORK/dockerd.log"; fail "dockerd did not answer within ${DOCKERD_START_TIMEOUT_S}s"; }
  sleep 1
done

# 3. The Node base image stand-in (no registry here) --------------------------------------------
NODE_BIN=$(readlink -f "$(command -v node)")
NPM_DIR=$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)
NODE_VERSION=$(node -p process.versions.node)
# The tag the Dockerfile builds on by default, so the images are built exactly as elsewhere.
NODE_IMAGE=$(sed -n 's/^ARG NODE_IMAGE=//p' "$REPO_ROOT/docker/Dockerfile")
[ "$NODE_IMAGE" = "node:${NODE_VERSION%%.*}-bookworm-slim" ] ||
  fail "docker/Dockerfile builds on $NODE_IMAGE but the project's node is $NODE_VERSION"
ROOTFS_TAR="$CACHE_DIR/debian-bookworm-minbase.tar"
if [ ! -s "$ROOTFS_TAR" ]; then
  log "debootstrap bookworm (minbase) into the cache, once"
  mkdir -p "$CACHE_DIR"
  debootstrap --variant=minbase bookworm "$WORK/rootfs" "$DEBIAN_MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
    { tail -20 "$WORK/debootstrap.log"; fail "debootstrap"; }
  rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/* "$WORK"/rootfs/usr/share/doc/* "$WORK"/rootfs/usr/share/man/*
  tar -C "$WORK/rootfs" -cf "$ROOTFS_TAR.tmp" . && mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  rm -rf "$WORK/rootfs"
fi
log "making $NODE_IMAGE: Debian bookworm + the project's node $NODE_VERSION and npm"
"$DOCKER" import "$ROOTFS_TAR" mirrormesh-local/debian:bookworm-minbase >/dev/null
mkdir -p "$WORK/node-layer/usr/local/bin" "$WORK/node-layer/usr/local/lib/node_modules"
cp "$NODE_BIN" "$WORK/node-layer/usr/local/bin/node"
cp -a "$NPM_DIR" "$WORK/node-layer/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$WORK/node-layer/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$WORK/node-layer/usr/local/bin/npx"
printf '%s\n' 'FROM mirrormesh-local/debian:bookworm-minbase' 'COPY usr/ /usr/' \
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' 'CMD ["node"]' >"$WORK/node-layer/Dockerfile"
DOCKER_BUILDKIT=1 "$DOCKER" build --quiet -t "$NODE_IMAGE" "$WORK/node-layer" >"$WORK/base-image.log" 2>&1 ||
  { cat "$WORK/base-image.log"; fail "building the base image stand-in"; }
"$DOCKER" run --rm --network none "$NODE_IMAGE" node -e 'process.exit(process.version === "v'"$NODE_VERSION"'" ? 0 : 1)' ||
  fail "the base image stand-in does not run node $NODE_VERSION"
rm -rf "$WORK/node-layer"

# 4. The images -------------------------------------------------------------------------------
# One snapshot of the tree for every build and for compose: edits made while this runs do
# not reach half of the images. The Dockerfile's ignore file keeps build output out.
mkdir -p "$WORK/context"
if [ "${MIRRORMESH_CONTEXT:-worktree}" = head ]; then
  log "snapshotting the last commit (git archive HEAD)"
  git -C "$REPO_ROOT" archive HEAD | tar -C "$WORK/context" -xf -
else
  log "snapshotting the working tree"
  tar -C "$REPO_ROOT" --exclude=./.git --exclude=node_modules --exclude=dist --exclude=.turbo --exclude=.jest \
    --exclude=test-artifacts --exclude=.collector-data -cf - . | tar -C "$WORK/context" -xf -
fi

secret_args=()
[ -s "$CA_BUNDLE" ] && secret_args=(--secret "id=ca_bundle,src=$CA_BUNDLE")
build() { # app [healthcheck url]
  local app=$1 args=(--build-arg "APP=$1" --build-arg "NODE_IMAGE=$NODE_IMAGE")
  [ -n "${2:-}" ] && args+=(--build-arg "HEALTHCHECK_URL=$2")
  DOCKER_BUILDKIT=1 "$DOCKER" build --network host "${secret_args[@]}" "${args[@]}" --progress plain \
    -f "$WORK/context/docker/Dockerfile" -t "mirrormesh/$app:0.1.0" "$WORK/context" >"$WORK/build-$app.log" 2>&1 ||
    { tail -30 "$WORK/build-$app.log"; return 1; }
}
log "building mirrormesh/book-service (the shared install and build stages too)"
build book-service || fail "docker build book-service"
log "building mirrormesh/bookinfo-spa, collector and sidecar"
pids=()
build bookinfo-spa & pids+=($!)
build collector http://127.0.0.1:4480/health/ready & pids+=($!)
build sidecar http://127.0.0.1:15000/health/ready & pids+=($!)
for pid in "${pids[@]}"; do wait "$pid" || fail "docker build (see the log above)"; done
"$DOCKER" images --format '    {{.Repository}}:{{.Tag}} {{.Size}}' | grep mirrormesh/

# 5. The v3-delays scenario, in each sidecar form -------------------------------------------
run_lab() { # form [extra compose arguments]
  local form=$1
  shift
  log "docker-compose up ($SCENARIO, host network, sidecar $form)"
  # docker-compose 1.29 refuses published ports on the host network and an override cannot
  # remove them: resolve the files, then drop `ports` where network_mode is host.
  "${COMPOSE_SOURCES[@]}" "$@" config >"$WORK/compose.resolved.yaml" || fail "docker-compose config"
  node "$REPO_ROOT/apps/deploy/dist/host-network-compose.js" <"$WORK/compose.resolved.yaml" >"$WORK/compose.run.yaml" ||
    fail "rewriting the compose config for the host network"
  COMPOSE_UP=1
  compose up --detach --no-build >"$WORK/compose-up.log" 2>&1 || { cat "$WORK/compose-up.log"; fail "docker-compose up"; }
  for i in $(seq "$READY_TIMEOUT_S"); do
    node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$SPA_URL/health/ready" && break
    [ "$i" = "$READY_TIMEOUT_S" ] && fail "the SPA was not ready on $SPA_URL within ${READY_TIMEOUT_S}s"
    sleep 1
  done
  compose ps
  node -e 'fetch(process.argv[1]).then(async r=>{const t=await r.text();process.exit(r.ok&&/<html/i.test(t)?0:1)},()=>process.exit(1))' "$SPA_URL/" ||
    fail "the SPA did not serve its page on $SPA_URL/"

  log "polling the SPA: $VIEWS views at $RATE/s"
  TARGET_URL=$SPA_URL POLL_VIEWS=$VIEWS POLL_RATE=$RATE node "$WORK/context/docker/poller/poll.mjs" ||
    fail "users saw errors through the SPA (sidecar $form)"

  log "waiting for the collector's summary to show V1 live fast and V3 mirror slow"
  node "$REPO_ROOT/apps/deploy/dist/verify-scenario.js" --collector "$COLLECTOR_QUERY_URL" --scenario "$SCENARIO" --timeout-ms "$VERIFY_TIMEOUT_MS" ||
    fail "the collector's summary does not show the $SCENARIO expectations (sidecar $form)"
}

run_lab in-process

log "tearing the in-process form down: the next run starts from empty collector data"
compose down --volumes --remove-orphans --timeout 15 >"$WORK/compose-down.log" 2>&1 || { cat "$WORK/compose-down.log"; fail "docker-compose down"; }
COMPOSE_UP=0

PROFILE_ARGS=(--profile sidecar)
run_lab standalone "${STANDALONE_SIDECAR_FILES[@]}"
# The copies went through the sidecar, not the SPA: its own stats count them.
# Its live durations (upstream included) tell the sidecar's share of what the poller measured.
node -e 'fetch(process.argv[1]).then(r=>r.json()).then(s=>{const d=s.live.duration;console.log(`    sidecar: ${s.live.total} live (p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms), ${s.mirror.total} mirrored`);process.exit(s.live.total>0&&s.mirror.total>0?0:1)},()=>process.exit(1))' \
  "$SIDECAR_ADMIN_URL/stats" || fail "the standalone sidecar's stats show no mirrored request"
