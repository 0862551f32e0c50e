# Bot gateway (Repitbot.BotGateway), port 8000. Build from the repository root:
#
#   docker build -f deploy/docker/bot-gateway.Dockerfile -t repitbot/bot-gateway .
#
# (docker-compose.microservices.yml does this.) The four service Dockerfiles have the same shape and
# differ only in the values marked "service-specific"; deploy/validate-compose.sh checks that each
# builds the project it names.
#
# Run it: `docker run ... repitbot/bot-gateway` serves; `docker run ... repitbot/bot-gateway migrate` applies
# the service's database migrations and exits (see docs/operations/database.md).

ARG DOTNET_VERSION=10.0

# ---------------------------------------------------------------- build: SDK, restore, publish
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src

# Restore from the project files alone, so that this layer (and the packages it downloads) is reused
# until a project file or a package version changes. nuget.confi[g] matches nothing today; it picks
# up a nuget.config if the repository ever gets one.
COPY global.json Directory.Build.props Directory.Packages.props nuget.confi[g] ./
COPY shared/Repitbot.Contracts/Repitbot.Contracts.csproj shared/Repitbot.Contracts/
COPY shared/Repitbot.Hosting/Repitbot.Hosting.csproj shared/Repitbot.Hosting/
# service-specific
COPY services/bot-gateway/Repitbot.BotGateway.csproj services/bot-gateway/
RUN dotnet restore services/bot-gateway/Repitbot.BotGateway.csproj

# Only this service's sources: a change in another service does not rebuild this image.
# .editorconfig matters: analyzers run with warnings as errors, exactly as in a local build.
COPY .editorconfig ./
COPY shared/ shared/
# service-specific
COPY services/bot-gateway/ services/bot-gateway/
RUN dotnet publish services/bot-gateway/Repitbot.BotGateway.csproj -c Release -o /app --no-restore \
        -p:UseAppHost=false -p:DebugType=none

# ---------------------------------------------------------------- runtime: ASP.NET Core only
# The aspnet image (Ubuntu 24.04) already has ICU (Russian dates and numbers) and tzdata (tutors'
# time zones). No SDK, no sources, no package lists: only the published output.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime

# wget is there only for HEALTHCHECK (the image has neither curl nor wget; wget brings fewer libraries
# than curl). /var/lib/repitbot is the service's writable data folder; a named
# volume mounted on it starts out owned by the app user.
RUN apt-get update \
    && apt-get install -y --no-install-recommends wget \
    && rm -rf /var/lib/apt/lists/* \
    && install -d -o "$APP_UID" -g "$APP_UID" -m 0750 /var/lib/repitbot

WORKDIR /app
COPY --from=build /app ./

# ASPNETCORE_HTTP_PORTS is emptied so that Kestrel binds only ASPNETCORE_URLS, without a warning.
# service-specific: the port
ENV ASPNETCORE_URLS=http://+:8000 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1 \
    MASSTRANSIT_USAGE_TELEMETRY=false
EXPOSE 8000

# The aspnet image's non-root user (uid 1654); nothing in /app is writable by it.
USER $APP_UID

# Liveness: the process serves. Not /health/ready, which also checks PostgreSQL, RabbitMQ and Redis:
# a broker outage would mark every container unhealthy and get them all restarted. Settings are
# validated, dependencies probed and migrations applied before the port opens, hence the start period.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["wget", "-q", "--tries=1", "-T", "2", "-O", "/dev/null", "http://127.0.0.1:8000/health/live"]

# dotnet is PID 1 and receives SIGTERM directly for a graceful shutdown; arguments given to
# `docker run IMAGE ...` (e.g. migrate) reach the service.
ENTRYPOINT ["dotnet", "Repitbot.BotGateway.dll"]
