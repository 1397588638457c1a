#!/usr/bin/env bash
# Installs the Debian packages the tests use, only when one is missing: prometheus and promtool (the scrape
# test and the config checks), yamllint, docker-compose and shellcheck (tools/validate-deploy.mjs).
set -euo pipefail

packages=(prometheus yamllint docker-compose shellcheck)
commands=(prometheus promtool yamllint docker-compose shellcheck)

for command in "${commands[@]}"; do
  if ! command -v "$command" >/dev/null; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      sudo=(sudo)
    fi
    echo "installing ${packages[*]} (missing: $command)"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      "${packages[@]}" >/dev/null
    exit 0
  fi
done
