"""Every notebook runs top to bottom without error."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def test_there_is_an_index_and_a_notebook_per_built_in_type():
    names = {p.stem for p in NOTEBOOKS}
    assert {"index", "self-compassion", "small-steps", "needs-inventory", "reflection", "wins-log"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    widget_views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widget_views, "every notebook shows at least one exercise widget"


def test_preview_of_a_file_with_problems_lists_them_and_serves_nothing(tmp_path):
    from click.testing import CliRunner

    import innerwork
    from innerwork.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntype: wins-log\nschema_version: 1\ntitle: Bad\nminutes: ten\n")
    result = CliRunner().invoke(main, ["preview", str(bad), "--no-browser"])
    assert result.exit_code == 1
    assert (
        "bad.yaml:5:1: /minutes: expected a whole number" in result.output
        and "fix them and preview again" in result.output
    )
    shown = innerwork.preview(str(bad))
    assert "bad.yaml:5:1: /minutes: expected a whole number" in shown.children[1].value
