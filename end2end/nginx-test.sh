#!/usr/bin/env bash
# Runs deploy/nginx.conf as written, with only its three marked lines pointed at this test run:
# Chromium → nginx (port $1) → demo-api ($2), serving the site from $3. Foreground, for Playwright.
# With --without-brotli as $4: as on a host without the brotli module, its marked line deleted.
set -euo pipefail
port=$1 upstream=$2 site=$3 variant=${4:-}
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
sed -e "s|listen 8080;|listen 127.0.0.1:$port;|" \
    -e "s|root /srv/datachecks-job-viewer;|root $(realpath "$site");|" \
    -e "s|proxy_pass https://datachecks.example.com;|proxy_pass $upstream;|" \
    "$here/../deploy/nginx.conf" > "$work/site.conf"
modules='/etc/nginx/modules-enabled/*.conf'
if [ "$variant" = --without-brotli ]; then
  sed -i '/^ *brotli_static on; *# DELETE if/d' "$work/site.conf"
  ! grep -q "^ *brotli_" "$work/site.conf" || { echo "deploy/nginx.conf's brotli line is not the one marked DELETE" >&2; exit 1; }
  modules=/dev/null
fi
grep -q "listen 127.0.0.1:$port;" "$work/site.conf" && grep -q "proxy_pass $upstream;" "$work/site.conf" \
  || { echo "deploy/nginx.conf no longer has the lines this test rewrites" >&2; exit 1; }
cat > "$work/nginx.conf" <<CONF
# Debian's modules (brotli_static among them), loaded as its stock nginx.conf loads them.
include $modules;
# One process, no workers: when Playwright stops this script, nothing is left holding the port.
master_process off;
worker_processes 1;
pid $work/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $work/site.conf;
}
CONF
exec nginx -c "$work/nginx.conf" -g 'daemon off;'
