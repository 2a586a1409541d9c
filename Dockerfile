# syntax=docker/dockerfile:1
# The platform's image: one image for the HTTP server (default command) and the queue workers
# (`node --import tsx bots/worker-main.ts`, see compose.yaml). Three stages: install everything and build the
# web UI and the shipped NLU model; drop the dev dependencies; copy the result into a clean runtime as a
# non-root user. The application folder is read-only at run time; only DATA_DIR (models, embedded data) is written.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# onnxruntime-node (under the optional @huggingface/transformers) would download CUDA providers; the install
# scripts are skipped altogether (the image's npm predates package.json's allowScripts) and nothing needs them:
# esbuild, argon2 and the other native parts ship prebuilt binaries as platform packages.
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# What `npm install` runs in a checkout (bin/prepare.mjs): admin-ui/dist and build/nlu.
RUN node bin/build-ui.mjs && node bin/congdoan.mjs nlu build

FROM build AS prune
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf tests .ci

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/congdoan
WORKDIR /app
COPY --from=prune /app /app
RUN mkdir -p /var/lib/congdoan && chown node:node /var/lib/congdoan
USER node
VOLUME ["/var/lib/congdoan"]
EXPOSE 3000
# Liveness (the slim image has no curl; Node's fetch does it): the server's /healthz on PORT, or, in a worker
# process (`npm run worker`, compose sets WORKER_HEALTH_PORT), the worker's own health port.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_HEALTH_PORT||process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The README's start command (what `npm start` runs), without npm in between so SIGTERM reaches Node and the
# server drains (finishes in-flight requests and jobs) before it exits.
STOPSIGNAL SIGTERM
CMD ["node", "bin/start.mjs"]
