# syntax=docker/dockerfile:1
# Four stages from one pinned base: production dependencies, the server's build (which needs esbuild alone), the
# web bundles, and the runtime, which holds only their output.
ARG NODE_IMAGE=node:20.19.5-bookworm-slim

# Production dependencies only: no test tools, updater clients or type packages.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# The build transpiles src/ file by file (scripts/build.mjs) and needs only esbuild (its prebuilt binary comes as an
# optional dependency, no install script), installed at the version package-lock.json pins.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package-lock.json /tmp/package-lock.json
RUN npm install --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
      "esbuild@$(node -p "require('/tmp/package-lock.json').packages['node_modules/esbuild'].version")"
COPY tsconfig.json ./
COPY scripts/build.mjs ./scripts/
COPY src ./src
RUN node scripts/build.mjs

# The console and the public page (scripts/build-web.mjs): esbuild and the libraries the bundles compile in, at the
# versions package-lock.json pins, no install scripts.
FROM ${NODE_IMAGE} AS web
WORKDIR /app
COPY package-lock.json /tmp/package-lock.json
RUN npm install --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
      $(node -p "['esbuild', 'preact', 'openapi-fetch'].map((p) => p + '@' + require('/tmp/package-lock.json').packages['node_modules/' + p].version).join(' ')")
COPY scripts/build-web.mjs ./scripts/
COPY web ./web
COPY packages/client ./packages/client
COPY src/core/feeds/feed-urls.ts ./src/core/feeds/
RUN node scripts/build-web.mjs

# Runtime: production dependencies, the compiled server and the web bundles only, as an unprivileged user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=9000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=web /app/dist-web ./dist-web
# The command line's typed client, which dist/cli/api.js imports by its path (its package.json says it is ESM).
COPY packages/client/package.json packages/client/index.js ./packages/client/
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||9000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js", "serve"]
