#!/bin/sh
# The pre-commit hook `postmortem-lint` (.pre-commit-hooks.yaml): pre-commit passes the staged
# Markdown files; --only-postmortems lints those that are postmortems and lets a README pass.
# The CLI it runs, first found:
#   1. the project's own, `npm install --save-dev postmortem-lint` (node_modules/.bin), so the
#      hook and CI run the same version;
#   2. `postmortem-lint` on PATH (`npm install -g postmortem-lint`);
#   3. otherwise `npx postmortem-lint@VERSION`, VERSION being this hook repository's, fetched
#      once from the npm registry into npm's cache. Node.js 20 or later is needed either way.
set -eu
if [ -x node_modules/.bin/postmortem-lint ]; then
  exec node_modules/.bin/postmortem-lint --only-postmortems "$@"
fi
if command -v postmortem-lint >/dev/null 2>&1; then
  exec postmortem-lint --only-postmortems "$@"
fi
hook_repo=$(cd "$(dirname "$0")/.." && pwd)
version=$(node -p 'require(process.argv[1]).version' "$hook_repo/package.json")
exec npx --yes "postmortem-lint@$version" --only-postmortems "$@"
