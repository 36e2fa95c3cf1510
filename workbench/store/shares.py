"""Whether a SQLite file lies on a network share, where SQLite's WAL mode must not be used.

WAL coordinates its readers and writers through shared memory (the ``-shm`` file mapped
into every process); processes on two computers do not share that memory, so two
researchers who open the same project from a share (SMB/CIFS, NFS, sshfs …) would each see
their own state of the log, and their writes can corrupt the database (SQLite's
documentation: "WAL does not work over a network filesystem"). There the project uses
SQLite's rollback journal, which coordinates through file locks, like every SQLite
program that works on shares.
"""

from __future__ import annotations

import os
from pathlib import Path

MOUNTS = Path("/proc/self/mounts")  # Linux; elsewhere no share is recognised
# File systems of network shares (the type column of /proc/self/mounts)
NETWORK_TYPES = frozenset(
    "nfs nfs4 cifs smb3 smbfs 9p afs ceph glusterfs lustre gpfs ncpfs coda davfs "
    "fuse.sshfs fuse.glusterfs fuse.rclone fuse.davfs2 fuse.smbnetfs fuse.cephfs".split()
)


def _unescape(field: str) -> str:
    r"""A mount point as the kernel writes it (space as ``\040``, tab, newline, backslash)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def share_type(path: Path) -> str | None:
    """The network file system ``path`` lies on (``"cifs"``, ``"nfs4"`` …), else None."""
    try:
        lines = MOUNTS.read_text(encoding="utf-8", errors="replace").splitlines()
        where = Path(os.path.realpath(path.parent)) / path.name
    except OSError:
        return None
    best, found = -1, None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = Path(_unescape(fields[1]))
        # ">=": of mounts on one point the last is the one in use (autofs, then the share)
        if (where == point or point in where.parents) and len(point.parts) >= best:
            best, found = len(point.parts), fields[2]
    return found if found in NETWORK_TYPES else None
