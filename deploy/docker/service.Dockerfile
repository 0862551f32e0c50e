# One image recipe for every Repitbot service. Build from the repository root:
#
#   docker build -f deploy/docker/service.Dockerfile \
#     --build-arg SERVICE_DIR=notification --build-arg PROJECT=Repitbot.Notification \
#     --build-arg PORT=8006 --build-arg EXTRA_PACKAGES="fonts-dejavu-core libfontconfig1" \
#     -t repitbot/notification .
#
# docker-compose.microservices.yml passes these arguments for all four services.
#   SERVICE_DIR     folder under services/ (gateway, bot-gateway, notification, analytics)
#   PROJECT         project and assembly name (Repitbot.Notification -> Repitbot.Notification.dll)
#   PORT            the port the service listens on, exposes and health-checks
#   EXTRA_PACKAGES  apt packages the runtime needs besides wget (fonts for PDF reports, ...)

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG SERVICE_DIR
ARG PROJECT
WORKDIR /src

# Restore from the project files alone, so that this layer (and the packages it downloads) is reused
# until a project file or a package version changes. Every service references exactly the two shared
# projects below: a service that gains another project reference needs one more line here.
# nuget.confi[g] matches nothing today; it picks up a nuget.config if the repository ever gets one.
COPY global.json Directory.Build.props Directory.Packages.props nuget.confi[g] ./
COPY shared/Repitbot.Contracts/Repitbot.Contracts.csproj shared/Repitbot.Contracts/
COPY shared/Repitbot.Hosting/Repitbot.Hosting.csproj shared/Repitbot.Hosting/
COPY services/${SERVICE_DIR}/${PROJECT}.csproj services/${SERVICE_DIR}/
RUN dotnet restore services/${SERVICE_DIR}/${PROJECT}.csproj

# Only this service's sources: a change in another service does not rebuild this image.
# .editorconfig matters: analyzers run with warnings as errors, exactly as in a local build.
COPY .editorconfig ./
COPY shared/ shared/
COPY services/${SERVICE_DIR}/ services/${SERVICE_DIR}/
RUN dotnet publish services/${SERVICE_DIR}/${PROJECT}.csproj -c Release -o /app --no-restore \
        -p:UseAppHost=false

# The .NET 10 aspnet image is Ubuntu 24.04 and runs as root unless told otherwise.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
ARG PROJECT
ARG PORT
ARG EXTRA_PACKAGES=""

# wget is there only for HEALTHCHECK (the image has neither curl nor wget; wget brings fewer libraries
# than curl). /var/lib/repitbot is the service's writable data folder (the gateway keeps its signing
# key there); a named volume mounted on it starts out owned by the app user.
RUN apt-get update \
    && apt-get install -y --no-install-recommends wget ${EXTRA_PACKAGES} \
    && rm -rf /var/lib/apt/lists/* \
    && install -d -o "$APP_UID" -g "$APP_UID" -m 0750 /var/lib/repitbot

WORKDIR /app
COPY --from=build /app ./

# ASPNETCORE_HTTP_PORTS is emptied so that Kestrel binds only ASPNETCORE_URLS, without a warning.
ENV ASPNETCORE_URLS=http://+:${PORT} \
    ASPNETCORE_HTTP_PORTS= \
    SERVICE_PORT=${PORT} \
    SERVICE_ASSEMBLY=${PROJECT}.dll \
    DOTNET_NOLOGO=1 \
    MASSTRANSIT_USAGE_TELEMETRY=false
EXPOSE ${PORT}

# The aspnet image's non-root user (uid 1654).
USER $APP_UID

# Liveness: the process serves. Not /health/ready, which also checks PostgreSQL, RabbitMQ and Redis:
# a broker outage would mark every container unhealthy. Settings are validated, dependencies probed
# and migrations applied before the port opens, hence the start period. Shell form, so $SERVICE_PORT is expanded when the check runs.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD wget -q --tries=1 -T 2 -O /dev/null "http://127.0.0.1:${SERVICE_PORT}/health/live" || exit 1

# exec: dotnet becomes PID 1 and receives SIGTERM directly for a graceful shutdown.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$SERVICE_ASSEMBLY\" \"$@\"", "--"]
