#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test when it is missing (CI starts on a fresh machine).
set -eu
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing chromium for the browser test..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; the browser test will fail under CI=true"
else
  echo "warning: /usr/bin/chromium is missing and cannot be installed here"
fi
