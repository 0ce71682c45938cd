#!/usr/bin/env bash
# Makes the ICU data file that Javet's i18n V8 natives need (javet-v8-*-i18n: Intl, RegExp \p{...},
# toLocaleString), from ICU4J's data (Maven Central com.ibm.icu:icu4j, the ICU version V8 was built
# with: 77 for Javet 5.0.6). Javet ships no such file; V8 reads it once per process from the path
# given by -Djsi.v8.icuDataFile.
#
#   scripts/make-icu-data.sh ICU4J_JAR OUT.dat      e.g. .../icu4j-77.1.jar runtime-v8/target/icu/icudt77l.dat
#
# Needs unzip, python3 and icupkg (Debian/Ubuntu: apt install icu-devtools; macOS: brew install icu4c).
# ICU4J's data is big-endian; icupkg rewrites it little-endian. An older icupkg does not know the newest
# normalization (Nrm2) format version, so those items pass through it marked with the previous version,
# whose layout is the same, and get their real version back afterwards; uprops.icu is left out (ICU4C
# has the character properties compiled in).
set -euo pipefail
jar=${1:?usage: make-icu-data.sh ICU4J_JAR OUT.dat}
out=${2:?usage: make-icu-data.sh ICU4J_JAR OUT.dat}
PATH="$PATH:/usr/sbin:/sbin"   # Debian installs icupkg in /usr/sbin
for tool in unzip python3 icupkg; do
  command -v "$tool" >/dev/null || { echo "make-icu-data.sh: $tool is missing (icupkg: apt install icu-devtools, or brew install icu4c)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$jar" 'com/ibm/icu/impl/data/icudata/*' -d "$work"
src="$work/com/ibm/icu/impl/data/icudata"
(cd "$src" && find . -type f ! -name uprops.icu | sed 's|^\./||' | sort) > "$work/items.txt"
name=$(basename "$out" .dat)
python3 - "$src" 5 4 <<'PY'
import pathlib, sys
# formatVersion[0] is byte 16 of an ICU data header; Nrm2 is the normalization format
for p in pathlib.Path(sys.argv[1]).rglob('*.nrm'):
    b = bytearray(p.read_bytes())
    if b[12:16] == b'Nrm2' and b[16] == int(sys.argv[2]):
        b[16] = int(sys.argv[3]); p.write_bytes(b)
PY
mkdir -p "$(dirname "$out")"
icupkg -tl new "$work/$name.dat" -s "$src" -a "$work/items.txt"
python3 - "$work/$name.dat" <<'PY'
import struct, sys
path = sys.argv[1]
b = bytearray(open(path, 'rb').read())
header = struct.unpack_from('<H', b, 0)[0]
count = struct.unpack_from('<I', b, header)[0]
for i in range(count):
    name_at, data_at = struct.unpack_from('<II', b, header + 4 + 8 * i)
    name = b[header + name_at:b.index(0, header + name_at)].decode()
    d = header + data_at
    if name.endswith('.nrm') and b[d + 12:d + 16] == b'Nrm2' and b[d + 16] == 4:
        b[d + 16] = 5
open(path, 'wb').write(b)
PY
mv "$work/$name.dat" "$out"
echo "ICU data: $out ($(wc -c < "$out") bytes)"
