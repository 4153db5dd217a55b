"""Record the messages of every refused case into expected.json (review the diff before committing).

python tests/hostile/record.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile.cases import AS_OF, REFUSED
from iom.errors import ImportValidationError
from iom.ingest.validate import validate_directory
from iom.reference import load_reference


def main() -> None:
    """Validate every refused case (as if against a store) and write what it says."""
    out: dict[str, list[str]] = {}
    for case in REFUSED:
        folder = Path(tempfile.mkdtemp(prefix="hostile-"))
        for name, data in case.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8", newline="")
        try:
            validate_directory(
                folder, None, reference=load_reference(), as_of=date.fromisoformat(AS_OF)
            )
            out[case.name] = ["<<ACCEPTED: not a refused case>>"]
        except ImportValidationError as e:  # the store is asked about references: say so
            out[case.name] = [
                m + " or in the store" if m.endswith(" in this import") else m for m in e.problems
            ]
    target = Path(__file__).with_name("expected.json")
    target.write_text(json.dumps(out, indent=1, ensure_ascii=True) + "\n")
    print(f"{len(out)} cases written to {target}")


if __name__ == "__main__":
    main()
