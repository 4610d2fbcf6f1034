"""PDF conversion: one LibreOffice start per paper versus one for a batch, in one run.

python benchmarks/bench_pdf.py [--json] [--papers 20]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import vorlagen  # noqa: E402
from benchmarks import arguments, report  # noqa: E402


def run(papers: int) -> dict[str, float]:
    text = (ROOT / "examples" / "beschlussvorlage.json").read_text(encoding="utf-8")
    docx = vorlagen.render(vorlagen.Sitzungsvorlage.model_validate_json(text))
    documents = [docx] * papers
    vorlagen.to_pdf(docx)  # warm the disk cache for LibreOffice's own files
    start = time.perf_counter()
    for document in documents:
        vorlagen.to_pdf(document)
    one_by_one = (time.perf_counter() - start) / papers
    start = time.perf_counter()
    vorlagen.to_pdf_many(documents)
    batch = (time.perf_counter() - start) / papers
    return {
        "papers": papers,
        "one_by_one_s_per_paper": round(one_by_one, 3),
        "batch_s_per_paper": round(batch, 3),
        "one_by_one_over_batch": round(one_by_one / batch, 2),
    }


def main() -> int:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=20, help="papers per measurement")
    args = parser.parse_args()
    report(run(args.papers), args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
