#!/usr/bin/env bash
# A Spark standalone cluster on this machine (loopback addresses only), built from the project's own
# Maven dependencies: no Spark download, nothing installed outside the project.
#
#   scripts/cluster.sh start [N]   a master and N workers (default 2), returns once all N are alive
#   scripts/cluster.sh status      the master's URL, its workers, the processes this script started
#   scripts/cluster.sh stop        stops exactly the processes `start` started (their pid files)
#
# Then submit to it (scripts/submit.sh finds spark-submit in the SPARK_HOME assembled here):
#   SPARK_HOME=$PWD/.cluster/spark-home scripts/submit.sh --master spark://127.0.0.1:7077 -- \
#     sweep sweeps/quickstart.yaml --out results
#
# Settings (environment):
#   DEADRELU_CLUSTER_DIR     scratch folder (default .cluster/ in the project, git-ignored)
#   DEADRELU_SPARK_HOME      where to assemble SPARK_HOME (default DEADRELU_CLUSTER_DIR/spark-home)
#   DEADRELU_WORKERS         workers when N is not given (default 2)
#   DEADRELU_WORKER_CORES    cores per worker (default 1)
#   DEADRELU_WORKER_MEMORY   memory per worker for its executors (default 1g)
#   DEADRELU_MASTER_PORT     master RPC port (default 7077)
#   DEADRELU_MASTER_UI_PORT  master web UI port (default 8080; /json/ is what `start` polls)
#   DEADRELU_WORKER_UI_PORT  first worker's web UI port (default 8081; worker i gets +i-1)
#   DEADRELU_WORKER_IPS      the workers' addresses, one per worker (default 127.0.0.1 for all); with
#                            "127.0.0.1 127.0.0.2" each worker is a host of its own, as on a real
#                            cluster (Spark never runs a speculative copy on the host of the original)
#   DEADRELU_MVN_ARGS        extra Maven arguments for assembling SPARK_HOME (e.g. -o)
#   DEADRELU_START_TIMEOUT   seconds to wait for the workers (default 120)
#   OPENBLAS_CORETYPE        the executors' OpenBLAS kernels (default: see scripts/openblas-core.sh;
#                            DEADRELU_BLAS_AUTO=0 passes the caller's environment on unchanged)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${DEADRELU_CLUSTER_DIR:-$here/.cluster}"
[[ "$dir" == /* ]] || dir="$PWD/$dir"
spark_home="${DEADRELU_SPARK_HOME:-$dir/spark-home}"
[[ "$spark_home" == /* ]] || spark_home="$PWD/$spark_home"
master_port="${DEADRELU_MASTER_PORT:-7077}"
master_ui="${DEADRELU_MASTER_UI_PORT:-8080}"
worker_ui="${DEADRELU_WORKER_UI_PORT:-8081}"
cores="${DEADRELU_WORKER_CORES:-1}"
memory="${DEADRELU_WORKER_MEMORY:-1g}"
timeout="${DEADRELU_START_TIMEOUT:-120}"
master_url="spark://127.0.0.1:$master_port"

say() { echo "cluster: $*" >&2; }
die() { echo "cluster: error: $*" >&2; exit 1; }

# a property of the project's pom.xml (spark.version, scala.binary.version)
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$here/pom.xml" | head -1
}

# SPARK_HOME = jars/ (symbolic links into the local Maven repository: the runtime dependencies of
# spark-core, spark-sql and spark-mllib at the project's Spark version) + bin/ (spark-class and
# spark-submit, which let Spark's own launcher build each command, --add-opens included) + conf/.
assemble_spark_home() {
  local spark scala key
  spark="$(pom_property spark.version)"
  scala="$(pom_property scala.binary.version)"
  [[ -n "$spark" && -n "$scala" ]] || die "cannot read spark.version / scala.binary.version from $here/pom.xml"
  key="spark $spark scala $scala"
  if [[ -f "$spark_home/READY" && "$(cat "$spark_home/READY")" == "$key" ]]; then
    return
  fi
  mkdir -p "$(dirname "$spark_home")"
  if command -v flock > /dev/null && [[ -z "${DEADRELU_ASSEMBLING:-}" ]]; then
    # one assembly at a time (two clusters may share a SPARK_HOME)
    DEADRELU_ASSEMBLING=1 flock "$spark_home.lock" "$here/scripts/cluster.sh" assemble
    return
  fi
  if [[ -f "$spark_home/READY" && "$(cat "$spark_home/READY")" == "$key" ]]; then
    return
  fi
  say "assembling SPARK_HOME for Spark $spark (Scala $scala) from Maven under $spark_home"
  rm -rf "$spark_home"
  mkdir -p "$spark_home/jars" "$spark_home/bin" "$spark_home/conf"
  cat > "$spark_home/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- written by scripts/cluster.sh: the jars of a Spark $spark distribution, from Maven -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.deadrelu.cluster</groupId>
  <artifactId>spark-home</artifactId>
  <version>$spark</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_$scala</artifactId><version>$spark</version></dependency>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_$scala</artifactId><version>$spark</version></dependency>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-mllib_$scala</artifactId><version>$spark</version></dependency>
  </dependencies>
</project>
EOF
  # shellcheck disable=SC2086
  (cd "$here" && ./mvnw -q -B ${DEADRELU_MVN_ARGS:-} -f "$spark_home/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$spark_home/classpath.txt") \
    || die "Maven could not resolve Spark $spark (see above)"
  local n=0 jar
  while IFS= read -r -d ':' jar; do
    [[ -n "$jar" ]] || continue
    ln -sf "$jar" "$spark_home/jars/$(basename "$jar")"
    n=$((n + 1))
  done < <(tr -d '\n' < "$spark_home/classpath.txt"; printf ':')
  (( n > 50 )) || die "only $n jars resolved for SPARK_HOME"
  cat > "$spark_home/bin/spark-class" <<'EOF'
#!/usr/bin/env bash
# A minimal bin/spark-class (written by deadrelu's scripts/cluster.sh): Spark's own launcher
# (org.apache.spark.launcher.Main) builds the java command, as in a Spark distribution.
export SPARK_HOME="${SPARK_HOME:-$(cd "$(dirname "$0")/.." && pwd)}"
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
runner="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the launcher prints messages, a NUL line, then the command's arguments separated by NULs
cmd=()
delim=$'\n'
started=false
while IFS= read -d "$delim" -r arg; do
  if [[ $started == true ]]; then
    cmd+=("$arg")
  elif [[ -z "$arg" ]]; then
    delim=''
    started=true
  else
    echo "$arg" >&2
  fi
done < <("$runner" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"; printf '%d\0' $?)
last=$((${#cmd[@]} - 1))
[[ $last -ge 0 && "${cmd[$last]}" == 0 ]] || exit "${cmd[$last]:-1}"
exec "${cmd[@]:0:$last}"
EOF
  cat > "$spark_home/bin/spark-submit" <<'EOF'
#!/usr/bin/env bash
# A minimal bin/spark-submit (written by deadrelu's scripts/cluster.sh).
exec "$(dirname "$0")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"
EOF
  chmod +x "$spark_home/bin/spark-class" "$spark_home/bin/spark-submit"
  echo "$key" > "$spark_home/READY"
  say "SPARK_HOME ready: $n jars"
}

# the daemons' environment: loopback only, every scratch file under $dir
daemon_env() {
  export SPARK_HOME="$spark_home"
  export SPARK_SCALA_VERSION="$(pom_property scala.binary.version)"
  export SPARK_LOCAL_IP=127.0.0.1
  export SPARK_LOCAL_DIRS="$dir/local"
  export SPARK_CONF_DIR="$spark_home/conf"
  export SPARK_DAEMON_MEMORY="${SPARK_DAEMON_MEMORY:-512m}"
  # quick start-up on small machines; temporary files in the scratch folder
  export SPARK_DAEMON_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.io.tmpdir=$dir/tmp ${SPARK_DAEMON_JAVA_OPTS:-}"
  mkdir -p "$dir/local" "$dir/tmp" "$dir/logs" "$dir/pids" "$dir/work"
  # executors inherit the worker's environment, so they run on the kernels chosen here
  source "$here/scripts/openblas-core.sh"
}

# is pid (from a pid file) still the process we started? (guards against pid reuse)
ours() {
  local pid="$1" class="$2"
  local cmd
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  cmd="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null)" || return 1
  [[ "$cmd" == *"$class"* && "$cmd" == *"$spark_home"* ]]
}

# is a process we just launched still there? (it may not have exec'd into java yet)
alive() {
  [[ -n "$1" && -d "/proc/$1" ]] && ! grep -q '^State:.*Z' "/proc/$1/status" 2> /dev/null
}

pid_files() {
  ls "$dir/pids/"*.pid 2>/dev/null | sort -r || true # workers before the master
}

class_of() {
  case "$(basename "$1")" in
    master.pid) echo org.apache.spark.deploy.master.Master ;;
    *) echo org.apache.spark.deploy.worker.Worker ;;
  esac
}

# GET a path from a local HTTP port with nothing but bash (no curl needed)
http_get() {
  local port="$1" path="$2"
  (exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
   printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
   timeout 5 cat <&3) 2>/dev/null
}

listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

alive_workers() {
  { http_get "$master_ui" /json/ || true; } | tr -d ' \n' | sed -n 's/.*"aliveworkers":\([0-9]*\).*/\1/p'
}

launch() { # name address class args...
  local name="$1" ip="$2" class="$3"
  shift 3
  SPARK_LOCAL_IP="$ip" nohup "$spark_home/bin/spark-class" "$class" "$@" > "$dir/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$dir/pids/$name.pid"
}

start() {
  local n="${1:-${DEADRELU_WORKERS:-2}}"
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "start: the number of workers must be a positive integer, got '$n'"
  for f in $(pid_files); do
    if ours "$(cat "$f")" "$(class_of "$f")"; then
      die "a cluster started from $dir is running already (scripts/cluster.sh status; stop it first)"
    fi
  done
  for port in "$master_port" "$master_ui" $(seq "$worker_ui" $((worker_ui + n - 1))); do
    ! listening "$port" || die "port $port is in use (set DEADRELU_MASTER_PORT, DEADRELU_MASTER_UI_PORT or DEADRELU_WORKER_UI_PORT)"
  done
  command -v java > /dev/null || die "java is not on PATH (Java 17 is needed)"
  assemble_spark_home
  daemon_env
  rm -f "$dir/pids/"*.pid
  local began=$SECONDS
  launch master 127.0.0.1 org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$master_port" --webui-port "$master_ui"
  # a worker that finds no master retries only after 5-15 s: wait for the port first
  until listening "$master_port"; do
    alive "$(cat "$dir/pids/master.pid")" \
      || { tail -20 "$dir/logs/master.log" >&2; stop; die "the master exited (log: $dir/logs/master.log)"; }
    (( SECONDS - began < timeout )) || { stop; die "the master did not listen on $master_port within $timeout s"; }
    sleep 0.3
  done
  local ips=(${DEADRELU_WORKER_IPS:-})
  for i in $(seq 1 "$n"); do
    local ip="${ips[$((i - 1))]:-127.0.0.1}"
    [[ "$ip" =~ ^127\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "DEADRELU_WORKER_IPS: '$ip' is not a loopback address (127.x.y.z)"
    mkdir -p "$dir/work/worker-$i"
    # the worker and the executors it forks bind to its address
    launch "worker-$i" "$ip" org.apache.spark.deploy.worker.Worker \
      --host "$ip" --cores "$cores" --memory "$memory" --webui-port $((worker_ui + i - 1)) \
      --work-dir "$dir/work/worker-$i" "$master_url"
  done
  local alive=0
  while (( ${alive:-0} < n )); do
    for f in $(pid_files); do
      alive "$(cat "$f")" || {
        tail -20 "$dir/logs/$(basename "$f" .pid).log" >&2
        stop; die "$(basename "$f" .pid) exited during start-up (logs: $dir/logs/)"; }
    done
    (( SECONDS - began < timeout )) || { stop; die "only ${alive:-0} of $n workers alive after $timeout s (logs: $dir/logs/)"; }
    sleep 0.5
    alive="$(alive_workers)"
  done
  printf 'master_port=%s\nmaster_ui=%s\n' "$master_port" "$master_ui" > "$dir/pids/ports"
  say "master $master_url (UI http://127.0.0.1:$master_ui), $n workers alive ($cores core, $memory each), up in $((SECONDS - began)) s"
  echo "$master_url"
}

# the ports the running cluster was started with
load_ports() {
  if [[ -f "$dir/pids/ports" ]]; then
    master_port="$(sed -n 's/^master_port=//p' "$dir/pids/ports")"
    master_ui="$(sed -n 's/^master_ui=//p' "$dir/pids/ports")"
    master_url="spark://127.0.0.1:$master_port"
  fi
}

status() {
  load_ports
  local running=0
  for f in $(pid_files); do
    local pid
    pid="$(cat "$f")"
    if ours "$pid" "$(class_of "$f")"; then
      echo "$(basename "$f" .pid): pid $pid running"
      running=$((running + 1))
    else
      echo "$(basename "$f" .pid): not running (stale pid file)"
    fi
  done
  if (( running == 0 )); then
    echo "no cluster running from $dir"
    return 3
  fi
  echo "master: $master_url, UI http://127.0.0.1:$master_ui, alive workers: $(alive_workers || echo '?')"
  echo "SPARK_HOME=$spark_home"
}

stop() {
  local pids=() f pid
  for f in $(pid_files); do
    pid="$(cat "$f")"
    if ours "$pid" "$(class_of "$f")"; then
      kill -TERM "$pid" 2> /dev/null || true # a worker's shutdown hook kills its executors
      pids+=("$pid")
    fi
    rm -f "$f"
  done
  rm -f "$dir/pids/ports"
  local waited=0
  for pid in "${pids[@]}"; do
    while [[ -d "/proc/$pid" ]] && (( waited < 100 )); do sleep 0.1; waited=$((waited + 1)); done
    if [[ -d "/proc/$pid" ]]; then
      say "pid $pid did not stop within 10 s: SIGKILL"
      kill -KILL "$pid" 2> /dev/null || true
    fi
  done
  # executors that outlived their worker: those running in this cluster's work folder, no other
  for p in /proc/[0-9]*; do
    pid="${p#/proc/}"
    if ours "$pid" org.apache.spark.executor.CoarseGrainedExecutorBackend \
        && [[ "$(readlink "/proc/$pid/cwd" 2> /dev/null)" == "$dir/work/"* ]]; then
      say "executor pid $pid outlived its worker: SIGKILL"
      kill -KILL "$pid" 2> /dev/null || true
    fi
  done
  # scratch: executors' copies of application jars, shuffle files, temporary files
  rm -rf "$dir/work" "$dir/local" "$dir/tmp"
  (( ${#pids[@]} == 0 )) && say "nothing to stop" || say "stopped ${#pids[@]} processes"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  assemble) assemble_spark_home ;;
  *) echo "usage: scripts/cluster.sh start [WORKERS] | status | stop | assemble (SPARK_HOME only)" >&2; exit 2 ;;
esac
