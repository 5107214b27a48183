FROM node:20-bookworm-slim
# Debian's Chromium drives the browser crawler; no browser is downloaded by npm.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-cjk ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY jobs ./jobs
# `npm ci` compiles the CLI into dist/ (the prepare script needs TypeScript); then the dev tools go.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund
COPY selectors ./selectors
COPY web ./web
# HOST stays at its default, 127.0.0.1: a container started by hand answers nobody outside it
# until someone decides otherwise. docker-compose.yml opens it to compose's own network only.
ENV NODE_ENV=production PORT=8080 INDWATCH_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
CMD ["node", "bin/indwatch.js", "start"]
