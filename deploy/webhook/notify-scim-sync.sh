#!/bin/sh
# notify-scim-sync.sh [USER_KEY...]
# Tells `scim-sync serve` that the directory changed: a signed POST /hooks/directory-changed.
# With user keys (entryUUID / objectGUID values as the configuration's users.key), only those
# users are synced (provision on demand); without, every user.
#
#   SCIM_SYNC_URL          default http://127.0.0.1:8088/hooks/directory-changed
#   SCIM_SYNC_SECRET_FILE  default /etc/scim-sync/webhook-secret (one line, e.g. openssl rand -hex 32)
#
# Needs openssl and curl. Note: openssl takes the key as an argument, so it is visible in the
# process list for a moment; run this as a user of its own on a shared host.
# Exit code: 0 accepted (the answer, {"triggerId": N, ...}, is printed), 22 refused by scim-sync.
set -eu

url="${SCIM_SYNC_URL:-http://127.0.0.1:8088/hooks/directory-changed}"
secret_file="${SCIM_SYNC_SECRET_FILE:-/etc/scim-sync/webhook-secret}"

body='{}'
if [ "$#" -gt 0 ]; then
  body='{"users":['
  separator=''
  for key in "$@"; do
    case "$key" in
      *'"'* | *'\'*) echo "notify-scim-sync: a user key must not contain quotes or backslashes" >&2; exit 2 ;;
    esac
    body="$body$separator\"$key\""
    separator=','
  done
  body="$body]}"
fi

timestamp="$(date +%s)"
secret="$(cat "$secret_file")"
signature="$(printf '%s.%s' "$timestamp" "$body" \
  | openssl dgst -sha256 -hmac "$secret" \
  | sed 's/^.*= //')"

exec curl --fail --silent --show-error --max-time 10 \
  -X POST "$url" \
  -H 'Content-Type: application/json' \
  -H "X-Scim-Sync-Timestamp: $timestamp" \
  -H "X-Scim-Sync-Signature: sha256=$signature" \
  --data-binary "$body"
