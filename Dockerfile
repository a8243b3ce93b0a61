# The base image is a build argument so the image can be built from a local
# base where no registry is reachable (see README, "Container").
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json codegen.yml .prettierrc.json ./
COPY schema ./schema
COPY scripts/codegen.ts scripts/generated-files.ts ./scripts/
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
# Owned by root, run as node: the app cannot rewrite its own code.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
# The demo page (GET /): served only when NODE_ENV is not production or DEMO_PAGE=true.
COPY public ./public
USER node
EXPOSE 4000
# No --start-period: the gateway listens within a second, long before the
# first probe at 10 s (and dockerfilelint 1.8 rejects the option: its issue #166).
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs directly (not via npm), so SIGTERM reaches it and graceful shutdown runs.
# The V8 flags are the ones of `npm start` (a test keeps them equal): a smaller
# young generation and slower old-generation growth keep RSS under load near
# 130 MB instead of 200 (BENCHMARKS.md).
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "dist/main.js"]
