# Tessera in a container, built from this repository's own files: docker build -t tessera .
# Run: docker run -p 8080:8080 -v tessera-data:/data tessera
# First start of a new volume: docker run --rm -it -v tessera-data:/data tessera init
# PostgreSQL instead of SQLite: add -e DATABASE_URL=postgres://user:password@host:5432/tessera

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary matches the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY bin ./bin
COPY web ./web
# npm ci builds dist/ (the prepare script); the development dependencies are dropped afterwards.
RUN npm ci && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 TESSERA_DATA=/data LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY LICENSE ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s \
  CMD node -e "fetch('http://127.0.0.1:8080/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node", "bin/tessera.js"]
CMD ["serve"]
