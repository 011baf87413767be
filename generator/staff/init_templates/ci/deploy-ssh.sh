#!/usr/bin/env bash
# Publishes a built site to the portal's own web server over SSH, atomically.
#
#   bash ci/deploy-ssh.sh SITE_DIR
#
# The web server serves  $CCHC_SSH_PATH/current  (a symbolic link). Each run uploads
# the new site into a fresh  $CCHC_SSH_PATH/releases/<time>-<commit>/  (files that did
# not change are hard links to the live release, so an upload sends only what
# changed), then switches  current  to it with one rename: visitors see the old site
# or the new one, never half of each. A failed upload leaves  current  untouched.
# The last $CCHC_KEEP_RELEASES releases (default 5) are kept, to switch back to.
#
# Settings (CI secrets and variables, see README.md):
#   CCHC_SSH_HOST         server name or address                 (required)
#   CCHC_SSH_USER         account on the server                  (required)
#   CCHC_SSH_PATH         absolute folder on the server          (required)
#   CCHC_SSH_KEY          private key: its text, or a file path  (required, secret)
#   CCHC_SSH_KNOWN_HOSTS  the server's line(s) from ssh-keyscan  (required)
#   CCHC_SSH_PORT         SSH port (default 22)
#   CCHC_KEEP_RELEASES    releases to keep (default 5)
# Remote commands are built here on purpose (SC2029); CCHC_SSH_PATH is checked below.
# shellcheck disable=SC2029
set -euo pipefail

fail() { echo "Lỗi đăng trang: $*" >&2; exit 1; }

site=${1:-}
[[ -n "$site" && -f "$site/index.html" ]] \
  || fail "«${site}» không phải trang web đã dựng (thiếu index.html)."
for name in CCHC_SSH_HOST CCHC_SSH_USER CCHC_SSH_PATH CCHC_SSH_KEY CCHC_SSH_KNOWN_HOSTS; do
  [[ -n "${!name:-}" ]] || fail "chưa đặt biến $name (xem README.md, mục đăng lên máy chủ riêng)."
done
base=${CCHC_SSH_PATH%/}
# The path goes into remote shell commands: allow only plain absolute paths.
[[ "$base" =~ ^/[A-Za-z0-9._/-]+$ ]] \
  || fail "CCHC_SSH_PATH phải là đường dẫn tuyệt đối chỉ gồm chữ không dấu, số, . _ - /, ví dụ /var/www/cchc."
keep=${CCHC_KEEP_RELEASES:-5}
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || fail "CCHC_KEEP_RELEASES phải là số nguyên dương."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -f "$CCHC_SSH_KEY" ]]; then  # GitLab "File" variables hold a path
  cp "$CCHC_SSH_KEY" "$work/key"
else
  printf '%s\n' "$CCHC_SSH_KEY" > "$work/key"
fi
chmod 600 "$work/key"
printf '%s\n' "$CCHC_SSH_KNOWN_HOSTS" > "$work/known_hosts"

ssh_options=(-i "$work/key" -p "${CCHC_SSH_PORT:-22}" -o BatchMode=yes
             -o StrictHostKeyChecking=yes -o "UserKnownHostsFile=$work/known_hosts")
remote="$CCHC_SSH_USER@$CCHC_SSH_HOST"
commit=${GITHUB_SHA:-${CI_COMMIT_SHA:-local}}
release="$(date -u +%Y%m%dT%H%M%SZ)-${commit:0:8}"

echo "Tải trang lên $remote:$base/releases/$release/"
ssh "${ssh_options[@]}" "$remote" "mkdir -p '$base/releases'"
# A CI build writes every file afresh, so modification times always differ: files are
# compared by content (--checksum) and times are not copied (no -t; -rlpD is -a without
# times and owners), so an unchanged file becomes a hard link to the live release's and
# keeps its time, which keeps browsers' cached copies valid.
rsync -rlpD --checksum --delete --link-dest="$base/current/" \
  -e "ssh ${ssh_options[*]@Q}" "$site/" "$remote:$base/releases/$release/"

echo "Chuyển trang đang chạy sang bản mới"
ssh "${ssh_options[@]}" "$remote" "set -e
  cd '$base'
  test -f 'releases/$release/index.html'
  ln -sfn 'releases/$release' current.new
  mv -T current.new current
  ls -1d releases/*/ | sort | head -n -$keep | xargs -r rm -rf --"
echo "Đã đăng: $base/current -> releases/$release"
