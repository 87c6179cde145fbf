# Helpers for the benchmarks that drive the web app over HTTP (gallery.sh, upload-memory.sh); sourced,
# not run. Expects repo_root and work to be set, and the current directory to be bench/work/.
#
# The app runs as it would in production: the Release publish, ASPNETCORE_ENVIRONMENT=Production, SQLite
# and local blobs in a scratch data folder, on http://127.0.0.1:PORT. Its session cookie is Secure there;
# curl keeps and sends Secure cookies for 127.0.0.1 over plain http (a loopback origin counts as secure),
# and wrk gets the cookies as a header.

# shellcheck source=bench/lib/environment.sh
source "$repo_root/bench/lib/environment.sh"

web_pid=""
web_port=""
web_url=""

log() { printf '%s\n' "$*" >&2; }

# publish_web: the Release build of src/TagMyStock.Web in bench/work/web/.
publish_web() {
  log "Publishing src/TagMyStock.Web (Release) into bench/work/web"
  mkdir -p out
  rm -rf web
  if ! dotnet publish "$repo_root/src/TagMyStock.Web" -c Release -o web >out/publish-web.log 2>&1 </dev/null; then
    log "The web app could not be published; bench/work/out/publish-web.log ends with:"
    tail -n 15 out/publish-web.log >&2
    return 1
  fi
}

# free_port: a TCP port nothing listens on at 127.0.0.1.
free_port() {
  local port
  for port in $(shuf -i 20000-40000 -n 20); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s' "$port"
      return
    fi
  done
  log "No free port found."
  return 1
}

# start_web DATA_DIR [NAME=VALUE...]: starts the published app on a fresh data folder, with the extra
# environment given, and waits until /health answers. Sets web_pid, web_port and web_url.
start_web() {
  local data="$1" i
  shift
  rm -rf "$data"
  mkdir -p "$data"
  web_port="$(free_port)"
  web_url="http://127.0.0.1:$web_port"
  # Started from its own folder, as a deployment does: that folder is the content root, where
  # appsettings.json (production logging: JSON, warnings only for the framework) and wwwroot/ are found.
  (cd web && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$web_url" TagMyStock__DataDirectory="$data" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 "$@" dotnet TagMyStock.Web.dll) >"$data.log" 2>&1 </dev/null &
  web_pid=$!
  for ((i = 0; i < 120; i++)); do
    if curl -fsS -o /dev/null "$web_url/health" 2>/dev/null; then
      log "The app runs at $web_url (process $web_pid, log bench/work/${data#"$work"/}.log)"
      return
    fi
    if ! kill -0 "$web_pid" 2>/dev/null; then break; fi
    sleep 0.5
  done
  log "The app did not start; its log ends with:"
  tail -n 15 "$data.log" >&2
  stop_web
  return 1
}

stop_web() {
  if [[ -n "$web_pid" ]] && kill -0 "$web_pid" 2>/dev/null; then
    kill "$web_pid"
    wait "$web_pid" 2>/dev/null || true
  fi
  web_pid=""
}

# form_token FILE: the antiforgery token of the first form in an HTML page.
form_token() { grep -oP 'name="__RequestVerificationToken" value="\K[^"]+' "$1" | head -n 1; }

# sign_up JAR EMAIL: a new account through the real sign-up form; its cookies end up in the curl cookie jar JAR.
sign_up() {
  local jar="$1" email="$2" page="$1.signup.html" status
  rm -f "$jar"
  curl -fsS -c "$jar" -b "$jar" -o "$page" "$web_url/account/signup"
  # A signed-out form is accepted only from a browser that names this site as the post's origin.
  status="$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' -H "Origin: $web_url" \
    --data-urlencode "_handler=signup" --data-urlencode "__RequestVerificationToken=$(form_token "$page")" \
    --data-urlencode "Input.Name=Bench" --data-urlencode "Input.Email=$email" \
    --data-urlencode "Input.Password=correct horse battery" "$web_url/account/signup")"
  if [[ "$status" != "302 $web_url/gallery" ]] || ! grep -q 'tms_session' "$jar"; then
    log "Sign-up failed: got '$status', expected a redirect to /gallery and a session cookie."
    return 1
  fi
}

# cookie_header JAR: "name=value; ..." of every cookie in the jar, for a Cookie header.
cookie_header() { awk -F'\t' 'NF == 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }

# account_id DATA_DIR EMAIL: the account's id as stored in the SQLite database.
account_id() { sqlite3 "$1/tagmystock.db" "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = upper('$2');"; }
