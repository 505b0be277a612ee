# Skillshelf as a container image: `docker build -t skillshelf .`, then see compose.yaml and the
# README ("Running in a container"). Two stages: the first compiles better-sqlite3 and the bundles,
# the second keeps only what runs, as an unprivileged user.

# ── build ──────────────────────────────────────────────────────────────────────────────────────
FROM node:20-bookworm-slim AS build
# better-sqlite3 is compiled from source when no prebuilt binary can be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Dependencies first (a layer reused while only sources change); the build comes with the sources.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3
COPY tsconfig.json ./
COPY scripts ./scripts
COPY bin ./bin
COPY content ./content
COPY src ./src
RUN node scripts/build.mjs \
 && npm prune --omit=dev --no-audit --no-fund

# ── run ────────────────────────────────────────────────────────────────────────────────────────
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_URL=/data/skillshelf.db
WORKDIR /app
# Only what runs: the bundles, production packages, the starter framework and the files the server
# reads at run time (stylesheets, scripts). No TypeScript sources: bin/skillshelf.js then runs the
# build it finds without checking for newer sources.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/scripts/build.mjs ./scripts/build.mjs
COPY --from=build /app/content ./content
COPY --from=build /app/src/ui/assets ./src/ui/assets
COPY --from=build /app/src/editor/assets ./src/editor/assets
# The node image's own unprivileged user; the SQLite database lives in a volume it owns.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Signals reach node directly (exec form, no shell): SIGTERM shuts down gracefully. Without the
# sources, bin/skillshelf.js runs dist/cli.js as it is (no staleness check, no build).
# --max-semi-space-size=4: the young generation's semi-spaces stay at 4 MB instead of growing to
# 16 MB, as with `npm start` (decision 039, addendum 2: the server's memory at rest). Change it here.
CMD ["node", "--max-semi-space-size=4", "bin/skillshelf.js", "serve"]
