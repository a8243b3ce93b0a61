# TEST-ONLY stand-in for node:22-bookworm-slim, built by node-base.sh where no
# image registry is reachable. It trusts the build machine's CA bundle (for a
# TLS-intercepting proxy in front of the npm registry): never push it.
ARG DEBIAN_IMAGE=localhost/debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
ARG NODE_VERSION
# rootfs/ holds /usr/local/{bin,include,share,lib/node_modules/npm}, the
# entrypoint and /etc/ssl/certs/host-ca-bundle.crt, laid out by node-base.sh.
COPY rootfs/ /
# The same `node` user (1000:1000, with a home) as the official image.
RUN groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \
 && node --version \
 && npm --version
# No update notice from npm: it is noise in build logs and one more request.
ENV NODE_VERSION=${NODE_VERSION} \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-ca-bundle.crt \
    NPM_CONFIG_UPDATE_NOTIFIER=false
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
