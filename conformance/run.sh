# Started by the federation-gateway-audit as `sh ./run.sh <suite-id>` from this directory (POSIX sh, no bashisms).
# Fetches the suite's supergraph (retrying: the audit answers 404 until the suite's routes exist), then runs
# lgsp-gateway in the foreground with exec, so the process holding port 4000 is the one the audit stops.
curl -fsS --retry 30 --retry-delay 0 --retry-max-time 15 --retry-all-errors \
  "http://localhost:4200/$1/supergraph" -o supergraph.graphql || exit 1
exec node ../gateway/dist/bin.js --supergraph ./supergraph.graphql --port 4000 --host 127.0.0.1 --config ./gateway.config.json
