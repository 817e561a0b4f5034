#!/usr/bin/env bash
# Installs and starts what Mezite's tests talk to, on a Debian machine (run as root, or with sudo available):
#   - OpenSSH (sshd, ssh, scp, sftp, ssh-keygen, sftp-server) as the interop peer of Mezite's certificates and SSH
#   - rsync (run over ssh through msh config), tmux and util-linux's setpriv: a real terminal for interactive sessions; running shells as the login user
#   - asciinema: the stock player that session recordings must play in
#   - PostgreSQL on 127.0.0.1:5432 with a database "test" that user postgres reaches without a password (trust on
#     loopback; a test machine only). Where PostgreSQL already runs (as on our CI machines), nothing is changed.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
[ -x /usr/lib/openssh/sftp-server ] || missing+=(openssh-sftp-server)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
command -v asciinema >/dev/null 2>&1 || missing+=(asciinema)
if [ ${#missing[@]} -gt 0 ]; then
    echo "test-deps: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! pg_ready; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    hba=/etc/postgresql/$version/main/pg_hba.conf
    if ! as_root grep -q "mezite-tests" "$hba"; then
        # Trust loopback connections, as on the CI machines (tests connect as postgres without a password).
        as_root sed -i '1i host all all 127.0.0.1/32 trust # mezite-tests\nhost all all ::1/128 trust # mezite-tests' "$hba"
    fi
    echo "test-deps: starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
pg_ready || { echo "test-deps: PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }

if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'test'" | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database test"
fi
echo "test-deps: PostgreSQL ready on 127.0.0.1:5432 (database test)"
