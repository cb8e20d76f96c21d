"""Benchmark: how fast the PDF reader reads text PDFs, in pages a second, with the CPU it ran on.

Usage: python scripts/bench_read.py [FILE_OR_DIR ...] [--repeat N]
With no paths it reads PDFs written for the purpose (fpdf2, 40 pages of minutes-like text each).
"""
from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.read.pdf import read_pdf  # noqa: E402


def cpu_model() -> str:
    """The CPU's model name, as the machine reports it."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def generated(n_docs: int = 5, pages: int = 40) -> list[tuple[str, bytes]]:
    """Text PDFs of numbered minute items, headings, paragraphs and a running footer."""
    from fpdf import FPDF

    para = ("The committee considered the report of the Director of Place on the condition of the footways in "
            "the town centre and agreed the programme of repairs proposed for the coming year. ") * 3
    out = []
    for d in range(n_docs):
        pdf = FPDF()
        pdf.set_auto_page_break(True, margin=20)
        n = 0
        while pdf.page_no() < pages:
            if pdf.page_no() == 0 or pdf.get_y() > 240:
                pdf.add_page()
                pdf.set_font("Helvetica", "", 8)
                pdf.cell(0, 5, f"Parks Committee - page {pdf.page_no()}", new_x="LMARGIN", new_y="NEXT")
            n += 1
            pdf.set_font("Helvetica", "B", 11)
            pdf.cell(0, 8, f"{n}. Item number {n}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, para)
        out.append((f"generated-{d}.pdf", bytes(pdf.output())))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="PDF files or directories of PDFs (default: generated PDFs)")
    ap.add_argument("--repeat", type=int, default=3, help="read everything this many times; the best run counts")
    args = ap.parse_args(argv)
    files: list[tuple[str, bytes]] = []
    for p in map(Path, args.paths):
        for f in sorted(p.glob("*.pdf")) if p.is_dir() else [p]:
            files.append((f.name, f.read_bytes()))
    files = files or generated()
    best = best_cpu = None
    for _ in range(max(1, args.repeat)):
        pages, start, cpu = 0, time.perf_counter(), time.process_time()
        for _name, data in files:
            pages += read_pdf(data).pages or 0
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        best = took if best is None or took < best else best
        best_cpu = cpu if best_cpu is None or cpu < best_cpu else best_cpu
    print(f"{len(files)} PDFs, {pages} pages: {pages / best:.1f} pages/s wall, {pages / best_cpu:.1f} pages per "
          f"CPU-second (best of {args.repeat}; wall time counts other work on the machine, CPU time does not)")
    print(f"CPU: {cpu_model()} ({platform.machine()}), Python {platform.python_version()}, one process")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
