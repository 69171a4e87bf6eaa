# Wildscope serving a prebuilt index (docs/DEPLOY.md). Build the index once with `npm run ingest`,
# then mount its folder at /index (read-only is enough): nothing is downloaded or built at run time.
#   docker build -t wildscope .
#   docker run -p 3000:3000 -v /path/to/index:/index:ro wildscope
FROM node:20-bookworm-slim

ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, so a code change does not reinstall them.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY --chown=node:node . .
RUN npx next build

# One server process per core, at most one per 4 GB (WILDSCOPE_PROCESSES overrides); listening on
# every interface of the container.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WILDSCOPE_INDEX=/index
VOLUME /index
EXPOSE 3000

# 200 once the index is open and answering; Node's fetch, as the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node is process 1: SIGTERM (docker stop) reaches scripts/start.ts, which stops every server process.
CMD ["node", "--import", "tsx", "scripts/start.ts"]
