# shellcheck shell=bash
# Finds a JDK >= 21 for jsi4j and exports JAVA_HOME and PATH (for Maven and java).
# Sourced by ./jsi and ./test:  . scripts/find-jdk.sh && jsi_find_jdk && jsi_require_mvn
#
# Order: $JAVA_HOME if it is a JDK >= 21, then `java` on PATH if >= 21, then the newest
# JDK >= 21 under /usr/lib/jvm, /usr/local/lib/jvm, /opt/java (and macOS's JavaVirtualMachines).
# When none is found it prints what to install and exits 1.

JSI_MIN_JAVA=21

# Prints the full Java version of the JDK at $1 (e.g. 25.0.3 or 17.0.15), or nothing.
jsi_jdk_version() {
  local home=$1 line version=""
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  if [[ -r $home/release ]]; then
    line=$(grep -m1 '^JAVA_VERSION=' "$home/release" 2>/dev/null || true)
    version=${line#JAVA_VERSION=}
    version=${version//\"/}
  fi
  if [[ -z $version ]]; then
    line=$("$home/bin/java" -version 2>&1 | grep -m1 'version "' || true)
    version=${line#*\"}
    version=${version%%\"*}
  fi
  [[ -n $version ]] || return 1
  printf '%s\n' "$version"
}

# Prints the major version of a version string: 25.0.3 -> 25, 1.8.0_402 -> 8, 21 -> 21.
jsi_major() {
  local v=$1
  [[ $v == 1.* ]] && v=${v#1.}
  v=${v%%[!0-9]*}
  printf '%s\n' "${v:-0}"
}

# True when the JDK at $1 is a JDK >= 21.
jsi_jdk_ok() {
  local version
  version=$(jsi_jdk_version "$1") || return 1
  (( $(jsi_major "$version") >= JSI_MIN_JAVA ))
}

# Prints the newest JDK >= 21 found in the usual install directories, or nothing.
jsi_newest_installed_jdk() {
  local dir home real version candidates=""
  for dir in /usr/lib/jvm /usr/local/lib/jvm /opt/java /Library/Java/JavaVirtualMachines; do
    [[ -d $dir ]] || continue
    for home in "$dir" "$dir"/* "$dir"/*/Contents/Home; do
      [[ -d $home ]] || continue
      real=$(cd "$home" && pwd -P) || continue
      jsi_jdk_ok "$real" || continue
      version=$(jsi_jdk_version "$real") || continue
      candidates+="$version"$'\t'"$real"$'\n'
    done
  done
  [[ -n $candidates ]] || return 1
  printf '%s' "$candidates" | sort -V -k1,1 | tail -n1 | cut -f2
}

# Finds the JDK and exports JAVA_HOME and PATH; exits 1 with advice when there is none.
jsi_find_jdk() {
  local found="" java_on_path path_note="" home_note=""
  if [[ -n ${JAVA_HOME:-} ]]; then
    if jsi_jdk_ok "$JAVA_HOME"; then
      found=$JAVA_HOME
    else
      home_note="JAVA_HOME=$JAVA_HOME is not a JDK >= $JSI_MIN_JAVA; "
    fi
  fi
  if [[ -z $found ]] && java_on_path=$(command -v java 2>/dev/null); then
    local real_java home
    real_java=$(readlink -f "$java_on_path" 2>/dev/null || printf '%s' "$java_on_path")
    home=$(dirname "$(dirname "$real_java")")
    if jsi_jdk_ok "$home"; then
      found=$home
    else
      path_note="java on PATH is $(jsi_jdk_version "$home" || echo "not a full JDK"); "
    fi
  fi
  [[ -n $found ]] || found=$(jsi_newest_installed_jdk || true)
  if [[ -z $found ]]; then
    {
      echo "jsi4j needs a JDK $JSI_MIN_JAVA or newer, and none was found (${home_note}${path_note}none under /usr/lib/jvm, /usr/local/lib/jvm or /opt/java)."
      echo "Install one, e.g. 'sudo apt install openjdk-21-jdk' or Temurin 25 (https://adoptium.net), or set JAVA_HOME to a JDK >= $JSI_MIN_JAVA."
    } >&2
    exit 1
  fi
  export JAVA_HOME=$found
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Exits 1 with advice when Maven is not installed.
jsi_require_mvn() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "jsi4j builds with Maven (3.8 or newer), and 'mvn' is not on PATH. Install it, e.g. 'sudo apt install maven' (https://maven.apache.org/install.html)." >&2
    exit 1
  fi
}
