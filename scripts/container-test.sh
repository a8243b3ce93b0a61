#!/usr/bin/env bash
# The container, built and run for real (`npm run test:container`; .ci/run runs
# it after `npm test`). No image registry is needed:
#
#   1. engine: Debian's podman (+ runc, slirp4netns, mmdebstrap), installed when
#      missing and configured through a private containers.conf (nothing in /etc);
#   2. base:   localhost/node-base:<NODE_VERSION>, a test-only stand-in for
#      node:22-bookworm-slim, built by scripts/container/node-base.sh when missing;
#   3. image:  the project's Dockerfile, unchanged, with --build-arg NODE_IMAGE=<base>;
#   4. checks: runs as non-root, holds compiled output + production dependencies
#      only, has a HEALTHCHECK; run with --read-only (no tmpfs) and a key, against
#      the demo upstream on the host's loopback: the HEALTHCHECK reports healthy,
#      the probes and `phoneNumbers` answer through the published port
#      (127.0.0.1 only), the key never reaches the logs, SIGTERM stops it with
#      exit 0 within the grace period.
#
# Needs root and Debian 12's packages. Without them it says so loudly and skips
# (exit 0); CONTAINER_TEST_REQUIRED=1 turns that skip into a failure. The last
# line is a summary: `container: 1 passed, 0 failed` (or failed / skipped).
#
# Env: NODE_VERSION / NPM_VERSION (the base image's, pinned for reproducible CI),
#      APP_IMAGE (tag of the built image).
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=${NODE_VERSION:-22.23.5}
NPM_VERSION=${NPM_VERSION:-10.9.9}
# The tag names the recipe's content too, so an edited recipe builds a new base.
BASE_RECIPE=$(cat scripts/container/node-base.sh scripts/container/node-base.Dockerfile \
  scripts/container/docker-entrypoint.sh | sha256sum | cut -c1-12)
BASE_IMAGE=localhost/node-base:$NODE_VERSION-$BASE_RECIPE
APP_IMAGE=${APP_IMAGE:-localhost/phone-numbers-gateway:test}
CONTAINER=pngw-container-test-$$
APP_PORT=4000                # the image's EXPOSE / PORT
STOP_GRACE_SECONDS=10        # docker's and podman's default
HEALTHY_WITHIN_SECONDS=60
# slirp4netns gives the container the host's loopback as 10.0.2.2, so the
# upstream listens on 127.0.0.1 only; `-p` still publishes the gateway's port.
NETWORK=slirp4netns:allow_host_loopback=true
HOST_LOOPBACK_FROM_CONTAINER=10.0.2.2
TSX=(node --import tsx)

T0=$SECONDS
WORK=
UPSTREAM_PID=
CONTAINER_CREATED=
MOUNTED_IMAGE=
OUTCOME=failed
SKIP_REASON=

phase() { printf '\n== container [%3d s] %s\n' $((SECONDS - T0)) "$*"; }
fail() {
  echo "container: FAIL: $*" >&2
  exit 1
}
skip() {
  OUTCOME=skipped
  SKIP_REASON=$*
  exit 0
}
# podman logs an error for every HEALTHCHECK timer it cannot hand to systemd
# (there is none here); `podman healthcheck run` works regardless. Hide that noise.
pm() { podman "$@" 2> >(grep -v 'systemd connection' >&2); }
# Milliseconds since the epoch, for sub-second durations.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

finish() {
  local status=$?
  set +e
  [ -n "$MOUNTED_IMAGE" ] && podman image unmount "$MOUNTED_IMAGE" >/dev/null 2>&1
  [ -n "$CONTAINER_CREATED" ] && podman rm -f -t 0 "$CONTAINER" >/dev/null 2>&1
  if [ -n "$UPSTREAM_PID" ]; then
    kill -TERM "$UPSTREAM_PID" 2>/dev/null
    wait "$UPSTREAM_PID" 2>/dev/null
  fi
  [ -n "$WORK" ] && rm -rf "$WORK"
  case $OUTCOME in
    passed) echo "container: 1 passed, 0 failed" ;;
    skipped)
      printf '\n%s\n!! SKIPPED: the container was NOT built or run: %s\n%s\n' \
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' "$SKIP_REASON" \
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!'
      if [ "${CONTAINER_TEST_REQUIRED:-0}" = 1 ]; then
        echo "container: 0 passed, 1 failed (skipped, but CONTAINER_TEST_REQUIRED=1)"
        status=1
      else
        echo "container: 0 passed, 0 failed, 1 skipped"
      fi
      ;;
    *)
      echo "container: 0 passed, 1 failed"
      [ "$status" = 0 ] && status=1
      ;;
  esac
  exit "$status"
}
trap finish EXIT

