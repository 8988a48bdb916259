#!/usr/bin/env bash
# A local Keycloak for the keycloak profile (README "Sign-in: local accounts or Keycloak"), without Docker:
#   scripts/keycloak.sh            # http://127.0.0.1:8180, realm "aftercare" with its demo users (password demo)
# then, in another shell:
#   java -jar backend/target/aftercare.jar --spring.profiles.active=demo,keycloak
# and open http://localhost:8080 (or http://127.0.0.1:8080).
#
# Fetches org.keycloak:keycloak-quarkus-dist (the version in backend/pom.xml) from Maven Central with the
# maven-dependency-plugin into target/keycloak, imports docker/keycloak/aftercare-realm.json and runs
# `kc.sh start-dev` in the foreground (Ctrl-C stops it). Start-up takes about 20 s, the very first one about a
# minute longer (Keycloak builds itself). Development mode only: HTTP, bound to 127.0.0.1.
#
# Settings (environment):
#   KEYCLOAK_PORT=8180                 HTTP port (the app's default issuer is http://127.0.0.1:8180/realms/aftercare)
#   KEYCLOAK_JAVA_HOME=...             Java 21+ for Keycloak (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   KEYCLOAK_DB=dev-file               dev-file keeps users and sessions in target/keycloak between runs (the realm is
#                                      imported only once: delete target/keycloak/*/data/h2 to re-import);
#                                      dev-mem starts from the realm file every time
#   KEYCLOAK_ADMIN / KEYCLOAK_ADMIN_PASSWORD   bootstrap admin of the master realm (default admin / admin), for the
#                                      admin console at http://127.0.0.1:8180/admin
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/backend/pom.xml" | head -1)"
PORT="${KEYCLOAK_PORT:-8180}"
JAVA_HOME_KC="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DB="${KEYCLOAK_DB:-dev-file}"
DIST="$ROOT/target/keycloak"
KC_HOME="$DIST/keycloak-$VERSION"

if [ -z "$VERSION" ]; then
  echo "keycloak.version not found in backend/pom.xml" >&2
  exit 1
fi
if [ ! -x "$JAVA_HOME_KC/bin/java" ]; then
  echo "Keycloak needs Java 21 or newer: set KEYCLOAK_JAVA_HOME (not found: $JAVA_HOME_KC)" >&2
  exit 1
fi

if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
  echo "== fetching Keycloak $VERSION (org.keycloak:keycloak-quarkus-dist) into $DIST"
  mvn -B -q -N -f "$ROOT/pom.xml" dependency:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
    -DoutputDirectory="$DIST" \
    -Dmdep.markersDirectory="$DIST/.markers"
fi

mkdir -p "$KC_HOME/data/import"
cp "$ROOT/docker/keycloak/aftercare-realm.json" "$KC_HOME/data/import/aftercare-realm.json"

echo "== Keycloak $VERSION on http://127.0.0.1:$PORT (realm aftercare, demo users: password demo; admin console: /admin)"
export JAVA_HOME="$JAVA_HOME_KC"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}"
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
exec /bin/bash "$KC_HOME/bin/kc.sh" start-dev \
  --http-host=127.0.0.1 --http-port="$PORT" --http-management-port="$((PORT + 820))" \
  --db="$DB" --import-realm
