#!/usr/bin/env bash
# Build and serve the app with live reload: http://127.0.0.1:8080/
# Extra arguments go to `trunk serve` (e.g. --release, --port 9000).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh --build
exec trunk serve --offline "$@"
