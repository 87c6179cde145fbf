#!/usr/bin/env bash
# Gallery benchmark (DESIGN.md section 6): the first gallery page (50 tiles) of an account holding 10,000
# images, against a trivial endpoint of the same server (a static file), loaded by wrk with the same
# settings on loopback, side by side in one run. The page is measured twice: as a user browsing sees it
# (repeated views come from the page cache) and with every request a distinct URL, so every one misses
# the cache and runs the query, signs the links and renders. /health (one database round trip) too.
#
#   bench/gallery.sh [IMAGES]        IMAGES in the account, default 10000
#   bench/gallery.sh --quick [IMAGES]  one short round over IMAGES (default 200): checks that the benchmark
#                                    still runs against the current app (scripts/test does), measures nothing
#
# Writes the table to stdout and to bench/results/gallery-IMAGES.md (--quick: stdout only). Exits non-zero
# when the app failed or a load run got anything but the expected page.
set -euo pipefail

quick=false
if [[ "${1:-}" == --quick ]]; then
  quick=true
  shift
fi
images="${1:-10000}"
if $quick; then images="${1:-200}"; fi
if [[ ! "$images" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/gallery.sh [--quick] [IMAGES]   (IMAGES: images in the account, default 10000; 200 with --quick)" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo_root/bench/work"
results="$repo_root/bench/results"
rounds=3
threads=2
connections=16
duration=15s
warm_up=5s
if $quick; then
  rounds=1
  duration=2s
  warm_up=1s
fi
wrk_settings="-t$threads -c$connections -d$duration --latency"
endpoints=(gallery uncached favicon health)
declare -A path=([gallery]=/gallery [uncached]='/gallery?miss=…' [favicon]=/favicon.svg [health]=/health)
declare -A label=([gallery]='Gallery page, 50 tiles' [uncached]='Gallery page, every request a cache miss' [favicon]='Static file (the reference)' [health]='/health (one database query)')
# wrk script for the misses: each request adds a query value no request used before (the page ignores it,
# the cache keys on it).
declare -A script=([uncached]="$repo_root/bench/lib/gallery-miss.lua")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=bench/lib/webapp.sh
source "$repo_root/bench/lib/webapp.sh"

"$repo_root/scripts/ensure-debian-packages" wrk sqlite3 curl
mkdir -p "$work/out" "$results"
cd "$work"
data="$work/gallery-data"
trap stop_web EXIT

# seed_sql OWNER N: one transaction inserting N images of OWNER, newest last, with titles, descriptions and
# 25-49 keywords like a tagged stock portfolio's; thumbnails marked made (the page only links to them).
seed_sql() {
  awk -v owner="$1" -v n="$2" 'BEGIN {
    srand(42)
    split("red fox,snowy owl,mountain lake,city skyline,coffee cup,fresh salad,yoga class,business team,laptop desk,sunflower field,ocean wave,autumn forest,vintage car,wooden bridge,street market,rain drops,honey bee,hot air balloon,lighthouse,wheat field", subject, ",")
    split("at sunrise,at dusk,in soft morning light,under a stormy sky,in winter,in golden hour light,on a foggy morning,at night,in spring,on a white background", light, ",")
    split("nature,outdoor,landscape,travel,tourism,background,beautiful,scenic,season,summer,winter,autumn,spring,light,sunlight,sunset,sunrise,sky,cloud,water,color,colorful,vibrant,calm,peaceful,serene,view,panorama,wildlife,animal,plant,flower,green,blue,orange,food,healthy,lifestyle,people,business,technology,office,city,urban,architecture,building,street,road,vintage,retro,texture,pattern,abstract,closeup,detail,macro,copy space,horizontal,nobody,environment", word, ",")
    words = 60
    hex = "0123456789ABCDEF"
    key_owner = tolower(owner); gsub("-", "", key_owner)
    print "BEGIN;"
    for (i = 1; i <= n; i++) {
      id = ""
      for (k = 0; k < 32; k++) {
        id = id substr(hex, int(rand() * 16) + 1, 1)
        if (k == 7 || k == 11 || k == 15 || k == 19) id = id "-"
      }
      key_id = tolower(id); gsub("-", "", key_id)
      s = subject[(i % 20) + 1]; l = light[(int(i / 20) % 10) + 1]
      title = toupper(substr(s, 1, 1)) substr(s, 2) " " l ", photo " i
      description = "A " s " " l ", shot with natural colours and fine detail, with room for text; frame " i " of the portfolio."
      count = 25 + (i % 25); keywords = "["
      for (k = 0; k < count; k++) keywords = keywords (k ? "," : "") "\"" word[((i * 7 + k) % words) + 1] "\""
      keywords = keywords ",\"" s "\"]"
      minutes = i
      uploaded = sprintf("2026-%02d-%02d %02d:%02d:%02d.%07d", 1 + int(minutes / 43200) % 12, 1 + int(minutes / 1440) % 28, int(minutes / 60) % 24, minutes % 60, i % 60, i)
      printf "INSERT INTO Images (Id, OwnerId, FileName, Format, ByteSize, ContentHash, Width, Height, OriginalKey, Derivatives, DerivativeError, PerceptualHash, NearDuplicateOf, UploadedAt, Title, Description, Keywords, Categories, Flags, DigitalSourceType, GenerationPrompt, TaggedBy, TaggedAt, Evidence, UpdatedAt, Version) VALUES ('"'"'%s'"'"', '"'"'%s'"'"', '"'"'IMG_%05d.jpg'"'"', '"'"'jpeg'"'"', %d, '"'"'%064d'"'"', 6000, 4000, '"'"'accounts/%s/images/%s/original.jpg'"'"', '"'"'Ready'"'"', NULL, %.0f, NULL, '"'"'%s'"'"', '"'"'%s'"'"', '"'"'%s'"'"', '"'"'%s'"'"', '"'"'{}'"'"', %d, NULL, NULL, '"'"'local'"'"', '"'"'%s'"'"', '"'"'[]'"'"', '"'"'%s'"'"', 1);\n",
        id, owner, i, 6000000 + (i * 7919) % 9000000, i, key_owner, key_id, int(rand() * 2^52), uploaded, title, description, keywords, (i % 5 == 0) ? 1 : 0, uploaded, uploaded
    }
    print "COMMIT;"
  }'
}

# load ENDPOINT ROUND: one wrk run; appends "requests/s p50-ms p99-ms bytes/request" to out/gallery-ENDPOINT.runs.
load() {
  local endpoint="$1" output="out/gallery-$1-$2.wrk"
  # shellcheck disable=SC2086
  wrk $wrk_settings ${script[$endpoint]:+-s "${script[$endpoint]}"} -H "Cookie: $cookies" "$web_url${path[$endpoint]%%\?*}" >"$output"
  if grep -q 'Non-2xx or 3xx' "$output" || grep -q 'Socket errors' "$output"; then
    log "${label[$endpoint]}: wrk saw errors:"
    cat "$output" >&2
    return 1
  fi
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    function bytes(v) { if (v ~ /KB$/) return v * 1024; if (v ~ /MB$/) return v * 1048576; if (v ~ /GB$/) return v * 1073741824; if (v ~ /B$/) return v + 0; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 } $1 == "Transfer/sec:" { transfer = bytes($2) }
    END { printf "%s %s %s %.0f\n", rps, p50, p99, transfer / rps }' "$output" >>"out/gallery-$endpoint.runs"
}

publish_web
start_web "$data"
email="bench-gallery@example.com"
sign_up "$data.jar" "$email"
owner="$(account_id "$data" "$email")"
log "Inserting $images images for account $owner"
seed_sql "$owner" "$images" >out/gallery-seed.sql
sqlite3 -bail "$data/tagmystock.db" '.timeout 10000' ".read out/gallery-seed.sql"
stored="$(sqlite3 "$data/tagmystock.db" "SELECT count(*) FROM Images WHERE OwnerId = '$owner' AND Derivatives = 'Ready';")"
if ((stored != images)); then
  log "The account holds $stored images, expected $images."
  exit 1
fi
cookies="$(cookie_header "$data.jar")"

# The page must be the signed-in gallery with 50 tiles and the count, not a redirect to the sign-in page.
curl -fsS -H "Cookie: $cookies" -o out/gallery-page.html -w '%{http_code}' "$web_url/gallery" >out/gallery-status
tiles="$(grep -o '<li class="tile"' out/gallery-page.html | wc -l)"
summary="$(sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$images") images, newest first."
if [[ "$(cat out/gallery-status)" != 200 ]] || ((tiles != 50)) || ! grep -qF "$summary" out/gallery-page.html; then
  log "/gallery did not show 50 tiles of $images images (status $(cat out/gallery-status), $tiles tiles)."
  exit 1
