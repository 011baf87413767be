#!/usr/bin/env bash
# Builds one shard of a province's communes: every commune folder communes/<name>/ (with
# content/ and mkdocs.yml, as `cchc init` makes them) whose position in the sorted list,
# counted from 0, gives  position % TOTAL + 1 == INDEX.  Each CI job of a matrix of TOTAL
# jobs runs one shard, so a province builds every commune's section in parallel on the
# runners it has, installing cchc once per job rather than once per commune.
#
#   bash build-communes.sh INDEX TOTAL [OUT]
#
# One `cchc build-communes --strict` builds the shard's communes into OUT/<name>/ (default
# site/): the province catalog is read and checked once (CCHC_DANH_MUC, default danh-muc/,
# when that folder holds danh-muc.yml; else the one each commune's don-vi.yml names), its
# problems printed once, and every commune is checked and built with it, one per core.
# Problems are annotated: CCHC_REPORT=github prints GitHub workflow commands,
# CCHC_REPORT=gitlab writes reports/<name>.json for GitLab's Code Quality. Then cchc
# check-links checks each commune that built. A commune that fails does not stop the
# others; its OUT/<name>/ is removed, so a deploy step publishes only sections that built
# (the failed one stays as it was live).
# Exit status: 0 when every commune of the shard built, 1 otherwise, 2 on bad arguments.
set -uo pipefail

index=${1:-}
total=${2:-}
out=${3:-site}
if ! [[ "$index" =~ ^[1-9][0-9]*$ && "$total" =~ ^[1-9][0-9]*$ ]] || ((index > total)); then
  echo "cách dùng: bash build-communes.sh THỨ_TỰ TỔNG_SỐ [THƯ_MỤC_KẾT_QUẢ]" >&2
  exit 2
fi
report=${CCHC_REPORT:-text}
mkdir -p "$out" reports

mine=()
position=0
for folder in communes/*/; do
  ((position++ % total + 1 == index)) || continue
  if [[ -d "$folder/content" ]]; then
    mine+=("${folder%/}")
  else
    echo "bỏ qua $folder: không có content/" >&2
  fi
done

build=(cchc build-communes --strict --out "$out" --reports reports)
case "$report" in
  github | gitlab) build+=(--format "$report") ;;
esac
catalog=${CCHC_DANH_MUC:-danh-muc}  # used when it is a catalog; else each don-vi.yml's
if [[ -f "$catalog/danh-muc.yml" || -f "$catalog/danh-muc.yaml" ]]; then
  build+=(--danh-muc "$catalog")
fi

started=$SECONDS
built=()
failed=()
summary=""
if ((${#mine[@]})); then
  "${build[@]}" "${mine[@]}"
fi
for folder in "${mine[@]}"; do
  name=$(basename "$folder")
  if [[ -d "$out/$name" ]] && cchc check-links --site "$out/$name"; then
    built+=("$name")
    status="đạt"
  else
    rm -rf "${out:?}/$name"
    failed+=("$name")
    status="KHÔNG ĐẠT"
  fi
  summary+="$(printf '%-28s %-10s' "$name" "$status")"$'\n'
done

if [[ "$report" == gitlab ]]; then  # one Code Quality report for the job
  python3 -c 'import json, sys; print(json.dumps([i for f in sys.argv[1:]
    for i in json.load(open(f, encoding="utf-8"))], ensure_ascii=False))' \
    reports/*.json > gl-code-quality-report.json 2>/dev/null \
    || echo "[]" > gl-code-quality-report.json
fi

echo
echo "Phần $index/$total: ${#built[@]} xã đạt, ${#failed[@]} xã không đạt."
echo "($((SECONDS - started)) giây)"
printf '%s' "$summary"
((${#failed[@]} == 0))
