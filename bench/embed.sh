#!/usr/bin/env bash
# Embedding benchmark (DESIGN.md section 6): title, description and 50 keywords written into N
# real JPEGs by TagMyStock, by exiftool (one process, all files) and by a plain copy (the floor),
# side by side in one run, on the same files. Then TagMyStock again at 4N files, to show that its
# peak memory stays flat in the number of files.
#
#   bench/embed.sh [N]        N files, default 200
#
# Writes the table to stdout and to bench/results/embed-N.md. Exits non-zero when a tool failed
# or wrote files that do not hold the expected metadata.
set -euo pipefail

count="${1:-200}"
if [[ ! "$count" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/embed.sh [N]   (N: number of files, default 200)" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/environment.sh
source "$repo_root/bench/lib/environment.sh"
work="$repo_root/bench/work"
results="$repo_root/bench/results"
runs=3
keyword_count=50
tools=(copy exiftool tagmystock)
declare -A label=([copy]='cp (the floor)' [exiftool]='exiftool, one process' [tagmystock]='TagMyStock embed')
vocabulary=(nature photography outdoor background closeup macro detail texture color colorful
  bright vibrant fresh natural light sunlight summer spring autumn season plant leaf leaves green
  flower petal bloom blossom garden meadow grass field landscape sky cloud water drop splash wet
  rain storm weather beauty beautiful calm peaceful serene soft focus blur bokeh abstract pattern
  wallpaper organic ecology environment growth life wild wildlife insect)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '%s\n' "$*" >&2; }

show_log() {
  if [[ -s "$1" ]]; then
    log "Its output (bench/work/${1}) ends with:"
    tail -n 15 "$1" >&2
  else
    log "It printed nothing."
  fi
}

"$repo_root/scripts/ensure-debian-packages" libimage-exiftool-perl time mate-backgrounds
mkdir -p "$work" "$results"
cd "$work"

# Real photographs (and one large painting) from the mate-backgrounds package: 0.1 to 16 MB each.
shopt -s nullglob
sources=(/usr/share/backgrounds/mate/nature/*.jpg /usr/share/backgrounds/mate/abstract/Elephants*.jpg)
shopt -u nullglob
if ((${#sources[@]} == 0)); then
  log "No source JPEGs in /usr/share/backgrounds/mate: is mate-backgrounds installed?"
  exit 1
fi

# file_name INDEX: the benchmark's name for the INDEX-th file (1-based), after its source photo.
file_name() {
  local source="${sources[($1 - 1) % ${#sources[@]}]}"
  printf 'photo-%04d-%s' "$1" "$(basename "$source" | tr '[:upper:]' '[:lower:]')"
}

title_of() {
  local subject
  subject="$(file_name "$1" | sed 's/^photo-[0-9]*-//; s/\.jpg$//; s/_[0-9]*x[0-9]*$//')"
  printf 'Nature photo %04d: %s in soft natural light' "$1" "$subject"
}

description_of() {
  printf 'Benchmark photograph %d of the set, a close view in natural light, with rich colour, fine detail and a calm mood, for editorial and commercial use.' "$1"
}

# keywords_of INDEX: 50 distinct keywords, a different selection for each file.
keywords_of() {
  local i words=()
  for ((i = 0; i < keyword_count; i++)); do
    words+=("${vocabulary[($1 + i) % ${#vocabulary[@]}]}")
  done
  local IFS=,
  printf '%s' "${words[*]}" | sed 's/,/, /g'
}

# prepare_files N: src-N/ holds N distinct JPEG files, copied from the source photos in turn.
prepare_files() {
  local n="$1" dir="src-$1" i
  if [[ -f "$dir.ready" ]]; then return; fi
  log "Preparing $n JPEGs in bench/work/$dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  for ((i = 1; i <= n; i++)); do
    cp "${sources[(i - 1) % ${#sources[@]}]}" "$dir/$(file_name "$i")"
  done
  touch "$dir.ready"
}

# write_csvs N: the same metadata twice, as TagMyStock's CSV and as exiftool's -csv import.
write_csvs() {
  local n="$1" i name title description keywords
  {
    echo 'Filename,Title,Description,Keywords'
    for ((i = 1; i <= n; i++)); do
      printf '%s,"%s","%s","%s"\n' "$(file_name "$i")" "$(title_of "$i")" "$(description_of "$i")" "$(keywords_of "$i")"
    done
  } >"tagmystock-$n.csv"
  {
    echo 'SourceFile,XMP-dc:Title,IPTC:ObjectName,XMP-dc:Description,IPTC:Caption-Abstract,XMP-dc:Subject,IPTC:Keywords'
    for ((i = 1; i <= n; i++)); do
      name="$(file_name "$i")"
      title="$(title_of "$i")"
      description="$(description_of "$i")"
      keywords="$(keywords_of "$i")"
      printf 'src-%d/%s,"%s","%s","%s","%s","%s","%s"\n' "$n" "$name" "$title" "$title" "$description" "$description" "$keywords" "$keywords"
    done
  } >"exiftool-$n.csv"
}

# tool_command TOOL N OUT: sets tool_cmd to the command that writes the N files of src-N/ into OUT/.
tool_command() {
  case "$1" in
    copy) tool_cmd=(cp -R "src-$2/." "$3/") ;;
    exiftool) tool_cmd=(exiftool -q -csv="exiftool-$2.csv" -sep ', ' -IPTC:CodedCharacterSet=UTF8 -o "$3/" "src-$2/") ;;
    tagmystock) tool_cmd=("${cli_command[@]}" embed "tagmystock-$2.csv" "src-$2" --out "$3") ;;
  esac
}

# verify TOOL N OUT: OUT holds N files, and the first and last carry their title and 50 keywords
# in both XMP and IPTC. Prints what is wrong and fails otherwise.
verify() {
  local tool="$1" n="$2" out="$3" name="${label[$1]}" written i file field got
  written="$(find "$out" -maxdepth 1 -type f -name '*.jpg' | wc -l)"
  if ((written != n)); then
    log "$name wrote $written of $n files into bench/work/$out."
    return 1
  fi
  [[ "$tool" == copy ]] && return 0
  for i in 1 "$n"; do
    file="$out/$(file_name "$i")"
    for field in XMP-dc:Title IPTC:ObjectName; do
      got="$(exiftool -s3 "-$field" "$file")"
      if [[ "$got" != "$(title_of "$i")" ]]; then
        log "$name: $file has $field '$got', expected '$(title_of "$i")'."
        return 1
      fi
    done
    for field in XMP-dc:Subject IPTC:Keywords; do
      got="$(exiftool -s3 -sep '|' "-$field" "$file" | awk -F'|' 'NF { print NF }')"
      if [[ "$got" != "$keyword_count" ]]; then
        log "$name: $file has ${got:-no} $field entries, expected $keyword_count."
        return 1
      fi
    done
  done
}

# measure TOOL N: runs the tool once into a fresh out/TOOL-N/ and prints "seconds peak-RSS-KiB".
# Dirty pages are flushed before and after, so no run pays for the previous one's writes.
measure() {
  local tool="$1" n="$2" out="out/$1-$2" timing="out/$1-$2.time"
  rm -rf "$out"
  mkdir -p "$out"
  sync
  tool_command "$tool" "$n" "$out"
  if ! /usr/bin/time -f '%e %M' -o "$timing" "${tool_cmd[@]}" >"out/$tool-$n.log" 2>&1 </dev/null; then
    log "${label[$tool]} failed on $n files: ${tool_cmd[*]}"
    show_log "out/$tool-$n.log"
    return 1
  fi
  sync
  if ! verify "$tool" "$n" "$out"; then
    log "Command: ${tool_cmd[*]}"
    show_log "out/$tool-$n.log"
    return 1
  fi
  tail -n 1 "$timing"
}

# median: the median of the whitespace-separated numbers on stdin.
median() { tr -s ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The .NET runtime identifier of this machine, for a ReadyToRun publish; empty where none is known.
runtime_identifier() {
  case "$(uname -m)" in
    x86_64) echo linux-x64 ;;
    aarch64) echo linux-arm64 ;;
  esac
}

# Publishes the CLI as a release would ship it, for this machine's runtime identifier: natively compiled (Native AOT,
# see its csproj) when the ILCompiler packages and a C toolchain are there, which starts in milliseconds; otherwise
# precompiled (ReadyToRun), which needs the runtime pack and crossgen for the identifier; otherwise the portable
# framework-dependent build. The log and the report say which build was timed.
publish_cli() {
  local rid
  rid="$(runtime_identifier)"
  rm -rf cli
  if [[ -n "$rid" ]]; then
    log "Publishing src/TagMyStock.Cli (Release, $rid, Native AOT) into bench/work/cli"
    if dotnet publish "$repo_root/src/TagMyStock.Cli" -c Release -r "$rid" -p:TagMyStockNativeAot=true -o cli >out/publish.log 2>&1 </dev/null; then
      cli_build="dotnet publish -c Release -r $rid -p:TagMyStockNativeAot=true (Native AOT)"
      cli_command=(cli/tagmystock)
      return
    fi
    log "The Native AOT publish failed (bench/work/out/publish.log); trying ReadyToRun."
    rm -rf cli
    log "Publishing src/TagMyStock.Cli (Release, $rid, ReadyToRun) into bench/work/cli"
    if dotnet publish "$repo_root/src/TagMyStock.Cli" -c Release -r "$rid" --self-contained false -o cli >out/publish.log 2>&1 </dev/null; then
      cli_build="dotnet publish -c Release -r $rid --self-contained false (ReadyToRun)"
      return
    fi
    log "The ReadyToRun publish failed (bench/work/out/publish.log); timing the portable build instead."
    rm -rf cli
  fi
  log "Publishing src/TagMyStock.Cli (Release, portable) into bench/work/cli"
  cli_build="dotnet publish -c Release (portable, JIT only)"
  if ! dotnet publish "$repo_root/src/TagMyStock.Cli" -c Release -o cli >out/publish.log 2>&1 </dev/null; then
    log "TagMyStock: the CLI could not be built."
    show_log out/publish.log
    return 1
  fi
}


# summarise TOOL N: "median-seconds median-peak-RSS-KiB" of the tool's runs at N files.
summarise() {
  printf '%s %s\n' "$(median <<<"${seconds[$1-$2]}")" "$(median <<<"${peak_rss[$1-$2]}")"
}

record() {
  local tool="$1" n="$2" result
  if result="$(measure "$tool" "$n")"; then
    seconds[$tool-$n]+="${result% *} "
    peak_rss[$tool-$n]+="${result#* } "
  else
    failed[$tool]=1
  fi
}

declare -A seconds=() peak_rss=() failed=()
cli_build=""
# How to start the published CLI: the native executable, or the assembly through the dotnet host.
cli_command=(dotnet cli/tagmystock.dll)

mkdir -p out
prepare_files "$count"
write_csvs "$count"
megabytes="$(find "src-$count" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')"
log "$count files, $megabytes MB, from ${#sources[@]} source photos"
publish_cli || failed[tagmystock]=1

log "Warm-up copy, so that every tool starts with the files in the page cache"
measure copy "$count" >/dev/null

for ((run = 1; run <= runs; run++)); do
  for tool in "${tools[@]}"; do
    if [[ -z "${failed[$tool]:-}" ]]; then
      log "Run $run of $runs: ${label[$tool]}"
      record "$tool" "$count"
    fi
  done
done

read -r copy_seconds _ <<<"$(summarise copy "$count")"
exiftool_seconds=""
if [[ -z "${failed[exiftool]:-}" ]]; then read -r exiftool_seconds _ <<<"$(summarise exiftool "$count")"; fi

table_row() {
  local tool="$1" secs kib
  if [[ -n "${failed[$tool]:-}" ]]; then
    printf '| %s | %d | %s | failed, see the log above | | | | | |\n' "${label[$tool]}" "$count" "$megabytes"
    return
  fi
  read -r secs kib <<<"$(summarise "$tool" "$count")"
  awk -v name="${label[$tool]}" -v n="$count" -v mb="$megabytes" -v s="$secs" -v kib="$kib" \
    -v copy="$copy_seconds" -v exif="$exiftool_seconds" 'BEGIN {
      t = (s > 0) ? s : 0.01  # /usr/bin/time has 10 ms resolution
      ratio_exif = (exif == "") ? "–" : sprintf("%.2f", t / ((exif > 0) ? exif : 0.01))
      printf "| %s | %d | %s | %.2f | %.0f | %.0f | %.0f | %.2f | %s |\n",
        name, n, mb, s, n / t, mb / t, kib / 1024, t / ((copy > 0) ? copy : 0.01), ratio_exif
    }'
}

# The same TagMyStock run at 4N files; its peak RSS against the one at N shows memory growth.
measure_flatness() {
  local big=$((count * 4))
  if [[ -n "${failed[tagmystock]:-}" ]]; then return; fi
  prepare_files "$big"
  write_csvs "$big"
  log "Memory: ${label[tagmystock]} on $big files"
  record tagmystock "$big"
}

flatness_section() {
  local big=$((count * 4)) small_kib big_kib
  if [[ -z "${peak_rss[tagmystock-$big]:-}" ]]; then
    echo "Not measured: TagMyStock failed (see the log above)."
    return
  fi
  read -r _ small_kib <<<"$(summarise tagmystock "$count")"
  read -r _ big_kib <<<"$(summarise tagmystock "$big")"
  awk -v n="$count" -v big="$big" -v a="$small_kib" -v b="$big_kib" 'BEGIN {
    printf "| Files | Peak RSS (MB) |\n|---|---|\n| %d | %.0f |\n| %d | %.0f |\n\n", n, a / 1024, big, b / 1024
    printf "Peak RSS at %d files is %.2f× that at %d files (flat: at most 1.25×).\n", big, b / a, n
  }'
}

report() {
  echo "# Embedding benchmark: $count JPEGs, $megabytes MB"
  echo
  echo "Environment: $environment_line"
  echo
  echo "Median of $runs runs, each tool in turn, on the same files (page cache warm, dirty pages flushed between runs)."
  echo "Each run writes title, description and $keyword_count keywords into copies of the files, in XMP and IPTC."
  echo "TagMyStock was built with: $cli_build."
  echo
  echo '| Tool | Files | MB | Seconds | Files/s | MB/s | Peak RSS (MB) | × copy | × exiftool |'
  echo '|---|---|---|---|---|---|---|---|---|'
  for tool in "${tools[@]}"; do table_row "$tool"; done
  echo
  echo "Targets (DESIGN.md section 6): TagMyStock below 1.00× exiftool and at most 2.00× the copy."
  echo
  echo "## Memory flatness"
  echo
  flatness_section
}

measure_flatness

# Before the report file is rewritten, or git would call the tree dirty.
environment_line="$(environment_line "exiftool $(exiftool -ver); $(cp --version | head -n 1)")"
report_file="$results/embed-$count.md"
report | tee "$report_file"
log "Written to ${report_file#"$repo_root"/}"
find out -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +

if ((${#failed[@]} > 0)); then
  log "Failed: ${!failed[*]}"
  exit 1
fi
