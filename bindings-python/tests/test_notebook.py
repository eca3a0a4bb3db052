"""Runs examples/scoring.ipynb top to bottom in a real kernel; any failing cell fails the test."""

import json
import sys
from pathlib import Path

# Required, never skipped: scripts/test-python.sh installs them.
import ipykernel  # noqa: F401
import matplotlib  # noqa: F401
import nbclient
import nbformat
import pandas  # noqa: F401

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "scoring.ipynb"


def test_notebook_runs(tmp_path, monkeypatch):
    # A kernel spec for this very interpreter, so the kernel imports the cchc under test
    # whatever other "python3" kernels the machine has.
    spec = tmp_path / "kernels" / "cchc-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "cchc test",
            "language": "python",
        }),
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.delenv("CCHC_LANG", raising=False)  # the kernel starts in Vietnamese

    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert len(nb.cells) > 5
    client = nbclient.NotebookClient(
        nb,
        kernel_name="cchc-test",
        timeout=180,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    kinds = {k for o in outputs for k in o.get("data", {})}
    assert "image/png" in kinds, "the bar chart was not drawn"
    assert "text/html" in kinds, "no table was shown"
    text = "".join(o.get("text", "") for o in outputs)
    assert "units scored" in text and "fingerprint: sha256:" in text
    assert "default language: vi" in text
