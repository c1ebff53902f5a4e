"""notebooks/explore.ipynb runs top to bottom on a fresh build of the seeds, so it never rots."""
from __future__ import annotations

from pathlib import Path

import nbclient
import nbformat
import pytest
from kg_sample import seeds_graph

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    seeds_graph(out)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_OUT", str(out))
        nbclient.NotebookClient(nb, timeout=60, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb


def _outputs(nb, mime: str) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if mime in o.get("data", {})]


def test_notebook_runs_without_errors(executed):
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


@pytest.mark.parametrize(("mime", "least"), [
    pytest.param("text/html", 8, id="dataframes"),
    pytest.param("image/png", 1, id="plot"),
    pytest.param("image/svg+xml", 1, id="ego-network"),
])
def test_notebook_shows(executed, mime, least):
    assert len(_outputs(executed, mime)) >= least


def test_notebook_is_saved_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert all(not c.outputs and c.execution_count is None for c in nb.cells if c.cell_type == "code")
