#!/usr/bin/env bash
# Installs the optional peers of scipy_peer.py --peers splu,umfpack,mumps on Debian 12 (run as root):
#   umfpack: GNU Octave (its sparse lu() is UMFPACK), run as octave-cli by umfpack_peer.m
#   mumps:   PETSc's petsc4py with MUMPS, run under the system Python (/usr/bin/python3) by mumps_peer.py,
#            which also needs the system Python's SciPy
# SciPy's splu needs only the Python that runs scipy_peer.py (numpy + scipy).
set -euo pipefail
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq octave python3-petsc4py python3-scipy
