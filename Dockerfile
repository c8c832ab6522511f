# Vigil in a container: `vigil serve` (API, dashboard, hourly scheduler) as a non-root user, state in /data.
# Build:  docker build -t vigil .
# Run:    docker run -d -p 5000:5000 -v vigil-data:/data -v $PWD/config/config.ini:/config/config.ini:ro \
#           -e VIGIL_API__API_KEY="$(openssl rand -base64 32)" vigil
# Inside a container the API listens on 0.0.0.0; the key (16+ characters) comes from VIGIL_API__API_KEY, or serve
# generates one into /data/api-key and prints it once.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# The same command .ci/run runs, so CI proves this stage builds.
RUN dotnet publish src/Vigil.Cli -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system vigil && useradd --system --gid vigil --home-dir /data --shell /usr/sbin/nologin vigil \
    && mkdir -p /data /config && chown vigil:vigil /data
WORKDIR /data
COPY --from=build /app /app
COPY config/config.ini /config/config.ini
ENV VIGIL_API__LISTEN=http://0.0.0.0:5000 \
    VIGIL_VIGIL__DATA_DIR=/data \
    VIGIL_VIGIL__MODELS_DIR=/data/models \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME ["/data"]
EXPOSE 5000
USER vigil
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD curl -fsS http://127.0.0.1:5000/health || exit 1
ENTRYPOINT ["/app/vigil", "serve", "--config", "/config/config.ini"]
