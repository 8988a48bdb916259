#!/usr/bin/env bash
# Regenerates the frontend's API types from the server: writes frontend/src/api/openapi.json from /v3/api-docs
# (ApiDocsInSyncTest in update mode) and then frontend/src/api/schema.d.ts from it (openapi-typescript).
# Extra arguments go to Maven (e.g. -o offline). Run after changing an endpoint or a JSON shape; commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q "$@" -pl backend -am -Dskip.npm test -Dtest=ApiDocsInSyncTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dapi.docs.update=true
(cd frontend && npm run --silent api:types)
