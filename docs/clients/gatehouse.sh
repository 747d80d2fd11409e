#!/usr/bin/env bash
# Gatehouse with curl and jq: log in, create and read a company, use an Auth Key, revoke it, log out.
#   GATEHOUSE_URL=http://localhost:8080 GATEHOUSE_LOGIN=admin GATEHOUSE_PASSWORD=... GATEHOUSE_COMPANY=acme ./gatehouse.sh
set -euo pipefail
: "${GATEHOUSE_URL:?}" "${GATEHOUSE_LOGIN:?}" "${GATEHOUSE_PASSWORD:?}"
company=${GATEHOUSE_COMPANY:-acme}
secrets=$(mktemp -d)   # the cookie jar and the key header: secrets stay off command lines (ps shows those)
trap 'rm -rf "$secrets"' EXIT

# post PATH [CURL OPTION...]: sends the JSON on stdin, prints the reply; fails unless it is a success
# (curl names the HTTP status, jq Gatehouse's failure code and message).
post() {
  local path=$1; shift
  curl -sS --fail-with-body -H 'Content-Type: application/json' --data-binary @- "$@" "$GATEHOUSE_URL$path" |
    jq -e 'if .result == "success" then . else error("failure \(.code) \(.message)") end'
}

# Log in with the auth block; -c keeps the Red60urne cookie in the jar, -b sends it back.
user=$(jq -n '{auth: {type: "auth", username: env.GATEHOUSE_LOGIN, password: env.GATEHOUSE_PASSWORD}}' |
  post /rest/auth/ -c "$secrets/cookies" | jq -c '.user | {id, login}')
user_id=$(jq -r .id <<<"$user")
echo "logged in as $(jq -r .login <<<"$user") (user $user_id)"

# A management call: create a company (values.company is its id), then read it back.
jq -n --arg c "$company" '{values: {company: $c, name: "Example company"}}' |
  post /rest/ops/create/company -b "$secrets/cookies" | jq -r --arg c "$company" '"created company \($c): id \(.values[$c].id)"'
jq -n --arg c "$company" '{scope: {company: $c}}' |
  post /rest/ops/read/company -b "$secrets/cookies" | jq -r --arg c "$company" '"read company \($c): \(.values[$c].name)"'

# An Auth Key for this user: the reply is the only time the key is shown. Then a call with the key alone.
key=$(jq -n --argjson id "$user_id" '{values: {contact_id: $id}}' | post /rest/ops/create/authinfo -b "$secrets/cookies")
key_id=$(jq -r '.values[0].id' <<<"$key")
jq -r '"Authorization: token auth=\(.values[0].token)"' <<<"$key" >"$secrets/key"
echo "made Auth Key $key_id"
echo '{}' | post /rest/auth/ -H @"$secrets/key" | jq -r '"the key acts as \(.user.login)"'

# Revoke the key and end the session.
jq -n --argjson id "$key_id" '{scope: {id: $id}}' | post /rest/ops/delete/authinfo -b "$secrets/cookies" >/dev/null
echo "revoked Auth Key $key_id"
echo '{"auth": {"type": "auth"}}' | post /rest/auth/logout -b "$secrets/cookies" >/dev/null
echo "logged out"
