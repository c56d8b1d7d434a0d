# syntax=docker/dockerfile:1
# Curator in a container: `docker build -t curator .`, then `docker compose up -d` (compose.yaml) or
# `docker run --env-file .env -v curator-data:/data curator`.

# Build stage: better-sqlite3 is compiled from source (.prebuild-installrc), which needs Python 3, make and g++.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .prebuild-installrc ./
RUN npm ci
COPY . .
# Compiled to dist/ (npm ci's prepare builds it too; this fails the image on a type error): production runs plain
# JavaScript, no TypeScript runtime.
RUN npm run build && npm prune --omit=dev

# Run stage: no compiler, no dev dependencies, not root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
  CURATOR_DB=/data/curator.db \
  METRICS_PORT=9464 \
  METRICS_HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.METRICS_PORT || 9464) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 (exec form, no npm or shell in between): it receives SIGTERM from `docker stop` and finishes
# the replies in flight before it exits.
CMD ["node", "dist/src/main.js"]
