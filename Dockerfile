# Build stage: compile and package the shaded jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE, the jar, the config and the sample corpus, run by an unprivileged user.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/herald.jar /app/herald.jar
COPY config /app/config
COPY corpus /app/corpus
COPY docker/herald-ready /usr/local/bin/herald-ready
RUN printf '#!/bin/sh\nexec java ${HERALD_JAVA_OPTS:--Xmx1g} -Dherald.home=/app -jar /app/herald.jar "$@"\n' > /usr/local/bin/herald \
    && chmod 755 /usr/local/bin/herald /usr/local/bin/herald-ready \
    && useradd --system --uid 10001 --user-group --create-home --home-dir /home/herald --shell /usr/sbin/nologin herald \
    && mkdir -p /app/data && chown herald:herald /app/data
ENV HERALD_DATA=/app/data
# The admin port of `herald bot`: /metrics, /healthz and /readyz (see docs/OPERATIONS.md). Publish it only
# to the monitoring network. Other commands do not open it.
ENV HERALD_ADMIN_PORT=9090
EXPOSE 9090
VOLUME ["/app/data"]
USER herald
# Bot mode only: ready means index searchable, state database reachable, Bot API reached at the last request.
# The first start indexes the sample corpus before the port opens, hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD ["/usr/local/bin/herald-ready"]
ENTRYPOINT ["herald"]
CMD ["--help"]
