#!/usr/bin/env bash
# Publishes every built commune section SITE/<name>/ to the web server, each on its own:
# ci/deploy-ssh.sh (the script `cchc init` writes) uploads it to $CCHC_SSH_PATH/<name>/
# and switches that commune's `current` link atomically. A commune missing from SITE (its
# build failed) is not touched: its live section stays as it was.
#
#   bash deploy-communes.sh [SITE]        (default: site)
set -uo pipefail

site=${1:-site}
script=${CCHC_DEPLOY_SCRIPT:-ci/deploy-ssh.sh}
base=${CCHC_SSH_PATH:?chưa đặt biến CCHC_SSH_PATH}
published=0
failed=()
for folder in "$site"/*/; do
  [[ -f "$folder/index.html" ]] || continue
  name=$(basename "$folder")
  if CCHC_SSH_PATH="${base%/}/$name" bash "$script" "$folder"; then
    published=$((published + 1))
  else
    failed+=("$name")
  fi
done
echo "Đã đăng $published xã; không đăng được ${#failed[@]} xã${failed[*]:+: ${failed[*]}}."
((${#failed[@]} == 0))