fi
page_bytes="$(stat -c %s out/gallery-page.html)"
log "/gallery: 50 tiles, $page_bytes bytes"

log "Warm-up: ${warm_up%s} s of each endpoint"
for endpoint in "${endpoints[@]}"; do
  wrk -t"$threads" -c"$connections" -d"$warm_up" ${script[$endpoint]:+-s "${script[$endpoint]}"} -H "Cookie: $cookies" "$web_url${path[$endpoint]%%\?*}" >/dev/null
done
rm -f out/gallery-*.runs
for ((round = 1; round <= rounds; round++)); do
  for endpoint in "${endpoints[@]}"; do
    log "Round $round of $rounds: ${label[$endpoint]} ($duration)"
    load "$endpoint" "$round"
  done
done
server_rss_mb="$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$web_pid/status")"
stop_web

# row ENDPOINT: the median round by requests/s, with its latencies.
row() {
  sort -n "out/gallery-$1.runs" | awk -v name="${label[$1]}" -v p="${path[$1]}" -v ref="$reference_rps" '
    { r[NR] = $0 } END {
      split(r[int((NR + 1) / 2)], m, " ")
      printf "| %s | `%s` | %.0f | %.2f | %.2f | %.0f | %.0f %% |\n", name, p, m[1], m[2], m[3], m[4], 100 * m[1] / ref
    }'
}
reference_rps="$(sort -n out/gallery-favicon.runs | awk '{ r[NR] = $1 } END { print r[int((NR + 1) / 2)] }')"

