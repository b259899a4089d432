# Build stage: compile and package the shaded jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE, the jar, the config and the sample corpus.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/herald.jar /app/herald.jar
COPY config /app/config
COPY corpus /app/corpus
RUN printf '#!/bin/sh\nexec java ${HERALD_JAVA_OPTS:--Xmx1g} -Dherald.home=/app -jar /app/herald.jar "$@"\n' > /usr/local/bin/herald \
    && chmod +x /usr/local/bin/herald
ENV HERALD_DATA=/app/data
VOLUME ["/app/data"]
ENTRYPOINT ["herald"]
CMD ["--help"]
