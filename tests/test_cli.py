import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_output_cut_short_by_its_reader_ends_quietly():
    # `python -m qa parse --json FILE | head -2` (half a megabyte, past any pipe buffer): the reader closes the
    # pipe; no traceback, a clean exit.
    proc = subprocess.Popen([sys.executable, "-m", "qa", "parse", "--json",
                             "corpus/worcestershire-ospb-2020-06-22-agenda-pack.txt"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipeError" not in err
