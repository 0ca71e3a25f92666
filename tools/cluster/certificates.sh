#!/usr/bin/env bash
# Makes the PEM files of a sealed cluster: one CA, and for each member a certificate the CA signs, valid for
# both ends of a TLS connection (the event bus uses mutual TLS). Needs openssl.
#
#   tools/cluster/certificates.sh DIR MEMBER[=HOST,HOST…] …
#
# DIR gets ca.pem (give it to every member as EVENT_BUS_TLS_CA), ca.key (keep it offline: it signs new members)
# and, per member, MEMBER.pem and MEMBER.key (EVENT_BUS_TLS_CERT and EVENT_BUS_TLS_KEY of that process). HOSTs
# (addresses or names) go into the certificate's subjectAltName; the default is 127.0.0.1 and localhost.
# An existing CA in DIR is reused, so members can be added later. Certificates last DAYS days (default 825).
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
dir=$1; shift
days=${DAYS:-825}
mkdir -p "$dir"
umask 077
if [ ! -f "$dir/ca.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days "$days" \
    -subj "/CN=jobdash cluster CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
fi
for spec in "$@"; do
  name=${spec%%=*}
  hosts=127.0.0.1,localhost
  [ "$spec" != "$name" ] && hosts=${spec#*=}
  case $name in (*[!A-Za-z0-9._-]*|'') echo "bad member name: $name" >&2; exit 2;; esac
  san=""
  IFS=, read -ra list <<< "$hosts"
  for h in "${list[@]}"; do
    if [[ $h =~ ^[0-9.]+$ || $h == *:* ]]; then san+="IP:$h,"; else san+="DNS:$h,"; fi
  done
  ext=$(mktemp)
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature\nbasicConstraints=CA:FALSE\n' \
    "${san%,}" > "$ext"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -subj "/CN=$name" \
    -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>/dev/null
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -sha256 \
    -days "$days" -extfile "$ext" -out "$dir/$name.pem" 2>/dev/null
  rm -f "$dir/$name.csr" "$ext"
done
chmod 644 "$dir"/*.pem
echo "$dir: ca.pem, ca.key and $(printf '%s ' "${@%%=*}")(.pem/.key)"
