#!/usr/bin/env bash
# Fetches the province's procedure catalog at the version this commune pins, into a folder
# of this repository (default danh-muc/, where content/don-vi.yml's «danh_muc» points):
#
#   bash ci/lay-danh-muc.sh [FOLDER]
#
# The address and version come from ci/danh-muc.env (DANH_MUC_REPO, DANH_MUC_REF: a tag such
# as v2026.2, a branch, or a commit); CI variables of the same names override the file (a
# private catalog: DANH_MUC_REPO as a secret holding a read-only token in the address).
# Only that one commit is fetched (depth 1). A failed fetch leaves the folder as it was.
set -euo pipefail

fail() { echo "Lỗi lấy danh mục: $*" >&2; exit 1; }

folder=${1:-danh-muc}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=${DANH_MUC_REPO:-}
ref=${DANH_MUC_REF:-}
if [[ -f "$here/danh-muc.env" ]]; then
  while IFS='=' read -r name value; do
    case "$name" in
      DANH_MUC_REPO) repo=${repo:-$value} ;;
      DANH_MUC_REF) ref=${ref:-$value} ;;
    esac
  done < <(grep -E '^(DANH_MUC_REPO|DANH_MUC_REF)=' "$here/danh-muc.env")
fi
[[ -n "$repo" ]] \
  || fail "chưa ghi địa chỉ kho danh mục: sửa dòng DANH_MUC_REPO= trong ci/danh-muc.env."
[[ -n "$ref" ]] || fail "chưa ghi phiên bản danh mục: sửa dòng DANH_MUC_REF= trong ci/danh-muc.env."
[[ "$ref" =~ ^[0-9A-Za-z][0-9A-Za-z._/-]*$ ]] \
  || fail "DANH_MUC_REF «$ref» không phải tên thẻ, nhánh hay mã commit."

work=$(mktemp -d "${folder%/}.tmp.XXXXXX")
trap 'rm -rf "$work"' EXIT
git init -q "$work"
git -C "$work" fetch -q --depth 1 "$repo" "$ref" \
  || fail "không lấy được phiên bản «$ref» của kho danh mục (kiểm tra DANH_MUC_REPO, DANH_MUC_REF)."
git -C "$work" -c advice.detachedHead=false checkout -q FETCH_HEAD
[[ -f "$work/danh-muc.yml" ]] || fail "kho «$ref» không có danh-muc.yml: đó không phải kho danh mục."
rm -rf "$folder"
mv "$work" "$folder"
trap - EXIT
echo "Danh mục: phiên bản $ref ($(git -C "$folder" rev-parse --short HEAD)) trong $folder/"
