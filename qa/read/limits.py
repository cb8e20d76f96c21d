"""How much a reader takes on: file size, pages, unpacked size. Each limit has a default and a line of help."""
from __future__ import annotations

import os
from dataclasses import dataclass

from qa.envconfig import env_values


@dataclass(frozen=True)
class ReadLimits:
    """Limits on one document; a file over any of them is refused with one line saying which."""

    max_file_mb: float = 100.0
    max_pages: int = 2000
    max_unpacked_mb: float = 200.0

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_unpacked_bytes(self) -> int:
        return int(self.max_unpacked_mb * 1024 * 1024)

    @classmethod
    def help(cls) -> dict[str, str]:
        """Name -> one line of help, for the README."""
        return dict(HELP)

    @classmethod
    def from_env(cls, environ=None) -> "ReadLimits":
        """Defaults overridden by MINUTEBOOK_<NAME> variables (e.g. MINUTEBOOK_MAX_PAGES=5000)."""
        return cls(**env_values(cls, os.environ if environ is None else environ))


HELP = {
    "max_file_mb": "largest document file read, in MB; a bigger file is skipped with one line saying so",
    "max_pages": "most pages a PDF may have; a longer one is skipped (a 5,000-page file is not a meeting)",
    "max_unpacked_mb": "most a Word file may unpack to, in MB; more is taken for a zip bomb and skipped",
}
