#!/bin/sh
# The official node image's entrypoint behaviour: when the first argument is an
# option or not a command, run it with node (so `image --version` works).
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
