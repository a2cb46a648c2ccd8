"""The playground's Python, compiled ahead: the bytecode of what its worker imports before its
first output (Jinja, MarkupSafe, showcase.renderer).

In the browser, Pyodide compiles every module it imports from source, and for Jinja that took
about as long as anything else the page does after Python has started (``import jinja2`` in
Node on this machine: 1.25 s from source, 0.5 s from bytecode). Bytecode belongs to one Python:
it is compiled by the vendored Pyodide's own, run by Node (which npm, for the Nu HTML Checker,
brings):

    python -m showcase.bytecode      # after a change to renderer.py or to a pinned version

into ``showcase/runtime/bytecode/VERSION/``, laid out as the worker's zip lays out the modules
(``jinja2/__pycache__/lexer.cpython-314.pyc``). Each is a *checked* hash-based pyc (PEP 552): it
holds a hash of the source it was compiled from, and Python compares it with the source beside
it before using it. So a pyc that no longer fits its source is never used: the module is
compiled as before, slower and never wrong. The zip gets only the pycs that fit
(``with_bytecode``), and tests/test_playground.py fails while one is missing or stale.
"""

import _imp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from showcase.playground import PYODIDE_VERSION, RUNTIME, site_modules

FOLDER = RUNTIME / "bytecode" / PYODIDE_VERSION
CACHE_TAG = "cpython-314"  # sys.implementation.cache_tag of the vendored Pyodide's Python
HEADER = 16  # magic number, flags, source hash (PEP 552)
CHECKED_HASH = 0b11  # flags: hash-based, and checked against the source


def pyc_name(name: str) -> str:
    """Where a module's bytecode goes, by the module's name in a zip: ``jinja2/lexer.py`` is
    ``jinja2/__pycache__/lexer.cpython-314.pyc``."""
    folder, _, file = name.rpartition("/")
    return f"{folder}/__pycache__/{file.removesuffix('.py')}.{CACHE_TAG}.pyc".lstrip("/")


def fits(pyc: bytes, source: bytes) -> bool:
    """Whether ``pyc`` is a checked hash-based pyc of ``source``. The hash is keyed by the magic
    number of the Python that wrote it, which this Python can compute too (``_imp.source_hash``)."""
    if len(pyc) < HEADER or int.from_bytes(pyc[4:8], "little") != CHECKED_HASH:
        return False
    key = int.from_bytes(pyc[:4], "little")
    return pyc[8:16] == _imp.source_hash(key, source)


def compiled(name: str, source: bytes) -> bytes | None:
    """The vendored bytecode of module ``name`` (its path in a zip), if it fits ``source``."""
    path = FOLDER / pyc_name(name)
    if not path.is_file():
        return None
    pyc = path.read_bytes()
    return pyc if fits(pyc, source) else None


def with_bytecode(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """``files`` (name, content), and the bytecode that fits each of its modules."""
    found = [(pyc_name(name), compiled(name, content)) for name, content in files if name.endswith(".py")]
    return files + [(name, pyc) for name, pyc in found if pyc is not None]


# Run in Node by the vendored Pyodide: what the worker does before the playground's first output
# (it starts the renderer, which imports Jinja, and renders the page's example); then the bytecode
# of each module of the zip that this imported.
COMPILE = """
import { loadPyodide } from "%(pyodide)s";
process.on("uncaughtException", (error) => { console.error(String(error.message)); process.exit(1); });
const python = await loadPyodide({ indexURL: "%(index)s" });
python.FS.mkdirTree("/work");
python.FS.mount(python.FS.filesystems.NODEFS, { root: "%(work)s" }, "/work");
python.runPython(`
import json, py_compile, sys
assert sys.implementation.cache_tag == %(tag)r, sys.implementation.cache_tag
sys.path.insert(0, "/work/src")
from showcase import renderer
renderer.start(open("/work/site.json").read(), "/work/examples")
diagnosed = json.loads(renderer.diagnose(open("/work/render.json").read()))
assert diagnosed["error"] is None, diagnosed
assert "Week 1" in json.loads(renderer.render())["output"]
names = sorted(
    module.__file__.removeprefix("/work/src/")
    for module in list(sys.modules.values())
    if (getattr(module, "__file__", None) or "").startswith("/work/src/")
)
for name in names:
    py_compile.compile(
        "/work/src/" + name, cfile="/work/out/" + name + "c", dfile=name, doraise=True,
        invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
    )
json.dump(names, open("/work/names.json", "w"))
`);
"""


def build(modules: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """The bytecode of those of ``modules`` (name, source) that the worker imports before its first
    output, compiled by the vendored Pyodide in Node."""
    from app import app  # the site's templates and routes, as the worker gets them
    from showcase.playground import EXAMPLE_CONTEXT, EXAMPLE_TEMPLATE, site_routes, site_templates

    node = shutil.which("node")
    if node is None:
        raise SystemExit("showcase.bytecode needs Node (Debian's nodejs, which npm brings)")
    pyodide = RUNTIME / "pyodide" / PYODIDE_VERSION
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        for name, source in modules:
            for folder in ("src", "out"):
                (root / folder / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "src" / name).write_bytes(source)
        site = {"templates": site_templates(app), "routes": site_routes(app)}
        (root / "site.json").write_text(json.dumps(site), encoding="utf-8")
        render = {"template": EXAMPLE_TEMPLATE, "context_text": EXAMPLE_CONTEXT, "trim_blocks": False}
        render["lstrip_blocks"] = False
        (root / "render.json").write_text(json.dumps(render), encoding="utf-8")
        script = COMPILE % {
            "pyodide": (pyodide / "pyodide.mjs").as_uri(),
            "index": f"{pyodide}/",
            "work": work,
            "tag": CACHE_TAG,
        }
        ran = subprocess.run(
            [node, "--input-type=module", "-e", script], cwd=work, capture_output=True, text=True
        )
        if ran.returncode != 0:
            raise SystemExit(f"showcase.bytecode: Pyodide failed in Node:\n{ran.stderr[-3000:]}")
        names = json.loads((root / "names.json").read_text(encoding="utf-8"))
        return {pyc_name(name): (root / "out" / f"{name}c").read_bytes() for name in names}


def main() -> None:
    os.environ.setdefault("SECRET_KEY", "bytecode")  # app.py is imported for its templates and an example
    modules = site_modules()
    made = build(modules)
    if FOLDER.exists():
        shutil.rmtree(FOLDER)
    for name, pyc in made.items():
        (FOLDER / name).parent.mkdir(parents=True, exist_ok=True)
        (FOLDER / name).write_bytes(pyc)
    size = sum(len(pyc) for pyc in made.values())
    print(f"{FOLDER.relative_to(Path.cwd())}: {len(made)} modules, {size / 1000:,.0f} kB", file=sys.stderr)


if __name__ == "__main__":
    main()
