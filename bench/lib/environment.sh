# environment_line TOOLS...: the machine and versions, one line, for every benchmark's report; sourced, not
# run. Expects repo_root to be set. TOOLS names the reference tools' versions (and anything else the report
# must say about the run).
environment_line() {
  local cpu
  cpu="$(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  printf '%s, %s cores, %s GiB RAM; Debian %s, kernel %s; %s; .NET SDK %s; TagMyStock %s; %s UTC\n' \
    "$cpu" "$(nproc)" "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" \
    "$(cat /etc/debian_version)" "$(uname -r)" "$*" \
    "$(dotnet --version)" "$(git -C "$repo_root" describe --always --dirty)" "$(date -u '+%Y-%m-%d %H:%M')"
}
