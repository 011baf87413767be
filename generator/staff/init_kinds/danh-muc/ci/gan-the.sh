#!/usr/bin/env bash
# Tags the catalog's version on the commit CI has just checked, unless the tag exists:
#
#   bash ci/gan-the.sh PHIEN_BAN        (the «phien_ban» of danh-muc.yml, e.g. 2026.2)
#
# The tag is v<PHIEN_BAN> (v2026.2); communes pin it as DANH_MUC_REF. A tag that exists is
# never moved: a commune that pinned it keeps exactly what it checked. To publish a change,
# raise «phien_ban». GitHub Actions: pushes the tag with the job's token (contents: write).
# GitLab CI: creates a release with the job token (the Releases API creates the tag).
set -euo pipefail

fail() { echo "Lỗi gắn thẻ: $*" >&2; exit 1; }

version=${1:-}
[[ "$version" =~ ^[0-9A-Za-z][0-9A-Za-z._-]*$ && "$version" != *..* ]] \
  || fail "phien_ban «${version}» chỉ được gồm chữ không dấu, số, dấu . _ -, ví dụ \"2026.2\"."
tag="v$version"

if [[ -n "${GITLAB_CI:-}" ]]; then
  python3 - "$tag" <<'PY'
import json, os, sys, urllib.error, urllib.parse, urllib.request

tag = sys.argv[1]
api = f"{os.environ['CI_API_V4_URL']}/projects/{os.environ['CI_PROJECT_ID']}/releases"
headers = {"JOB-TOKEN": os.environ["CI_JOB_TOKEN"], "Content-Type": "application/json"}
try:
    urllib.request.urlopen(urllib.request.Request(f"{api}/{urllib.parse.quote(tag)}",
                                                  headers=headers))
    print(f"Thẻ {tag} đã có: giữ nguyên.")
    sys.exit(0)
except urllib.error.HTTPError as error:
    if error.code != 404:
        raise
body = {"tag_name": tag, "ref": os.environ["CI_COMMIT_SHA"], "name": f"Danh mục {tag}",
        "description": f"Danh mục thủ tục, phiên bản {tag[1:]}."}
urllib.request.urlopen(urllib.request.Request(api, data=json.dumps(body).encode(),
                                              headers=headers, method="POST"))
print(f"Đã gắn thẻ {tag}.")
PY
else
  if git ls-remote --exit-code --tags origin "refs/tags/$tag" > /dev/null; then
    echo "Thẻ $tag đã có: giữ nguyên."
    exit 0
  fi
  git tag "$tag" "${GITHUB_SHA:-HEAD}"
  git push origin "refs/tags/$tag"
  echo "Đã gắn thẻ $tag."
fi