report() {
  echo "# Gallery benchmark: first page (50 tiles) of an account holding $images images"
  echo
  echo "Environment: $environment"
  echo
  echo "The Release publish, ASPNETCORE_ENVIRONMENT=Production, SQLite in a scratch data folder, on $web_url; wrk and the"
  echo "server share the machine's cores. \`wrk $wrk_settings\` with the signed-in session cookie, on each endpoint"
  echo "in turn, $rounds round(s) after a ${warm_up%s} s warm-up of each; the row is the round with the median requests/s."
  echo "Peak RSS of the server over the whole run: $server_rss_mb MB."
  echo
  echo '| Endpoint | Path | Requests/s | p50 (ms) | p99 (ms) | Bytes per response | Throughput vs. static file |'
  echo '|---|---|---|---|---|---|---|'
  for endpoint in "${endpoints[@]}"; do row "$endpoint"; done
  echo
  echo "Targets (DESIGN.md section 6): the gallery page at least 50 % of the static file's requests/s, and its p99 under 25 ms."
}

environment="$(environment_line "wrk $(wrk -v 2>&1 | grep -oP '^wrk \K[^ ]+' || true); SQLite $(sqlite3 --version | cut -d' ' -f1) (sqlite3 CLI)")"
if $quick; then
  report
  log "Quick run: the benchmark works; run it without --quick for figures."
else
  report_file="$results/gallery-$images.md"
  report | tee "$report_file"
  log "Written to ${report_file#"$repo_root"/}"
fi