require_machine() {
  [ "$(uname -s)" = Linux ] || skip "needs Linux (found $(uname -s))"
  [ "$(id -u)" = 0 ] || skip "needs root (rootful podman and mmdebstrap); CI runs as root"
  command -v apt-get >/dev/null || skip "needs Debian's packages (podman, runc, slirp4netns, mmdebstrap): no apt-get here"
  local codename
  # shellcheck disable=SC1091
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ "$codename" = bookworm ] || skip "made for Debian 12 (bookworm) and its podman 4.3; this machine is '${codename:-unknown}'"
}

install_engine() {
  local missing=() command
  for command in podman runc slirp4netns mmdebstrap; do
    command -v "$command" >/dev/null || missing+=("$command")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing from Debian: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$WORK/apt.log" 2>&1; then
    tail -n 20 "$WORK/apt.log"
    skip "could not install ${missing[*]} from Debian's repositories (see above)"
  fi
}

# Debian 12's podman runs crun, which refuses this kind of kernel's hybrid
# cgroup layout, and asks for rlimits above the hard limits (root lacks
# CAP_SYS_RESOURCE here): runc, cgroupfs (no systemd) and ulimits at or below
# the hard limits; podman caps its own nproc at 32768.
configure_podman() {
  local nofile nproc
  nofile=$(ulimit -Hn)
  nproc=$(ulimit -Hu)
  [ "$nofile" = unlimited ] && nofile=1048576
  if [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; then nproc=32768; fi
  cat >"$WORK/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  export CONTAINERS_CONF=$WORK/containers.conf
  podman info >/dev/null
}

image_size_mb() { echo $(($(podman image inspect --format '{{.Size}}' "$1") / 1000000)); }

check_image() {
  local user healthcheck rootfs
  user=$(podman image inspect --format '{{.Config.User}}' "$APP_IMAGE")
  case $user in "" | 0 | 0:* | root | root:*) fail "the image runs as root (USER '${user}')" ;; esac
  healthcheck=$(podman image inspect --format '{{json .HealthCheck}}' "$APP_IMAGE")
  [[ $healthcheck == *'"Test"'* ]] || fail "the image has no HEALTHCHECK"
  echo "image: USER $user, HEALTHCHECK present"
  rootfs=$(podman image mount "$APP_IMAGE")
  MOUNTED_IMAGE=$APP_IMAGE
  "${TSX[@]}" scripts/container/check-image-contents.ts "$rootfs"
  podman image unmount "$APP_IMAGE" >/dev/null
  MOUNTED_IMAGE=
}

start_upstream() {
  DEMO_UPSTREAM_API_KEY="sk_car_ctest_$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
  export DEMO_UPSTREAM_API_KEY
  "${TSX[@]}" scripts/demo-upstream.ts >"$WORK/upstream.log" 2>&1 &
  UPSTREAM_PID=$!
  local deadline=$((SECONDS + 30))
  until grep -q '"url"' "$WORK/upstream.log"; do
    kill -0 "$UPSTREAM_PID" 2>/dev/null || { cat "$WORK/upstream.log"; fail "the demo upstream did not start"; }
    [ $SECONDS -lt $deadline ] || fail "the demo upstream printed no URL within 30 s"
    sleep 0.2
  done
  UPSTREAM_URL=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$WORK/upstream.log")
  echo "demo upstream: $UPSTREAM_URL (reached from the container as $HOST_LOOPBACK_FROM_CONTAINER)"
}

require_running() {
  [ "$(podman inspect --format '{{.State.Running}}' "$CONTAINER")" = true ] && return 0
  podman logs "$CONTAINER" 2>&1 | tail -n 20
  fail "the container exited $1 (exit code $(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER"))"
}

