#!/bin/bash
# One database and one login role per service, each role owning its database (Flyway creates the schema).
# Runs once, when the postgres container initialises an empty data volume. Development passwords only:
# they equal the role names, as in each service's application.properties and in docker-compose.yml.
set -euo pipefail

for service in ingest catalog reporting; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE ${service} LOGIN PASSWORD '${service}';
CREATE DATABASE ${service} OWNER ${service};
REVOKE ALL ON DATABASE ${service} FROM PUBLIC;
SQL
done
