"""The gallery's table of contents: which views of app.py are examples, under which topic.

This is all the gallery needs to be told. The rest it reads from the example's own
files: the title from its template's ``title`` block, the summary from the view's
docstring, the data sets and templates from the view's code, the variants from the
files in data/ (``lists.empty.json``). The views themselves stay plain Flask.
"""

# Topic by topic, in the order the index shows them; within a topic, in the order read.
TOPICS: dict[str, tuple[str, ...]] = {
    "Data from Python": (
        "lists",
        "dicts",
        "tables",
        "nested",
        "tree",
        "python_types",
        "objects",
        "dates",
    ),
    "Output and expressions": (
        "output",
        "expressions",
        "undefined",
    ),
    "Filters": (
        "string_filters",
        "number_filters",
        "list_filters",
        "select_filters",
        "group_filters",
        "dict_filters",
        "custom_filters",
    ),
    "Tests": (
        "type_tests",
        "value_tests",
    ),
    "Loops and conditionals": (
        "conditionals",
        "loop_variable",
        "loop_helpers",
        "loop_controls",
    ),
    "Assignment and scope": (
        "assignment",
        "namespace",
    ),
    "Reuse": (
        "macros",
        "call_blocks",
        "imports",
        "includes",
    ),
    "Inheritance": (
        "inheritance",
        "block_features",
        "dynamic_extends",
    ),
    "Whitespace": ("whitespace",),
    "Escaping and safety": (
        "autoescape",
        "trusted_html",
        "data_island",
        "safe_urls",
    ),
    "Globals and extensions": (
        "global_functions",
        "extensions",
    ),
    "Flask's side": (
        "urls",
        "search",
        "forms",
        "session_g",
        "context_processors",
        "template_globals",
        "config_values",
        "error_pages",
        "render_string",
        "streaming",
    ),
}