run_container() {
  # --read-only without podman's default tmpfs mounts (/tmp, /var/tmp, /run):
  # the gateway writes nothing, so it gets none.
  CONTAINER_CREATED=1
  CARTESIA_API_KEY=$DEMO_UPSTREAM_API_KEY pm run --detach --name "$CONTAINER" \
    --read-only --read-only-tmpfs=false \
    --network "$NETWORK" --publish "127.0.0.1::$APP_PORT" \
    --env CARTESIA_API_KEY \
    --env "CARTESIA_BASE_URL=http://$HOST_LOOPBACK_FROM_CONTAINER:${UPSTREAM_URL##*:}" \
    "$APP_IMAGE" >/dev/null
  require_running "right after it started"
  GATEWAY_URL="http://$(podman port "$CONTAINER" "$APP_PORT/tcp")"
  [[ $GATEWAY_URL == http://127.0.0.1:* ]] || fail "port $APP_PORT is published on $GATEWAY_URL, not on 127.0.0.1"
  echo "published: $GATEWAY_URL -> container port $APP_PORT"
}

# Runs the image's own HEALTHCHECK (podman cannot schedule it without systemd)
# until it passes, as an orchestrator would.
wait_until_healthy() {
  local deadline=$((SECONDS + HEALTHY_WITHIN_SECONDS)) status
  until pm healthcheck run "$CONTAINER" >/dev/null; do
    require_running "before its HEALTHCHECK passed"
    [ $SECONDS -lt $deadline ] || { podman logs "$CONTAINER"; fail "not healthy within ${HEALTHY_WITHIN_SECONDS} s"; }
    sleep 1
  done
  status=$(podman inspect --format '{{.State.Health.Status}}' "$CONTAINER")
  [ "$status" = healthy ] || fail "HEALTHCHECK passed but the status is '$status'"
  echo "HEALTHCHECK: $status"
}

check_running_container() {
  local pid uid
  pid=$(podman inspect --format '{{.State.Pid}}' "$CONTAINER")
  uid=$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")
  [ "$uid" != 0 ] || fail "the gateway process runs as root"
  echo "process: uid $uid ($(podman exec "$CONTAINER" id -un)), not root"
  [ "$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$CONTAINER")" = true ] ||
    fail "the root filesystem is not read-only"
  if podman exec "$CONTAINER" touch /tmp/write-probe 2>/dev/null; then fail "the root filesystem took a write to /tmp"; fi
  echo "root filesystem: read-only, no tmpfs (a write to /tmp is refused)"
  "${TSX[@]}" scripts/container/check-gateway.ts "$GATEWAY_URL" "$UPSTREAM_URL"
  if podman logs "$CONTAINER" 2>&1 | grep -qF "$DEMO_UPSTREAM_API_KEY"; then fail "the API key is in the container's logs"; fi
  echo "logs: the API key appears nowhere"
}

stop_container() {
  local started took code
  started=$(now_ms)
  pm stop --time "$STOP_GRACE_SECONDS" "$CONTAINER" >/dev/null
  took=$(($(now_ms) - started))
  code=$(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER")
  if [ "$code" != 0 ]; then
    podman logs "$CONTAINER" | tail -n 20
    fail "exit code $code on SIGTERM (137: killed after the ${STOP_GRACE_SECONDS} s grace period)"
  fi
  echo "SIGTERM: exit 0 after ${took} ms (grace period ${STOP_GRACE_SECONDS} s)"
  pm rm "$CONTAINER" >/dev/null
  CONTAINER_CREATED=
}

phase "machine and engine"
require_machine
[ -d node_modules/tsx ] || fail "no node_modules: run npm ci first (the checks run with tsx)"
WORK=$(mktemp -d /tmp/container-test.XXXXXX)
install_engine
configure_podman
echo "$(podman --version), runtime $(podman info --format '{{.Host.OCIRuntime.Name}}')"

if podman image exists "$BASE_IMAGE"; then
  phase "base image $BASE_IMAGE: present, reused"
else
  phase "base image $BASE_IMAGE: missing, building it"
  NODE_VERSION=$NODE_VERSION NPM_VERSION=$NPM_VERSION bash scripts/container/node-base.sh "$BASE_IMAGE"
fi

phase "build $APP_IMAGE from the Dockerfile (NODE_IMAGE=$BASE_IMAGE)"
# --format docker: the OCI format has no HEALTHCHECK and podman would drop it.
pm build --format docker --build-arg "NODE_IMAGE=$BASE_IMAGE" -t "$APP_IMAGE" .

phase "check the image"
check_image

phase "run it read-only against the demo upstream"
start_upstream
run_container
wait_until_healthy
check_running_container

phase "stop it with SIGTERM"
stop_container

phase "done"
echo "image size: $APP_IMAGE $(image_size_mb "$APP_IMAGE") MB (base $BASE_IMAGE $(image_size_mb "$BASE_IMAGE") MB)"
OUTCOME=passed
